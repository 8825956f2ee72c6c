"""Pass 2 (blocks -> blocks + notes): take the footnotes out of the running text.

A footnote is a block that opens with the printed marker (``*``) and follows a block in
which an unresolved marker stands after a word (``by us.*``). Each marker in the running
text is replaced by one private character that says which note belongs there, so later
passes can put the note exactly at its reference point."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .asterisks import scan
from .blocks import Block

#: First private-use code point used for note anchors (one per note, in order).
ANCHOR_BASE = 0xF0000

#: Who signed a note: pattern on the end of the note text -> role. Unsigned notes are the
#: author's.
SIGNATURES: tuple[tuple[str, str], ...] = (
    (r"[—–-]\s*\*?Eds?\.\*?\s*$", "editors"),
    (r"[—–-]\s*\*?Translator'?s note\.?\*?\s*$", "translator"),
)


@dataclass
class RawNote:
    """A footnote as printed: its marker, its text (marker removed), who wrote it and the
    source line it was printed at."""

    marker: str
    text: str
    role: str
    line: int


def anchor(index: int) -> str:
    """The private character standing for note ``index`` in the running text."""
    return chr(ANCHOR_BASE + index)


def anchor_index(ch: str) -> int | None:
    """The note index a character stands for, or ``None``."""
    code = ord(ch)
    return code - ANCHOR_BASE if ANCHOR_BASE <= code < ANCHOR_BASE + 0xFFFD else None


def note_role(text: str) -> str:
    """``editors``/``translator`` for signed notes, ``author`` otherwise."""
    for pattern, role in SIGNATURES:
        if re.search(pattern, text):
            return role
    return "author"


#: A note block opens with its marker: one to three asterisks, or a dagger.
_LEADING = re.compile(r"(\*{1,3}|[†‡])\s*")


def note_marker(text: str) -> str | None:
    """The marker ``text`` opens with if it reads as a footnote, else ``None``: the marker,
    then text whose asterisks are all balanced (where, for asterisk markers, the block as a
    whole does not balance)."""
    match = _LEADING.match(text)
    if not match:
        return None
    rest = text[match.end():]
    if not rest or not (rest[0].isupper() or rest[0].isdigit() or rest[0] in "\"“'‘(["):
        return None
    if not scan(rest).clean:
        return None
    if match.group(1).startswith("*") and scan(text).clean:
        return None
    return match.group(1)


def is_note_block(text: str) -> bool:
    """Whether ``text`` reads as a footnote (see :func:`note_marker`)."""
    return note_marker(text) is not None


def separate_notes(blocks: list[Block]) -> tuple[list[Block], list[RawNote]]:
    """The running-text blocks (markers replaced by anchors) and the notes, in marker order.
    A note block is taken only when a marker is waiting for it: the first waiting marker
    with the same symbol, else the first waiting one. A marker that never gets a note keeps
    its asterisks."""
    flow: list[Block] = []
    found: list[tuple[tuple[int, int, int], RawNote]] = []
    pending: list[tuple[int, int, int, str]] = []  # block, offset, length, symbol
    for block in blocks:
        marker = note_marker(block.text) if pending else None
        if marker is not None:
            k = next((k for k, p in enumerate(pending) if p[3] == marker), 0)
            b, offset, length, _ = pending.pop(k)
            text = block.text[_LEADING.match(block.text).end():]  # type: ignore[union-attr]
            found.append(((b, offset, length), RawNote(marker, text, note_role(text),
                                                         block.line)))
            continue
        flow.append(Block(block.text, block.line))
        text = block.text
        pending.extend((len(flow) - 1, offset, length, text[offset:offset + length])
                       for offset, length in scan(text).markers)
    found.sort(key=lambda item: item[0][:2])
    notes = [note for _, note in found]
    by_block: dict[int, list[tuple[int, int, int]]] = {}
    for index, ((b, offset, length), _) in enumerate(found):
        by_block.setdefault(b, []).append((offset, length, index))
    for b, items in by_block.items():
        text = flow[b].text
        for offset, length, index in sorted(items, reverse=True):
            text = text[:offset] + anchor(index) + text[offset + length:]
        flow[b] = Block(text, flow[b].line)
    return flow, notes

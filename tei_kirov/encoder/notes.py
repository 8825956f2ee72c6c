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


def is_note_block(text: str) -> bool:
    """Whether ``text`` reads as a footnote: a leading marker, then text whose asterisks are
    all balanced, where the block as a whole does not balance."""
    match = re.match(r"(\*+)\s*", text)
    if not match or match.group(1) != "*":
        return False
    rest = text[match.end():]
    if not rest or not (rest[0].isupper() or rest[0] in "\"“'‘(["):
        return False
    return scan(rest).clean and not scan(text).clean


def separate_notes(blocks: list[Block]) -> tuple[list[Block], list[RawNote]]:
    """The running-text blocks (markers replaced by anchors) and the notes, in marker order.
    A note block is taken only when a marker is waiting for it; a marker that never gets a
    note keeps its asterisk."""
    flow: list[Block] = []
    notes: list[RawNote] = []
    pending: list[tuple[int, int]] = []  # (flow block index, offset) of unresolved markers
    for block in blocks:
        if pending and is_note_block(block.text):
            text = re.sub(r"^\*\s*", "", block.text)
            notes.append(RawNote("*", text, note_role(text), block.line))
            pending.pop(0)
            continue
        markers = scan(block.text).markers
        flow.append(Block(block.text, block.line))
        pending.extend((len(flow) - 1, offset) for offset in markers)
    # replace resolved markers (the first len(notes) in order) by anchors
    resolved = _all_markers(flow)[: len(notes)]
    by_block: dict[int, list[tuple[int, int]]] = {}
    for index, (b, offset) in enumerate(resolved):
        by_block.setdefault(b, []).append((offset, index))
    for b, items in by_block.items():
        text = flow[b].text
        for offset, index in sorted(items, reverse=True):
            text = text[:offset] + anchor(index) + text[offset + 1:]
        flow[b] = Block(text, flow[b].line)
    return flow, notes


def _all_markers(flow: list[Block]) -> list[tuple[int, int]]:
    return [(b, offset) for b, block in enumerate(flow) for offset in scan(block.text).markers]

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
from .heads import NOTES_HEAD

#: First private-use code point used for note anchors (one per note, in order).
ANCHOR_BASE = 0xF0000

#: A note's signature: a dash, then one to four words (in italics or not) ending the note
#: (``—Eds.``, ``— *Translator's note.*``, ``—J. S.``).
SIGNATURE = re.compile(r"(?:[—–]|--)\s*([*_]?[A-Z][\w'’.]*(?:\s+[\w'’.]+){0,3}[*_]?)\s*$")


@dataclass
class RawNote:
    """A footnote as printed: its marker, its text (marker removed), who wrote it and the
    source line it was printed at."""

    marker: str
    text: str
    role: str
    line: int
    pointed: bool = False
    #: Where the note was printed: ``foot`` (the page foot, after its paragraph or
    #: gathered at the chapter end) or ``end`` (under a notes head at the end).
    place: str = "foot"


def anchor(index: int) -> str:
    """The private character standing for note ``index`` in the running text."""
    return chr(ANCHOR_BASE + index)


def anchor_index(ch: str) -> int | None:
    """The note index a character stands for, or ``None``."""
    code = ord(ch)
    return code - ANCHOR_BASE if ANCHOR_BASE <= code < ANCHOR_BASE + 0xFFFD else None


def signer_key(signature: str) -> str:
    """How a printed signature is looked up: lower case, without stops and italics marks."""
    return " ".join(re.sub(r"[*_.]", " ", signature).lower().split())


#: Printed signatures whose role the convention makes plain (``—Ed.``, ``—Eds.``,
#: ``—Translator's note``, ``—Author``): the role whose header party signs the note, when the
#: authority file does not name the signer itself.
_ROLE_OF_SIGNATURE = (
    (re.compile(r"^(?:eds?|editors?'?s?(?: note)?|the editors?)$"), "editors"),
    (re.compile(r"^(?:tr|trans|translator'?s?(?: note)?)$"), "translator"),
    (re.compile(r"^(?:author'?s?(?: note)?)$"), "author"),
)


def signature_role(key: str) -> str | None:
    """The header role (``author``, ``editors``, ``translator``) that a note signed
    ``key`` (a :func:`signer_key`) belongs to: ``author`` for an unsigned note, ``None`` for
    a signature the convention does not explain."""
    if not key:
        return "author"
    return next((role for pattern, role in _ROLE_OF_SIGNATURE if pattern.match(key)), None)


def note_role(text: str) -> str:
    """Who signed the note, as :func:`signer_key` of its printed signature; ``""`` for an
    unsigned note (the author's). What a signature stands for is data (the metadata or
    authority file), not known here."""
    m = SIGNATURE.search(text)
    return signer_key(m.group(1)) if m else ""


#: A note block opens with its marker: one to three asterisks, a dagger or section sign,
#: or a number (superscript, ``[1]``, ``(1)``, ``1)``).
_LEADING = re.compile(r"(\*{1,3}|[†‡§]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[\d{1,3}\]|\(\d{1,3}\)|\d{1,3}\))\s*")
#: Project Gutenberg's note blocks: ``[Footnote 1: text]``.
_GUTENBERG = re.compile(r"^\[Footnote (\w{1,3}):\s*(.*)\]$", re.S)
#: Numbered markers in running text, right after a word or punctuation.
_NUMBERED = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+|(?<=[^\s\d(\[])(?:\[\d{1,3}\]|\(\d{1,3}\))"
                       r"|(?<=[A-Za-z.,;:!?”’\"'])\d{1,3}\)(?=\s|$)")
_SUPERSCRIPTS = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")
#: First private-use code point of pointers: a second marker of a note printed once.
POINTER_BASE = ANCHOR_BASE + 0x8000


def marker_key(marker: str) -> str:
    """What a marker refers by: the symbol, or the digits of a numbered marker."""
    digits = marker.translate(_SUPERSCRIPTS).strip("[]().")
    return digits if digits.isdigit() else marker


def pointer(index: int) -> str:
    """The private character standing for a pointer to note ``index``."""
    return chr(POINTER_BASE + index)


def pointer_index(ch: str) -> int | None:
    code = ord(ch)
    return code - POINTER_BASE if POINTER_BASE <= code < POINTER_BASE + 0x7000 else None


def _numbered_markers(text: str) -> list[tuple[int, int]]:
    """Numbered markers of ``text``: superscript digits, ``[1]`` and ``(1)`` after a word,
    and ``1)`` after a word or its stop, unless that word opened a parenthesis
    (``(vol.3)``)."""
    found: list[tuple[int, int]] = []
    for m in _NUMBERED.finditer(text):
        word = text[:m.start()].rsplit(None, 1)[-1] if text[:m.start()].strip() else ""
        if m.group().endswith(")") and m.group()[0].isdigit() and "(" in word:
            continue
        found.append((m.start(), m.end() - m.start()))
    return found


#: An entry of an end-notes section: a number and a stop (``1. The toll was ...``).
_ENTRY = re.compile(r"(\d{1,3}\.)\s+")


def _leading(text: str, endnotes: bool = False) -> re.Match[str] | None:
    """The marker a note block opens with (in an end-notes section, ``1.`` too)."""
    match = _LEADING.match(text)
    if match is None and endnotes:
        match = _ENTRY.match(text)
    return match


def note_marker(text: str, endnotes: bool = False) -> str | None:
    """The marker ``text`` opens with if it reads as a footnote, else ``None``: the marker,
    then text whose asterisks are all balanced (where, for asterisk markers, the block as a
    whole does not balance). ``endnotes``: the block stands under a notes head, where an
    entry may open with a number and a stop."""
    gutenberg = _GUTENBERG.match(text)
    if gutenberg:
        return gutenberg.group(1)
    match = _leading(text, endnotes)
    if not match:
        return None
    rest = text[match.end():]
    if not rest or not (rest[0].isalpha() or rest[0].isdigit() or rest[0] in "\"“'‘(["):
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
    from .pages import join_lines  # pages reads the anchors this module defines

    flow: list[Block] = []
    found: list[tuple[tuple[int, int, int], RawNote]] = []
    pending: list[tuple[int, int, int, str]] = []  # block, offset, length, symbol
    endnotes = False
    for block in blocks:
        marker = note_marker(block.text, endnotes) if pending else None
        key = marker_key(marker) if marker is not None else None
        k = next((k for k, p in enumerate(pending) if marker_key(p[3]) == key), None)
        if marker is not None and k is None and not key.isdigit():  # type: ignore[union-attr]
            k = 0
        if marker is not None and k is not None:
            b, offset, length, _ = pending.pop(k)
            gutenberg = _GUTENBERG.match(block.text)
            text = gutenberg.group(2) if gutenberg else \
                block.text[_leading(block.text, endnotes).end():]  # type: ignore[union-attr]
            text = join_lines(text) if "\n" in text else text
            found.append(((b, offset, length), RawNote(marker, text, note_role(text),
                                                         block.line,
                                                         place="end" if endnotes else "foot")))
            continue
        flow.append(Block(block.text, block.line))
        endnotes = bool(NOTES_HEAD.match(block.text.strip())) or endnotes and marker is not None
        text = block.text
        markers = sorted(scan(text).markers + _numbered_markers(text))
        pending.extend((len(flow) - 1, offset, length, text[offset:offset + length])
                       for offset, length in markers)
    found.sort(key=lambda item: item[0][:2])
    notes = [note for _, note in found]
    by_block: dict[int, list[tuple[int, int, str]]] = {}
    for index, ((b, offset, length), _) in enumerate(found):
        by_block.setdefault(b, []).append((offset, length, anchor(index)))
    keys = {marker_key(n.marker): i for i, n in enumerate(notes)
            if marker_key(n.marker).isdigit()}
    for b, offset, length, symbol in pending:  # a second marker of a note printed once
        target = keys.get(marker_key(symbol))
        if target is not None and (b, offset) > found[target][0][:2]:
            notes[target].pointed = True
            by_block.setdefault(b, []).append((offset, length, pointer(target)))
    for b, items in by_block.items():
        text = flow[b].text
        for offset, length, char in sorted(items, reverse=True):
            text = text[:offset] + char + text[offset + length:]
        flow[b] = Block(text, flow[b].line)
    return flow, notes

"""Milestone marks: single private-use characters that stand for ``<pb/>`` and ``<lb/>`` in
the text passes, until the inline pass turns them into elements.

A mark is one character, so the text passes (structure, notes, names) see it as neither a
letter nor a space, and a page number travels inside it: ``<pb n="7"/>`` is the character
``PAGE_BASE + 7``, its in-word form (``break="no"``) ``PAGE_WORD_BASE + 7``, both in
Supplementary Private Use Area-B (Area-A holds the note anchors of :mod:`.notes`)."""

from __future__ import annotations

import unicodedata
from typing import NamedTuple

#: ``<pb/>`` between words and ``<pb break="no"/>`` inside a word, page number unknown.
PB = "\ue001"
PB_WORD = "\ue002"
#: ``<lb break="no"/>``: a line break inside a word whose hyphen was dropped (or kept).
LB_WORD = "\ue003"

PAGE_BASE = 0x100000
PAGE_WORD_BASE = 0x108000
#: The highest page number a mark can carry.
MAX_PAGE = 0x7FFF


class Mark(NamedTuple):
    """What one mark character stands for: ``pb`` or ``lb``, its page number, and whether
    it stands inside a word."""

    tag: str
    n: int | None
    in_word: bool


def page_mark(n: int | None, in_word: bool = False) -> str:
    """The mark for a page beginning numbered ``n`` (``None``: number unknown)."""
    if n is None or not 0 <= n <= MAX_PAGE:
        return PB_WORD if in_word else PB
    return chr((PAGE_WORD_BASE if in_word else PAGE_BASE) + n)


def read_mark(ch: str) -> Mark | None:
    """What ``ch`` stands for, or ``None`` when it is no mark."""
    code = ord(ch)
    if ch == PB:
        return Mark("pb", None, False)
    if ch == PB_WORD:
        return Mark("pb", None, True)
    if ch == LB_WORD:
        return Mark("lb", None, True)
    if PAGE_BASE <= code <= PAGE_BASE + MAX_PAGE:
        return Mark("pb", code - PAGE_BASE, False)
    if PAGE_WORD_BASE <= code <= PAGE_WORD_BASE + MAX_PAGE:
        return Mark("pb", code - PAGE_WORD_BASE, True)
    return None


def is_mark(ch: str) -> bool:
    """Whether ``ch`` is a milestone mark."""
    return read_mark(ch) is not None


def visible(text: str) -> str:
    """``text`` without private-use characters (milestone marks and note anchors alike):
    what the printed line shows."""
    return "".join(ch for ch in text if unicodedata.category(ch) != "Co")


def strip_marks(text: str) -> str:
    """``text`` without its marks (for tests of text that may carry them)."""
    return "".join(ch for ch in text if not is_mark(ch))

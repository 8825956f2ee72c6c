"""Pass 3 (blocks -> blocks): undo the page layout.

A paragraph that a page break cut in two (the first part ends without closing punctuation,
the second starts in lower case) is joined again, a page-break character marking the spot;
a word hyphenated across the break is joined without its hyphen (unless it is a true
compound) and marked with a no-break page-break character. Italics that the OCR closed at
the foot of a page and reopened on the next are made one span."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .blocks import Block
from .heads import is_byline
from .hyphens import Vocabulary, joins_word
from .marks import LB_WORD, PB, PB_WORD, page_mark, read_mark
from .notes import anchor_index

__all__ = ["PB", "PB_WORD", "JoinStats", "continues", "is_compound", "join_lines",
           "join_pages", "join_two"]

_TERMINAL = ".!?:;\"”’)]"


@dataclass
class JoinStats:
    """What the pass did: paragraphs joined, words joined (hyphen dropped), compounds kept."""

    paragraphs: int = 0
    words: list[str] = field(default_factory=list)
    compounds: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.paragraphs + len(self.words) + len(self.compounds)


def _tail(text: str) -> str:
    stripped = text.rstrip()
    while stripped and (stripped[-1] == "*" or anchor_index(stripped[-1]) is not None):
        stripped = stripped[:-1].rstrip()
    return stripped


def _lead(text: str) -> tuple[str, str]:
    """The page marks ``text`` starts with (put there by :mod:`.furniture`) and the rest."""
    i = 0
    while i < len(text) and read_mark(text[i]) is not None:
        i += 1
    return text[:i], text[i:]


def continues(first: str, second: str) -> bool:
    """Whether ``second`` goes on the paragraph ``first`` broke off (in lower case, or with
    the capital of a compound split at its hyphen: ``Great-`` / ``Britain``)."""
    tail, head = _tail(first), _lead(second)[1].lstrip("*")
    if not tail or not head or "\n" in first or "\n" in second:
        return False
    if tail[-1] in _TERMINAL or is_byline(head):
        return False
    return head[0].islower() or head[0] in "—–" or joins_word(tail, head) is not None


def is_compound(first: str, second: str, text: str | Vocabulary) -> bool:
    """Whether ``first-second`` is a true compound by the vocabulary of ``text`` (the
    source, or its :class:`~.hyphens.Vocabulary`): see :meth:`.Vocabulary.is_compound`."""
    vocab = text if isinstance(text, Vocabulary) else Vocabulary.of(text)
    return vocab.is_compound(first, second)


def join_two(first: str, second: str, text: str | Vocabulary, stats: JoinStats,
             page_breaks: bool = True) -> str:
    """``first`` and ``second`` as one paragraph with the page break marked (by the page
    mark ``second`` starts with, when it has one). ``page_breaks=False``: a break without a
    page mark is no page break (only a word split there is marked, as a line break)."""
    first = first.rstrip()
    marks, second = _lead(second)
    mark = read_mark(marks[0]) if marks else None
    number = mark.n if mark is not None else None
    paged = mark is not None or page_breaks
    word_mark = page_mark(number, in_word=True) if paged else LB_WORD
    break_mark = page_mark(number) if paged else ""
    if first.endswith("*") and not first.endswith("**") and re.match(r"\*[^\s*]", second):
        first, second = first[:-1], second[1:]  # one italic span across the break
    hyphen = re.search(r"(\w+)-$", first)
    word = re.match(r"\w+", second)
    if hyphen and word:
        a, b = hyphen.group(1), word.group(0)
        if is_compound(a, b, text):
            stats.compounds.append(f"{a}-{b}")
            return first + word_mark + second
        stats.words.append(a + b)
        return first[:-1] + word_mark + second
    stats.paragraphs += 1
    return first + " " + break_mark + second


def join_pages(blocks: list[Block], text: str = "", page_breaks: bool = True
               ) -> tuple[list[Block], JoinStats]:
    """The blocks with every paragraph that continues across a page break joined.
    ``text`` (the whole source) helps to tell compounds from hyphenated words;
    ``page_breaks``: whether a paragraph cut by a blank line was cut by a page break (True
    for a text whose page breaks the raw-text passes have not marked already)."""
    stats = JoinStats()
    vocab = Vocabulary.of(text)
    out: list[Block] = []
    for block in blocks:
        if out and continues(out[-1].text, block.text):
            out[-1] = Block(join_two(out[-1].text, block.text, vocab, stats, page_breaks),
                            out[-1].line)
        else:
            out.append(Block(block.text, block.line))
    return out, stats


def join_lines(text: str, source: str = "") -> str:
    """The lines of one block as one paragraph: line-end hyphens of split words dropped
    (compounds keep them, by the vocabulary of ``source``, or of the block itself when no
    source is given), other line breaks made spaces."""
    vocab = Vocabulary.of(source or text)

    def repl(m: re.Match[str]) -> str:
        a, b = m.group(1), m.group(2)
        return f"{a}-{b}" if vocab.is_compound(a, b) else a + b
    text = re.sub(r"(\w+)-\n(\w+)", repl, text)
    return re.sub(r"\s*\n\s*", " ", text)

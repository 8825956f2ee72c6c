"""Pass 4 (blocks -> text model): divisions, front matter and closers, from the printed
conventions of the blocks, not from one text's layout.

Heads are recognised by :mod:`.heads` and kept only where what follows confirms them (a
plain line must be followed by running text or by a numbered head it encloses); divisions nest
by the kind of their head (part > chapter > numbered sections, in the order the kinds
appear). Heads named like front matter (preface, introduction, ...) before the first other
head make the front, with the title page (:mod:`.frontmatter`) and a contents list (e-text producer
credits were taken out before, by :mod:`.credits`). A piece ends with its closer
(:mod:`.closers`). Where unsure, a block stays a paragraph. Text stays raw here."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..models import (
    Back,
    Body,
    Byline,
    Choice,
    Corr,
    Div,
    Front,
    Head,
    Hi,
    Item,
    Label,
    List,
    P,
    Quote,
    Sic,
    Text,
    Trailer,
)
from .blocks import Block
from .closers import closer_at_end, closer_parts, is_dateline, opener_at_start
from .frontmatter import build_title_page, epigraph_at, is_dedication, with_breaks, with_credits
from .heads import (
    ARABIC,
    NOTES_HEAD,
    WORD_RANK,
    is_byline,
    is_caps,
    is_section_head,
    is_subtitle,
    known_word,
    numbered_head,
    word_head,
)
from .headscan import (
    CONTENTS,
    HeadAt,
    body_text,
    find_contents,
    find_heads,
    is_prose,
    tail_is_colon,
)
from .marks import visible
from .notes import anchor_index
from .pages import join_lines
from .report import Findings

__all__ = ["Hint", "Settings", "StructureReport", "build_text", "is_prose", "is_section_head",
           "is_subtitle"]

ITEM = re.compile(r"^(\d+)(?:-(\d+))?\.\s+(\S.*)$", re.S)
_QUOTES_OPEN = "\"“"
#: Front-matter heads by their first word.
FRONT = {"preface": "preface", "introduction": "introduction", "foreword": "foreword",
         "dedication": "dedication", "advertisement": "advertisement", "prefatory": "preface",
         "introductory": "introduction", "acknowledgments": "acknowledgments",
         "acknowledgements": "acknowledgments", "to": "dedication"}
#: The last line of a text: ``THE END``, ``Finis``.
TRAILER = re.compile(r"^(?:THE END|The End|FINIS|Finis)\.?$")
#: Back-matter heads by their first word.
BACK = {"appendix": "appendix", "appendices": "appendix", "index": "index",
        "glossary": "glossary", "bibliography": "bibliography", "notes": "notes",
        "endnotes": "notes", "afterword": "afterword"}
_ID_PREFIX = {"article": "art", "chapter": "ch", "section": "s", "part": "part",
              "book": "book", "letter": "let", "volume": "vol"}


def front_name(word: str) -> str | None:
    """The front-matter division a head's first word names (``PREFACE``, ``Introduction``;
    in capitals misread by one letter, ``PEEFACE``)."""
    name = known_word(word, FRONT)
    return FRONT[name] if name is not None else None


@dataclass
class Hint:
    """An unmarked division: its type and the words its first paragraph opens with."""

    type: str
    opening: str


@dataclass
class Settings:
    """What a user may set for their text: the type of a division whose head is unnumbered
    (default ``section``)."""

    unnumbered: str = "section"


@dataclass
class StructureReport:
    """What the pass found."""

    divisions: dict[str, int] = field(default_factory=dict)
    lists: int = 0
    quotes: int = 0
    corrections: list[str] = field(default_factory=list)
    findings: Findings = field(default_factory=Findings)

    @property
    def articles(self) -> int:
        return self.divisions.get("article", 0)

    @property
    def sections(self) -> int:
        return self.divisions.get("section", 0)


def _paragraph(text: str) -> bool:
    """A block no title page prints: three sentences or more, a long run of prose, or text
    carrying a footnote marker."""
    shown = visible(text)
    return not is_caps(shown) and (
        len(re.findall(r"[a-z]{2}[.!?][\"”’)]*(?:\s|$)", shown)) >= 3 or len(shown) > 400
        or any(anchor_index(ch) is not None for ch in text))


def _raw(text: str) -> str:
    return join_lines(text)


class _Ids:
    """Ids unique by construction: a taken id gets a number."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def make(self, base: str) -> str:
        ident, k = base, 2
        while ident in self.used:
            ident, k = f"{base}-{k}", k + 1
        self.used.add(ident)
        return ident


@dataclass
class _Units:
    texts: list[str]
    lines: list[int]


def build_text(blocks: list[str] | list[Block], hints: list[Hint] | None = None,
               report: StructureReport | None = None,
               settings: Settings | None = None, running_heads: Iterable[str] = ()) -> Text:
    """The ``text`` element whose blocks are ``blocks``; ``running_heads``: page heads the
    raw-OCR pass took out (evidence against heads like them)."""
    hints = hints or []
    report = report if report is not None else StructureReport()
    settings = settings or Settings()
    texts = [b.text if isinstance(b, Block) else b for b in blocks]
    lines = [b.line if isinstance(b, Block) else 0 for b in blocks]
    notes_head = texts[-1] if len(texts) > 1 and NOTES_HEAD.match(texts[-1].strip()) else None
    notes_line = lines[-1] if lines else 0
    if notes_head is not None:  # the head of end notes, whose texts went to their markers
        texts, lines = texts[:-1], lines[:-1]
    texts, lines = split_run_in_heads(texts, lines)
    units = _Units(texts, lines)
    toc = find_contents(units.texts)
    heads = find_heads(units.texts, toc, units.lines, report.findings, running_heads)
    built = _Builder(units, toc, heads, hints, report, settings)
    text = built.build()
    if notes_head is not None:
        div = Div(Head(notes_head), type="notes", xml_id=built.ids.make("notes"))
        back = text.content[-1] if isinstance(text.content[-1], Back) else None
        if back is None:
            text.content.append(Back(div))
        else:
            back.content.append(div)
        report.findings.add("division", notes_line, notes_head,
                            value="div type=notes in back (the notes stand at their markers)")
    return text


def split_run_in_heads(texts: list[str], lines: list[int]) -> tuple[list[str], list[int]]:
    """Blocks whose first line is a numbered head (``CHAPTER I.``, ``II. THE LAMP``) with
    running text set directly under it, without a blank line: the head and the text as two
    blocks."""
    out_texts: list[str] = []
    out_lines: list[int] = []
    for text, line in zip(texts, lines, strict=True):
        first, _, rest = text.partition("\n")
        if rest and is_prose(rest.replace("\n", " ")) and _run_in_head(first):
            out_texts += [first, rest]
            out_lines += [line, line + 1 if line else 0]
        else:
            out_texts.append(text)
            out_lines.append(line)
    return out_texts, out_lines


def _run_in_head(line: str) -> bool:
    """A line that is a head however it is set: a labelled head (``CHAPTER II. THE LAMP``)
    or a roman head in capitals (``II. A SECTION``)."""
    if word_head(line) is not None:
        return True
    form = numbered_head(line)
    return form is not None and form.kind == "roman" and (not form.title or is_caps(form.title))


class _Builder:
    def __init__(self, units: _Units, toc: tuple[int, int] | None, heads: list[HeadAt],
                 hints: list[Hint], report: StructureReport, settings: Settings) -> None:
        self.texts = units.texts
        self.lines = units.lines
        self.toc = toc
        self.heads = heads
        self.hints = hints
        self.report = report
        self.settings = settings
        self.ids = _Ids()
        self.kind_rank: dict[str, float] = {}
        #: Whether the divisions being built are back matter (named by their heads).
        self.in_back = False

    # -- the two parts ------------------------------------------------------------------
    def build(self) -> Text:
        heads = self.heads
        for k, head in enumerate(heads):
            if head.parent_of_next and k + 1 < len(heads):
                nxt = heads[k + 1]
                head.parent_of_next = nxt.form is not None
        self._title_zone()
        heads = self.heads
        body_at = self._body_start()
        front_heads = heads[:body_at]
        body_heads = heads[body_at:]
        first = min([h.start for h in heads] + ([self.toc[0]] if self.toc else [])
                    + [len(self.texts)])
        front_parts: list[Any] = []
        lead: list[Any] = []
        if body_heads or front_heads:
            # running text (not in capitals, as a title page's notices are) between the
            # title page and the first head is no part of the title page: the blocks that
            # are all running text up to the head
            cut = first
            while cut > 0 and body_text(self.texts[cut - 1]) and not is_caps(
                    self.texts[cut - 1]):
                cut -= 1
            # and a paragraph of prose ends the title page wherever it stands
            cut = next((k for k in range(cut) if _paragraph(self.texts[k])), cut)
            page = build_title_page(self.texts[:cut]) if cut and not (
                body_text(self.texts[0]) and not is_caps(self.texts[0])) else None
            if page is not None and cut < first and (front_heads or self.toc):
                # front matter follows: the running text stays in its place, in the front
                front_heads = [HeadAt(cut, cut, None), *front_heads]
            elif page is not None and cut < first:
                lead = [P(_raw(t)) for t in self.texts[cut:first]]
            if page is not None:
                front_parts.append(page)
                self.report.findings.add("titlepage", self.lines[0], self.texts[0],
                                         note="title page up to the first head")
            elif first and (front_heads or self.toc):
                front_heads = [HeadAt(0, 0, None), *front_heads]
            elif first:  # running text before the first head opens the body
                lead = [P(_raw(t)) for t in self.texts[:first]]
        else:
            return self._headless()
        body_start = body_heads[0].start if body_heads else len(self.texts)
        items: list[tuple[int, str, HeadAt | None]] = sorted(
            [(h.start, "head", h) for h in front_heads]
            + ([(self.toc[0], "toc", None)] if self.toc else []), key=lambda item: item[0])
        for k, (_start, what, front_head) in enumerate(items):
            stop = items[k + 1][0] if k + 1 < len(items) else body_start
            if what == "toc":
                front_parts.append(self._toc_div())
                if self.toc and self.toc[1] < stop:
                    front_parts.append(self._plain_div(self.toc[1], stop))
            elif front_head is not None:
                front_parts.extend(self._front_div(front_head, stop))
        back_at = self._back_start(body_heads)
        back_start = body_heads[back_at].start if back_at < len(body_heads) else len(self.texts)
        parts: list[Any] = [Front(*front_parts)] if front_parts else []
        parts.append(Body(*lead, *self._body(body_heads[:back_at], back_start)))
        if back_at < len(body_heads):
            self.in_back = True
            parts.append(Back(*self._body(body_heads[back_at:], len(self.texts))))
        return Text(*parts)

    def _back_start(self, heads: list[HeadAt]) -> int:
        """Where the back matter begins among the body's heads: the first of the last
        heads that all name back matter (``APPENDIX``, ``INDEX``, ``NOTES``), after at
        least one other head; ``len(heads)`` when there is none."""
        k = len(heads)
        while k > 1 and self._back_type(heads[k - 1]) is not None:
            k -= 1
        return k if k > 0 else len(heads)

    def _back_type(self, head: HeadAt) -> str | None:
        words = re.findall(r"[A-Za-z]+", " ".join(self.texts[head.start:head.end]))
        name = known_word(words[0], BACK) if words and head.form is None else None
        return BACK[name] if name is not None else None

    def _headless(self) -> Text:
        """A text without heads: the short lines before the first running text (two or
        more) are its title page, the rest the body's paragraphs."""
        start = next((k for k, t in enumerate(self.texts) if body_text(t)), len(self.texts))
        page = build_title_page(self.texts[:start]) if 2 <= start < len(self.texts) else None
        body = Body(*[P(_raw(t)) for t in self.texts[start if page else 0:]])
        if page is None:
            return Text(body)
        self.report.findings.add("titlepage", self.lines[0], self.texts[0],
                                 note="title page: the lines before the running text")
        return Text(Front(page), body)

    def _title_zone(self) -> None:
        """Plain heads before the first sure head (numbered, front matter, contents) are
        title-page lines."""
        anchor = next((h.start for h in self.heads if h.form is not None or h.parent_of_next
                       or h.letter or self._front_type(h) is not None), None)
        if self.toc is not None:
            anchor = min(anchor, self.toc[0]) if anchor is not None else self.toc[0]
        if anchor is None or not self.heads:  # a contents list and no heads after it
            return
        first = self.heads[0]
        second = self.heads[1].form if len(self.heads) > 1 else None
        if first.start == 0 and first.form is None and not first.letter and second is not None and \
                second.kind in WORD_RANK:
            anchor = max(anchor, self.heads[1].start)  # the title line of a book
        parents = [h for h in self.heads if h.form is None and h.parent_of_next]
        if len(parents) == 1 and 0 < parents[0].start == anchor and \
                not any(body_text(t) for t in self.texts[:anchor]):
            # the subtitle of a text in numbered sections, under its title on the title page
            anchor = next((h.start for h in self.heads if h.start > anchor), anchor)
        for head in [h for h in self.heads if h.start < anchor]:
            self.report.findings.add("uncertain", self.lines[head.start],
                                     self.texts[head.start], note="title-page line, not a head")
        self.heads = [h for h in self.heads if h.start >= anchor]

    def _body_start(self) -> int:
        heads = self.heads
        for k, head in enumerate(heads):
            if head.form is not None or head.parent_of_next:
                # numbered sections belong to a piece: its plain head opens the body
                if k and head.form is not None and head.form.kind not in WORD_RANK and \
                        heads[k - 1].form is None and self._front_type(heads[k - 1]) is None:
                    return k - 1
                return k
        for k, head in enumerate(heads):
            if self._front_type(head) is None:
                return k
        return 0

    def _front_type(self, head: HeadAt) -> str | None:
        words = re.findall(r"[A-Za-z]+", " ".join(self.texts[head.start:head.end]))
        return front_name(words[0]) if words and head.form is None else None

    # -- front ----------------------------------------------------------------------------
    def _toc_div(self) -> Div:
        assert self.toc is not None
        start, end = self.toc
        headed = bool(CONTENTS.match(self.texts[start].strip()))
        entries = [line.strip() for t in self.texts[start + headed:end] for line in t.split("\n")
                   if line.strip()]
        self.report.findings.add("contents", self.lines[start], self.texts[start],
                                 value=f"{len(entries)} entries", note="list type=toc")
        head = [Head(self.texts[start])] if headed else []
        return Div(*head, List(*[Item(e) for e in entries], type="toc"),
                   type="contents", xml_id=self.ids.make("contents"))

    def _plain_div(self, start: int, stop: int) -> Div:
        return self._loose_front(self.texts[start:stop])[0]

    def _loose_front(self, blocks: list[str]) -> list[Div]:
        """Front blocks without a head: a dedication (``TO MY WIFE``), an epigraph (a
        quotation with its source), or else an untitled division."""
        out: list[Div] = []
        k = 0
        if k < len(blocks) and is_dedication(blocks[k]):
            out.append(Div(P(*with_breaks(blocks[k].split("\n"))), type="dedication",
                           xml_id=self.ids.make("dedication")))
            k += 1
        epigraph = epigraph_at(blocks[k:])
        if epigraph is not None:
            out.append(Div(epigraph[1], type="epigraph", xml_id=self.ids.make("epigraph")))
            k += epigraph[0]
        if k < len(blocks):
            target = out[-1] if out else Div(type="untitled", xml_id=self.ids.make("untitled"))
            target.content.extend(P(_raw(t)) for t in blocks[k:])
            if not out:
                out.append(target)
        return out

    def _front_div(self, head: HeadAt, stop: int) -> list[Div]:
        kind = self._front_type(head) or self.settings.unnumbered
        content = self.texts[head.end:stop]
        if kind == "dedication" and is_dedication(self.texts[head.start]) and not (
                content and is_prose(content[0]) and epigraph_at(content) is None):
            # the head is the dedication itself (``TO THE MEMORY OF ...``), not the head
            # of an address in prose (``TO THE READER``)
            return self._loose_front(self.texts[head.start:stop])
        if kind == "dedication" and re.match(r"(?i)to\b", self.texts[head.start]):
            kind = "preface"  # an address in prose: ``TO THE READER``
        if head.end == head.start:
            kind = "untitled"
        div = Div(type=kind, xml_id=self.ids.make(kind))
        if head.end > head.start:
            div.content.append(self._head(head))
            self._found(head, div)
        cut = next((j for j, t in enumerate(content) if j > 0 and is_dateline(t)
                    and len(closer_parts(t) or []) == 1), None)
        verso: list[str] = []
        if cut is not None and cut + 1 < len(content):
            content, verso = content[:cut + 1], content[cut + 1:]
        self._fill(div, content, head.end, div)
        out = [div]
        if verso:
            out.append(self._verso(verso))
        return out

    def _verso(self, blocks: list[str]) -> Div:
        """The back of the title page: a byline (``Translated by`` + name), then the printing."""
        parts = [p if isinstance(p, Byline) else P(p) for p in with_credits(blocks)]
        return Div(*parts, type="imprint", xml_id=self.ids.make("imprint"))

    # -- body -----------------------------------------------------------------------------
    def _rank(self, k: int, heads: list[HeadAt]) -> float:
        head = heads[k]
        if head.form is not None:
            if head.form.kind in WORD_RANK:
                return WORD_RANK[head.form.kind]
            return self.kind_rank.setdefault(head.form.kind, 10 + len(self.kind_rank))
        if head.parent_of_next and k + 1 < len(heads):
            return self._rank(k + 1, heads) - 0.5
        return -1.0

    def _body(self, heads: list[HeadAt], end: int) -> list[Any]:
        """The divisions the ``heads`` open, nested; the last ends at block ``end``."""
        root: list[Any] = []
        stack: list[tuple[float, Div]] = []
        numbered: set[int] = set()
        expected: dict[int, int] = {}
        counters: dict[tuple[int, str], int] = {}
        for k, head in enumerate(heads):
            stop = heads[k + 1].start if k + 1 < len(heads) else end
            rank = self._rank(k, heads)
            if rank < 0:  # an unnumbered head: a sibling of the outermost open division
                rank = stack[0][0] if stack else 5.0
            while stack and stack[-1][0] >= rank:
                stack.pop()
            parent = stack[-1][1] if stack else None
            div = self._div(head, parent, counters, expected, heads, k)
            (parent.content if parent is not None else root).append(div)
            stack.append((rank, div))
            if head.form is not None and head.form.kind not in WORD_RANK:
                numbered.add(id(div))
            piece = next((d for _, d in reversed(stack)
                          if id(d) not in numbered or d is stack[0][1]), div)
            closed = self._fill(div, self.texts[head.end:stop], head.end, piece)
            if closed:
                while stack and stack[-1][1] is not piece:
                    stack.pop()
                if stack:
                    stack.pop()
        return root

    def _div(self, head: HeadAt, parent: Div | None, counters: dict[tuple[int, str], int],
             expected: dict[int, int], heads: list[HeadAt], k: int) -> Div:
        form = head.form
        if form is None:
            child = heads[k + 1].form if head.parent_of_next and k + 1 < len(heads) else None
            kind = "part" if child is not None and child.kind == "chapter" \
                else (self._back_type(head) if self.in_back else None) or self.settings.unnumbered
        else:
            kind = form.div_type
        key = (id(parent), kind)
        counters[key] = counters.get(key, 0) + 1
        ordinal = counters[key]
        head_el = self._head(head)
        n = ordinal if form is None else form.number
        if form is not None and form.kind == "arabic":
            n = self._check_number(head, parent, expected, heads, k)
            if n != form.number:
                head_el = _corrected_head(self.texts[head.start], form.number, n)
        prefix = _ID_PREFIX.get(kind, kind)
        base = f"{parent.xml_id}-{prefix}{ordinal}" if parent is not None else f"{prefix}{ordinal}"
        div = Div(head_el, type=kind, n=str(n), xml_id=self.ids.make(base))
        self.report.divisions[kind] = self.report.divisions.get(kind, 0) + 1
        self._found(head, div)
        return div

    def _check_number(self, head: HeadAt, parent: Div | None, expected: dict[int, int],
                      heads: list[HeadAt], k: int) -> int:
        """The printed number, or the expected one where the print has a slip (the next
        head goes on from the expected number)."""
        assert head.form is not None
        printed = head.form.number
        want = expected.get(id(parent))
        nxt = next((h.form.number for h in heads[k + 1:]
                    if h.form is not None and h.form.kind == "arabic"), None)
        n = printed
        if want is not None and printed != want and (nxt is None or nxt == want + 1):
            n = want
            self.report.corrections.append(f"section number {printed}. → {want}.")
        expected[id(parent)] = n + 1
        return n

    def _head(self, head: HeadAt) -> Head:
        parts = self.texts[head.start:head.end]
        lines = [line for part in parts for line in part.split("\n")]
        return Head(*with_breaks(lines))

    def _found(self, head: HeadAt, div: Div) -> None:
        text = " / ".join(self.texts[head.start:head.end])
        self.report.findings.add("division", self.lines[head.start], text,
                                 value=f"div type={div.type} xml:id={div.xml_id}")

    # -- inside a division ----------------------------------------------------------------
    def _fill(self, div: Div, blocks: list[str], offset: int, piece: Div) -> bool:
        """Put ``blocks`` into ``div``; a closer at the end goes to ``piece``. Whether a
        closer ended the piece."""
        k = 0
        if blocks and is_subtitle(blocks[0]) and len(div.content) == 1:
            div.content.append(_subtitle(blocks[0]))
            k = 1
        if k < len(blocks) - 1 and is_byline(blocks[k]) and len(div.content) == 1:
            div.content.append(Byline(blocks[k]))  # the author of the piece, under its head
            k += 1
        epigraph = epigraph_at(blocks[k:]) if len(blocks) > k + 1 else None
        if epigraph is not None:
            div.content.append(epigraph[1])
            k += epigraph[0]
        opener = opener_at_start(blocks[k:])
        if opener is not None:
            div.content.append(opener[1])
            k += opener[0]
        trailer = None
        if len(blocks) > k + 1 and offset + len(blocks) == len(self.texts) and \
                TRAILER.match(_raw(blocks[-1]).strip()):
            trailer, blocks = Trailer(blocks[-1]), blocks[:-1]  # THE END of the text
        closer = closer_at_end(blocks[k:])
        end = len(blocks) - closer[0] if closer is not None else len(blocks)
        current = div
        while k < end:
            hint = next((h for h in self.hints if blocks[k].startswith(h.opening)), None)
            if hint is not None:
                current = Div(type=hint.type, xml_id=self.ids.make(f"{piece.xml_id}-{hint.type}"))
                piece.content.append(current)
            k = self._block(blocks, k, end, current)
        if closer is not None:
            piece.content.append(closer[1])
            self.report.findings.add("closer", self.lines[offset + end], blocks[end],
                                     value=f"closes {piece.xml_id}")
        if trailer is not None:
            (piece if closer is not None else div).content.append(trailer)
        return closer is not None

    def _block(self, body: list[str], k: int, end: int, div: Div) -> int:
        """Add the block at ``k`` (with the list or quotation it introduces) to ``div``;
        return the index of the next block."""
        text = body[k]
        items = self._items(body, k, end)
        if items is not None:
            div.content.append(items[1])
            return items[0]
        para = P(_raw(text))
        div.content.append(para)
        k += 1
        if not tail_is_colon(text) or k >= end:
            return k
        items = self._items(body, k, end)
        if items is not None:
            para.content.append(items[1])
            return items[0]
        if body[k][:1] in _QUOTES_OPEN:
            quoted: list[P] = []
            while k < end and body[k][:1] in _QUOTES_OPEN:
                quoted.append(P(_raw(body[k])))
                k += 1
            div.content.append(Quote(*quoted))
            self.report.quotes += 1
        return k

    def _items(self, body: list[str], k: int, end: int) -> tuple[int, List] | None:
        """A numbered list from ``k``: ``1. ...`` then ``2. ...`` (or ``9-15. ...``)."""
        m = ITEM.match(body[k])
        if not m or m.group(1) != "1":
            return None
        nxt = ITEM.match(body[k + 1]) if k + 1 < end else None
        if k and not tail_is_colon(body[k - 1]) and (nxt is None or nxt.group(1) != "2"):
            return None
        items: list[Any] = []
        last = 0
        while k < end and (m := ITEM.match(body[k])) and int(m.group(1)) == last + 1:
            label = body[k][: m.start(3)].rstrip()
            space = body[k][len(label): m.start(3)]
            items.append(Item(Label(label), space + _raw(m.group(3)), n=label.rstrip(".")))
            last = int(m.group(2) or m.group(1))
            k += 1
        self.report.lists += 1
        return k, List(*items, type="ordered", rend="numbered")


def _subtitle(text: str) -> Head:
    core = text.strip()
    anchors = "".join(ch for ch in core if ord(ch) >= 0xE000)
    inner = "".join(ch for ch in core if ord(ch) < 0xE000).strip()[1:-1]
    content: list[Any] = [Hi(inner, rend="italic")]
    if anchors:
        content.append(anchors)
    return Head(*content, type="sub")


def _corrected_head(text: str, printed: int, n: int) -> Head:
    rest = ARABIC.match(text).group(2)  # type: ignore[union-attr]
    number = text[: text.index(".") + 1]
    del printed
    return Head(Choice(Sic(number), Corr(f"{n}.", resp="#enc", cert="high",
                                         evidence="internal")), " " + rest)

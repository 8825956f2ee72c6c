"""Pass 4 (blocks -> text model): the divisions of the pamphlet.

Reads the shape of the blocks, not their line numbers: a title page up to the first
all-capitals heading that a paragraph follows (the introduction), the introduction up to its
dateline, the back of the title page (byline, printing: a div of type "imprint"), then one
article after another, each a title, an optional italic subtitle, numbered sections
(``1. ...``), optional unnumbered divisions named by hints, and a closer (a signature in
capitals and a dateline). Inside divisions a paragraph ending in a colon may introduce a
numbered list (``1. ...;``) or a block quotation (paragraphs that open with a quotation
mark). Text stays raw here; the inline passes read it later."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..models import (
    Body,
    Choice,
    Closer,
    Corr,
    Dateline,
    Div,
    DocImprint,
    DocTitle,
    Front,
    Head,
    Hi,
    Item,
    Label,
    Lb,
    List,
    P,
    Publisher,
    PubPlace,
    Quote,
    Sic,
    Signed,
    Text,
    TitlePage,
    TitlePart,
)
from ..models import Byline as BylineEl
from .pages import join_lines

MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|"
          "December")
DATE_LINE = re.compile(rf"^(?:[A-Z][\w .,'-]*,\s*)?(?:{MONTHS})\s+\d{{1,2}},?\s+\d{{4}}\.?$")
SECTION = re.compile(r"^(\d+)\.\s+(\S.*)$")
ITEM = re.compile(r"^(\d+)(?:-(\d+))?\.\s+(\S.*)$", re.S)
SIGNATURE = re.compile(r"^[A-Z][A-Z.'’ -]*[A-Z.]$")
CAPS_HEAD = re.compile(r"^[A-Z][A-Z '’-]+$")
BYLINE = re.compile(r"^(?:Translated|Edited|Compiled|Introduced)(?: and \w+)? by$")
_QUOTES_OPEN = "\"“"


@dataclass
class Hint:
    """An unmarked division: its type and the words its first paragraph opens with."""

    type: str
    opening: str


@dataclass
class StructureReport:
    """What the pass found, for the header and the counts."""

    articles: int = 0
    sections: int = 0
    lists: int = 0
    quotes: int = 0
    corrections: list[str] = field(default_factory=list)


def is_section_head(text: str) -> bool:
    """A numbered heading: ``12. The Inevitability ...`` (short, one line, not a list item)."""
    if "\n" in text or len(text) > 150 or text.rstrip()[-1:] in ";,:—":
        return False
    m = SECTION.match(text)
    return m is not None and m.group(2)[:1].isupper() and "—" not in text[:40]


def is_subtitle(text: str) -> bool:
    """A line set entirely in italics (a private note anchor may follow)."""
    core = "".join(ch for ch in text if ord(ch) < 0xE000)
    return bool(re.fullmatch(r"\*[^*]+\*", core.strip()))


def is_prose(text: str) -> bool:
    return len(text) > 80 and bool(re.search(r"[.!?]", text))


def _is_sentence(text: str) -> bool:
    """Running text rather than a title: several words and closing punctuation."""
    return len(text.split()) >= 6 and text.rstrip(" *")[-1:] in ".!?:;\"”)"


def _raw(text: str) -> str:
    return join_lines(text)


def build_text(blocks: list[str], hints: list[Hint] | None = None,
               report: StructureReport | None = None) -> Text:
    """The ``text`` element of the pamphlet whose blocks are ``blocks``."""
    hints = hints or []
    report = report if report is not None else StructureReport()
    start = _first_article(blocks)
    front = _front(blocks[:start], report)
    body = Body(*_articles(blocks[start:], hints, report))
    return Text(front, body) if front is not None else Text(body)


def _first_article(blocks: list[str]) -> int:
    for i, text in enumerate(blocks):
        if is_section_head(text) and i and not _tail_is_colon(blocks[i - 1]):
            j = i - 1
            while j > 0 and _is_sentence(blocks[j]) and not DATE_LINE.match(blocks[j - 1]):
                j -= 1  # paragraphs of the article before its first section
            return j - 1 if j >= 1 and is_subtitle(blocks[j]) else j
    # no numbered sections: the article starts after the front matter's last dateline
    for i, text in enumerate(blocks):
        if DATE_LINE.match(text) and i + 1 < len(blocks):
            rest = [j for j in range(i + 1, len(blocks)) if is_prose(blocks[j])]
            if rest:
                return rest[0] - 1
    return 0


def _tail_is_colon(text: str) -> bool:
    return text.rstrip(" *").endswith(":")


def _front(blocks: list[str], report: StructureReport) -> Front | None:
    if not blocks:
        return None
    intro = next((i for i, t in enumerate(blocks) if CAPS_HEAD.match(t) and i + 1 < len(blocks)
                  and is_prose(blocks[i + 1])), None)
    parts: list[Any] = [_title_page(blocks[:intro] if intro is not None else blocks)]
    if intro is not None:
        end = next((j for j in range(intro + 1, len(blocks)) if DATE_LINE.match(blocks[j])),
                   len(blocks))
        div = Div(Head(blocks[intro]), *[P(_raw(t)) for t in blocks[intro + 1:end]],
                  type="introduction", xml_id="introduction")
        if end < len(blocks):
            div.content.append(Closer(Dateline(blocks[end])))
        parts.append(div)
        verso = blocks[end + 1:]
        if verso:
            parts.append(_verso(verso))
    return Front(*parts)


def _title_page(blocks: list[str]) -> TitlePage:
    lines = blocks[0].split("\n")
    if len(lines) > 1 and re.search(r"\b(on|of|by|about)$", lines[0]):
        title = DocTitle(TitlePart(lines[0], type="sup"),
                         TitlePart(*_with_breaks(lines[1:]), type="main"))
    else:
        title = DocTitle(TitlePart(*_with_breaks(lines), type="main"))
    imprint: list[Any] = []
    rest = blocks[1:]
    caps = [t for t in rest if CAPS_HEAD.match(t)]
    others = [t for t in rest if not CAPS_HEAD.match(t)]
    if caps:
        imprint.append(Publisher(*_with_breaks(caps)))
    for k, text in enumerate(others):
        if imprint:
            imprint += ["\n", Lb()]
        imprint.append(PubPlace(text) if k == len(others) - 1 else text)
    return TitlePage(title, DocImprint(*imprint)) if imprint else TitlePage(title)


def _with_breaks(lines: list[str]) -> list[Any]:
    out: list[Any] = []
    for k, line in enumerate(lines):
        if k:
            out += ["\n", Lb()]
        out.append(line)
    return out


def _verso(blocks: list[str]) -> Div:
    """The back of the title page: a byline (``Translated by`` + name), then the printing."""
    parts: list[Any] = []
    i = 0
    while i < len(blocks):
        text = blocks[i]
        if BYLINE.match(text) and i + 1 < len(blocks):
            parts.append(BylineEl(text + " " + blocks[i + 1]))
            i += 2
            continue
        parts.append(P(text))
        i += 1
    return Div(*parts, type="imprint", xml_id="imprint")


def _articles(blocks: list[str], hints: list[Hint], report: StructureReport) -> list[Div]:
    articles: list[Div] = []
    i = 0
    while i < len(blocks):
        end = _closer_at(blocks, i + 1)
        stop = end + 2 if end is not None else len(blocks)
        report.articles += 1
        articles.append(_article(blocks[i:stop], len(articles) + 1, hints, report))
        i = stop
    return articles


def _closer_at(blocks: list[str], start: int) -> int | None:
    for j in range(start, len(blocks) - 1):
        if SIGNATURE.match(blocks[j]) and " " in blocks[j] and DATE_LINE.match(blocks[j + 1]):
            return j
    return None


def _article(blocks: list[str], number: int, hints: list[Hint],
             report: StructureReport) -> Div:
    ident = f"art{number}"
    div = Div(Head(blocks[0]), type="article", n=str(number), xml_id=ident)
    i = 1
    if i < len(blocks) and is_subtitle(blocks[i]):
        div.content.append(_subtitle(blocks[i]))
        i += 1
    closer = None
    body = blocks[i:]
    if len(body) >= 2 and SIGNATURE.match(body[-2]) and DATE_LINE.match(body[-1]):
        closer = Closer(Signed(body[-2]), Dateline(body[-1]))
        body = body[:-2]
    # split into runs: before the first section, sections, hinted divisions
    current: Div = div
    expected: int | None = None
    heads = [k for k, t in enumerate(body) if is_section_head(t)
             and not (k and _tail_is_colon(body[k - 1]))]
    printed = {k: int(SECTION.match(body[k]).group(1)) for k in heads}  # type: ignore[union-attr]
    k = 0
    while k < len(body):
        text = body[k]
        hint = next((h for h in hints if text.startswith(h.opening)), None)
        if k in printed:
            number_printed = printed[k]
            nxt = next((printed[h] for h in heads if h > k), None)
            n = number_printed
            if expected is not None and number_printed != expected and (
                    nxt is None or nxt == expected + 1):
                n = expected
                report.corrections.append(f"section number {number_printed}. → {expected}.")
            expected = n + 1
            current = Div(_section_head(text, number_printed, n), type="section", n=str(n),
                          xml_id=f"{ident}-s{n}")
            div.content.append(current)
            report.sections += 1
            k += 1
            continue
        if hint is not None:
            current = Div(type=hint.type, xml_id=f"{ident}-{hint.type}")
            div.content.append(current)
        k = _block(body, k, current, report)
    if closer is not None:
        div.content.append(closer)
    return div


def _subtitle(text: str) -> Head:
    core = text.strip()
    anchors = "".join(ch for ch in core if ord(ch) >= 0xE000)
    inner = "".join(ch for ch in core if ord(ch) < 0xE000).strip()[1:-1]
    content: list[Any] = [Hi(inner, rend="italic")]
    if anchors:
        content.append(anchors)
    return Head(*content, type="sub")


def _section_head(text: str, printed: int, n: int) -> Head:
    rest = SECTION.match(text).group(2)  # type: ignore[union-attr]
    if printed == n:
        return Head(text)
    number = text[: text.index(".") + 1]
    return Head(Choice(Sic(number), Corr(f"{n}.", resp="#enc", cert="high",
                                         evidence="internal")), " " + rest)


def _block(body: list[str], k: int, div: Div, report: StructureReport) -> int:
    """Add the block at ``k`` (with the list or quotation it introduces) to ``div``; return
    the index of the next block."""
    text = body[k]
    para = P(_raw(text))
    div.content.append(para)
    k += 1
    if not _tail_is_colon(text) or k >= len(body):
        return k
    m = ITEM.match(body[k])
    if m and m.group(1) == "1":
        items: list[Any] = []
        last = 0
        while k < len(body) and (m := ITEM.match(body[k])) and int(m.group(1)) == last + 1:
            label = body[k][: m.start(3)].rstrip()
            space = body[k][len(label): m.start(3)]
            items.append(Item(Label(label), space + _raw(m.group(3)), n=label.rstrip(".")))
            last = int(m.group(2) or m.group(1))
            k += 1
        para.content.append(List(*items, type="ordered", rend="numbered"))
        report.lists += 1
        return k
    if body[k][:1] in _QUOTES_OPEN:
        quoted: list[P] = []
        while k < len(body) and body[k][:1] in _QUOTES_OPEN:
            quoted.append(P(_raw(body[k])))
            k += 1
        div.content.append(Quote(*quoted))
        report.quotes += 1
    return k

"""The title page as printed: the lines before the first heading, marked up as title,
bylines, imprint (publisher, place, address) and date."""

from __future__ import annotations

import re
from typing import Any

from ..models import (
    Bibl,
    Byline,
    Cit,
    DocDate,
    DocEdition,
    DocImprint,
    DocTitle,
    Lb,
    Publisher,
    PubPlace,
    Quote,
    TitlePage,
    TitlePart,
)
from .heads import BY_LINE, is_caps, is_connector

#: A publisher named by a trailing noun (``PIONEER`` / ``PUBLISHERS``, ``Riverside Press``).
PUBLISHER_NOUN = re.compile(r"\b(?:PUBLISHERS?|PRESS|COMPANY|CO\.|SONS|BOOKS|HOUSE)\.?$", re.I)
#: A publisher statement opened by a verb (``Printed and sold by ...``, ``PUBLISHED AT ...``).
PUBLISHER_VERB = re.compile(r"^(?:Published|Printed|Sold|Issued)\b", re.I)
CREDIT = re.compile(r"^(?:Translated|Edited|Compiled|Introduced)(?: and \w+)? by$")
YEAR = re.compile(r"^(?:1[0-9]{3}|20[0-9]{2}|M[MDCLXVI]+)\.?$")


#: The source under an epigraph: a dash and a few words (``--Old saying``, ``— Milton``).
ATTRIBUTION = re.compile(r"^(?:--|[—―–])\s*[A-Z*_][^?!]{0,80}$")
#: A dedication printed as such (``TO MY WIFE``, ``To the memory of ...``, ``Dedicated to``).
DEDICATION = re.compile(r"^(?:TO|To|DEDICATED|Dedicated|INSCRIBED|Inscribed)\b")


def is_attribution(line: str) -> bool:
    """A line naming the source of a quotation above it: a dash, then at most eight words."""
    core = line.strip()
    return bool(ATTRIBUTION.match(core)) and len(core.split()) <= 9


def epigraph_at(blocks: list[str]) -> tuple[int, Cit] | None:
    """An epigraph opening ``blocks``: a short quotation with its source on the last line
    or in the next block (``--Old saying``); how many blocks it takes and the ``cit``."""
    if not blocks:
        return None
    lines = [line.strip() for line in blocks[0].split("\n")]
    if len(lines) > 1 and is_attribution(lines[-1]):
        quoted, source, used = lines[:-1], lines[-1], 1
    elif len(blocks) > 1 and "\n" not in blocks[1] and is_attribution(blocks[1]):
        quoted, source, used = lines, blocks[1].strip(), 2
    else:
        return None
    if sum(len(line) for line in quoted) > 600 or is_attribution(quoted[0]):
        return None
    return used, Cit(Quote(*with_breaks(quoted)), Bibl(source), type="epigraph")


def is_dedication(text: str) -> bool:
    """A short block dedicating the book (``TO MY WIFE``)."""
    return len(text) <= 200 and bool(DEDICATION.match(text.strip()))


def with_breaks(lines: list[str]) -> list[Any]:
    """The lines as content, an ``lb`` before each line after the first."""
    out: list[Any] = []
    for k, line in enumerate(lines):
        if k:
            out += ["\n", Lb()]
        out.append(line)
    return out


def _doc_title(block: str) -> DocTitle:
    lines = block.split("\n")
    if len(lines) > 1 and re.search(r"\b(on|of|by|about)$", lines[0]):
        return DocTitle(TitlePart(lines[0], type="sup"),
                        TitlePart(*with_breaks(lines[1:]), type="main"))
    return DocTitle(TitlePart(*with_breaks(lines), type="main"))


def _publisher_span(blocks: list[str]) -> tuple[int, int, bool] | None:
    """Where the publisher is: (first block, last block, named by a noun)."""
    for k, text in enumerate(blocks):
        if k == 0:
            continue
        if PUBLISHER_VERB.match(text):
            return k, k, False
        if "\n" not in text and is_caps(text) and PUBLISHER_NOUN.search(text):
            start = k
            while start - 1 > 0 and is_caps(blocks[start - 1]) and "\n" not in blocks[start - 1] \
                    and k - start < 2:
                start -= 1
            return start, k, True
    return None


def _is_place(text: str) -> bool:
    return "\n" not in text and is_caps(text) and len(text.split()) <= 3 and \
        not any(ch.isdigit() for ch in text)


def with_credits(blocks: list[str]) -> list[Byline | str]:
    """``blocks`` with each credit line (``Translated by``) and the name in the block after
    it made one :class:`Byline`; other blocks as they are."""
    out: list[Byline | str] = []
    k = 0
    while k < len(blocks):
        if CREDIT.match(blocks[k]) and k + 1 < len(blocks):
            out.append(Byline(blocks[k] + " " + blocks[k + 1]))
            k += 2
        else:
            out.append(blocks[k])
            k += 1
    return out


def _loose(blocks: list[str]) -> list[Any]:
    """Title-page blocks that are neither title nor imprint, in order."""
    out: list[Any] = []
    for text in with_credits(blocks):
        if isinstance(text, Byline):
            out.append(text)
        elif YEAR.match(text):
            out.append(DocDate(text))
        elif "edition" in text.lower() and len(text) > 40:
            out.append(DocEdition(*with_breaks(text.split("\n"))))
        else:
            lines = text.split("\n")
            run: list[str] = []
            for line in lines:
                if BY_LINE.match(line):
                    if run:
                        out.append(TitlePart(*with_breaks(run), type="desc"))
                        run = []
                    out.append(Byline(line))
                else:
                    run.append(line)
            if run:
                out.append(TitlePart(*with_breaks(run), type="desc"))
    return out


def build_title_page(blocks: list[str]) -> TitlePage | None:
    """The title page whose blocks are ``blocks`` (``None`` when there are none)."""
    if not blocks:
        return None
    lead = 0  # OCR specks before the title
    while lead < len(blocks) - 1 and sum(ch.isalpha() for ch in blocks[lead]) < 3:
        lead += 1
    specks = [TitlePart(b, type="desc") for b in blocks[:lead]]
    lines, k = blocks[lead].split("\n"), lead + 1
    while k + 1 < len(blocks) and is_connector(blocks[k]) and is_caps(blocks[k + 1]) \
            and "\n" not in blocks[k + 1]:  # CERTAIN SYMPTOMS / OF / NERVOUS EXHAUSTION.
        lines += [blocks[k], blocks[k + 1]]
        k += 2
    title = _doc_title("\n".join(lines))
    page = _page(title, [blocks[lead], *blocks[k:]])
    page.content[:0] = specks
    return page


def _page(title: DocTitle, blocks: list[str]) -> TitlePage:
    """The title page of ``title`` and the blocks after it (``blocks[0]`` is the title's)."""
    span = _publisher_span(blocks)
    if span is None:
        rest = _loose(blocks[1:])
        return TitlePage(title, *rest)
    start, end, noun = span
    imprint: list[Any] = []
    before = blocks[1:start]
    if not noun and before and _is_place(before[-1]):
        imprint.append(PubPlace(before[-1]))
        before = before[:-1]
    if imprint:
        imprint.append(" ")
    imprint.append(Publisher(*with_breaks(blocks[start:end + 1])))
    after = blocks[end + 1:]
    tail: list[Any] = []
    if noun:
        for k, text in enumerate(after):
            imprint += ["\n", Lb()]
            imprint.append(PubPlace(text) if k == len(after) - 1 else text)
    else:
        while after and YEAR.match(after[0]):
            imprint += [" ", DocDate(after[0])]
            after = after[1:]
        tail = _loose(after)
    return TitlePage(title, *_loose(before), DocImprint(*imprint), *tail)

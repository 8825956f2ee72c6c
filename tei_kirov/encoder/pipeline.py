"""The encoder pipeline: plain text -> ``Document``, one small pass after another."""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import TeiError
from ..models import (
    PI,
    Byline,
    Closer,
    Container,
    Date,
    Dateline,
    Div,
    DocEdition,
    DocImprint,
    DocTitle,
    Document,
    Head,
    PersName,
    Publisher,
    PubPlace,
    Signed,
    StandOff,
    Tei,
    TeiElement,
    Text,
    TitlePage,
)
from .authority import DEFAULT, Authority, load_authority, standoff_lists
from .blocks import split_blocks
from .corrections import apply_corrections
from .dates import apply_dates, reference_date
from .header import Counts, Facts, build_header
from .inline import InlineContext, apply_inline
from .names import NameStats, apply_names
from .notes import separate_notes
from .ocr import prepare
from .pages import join_pages
from .quotes import apply_quotes
from .structure import StructureReport, build_text

RNG_PI = PI("xml-model", 'href="http://www.tei-c.org/release/xml/tei/custom/schema/relaxng/'
            'tei_all.rng" type="application/xml" '
            'schematypens="http://relaxng.org/ns/structure/1.0"')


@dataclass
class EncodeReport:
    """What the encoder found and how long it took."""

    counts: dict[str, int] = field(default_factory=dict)
    persons: Counter[str] = field(default_factory=Counter)
    corrections: list[str] = field(default_factory=list)
    joined_words: list[str] = field(default_factory=list)
    #: What the raw-text passes (page furniture, hard wrapping) did, one line each.
    ocr: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        """One line per count."""
        lines = [f"{k}: {v}" for k, v in self.counts.items()]
        lines.append(f"corrections: {', '.join(self.corrections) or 'none'}")
        lines += self.ocr
        lines.append(f"time: {self.seconds:.3f} s")
        return "\n".join(lines)


def encode(text: str, authority: str | Path | bytes | Authority | None = None) -> Document:
    """The TEI edition of ``text``; ``authority`` is an authority file (path or bytes), or
    ``None`` for the one shipped with the package."""
    return encode_with_report(text, authority)[0]


def encode_with_report(text: str, authority: str | Path | bytes | Authority | None = None
                       ) -> tuple[Document, EncodeReport]:
    """:func:`encode`, with a report of what was found."""
    started = time.perf_counter()
    auth = load_authority(authority)
    report = EncodeReport()
    prepared = prepare(text)
    report.ocr = prepared.summary()
    blocks = split_blocks(prepared.text, prepared.origin)
    if not blocks:
        raise TeiError("nothing to encode: the text is empty")
    flow, notes = separate_notes(blocks)
    joined, joins = join_pages(flow, text, page_breaks=not prepared.pages_marked)
    structure = StructureReport()
    text_el = build_text([b.text for b in joined], auth.hints, structure)
    # The bundled pamphlet reads its *...* as the author's emphasis; other texts as italics.
    ctx = InlineContext(auth, notes, italic="emph" if auth.source == DEFAULT else "hi")
    apply_inline(text_el, ctx)
    corrections: list[str] = []
    apply_corrections(text_el, auth.corrections, found=corrections)
    quote_counts: dict[str, int] = {}
    apply_quotes(text_el, quote_counts)
    names = apply_names(text_el, auth, NameStats())
    dates = encode_dates(text_el)
    facts = collect_facts(text_el, auth)
    used = refs_in(text_el) | {r.lstrip("#") for r in
                               (facts.author_ref, facts.translator_ref, facts.publisher_ref) if r}
    counts = Counts(joins.paragraphs, len(joins.words), len(joins.compounds),
                    len(corrections) + len(structure.corrections), ctx.counts.get("note", 0),
                    corrected=structure.corrections + corrections,
                    variants=printed_variants(text_el, auth))
    header = build_header(facts, counts)
    parts: list[Any] = [header, text_el]
    lists = standoff_lists(auth, used)
    if lists:
        parts.append(StandOff(*lists))
    doc = Document(Tei(*parts, xml_lang="en"))
    doc.prolog = [*doc.prolog, RNG_PI.model_copy()]
    report.seconds = time.perf_counter() - started
    divs = list(text_el.iter(Div))
    report.counts = {
        "divisions": len(divs),
        "articles": structure.articles,
        "sections": structure.sections,
        "notes": counts.notes,
        "persons": _distinct(names, auth, "person"),
        "person mentions": names.kinds["person"],
        "places": _distinct(names, auth, "place"),
        "place mentions": names.kinds["place"],
        "orgs": _distinct(names, auth, "org"),
        "org mentions": names.kinds["org"],
        "titles": ctx.counts.get("title", 0) + names.kinds["bibl"],
        "foreign": ctx.counts.get("foreign", 0) + names.kinds["foreign"],
        "emph": ctx.counts.get("emph", 0),
        "quotations (q)": quote_counts.get("q", 0),
        "dates": len(dates),
        "dates inferred": sum(1 for d in dates if d.evidence),
        "page-break joins": joins.total,
        "paragraph joins": joins.paragraphs,
        "word joins": len(joins.words),
        "corrections": counts.corrections,
        "lists": structure.lists,
        "block quotations": structure.quotes,
    }
    report.persons = Counter({i: c for i, c in names.ids.items()
                              if _kind(auth, i) == "person"})
    report.corrections = structure.corrections + corrections
    report.joined_words = joins.words
    return doc, report


def encode_dates(text_el: Text) -> list[Date]:
    """Dates, division by division, each with the reference date of its dateline."""
    found: list[Date] = []
    for part in text_el.content:
        if not isinstance(part, Container):
            continue
        for block in part.content:
            if not isinstance(block, Container):
                continue
            ref = None
            for dateline in block.iter(Dateline):
                ref = reference_date(dateline.text())
            apply_dates(block, ref, found=found)
    return found


def printed_variants(root: Container, auth: Authority) -> list[str]:
    """Persons whose name is printed in more than one spelling (not counting fuller forms
    such as first name and surname), as "A and B"."""
    printed: dict[str, list[str]] = {}
    for name in root.iter(PersName):
        ref = (name.ref or "").lstrip("#")
        text = " ".join(name.text().split())
        if text.isupper() or " " in text:
            continue
        if text not in printed.setdefault(ref, []):
            printed[ref].append(text)
    return [" and ".join(forms) for ref, forms in printed.items() if len(forms) > 1]


def refs_in(root: Container) -> set[str]:
    """Every local id a ``@ref`` below ``root`` points at."""
    ids: set[str] = set()
    for node in root.iter(TeiElement):
        ref = node.get("ref")
        if ref:
            ids.update(r[1:] for r in ref.split() if r.startswith("#"))
    return ids


def _kind(auth: Authority, ident: str) -> str | None:
    entry = auth.by_id(ident)
    return entry.kind if entry is not None else None


def _distinct(names: NameStats, auth: Authority, kind: str) -> int:
    return len({i for i in names.ids if _kind(auth, i) == kind})


def _clean(text: str) -> str:
    return " ".join(text.split())


def _named(node: Container | None, cls: type[PersName],
           auth: Authority) -> tuple[str | None, str | None]:
    if node is None:
        return None, None
    for name in node.iter(cls):
        ref = name.get("ref")
        entry = auth.by_id(ref.lstrip("#")) if ref else None
        if entry is not None:
            return entry.main, ref
        return _clean(name.text()), None
    return None, None


def collect_facts(text_el: Text, auth: Authority) -> Facts:
    """What the header needs, read off the encoded text."""
    facts = Facts()
    pages = list(text_el.iter(TitlePage))
    for page in pages:
        doc_title = page.child(DocTitle)
        if doc_title is not None:
            facts.title = " ".join(_clean(part.text()) for part in doc_title.nodes()
                                   if isinstance(part, Container))
        imprint = page.child(DocImprint)
        if imprint is not None:
            publisher = imprint.child(Publisher)
            if publisher is not None:
                printed = _clean(publisher.text())
                org = next((e for e in auth.of_kind("org")
                            if printed.lower() in (f.lower() for f in e.forms)), None)
                facts.publisher = org.main if org else printed
                facts.publisher_ref = f"#{org.id}" if org else None
            place = imprint.child(PubPlace)
            facts.place = _clean(place.text()) if place is not None else None
            loose = [_clean(c) for c in imprint.content if isinstance(c, str) and c.strip()]
            facts.address = ", ".join([*loose, facts.place] if facts.place else loose) or None
    front = text_el.front
    if front is not None:
        for byline in front.iter(Byline):
            if "translat" in byline.text().lower():
                facts.translator, facts.translator_ref = _named(byline, PersName, auth)
        for para in [*front.iter(DocEdition), *(p for d in front.divs
                                                 if d.type == "imprint" for p in d.paragraphs)]:
            if "print" in para.text().lower():
                facts.first_printing = next(iter(para.iter(Date)), None)
    for div in text_el.iter(Div):
        closer = div.child(Closer)
        date = next(iter(closer.iter(Date)), None) if closer is not None else None
        if div.type == "introduction":
            facts.introduction = date
        if div.type == "article":
            head = next((h for h in div.children(Head) if h.type is None), None)
            facts.articles.append((_clean(head.text()) if head else "", date))
            if facts.author is None and closer is not None:
                facts.author, facts.author_ref = _named(closer.child(Signed), PersName, auth)
    langs = sorted({n.xml_lang for n in text_el.iter(TeiElement) if n.xml_lang} - {"en"})
    facts.languages = ["en", *langs]
    return facts


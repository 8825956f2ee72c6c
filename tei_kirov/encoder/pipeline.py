"""The encoder pipeline: plain text -> ``Document``, one small pass after another."""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
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
    P,
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
from .authority import Authority, load_authority, standoff_lists
from .blocks import split_blocks
from .closers import is_dateline
from .corrections import apply_corrections
from .credits import separate_credits
from .dates import apply_dates, reference_date, years_from_before
from .findings import collect
from .header import Counts, Facts, build_header, note_resp
from .inline import InlineContext, apply_inline
from .meta import MetaSource, load_meta
from .names import NameStats, apply_names
from .notes import separate_notes
from .ocr import prepare, without_controls
from .pages import join_pages
from .quotes import apply_quotes
from .report import Findings
from .settle import settle
from .structure import Settings, StructureReport, build_text
from .titlepage import read_title_page

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
    #: Header facts taken from the title page, with their lines.
    header: list[str] = field(default_factory=list)
    #: What the user should check: facts the header lacks, and the like.
    warnings: list[str] = field(default_factory=list)
    #: What the raw-text passes (page furniture, hard wrapping) did, one line each.
    ocr: list[str] = field(default_factory=list)
    seconds: float = 0.0
    findings: Findings = field(default_factory=Findings)

    def summary(self) -> str:
        """One line per count."""
        lines = [f"{k}: {v}" for k, v in self.counts.items()]
        lines.append(f"corrections: {', '.join(self.corrections) or 'none'}")
        lines += self.ocr
        lines.append(f"time: {self.seconds:.3f} s")
        lines += [f"header {h}" for h in self.header]
        lines += [f"warning: {w}" for w in self.warnings]
        return "\n".join(lines)

    def one_line(self) -> str:
        """Divisions, notes, dates, names and time, on one line."""
        c = self.counts
        names = sum(c.get(k, 0) for k in ("person mentions", "place mentions", "org mentions"))
        return (f"{c.get('divisions', 0)} divisions, {c.get('notes', 0)} notes, "
                f"{c.get('dates', 0)} dates, {names} names; {self.seconds:.2f} s")

    def details(self) -> str:
        """Every finding with its source line (divisions, notes, dates, names, what was
        uncertain or left as a paragraph)."""
        return self.findings.render()


def encode(text: str, authority: str | Path | bytes | Authority | None = None,
           meta: MetaSource = None) -> Document:
    """The TEI edition of ``text``. ``authority`` is an authority file (path, bytes or
    :class:`Authority`; ``None``: no names are tagged); ``meta`` the metadata of the header
    (a TOML/JSON file, its bytes, a dict or :class:`EditionMeta`; ``None``: only what the title page
    states)."""
    return encode_with_report(text, authority, meta)[0]


def encode_with_report(text: str, authority: str | Path | bytes | Authority | None = None,
                       meta: MetaSource = None
                       ) -> tuple[Document, EncodeReport]:
    """:func:`encode`, with a report of what was found."""
    started = time.perf_counter()
    auth = load_authority(authority)
    given = load_meta(meta)
    report = EncodeReport()
    text, controls = without_controls(text)
    if controls:
        report.ocr.append(f"control characters XML cannot hold removed: {controls}")
    text, credits = separate_credits(text)
    page = read_title_page(text, credits.fields, credits.notes_at)
    prepared = prepare(text)
    report.ocr += prepared.summary()
    blocks = split_blocks(prepared.text, prepared.origin)
    if not blocks:
        raise TeiError("nothing to encode: the text is empty")
    flow, notes = separate_notes(blocks)
    joined, joins = join_pages(flow, text, page_breaks=not prepared.pages_marked)
    settled, report.warnings = settle(given, page)
    report.header = page.taken
    structure = StructureReport()
    settings = Settings(**{k: v for k, v in auth.settings.items() if k == "unnumbered"})
    text_el = build_text(joined, auth.hints, structure, settings,
                         running_heads=[t for _, t in prepared.furniture.running_heads])
    ctx = InlineContext(auth, notes, roles=note_resp(settled),
                        italic=auth.settings.get("italics", "hi"))
    apply_inline(text_el, ctx)
    corrections: list[str] = []
    apply_corrections(text_el, auth.corrections, found=corrections)
    quote_counts: dict[str, int] = {}
    apply_quotes(text_el, quote_counts)
    names = apply_names(text_el, auth, NameStats())
    dates = encode_dates(text_el)
    facts = collect_facts(text_el, auth)
    counts = Counts(joins.paragraphs, len(joins.words), len(joins.compounds),
                    len(corrections) + len(structure.corrections), ctx.counts.get("note", 0),
                    corrected=structure.corrections + corrections,
                    variants=printed_variants(text_el, auth))
    header = build_header(settled, counts, facts, credits.items, auth)
    parts: list[Any] = [header, text_el]
    lists = standoff_lists(auth, refs_in(text_el) | refs_in(header))
    if lists:
        parts.append(StandOff(*lists))
    doc = Document(Tei(*parts, xml_lang=settled.language or "en"))
    doc.prolog = [*doc.prolog, RNG_PI.model_copy()]
    report.seconds = time.perf_counter() - started
    report.findings = structure.findings
    prepared.add_findings(report.findings)
    for credit in credits.items:
        report.findings.add("producer", credit.line, credit.text,
                            note="e-text credit, into the header (notesStmt)")
    collect(text_el, text, notes, report.findings)
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
    """Dates, division by division (``front``, ``body`` and ``back`` count as divisions for
    the blocks outside any), each with the reference date of its dateline."""
    found: list[Date] = []
    for part in text_el.content:
        if isinstance(part, Container):
            _division_dates(part, None, found)
    return found


def _division_dates(div: Container, inherited: date | None, found: list[Date]) -> None:
    """The dates of ``div``'s own blocks, read as one piece of text with the reference date
    of its dateline (else ``inherited``, the enclosing division's; else the last full date
    before the division gives a year the division does not), then of each division in it."""
    own = [b for b in div.content if isinstance(b, Container) and not isinstance(b, Div)]
    ref = division_reference(own) or inherited
    start = len(found)
    apply_dates(own, ref, found=found)
    years_from_before(found[start:], found[:start])
    for sub in div.content:
        if isinstance(sub, Div):
            _division_dates(sub, ref, found)


def division_reference(blocks: list[Container]) -> date | None:
    """The reference date of a division: the date of its last ``dateline`` (an opener's or
    a closer's), else of a first block after the head that reads as a dateline
    (``Petrograd, November 20, 1917.``)."""
    ref = None
    for block in blocks:
        for dateline in block.iter(Dateline):
            ref = reference_date(dateline.text()) or ref
    first = next((b for b in blocks if not isinstance(b, Head)), None)
    if ref is None and isinstance(first, P) and is_dateline(first.text()):
        ref = reference_date(first.text())
    return ref


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
    facts.languages = sorted({n.xml_lang for n in text_el.iter(TeiElement) if n.xml_lang})
    return facts


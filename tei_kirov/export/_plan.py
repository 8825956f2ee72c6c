"""One pass over a document that every export shares: sections, notes in reference order,
named-entity mentions with their authority records, dates, and where each one stands
(page and division)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..models.base import Container
from ._meta import Meta, read_meta
from ._tree import (
    DIVISIONS,
    NAME_KINDS,
    NON_TEXT,
    RECORD_KINDS,
    TYPE_KINDS,
    app_reading,
    attr,
    choose,
    content,
    descendants,
    elements,
    first,
    ids,
    local,
    plain,
    pointers,
    root_of,
    squeeze,
    texts,
)

if TYPE_CHECKING:
    from ..models.document import Document

#: Name elements whose text counts as the name of a record.
_RECORD_NAMES = {
    "person": ("persName", "name"),
    "place": ("placeName", "settlement", "country", "region", "geogName", "name"),
    "org": ("orgName", "name"),
}
_MAIN_TYPES = frozenset({"main", "reg", "standard", "full", "pref", "preferred", "index"})
_SAFE_ID = re.compile(r"[^A-Za-z0-9_.-]+")
#: A signature closing a note as printed: "... request.—Eds.", "...' —Translator's note."
_SIGNATURE = re.compile(
    r"""(?<=[.!?"'”’)\]\s])\s*(?:\u2014|\u2013|--|-\s)\s*"""
    r"""[^\W\d_][\w'’.]*(?:\s+[\w'’.]+){0,3}\s*$""")


@dataclass
class Where:
    """A position in the text: the page as printed and the enclosing division."""

    page: str | None = None
    section_id: str | None = None
    section_label: str = ""
    #: a short reference to the division: its ``@n`` path ("1.4"), or an abbreviation
    section_short: str = ""

    def describe(self) -> str:
        """``"p. 4, 1. A Grandiose Amalgam"``-style text for tables and links."""
        parts = []
        if self.page:
            parts.append(f"p. {self.page}")
        if self.section_label:
            parts.append(self.section_label)
        return ", ".join(parts)


@dataclass
class Section:
    """A division: its HTML id, its heading (``label``, possibly empty) and subdivisions."""

    node: Container
    html_id: str
    label: str
    depth: int
    children: list[Section] = field(default_factory=list)
    short: str = ""


@dataclass
class NoteRef:
    """A note in reference order: ``number`` from 1, ``marker`` as printed (or the number)."""

    node: Container
    number: int
    marker: str
    label: str
    who: str
    where: Where
    #: whether the note ends with a printed signature ("—Eds."), so is not signed again
    signed: bool = False


@dataclass
class Mention:
    """One name in the text that refers to an entity."""

    node: Container
    number: int
    key: str
    kind: str
    text: str
    where: Where
    in_note: bool = False

    @property
    def html_id(self) -> str:
        return f"m-{self.number}"


@dataclass
class Entity:
    """An indexed person, place or organisation: from its authority record where there is
    one, otherwise from the mentions that share a ``@ref`` or a spelling."""

    key: str
    kind: str
    record_id: str | None
    name: str
    variants: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    #: what the authority record says: life dates and its note
    about: str = ""
    #: what the index sorts by when it is not the name (the surname, from the record)
    sort: str = ""

    @property
    def html_id(self) -> str:
        return "idx-" + _SAFE_ID.sub("_", self.key)

    def all_variants(self) -> list[str]:
        """Record variants, then spellings met in the text, without the standard name."""
        out: list[str] = []
        for value in [*self.variants, *(m.text for m in self.mentions)]:
            if value and value != self.name and value not in out:
                out.append(value)
        return out


@dataclass
class DateRef:
    """A ``date`` in the text: as printed, its normalised value(s) and certainty."""

    node: Container
    text: str
    value: str
    label: str
    cert: str
    where: Where
    datetime: str | None


@dataclass
class Plan:
    """Everything the exports derive from a document before rendering it."""

    root: Container
    meta: Meta
    language: str
    sections: list[Section] = field(default_factory=list)
    section_of: dict[int, Section] = field(default_factory=dict)
    notes: list[NoteRef] = field(default_factory=list)
    note_of: dict[int, NoteRef] = field(default_factory=dict)
    anchored: dict[str, list[Container]] = field(default_factory=dict)
    detached: set[int] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)
    mention_of: dict[int, Mention] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)
    dates: list[DateRef] = field(default_factory=list)
    date_of: dict[int, DateRef] = field(default_factory=dict)
    element_ids: dict[str, str] = field(default_factory=dict)

    def entities_of(self, kind: str) -> list[Entity]:
        """Entities of one kind that are mentioned or recorded, sorted for an index."""
        found = [e for e in self.entities.values() if e.kind == kind]
        return sorted(found, key=lambda e: (*sort_key(e), e.key))


def sort_key(entity: Entity) -> tuple[str, str]:
    """How an index orders an entity: its surname where the record marks one
    (``persName/surname``), else its standard name from the first word; compared without
    case or accents ("Central Asia" under C, "Émile" with "Emile"), the name breaking ties.
    """
    return _collate(entity.sort or entity.name), entity.name


def _collate(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", " ".join(text.split()))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def is_signed(text: str) -> bool:
    """Whether a note's text ends with a printed signature: a dash and one to four words
    after the end of a sentence ("... request.—Eds.")."""
    return _SIGNATURE.search(text) is not None


# --- dates -------------------------------------------------------------------------------

_MONTH = r"(0[1-9]|1[0-2])"
_DAY = r"(0[1-9]|[12]\d|3[01])"
_HTML_DATE = re.compile(
    rf"^(\d{{4,}}(-{_MONTH}(-{_DAY}(T\d{{2}}:\d{{2}}(:\d{{2}}(\.\d+)?)?(Z|[+-]\d{{2}}:\d{{2}})?)?)?)?"
    rf"|{_MONTH}-{_DAY})$"
)


def html_datetime(value: str | None) -> str | None:
    """A value usable in HTML's ``<time datetime>`` (``--12-17`` becomes ``12-17``), or
    ``None`` when the TEI value has no HTML form."""
    if not value:
        return None
    value = value.strip()
    if value.startswith("--") and len(value) == 7:
        value = value[2:]
    return value if _HTML_DATE.match(value) else None


def date_value(node: Container) -> tuple[str, str]:
    """The normalised value of a date element and a human description of it."""
    when = attr(node, "when") or attr(node, "when-iso")
    start = attr(node, "from") or attr(node, "from-iso")
    end = attr(node, "to") or attr(node, "to-iso")
    not_before = attr(node, "notBefore") or attr(node, "notBefore-iso")
    not_after = attr(node, "notAfter") or attr(node, "notAfter-iso")
    if when:
        return when, when
    if start or end:
        value = f"{start or '..'}/{end or '..'}"
        return value, f"from {start or '?'} to {end or '?'}"
    if not_before or not_after:
        value = f"{not_before or '..'}/{not_after or '..'}"
        if not_before and not_after:
            return value, f"between {not_before} and {not_after}"
        return value, f"not before {not_before}" if not_before else f"not after {not_after}"
    return "", ""


# --- building the plan -----------------------------------------------------------------

def build_plan(doc: Document | Container) -> Plan:
    """Scan ``doc`` once and return its :class:`Plan`."""
    from ._tree import language

    root = root_of(doc)
    plan = Plan(root=root, meta=read_meta(root), language=language(root))
    records = _records(root)
    for key, entity in records.items():
        plan.entities[key] = entity
    _find_anchored(plan)
    scanner = _Scanner(plan, records)
    for text in texts(root):
        scanner.visit(text, plan.sections, 0)
    # keep only entities that are mentioned or that have a record
    return plan


def _records(root: Container) -> dict[str, Entity]:
    out: dict[str, Entity] = {}
    for el in descendants(root):
        kind = RECORD_KINDS.get(local(el))
        rec_id = attr(el, "xml:id")
        if kind is None or not rec_id or rec_id in out:
            continue
        wanted = _RECORD_NAMES[kind]
        names = [n for n in elements(el) if local(n) in wanted]
        main = next((n for n in names if (attr(n, "type") or "") in _MAIN_TYPES), None)
        if main is None and names:
            main = names[0]
        name = plain(main) if main is not None else ""
        if not name:
            label = next((el2 for el2 in elements(el) if local(el2) in ("p", "label")), None)
            name = plain(label) if label is not None else rec_id
        variants = [plain(n) for n in names if n is not main]
        out[rec_id] = Entity(rec_id, kind, rec_id, name, [v for v in variants if v],
                             about=_about(el), sort=_surname_first(main, name))
    return out


def _surname_first(name_el: Container | None, name: str) -> str:
    """``"Trotsky Leon"`` for ``<persName><forename>Leon</forename> <surname>Trotsky
    </surname></persName>``; ``""`` when the name marks no surname."""
    surname = first(name_el, "surname") if name_el is not None else None
    text = plain(surname) if surname is not None else ""
    return f"{text} {name}" if text else ""


def _year(value: str | None) -> str:
    match = re.match(r"^-?\d{4}", value or "")
    return match.group(0) if match else ""


def _about(record: Container) -> str:
    """Life dates and the note of an authority record, as one short line."""
    kids = list(elements(record))
    birth = next((k for k in kids if local(k) == "birth"), None)
    death = next((k for k in kids if local(k) == "death"), None)
    born = _year(attr(birth, "when") or attr(birth, "notBefore")) if birth is not None else ""
    died = _year(attr(death, "when") or attr(death, "notBefore")) if death is not None else ""
    parts = []
    if born and died:
        parts.append(f"{born}–{died}")
    elif born or died:
        parts.append(f"born {born}" if born else f"died {died}")
    notes = [plain(k) for k in kids if local(k) in ("note", "occupation")]
    parts.extend(n for n in notes if n)
    return ". ".join(p.rstrip(".") for p in parts) + ("." if parts else "")


def _find_anchored(plan: Plan) -> None:
    """Notes stored away from their reference point (``@target`` at an anchor or element in
    the text) are shown where they point."""
    targets: dict[str, Container] = {}
    for text in texts(plan.root):
        targets.update(ids(text))
    for text in texts(plan.root):
        for note in descendants(text, NON_TEXT):
            if local(note) != "note":
                continue
            for target in pointers(attr(note, "target"))[:1]:
                anchor = targets.get(target)
                if anchor is not None and not _contains(note, anchor):
                    plan.anchored.setdefault(target, []).append(note)
                    plan.detached.add(id(note))


def _contains(outer: Container, inner: Container) -> bool:
    return outer is inner or any(el is inner for el in descendants(outer))


class _Scanner:
    def __init__(self, plan: Plan, records: dict[str, Entity]) -> None:
        self.plan = plan
        self.records = records
        self.where = Where()
        self.section_ids: set[str] = set()
        self.note_depth = 0
        self.pb_count = 0

    def _page(self, pb: Container) -> str:
        """The page a ``pb`` starts: its ``@n``; without one, the page after the previous
        numbered one (``4`` after ``3``), else the count of page breaks so far."""
        self.pb_count += 1
        n = squeeze(attr(pb, "n") or "")
        if n:
            return n
        previous = self.where.page
        if previous and previous.isdigit():
            return str(int(previous) + 1)
        return str(self.pb_count)

    def _section_id(self, div: Container) -> str:
        base = attr(div, "xml:id")
        base = "sec-" + _SAFE_ID.sub("_", base) if base else f"sec-{len(self.section_ids) + 1}"
        candidate, n = base, 1
        while candidate in self.section_ids:
            n += 1
            candidate = f"{base}-{n}"
        self.section_ids.add(candidate)
        return candidate

    def visit(self, node: Container, sections: list[Section], depth: int) -> None:
        for item in content(node):
            if not isinstance(item, Container):  # text, comments, PIs
                continue
            name = local(item)
            if name in NON_TEXT:
                continue
            if name == "pb":
                self.where = Where(self._page(item), self.where.section_id,
                                   self.where.section_label, self.where.section_short)
                continue
            if name == "note":
                if id(item) not in self.plan.detached:
                    self._note(item)
                continue
            if name in DIVISIONS:
                self._division(item, sections, depth)
            elif name == "titlePage":
                outer = self.where
                self.where = Where(outer.page, outer.section_id, outer.section_label, "Title")
                self._element(item)
                self.visit(item, sections, depth)
                self.where = Where(self.where.page, outer.section_id, outer.section_label,
                                   outer.section_short)
            elif name == "choice":
                chosen = choose(item, diplomatic=False)
                if chosen is not None:
                    self._element(chosen)
                    self.visit(chosen, sections, depth)
            elif name == "app":
                lem, notes = app_reading(item)
                if lem is not None:
                    self._element(lem)
                    self.visit(lem, sections, depth)
                for note in notes:
                    if id(note) not in self.plan.detached:
                        self._note(note)
            else:
                self._element(item)
                self.visit(item, sections, depth)
            self._anchored_after(item)

    def _anchored_after(self, item: Container) -> None:
        item_id = attr(item, "xml:id")
        if item_id and item_id in self.plan.anchored:
            for note in self.plan.anchored[item_id]:
                self._note(note)

    def _division(self, div: Container, sections: list[Section], depth: int) -> None:
        head = next((h for h in elements(div) if local(h) == "head"), None)
        label = plain(head) if head is not None else ""
        outer_short = self.where.section_short
        n = squeeze(attr(div, "n") or "")
        if len(n) > 8:  # a URN or other long identifier: number the division instead
            n = str(len(self.section_ids) + 1)
        if n:
            short = f"{outer_short}.{n}" if outer_short else n
        elif head is not None:
            word = (attr(div, "type") or label.split(" ")[0] or "div").capitalize()
            short = word if len(word) <= 6 else word[:5] + "."
        else:
            short = outer_short
        section = Section(div, self._section_id(div), label, depth, short=short)
        self.plan.section_of[id(div)] = section
        div_id = attr(div, "xml:id")
        if div_id:
            self.plan.element_ids[div_id] = section.html_id
        outer = self.where
        self.where = Where(outer.page, section.html_id, label or outer.section_label, short)
        sections.append(section)
        self.visit(div, section.children, depth + 1)
        self.where = Where(self.where.page, outer.section_id, outer.section_label,
                           outer.section_short)

    def _note(self, note: Container) -> None:
        number = len(self.plan.notes) + 1
        marker = squeeze(attr(note, "n") or "") or str(number)
        label, who = self.plan.meta.note_author(attr(note, "resp"))
        ref = NoteRef(note, number, marker, label, who, Where(**vars(self.where)),
                      signed=is_signed(plain(note)))
        self.plan.notes.append(ref)
        self.plan.note_of[id(note)] = ref
        self.note_depth += 1
        self.visit(note, [], 0)
        self.note_depth -= 1

    def _element(self, el: Container) -> None:
        name = local(el)
        if name == "date":
            self._date(el)
            return
        resolved = self._entity(el)
        if resolved is None:
            return
        key, kind = resolved
        text = plain(el)
        mention = Mention(el, len(self.plan.mentions) + 1, key, kind, text,
                          Where(**vars(self.where)), self.note_depth > 0)
        self.plan.mentions.append(mention)
        self.plan.mention_of[id(el)] = mention
        entity = self.plan.entities.get(key)
        if entity is None:
            entity = Entity(key, kind, None, text)
            self.plan.entities[key] = entity
        entity.mentions.append(mention)

    def _entity(self, el: Container) -> tuple[str, str] | None:
        name = local(el)
        if name not in NAME_KINDS and name not in ("rs", "name"):
            return None
        key = attr(el, "key")
        refs = pointers(attr(el, "ref")) + ([key] if key else [])
        for ref in refs:
            record = self.records.get(ref)
            if record is not None:
                return record.key, record.kind
        kind = NAME_KINDS.get(name) or TYPE_KINDS.get((attr(el, "type") or "").lower())
        if kind is None:
            return None
        raw_ref = (attr(el, "ref") or attr(el, "key") or "").split()
        if raw_ref:  # a pointer to no record: keyed by the pointer (a blank one is none)
            return f"{kind}:{raw_ref[0].lstrip('#')}", kind
        text = plain(el)
        if not text:
            return None
        return f"{kind}:{text.casefold()}", kind

    def _date(self, el: Container) -> None:
        value, label = date_value(el)
        when_like = attr(el, "when") or attr(el, "from") or attr(el, "notBefore")
        ref = DateRef(el, plain(el), value, label, attr(el, "cert") or "",
                      Where(**vars(self.where)), html_datetime(when_like))
        self.plan.dates.append(ref)
        self.plan.date_of[id(el)] = ref

"""The authority file: persons, places, organisations, periodicals and works, foreign
phrases, OCR corrections and structure hints for one text, read from a small TEI document
(``tei_kirov/data/kirov-authority.xml`` for the pamphlet). A ``note type="mentions"`` (as
``tei-kirov authority suggest`` writes) is for the person editing the file and is not
copied into editions."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from ..models import (
    Bibl,
    Birth,
    Death,
    ListBibl,
    ListOrg,
    ListPerson,
    ListPlace,
    Note,
    Org,
    OrgName,
    PersName,
    Person,
    Place,
    PlaceName,
    Title,
)
from ..xml.safety import parse_bytes
from .notes import signer_key
from .structure import Hint

NS = {"t": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass
class Entry:
    """One record: its id, kind (``person``/``place``/``org``/``bibl``), standard form, the
    surface forms to look for, and what else the record says."""

    id: str
    kind: str
    main: str
    forms: list[str]
    level: str | None = None
    lang: str | None = None
    birth: str | None = None
    death: str | None = None
    notes: list[str] = field(default_factory=list)
    variants: list[str] = field(default_factory=list)
    #: How sure a drafted record is (``high``, ``medium``, ``low``), the lines its name is
    #: printed on and why it was drafted (from ``authority suggest``; not in editions).
    cert: str | None = None
    mentions: list[int] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)


@dataclass
class Authority:
    """Everything the name, title, foreign-phrase, correction and structure passes need."""

    entries: list[Entry] = field(default_factory=list)
    foreign: dict[str, str] = field(default_factory=dict)
    corrections: list[tuple[str, str]] = field(default_factory=list)
    non_names: list[str] = field(default_factory=list)
    hints: list[Hint] = field(default_factory=list)
    settings: dict[str, str] = field(default_factory=dict)
    #: note signatures (``signer_key`` of the printed form, ``""`` for unsigned) -> @resp
    signers: dict[str, str] = field(default_factory=dict)
    source: str = ""

    def of_kind(self, kind: str) -> list[Entry]:
        return [e for e in self.entries if e.kind == kind]

    def by_id(self, ident: str) -> Entry | None:
        return next((e for e in self.entries if e.id == ident), None)


DEFAULT = "kirov-authority.xml"


def default_authority_bytes() -> bytes:
    """The authority file shipped with the package."""
    return resources.files("tei_kirov.data").joinpath(DEFAULT).read_bytes()


def default_authority() -> Authority:
    """The bundled pamphlet's authority file, used only when no SOURCE is given."""
    return _read(parse_bytes(default_authority_bytes(), file=DEFAULT).getroot(), DEFAULT)


def load_authority(source: str | Path | bytes | Authority | None) -> Authority:
    """Read an authority file (a path or its bytes); ``None`` is no authority (an empty
    one: no names are tagged)."""
    if isinstance(source, Authority):
        return source
    if source is None:
        return Authority()
    if isinstance(source, bytes):
        data, name = source, "<bytes>"
    else:
        data, name = Path(source).read_bytes(), str(source)
    return _read(parse_bytes(data, file=name).getroot(), name)


def _text(el: Any) -> str:
    return " ".join("".join(el.itertext()).split())


def _read(root: Any, name: str) -> Authority:
    auth = Authority(source=name)
    for kind, xpath, name_tag in (("person", "//t:listPerson/t:person", "persName"),
                                  ("place", "//t:listPlace/t:place", "placeName"),
                                  ("org", "//t:listOrg/t:org", "orgName")):
        for el in root.xpath(xpath, namespaces=NS):
            names = el.xpath(f"t:{name_tag}", namespaces=NS)
            main = next((_text(n) for n in names if n.get("type") == "main"),
                        _text(names[0]) if names else "")
            variants = [_text(n) for n in names if n.get("type") == "variant"]
            forms = _unique(variants + [main])
            entry = Entry(el.get(XML_ID), kind, main, forms, variants=variants,
                          cert=el.get("cert"))
            for tag in ("birth", "death"):
                found = el.find(f"t:{tag}", NS)
                if found is not None:
                    setattr(entry, tag, found.get("when"))
            entry.notes = [_text(n) for n in el.xpath("t:note[not(@type='mentions')]",
                                                     namespaces=NS)]
            auth.entries.append(entry)
    for el in root.xpath("//t:listBibl/t:bibl", namespaces=NS):
        titles = el.xpath("t:title", namespaces=NS)
        if not titles:
            continue
        first = titles[0]
        entry = Entry(el.get(XML_ID), "bibl", _text(first), _unique([_text(t) for t in titles]),
                      level=first.get("level"), lang=first.get(XML_LANG))
        entry.variants = [_text(t) for t in titles[1:]]
        entry.notes = [_text(n) for n in el.xpath("t:note", namespaces=NS)]
        auth.entries.append(entry)
    for el in root.xpath("//t:div[@type='foreign']//t:foreign", namespaces=NS):
        auth.foreign[_text(el)] = el.get(XML_LANG) or "und"
    for el in root.xpath("//t:div[@type='corrections']//t:choice", namespaces=NS):
        sic, corr = el.find("t:sic", NS), el.find("t:corr", NS)
        if sic is not None and corr is not None:
            auth.corrections.append((_text(sic), _text(corr)))
    auth.non_names = [_text(el) for el in
                      root.xpath("//t:div[@type='match']//t:item", namespaces=NS)]
    for el in root.xpath("//t:div[@type='structure']//t:item", namespaces=NS):
        quote = el.find("t:quote", NS)
        if el.get("n") and quote is not None:
            auth.hints.append(Hint(el.get("n"), _text(quote)))
        elif el.get("n") == "note-signer":
            auth.signers[signer_key(_text(el))] = el.get("corresp") or ""
        elif el.get("n"):
            auth.settings[el.get("n")] = _text(el)
    return auth


def _unique(items: list[str]) -> list[str]:
    seen: list[str] = []
    for item in items:
        if item and item not in seen:
            seen.append(item)
    return seen


def standoff_lists(auth: Authority, used: set[str]) -> list[Any]:
    """``listPerson``, ``listPlace``, ``listOrg`` and ``listBibl`` of the records in ``used``
    (in authority order), as models."""
    persons, places, orgs, bibls = [], [], [], []
    for e in auth.entries:
        if e.id not in used:
            continue
        if e.kind == "person":
            parts: list[Any] = [PersName(e.main, type="main")]
            parts += [PersName(v, type="variant") for v in e.variants if v != e.main]
            if e.birth:
                parts.append(Birth(when=e.birth))
            if e.death:
                parts.append(Death(when=e.death))
            parts += [Note(n) for n in e.notes]
            persons.append(Person(*parts, xml_id=e.id))
        elif e.kind == "place":
            names = [PlaceName(e.main, type="main")]
            names += [PlaceName(v, type="variant") for v in e.variants if v != e.main]
            places.append(Place(*names, *[Note(n) for n in e.notes], xml_id=e.id))
        elif e.kind == "org":
            onames = [OrgName(e.main, type="main")]
            onames += [OrgName(v, type="variant") for v in e.variants if v != e.main]
            orgs.append(Org(*onames, *[Note(n) for n in e.notes], xml_id=e.id))
        elif e.kind == "bibl":
            titles = [Title(e.main, level=e.level, xml_lang=e.lang)]
            titles += [Title(v, level=e.level, xml_lang=e.lang, type="variant")
                       for v in e.variants]
            bibls.append(Bibl(*titles, *[Note(n) for n in e.notes], xml_id=e.id))
    out: list[Any] = []
    if persons:
        out.append(ListPerson(*persons))
    if places:
        out.append(ListPlace(*places))
    if orgs:
        out.append(ListOrg(*orgs))
    if bibls:
        out.append(ListBibl(*bibls))
    return out

"""Builds ``schemas/tei_kirov.xsd`` from the models and the content-model table below.

The models are the single source of truth for which elements and attributes exist; this
module adds what models do not say: each element's content model (a strict subset of TEI
P5's) and each attribute's datatype. Run ``python -m tei_kirov.profile.build`` after changing
either; a test fails while the committed schema differs from what this module builds.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..models import REGISTRY, TeiElement
from ..models.base import attribute_name
from ..w3cdates import W3C_TYPES

# -- a tiny content-model language ----------------------------------------------------------


@dataclass(frozen=True)
class Particle:
    """An element reference, sequence or choice with occurrence bounds."""

    kind: str  # "el", "seq", "choice"
    name: str = ""
    items: tuple[Particle, ...] = ()
    min: int = 1
    max: int | None = 1  # None: unbounded


def el(name: str, min: int = 1, max: int | None = 1) -> Particle:
    return Particle("el", name=name, min=min, max=max)


def seq(*items: Particle | str, min: int = 1, max: int | None = 1) -> Particle:
    return Particle("seq", items=_parts(items), min=min, max=max)


def choice(*items: Particle | str, min: int = 1, max: int | None = 1) -> Particle:
    return Particle("choice", items=_parts(items), min=min, max=max)


def star(*items: Particle | str) -> Particle:
    """Zero or more of any of ``items``."""
    return choice(*items, min=0, max=None)


def plus(*items: Particle | str) -> Particle:
    """One or more of any of ``items``."""
    return choice(*items, min=1, max=None)


def _parts(items: tuple[Particle | str, ...]) -> tuple[Particle, ...]:
    out: list[Particle] = []
    for item in items:
        if isinstance(item, str):
            out.extend(el(n) for n in item.split())
        else:
            out.append(item)
    return tuple(out)


@dataclass(frozen=True)
class Content:
    """``mixed``: text allowed between the particle's elements; ``text``: text only;
    ``empty``: nothing."""

    kind: str  # "mixed", "elements", "text", "empty"
    particle: Particle | None = None


def mixed(names: str) -> Content:
    return Content("mixed", star(names))


def elements(particle: Particle) -> Content:
    return Content("elements", particle)


TEXT = Content("text")
EMPTY = Content("empty")

# -- element groups (each a subset of the TEI class of the same role) -----------------------

GLOBAL = "note pb lb anchor gap"  # model.global
PHRASE_DATA = (  # model.phrase + model.global, without model.quoteLike (date, bibl, opener ...)
    "hi emph title foreign term q seg persName placeName orgName name rs date ref ptr "
    "choice sic corr orig reg supplied unclear " + GLOBAL
)
PHRASE = PHRASE_DATA + " quote"  # model.phrase + model.attributable (macro.phraseSeq)
LIMITED = "hi emph title foreign term date persName placeName orgName name rs ref ptr"
INTER = "list cit bibl listBibl label listPerson listPlace listOrg"  # model.inter
PHRASE_SEQ = mixed(PHRASE)
PARA = mixed(PHRASE + " " + INTER)  # macro.paraContent
SPECIAL_PARA = mixed(PHRASE + " " + INTER + " p")  # macro.specialPara
BLOCK = "p list quote cit bibl listBibl label listPerson listPlace listOrg"  # model.common
G = star(GLOBAL)

#: Content models many elements share, written once in the schema as named groups (after
#: the TEI macros they restrict) and referred to by name.
NAMED_CONTENT: dict[Content, tuple[str, str]] = {
    PHRASE_SEQ: ("macro.phraseSeq", "phrase-level content: text, highlighting, names, "
                 "dates, links, editorial interventions"),
    PARA: ("macro.paraContent", "the content of a paragraph: phrases and lists, "
           "citations, bibliographies and entity lists"),
    SPECIAL_PARA: ("macro.specialPara", "paragraph content that may also hold paragraphs "
                   "(items, quotations, notes on changes)"),
}


def _division(top: str, bottom: str, required: bool) -> Content:
    """TEI's division content: top matter, then blocks or subdivisions, then bottom matter
    (bottom matter only after some content, which keeps the model deterministic)."""
    blocks = seq(choice(BLOCK), G, min=1, max=None)
    divs = seq(el("div"), G, min=1, max=None)
    middle = choice(seq(blocks, seq(el("div"), G, min=0, max=None)), divs)
    body = seq(middle, seq(choice(bottom), G, min=0, max=None), min=1 if required else 0)
    return elements(seq(star(top + " " + GLOBAL), body))


TITLE_PAGE_PARTS = "docTitle titlePart docAuthor docImprint docDate docEdition byline"

CONTENT: dict[str, Content] = {
    # structure
    "TEI": elements(seq(el("teiHeader"), plus("text standOff"))),
    "text": elements(seq(G, seq(el("front"), G, min=0), el("body"), G,
                         seq(el("back"), G, min=0))),
    "front": elements(star("titlePage div " + GLOBAL)),
    "body": _division("head opener byline dateline salute", "closer signed trailer", True),
    "back": elements(seq(star("listPerson listPlace listOrg listBibl list p " + GLOBAL),
                         seq(el("div"), G, min=0, max=None))),
    "div": _division("head opener byline dateline salute", "closer signed trailer byline "
                     "dateline salute", False),
    "standOff": elements(plus("listPerson listPlace listOrg listBibl")),
    "head": PARA,
    "p": PARA,
    # items, or label/item pairs (a glossary, printed numbers kept apart)
    "list": elements(seq(el("head", 0, None), G,
                         choice(seq(el("item"), G, min=1, max=None),
                                seq(el("label"), G, el("item"), G, min=1, max=None)))),
    "item": SPECIAL_PARA,
    "label": PHRASE_SEQ,
    "quote": SPECIAL_PARA,
    "q": SPECIAL_PARA,
    "cit": elements(plus("quote q bibl ref ptr " + GLOBAL)),
    "bibl": mixed(PHRASE_DATA + " author editor respStmt publisher pubPlace biblScope edition "
                  "idno"),
    "listBibl": elements(seq(el("head", 0, None), plus("bibl biblStruct listBibl"))),
    "opener": mixed(PHRASE_DATA + " byline dateline salute signed"),
    "closer": mixed(PHRASE_DATA + " signed dateline salute"),
    "signed": PARA,
    "dateline": mixed(PHRASE_DATA + " docDate"),
    "byline": mixed(PHRASE_DATA + " docAuthor"),
    "salute": PARA,
    "trailer": PHRASE_SEQ,
    "titlePage": elements(seq(G, choice(TITLE_PAGE_PARTS), star(TITLE_PAGE_PARTS + " " + GLOBAL))),
    "docTitle": elements(seq(G, seq(el("titlePart"), G, min=1, max=None))),
    "titlePart": PARA,
    "docAuthor": PHRASE_SEQ,
    "docImprint": mixed(PHRASE_DATA + " pubPlace docDate publisher"),
    "docDate": PHRASE_SEQ,
    "docEdition": PARA,
    # phrase level
    "hi": PARA, "emph": PARA, "title": PARA, "foreign": PHRASE_SEQ, "term": PHRASE_SEQ,
    "seg": PARA, "persName": PHRASE_SEQ, "placeName": PHRASE_SEQ, "orgName": PHRASE_SEQ,
    "name": PHRASE_SEQ, "rs": PHRASE_SEQ, "date": mixed(PHRASE_DATA), "ref": PARA, "ptr": EMPTY,
    "note": SPECIAL_PARA, "anchor": EMPTY, "pb": EMPTY, "lb": EMPTY, "gap": EMPTY,
    "choice": elements(choice(el("sic"), el("corr"), el("orig"), el("reg"), el("unclear"),
                              min=2, max=None)),
    "sic": PARA, "corr": PARA, "orig": PARA, "reg": PARA, "supplied": PARA, "unclear": PARA,
    # entities
    "listPerson": elements(seq(el("head", 0, None), el("person", 1, None))),
    "person": elements(star("persName birth death " + GLOBAL)),
    "birth": PHRASE_SEQ, "death": PHRASE_SEQ,
    "listPlace": elements(seq(el("head", 0, None), el("place", 1, None))),
    "place": elements(seq(el("placeName", 0, None), el("note", 0, None))),
    "listOrg": elements(seq(el("head", 0, None), el("org", 1, None))),
    "org": elements(seq(el("orgName", 0, None), el("note", 0, None))),
    # header
    "teiHeader": elements(seq(el("fileDesc"), star("encodingDesc profileDesc"),
                              el("revisionDesc", 0))),
    "fileDesc": elements(seq(el("titleStmt"), el("editionStmt", 0), el("publicationStmt"),
                             el("notesStmt", 0), el("sourceDesc", 1, None))),
    "titleStmt": elements(seq(el("title", 1, None), star("author editor respStmt"))),
    "author": PHRASE_SEQ, "editor": PHRASE_SEQ,
    "respStmt": elements(seq(el("resp", 1, None), plus("persName orgName name"),
                             el("note", 0, None))),
    "resp": mixed(LIMITED + " " + GLOBAL),  # macro.phraseSeq.limited
    "editionStmt": elements(choice(el("p", 1, None), seq(el("edition"), el("respStmt", 0, None)))),
    "edition": PHRASE_SEQ,
    "publicationStmt": elements(choice(
        seq(el("publisher"), star("address availability date idno pubPlace ptr ref"),
            min=1, max=None),
        el("p", 1, None))),
    "publisher": PHRASE_SEQ, "pubPlace": PHRASE_SEQ,
    "address": elements(el("addrLine", 1, None)),
    "addrLine": PHRASE_SEQ,
    "idno": TEXT,
    "availability": elements(plus("licence p")),
    "licence": SPECIAL_PARA,
    "notesStmt": elements(el("note", 1, None)),
    "sourceDesc": elements(choice(el("p", 1, None),
                                  plus("bibl biblStruct listBibl listPerson listPlace listOrg "
                                       "list"))),
    "biblStruct": elements(seq(el("analytic", 0, None), el("monogr", 1, None),
                               star("note ptr ref"))),
    "analytic": elements(star("author editor respStmt title date idno")),
    "monogr": elements(seq(choice(  # TEI: titles after names, or names after titles
                               seq(plus("author editor respStmt"), el("title", 1, None),
                                   star("idno editor respStmt")),
                               seq(el("title"), star("title idno"),
                                   star("author editor respStmt"))),
                           el("note", 0, None),
                           seq(el("edition"), star("idno editor respStmt"), min=0, max=None),
                           el("imprint"), star("imprint biblScope"))),
    "imprint": elements(seq(choice("publisher pubPlace date biblScope"),
                            star("publisher pubPlace date biblScope note pb"))),
    "biblScope": PHRASE_SEQ,
    "encodingDesc": elements(plus("projectDesc editorialDecl p")),
    "projectDesc": elements(el("p", 1, None)),
    "editorialDecl": elements(plus("p correction normalization quotation hyphenation "
                                   "segmentation stdVals interpretation")),
    "correction": elements(el("p", 1, None)),
    "normalization": elements(el("p", 1, None)),
    "hyphenation": elements(el("p", 1, None)),
    "segmentation": elements(el("p", 1, None)),
    "stdVals": elements(el("p", 1, None)),
    "interpretation": elements(el("p", 1, None)),
    "quotation": elements(el("p", 0, None)),
    "profileDesc": elements(star("creation langUsage")),
    "creation": mixed(LIMITED),
    "langUsage": elements(el("language", 1, None)),
    "language": mixed(LIMITED + " " + GLOBAL),
    "revisionDesc": elements(el("change", 1, None)),
    "change": SPECIAL_PARA,
}

# -- attribute datatypes ---------------------------------------------------------------------

#: Attribute (XML name) -> XSD type, for every element unless overridden below.
ATTRIBUTE_TYPES: dict[str, str] = {
    "n": "xs:string", "rend": "words", "resp": "pointers", "cert": "certainty",
    "corresp": "pointers", "type": "word", "subtype": "word", "ref": "pointers",
    "key": "xs:string", "level": "titleLevel", "who": "pointers", "source": "pointers",
    "role": "words", "when": "w3cDate", "notBefore": "w3cDate", "notAfter": "w3cDate",
    "from": "w3cDate", "to": "w3cDate", "evidence": "words", "place": "words",
    "target": "pointers", "targetEnd": "pointers", "anchored": "xs:boolean",
    "facs": "pointers", "break": "word", "ed": "words", "reason": "words", "unit": "word",
    "quantity": "xs:nonNegativeInteger", "extent": "xs:string", "agent": "word",
    "sex": "words", "status": "word", "method": "markupMethod", "eol": "eolValues",
    "marks": "marksValues", "ident": "xs:language", "usage": "percentage",
    "version": "teiVersion",
}
ELEMENT_ATTRIBUTE_TYPES: dict[tuple[str, str], str] = {
    ("availability", "status"): "availabilityStatus",
    ("correction", "status"): "certainty",
    ("biblScope", "from"): "word",
    ("biblScope", "to"): "word",
    ("licence", "target"): "pointers",
}
XML_ATTRIBUTES = {"{http://www.w3.org/XML/1998/namespace}" + n: "xml:" + n
                  for n in ("id", "lang", "space")}

SIMPLE_TYPES = """
  <xs:simpleType name="word">
    <xs:restriction base="xs:token"><xs:pattern value="[^\\p{C}\\p{Z}]+"/></xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="words">
    <xs:restriction><xs:simpleType><xs:list itemType="tk:word"/></xs:simpleType>
      <xs:minLength value="1"/></xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="pointers">
    <xs:restriction><xs:simpleType><xs:list itemType="xs:anyURI"/></xs:simpleType>
      <xs:minLength value="1"/></xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="w3cDate">
    <xs:union memberTypes="W3C_MEMBER_TYPES"/>
  </xs:simpleType>
  <xs:simpleType name="certainty">
    <xs:restriction base="xs:token">
      <xs:enumeration value="high"/><xs:enumeration value="medium"/>
      <xs:enumeration value="low"/><xs:enumeration value="unknown"/>
    </xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="titleLevel">
    <xs:restriction base="xs:token">
      <xs:enumeration value="a"/><xs:enumeration value="m"/><xs:enumeration value="j"/>
      <xs:enumeration value="s"/><xs:enumeration value="u"/>
    </xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="availabilityStatus">
    <xs:restriction base="xs:token">
      <xs:enumeration value="free"/><xs:enumeration value="unknown"/>
      <xs:enumeration value="restricted"/>
    </xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="markupMethod">
    <xs:restriction base="xs:token">
      <xs:enumeration value="silent"/><xs:enumeration value="markup"/>
    </xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="eolValues">
    <xs:restriction base="xs:token">
      <xs:enumeration value="all"/><xs:enumeration value="some"/>
      <xs:enumeration value="hard"/><xs:enumeration value="none"/>
    </xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="marksValues">
    <xs:restriction base="xs:token">
      <xs:enumeration value="none"/><xs:enumeration value="some"/><xs:enumeration value="all"/>
    </xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="percentage">
    <xs:restriction base="xs:nonNegativeInteger"><xs:maxInclusive value="100"/></xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="teiVersion">
    <xs:restriction base="xs:token"><xs:pattern value="\\d+(\\.\\d+){0,2}"/></xs:restriction>
  </xs:simpleType>
"""

# teidata.temporal.w3c: the one list of date types shared with tei_kirov.w3cdates
SIMPLE_TYPES = SIMPLE_TYPES.replace("W3C_MEMBER_TYPES", " ".join("xs:" + t for t in W3C_TYPES))

REQUIRED_ATTRIBUTES = {("language", "ident")}


def attribute_type(element: str, attribute: str) -> str:
    return ELEMENT_ATTRIBUTE_TYPES.get((element, attribute)) or ATTRIBUTE_TYPES[attribute]


# -- rendering -------------------------------------------------------------------------------


def _occurs(p: Particle) -> str:
    out = ""
    if p.min != 1:
        out += f' minOccurs="{p.min}"'
    if p.max != 1:
        out += ' maxOccurs="unbounded"' if p.max is None else f' maxOccurs="{p.max}"'
    return out


def _particle(p: Particle, indent: str) -> list[str]:
    if p.kind == "el":
        return [f'{indent}<xs:element ref="tk:{p.name}"{_occurs(p)}/>']
    tag = "xs:sequence" if p.kind == "seq" else "xs:choice"
    lines = [f"{indent}<{tag}{_occurs(p)}>"]
    for item in p.items:
        lines += _particle(item, indent + "  ")
    lines.append(f"{indent}</{tag}>")
    return lines


#: The attributes every typed element has (``TeiElement``'s fields: a subset of TEI's
#: att.global), declared once as an attribute group.
GLOBAL_ATTRIBUTES: tuple[str, ...] = tuple(
    attribute_name(f) for f in TeiElement.model_fields if f not in ("content", "extra_attrs"))


def _attribute(element: str, xml_name: str, indent: str) -> str:
    if xml_name in XML_ATTRIBUTES:
        return f'{indent}<xs:attribute ref="{XML_ATTRIBUTES[xml_name]}"/>'
    use = ' use="required"' if (element, xml_name) in REQUIRED_ATTRIBUTES else ""
    xsd_type = attribute_type(element, xml_name)
    if not xsd_type.startswith("xs:"):
        xsd_type = "tk:" + xsd_type
    return f'{indent}<xs:attribute name="{xml_name}" type="{xsd_type}"{use}/>'


def _global_attributes() -> list[str]:
    return (['  <xs:attributeGroup name="att.global">',
             "    <xs:annotation><xs:documentation>attributes of every element (a subset of "
             "TEI's att.global)</xs:documentation></xs:annotation>"]
            + [_attribute("", name, "    ") for name in GLOBAL_ATTRIBUTES]
            + ["  </xs:attributeGroup>"])


def _attributes(cls: type[TeiElement], indent: str) -> list[str]:
    own = list(cls.attribute_fields.values())
    lines = []
    if all(name in own for name in GLOBAL_ATTRIBUTES):
        lines.append(f'{indent}<xs:attributeGroup ref="tk:att.global"/>')
        own = [name for name in own if name not in GLOBAL_ATTRIBUTES]
    return lines + [_attribute(cls.tei_name, name, indent) for name in own]


def _element(name: str, cls: type[TeiElement]) -> list[str]:
    content = CONTENT[name]
    paragraph = (cls.__doc__ or "").strip().split("\n\n")[0]
    doc = " ".join(line.strip() for line in paragraph.splitlines()).replace("``", "")
    doc = doc.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    lines = [f'  <xs:element name="{name}">',
             f"    <xs:annotation><xs:documentation>{doc}</xs:documentation></xs:annotation>"]
    attrs = _attributes(cls, "      ")
    if content.kind == "text":
        lines += ["    <xs:complexType>", "      <xs:simpleContent>",
                  '        <xs:extension base="xs:string">']
        lines += ["    " + a for a in attrs]
        lines += ["        </xs:extension>", "      </xs:simpleContent>", "    </xs:complexType>"]
    else:
        mixed_attr = ' mixed="true"' if content.kind == "mixed" else ""
        lines.append(f"    <xs:complexType{mixed_attr}>")
        named = NAMED_CONTENT.get(content)
        if named is not None and content.particle is not None:
            lines.append(f'      <xs:group ref="tk:{named[0]}"{_occurs(content.particle)}/>')
        elif content.particle is not None:
            particle = content.particle
            if particle.kind == "el":  # a lone element must sit in a group
                particle = seq(particle)
            lines += _particle(particle, "      ")
        lines += attrs
        lines.append("    </xs:complexType>")
    lines.append("  </xs:element>")
    return lines


def _group(content: Content, name: str, doc: str) -> list[str]:
    """A named group for a shared content model; its occurrence bounds go on each reference
    (XSD allows none on a group's own top particle)."""
    assert content.particle is not None
    particle = replace(content.particle, min=1, max=1)
    if particle.kind == "el":
        particle = seq(particle)
    return ([f'  <xs:group name="{name}">',
             f"    <xs:annotation><xs:documentation>{doc}</xs:documentation></xs:annotation>"]
            + _particle(particle, "    ") + ["  </xs:group>"])


def build() -> str:
    """The profile schema's text."""
    missing = sorted(set(REGISTRY) - set(CONTENT))
    extra = sorted(set(CONTENT) - set(REGISTRY))
    if missing or extra:
        raise ValueError(f"content models missing for {missing}; no model for {extra}")
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        "<!-- The tei_kirov profile of TEI P5: a strict subset of tei_all, declaring exactly",
        "     the elements and attributes tei_kirov's models type.",
        "     Generated by `python -m tei_kirov.profile.build`; do not edit by hand. -->",
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"',
        '           xmlns:tk="http://www.tei-c.org/ns/1.0"',
        '           targetNamespace="http://www.tei-c.org/ns/1.0"',
        '           elementFormDefault="qualified">',
        '  <xs:import namespace="http://www.w3.org/XML/1998/namespace" schemaLocation="xml.xsd"/>',
        SIMPLE_TYPES.rstrip("\n"),
    ]
    lines += _global_attributes()
    for content, (name, doc) in NAMED_CONTENT.items():
        lines += _group(content, name, doc)
    for name in sorted(REGISTRY, key=str.lower):
        lines += _element(name, REGISTRY[name])
    lines.append("</xs:schema>")
    return "\n".join(lines) + "\n"


@dataclass
class _Args:
    check: bool = False
    paths: list[str] = field(default_factory=list)


def main(argv: list[str] | None = None) -> int:
    """Write the schema next to this package's ``schemas`` folder (``--check``: only compare)."""
    from . import schema_path

    args = list(sys.argv[1:] if argv is None else argv)
    target = Path(schema_path())
    text = build()
    if "--check" in args:
        same = target.exists() and target.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{target} differs from the models; rebuild it")
        return 0 if same else 1
    from ..atomic import write_file

    write_file(target, text, force=True)  # (regenerating the package's own schema is its job)
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

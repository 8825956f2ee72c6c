"""Pass 10 (model -> header): the ``teiHeader`` of the edition, from the metadata
(:class:`.meta.EditionMeta`, completed by :mod:`.settle` from the title page), the e-text
credits, what the other passes found (counts, contents, languages) and the authority file,
which gives names their ``@ref``.

Nothing is invented. A fact nobody gave stays out; an edition without a title gets a
descriptive title saying so (``A TEI P5 edition; no title was given or found``), and a
source without a title is described by a ``bibl`` of what is known."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..models import (
    Author,
    Availability,
    Bibl,
    BiblStruct,
    Change,
    Correction,
    Creation,
    Date,
    Edition,
    Editor,
    EditorialDecl,
    EncodingDesc,
    FileDesc,
    Hyphenation,
    Imprint,
    Interpretation,
    Language,
    LangUsage,
    Licence,
    Monogr,
    Name,
    Normalization,
    Note,
    NotesStmt,
    OrgName,
    P,
    PersName,
    ProfileDesc,
    ProjectDesc,
    PublicationStmt,
    Publisher,
    PubPlace,
    Quotation,
    Ref,
    Resp,
    RespStmt,
    RevisionDesc,
    Segmentation,
    SourceDesc,
    StdVals,
    TeiHeader,
    Title,
    TitleStmt,
)
from .authority import Authority
from .credits import Credit
from .dates import apply_dates
from .meta import EditionMeta, Party

#: Names of languages by code, for ``langUsage`` (the metadata's ``languages`` win).
LANGUAGES = {"en": "English", "fr": "French", "de": "German", "it": "Italian", "la": "Latin",
             "el": "Greek", "grc": "Ancient Greek", "he": "Hebrew", "nl": "Dutch",
             "pl": "Polish", "pt": "Portuguese", "ru": "Russian", "es": "Spanish"}
NO_TITLE = "A TEI P5 edition; no title was given or found"


@dataclass
class Facts:
    """What the encoded text says about its source (title page, signatures, bylines,
    articles, languages), read off by the pipeline."""

    title: str | None = None
    author: str | None = None
    author_ref: str | None = None
    translator: str | None = None
    translator_ref: str | None = None
    publisher: str | None = None
    publisher_ref: str | None = None
    address: str | None = None
    place: str | None = None
    first_printing: Date | None = None
    introduction: Date | None = None
    articles: list[tuple[str, Date | None]] = field(default_factory=list)
    #: Codes of the languages the text marks (``xml:lang``); the main one is the metadata's.
    languages: list[str] = field(default_factory=list)


@dataclass
class Counts:
    """Counts the editorial declaration reports."""

    paragraph_joins: int = 0
    word_joins: int = 0
    compounds: int = 0
    corrections: int = 0
    notes: int = 0
    #: What was corrected, as "printed → corrected".
    corrected: list[str] = field(default_factory=list)
    #: Names printed in more than one spelling, as "A and B".
    variants: list[str] = field(default_factory=list)

    def fields(self) -> dict[str, Any]:
        """The values a declaration of the metadata may name as ``{name}``."""
        return {"paragraph_joins": self.paragraph_joins, "word_joins": self.word_joins,
                "compounds": self.compounds, "corrections": self.corrections,
                "notes": self.notes, "corrected": _listing(self.corrected),
                "variants": _listing(self.variants)}


#: The editorial declarations said when the metadata gives none, and the count that must
#: not be zero for each to be said (``None``: always).
DECLARATIONS: dict[str, tuple[str | None, str]] = {
    "correction": ("corrections", "Misreadings corrected by the encoder ({corrections}: "
                   "{corrected}) are kept as printed in sic, with the correction in corr "
                   "(resp=\"#enc\"). Nothing is corrected silently."),
    "normalization": (None, "Spellings are kept as printed."),
    "hyphenation": ("word_joins", "Words hyphenated across a break ({word_joins}) are joined "
                    "without the hyphen, with break=\"no\" on a page break between the parts; "
                    "true compounds keep their hyphen ({compounds} across a break)."),
    "segmentation": (None, "Blocks of the text (runs of lines between blank lines) are "
                     "paragraphs, headings, list items or title-page lines. A paragraph that "
                     "a page break interrupted ({paragraph_joins}) is one p again."),
    "quotation": (None, "Quotation marks are kept as printed."),
    "interpretation": (None, "Marked italics are emph, or title or foreign where the "
                       "authority file names the words."),
    "stdVals": (None, "Dates are normalised to ISO 8601: @when, @from/@to for ranges, "
                "@notBefore/@notAfter for vague expressions."),
    "notes": ("notes", "Notes ({notes}) stand at their printed marker (@n keeps the "
              "marker)."),
}
PROJECT = ("An encoding of a plain-text transcription made by the tei_kirov encoder, a "
           "pipeline of small, separately tested passes (credits, blocks, notes, page breaks, "
           "structure, inline markup, corrections, quotations, names, dates, header).")
CHANGE = "Encoded by the tei_kirov encoder from a plain-text transcription."


def build_header(meta: EditionMeta, counts: Counts, facts: Facts | None = None,
                 credits: list[Credit] | None = None,
                 auth: Authority | None = None) -> TeiHeader:
    """The complete header. ``meta`` is final (see :func:`.settle.settle`); ``facts`` adds
    the contents and languages found in the text, ``credits`` the e-text credits,
    ``auth`` the ``@ref`` of names it holds."""
    facts = facts or Facts()
    auth = auth or Authority()
    when = {"when": meta.encoding_date} if meta.encoding_date else {}
    change = Change(meta.change or CHANGE, who="#enc", **when)
    return TeiHeader(_file_desc(meta, facts, credits or [], auth),
                     _encoding_desc(meta, counts), _profile_desc(meta, facts),
                     RevisionDesc(change))


def note_resp(meta: EditionMeta) -> dict[str, str | None]:
    """The ``@resp`` of a note by role (``author``, ``editors``, ``translator``,
    ``encoder``): the header id of the first author, editor or translator, ``None`` where
    the header names nobody in that role."""
    def first(parties: list[Party], prefix: str) -> str | None:
        return f"#{_ids(parties, prefix)[0]}" if parties else None
    return {"author": first(meta.author, "author"), "editors": first(meta.editor, "editor"),
            "translator": first(meta.translator, "tr"), "encoder": "#enc"}


def _ref(name: str, kind: str, auth: Authority) -> str | None:
    entry = next((e for e in auth.of_kind(kind)
                  if name.lower() in (f.lower() for f in e.forms)), None)
    return f"#{entry.id}" if entry is not None else None


def _name(party: Party, auth: Authority) -> Any:
    if party.kind == "name":
        return Name(party.name)
    kind = "org" if party.kind == "org" else "person"
    ref = party.ref or _ref(party.name, kind, auth)
    return (OrgName if kind == "org" else PersName)(party.name, ref=ref)


def _ids(parties: list[Party], prefix: str) -> list[str]:
    if len(parties) == 1:
        return [parties[0].id or prefix]
    return [p.id or f"{prefix}{k}" for k, p in enumerate(parties, 1)]


def _title_stmt(m: EditionMeta, auth: Authority) -> TitleStmt:
    parts: list[Any] = []
    if m.title:
        parts.append(Title(m.title, type="main"))
        parts.append(Title(m.subtitle or "A TEI P5 edition", type="sub"))
    else:
        parts.append(Title(NO_TITLE, type="desc"))
    for party, ident in zip(m.author, _ids(m.author, "author"), strict=True):
        parts.append(Author(_name(party, auth), xml_id=ident))
    for party, ident in zip(m.editor, _ids(m.editor, "editor"), strict=True):
        parts.append(Editor(_name(party, auth), xml_id=ident, role=party.role))
    for party, ident in zip(m.translator, _ids(m.translator, "tr"), strict=True):
        parts.append(RespStmt(Resp("translation"), _name(party, auth), xml_id=ident))
    if m.encoder:
        parts.append(RespStmt(Resp(m.encoder_resp or "TEI encoding with the tei_kirov "
                                   "encoder"), Name(m.encoder), xml_id="enc"))
    else:
        parts.append(RespStmt(Resp(m.encoder_resp or "TEI encoding"),
                              Name("tei_kirov encoder (software)"), xml_id="enc"))
    return TitleStmt(*parts)


def _publication(m: EditionMeta) -> PublicationStmt:
    """Publisher, licence and date of the encoding; without a publisher (which the
    profile puts first), what is known is said in paragraphs."""
    if m.edition_publisher:
        parts: list[Any] = [Publisher(m.edition_publisher)]
        if m.licence or m.licence_url:
            licence = Licence(m.licence or m.licence_url, target=m.licence_url)
            parts.append(Availability(licence, status=m.availability))
        if m.encoding_date:
            parts.append(Date(m.encoding_date, when=m.encoding_date))
        return PublicationStmt(*parts)
    paras = [P("No publisher was given for this encoding.")]
    if m.licence or m.licence_url:
        text = m.licence or m.licence_url or ""
        paras.append(P("Licence: ", Ref(text, target=m.licence_url) if m.licence_url
                       else text))
    if m.encoding_date:
        paras.append(P("Encoded on ", Date(m.encoding_date, when=m.encoding_date), "."))
    return PublicationStmt(*paras)


def dated(text: str) -> list[Any]:
    """``text`` with its dates tagged by the dates pass."""
    para = P(text)
    apply_dates(para)
    return list(para.content)


def _date(text: str) -> Date:
    content = dated(text)
    if len(content) == 1 and isinstance(content[0], Date):
        return content[0]
    when = text if re.fullmatch(r"\d{4}(-\d\d){0,2}", text) else None
    return Date(text, when=when)


def _source_desc(m: EditionMeta, f: Facts, auth: Authority) -> SourceDesc:
    authors: list[Any] = [Author(_name(p, auth)) for p in m.author]
    people = [Editor(_name(p, auth), role=p.role) for p in m.editor]
    people += [RespStmt(Resp("translated by"), _name(p, auth)) for p in m.translator]
    imprint: list[Any] = []
    if m.place:
        imprint.append(PubPlace(m.place))
    if m.publisher:
        ref = _ref(m.publisher, "org", auth)
        imprint.append(Publisher(OrgName(m.publisher, ref=ref) if ref else m.publisher))
    if m.date:
        imprint.append(_date(m.date))
    notes: list[Any] = []
    if m.address:
        notes.append(Note(f"Publisher's address as printed on the title page: "
                          f"{m.address.rstrip('.')}.", type="address"))
    if m.articles and f.articles:
        parts: list[Any] = ["Contents: "]
        for k, (title, date) in enumerate(f.articles):
            if k:
                parts.append("; ")
            parts.append(Title(title, level="a"))
            if date is not None:
                parts += [", dated ", _copy_date(date)]
        parts.append(".")
        notes.append(Note(*parts, type="contents"))
    if m.source:
        notes.append(Note(m.source, type="source"))
    edition = [Edition(*dated(m.edition))] if m.edition else []
    if m.title and imprint:
        monogr = Monogr(*authors, Title(m.source_title or m.title, level="m"), *people,
                        *edition, Imprint(*imprint))
        return SourceDesc(BiblStruct(monogr, *notes))
    if m.title or authors or people or imprint or edition or notes:
        titles: list[Any] = [Title(m.source_title or m.title, level="m")] if m.title else []
        return SourceDesc(Bibl(*authors, *titles, *people, *edition, *imprint, *notes))
    return SourceDesc(P("The source is not described: no metadata was given and its title "
                        "page states nothing unambiguously."))


def _file_desc(m: EditionMeta, f: Facts, credits: list[Credit], auth: Authority) -> FileDesc:
    parts: list[Any] = [_title_stmt(m, auth), _publication(m)]
    if credits:
        parts.append(NotesStmt(*[Note(c.text, type="credits") for c in credits]))
    parts.append(_source_desc(m, f, auth))
    return FileDesc(*parts)


_DECL_CLASSES: dict[str, Any] = {
    "correction": lambda p: Correction(p, status="high", method="markup"),
    "normalization": lambda p: Normalization(p, method="markup"),
    "hyphenation": lambda p: Hyphenation(p, eol="hard"),
    "segmentation": Segmentation,
    "quotation": lambda p: Quotation(p, marks="all"),
    "interpretation": Interpretation,
    "stdVals": StdVals,
    "notes": lambda p: p,
}


def _encoding_desc(m: EditionMeta, c: Counts) -> EncodingDesc:
    values = c.fields()
    decls: list[Any] = []
    for key, (needs, default) in DECLARATIONS.items():
        given = m.declarations.get(key)
        if given is None and needs is not None and not values[needs]:
            continue
        if given == "":
            continue
        if given is None and key == "normalization" and c.variants:
            default += " Names printed in more than one spelling: {variants}."
        decls.append(_DECL_CLASSES[key](P((given or default).format(**values))))
    return EncodingDesc(ProjectDesc(P(m.project or PROJECT)), EditorialDecl(*decls))


def _profile_desc(m: EditionMeta, f: Facts) -> ProfileDesc:
    creation: list[Any] = []
    for title, date in f.articles if m.articles else []:
        if date is None:
            continue
        if creation:
            creation.append("; ")
        creation += [Title(title, level="a"), ": ", _copy_date(date)]
    main = m.language or "en"
    codes = [main, *(code for code in f.languages if code != main)]
    labels = {**LANGUAGES, **m.languages}
    parts: list[Any] = [Creation(*creation)] if creation else []
    parts.append(LangUsage(*[Language(labels.get(code, code), ident=code) for code in codes]))
    return ProfileDesc(*parts)


def _copy_date(date: Date) -> Date:
    """A date found in the text, without the marks of how it was inferred."""
    return Date(*date.content, **{k: getattr(date, k) for k in
                                  ("when", "from_", "to", "not_before", "not_after")
                                  if getattr(date, k) is not None})


def _listing(items: list[str]) -> str:
    return "; ".join(items) if items else "none"

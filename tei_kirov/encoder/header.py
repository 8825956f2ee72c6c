"""Pass 10 (model -> header): the ``teiHeader`` of the edition, from what the other passes
found (title page, signature, byline, datelines, counts) and the authority file."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..models import (
    Author,
    Availability,
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
    OrgName,
    P,
    PersName,
    ProfileDesc,
    ProjectDesc,
    PublicationStmt,
    Publisher,
    PubPlace,
    Quotation,
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

#: The date of this encoding (fixed, so that encoding is deterministic).
EDITION_DATE = "2026-11-25"
LICENCE = "https://creativecommons.org/licenses/by/4.0/"
LANGUAGES = {"en": "English (the translation)", "fr": "French", "de": "German",
             "pl": "Polish", "ru": "Russian (transliterated titles)", "es": "Spanish"}


@dataclass
class Facts:
    """What the header says about the source, read off the encoded text."""

    title: str = "Untitled"
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
    languages: list[str] = field(default_factory=lambda: ["en"])
    #: e-text producer credits and transcriber notes the structure pass took out of the text
    producer: list[str] = field(default_factory=list)


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


def _copy_date(date: Date | None, fallback: str) -> Any:
    if date is None:
        return fallback
    return Date(*date.content, **{k: getattr(date, k) for k in
                                  ("when", "from_", "to", "not_before", "not_after")
                                  if getattr(date, k) is not None})


def build_header(facts: Facts, counts: Counts) -> TeiHeader:
    """The complete header."""
    return TeiHeader(_file_desc(facts), _encoding_desc(counts), _profile_desc(facts),
                     RevisionDesc(Change(
                         "First complete encoding, made by the tei_kirov encoder from the OCR "
                         "text of the pamphlet and its authority file.",
                         when=EDITION_DATE, who="#enc")))


def _person(name: str | None, ref: str | None, fallback: str) -> PersName:
    return PersName(name or fallback, ref=ref)


def _file_desc(f: Facts) -> FileDesc:
    title_stmt = TitleStmt(
        Title(f.title, type="main"),
        Title("A TEI P5 edition", type="sub"),
        Author(_person(f.author, f.author_ref, "Unknown author"), xml_id="LT"),
        Editor(Name("The editors of the pamphlet (the publisher's editors), authors of the "
                    "introduction of the reprint and of the note signed “Eds.”"),
               xml_id="eds", role="introduction"),
        RespStmt(Resp("translation"), _person(f.translator, f.translator_ref,
                                              "Unknown translator"), xml_id="tr"),
        RespStmt(Resp("TEI encoding, corrections and annotation"),
                 Name("tei_kirov encoder (tei_kirov developers)"), xml_id="enc"),
    )
    publication = PublicationStmt(
        Publisher("tei_kirov developers"),
        Availability(Licence("The encoding is licensed under Creative Commons Attribution 4.0 "
                             "International. No claim is made to the source text.",
                             target=LICENCE), status="free"),
        Date(EDITION_DATE, when=EDITION_DATE),
    )
    monogr: list[Any] = [
        Author(_person(f.author, f.author_ref, "Unknown author")),
        Title(f.title, level="m"),
    ]
    if f.translator:
        monogr.append(RespStmt(Resp("translated by"),
                               _person(f.translator, f.translator_ref, "")))
    edition: list[Any] = ["Reprint"]
    if f.introduction is not None:
        edition += [" with an introduction by the editors dated ",
                    _copy_date(f.introduction, "")]
    if f.first_printing is not None:
        edition += ["; first printing ", _copy_date(f.first_printing, "")]
    monogr.append(Edition(*edition))
    imprint: list[Any] = []
    if f.place:
        imprint.append(PubPlace(f.place))
    if f.publisher:
        imprint.append(Publisher(OrgName(f.publisher, ref=f.publisher_ref)
                                 if f.publisher_ref else f.publisher))
    if f.introduction is not None and f.introduction.when:
        year = f.introduction.when[:4]
        imprint.append(Date(year, when=year, cert="medium", resp="#enc", type="reprint"))
    elif f.first_printing is not None:
        imprint.append(_copy_date(f.first_printing, ""))
    if not imprint:
        imprint.append(Publisher("Unknown publisher"))
    monogr.append(Imprint(*imprint))
    notes: list[Any] = []
    if f.address:
        where = f.address.rstrip(".")
        notes.append(Note(f"Publisher's address as printed on the title page: {where}.",
                          type="address"))
    if f.articles:
        parts: list[Any] = ["Contents: "]
        for k, (title, date) in enumerate(f.articles):
            if k:
                parts.append("; ")
            parts.append(Title(title, level="a"))
            if date is not None:
                parts += [", dated ", _copy_date(date, "")]
        parts.append(". The text was transcribed by OCR; the encoding is made from that "
                     "transcription, not from the printed pages.")
        notes.append(Note(*parts, type="contents"))
    notes += [Note(" ".join(text.split()), type="producer") for text in f.producer]
    source = SourceDesc(BiblStruct(Monogr(*monogr), *notes))
    return FileDesc(title_stmt, publication, source)


def _encoding_desc(c: Counts) -> EncodingDesc:
    return EncodingDesc(
        ProjectDesc(P("A scholarly reading edition of an OCR transcription of the pamphlet, "
                      "made by a pipeline of small, separately tested passes (blocks, notes, "
                      "page breaks, structure, inline markup, corrections, quotations, names, "
                      "dates, header).")),
        EditorialDecl(
            Correction(P(f"Obvious misreadings of the OCR ({c.corrections}: "
                         f"{_listing(c.corrected)}) are kept as printed in sic, with the "
                         "correction in corr (resp=\"#enc\"). Nothing is corrected silently."),
                       status="high", method="markup"),
            Normalization(P("Spellings are kept as printed, variant spellings of names "
                            f"({_listing(c.variants)}) included. Every name points with @ref "
                            "to its record in standOff, which gives the standard English form "
                            "(persName type=\"main\") and every form printed (type="
                            "\"variant\"). Words derived from names (such as Trotskyism, "
                            "Stalinist) are not tagged as names."),
                          method="markup"),
            Hyphenation(P(f"Words hyphenated across a page break ({c.word_joins}) are joined "
                          "without the hyphen around pb break=\"no\"; true compounds keep their "
                          f"hyphen ({c.compounds} across a break). Hyphens within lines are "
                          "kept as printed."), eol="hard"),
            Segmentation(P("Blocks of the OCR text (runs of lines between blank lines) are "
                           "paragraphs, headings, list items or title-page lines; the lines of "
                           "the title page keep their breaks as lb. "
                           f"Paragraphs follow the print. A paragraph that a page break "
                           f"interrupted ({c.paragraph_joins}) is one p again, with pb where the "
                           "page turned. The OCR prints no page numbers, so pb has no @n; page "
                           "breaks that fall between paragraphs cannot be seen in the OCR and "
                           "are not recorded.")),
            Quotation(P("Quotation marks are kept as printed: inside q for quotations in the "
                        "running text, at the start of the paragraphs of a block quotation "
                        "(quote)."), marks="all"),
            Interpretation(P("The OCR marks italics as *…* and bold as **…**; the asterisks are "
                             "not kept. Italics are encoded by what they mean: periodicals as "
                             "title level=\"j\", books as title level=\"m\", a newspaper "
                             "headline as title level=\"a\", words in other languages as "
                             "foreign with xml:lang, the italic subtitle and the signature "
                             "“Translator's note.” as hi rend=\"italic\", all other italics as "
                             "emph (the author's emphasis). Bold is hi rend=\"bold\" unless it "
                             "is a title. A numbered list is a list of items, each with its "
                             "printed number as label; divisions the OCR does not mark (the "
                             "conclusion of an article) are divs whose type and first words the "
                             "authority file names.")),
            StdVals(P("Dates are normalised to ISO 8601: @when for days, months and years, "
                      "@from/@to for ranges (“1926-27”), @notBefore/@notAfter for vague "
                      "expressions (“end of 1934”: October to December). Where the year is not "
                      "printed it is taken from the dateline of the article the date stands "
                      "in, and the inference is marked cert=\"high\" evidence=\"internal\" "
                      "resp=\"#enc\".")),
            P(f"Footnotes ({c.notes}) are note place=\"foot\" standing at their printed marker "
              "(@n keeps the marker); their text no longer stands where the page put it. "
              "@resp says who wrote each: #LT the author (unsigned notes), #eds the editors "
              "(signed “Eds.”), #tr the translator (signed “Translator's note”)."),
        ),
    )


def _profile_desc(f: Facts) -> ProfileDesc:
    creation: list[Any] = []
    for title, date in f.articles:
        if date is None:
            continue
        if creation:
            creation.append("; ")
        creation += [Title(title, level="a"), ": ", _copy_date(date, "")]
    langs = [Language(LANGUAGES.get(code, code), ident=code) for code in f.languages]
    parts: list[Any] = []
    if creation:
        parts.append(Creation(*creation))
    parts.append(LangUsage(*langs))
    return ProfileDesc(*parts)


def _listing(items: list[str]) -> str:
    return "; ".join(items) if items else "none"

import pytest
from lxml import etree

import tei_kirov
from tei_kirov.encoder.authority import Authority, Entry
from tei_kirov.encoder.credits import Credit
from tei_kirov.encoder.header import NO_TITLE, Counts, build_header
from tei_kirov.encoder.meta import EditionMeta
from tei_kirov.models import (
    Author,
    Bibl,
    BiblStruct,
    Date,
    Editor,
    EditorialDecl,
    Licence,
    Monogr,
    Note,
    NotesStmt,
    PersName,
    PublicationStmt,
    Ref,
    RespStmt,
    TeiHeader,
    Title,
    TitleStmt,
)

from ..conftest import REPO

META = EditionMeta.model_validate({
    "title": "A Title", "author": [{"name": "Ann Author", "id": "AA"}],
    "translator": "Tom Translator", "editor": [{"name": "Ed One"}, {"name": "Ed Two"}],
    "publisher": "Some Press", "place": "Town", "date": "June 3, 1921",
    "edition": "Second edition, first printed May 1, 1919", "source": "A copy in a library.",
    "licence": "https://example.org/licence", "encoding_date": "2026-01-02",
    "edition_publisher": "Us",
    "declarations": {"correction": "Fixed {corrections}: {corrected}."},
})
COUNTS = Counts(18, 8, 0, 3, 4, corrected=["a → b"], variants=["X and Y"])


def _header(meta: EditionMeta = META, **kw) -> TeiHeader:
    return build_header(meta, COUNTS, **kw)


def _valid(header: TeiHeader) -> None:
    from tei_kirov.models import Body, Document, P, Tei, Text

    doc = Document(Tei(header, Text(Body(P("x"))), xml_lang="en"))
    schema = etree.XMLSchema(etree.parse(str(REPO / "schemas" / "tei_kirov.xsd")))
    assert schema.validate(etree.fromstring(tei_kirov.to_bytes(doc))), str(schema.error_log)


def test_responsibilities_come_from_the_metadata_with_their_ids():
    stmt = next(_header().iter(TitleStmt))
    ids = [n.xml_id for n in stmt.nodes() if isinstance(n, (Author, Editor, RespStmt))]
    assert ids == ["AA", "editor1", "editor2", "tr", "enc"]
    assert [t.text() for t in stmt.iter(Title)] == ["A Title", "A TEI P5 edition"]


def test_source_description_dates_and_licence():
    header = _header()
    monogr = next(header.iter(Monogr))
    assert {d.when for d in monogr.iter(Date)} == {"1921-06-03", "1919-05-01"}
    assert "A copy in a library." in header.file_desc.source_desc.text()
    licence = next(header.iter(Licence))
    assert licence.target == "https://example.org/licence"
    assert header.revision_desc.changes[0].when == "2026-01-02"


def test_declarations_fill_in_the_counts_and_can_be_replaced():
    decl = next(_header().iter(EditorialDecl)).text()
    assert "Fixed 3: a → b." in decl
    for words in ("X and Y", "(8)", "(18)", "Notes (4)"):
        assert words in decl
    quiet = build_header(EditionMeta(), Counts())
    text = next(quiet.iter(EditorialDecl)).text()
    assert "Notes (" not in text and "sic" not in text and "hyphenated" not in text


def test_names_get_their_authority_ref():
    auth = Authority(entries=[Entry("ann", "person", "Ann Author", ["Ann Author"])])
    author = next(next(_header(auth=auth).iter(TitleStmt)).iter(Author))
    assert next(author.iter(PersName)).ref == "#ann"


def test_nothing_is_invented_without_metadata():
    header = build_header(EditionMeta(), Counts())
    text = header.text()
    for word in ("Untitled", "Unknown", "Eds.", "Reprint", "translation", "Trotsky"):
        assert word not in text
    assert [t.text() for t in header.iter(Title)] == [NO_TITLE]
    assert not list(header.iter(Author))
    assert next(header.iter(PublicationStmt)).text() == (
        "No publisher was given for this encoding.")
    assert "not described" in header.file_desc.source_desc.text()
    _valid(header)


def test_a_source_without_title_is_a_bibl_and_credits_go_to_notes_stmt():
    meta = EditionMeta.model_validate({"author": "Ann Author", "date": "1900",
                                       "licence": "http://x.org/l"})
    header = build_header(meta, Counts(), credits=[Credit("Produced by Someone", 1)])
    assert not list(header.iter(BiblStruct)) and len(list(header.iter(Bibl))) == 1
    assert next(header.iter(NotesStmt)).text() == "Produced by Someone"
    assert next(header.iter(Ref)).target == "http://x.org/l"
    _valid(header)


def test_header_is_valid_in_a_document():
    _valid(_header())


# --- the development texts (../shared/texts): header facts checked by reading each title page

DEV = {
    "paine-common-sense.txt": ("Common Sense", ["Thomas Paine"]),
    "douglass-narrative.txt": ("NARRATIVE OF THE LIFE OF FREDERICK DOUGLASS",
                               ["Frederick Douglass"]),
    "ocr-beard-nervous-exhaustion.txt": ("CERTAIN SYMPTOMS OF NERVOUS EXHAUSTION",
                                         ["George M. Beard"]),
    # no title page: the half-title before the first part (its OCR misreading VENEREAL
    # mended from the text's own words); its authors sign only the prefaces, and a
    # signature is no printed author
    "ocr-hill-cooper-venereal.txt": ("THE STUDENT'S MANUAL OF VENEREAL DISEASES", []),
}


@pytest.fixture(scope="module")
def dev_editions():
    """(document, report, xml) of each development text, encoded without metadata."""
    from tei_kirov.encoder import encode_with_report

    from ..conftest import SHARED

    if not SHARED.is_dir():
        pytest.skip(f"the shared material is not at {SHARED}")
    out = {}
    for name in DEV:
        text = (SHARED / "texts" / name).read_text(encoding="utf-8")
        doc, report = encode_with_report(text)
        out[name] = doc, report, tei_kirov.to_string(doc)
    return out


@pytest.mark.parametrize("name", list(DEV))
def test_dev_text_title_and_printed_author(dev_editions, name):
    doc, report, _ = dev_editions[name]
    stmt = next(doc.header.iter(TitleStmt))
    title, authors = DEV[name]
    titles = [t.text() for t in stmt.iter(Title) if t.type == "main"]
    assert titles == ([title] if title else [])
    assert [a.text() for a in stmt.iter(Author)] == authors
    if title:  # the report says where the title page (or half-title) states it
        assert report.header[0].startswith(f"title: {title} (")
        assert report.header[0].split("(")[1].startswith(("title page, line",
                                                           "half-title, line"))
    missing = {w.split(" in the header")[0] for w in report.warnings}
    assert ("no title" in missing) is (title is None)
    assert ("no author" in missing) is (not authors)


def test_dev_text_imprints():
    from tei_kirov.encoder.credits import separate_credits
    from tei_kirov.encoder.titlepage import read_title_page

    from ..conftest import SHARED

    if not SHARED.is_dir():
        pytest.skip(f"the shared material is not at {SHARED}")
    paine = read_title_page((SHARED / "texts" / "paine-common-sense.txt").read_text())
    assert (paine.publisher, paine.place, paine.date) == (
        "W. & T. Bradford", "PHILADELPHIA", "February 14, 1776")
    text, _ = separate_credits((SHARED / "texts" / "douglass-narrative.txt").read_text())
    douglass = read_title_page(text)
    assert (douglass.publisher, douglass.place, douglass.date) == (
        "THE ANTI-SLAVERY OFFICE", "BOSTON", "1845")


def test_dev_text_credits_go_to_the_header_not_the_body(dev_editions):
    doc, _, _ = dev_editions["douglass-narrative.txt"]
    notes = [n.text() for n in next(doc.header.iter(NotesStmt)).iter(Note)]
    assert notes[0] == "Produced by An Anonymous Volunteer and David Widger"
    assert notes[1].startswith("Note from the original file: This electronic book")
    body = doc.text.text()
    assert "Produced by" not in body and "electronic book" not in body
    doc, _, _ = dev_editions["ocr-hill-cooper-venereal.txt"]
    assert next(doc.header.iter(NotesStmt)).text() == (
        "This book made available by the Internet Archive.")
    assert "Internet Archive" not in doc.text.text()


@pytest.mark.parametrize("name", list(DEV))
def test_dev_text_has_no_pamphlet_data_and_is_valid(dev_editions, tei_all_relaxng, name):
    from tei_kirov.encoder import default_meta

    doc, _, xml = dev_editions[name]
    pamphlet = default_meta()
    phrases = [pamphlet.title, pamphlet.editor[0].name, pamphlet.edition, pamphlet.project,
               pamphlet.change, pamphlet.encoder, pamphlet.source, *pamphlet.languages.values(),
               "Trotsky", "Kirov", "Eds.", "Reprint", "Pioneer", "Unknown", "Untitled"]
    for phrase in phrases:
        assert phrase not in xml
    assert doc.standoff is None  # no authority given: no names linked to any records
    assert tei_kirov.validate(doc).ok
    assert tei_all_relaxng.validate(etree.fromstring(xml.encode())), str(
        tei_all_relaxng.error_log)

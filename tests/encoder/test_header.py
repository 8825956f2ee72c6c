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

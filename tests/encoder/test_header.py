from lxml import etree

import tei_kirov
from tei_kirov.encoder.header import EDITION_DATE, Counts, Facts, build_header
from tei_kirov.models import (
    Author,
    Date,
    Editor,
    EditorialDecl,
    Licence,
    Monogr,
    RespStmt,
    TeiHeader,
    TitleStmt,
)

from ..conftest import REPO


def _header() -> TeiHeader:
    facts = Facts(title="A Title", author="Ann Author", author_ref="#ann",
                  translator="Tom Translator", translator_ref="#tom",
                  publisher="Some Press", publisher_ref="#press", address="1 Street",
                  place="Town", first_printing=Date("June, 1921", when="1921-06"),
                  introduction=Date("May 1, 1956", when="1956-05-01"),
                  articles=[("First", Date("December 28, 1934", when="1934-12-28"))],
                  languages=["en", "fr"])
    counts = Counts(18, 8, 0, 3, 4, corrected=["a → b"], variants=["X and Y"])
    return build_header(facts, counts)


def test_responsibilities_carry_the_ids_notes_point_at():
    header = _header()
    stmt = next(header.iter(TitleStmt))
    ids = {n.xml_id for n in stmt.nodes() if isinstance(n, (Author, Editor, RespStmt))}
    assert ids == {"LT", "eds", "tr", "enc"}
    assert next(header.iter(Licence)).target.startswith("https://creativecommons.org/")


def test_source_description_and_declarations():
    header = _header()
    monogr = next(header.iter(Monogr))
    assert {d.when for d in monogr.iter(Date)} == {"1956-05-01", "1921-06", "1956"}
    decl = next(header.iter(EditorialDecl)).text()
    for words in ("a → b", "X and Y", "pb break=\"no\"", "(18)", "(8)", "place=\"foot\"",
                  "emph", "foreign"):
        assert words in decl
    assert header.revision_desc.changes[0].when == EDITION_DATE


def test_header_is_valid_in_a_document():
    from tei_kirov.models import Body, Document, P, Tei, Text

    doc = Document(Tei(_header(), Text(Body(P("x"))), xml_lang="en"))
    schema = etree.XMLSchema(etree.parse(str(REPO / "schemas" / "tei_kirov.xsd")))
    assert schema.validate(etree.fromstring(tei_kirov.to_bytes(doc))), str(schema.error_log)

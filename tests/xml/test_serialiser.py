"""The fast writer (models -> text) gives exactly the bytes of the lxml path, or steps aside."""

import pytest
from lxml import etree

import tei_kirov
from tei_kirov.models import PI, Comment, Date, Div, Document, Element, Head, Hi, P
from tei_kirov.xml import writer
from tei_kirov.xml.serialiser import root_bytes
from tests.xml.samples import SAMPLE


def _reference(doc: Document) -> bytes:
    return etree.tostring(writer._build(doc.root, None, 0, pretty=True), encoding="UTF-8")


def _same_as_lxml(doc: Document) -> bytes:
    fast = root_bytes(doc.root)
    assert fast is not None
    assert fast == _reference(doc)
    return fast


def test_a_read_document_is_written_as_lxml_writes_it():
    _same_as_lxml(tei_kirov.parse(SAMPLE))


def test_escaping_empty_text_comments_and_pis_match_lxml():
    doc = Document.new(
        "T & <t> \"q\" 'a'",
        Div(Head(""), P("a & b < c > d\r\n\t]]>", Hi("x", rend='r"&<>\n\t\r'), "",
                        Comment(" c "), PI("pi", ""), PI("pi", "x y")),
            P(), P(""), n="1\t2"),
    )
    _same_as_lxml(doc)


def test_typed_and_other_attributes_keep_the_lxml_order():
    doc = Document.new("T", P("x", n="2", rend="b", extra_attrs={"foo": "1", "n": "3"}),
                       P("y", xml_id="p1", extra_attrs={"bar": "<&>"}))
    _same_as_lxml(doc)
    read = tei_kirov.parse(tei_kirov.to_bytes(doc))
    read.body.paragraphs[0].xml_lang = "en"  # an attribute the file did not have
    _same_as_lxml(read)


def test_built_documents_are_pretty_printed_like_the_lxml_path():
    doc = Document.new("T", Div(Head("One"), P("a ", Date("b", when="1934-12-01"), " c")))
    out = _same_as_lxml(doc)
    assert b"\n      <div>\n        <head>" in out


def test_unsure_cases_fall_back_to_lxml():
    # No namespace under a default one, and a forbidden character: lxml decides.
    for odd in (Element("x", tag="plain"), Element("y", tag="{http://example.org/ex}thing")):
        doc = Document.new("T", P(odd))
        assert root_bytes(doc.root) is None
        assert tei_kirov.to_bytes(doc) == writer._serialise(
            doc, writer._build(doc.root, None, 0, pretty=True))
    bad = Document.new("T", P("bell \x07"))
    assert root_bytes(bad.root) is None
    with pytest.raises(ValueError):
        tei_kirov.to_bytes(bad)


def test_a_large_document_is_written_in_chunks_that_join_to_the_same_bytes(monkeypatch):
    from pathlib import Path

    from tei_kirov.xml import serialiser

    data = (Path(__file__).parents[2] / "examples" / "kirov.xml").read_bytes()
    doc = tei_kirov.parse(data)
    monkeypatch.setattr(serialiser, "CHUNK_PIECES", 100)
    chunks = serialiser.root_chunks(doc.root)
    assert chunks is not None and len(chunks) > 10
    assert b"".join(chunks) == _reference(doc)
    assert b"".join(writer.to_chunks(doc)) == tei_kirov.to_bytes(doc) == data


def test_a_forbidden_character_late_in_a_chunked_document_still_falls_back(monkeypatch):
    from tei_kirov.xml import serialiser

    monkeypatch.setattr(serialiser, "CHUNK_PIECES", 2)
    doc = Document.new("T", *[P(f"p{i}") for i in range(50)], P("bell \x07"))
    assert serialiser.root_chunks(doc.root) is None
    with pytest.raises(ValueError):
        tei_kirov.to_bytes(doc)  # the lxml path refuses it, as before

"""The fast writer (models -> text) gives exactly the bytes of the lxml path; it steps aside
only for the cases it declares unsupported, and any other failure raises."""

import pytest
from lxml import etree

import tei_kirov
from tei_kirov.errors import TeiWriteError
from tei_kirov.models import PI, Comment, Date, Div, Document, Element, Head, Hi, P
from tei_kirov.xml import writer
from tei_kirov.xml.serialiser import Unsupported, root_bytes, write_root
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


def test_declared_cases_take_the_lxml_path_and_say_why():
    # No namespace under a default one; a namespace with no prefix in scope.
    for odd in (Element("x", tag="plain"), Element("y", tag="{http://example.org/ex}thing")):
        doc = Document.new("T", P(odd))
        assert root_bytes(doc.root) is None
        with pytest.raises(Unsupported):
            write_root(doc.root)
        assert tei_kirov.to_bytes(doc) == writer._serialise(
            doc, writer._build(doc.root, None, 0, pretty=True))


def test_a_forbidden_character_is_an_error_not_a_switch_of_path():
    bad = Document.new("T", P("bell \x07"))
    with pytest.raises(ValueError):
        root_bytes(bad.root)
    with pytest.raises(TeiWriteError, match="U\\+0007"):
        tei_kirov.to_bytes(bad)


def test_a_bug_in_the_fast_path_raises_instead_of_falling_back(monkeypatch):
    from tei_kirov.xml import serialiser

    def broken(value: str) -> str:
        raise KeyError("a bug")

    monkeypatch.setattr(serialiser, "_text", broken)
    doc = Document.new("T", P("a & b"))  # sound: nothing for values.unwritable to find
    with pytest.raises(KeyError, match="a bug"):
        tei_kirov.to_bytes(doc)

    def wrong(value: str) -> str:
        raise TypeError("another bug")

    monkeypatch.setattr(serialiser, "_attr", wrong)
    with pytest.raises(TypeError, match="another bug"):  # values.unwritable finds nothing
        tei_kirov.to_bytes(Document.new("T", P("x", rend="a&b")))


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


def test_a_forbidden_character_late_in_a_chunked_document_is_still_found(monkeypatch):
    from tei_kirov.xml import serialiser

    monkeypatch.setattr(serialiser, "CHUNK_PIECES", 2)
    doc = Document.new("T", *[P(f"p{i}") for i in range(50)], P("bell \x07"))
    with pytest.raises(TeiWriteError, match=r"/TEI/text\[1\]/body\[1\]/p\[51\]"):
        tei_kirov.to_bytes(doc)

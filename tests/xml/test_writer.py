import os

import pytest
from lxml import etree

import tei_kirov
from tei_kirov.errors import TeiWriteError
from tei_kirov.models import Choice, Corr, Date, Div, Document, Head, Item, P, Sic
from tei_kirov.xml import writer
from tests.xml.samples import SAMPLE


def test_read_write_is_byte_identical_for_a_plain_file():
    assert tei_kirov.to_string(tei_kirov.parse(SAMPLE)) == SAMPLE


def test_an_untouched_part_stays_as_it_was_after_an_edit():
    doc = tei_kirov.parse(SAMPLE)
    doc.body.paragraphs[0].xml_id = "para1"
    out = tei_kirov.to_string(doc)
    changed = [(a, b) for a, b in zip(SAMPLE.splitlines(), out.splitlines(), strict=True) if a != b]
    assert len(changed) == 1 and 'xml:id="para1"' in changed[0][1]


def test_new_child_in_a_read_container_takes_its_siblings_indentation():
    doc = tei_kirov.parse(SAMPLE)
    doc.body.content.append(P("added"))
    assert "</p>\n      <p>added</p>\n    </body>" in tei_kirov.to_string(doc)


def test_built_documents_are_pretty_only_outside_mixed_content():
    doc = Document.new("T", Div(Head(Choice(Sic("8."), Corr("9.")), " Title"), P("a ", Date("b"))))
    out = tei_kirov.to_string(doc)
    assert "<head><choice><sic>8.</sic><corr>9.</corr></choice> Title</head>" in out
    assert "\n      <div>\n        <head>" in out
    assert tei_kirov.parse(out) == doc


def test_output_is_deterministic_and_utf8():
    doc = Document.new("Ünïcödé — “quotes”", P("x"))
    assert tei_kirov.to_bytes(doc) == tei_kirov.to_bytes(doc.model_copy(deep=True))
    text = tei_kirov.to_bytes(doc).decode("utf-8")
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>')


def test_to_string_never_refuses_but_write_does(tmp_path):
    doc = Document.new("T", P(Date("x", when="1934-13-45")))
    assert 'when="1934-13-45"' in tei_kirov.to_string(doc)
    target = tmp_path / "out.xml"
    with pytest.raises(TeiWriteError) as info:
        tei_kirov.write(doc, target)
    assert "1934-13-45" in str(info.value) and "line" in str(info.value)
    assert not target.exists() and os.listdir(tmp_path) == []
    tei_kirov.write(doc, target, validate=False)
    assert target.exists()


def test_write_is_atomic_and_keeps_the_old_file_on_failure(tmp_path):
    target = tmp_path / "out.xml"
    target.write_text("old")
    bad = Document.new("T", P(Date("x", when="nope")))
    with pytest.raises(TeiWriteError):
        tei_kirov.write(bad, target)
    assert target.read_text() == "old"
    tei_kirov.write(Document.new("T", P("new")), target)
    assert b"new" in target.read_bytes() and len(os.listdir(tmp_path)) == 1


def test_write_refuses_to_replace_its_source_unless_told(tmp_path):
    path = tmp_path / "a.xml"
    tei_kirov.write(Document.new("T", P("x")), path)
    doc = tei_kirov.read(path)
    with pytest.raises(TeiWriteError) as info:
        tei_kirov.write(doc, path)
    assert "overwrite=True" in str(info.value)
    tei_kirov.write(doc, path, overwrite=True)


def test_written_file_validates_against_the_profile(tmp_path):
    from tei_kirov.profile import profile_schema

    path = tei_kirov.write(Document.new("T", P("x")), tmp_path / "a.xml")
    assert profile_schema().validate(etree.parse(str(path)))


def test_no_indentation_inside_xml_space_preserve():
    from tei_kirov.models import List

    doc = Document.new("T", Div(List(Item("a"), Item("b"), xml_space="preserve")))
    out = tei_kirov.to_string(doc)
    expected = '<list xml:space="preserve"><item>a</item><item>b</item></list>'
    assert expected in out
    from tei_kirov.xml.writer import to_tree  # the lxml path agrees

    assert expected in etree.tostring(to_tree(doc), encoding="unicode")
    assert tei_kirov.parse(out) == doc


def test_the_profile_check_streams_and_still_lists_every_problem(tmp_path, monkeypatch):
    from tei_kirov.xml import serialiser

    monkeypatch.setattr(serialiser, "CHUNK_PIECES", 3)  # many chunks: problems span them
    paragraphs = [P(f"p{i}") for i in range(40)]
    good = Document.new("T", *paragraphs)
    assert len(writer.to_chunks(good)) > 5
    path = tei_kirov.write(good, tmp_path / "good.xml")
    assert path.read_bytes() == tei_kirov.to_bytes(good)
    bad = Document.new("T", P(Date("x", when="nope")), *paragraphs, P(Date("y", when="nah")))
    with pytest.raises(TeiWriteError) as info:
        tei_kirov.write(bad, tmp_path / "bad.xml")
    message = str(info.value)
    assert "nope" in message and "nah" in message
    assert not (tmp_path / "bad.xml").exists()


def test_the_end_of_a_file_comes_back_as_it_was():
    body = '<TEI xmlns="http://www.tei-c.org/ns/1.0"><p>x</p></TEI>'
    for end in ("", "\n", "\n\n", "  \n"):
        data = (body + end).encode()
        assert tei_kirov.to_bytes(tei_kirov.parse(data)) == data
    data = (body + "\n<!-- after -->").encode()
    assert tei_kirov.to_bytes(tei_kirov.parse(data)) == data
    assert tei_kirov.to_bytes(Document.new("T")).endswith(b"</TEI>\n")  # built: one newline

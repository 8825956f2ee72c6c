import copy
import os
import re

import pytest
from lxml import etree

import tei_kirov
from tei_kirov.errors import TeiWriteError
from tei_kirov.models import Choice, Corr, Date, Div, Document, Head, Item, P, Sic
from tei_kirov.xml import writer
from tests.conftest import EXAMPLES
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
        tei_kirov.write(bad, target, overwrite=True)
    assert target.read_text() == "old"
    tei_kirov.write(Document.new("T", P("new")), target, overwrite=True)
    assert b"new" in target.read_bytes() and len(os.listdir(tmp_path)) == 1


def test_write_refuses_to_replace_its_source_unless_told(tmp_path):
    path = tmp_path / "a.xml"
    tei_kirov.write(Document.new("T", P("x")), path)
    doc = tei_kirov.read(path)
    with pytest.raises(TeiWriteError) as info:
        tei_kirov.write(doc, path)
    assert "overwrite=True" in str(info.value)
    tei_kirov.write(doc, path, overwrite=True)


def test_write_never_replaces_an_existing_file_without_overwrite(tmp_path):
    target = tmp_path / "other.xml"
    target.write_text("someone else's file")
    os.chmod(target, 0o640)
    doc = Document.new("T", P("x"))
    with pytest.raises(TeiWriteError, match="exists; pass overwrite=True"):
        tei_kirov.write(doc, target)
    assert target.read_text() == "someone else's file"
    tei_kirov.write(doc, target, overwrite=True)
    assert target.read_bytes() == tei_kirov.to_bytes(doc)
    assert target.stat().st_mode & 0o777 == 0o640  # a replaced file keeps its permissions
    assert os.listdir(tmp_path) == ["other.xml"]


def test_write_refuses_a_file_that_appears_while_it_writes(tmp_path, monkeypatch):
    target = tmp_path / "late.xml"
    real = writer.to_chunks

    def racing(doc):
        chunks = real(doc)
        target.write_text("arrived meanwhile")  # after the early check, before the link
        return chunks

    monkeypatch.setattr(writer, "to_chunks", racing)
    with pytest.raises(TeiWriteError, match="exists"):
        tei_kirov.write(Document.new("T", P("x")), target)
    assert target.read_text() == "arrived meanwhile"
    assert os.listdir(tmp_path) == ["late.xml"]


def test_write_refuses_duplicate_ids_as_the_whole_tree_check_does(tmp_path):
    doc = Document.new("T", P("a", xml_id="p1"), P("b", xml_id="p1"))
    with pytest.raises(TeiWriteError) as info:
        tei_kirov.write(doc, tmp_path / "dup.xml")
    assert "p1" in str(info.value) and "TK105" in str(info.value)
    assert os.listdir(tmp_path) == []
    assert not writer.streams_valid(writer.to_chunks(doc))


def test_profile_problems_are_the_validators_compiler_style_lines():
    doc = Document.new("T", P(Date("x", when="1934-13-45")))
    lines = writer.profile_problems(writer.to_chunks(doc), "out.xml")
    assert len(lines) == 1
    assert re.match(r"out\.xml:\d+:\d+: error TK105: .*1934-13-45", lines[0]), lines
    assert "/*" not in lines[0]


def test_the_profile_judges_the_document_as_written_not_with_its_includes_resolved(tmp_path):
    from tei_kirov.models import Element

    xi = "{http://www.w3.org/2001/XInclude}"
    include = Element(Element(P("fallback"), tag=xi + "fallback"), tag=xi + "include",
                      attrs={"href": "missing.xml"})
    doc = Document.new("T", Div(P("x"), include))
    with pytest.raises(TeiWriteError) as info:
        tei_kirov.write(doc, tmp_path / "x.xml")
    assert len(info.value.problems) == 1 and "TK101" in info.value.problems[0]
    assert "include" in info.value.problems[0]


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


# -- the streamed profile check against the whole-tree one, on mutated documents ----------

_GARBAGE = ("", " ", "1934-13-45", "x y", "#", "12abc", "-1", "p1", "yes", "2024-02-30")
_NAMES = ("p", "div", "head", "hi", "date", "note", "list", "item", "foo", "persName", "lb")
_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def _mutate(root: etree._Element, rng) -> None:
    """One random change: the kinds of damage a user's edit or a bug can do."""
    elements = list(root.iter(etree.Element))
    el = rng.choice(elements[1:])
    kind = rng.randrange(8)
    if kind == 0:  # an id used twice
        with_id = [e for e in elements if e.get(_XML_ID)]
        el.set(_XML_ID, rng.choice(with_id).get(_XML_ID) if with_id else "dup")
    elif kind == 1 and el.attrib:  # a value spoiled
        el.set(rng.choice(list(el.attrib)), rng.choice(_GARBAGE))
    elif kind == 2:  # an attribute added
        el.set(rng.choice(("when", "type", "n", "foo", _XML_ID, "rend")), rng.choice(_GARBAGE))
    elif kind == 3 and el.getparent() is not None:  # an element removed
        el.getparent().remove(el)
    elif kind == 4:  # an element copied next to itself (its ids too)
        el.addnext(copy.deepcopy(el))
    elif kind == 5:  # an element moved elsewhere
        target = rng.choice(elements)
        if el not in target.iterancestors() and el is not target:
            target.insert(rng.randrange(len(target) + 1), el)
    elif kind == 6:  # an element renamed
        el.tag = "{http://www.tei-c.org/ns/1.0}" + rng.choice(_NAMES)
    else:  # text where there was none
        el.text = (el.text or "") + rng.choice(("x", " ", "1934"))


def test_the_streamed_check_agrees_with_the_whole_tree_check_on_mutants():
    import random

    from tei_kirov.profile import profile_schema
    from tei_kirov.xml.safety import make_parser

    base = etree.fromstring((EXAMPLES / "kirov.xml").read_bytes(), make_parser())
    body = base[1][1]
    del body[1:]  # the header, the front matter and the first sections: enough, and quick
    del body[0][4:-1]
    schema = profile_schema()
    rng = random.Random(20261130)
    verdicts = {True: 0, False: 0}
    duplicates = 0
    disagree = []
    for round_ in range(200):
        root = copy.deepcopy(base)
        for _ in range(rng.randrange(1, 4)):
            _mutate(root, rng)
        doc = tei_kirov.parse(etree.tostring(root))
        chunks = writer.to_chunks(doc)
        # in pieces that cut through tags, as the serialiser's chunks may
        data = b"".join(chunks)
        cuts = sorted(rng.sample(range(1, len(data)), 5))
        pieces = [data[i:j] for i, j in zip([0, *cuts], [*cuts, len(data)], strict=True)]
        tree = etree.fromstring(data, make_parser())
        whole = schema.validate(tree)
        ids = [e.get(_XML_ID) for e in tree.iter() if e.get(_XML_ID) is not None]
        duplicates += len(ids) != len(set(ids))
        if writer.streams_valid(pieces) != whole:
            disagree.append(f"round {round_}: whole-tree says {whole}")
        if round_ % 25 == 0:  # write()'s report: empty exactly when the tree is valid
            assert (writer.profile_problems(chunks, "m.xml") == []) == whole, round_
        verdicts[whole] += 1
    assert not disagree, "\n".join(disagree)
    assert verdicts[True] > 20 and verdicts[False] > 100 and duplicates > 20, (verdicts,
                                                                              duplicates)

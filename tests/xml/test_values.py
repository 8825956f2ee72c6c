"""A value XML cannot hold is a TeiWriteError naming the element and attribute, on both
writing paths (the fast serialiser and the lxml tree)."""

import pytest

import tei_kirov
from tei_kirov.errors import TeiWriteError
from tei_kirov.models import Comment, Date, Document, Element, P
from tei_kirov.xml import serialiser, writer

#: An element in no namespace under the default one: a case the fast path declares
#: unsupported, so a document holding it (first) is written by the lxml path.
_LXML_ONLY = Element("x", tag="plain")


def _both_paths(*content):
    fast = Document.new("T", P(*content))
    slow = Document.new("T", P(_LXML_ONLY, *content))
    assert serialiser.root_chunks(Document.new("T", P(_LXML_ONLY)).root) is None
    return {"fast": fast, "lxml": slow}


@pytest.mark.parametrize("path", ["fast", "lxml"])
def test_a_number_assigned_to_an_attribute(path):
    date = Date("December 1934")
    date.when = 1934  # accepted by assignment: models do not validate on assignment
    doc = _both_paths(date)[path]
    with pytest.raises(TeiWriteError) as info:
        tei_kirov.to_bytes(doc)
    message = str(info.value)
    assert "/TEI/text[1]/body[1]/p[1]/date[1]" in message
    assert "attribute when holds 1934 (of type int), not text" in message
    assert "when = '1934'" in message
    with pytest.raises(TeiWriteError, match="attribute when"):
        writer.to_tree(doc)


@pytest.mark.parametrize("path", ["fast", "lxml"])
def test_a_forbidden_character_in_text_or_attribute(path):
    with pytest.raises(TeiWriteError, match=r"p\[1\]: its text holds U\+0007.*offset 4"):
        tei_kirov.to_bytes(_both_paths("bell\x07")[path])
    date = Date("x", extra_attrs={"note": "a\ufffeb"})
    with pytest.raises(TeiWriteError, match=r"date\[1\]: attribute note holds U\+FFFE"):
        tei_kirov.to_bytes(_both_paths(date)[path])
    with pytest.raises(TeiWriteError, match="U\\+D800"):
        tei_kirov.to_bytes(_both_paths("lone \ud800")[path])


@pytest.mark.parametrize("path", ["fast", "lxml"])
def test_content_that_is_not_text_or_a_node(path):
    doc = _both_paths("a")[path]
    doc.body.paragraphs[0].content.append(42)
    with pytest.raises(TeiWriteError, match=r"p\[1\]: its content holds 42 \(of type int\)"):
        tei_kirov.to_bytes(doc)


@pytest.mark.parametrize("path", ["fast", "lxml"])
def test_a_comment_xml_cannot_hold_and_a_number_among_extra_attributes(path):
    with pytest.raises(TeiWriteError, match="comment cannot be written: .*'--'"):
        tei_kirov.to_bytes(_both_paths(Comment("a -- b"))[path])
    date = Date("x")
    date.extra_attrs["cert"] = 3  # (an assignment into the dict: not validated either)
    with pytest.raises(TeiWriteError, match=r"attribute cert holds 3.*extra_attrs\['cert'\]"):
        tei_kirov.to_bytes(_both_paths(date)[path])


def test_a_sound_document_has_nothing_unwritable():
    from tei_kirov.xml.values import unwritable

    doc = tei_kirov.parse(writer.DECLARATION + '<TEI xmlns="http://www.tei-c.org/ns/1.0">'
                           '<text><body><p>a<!-- c --><?pi x?></p></body></text></TEI>')
    assert unwritable(doc) is None

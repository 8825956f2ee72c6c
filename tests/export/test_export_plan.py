"""The shared scan behind every export: dates, sections, notes, entities."""

from __future__ import annotations

import pytest

from tei_kirov import parse
from tei_kirov.export._plan import build_plan, date_value, html_datetime


@pytest.mark.parametrize("value, expected", [
    ("1934-12-17", "1934-12-17"), ("1934-12", "1934-12"), ("1934", "1934"),
    ("--12-17", "12-17"), ("1934-12-28T10:00:00", "1934-12-28T10:00:00"),
    ("--12", None), ("1926-27", None), ("17 Dec 1934", None), ("", None), (None, None),
])
def test_html_datetime(value, expected):
    assert html_datetime(value) == expected


def _doc(body: str, back: str = ""):
    return parse(f"""<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc>
      <titleStmt><title>T</title><author xml:id="a">Ann Author</author></titleStmt>
      <publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p></sourceDesc>
      </fileDesc></teiHeader><text><body>{body}</body></text>{back}</TEI>""")


def test_date_values_and_labels():
    doc = _doc('<p><date when="1934">a</date><date from="1926" to="1927">b</date>'
               '<date notBefore="1923">c</date><date notBefore="1923" notAfter="1925">d</date>'
               "<date>e</date></p>")
    got = [date_value(d.node) for d in build_plan(doc).dates]
    assert got == [("1934", "1934"), ("1926/1927", "from 1926 to 1927"),
                   ("1923/..", "not before 1923"), ("1923/1925", "between 1923 and 1925"),
                   ("", "")]


def test_sections_and_where():
    doc = _doc('<div n="1"><head>One</head><p>x <pb n="7"/><persName>Ann</persName></p>'
               '<div n="2"><head>Two</head><p><placeName>Rome</placeName></p></div></div>'
               '<div type="appendix"><head>Appendix</head><p><orgName>Org</orgName></p></div>')
    plan = build_plan(doc)
    assert [(s.label, s.short) for s in plan.sections] == [("One", "1"), ("Appendix", "Appen.")]
    assert [(s.label, s.short) for s in plan.sections[0].children] == [("Two", "1.2")]
    wheres = [m.where for m in plan.mentions]
    assert [(w.page, w.section_short) for w in wheres] == [("7", "1"), ("7", "1.2"),
                                                            ("7", "Appen.")]
    assert wheres[0].describe() == "p. 7, One"


def test_unrecorded_names_group_by_ref_then_spelling():
    doc = _doc('<p><persName ref="http://example.org/p1">A</persName>'
               '<persName ref="http://example.org/p1">B</persName>'
               "<persName>Carl</persName><persName>carl</persName>"
               '<rs type="place">the city</rs><rs type="movement">x</rs></p>')
    plan = build_plan(doc)
    keys = sorted({m.key for m in plan.mentions})
    assert keys == ["person:carl", "person:http://example.org/p1", "place:the city"]
    assert plan.entities["person:http://example.org/p1"].all_variants() == ["B"]


def test_notes_in_reference_order_with_their_authors():
    doc = _doc('<p>a<note n="*">first<note>inner</note></note> b<anchor xml:id="x"/></p>'
               '<note target="#x" resp="#a">anchored</note>')
    plan = build_plan(doc)
    assert [(n.number, n.marker, n.label, n.who) for n in plan.notes] == [
        (1, "*", "Author's note", "Ann Author"), (2, "2", "Author's note", "Ann Author"),
        (3, "3", "Author's note", "Ann Author")]
    assert plan.notes[2].node.text() == "anchored"


def test_a_blank_ref_is_no_pointer():
    from tei_kirov import parse
    from tei_kirov.export._plan import build_plan

    doc = parse('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>'
                "<title>T</title></titleStmt><publicationStmt><p>x</p></publicationStmt>"
                "<sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader><text><body><p>"
                '<persName ref="  ">Anna</persName></p></body></text></TEI>')
    assert [e.key for e in build_plan(doc).entities_of("person")] == ["person:anna"]

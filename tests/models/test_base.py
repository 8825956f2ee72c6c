import pytest

from tei_kirov.models import (
    REGISTRY,
    Comment,
    Date,
    Div,
    Element,
    Head,
    Hi,
    Note,
    P,
    PersName,
    Tei,
    TeiElement,
)
from tei_kirov.models.base import attribute_name


def test_attribute_names_map_python_fields_to_tei():
    assert attribute_name("xml_id") == "{http://www.w3.org/XML/1998/namespace}id"
    assert attribute_name("not_before") == "notBefore"
    assert attribute_name("target_end") == "targetEnd"
    assert attribute_name("from_") == "from"
    assert attribute_name("break_") == "break"


def test_registry_maps_every_tag_to_its_class_once():
    assert REGISTRY["div"] is Div and REGISTRY["persName"] is PersName
    assert REGISTRY["TEI"] is Tei
    assert all(issubclass(cls, TeiElement) for cls in REGISTRY.values())
    assert all(cls.tei_name == tag for tag, cls in REGISTRY.items())


def test_positional_content_and_keyword_attributes():
    p = P("On ", Date("December 17", when="1934-12-17"), ".", xml_id="p1")
    assert p.content[0] == "On " and isinstance(p.content[1], Date)
    assert p.xml_id == "p1"
    assert p.get("xml:id") == "p1"
    assert p.content[1].get("when") == "1934-12-17"


def test_content_given_twice_is_an_error():
    with pytest.raises(TypeError):
        P("a", content=["b"])


def test_unknown_attributes_are_kept_in_extra_attrs():
    div = Div(type="section")
    div.set("{http://example.org/x}flag", "1")
    assert div.extra_attrs == {"{http://example.org/x}flag": "1"}
    assert div.attributes()["{http://example.org/x}flag"] == "1"
    div.set("type", None)
    assert div.type is None


def test_typed_views_walk_content():
    div = Div(Head("Title"), P("a ", Hi("b", rend="italic"), Note("n", n="*")), Div(P("c")))
    assert div.head.text() == "Title"
    assert len(div.paragraphs) == 1 and len(div.divs) == 1
    assert [type(n).__name__ for n in div.iter()] == ["Head", "P", "Hi", "Note", "Div", "P"]
    assert list(div.iter(Note))[0].n == "*"
    assert div.paragraphs[0].text() == "a bn"


def test_text_skips_comments():
    assert P("a", Comment(" hidden "), "b").text() == "ab"


def test_equality_ignores_layout_but_not_content():
    from tei_kirov.models import Layout

    a, b = P("x", rend="i"), P("x", rend="i")
    b._layout = Layout(before="\n    ", attr_order=("rend",))
    assert a._layout is None and a == b
    assert a != P("y", rend="i")
    assert a != Hi("x", rend="i")


def test_opaque_element_keeps_tag_and_attributes():
    el = Element(tag="{http://www.tei-c.org/ns/1.0}sp", attrs={"who": "#a"}, content=["x"])
    assert el.local_name == "sp" and el.namespace == "http://www.tei-c.org/ns/1.0"
    assert el.get("who") == "#a"


def test_dates_are_kept_as_written_and_flagged():
    d = Date("the 45th", when="1934-13-45")
    assert d.when == "1934-13-45"
    assert d.problems() and "month must be in 1..12" in d.problems()[0]


def test_text_gives_the_reading_and_diplomatic_gives_the_text_as_written():
    from tei_kirov import parse

    doc = parse("""<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc>
      <titleStmt><title>T</title></titleStmt><publicationStmt><p>x</p></publicationStmt>
      <sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader><text><body><div>
      <head><choice><sic>8.</sic><corr>9.</corr></choice> The <choice><orig>colour</orig>
      <reg>color</reg></choice> of <choice><abbr>Dr.</abbr><expan>Doctor</expan></choice>
      <choice><am>ſ</am><ex>s</ex></choice></head><p>x</p></div></body></text></TEI>""")
    head = doc.body.divs[0].head
    assert " ".join(head.text().split()) == "9. The color of Doctor s"
    assert " ".join(head.text(diplomatic=True).split()) == "8. The colour of Dr. ſ"

from tei_kirov.models import (
    Date,
    Div,
    Document,
    ListPerson,
    Note,
    P,
    PersName,
    Person,
    StandOff,
    Tei,
)


def _doc() -> Document:
    doc = Document.new(
        "A test",
        Div(P("Kirov ", PersName("Kiroff", ref="#kirov"), Note("a note", n="*"),
              Date("1934", when="1934")), type="section", n="1"),
    )
    assert isinstance(doc.root, Tei)
    doc.root.content.append(
        StandOff(ListPerson(Person(PersName("Sergei Kirov", type="main"),
                                   PersName("Kiroff", type="variant"), xml_id="kirov")))
    )
    return doc


def test_views_reach_every_part():
    doc = _doc()
    assert doc.header.file_desc.title_stmt.titles[0].text() == "A test"
    assert doc.body.divs[0].n == "1"
    assert [n.n for n in doc.notes] == ["*"]
    assert [d.when for d in doc.dates] == ["1934"]
    assert doc.persons[0].main_name == "Sergei Kirov"
    assert doc.persons[0].variants == ["Kiroff"]
    assert doc.by_id("#kirov") is doc.persons[0]
    assert doc.front is None and doc.back is None


def test_json_round_trip_gives_an_equal_model():
    doc = _doc()
    again = Document.model_validate_json(doc.model_dump_json())
    assert again == doc
    assert isinstance(again.body.divs[0], Div)


def test_built_document_carries_an_xml_model_instruction():
    doc = Document.new("x")
    assert doc.prolog[0].target == "xml-model"
    assert "tei_kirov.xsd" in doc.prolog[0].text


def test_notes_are_the_notes_of_the_text():
    from tei_kirov import parse

    doc = parse("""<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc>
      <titleStmt><title>T</title></titleStmt><publicationStmt><p>x</p></publicationStmt>
      <sourceDesc><bibl>b<note>in the header</note></bibl></sourceDesc></fileDesc>
      </teiHeader><text><body><p>a<note n="1">one<note n="1.1">nested</note></note></p>
      </body><back><p>b<note n="2">two</note></p><listPerson><person xml:id="x">
      <persName>X</persName><note>about X</note></person></listPerson></back></text>
      <standOff><listPlace><place xml:id="y"><placeName>Y</placeName><note>about Y</note>
      </place></listPlace></standOff></TEI>""")
    assert [n.n for n in doc.notes] == ["1", "1.1", "2"]
    assert [n.text() for n in doc.header.iter(Note)] == ["in the header"]

import tei_kirov
from tei_kirov.models import Comment, Date, Element, P, PersName
from tests.xml.samples import SAMPLE


def test_reads_typed_models_with_mixed_content_verbatim():
    doc = tei_kirov.parse(SAMPLE)
    p = doc.body.paragraphs[0]
    assert isinstance(p, P) and p.xml_id == "p1"
    assert p.extra_attrs == {"{http://example.org/ex}flag": "yes"}
    kinds = [type(c).__name__ for c in p.content]
    assert kinds == ["str", "Date", "str", "PersName", "str", "Element", "Comment", "str"]
    assert p.content[2] == ",\n        "
    assert isinstance(p.content[3], PersName) and p.content[3].ref == "#kirov"
    assert isinstance(p.content[5], Element) and p.content[5].attrs == {"who": "#x"}
    assert isinstance(p.content[6], Comment)


def test_bad_values_are_kept_and_flagged_not_refused():
    doc = tei_kirov.parse(SAMPLE)
    date = doc.dates[0]
    assert isinstance(date, Date) and date.when == "1934-13-45" and date.problems()


def test_prolog_is_kept():
    doc = tei_kirov.parse(SAMPLE)
    assert [type(x).__name__ for x in doc.prolog] == ["PI", "Comment"]


def test_whitespace_of_element_only_containers_is_layout_not_content():
    doc = tei_kirov.parse(SAMPLE)
    assert all(not isinstance(c, str) for c in doc.body.content)


def test_read_remembers_its_source(tmp_path):
    path = tmp_path / "a.xml"
    path.write_text(SAMPLE, encoding="utf-8")
    assert tei_kirov.read(path).source == str(path)


def test_str_input_with_another_encoding_declaration():
    text = SAMPLE.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').replace("Kirov<", "Kírov<")
    doc = tei_kirov.parse(text)
    assert doc.body.paragraphs[0].content[3].text() == "Kírov"

import pytest

import tei_kirov
from tei_kirov.errors import TeiReadError

TEI = 'xmlns="http://www.tei-c.org/ns/1.0"'


def _error(data: bytes | str) -> TeiReadError:
    with pytest.raises(TeiReadError) as info:
        tei_kirov.parse(data, file="in.xml")
    return info.value


def test_external_entity_is_refused_with_position(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    data = (f'<?xml version="1.0"?>\n<!DOCTYPE TEI [\n  <!ENTITY x SYSTEM "file://{secret}">\n]>\n'
            f"<TEI {TEI}><p>&x;</p></TEI>").encode()
    error = _error(data)
    assert error.file == "in.xml" and error.line == 3 and error.column == 3
    assert "entity" in error.reason
    assert "TOP SECRET" not in str(error)


def test_billion_laughs_is_refused_before_expansion():
    lol = "".join(f'<!ENTITY l{i} "&l{i-1};&l{i-1};&l{i-1};&l{i-1};">' for i in range(1, 12))
    data = f'<!DOCTYPE TEI [<!ENTITY l0 "lol">{lol}]><TEI {TEI}>&l11;</TEI>'
    assert "entity" in _error(data).reason


def test_external_dtd_is_never_fetched():
    data = (f'<!DOCTYPE TEI SYSTEM "http://127.0.0.1:9/tei.dtd"><TEI {TEI}><teiHeader/></TEI>')
    doc = tei_kirov.parse(data)  # no network access, no DTD loading: it just parses
    assert doc.root.tei_name == "TEI"


def test_not_well_formed_names_line_column_and_hint():
    error = _error(f"<TEI {TEI}>\n<p>fish & chips</p></TEI>")
    assert (error.line, error.column) == (2, 10)
    assert "&amp;" in error.hint
    error = _error(f"<TEI {TEI}>\n<p>open\n</TEI>")
    assert error.line == 3 and "closed" in error.hint


def test_html_entities_get_a_hint():
    assert "not defined in XML" in _error(f"<TEI {TEI}><p>a&nbsp;b</p></TEI>").hint


def test_wrong_namespace_and_not_tei():
    error = _error('<TEI xmlns="http://www.tei-c.org/ns/2.0">\n</TEI>')
    assert "not the TEI namespace" in error.reason and error.line == 1 and error.column == 1
    assert 'xmlns="http://www.tei-c.org/ns/1.0"' in error.hint
    error = _error("<html><body/></html>")
    assert "not a TEI document" in error.reason


def test_not_xml_and_empty():
    assert "not well-formed" in _error(b"%PDF-1.4 binary").reason
    assert "empty" in _error(b"   ").reason


def test_missing_file_is_a_read_error(tmp_path):
    with pytest.raises(TeiReadError) as info:
        tei_kirov.read(tmp_path / "nope.xml")
    assert "no such file" in str(info.value)


def test_text_that_looks_like_a_doctype_in_the_body_is_content_not_a_doctype():
    data = (f'<?xml version="1.0"?>\n<!-- a comment first -->\n<TEI {TEI}><p><![CDATA['
            '<!DOCTYPE html SYSTEM "about:legacy-compat">]]></p>'
            '<!-- <!DOCTYPE x SYSTEM "y.dtd"> --></TEI>\n').encode()
    doc = tei_kirov.parse(data)
    assert doc.root.content[0].content == ['<!DOCTYPE html SYSTEM "about:legacy-compat">']
    assert doc._doctype is None
    assert b"<!DOCTYPE" not in tei_kirov.to_bytes(doc).split(b"<TEI")[0]


def test_a_doctype_after_comments_and_pis_is_still_found():
    data = (f'<?xml version="1.0"?>\n<?pi x?>\n<!-- c -->\n<!DOCTYPE TEI SYSTEM "tei.dtd">\n'
            f"<TEI {TEI}><p/></TEI>\n")
    doc = tei_kirov.parse(data)
    assert doc._doctype == '<!DOCTYPE TEI SYSTEM "tei.dtd">'
    assert tei_kirov.to_bytes(doc) == data.encode()
    lol = f'<!-- c --><!DOCTYPE TEI [<!ENTITY x "y">]><TEI {TEI}>&x;</TEI>'
    assert "entity" in _error(lol).reason

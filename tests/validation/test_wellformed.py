"""Layer 1 and hostile input: exact positions, hints, refusals, nothing written."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tei_kirov.validation import validate
from tei_kirov.xml import safety


def issue_of(text: str | bytes):  # type: ignore[no-untyped-def]
    report = validate(text if isinstance(text, bytes) else text.encode(), schemas=[],
                      name="t.xml")
    assert not report.ok
    return report.issues[0]


def test_unclosed_tag_has_position_and_hint() -> None:
    issue = issue_of('<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<p>one\n<p>two</p>\n</TEI>')
    assert issue.code == "TK001" and issue.line == 4
    assert issue.column is not None and issue.column > 0
    assert issue.hint and "end tag" in issue.hint


def test_stray_ampersand() -> None:
    issue = issue_of('<TEI xmlns="http://www.tei-c.org/ns/1.0"><p>Marx & Engels</p></TEI>')
    assert issue.code == "TK001" and issue.line == 1
    assert issue.hint and "&amp;" in issue.hint


def test_html_entity() -> None:
    issue = issue_of('<TEI xmlns="http://www.tei-c.org/ns/1.0"><p>a&nbsp;b</p></TEI>')
    assert issue.code == "TK001"
    assert issue.hint and "numeric" in issue.hint


def test_empty_file() -> None:
    assert issue_of(b"   \n").code == "TK001"


def test_external_entity_is_refused() -> None:
    xxe = (b'<?xml version="1.0"?>\n<!DOCTYPE TEI [\n<!ENTITY x SYSTEM "file:///etc/passwd">\n]>'
           b'\n<TEI xmlns="http://www.tei-c.org/ns/1.0"><p>&x;</p></TEI>')
    issue = issue_of(xxe)
    assert issue.code == "TK002" and issue.line == 3
    assert "passwd" not in issue.message


def test_entity_bomb_is_refused() -> None:
    bomb = b'<?xml version="1.0"?>\n<!DOCTYPE l [\n<!ENTITY a "aaaaaaaaaa">\n'
    for i in range(1, 10):
        prev = chr(ord("a") + i - 1)
        bomb += f'<!ENTITY {chr(ord("a") + i)} "{("&" + prev + ";") * 10}">\n'.encode()
    bomb += b"]>\n<l>&j;</l>"
    assert issue_of(bomb).code == "TK002"


def test_dtd_is_never_fetched() -> None:
    doc = (b'<?xml version="1.0"?>\n<!DOCTYPE TEI SYSTEM "http://127.0.0.1:9/tei.dtd">\n'
           b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><p>x</p></TEI>')
    report = validate(doc, schemas=[], rules=False)
    assert report.ok  # the DTD is neither loaded nor fetched


def test_gigantic_file_is_refused_before_reading(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "big.xml"
    big.write_bytes(b"<TEI>" + b" " * 2000 + b"</TEI>")
    monkeypatch.setattr(safety, "MAX_BYTES", 1000)
    report = validate(str(big), schemas=[])
    assert [i.code for i in report.issues] == ["TK003"]


def test_missing_file_is_unreadable(tmp_path: Path) -> None:
    report = validate(str(tmp_path / "nope.xml"), schemas=[])
    assert [i.code for i in report.issues] == ["TK004"] and report.unreadable()


def test_nothing_is_written(tmp_path: Path) -> None:
    doc = tmp_path / "a.xml"
    doc.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><p>x</p></TEI>')
    before = sorted(os.listdir(tmp_path))
    validate(str(doc), schemas=[])
    assert sorted(os.listdir(tmp_path)) == before


def test_wrong_encoding_has_a_hint() -> None:
    issue = issue_of(b'<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<p>caf\xe9</p></TEI>')
    assert issue.code == "TK001" and issue.line == 2
    assert issue.hint and "encoding" in issue.hint


@pytest.mark.parametrize("data", [
    b'\xef\xbb\xbf<TEI xmlns="http://www.tei-c.org/ns/1.0">\n  <body><persNme/></body></TEI>',
    '<?xml version="1.0" encoding="UTF-16"?><TEI xmlns="http://www.tei-c.org/ns/1.0">\n'
    "  <body><persNme/></body></TEI>".encode("utf-16"),
])
def test_columns_count_characters_in_any_encoding(data: bytes) -> None:
    from .conftest import FIXTURES

    report = validate(data, schemas=[str(FIXTURES / "mini.rng")], rules=False)
    assert [(i.line, i.column) for i in report.issues] == [(2, 9)]

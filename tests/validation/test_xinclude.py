"""Layer 4: XInclude resolved safely before validation, errors located in included files."""

from __future__ import annotations

from pathlib import Path

import pytest

from tei_kirov.validation import validate

from .conftest import FIXTURES

RNG = str(FIXTURES / "mini.rng")
HEAD = ('<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:xi="http://www.w3.org/2001/XInclude">'
        "\n  <body>\n")
TAIL = "\n  </body>\n</TEI>\n"


def make(folder: Path, body: str, name: str = "main.xml") -> Path:
    path = folder / name
    path.write_text(HEAD + body + TAIL, encoding="utf-8")
    return path


def test_included_content_is_validated(tmp_path: Path) -> None:
    (tmp_path / "part.xml").write_text('<p xmlns="http://www.tei-c.org/ns/1.0">ok</p>')
    main = make(tmp_path, '    <xi:include href="part.xml"/>')
    assert validate(str(main), schemas=[RNG]).issues == []


def test_error_in_included_file_names_that_file_and_line(tmp_path: Path) -> None:
    sub = tmp_path / "parts"
    sub.mkdir()
    (sub / "part.xml").write_text('<p xmlns="http://www.tei-c.org/ns/1.0">\n\n  <persNme/>\n</p>')
    main = make(tmp_path, '    <p>before</p>\n    <xi:include href="parts/part.xml"/>')
    (issue,) = validate(str(main), schemas=[RNG]).issues
    assert issue.file.endswith("parts/part.xml")
    assert (issue.line, issue.column, issue.code) == (3, 3, "TK101")


def test_rules_see_included_ids(tmp_path: Path) -> None:
    (tmp_path / "people.xml").write_text(
        '<listPerson xmlns="http://www.tei-c.org/ns/1.0">\n  <person xml:id="kirov"/>\n'
        '  <person xml:id="kirov"/>\n</listPerson>')
    main = make(tmp_path, '    <p><persName ref="#kirov">K</persName></p>\n'
                '    <xi:include href="people.xml"/>')
    (issue,) = validate(str(main), schemas=[RNG]).issues
    assert issue.code == "TK201" and issue.file.endswith("people.xml") and issue.line == 3


@pytest.mark.parametrize("href", ["../outside.xml", "/etc/passwd", "http://127.0.0.1:9/x.xml",
                                  "file:///etc/passwd"])
def test_escapes_use_the_fallback(tmp_path: Path, href: str) -> None:
    inner = tmp_path / "inner"
    inner.mkdir()
    (tmp_path / "outside.xml").write_text('<p xmlns="http://www.tei-c.org/ns/1.0">secret</p>')
    main = make(inner, f'    <xi:include href="{href}"><xi:fallback><p>fb</p></xi:fallback>'
                       "</xi:include>")
    assert validate(str(main), schemas=[RNG]).issues == []


@pytest.mark.parametrize("href,code", [("../outside.xml", "TK302"), ("/etc/passwd", "TK302"),
                                       ("http://127.0.0.1:9/x.xml", "TK302"),
                                       ("missing.xml", "TK301")])
def test_unavailable_without_fallback_is_an_error(tmp_path: Path, href: str, code: str) -> None:
    inner = tmp_path / "inner"
    inner.mkdir()
    (tmp_path / "outside.xml").write_text('<p xmlns="http://www.tei-c.org/ns/1.0">secret</p>')
    main = make(inner, f'    <p>x</p><xi:include href="{href}"/>')
    issues = validate(str(main), schemas=[RNG]).issues
    assert [i.code for i in issues] == [code]
    assert issues[0].line == 3 and issues[0].column is not None


def test_include_root_widens_the_tree(tmp_path: Path) -> None:
    inner = tmp_path / "inner"
    inner.mkdir()
    (tmp_path / "outside.xml").write_text('<p xmlns="http://www.tei-c.org/ns/1.0">ok</p>')
    main = make(inner, '    <xi:include href="../outside.xml"/>')
    assert validate(str(main), schemas=[RNG], include_roots=[str(tmp_path)]).issues == []


def test_include_loop(tmp_path: Path) -> None:
    (tmp_path / "a.xml").write_text(
        '<p xmlns="http://www.tei-c.org/ns/1.0" xmlns:xi="http://www.w3.org/2001/XInclude">'
        '<xi:include href="main.xml"/></p>')
    main = make(tmp_path, '    <xi:include href="a.xml"/>')
    codes = [i.code for i in validate(str(main), schemas=[RNG]).issues]
    assert "TK303" in codes


def test_malformed_included_file(tmp_path: Path) -> None:
    (tmp_path / "bad.xml").write_text('<p xmlns="http://www.tei-c.org/ns/1.0">\n<b></p>')
    main = make(tmp_path, '    <p>x</p><xi:include href="bad.xml"/>')
    (issue,) = validate(str(main), schemas=[RNG]).issues
    assert issue.code == "TK001" and issue.file.endswith("bad.xml") and issue.line == 2


def test_text_inclusion_and_xpointer(tmp_path: Path) -> None:
    (tmp_path / "t.txt").write_text("plain words")
    (tmp_path / "ps.xml").write_text(
        '<listPerson xmlns="http://www.tei-c.org/ns/1.0">\n<person xml:id="other"/>\n'
        '<person xml:id="want"/></listPerson>')
    main = make(tmp_path, '    <p><xi:include href="t.txt" parse="text"/></p>\n'
                '    <listPerson><xi:include href="ps.xml" xpointer="want"/></listPerson>')
    report = validate(str(main), schemas=[RNG], rules={"TK206"})
    assert [(i.code, i.line) for i in report.issues] == [("TK206", 3)]
    assert report.issues[0].file.endswith("ps.xml")


def test_reading_a_model_keeps_xinclude(tmp_path: Path) -> None:
    from tei_kirov.xml import reader, writer

    (tmp_path / "part.xml").write_text('<p xmlns="http://www.tei-c.org/ns/1.0">ok</p>')
    main = make(tmp_path, '    <xi:include href="part.xml"/>')
    doc = reader.read(str(main))
    assert b"xi:include" in writer.to_bytes(doc)


def test_xinclude_bomb_is_stopped(tmp_path: Path) -> None:
    ten = "".join('<xi:include href="l{n}.xml"/>' for _ in range(10))
    for level in range(1, 6):
        inner = ten.replace("{n}", str(level + 1)) if level < 5 else "<p>x</p>"
        (tmp_path / f"l{level}.xml").write_text(
            '<listPerson xmlns="http://www.tei-c.org/ns/1.0" '
            f'xmlns:xi="http://www.w3.org/2001/XInclude">{inner}</listPerson>')
    main = make(tmp_path, '    <xi:include href="l1.xml"/>')
    codes = [i.code for i in validate(str(main), schemas=[], rules=False).issues]
    assert codes == ["TK305"]

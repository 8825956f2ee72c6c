"""examples/kirov.xml: clean against the profile, and seeded faults found where they are."""

from __future__ import annotations

import pytest

from tei_kirov.validation import validate

from .conftest import KIROV, position, seed


@pytest.fixture(scope="module")
def kirov() -> str:
    return KIROV.read_text(encoding="utf-8")


def check(text: str):  # type: ignore[no-untyped-def]
    return validate(text, name="kirov.xml")


def test_kirov_is_clean(kirov: str) -> None:
    report = validate(str(KIROV))
    assert report.ok and report.issues == [], [i.format() for i in report.issues]


def test_misspelt_pointer(kirov: str) -> None:
    text = seed(kirov, 'ref="#zinoviev"', 'ref="#zinovev"')
    (issue,) = check(text).issues
    assert issue.code == "TK203"
    assert (issue.line, issue.column) == position(text, 'ref="#zinovev"')
    assert issue.format() == (
        f'kirov.xml:{issue.line}:{issue.column}: error TK203: persName/@ref "#zinovev" '
        'names no xml:id; did you mean "#zinoviev"?')


def test_duplicate_id(kirov: str) -> None:
    text = seed(kirov, '<person xml:id="stalin">', '<person xml:id="kirov">')
    codes = {i.code for i in check(text).issues}
    assert "TK201" in codes
    dup = next(i for i in check(text).issues if i.code == "TK201")
    assert (dup.line, dup.column) == position(text, 'xml:id="kirov"', 2)


def test_bad_date(kirov: str) -> None:
    text = seed(kirov, '<date when="1927">', '<date when="1927-02-30">')
    issue = next(i for i in check(text).issues if i.code == "TK202")
    assert (issue.line, issue.column) == position(text, 'when="1927-02-30"')


def test_note_resp(kirov: str) -> None:
    text = seed(kirov, 'resp="#eds" place="foot"', 'resp="#trotsky-typo" place="foot"')
    issue = next(i for i in check(text).issues if i.code == "TK205")
    assert (issue.line, issue.column) == position(text, 'resp="#trotsky-typo"')


def test_empty_paragraph(kirov: str) -> None:
    text = seed(kirov, "<head>INTRODUCTION</head>", "<head>INTRODUCTION</head><p/>")
    issue = next(i for i in check(text).issues if i.code == "TK207")
    assert (issue.line, issue.column) == position(text, "<p/>")


def test_schema_error_on_kirov(kirov: str) -> None:
    text = seed(kirov, "<head>INTRODUCTION</head>", "<haed>INTRODUCTION</haed>")
    issue = check(text).issues[0]
    assert issue.code == "TK101" and "did you mean head?" in issue.message
    assert (issue.line, issue.column) == position(text, "<haed>")


def test_a_document_model_can_be_validated(kirov: str) -> None:
    import tei_kirov

    doc = tei_kirov.read(str(KIROV))
    report = tei_kirov.validate(doc)
    assert report.ok and report.file == "<document>"

"""Layer 2: XSD, RELAX NG and Schematron, with named elements, real columns, suggestions."""

from __future__ import annotations

from pathlib import Path

import pytest

from tei_kirov.validation import SchemaError, load_schema, validate
from tei_kirov.validation.schemas import RngSchema, profile_path

from .conftest import FIXTURES, position, seed

XSD = str(FIXTURES / "mini.xsd")
RNG = str(FIXTURES / "mini.rng")
SCH = str(FIXTURES / "mini.sch")


@pytest.fixture(scope="module")
def clean() -> str:
    return (FIXTURES / "clean.xml").read_text(encoding="utf-8")


def check(text: str, schema: str):  # type: ignore[no-untyped-def]
    return validate(text, schemas=[schema], rules=False, name="c.xml")


@pytest.mark.parametrize("schema", [XSD, RNG, SCH])
def test_clean_file_is_valid(clean: str, schema: str) -> None:
    assert check(clean, schema).issues == []


@pytest.mark.parametrize("schema", [XSD, RNG])
def test_misspelt_element(clean: str, schema: str) -> None:
    text = seed(clean, '<persName ref="#kirov">Kirov</persName>',
                '<persNme ref="#kirov">Kirov</persNme>')
    (issue,) = check(text, schema).issues
    assert issue.code == "TK101"
    assert (issue.line, issue.column) == position(text, "<persNme")
    assert issue.message.startswith('element "persNme" is not allowed in <p>')
    assert issue.message.endswith("did you mean persName?")
    assert issue.xpath == "/TEI/body/p[1]/persNme"


@pytest.mark.parametrize("schema", [XSD, RNG])
def test_misspelt_attribute(clean: str, schema: str) -> None:
    text = seed(clean, '<persName ref="#kirov">', '<persName rfe="#kirov">')
    (issue,) = check(text, schema).issues
    assert issue.code == "TK102"
    assert (issue.line, issue.column) == position(text, 'rfe="#kirov"')
    assert issue.message == 'attribute "rfe" is not allowed on <persName>; did you mean ref?'


@pytest.mark.parametrize("schema", [XSD, RNG])
def test_bad_datatype(clean: str, schema: str) -> None:
    text = seed(clean, '<p n="2">', '<p n="two">')
    (issue,) = check(text, schema).issues
    assert issue.code in ("TK105", "TK102")
    assert issue.line == position(text, '<p n="two">')[0] and issue.column


@pytest.mark.parametrize("schema", [XSD, RNG])
def test_missing_content(clean: str, schema: str) -> None:
    text = seed(clean, '<person xml:id="nikolaev"/>\n    </listPerson>', "</listPerson>")
    text = seed(text, '<person xml:id="kirov"/>', "")
    issues = check(text, schema).issues
    assert issues and issues[0].code == "TK103"
    assert issues[0].message.startswith("<listPerson> is incomplete; expected element person")
    assert (issues[0].line, issues[0].column) == position(text, "</listPerson>")


def test_schematron_assertion(clean: str) -> None:
    text = seed(clean, '<persName ref="#nikolaev">', "<persName>")
    (issue,) = check(text, SCH).issues
    assert issue.code == "TK110" and issue.message == "a persName must have @ref"
    assert (issue.line, issue.column) == position(text, "<persName>Leonid")


def test_several_schemas(clean: str) -> None:
    text = seed(clean, '<persName ref="#nikolaev">', "<persName>")
    report = validate(text, schemas=[XSD, RNG, SCH], rules=False)
    assert [i.code for i in report.issues] == ["TK110"]


def test_schemas_are_compiled_once() -> None:
    assert load_schema(RNG) is load_schema(RNG)
    assert load_schema(XSD) is load_schema(XSD)


def test_rng_specialisation_keeps_the_verdict(clean: str) -> None:
    schema = load_schema(RNG)
    assert isinstance(schema, RngSchema)
    text = seed(clean, "</body>", "<figure><graphic/></figure></body>")
    report = validate(text, schemas=[schema], rules=False)
    assert [i.code for i in report.issues] == ["TK101"]
    assert "figure" in report.issues[0].message


def test_not_a_schema(tmp_path: Path) -> None:
    bad = tmp_path / "x.xsd"
    bad.write_text("<nothing/>")
    with pytest.raises(SchemaError, match="not an XSD, RELAX NG or ISO Schematron"):
        load_schema(bad)
    with pytest.raises(SchemaError, match="cannot read"):
        load_schema(tmp_path / "missing.rng")
    compact = tmp_path / "x.rnc"
    compact.write_text("start = element a { empty }")
    with pytest.raises(SchemaError, match="compact syntax"):
        load_schema(compact)


def test_unknown_schematron_binding_is_refused_clearly(tmp_path: Path) -> None:
    sch = tmp_path / "x.sch"
    sch.write_text('<sch:schema xmlns:sch="http://purl.oclc.org/dsdl/schematron" '
                   'queryBinding="xquery"/>')
    with pytest.raises(SchemaError, match='queryBinding "xquery" is not supported'):
        load_schema(sch)


def test_a_document_naming_the_profile_is_checked_against_it(clean: str) -> None:
    named = clean.replace("<TEI ", '<?xml-model href="tei_kirov.xsd" type="application/xml" '
                          'schematypens="http://www.w3.org/2001/XMLSchema"?>\n<TEI ', 1)
    assert Path(profile_path()).is_file()  # tracked by git: missing is a failure
    report = validate(named, rules=False)
    assert [u.path for u in report.schemas] == [profile_path()]
    assert not report.ok and report.issues[0].code == "TK101"
    assert "teiHeader" in report.issues[0].message


@pytest.mark.parametrize("schema", [XSD, RNG])
def test_stray_text_is_located_at_the_text(clean: str, schema: str) -> None:
    text = seed(clean, "</p>\n    <listPerson>", "</p>\n    stray words\n    <listPerson>")
    (issue,) = check(text, schema).issues
    assert issue.code == "TK106" and issue.message == "<body> may not contain text here"
    assert (issue.line, issue.column) == position(text, "stray words")

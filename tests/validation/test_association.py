"""Schema association: each document against the schemas its <?xml-model?>s name."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from tei_kirov.cli.validate import command
from tei_kirov.validation import batch, rules, schemas, validate
from tei_kirov.validation.association import bundled_tei_all, kind_of
from tei_kirov.validation.schemas import profile_path

from .conftest import FIXTURES, KIROV, position

RNG_NS = "http://relaxng.org/ns/structure/1.0"
SCH_NS = "http://purl.oclc.org/dsdl/schematron"
CLEAN = (FIXTURES / "clean.xml").read_text(encoding="utf-8")


def declaring(*models: str, text: str = CLEAN) -> str:
    """The clean fixture with these <?xml-model?> PIs before its root."""
    pis = "".join(f"<?xml-model {m}?>\n" for m in models)
    return text.replace("<TEI ", pis + "<TEI ", 1)


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    """A project checkout: schemas in Schema/, texts in texts/ naming ../Schema/mini.rng."""
    (tmp_path / "Schema").mkdir()
    shutil.copy(FIXTURES / "mini.rng", tmp_path / "Schema" / "mini.rng")
    (tmp_path / "texts").mkdir()
    for name in ("a.xml", "b.xml", "c.xml"):
        (tmp_path / "texts" / name).write_text(declaring(
            f'href="../Schema/mini.rng" schematypens="{RNG_NS}"'))
    return tmp_path


@pytest.mark.parametrize(("attrs", "kind"), [
    ({"schematypens": RNG_NS, "href": "x.xsd"}, "rng"),  # schematypens first
    ({"schematypens": SCH_NS, "href": "x.rng"}, "schematron"),  # the RNG's Schematron
    ({"schematypens": "http://www.ascc.net/xml/schematron"}, "schematron"),
    ({"schematypens": "http://www.w3.org/2001/XMLSchema"}, "xsd"),
    ({"type": "application/relax-ng-compact-syntax", "href": "x.rng"}, "rnc"),
    ({"type": "application/xml", "href": "http://x.org/s.isosch?v=1"}, "schematron"),
    ({"href": "a/b.XSD"}, "xsd"),
    ({"href": "a/b.sch"}, "schematron"),
    ({"href": "a/b"}, None),
])
def test_kind_comes_from_schematypens_then_type_then_extension(attrs, kind) -> None:  # type: ignore[no-untyped-def]
    assert kind_of(attrs) == kind


def test_relative_href_is_resolved_from_the_file(project: Path) -> None:
    report = validate(project / "texts" / "a.xml", rules=False)
    assert report.ok
    assert [(u.path, u.kind, u.origin, u.href) for u in report.schemas] == [
        (str(project / "Schema" / "mini.rng"), "rng", "declared", "../Schema/mini.rng")]
    broken = (project / "texts" / "a.xml").read_text().replace(
        '<persName ref="#kirov">Kirov</persName>', '<persNme ref="#kirov">Kirov</persNme>')
    (project / "texts" / "a.xml").write_text(broken)
    (issue,) = validate(project / "texts" / "a.xml", rules=False).issues
    assert issue.code == "TK101" and issue.source == "schema"


def test_unresolvable_href_is_a_located_error_naming_it(tmp_path: Path) -> None:
    href = "https://example.org/schemas/missing.rng"
    text = declaring(f'href="{href}" schematypens="{RNG_NS}"',
                     f'href="mini.rng" schematypens="{RNG_NS}"')
    shutil.copy(FIXTURES / "mini.rng", tmp_path / "mini.rng")
    (tmp_path / "doc.xml").write_text(text)
    report = validate(tmp_path / "doc.xml", rules=False)
    (issue,) = report.issues  # the other schema is still used (and passes)
    assert issue.code == "TK108" and href in issue.message and "--catalog" in (issue.hint or "")
    assert (issue.line, issue.column) == position(text, "<?xml-model")
    assert [u.path for u in report.schemas] == [None, str(tmp_path / "mini.rng")]


def test_a_catalog_maps_a_remote_href(tmp_path: Path) -> None:
    href = "https://example.org/schemas/mini.rng"
    (tmp_path / "doc.xml").write_text(declaring(f'href="{href}" schematypens="{RNG_NS}"'))
    shutil.copy(FIXTURES / "mini.rng", tmp_path / "local-mini.rng")
    cat = tmp_path / "catalog.xml"
    cat.write_text('<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">'
                   f'<uri name="{href}" uri="local-mini.rng"/></catalog>')
    assert validate(tmp_path / "doc.xml", rules=False).issues[0].code == "TK108"
    report = validate(tmp_path / "doc.xml", rules=False, catalogs=[cat])
    assert report.ok and report.schemas[0].path == str(tmp_path / "local-mini.rng")


def test_unusable_schemas_are_errors_of_the_file_not_crashes(tmp_path: Path) -> None:
    (tmp_path / "x.rnc").write_text("start = element a { empty }")
    (tmp_path / "junk.rng").write_text("<not-a-schema/>")
    text = declaring('href="x.rnc" type="application/relax-ng-compact-syntax"',
                     f'href="junk.rng" schematypens="{RNG_NS}"',
                     'href="x.nvdl" schematypens="http://purl.oclc.org/dsdl/nvdl/ns/'
                     'structure/1.0"')
    (tmp_path / "x.nvdl").write_text("<rules/>")
    (tmp_path / "doc.xml").write_text(text)
    found = validate(tmp_path / "doc.xml", rules=False).issues
    assert [i.code for i in found] == ["TK109"] * 3
    assert "trang" in found[0].message and "not an XSD, RELAX NG" in found[1].message
    assert "not supported" in found[2].message


def test_no_declaration_means_the_bundled_tei_all() -> None:
    report = validate(CLEAN, rules=False)
    assert [(u.path, u.origin) for u in report.schemas] == [(bundled_tei_all(), "default")]
    assert not report.ok and report.issues[0].code == "TK101"  # tei_all wants a teiHeader


def test_given_schemas_override_the_declared_ones(project: Path) -> None:
    report = validate(project / "texts" / "a.xml", schemas=[FIXTURES / "mini.xsd"],
                      rules=False)
    assert [(u.kind, u.origin) for u in report.schemas] == [("xsd", "given")]


def test_the_example_declares_the_profile_and_tei_all_and_is_valid() -> None:
    report = validate(KIROV)
    assert report.ok, [i.format() for i in report.issues]
    assert [u.path for u in report.schemas] == [profile_path(), bundled_tei_all()]


def test_rule_and_schema_issues_say_where_they_come_from(tmp_path: Path) -> None:
    text = declaring(f'href="{FIXTURES / "mini.rng"}" schematypens="{RNG_NS}"')
    text = text.replace('ref="#nikolaev"', 'ref="#nobody"').replace(
        '<persName ref="#kirov">Kirov</persName>', '<persNme ref="#kirov">Kirov</persNme>')
    sources = {i.code: i.source for i in validate(text).issues}
    assert sources["TK101"] == "schema" and sources["TK203"] == "rule"


def test_each_distinct_schema_is_compiled_once(project: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[str] = []
    original = schemas.RngSchema.__init__

    def counting(self, path, doc):  # type: ignore[no-untyped-def]
        made.append(path)
        original(self, path, doc)

    monkeypatch.setattr(schemas.RngSchema, "__init__", counting)
    monkeypatch.setattr(schemas, "_CACHE", {})
    files = sorted(str(p) for p in (project / "texts").glob("*.xml"))
    reports = batch.run(files, None, rules.select(False), jobs=1)
    assert all(r.ok for r in reports) and len(made) == 1


def test_spawned_workers_give_the_same_reports(project: Path) -> None:
    files = sorted(str(p) for p in (project / "texts").glob("*.xml"))
    bad = Path(files[1])
    bad.write_text(bad.read_text().replace(
        '<persName ref="#kirov">Kirov</persName>', '<persNme ref="#kirov">Kirov</persNme>'))
    serial = batch.run(files, None, rules.select(True), jobs=1)
    spawned = batch.run(files, None, rules.select(True), jobs=2, method="spawn")
    assert [r.issues for r in spawned] == [r.issues for r in serial]
    assert [r.ok for r in spawned] == [True, False, True]


def test_cli_catalog_and_json_report(tmp_path: Path) -> None:
    href = "https://example.org/schemas/mini.rng"
    (tmp_path / "doc.xml").write_text(declaring(f'href="{href}" schematypens="{RNG_NS}"'))
    (tmp_path / "bare.xml").write_text(CLEAN)
    cat = tmp_path / "catalog.xml"
    cat.write_text('<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">'
                   f'<uri name="{href}" uri="{FIXTURES / "mini.rng"}"/></catalog>')
    result = CliRunner().invoke(command, ["--format", "json", "--no-rules", "--catalog",
                                          str(cat), str(tmp_path / "doc.xml"),
                                          str(tmp_path / "bare.xml")])
    out = json.loads(result.stdout)
    by_file = {Path(f["file"]).name: f for f in out["files"]}
    assert by_file["doc.xml"]["ok"] and by_file["doc.xml"]["schemas"][0]["href"] == href
    assert by_file["bare.xml"]["schemas"][0]["origin"] == "default"
    assert out["summary"]["undeclared"] == 1
    text = CliRunner().invoke(command, ["--no-rules", str(tmp_path / "bare.xml")])
    assert "1 file names no schema" in text.stderr and "tei_all" in text.stderr
    missing = CliRunner().invoke(command, ["--catalog", str(tmp_path / "nope.xml"),
                                           str(tmp_path / "doc.xml")])
    assert missing.exit_code == 2 and "no such catalog" in missing.stderr

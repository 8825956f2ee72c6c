"""The corpus validated the way its projects' editors do (each file against the schemas its
<?xml-model?>s name, remote addresses mapped by ../shared/schema-catalog/catalog.xml), compared
with the reference verdicts of PROJECT-VERDICTS.tsv (jing for RELAX NG, Saxon + SchXslt for
Schematron)."""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path

import pytest

from tei_kirov.validation import batch, rules
from tei_kirov.validation.report import Report

#: Share of invalid files whose RELAX NG error count must be within 20 % of jing's.
COUNT_TARGET = 0.90


@pytest.fixture(scope="module")
def project_run(shared: Path) -> tuple[dict[str, dict[str, str]], dict[str, Report]]:
    corpus = shared / "corpus"
    rows = {r["local_path"]: r for r in csv.DictReader(
        (corpus / "PROJECT-VERDICTS.tsv").open(encoding="utf-8"), delimiter="\t")}
    files = [str(corpus / p) for p in sorted(rows)]
    reports = batch.run(files, None, rules.select(False), jobs=2,
                        catalogs=[str(shared / "schema-catalog" / "catalog.xml")])
    return rows, {str(Path(r.file).relative_to(corpus)): r for r in reports}


def _declared(row: dict[str, str]) -> list[str]:
    return [] if row["schemas"] == "-" else row["schemas"].split(";")


def _schema_errors(report: Report) -> int:
    return sum(1 for i in report.errors if i.source == "schema")


def test_every_file_is_checked_against_what_it_declares(project_run) -> None:  # type: ignore[no-untyped-def]
    rows, reports = project_run
    assert len(reports) == len(rows) == 195
    for path, row in rows.items():
        uses = reports[path].schemas
        if row["valid"] == "none-declared":
            assert [u.origin for u in uses] == ["default"], path
        else:
            got = [f"{'sch' if u.kind == 'schematron' else u.kind}:{u.href}" for u in uses]
            assert got == _declared(row), path
            assert all(u.path for u in uses), path  # every href found locally


def test_relax_ng_verdicts_agree_with_jing(project_run) -> None:  # type: ignore[no-untyped-def]
    rows, reports = project_run
    declared = [p for p, r in rows.items() if any(d.startswith("rng:") for d in _declared(r))]
    disagree = [p for p in declared
                if (_schema_errors(reports[p]) > 0) != (int(rows[p]["rng_errors"]) > 0)]
    assert len(declared) == 144 and disagree == []


def test_relax_ng_error_counts_are_close_to_jing(project_run) -> None:  # type: ignore[no-untyped-def]
    rows, reports = project_run
    invalid = [p for p, r in rows.items() if r["rng_errors"] not in ("", "0")]
    close = [p for p in invalid
             if abs(_schema_errors(reports[p]) - int(rows[p]["rng_errors"]))
             <= 0.2 * int(rows[p]["rng_errors"])]
    assert len(close) >= COUNT_TARGET * len(invalid), sorted(set(invalid) - set(close))


def test_full_verdicts_agree_on_every_file_that_declares_a_schema(project_run) -> None:  # type: ignore[no-untyped-def]
    rows, reports = project_run
    declared = [p for p, r in rows.items() if r["valid"] != "none-declared"]
    assert len(declared) == 179
    if importlib.util.find_spec("tei_kirov.validation.schematron") is None:
        # Until the Schematron engine lands, every Schematron a file names is refused
        # clearly (TK109), never skipped; the RELAX NG part is asserted above.
        for p in declared:
            if any(d.startswith("sch:") for d in _declared(rows[p])):
                assert any(i.code == "TK109" and i.source == "schematron"
                           for i in reports[p].issues), p
        return
    if importlib.util.find_spec("saxonche") is None:
        pytest.fail("the Schematron engine needs saxonche: pip install saxonche")
    disagree = [p for p in declared if reports[p].ok != (rows[p]["valid"] == "yes")]
    assert disagree == []

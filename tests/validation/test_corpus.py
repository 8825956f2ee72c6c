"""Agreement with jing + tei_all.rng on ../shared/corpus (VERDICTS.tsv holds jing's results).

tei_all.rng is loaded once for the session; the batch run specialises it to the names the
files use, so the whole corpus takes seconds.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from lxml import etree

from tei_kirov.validation import batch, rules
from tei_kirov.validation.report import Report
from tei_kirov.validation.schemas import RngSchema

#: How many explaining grammars each way of running compiled.
_EXPLAINING: dict[str, int] = {}


@pytest.fixture(scope="session", params=["whole-grammar", "specialised-grammar", "one-process"])
def corpus_run(request: pytest.FixtureRequest, shared: Path
               ) -> tuple[dict[str, dict[str, str]], dict[str, Report]]:
    """The corpus validated the way a large batch is (tei_all compiled whole), the way a
    small one is (grammar specialised to the names used, stubs to explain failures, two
    passes over two workers) and the way one process does it (one pass, the explaining
    grammar giving verdicts from the first invalid file on)."""
    verdicts = {row["local_path"]: row for row in csv.DictReader(
        (shared / "corpus" / "VERDICTS.tsv").open(encoding="utf-8"), delimiter="\t")}
    rng = shared / "tei" / "tei_all.rng"
    # a fresh schema object for each way, so that neither reuses the other's grammars
    schema = RngSchema(str(rng), etree.parse(str(rng)))
    corpus = shared / "corpus"
    files = [str(corpus / p) for p in sorted(verdicts)]
    limit = 0 if request.param == "whole-grammar" else 1 << 62
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(batch, "FULL_GRAMMAR_BYTES", limit)
        jobs = 1 if request.param == "one-process" else 2
        reports = batch.run(files, [schema], rules.select(False), jobs=jobs)
    _EXPLAINING[request.param] = len(schema.explaining)
    by_path = {str(Path(r.file).relative_to(corpus)): r for r in reports}
    return verdicts, by_path


def test_verdicts_agree_with_jing(corpus_run) -> None:  # type: ignore[no-untyped-def]
    verdicts, reports = corpus_run
    assert len(reports) == len(verdicts) == 195
    disagree = [p for p, row in verdicts.items()
                if reports[p].ok != (row["jing_valid"] == "yes")]
    assert disagree == []


def test_first_error_line_matches_jing(corpus_run) -> None:  # type: ignore[no-untyped-def]
    verdicts, reports = corpus_run
    invalid = [p for p, row in verdicts.items() if row["jing_valid"] == "no"]
    matched = 0
    for p in invalid:
        jing_line = int(verdicts[p]["first_error"].split(":")[1])
        errors = [i for i in reports[p].issues if i.severity == "error"]
        matched += bool(errors) and errors[0].line == jing_line
    assert matched / len(invalid) >= 0.9, f"{matched}/{len(invalid)}"


def test_xinclude_fallbacks_make_isicily_valid(corpus_run) -> None:  # type: ignore[no-untyped-def]
    _, reports = corpus_run
    isicily = [r for p, r in reports.items() if p.startswith("ISicily")]
    assert isicily and all(r.ok for r in isicily)


def test_columns_are_real(corpus_run) -> None:  # type: ignore[no-untyped-def]
    _, reports = corpus_run
    issues = [i for r in reports.values() for i in r.issues]
    assert issues and all(i.column and i.column > 0 for i in issues)


def test_one_explaining_grammar_per_batch(corpus_run, request) -> None:  # type: ignore[no-untyped-def]
    # A batch compiles its explaining grammar once, whichever way it runs (one process used
    # to compile one per set of names its invalid files used).
    assert _EXPLAINING[request.node.callspec.params["corpus_run"]] == 1

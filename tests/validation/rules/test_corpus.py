"""No false alarms: on every corpus file its own project's schemas accept, the rules give no
errors (warnings are allowed). Reference verdicts: ../shared/corpus/PROJECT-VERDICTS.tsv."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

from tei_kirov.validation import validate


def test_no_rule_errors_on_files_their_projects_accept(shared: Path) -> None:
    corpus = shared / "corpus"
    rows = list(csv.DictReader((corpus / "PROJECT-VERDICTS.tsv").open(encoding="utf-8"),
                               delimiter="\t"))
    accepted = [r["local_path"] for r in rows if r["valid"] == "yes"]
    assert len(accepted) >= 80
    errors: list[str] = []
    warnings: Counter[str] = Counter()
    for path in accepted:
        report = validate(str(corpus / path), schemas=[], rules=True)
        errors += [i.format() for i in report.errors]
        warnings.update(i.code for i in report.warnings)
    assert errors == []
    # the dangling pointers of other projects are still shown, as warnings
    assert warnings["TK203"] > 0

"""One message per problem: a rule and a schema seeing the same problem give one issue."""

from __future__ import annotations

from pathlib import Path

import pytest

from tei_kirov.profile import schema_path
from tei_kirov.validation import validate
from tei_kirov.validation.dedupe import one_per_problem
from tei_kirov.validation.report import Issue, Severity

DOC = """<?xml-model href="tei_kirov.xsd" type="application/xml" schematypens="http://www.w3.org/2001/XMLSchema"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>t</title>
</titleStmt><publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc>
</fileDesc></teiHeader><text><body>
<p xml:id="a">x</p>
<p xml:id="a">y <date when="1934-02-30">z</date></p>
<p>z <date
   when="1934-13-01">w</date> <date when="1934-12-01" from="1935" to="1934">v</date></p>
</body></text></TEI>
"""


def issue(code: str, line: int | None = 5, column: int | None = 4, severity: Severity = "error",
          xpath: str | None = "/TEI/p", file: str = "f.xml") -> Issue:
    return Issue(file=file, line=line, column=column, severity=severity, code=code,
                 message=code, xpath=xpath)


def test_the_rule_issue_replaces_the_schema_issue_at_the_same_place() -> None:
    kept = one_per_problem([issue("TK105"), issue("TK201"), issue("TK102", column=9),
                            issue("TK202", column=9)])
    assert [i.code for i in kept] == ["TK201", "TK202"]


@pytest.mark.parametrize("other", [
    {"line": 6}, {"column": 5}, {"xpath": "/TEI/q"}, {"file": "g.xml"}, {"line": None},
])
def test_different_places_are_different_problems(other: dict[str, object]) -> None:
    schema = issue("TK105", **other)  # type: ignore[arg-type]
    assert one_per_problem([schema, issue("TK201")]) == [schema, issue("TK201")]


def test_only_restating_rules_and_grammar_codes_merge() -> None:
    both = [issue("TK104"), issue("TK201"), issue("TK105"), issue("TK204")]
    assert [i.code for i in one_per_problem(both)] == ["TK104", "TK201", "TK204"]
    assert [i.code for i in one_per_problem([issue("TK110"), issue("TK202")])] == [
        "TK110", "TK202"]  # a Schematron message is its project's own word


def test_a_schema_error_is_never_weakened_to_a_warning() -> None:
    kept = one_per_problem([issue("TK105"), issue("TK202", severity="warning")])
    assert [(i.code, i.severity) for i in kept] == [("TK202", "error")]


def _codes(schemas: list[str]) -> list[tuple[int | None, str]]:
    report = validate(DOC, schemas=schemas, rules=True, name="d.xml")
    return [(i.line, i.code) for i in report.issues]


def test_profile_and_rules_give_one_message_per_problem() -> None:
    assert _codes([str(schema_path())]) == [(6, "TK201"), (6, "TK202"), (8, "TK202"),
                                            (8, "TK204")]
    no_rules = validate(DOC, schemas=[str(schema_path())], rules=False, name="d.xml")
    assert [(i.line, i.code) for i in no_rules.issues] == [(6, "TK105"), (6, "TK105"),
                                                           (8, "TK105")]


def test_tei_all_and_rules_give_one_message_per_problem(shared: Path) -> None:
    codes = _codes([str(shared / "tei" / "tei_all.rng")])
    assert [c for c in codes if c[1] in ("TK201", "TK202")] == [
        (6, "TK201"), (6, "TK202"), (8, "TK202")]
    assert not [c for c in codes if c[1] in ("TK102", "TK105")], codes

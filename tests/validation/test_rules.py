"""Every semantic rule: a seeded fault gives exactly that issue, at the right place."""

from __future__ import annotations

from pathlib import Path

import pytest

from tei_kirov.validation import RULES, validate
from tei_kirov.validation.rules import select

from .conftest import position, seed


def run(text: str, rules: object = True):  # type: ignore[no-untyped-def]
    return validate(text, schemas=[], rules=rules, name="rules.xml")  # type: ignore[arg-type]


def only(text: str):  # type: ignore[no-untyped-def]
    report = run(text)
    assert len(report.issues) == 1, [i.format() for i in report.issues]
    return report.issues[0]


def test_clean_fixture_has_no_issue(rules_text: str) -> None:
    report = run(rules_text)
    assert report.ok and report.issues == []


def test_duplicate_id(rules_text: str) -> None:
    text = seed(rules_text, '<place xml:id="leningrad">',
                '<place xml:id="leningrad"><placeName xml:id="kirov">x</placeName>')
    issue = only(text)
    assert issue.code == "TK201" and issue.severity == "error"
    assert (issue.line, issue.column) == position(text, 'xml:id="kirov">x')
    assert "already used by <person>" in issue.message


def test_dangling_pointer_with_suggestion(rules_text: str) -> None:
    text = seed(rules_text, 'ref="#zinoviev"', 'ref="#zinovev"')
    issue = only(text)
    assert issue.code == "TK203"
    assert (issue.line, issue.column) == position(text, 'ref="#zinovev"')
    assert issue.message == 'persName/@ref "#zinovev" names no xml:id; did you mean "#zinoviev"?'
    assert issue.xpath == "/TEI/text/body/div/p[2]/persName"


@pytest.mark.parametrize("attribute", ["target", "corresp", "who"])
def test_dangling_pointer_other_attributes(rules_text: str, attribute: str) -> None:
    text = seed(rules_text, "<head>One</head>", f'<head {attribute}="#d1 #nowhere">One</head>')
    issue = only(text)
    assert issue.code == "TK203" and f'head/@{attribute} "#nowhere"' in issue.message
    assert (issue.line, issue.column) == position(text, f'{attribute}="#d1')


def test_external_pointers_are_not_checked(rules_text: str) -> None:
    text = seed(rules_text, 'ref="#kirov"', 'ref="https://viaf.org/viaf/1 psn:kirov #kirov"')
    assert run(text).issues == []


def test_invalid_date(rules_text: str) -> None:
    text = seed(rules_text, 'when="1934-12-01"', 'when="1934-13-45"')
    issue = only(text)
    assert issue.code == "TK202"
    assert (issue.line, issue.column) == position(text, 'when="1934-13-45"')
    assert "month must be in 1..12" in issue.message


def test_not_iso_date(rules_text: str) -> None:
    text = seed(rules_text, 'when="1934-12-01"', 'when="1 Dec 1934"')
    assert only(text).code == "TK202"


def test_from_after_to(rules_text: str) -> None:
    text = seed(rules_text, 'from="1934" to="1935"', 'from="1936" to="1935"')
    issue = only(text)
    assert issue.code == "TK204"
    assert (issue.line, issue.column) == position(text, 'from="1936"')


def test_not_before_after_not_after(rules_text: str) -> None:
    text = seed(rules_text, 'notBefore="1934-12" notAfter="1935"',
                'notBefore="1935-02" notAfter="1935-01-31"')
    issue = only(text)
    assert issue.code == "TK204" and "@notBefore" in issue.message
    assert (issue.line, issue.column) == position(text, 'notBefore="1935-02"')


def test_note_resp_names_nobody(rules_text: str) -> None:
    text = seed(rules_text, '<note resp="#eds">', '<note resp="#edz">')
    issue = only(text)  # TK205, not also TK203
    assert issue.code == "TK205" and 'did you mean "#eds"?' in issue.message
    assert (issue.line, issue.column) == position(text, 'resp="#edz"')


def test_note_resp_names_a_non_person(rules_text: str) -> None:
    text = seed(rules_text, '<note resp="#eds">', '<note resp="#d1">')
    issue = only(text)
    assert issue.code == "TK205" and "names a <div>" in issue.message


def test_unreferenced_person_is_a_warning(rules_text: str) -> None:
    text = seed(rules_text, "</listPerson>", '  <person xml:id="stalin"/>\n      </listPerson>')
    report = run(text)
    assert report.ok  # warnings do not make the file invalid
    (issue,) = report.issues
    assert issue.code == "TK206" and issue.severity == "warning"
    assert (issue.line, issue.column) == position(text, 'xml:id="stalin"')


@pytest.mark.parametrize("empty", ["<p/>", "<head>  </head>", "<div/>"])
def test_empty_elements_warn(rules_text: str, empty: str) -> None:
    text = seed(rules_text, "</div>\n    </body>", f"  {empty}\n      </div>\n    </body>")
    issue = only(text)
    assert issue.code == "TK207" and issue.severity == "warning"
    assert (issue.line, issue.column) == position(text, empty)


def test_pb_out_of_order(rules_text: str) -> None:
    text = seed(rules_text, '<pb n="3"/>', '<pb n="2"/>')
    issue = only(text)
    assert issue.code == "TK208" and issue.severity == "warning"
    assert (issue.line, issue.column) == position(text, 'n="2"', 2)


def test_pb_order_per_edition_and_numbering(rules_text: str) -> None:
    text = seed(rules_text, '<pb n="3"/>', '<pb n="iv"/><pb ed="b" n="1"/><pb n="3"/>')
    assert run(text).issues == []


def test_rules_can_be_switched_off(rules_text: str) -> None:
    text = seed(rules_text, 'ref="#zinoviev"', 'ref="#zinovev"')
    assert run(text, rules=False).issues == []
    assert run(text, rules={"-TK203"}).issues == []
    assert run(text, rules={"-dangling-pointer"}).issues == []
    assert [i.code for i in run(text, rules={"TK203"}).issues] == ["TK203"]
    assert run(text, rules={"TK201"}).issues == []


def test_unknown_rule_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown rule"):
        select({"TK999"})


def test_registry_is_complete() -> None:
    assert sorted(RULES) == ["TK201", "TK202", "TK203", "TK204", "TK205", "TK206", "TK207",
                             "TK208"]
    for r in RULES.values():
        assert r.description and r.name and r.severity in ("error", "warning")


def test_docs_list_every_rule_with_its_severities() -> None:
    docs = (Path(__file__).parents[2] / "docs" / "validation.md").read_text(encoding="utf-8")
    for r in RULES.values():
        assert f"| {r.code} | {r.name} | {r.severity} / {r.elsewhere} |" in docs, r.code

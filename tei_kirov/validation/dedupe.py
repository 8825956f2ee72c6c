"""One message per problem: when a semantic rule and a schema report the same problem at the
same place, keep the rule's message, which says what is wrong (a duplicate id gets TK201, not
also the schema's "invalid value ... expected a ID"; an impossible date TK202, not also TK105)."""

from __future__ import annotations

from collections.abc import Iterable

from .report import Issue

#: Rules that restate a datatype check any TEI schema makes (xs:ID, the W3C date types).
RESTATING_RULES = frozenset({"TK201", "TK202"})
#: Grammar findings (XSD or RELAX NG) that such a rule makes redundant at the same place:
#: a bad value, or RELAX NG's "attribute not allowed" for an attribute whose value is bad.
SCHEMA_CODES = frozenset({"TK100", "TK102", "TK105"})

Place = tuple[str, int | None, int | None, str | None]


def _place(issue: Issue) -> Place:
    # the file, line and column of the attribute, and the element's path
    return issue.file, issue.line, issue.column, issue.xpath


def one_per_problem(issues: Iterable[Issue]) -> list[Issue]:
    """``issues`` without the schema issues a restating rule already reports at the same
    file, line, column and element (so the same attribute). The rule's issue is kept, as an
    error if either was one. Issues without a line are never merged."""
    issues = list(issues)
    by_rule: dict[Place, int] = {}
    for n, issue in enumerate(issues):
        if issue.code in RESTATING_RULES and issue.line is not None:
            by_rule.setdefault(_place(issue), n)
    if not by_rule:
        return issues
    dropped: set[int] = set()
    upgrade: set[int] = set()
    for n, issue in enumerate(issues):
        if issue.code not in SCHEMA_CODES or issue.line is None:
            continue
        kept = by_rule.get(_place(issue))
        if kept is None:
            continue
        dropped.add(n)
        if issue.severity == "error" and issues[kept].severity != "error":
            upgrade.add(kept)
    return [i.model_copy(update={"severity": "error"}) if n in upgrade else i
            for n, i in enumerate(issues) if n not in dropped]

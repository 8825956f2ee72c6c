"""Pointer rules read pointers as TEI does (prefixDef, other files, URLs), and the rules that
check a project's conventions are warnings in documents that do not declare the profile."""

from __future__ import annotations

import pytest

from tei_kirov.validation import validate
from tei_kirov.validation.report import Issue

from ..conftest import position, seed

PREFIXES = ('<encodingDesc><listPrefixDef>'
            '<prefixDef ident="psn" matchPattern="([a-z]+)" replacementPattern="#$1"/>'
            '<prefixDef ident="bib" matchPattern="(.+)" replacementPattern="bibl.xml#$1"/>'
            '</listPrefixDef></encodingDesc>')
PROFILE_PI = ('<?xml-model href="tei_kirov.xsd" type="application/xml" '
              'schematypens="http://www.w3.org/2001/XMLSchema"?>\n')


def issues(text: str) -> list[Issue]:
    return validate(text, schemas=[], rules=True, name="rules.xml").issues


def with_prefixes(text: str) -> str:
    return seed(text, "</fileDesc>", "</fileDesc>" + PREFIXES)


def test_prefixed_pointer_that_expands_to_a_local_id_is_checked(rules_text: str) -> None:
    text = with_prefixes(seed(rules_text, 'ref="#kirov"', 'ref="psn:kirov"'))
    assert issues(text) == []
    text = with_prefixes(seed(rules_text, 'ref="#kirov"', 'ref="psn:kirof"'))
    found = issues(text)
    assert [i.code for i in found] == ["TK203", "TK206"]  # and kirov is now unreferenced
    assert found[0].message == ('persName/@ref "psn:kirof" names no xml:id (it stands for '
                                '"#kirof"); did you mean "#kirov"?')
    assert (found[0].line, found[0].column) == position(text, 'ref="psn:kirof"')


def test_prefixed_pointer_counts_as_a_reference(rules_text: str) -> None:
    text = with_prefixes(seed(rules_text, 'ref="#leningrad"', 'ref="psn:leningrad"'))
    assert issues(text) == []  # no TK206 for the place


def test_prefix_whose_patterns_do_not_match(rules_text: str) -> None:
    text = with_prefixes(seed(rules_text, 'ref="#kirov"', 'ref="#kirov psn:Kirov"'))
    found = issues(text)
    assert [i.code for i in found] == ["TK203"]
    assert "matches no prefixDef pattern" in found[0].message


def test_pointers_into_other_files_are_not_checked(rules_text: str) -> None:
    text = with_prefixes(seed(rules_text, 'ref="#kirov"',
                              'ref="#kirov bib:smith1999 persons.xml#nobody '
                              'https://viaf.org/viaf/1#x undeclared:thing"'))
    assert issues(text) == []


def test_note_resp_through_a_prefix(rules_text: str) -> None:
    text = with_prefixes(seed(rules_text, '<note resp="#eds">', '<note resp="psn:eds">'))
    assert issues(text) == []


def test_convention_rules_are_warnings_in_other_projects_files(rules_text: str) -> None:
    assert rules_text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n' + PROFILE_PI)
    foreign = rules_text.replace(PROFILE_PI, "")
    faults = [('ref="#zinoviev"', 'ref="#zinovev"'), ('<note resp="#eds">', '<note resp="#d1">'),
              ('<place xml:id="leningrad">', '<place xml:id="kirov">'),
              ('when="1934-12-01"', 'when="1934-13-01"'),
              ('from="1934" to="1935"', 'from="1936" to="1935"')]
    for text, expected in ((rules_text, "error"), (foreign, "warning")):
        for old, new in faults:
            text = seed(text, old, new)
        severities = {i.code: i.severity for i in issues(text)}
        assert severities == {"TK201": "error", "TK202": "error", "TK203": expected,
                              "TK204": "error", "TK205": expected}


@pytest.mark.parametrize(("href", "own"), [
    ("tei_kirov.xsd", True), ("../schemas/tei_kirov.xsd", True),
    ("https://tei-kirov.invalid/schemas/tei_kirov.xsd", True),
    ("my_tei_kirov.xsd", False), ("tei_kirov.xsd.bak", False), ("tei_all.rng", False),
])
def test_which_documents_declare_the_profile(rules_text: str, href: str, own: bool) -> None:
    text = seed(rules_text, 'href="tei_kirov.xsd"', f'href="{href}"')
    text = seed(text, 'ref="#zinoviev"', 'ref="#zinovev"')
    assert [i.severity for i in issues(text)] == ["error" if own else "warning"]

"""Every RELAX NG error of a document, in document order, without libxml2's echoes."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from tei_kirov.validation import validate
from tei_kirov.validation.rngcheck import LocalChecker

from .conftest import position

GRAMMAR = """<grammar xmlns="http://relaxng.org/ns/structure/1.0"
    xmlns:a="http://relaxng.org/ns/compatibility/annotations/1.0"
    datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">
  <start><ref name="doc"/></start>
  <define name="doc"><element name="doc"><oneOrMore><ref name="section"/></oneOrMore>
  </element></define>
  <define name="section"><element name="section">
    <attribute name="type"><choice><value>a</value><a:documentation>A</a:documentation>
      <value>b</value></choice></attribute>
    <optional><attribute name="rend"><list><oneOrMore><choice><value>x</value>
      <value>y</value></choice></oneOrMore></list></attribute></optional>
    <optional><attribute name="n"><data type="integer"/></attribute></optional>
    <zeroOrMore><choice><ref name="item"/><ref name="section"/></choice></zeroOrMore>
  </element></define>
  <define name="item"><element name="item"><text/></element></define>
</grammar>"""

BAD = """<doc>
  <section type="a">
    <item>one</item>
    <section type="c" rend="x z">
      <item>two</item>
      <bogus/>
      <item colour="red">three</item>
    </section>
  </section>
  <section rend="y">
    <item>four</item>
  </section>
</doc>
"""


@pytest.fixture(scope="module")
def grammar(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("rng") / "g.rng"
    path.write_text(GRAMMAR)
    return path


def test_every_error_is_reported_in_document_order(grammar: Path) -> None:
    issues = validate(BAD, schemas=[grammar], rules=False).issues
    found = [(i.code, i.line, i.column) for i in issues]
    assert found == [
        ("TK105", *position(BAD, 'type="c"')),
        ("TK105", *position(BAD, 'rend="x z"')),
        ("TK101", *position(BAD, "<bogus")),
        ("TK102", *position(BAD, 'colour="red"')),
        ("TK104", *position(BAD, '<section rend="y"')),
    ]
    assert 'expected one of a, b' in issues[0].message
    assert '"z"' in issues[1].message  # the bad token of a list
    assert '"type"' in issues[4].message


def test_no_echo_at_the_ancestors_of_a_deep_error(grammar: Path) -> None:
    text = "<doc><section type='a'><section type='b'><item>x</item><nope/></section>" \
           "</section></doc>"
    (issue,) = validate(text, schemas=[grammar], rules=False).issues
    assert issue.code == "TK101" and "nope" in issue.message


def test_order_errors_still_come_from_libxml2(grammar: Path) -> None:
    (issue,) = validate("<doc/>", schemas=[grammar], rules=False).issues
    assert issue.code == "TK103"


def test_valid_documents_are_never_checked_locally(grammar: Path) -> None:
    assert validate("<doc><section type='b' rend='x y' n='3'/></doc>", schemas=[grammar],
                    rules=False).issues == []


def test_grammars_it_cannot_read_fully_are_left_to_libxml2(tmp_path: Path) -> None:
    text = GRAMMAR.replace('<start>', '<include href="other.rng"/><start>')
    checker = LocalChecker(etree.ElementTree(etree.fromstring(text)))
    assert not checker.usable
    assert checker.check(etree.ElementTree(etree.fromstring("<doc><x/></doc>"))) == []

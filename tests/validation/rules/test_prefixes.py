"""Pointer tokens read as TEI reads them: #id, prefixDef expansions, other files, URLs."""

from __future__ import annotations

from lxml import etree

from tei_kirov.validation.rules.prefixes import Prefixes, Target

DOC = b"""<TEI xmlns="http://www.tei-c.org/ns/1.0"><listPrefixDef>
  <prefixDef ident="psn" matchPattern="([a-z]+)" replacementPattern="#$1"/>
  <prefixDef ident="psn" matchPattern="([A-Z]+)" replacementPattern="people.xml#$1"/>
  <prefixDef ident="two" matchPattern="(\\w+)/(\\w+)" replacementPattern="#$2-$1$3"/>
  <prefixDef ident="odd" matchPattern="([" replacementPattern="#$1"/>
  <prefixDef ident="half" matchPattern="x"/>
</listPrefixDef></TEI>"""


def prefixes() -> Prefixes:
    return Prefixes(etree.fromstring(DOC))


def test_local_and_external_pointers() -> None:
    p = prefixes()
    assert p.target("#a") == Target("#a", local="a")
    assert p.target("other.xml#a") == Target("other.xml#a")
    assert p.target("https://viaf.org/viaf/1#a") == Target("https://viaf.org/viaf/1#a")
    assert p.target("#") == Target("#")


def test_prefix_definitions_are_tried_in_order() -> None:
    p = prefixes()
    assert p.target("psn:kirov") == Target("psn:kirov", local="kirov")
    assert p.target("psn:KIROV") == Target("psn:KIROV")  # people.xml#KIROV: elsewhere
    assert p.target("psn:Kirov") == Target("psn:Kirov", unmatched=True)
    assert p.expand("two:a/b") == "#b-a$3"  # a group the pattern lacks stays as written


def test_unusable_or_undeclared_prefixes_are_not_judged() -> None:
    p = prefixes()
    assert p.target("odd:x") == Target("odd:x")  # a pattern Python cannot compile
    assert p.target("half:x") == Target("half:x")  # no replacementPattern: not a definition
    assert p.target("tei:x") == Target("tei:x")

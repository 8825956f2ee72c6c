"""Reading Schematron: includes, abstract rules and patterns, 1.5, embedded in RELAX NG,
query bindings, diagnostics."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tei_kirov.validation import SchemaError

from .conftest import SCH, messages, run, schema_text

Write = Callable[..., str]


def test_abstract_rules_and_extends(write: Write) -> None:
    path = write("s.sch", schema_text("""
      <sch:pattern>
        <sch:rule abstract="true" id="numbered">
          <sch:assert test="@n">needs @n</sch:assert>
        </sch:rule>
        <sch:rule context="b">
          <sch:extends rule="numbered"/>
          <sch:report test="@kind">has a kind</sch:report>
        </sch:rule>
      </sch:pattern>"""))
    assert messages(run(path)) == ["has a kind", "needs @n"]  # same node: by message


def test_abstract_pattern_with_parameters(write: Write) -> None:
    path = write("s.sch", schema_text("""
      <sch:pattern abstract="true" id="required">
        <sch:rule context="$element"><sch:assert test="$attribute">missing</sch:assert></sch:rule>
      </sch:pattern>
      <sch:pattern is-a="required" id="b-kind">
        <sch:param name="element" value="b"/><sch:param name="attribute" value="@n"/>
      </sch:pattern>"""))
    (issue,) = run(path)
    assert issue.message == "missing" and "pattern b-kind" in (issue.hint or "")


def test_include_is_relative_to_the_including_file(write: Write) -> None:
    write("parts/p.sch", f"""<sch:pattern {SCH}><sch:rule context="b">
        <sch:include href="more/checks.sch"/></sch:rule></sch:pattern>""")
    write("parts/more/checks.sch", f'<sch:report {SCH} test="@kind">included</sch:report>')
    path = write("s.sch", schema_text('<sch:include href="parts/p.sch"/>'))
    assert messages(run(path)) == ["included"]


def test_missing_and_remote_includes_are_clear_errors(write: Write) -> None:
    path = write("s.sch", schema_text('<sch:include href="nowhere.sch"/>'))
    with pytest.raises(SchemaError, match="cannot read the Schematron file .*nowhere.sch"):
        run(path)
    remote = write("r.sch", schema_text('<sch:include href="https://example.org/x.sch"/>'))
    with pytest.raises(SchemaError, match="remote; nothing is fetched from the network"):
        run(remote)


@pytest.mark.parametrize("binding", ["xslt2", "xslt3", "xpath2", "xpath31", "xslt", None])
def test_query_bindings_run_xpath_2(write: Write, binding: str | None) -> None:
    path = write("s.sch", schema_text("""<sch:pattern><sch:rule context="a">
        <sch:report test="matches(@n, '^\\d$') and (every $x in (1, 2) satisfies $x gt 0)">
          xpath 2</sch:report></sch:rule></sch:pattern>""", binding=binding))
    assert messages(run(path)) == ["xpath 2", "xpath 2"]


def test_schematron_1_5(write: Write) -> None:
    path = write("old.sch", """<schema xmlns="http://www.ascc.net/xml/schematron">
      <ns prefix="t" uri="urn:test"/>
      <pattern name="old style">
        <rule context="//t:b">
          <report test="matches(@kind, 'x')"><name/> has kind <value-of select="@kind"/></report>
        </rule>
      </pattern></schema>""")
    (issue,) = run(path, '<doc xmlns="urn:test"><b kind="x"/></doc>')
    assert issue.message == "b has kind x"
    assert (issue.hint or "").startswith("pattern old style; context: //t:b")


RNG = """<grammar xmlns="http://relaxng.org/ns/structure/1.0"
    xmlns:sch="http://purl.oclc.org/dsdl/schematron">
  <start><ref name="doc"/></start>
  <sch:ns prefix="t" uri="urn:test"/>
  <define name="doc">
    <element name="doc" ns="urn:test"><zeroOrMore><ref name="b"/></zeroOrMore></element>
    <sch:let name="limit" value="1"/>
  </define>
  <define name="b">
    <element name="b" ns="urn:test"><optional><attribute name="kind"/></optional></element>
    <pattern xmlns="http://purl.oclc.org/dsdl/schematron" id="b-count">
      <rule context="t:doc"><assert test="count(t:b) le $limit">too many b</assert></rule>
    </pattern>
  </define>
</grammar>"""


def test_schematron_embedded_in_relax_ng(write: Write) -> None:
    path = write("g.rng", RNG)
    doc = '<doc xmlns="urn:test"><b/><b/></doc>'
    assert messages(run(path, doc, kind="schematron")) == ["too many b"]
    assert run(path, doc) == []  # as a grammar the document is valid
    # a grammar without rules (TEI templates name every RNG for Schematron too): no errors
    plain = write("plain.rng", RNG.split("<sch:ns")[0] + "</grammar>")
    assert run(plain, doc, kind="schematron") == []


def test_diagnostics_follow_the_message(write: Write) -> None:
    path = write("s.sch", schema_text("""
      <sch:pattern><sch:rule context="b">
        <sch:assert test="@n" diagnostics="d1 d2">no n</sch:assert>
      </sch:rule></sch:pattern>
      <sch:diagnostics>
        <sch:diagnostic id="d1">kind is <sch:value-of select="@kind"/></sch:diagnostic>
        <sch:diagnostic id="d2">add one</sch:diagnostic>
      </sch:diagnostics>"""))
    assert messages(run(path)) == ["no n (kind is x) (add one)"]


def test_extends_href_takes_an_external_rule(write: Write) -> None:
    write("rules.sch", f"""<sch:rule {SCH} abstract="true" id="r">
        <sch:report test="@kind">external</sch:report></sch:rule>""")
    path = write("s.sch", schema_text("""<sch:pattern><sch:rule context="b">
        <sch:extends href="rules.sch"/></sch:rule></sch:pattern>"""))
    assert messages(run(path)) == ["external"]

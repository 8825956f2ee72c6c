"""ISO Schematron semantics, each feature on a small synthetic schema."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tei_kirov.validation import SchemaError

from ..conftest import position
from .conftest import DOC, SCH, run, schema_text

Write = Callable[..., str]


def messages(issues: list) -> list[str]:  # type: ignore[type-arg]
    return [i.message for i in issues]


def test_first_matching_rule_in_a_pattern_every_pattern_sees_every_node(write: Write) -> None:
    path = write("s.sch", schema_text("""
      <sch:pattern id="p1">
        <sch:rule context="a[@n = '1']"><sch:report test="true()">first rule</sch:report></sch:rule>
        <sch:rule context="a">
          <sch:report test="true()">second rule <sch:value-of select="@n"/></sch:report>
        </sch:rule>
      </sch:pattern>
      <sch:pattern id="p2">
        <sch:rule context="*"><sch:report test="self::a">other pattern</sch:report></sch:rule>
      </sch:pattern>"""))
    found = [(i.line, i.message) for i in run(path)]
    assert found == [(2, "first rule"), (2, "other pattern"), (3, "other pattern"),
                     (3, "second rule 2")]


def test_lets_at_schema_pattern_and_rule_level(write: Write) -> None:
    path = write("s.sch", schema_text("""
      <sch:let name="all" value="count(//a)"/>
      <sch:pattern>
        <sch:let name="elements" value="count(//*)"/>
        <sch:rule context="a">
          <sch:let name="n" value="number(@n)"/>
          <sch:let name="twice" value="$n * 2"/>
          <sch:report test="$twice = 4">a <sch:value-of select="$n"/> of
            <sch:value-of select="$all"/>, <sch:value-of select="$elements"/> elements
          </sch:report>
        </sch:rule>
      </sch:pattern>"""))
    assert messages(run(path)) == ["a 2 of 2, 4 elements"]


def test_name_and_value_of_in_messages(write: Write) -> None:
    path = write("s.sch", schema_text("""
      <sch:pattern><sch:rule context="b">
        <sch:assert test="@n"><sch:name/> in <sch:name path=".."/> lacks @n
           (kind <sch:emph><sch:value-of select="@kind"/></sch:emph>)</sch:assert>
      </sch:rule></sch:pattern>"""))
    (issue,) = run(path)
    assert issue.message == "b in doc lacks @n (kind x)"


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


PHASED = """
  <sch:phase id="quick"><sch:active pattern="p1"/></sch:phase>
  <sch:phase id="other"><sch:let name="word" value="'late'"/><sch:active pattern="p2"/></sch:phase>
  <sch:pattern id="p1">
    <sch:rule context="b"><sch:report test="true()">p1</sch:report></sch:rule>
  </sch:pattern>
  <sch:pattern id="p2">
    <sch:rule context="b">
      <sch:report test="true()">p2 <sch:value-of select="$word"/></sch:report>
    </sch:rule>
  </sch:pattern>"""


def test_phases(write: Write) -> None:
    path = write("s.sch", schema_text(PHASED))
    assert messages(run(path, phase="quick")) == ["p1"]
    assert messages(run(path, phase="other")) == ["p2 late"]
    with pytest.raises(SchemaError, match="no phase 'slow'; its phases: #ALL, quick, other"):
        run(path, phase="slow")


def test_default_phase(write: Write) -> None:
    path = write("s.sch", schema_text(PHASED.replace('select="$word"', 'select="\'x\'"'),
                                      extra=' defaultPhase="quick"'))
    assert messages(run(path)) == ["p1"]
    assert messages(run(path, phase="#DEFAULT")) == ["p1"]
    assert messages(run(path, phase="#ALL")) == ["p1", "p2 x"]


def test_namespaces_come_from_ns(write: Write) -> None:
    path = write("s.sch", schema_text("""<sch:ns prefix="t" uri="urn:test"/>
      <sch:pattern>
        <sch:rule context="t:a"><sch:assert test="t:c">no c</sch:assert></sch:rule>
      </sch:pattern>"""))
    doc = '<doc xmlns="urn:test"><a><c/></a><a/><x:a xmlns:x="urn:other"/></doc>'
    (issue,) = run(path, doc)
    assert issue.xpath == "/doc/a[2]"


def test_xsl_functions_and_keys(write: Write) -> None:
    path = write("s.sch", schema_text("""<sch:ns prefix="f" uri="urn:functions"/>
      <xsl:function xmlns:xsl="http://www.w3.org/1999/XSL/Transform" name="f:double">
        <xsl:param name="n"/><xsl:sequence select="number($n) * 2"/>
      </xsl:function>
      <xsl:key xmlns:xsl="http://www.w3.org/1999/XSL/Transform" name="by-n" match="a" use="@n"/>
      <sch:pattern><sch:rule context="a">
        <sch:report test="f:double(@n) = 4 and key('by-n', '1')">doubled</sch:report>
      </sch:rule></sch:pattern>"""))
    assert messages(run(path)) == ["doubled"]


@pytest.mark.parametrize("role, severity", [
    ("warning", "warning"), ("info", "warning"), ("information", "warning"),
    ("WARNING", "warning"), ("error", "error"), ("fatal", "error"), ("nonfatal", "error"),
    (None, "error")])
def test_roles(write: Write, role: str | None, severity: str) -> None:
    attr = f' role="{role}"' if role else ""
    path = write("s.sch", schema_text(f"""<sch:pattern><sch:rule context="b">
        <sch:report test="true()"{attr}>fired</sch:report></sch:rule></sch:pattern>"""))
    (issue,) = run(path)
    assert issue.severity == severity and issue.code == "TK110"


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
    plain = write("plain.rng", RNG.split("<sch:ns")[0] + "</grammar>")
    with pytest.raises(SchemaError, match="holds no embedded Schematron"):
        run(plain, doc, kind="schematron")


def test_each_finding_is_located_at_its_own_node(write: Write) -> None:
    path = write("s.sch", schema_text("""<sch:pattern>
        <sch:rule context="@kind"><sch:report test=". = 'x'">attribute</sch:report></sch:rule>
        <sch:rule context="a/text()"><sch:report test=". = 'two'">text</sch:report></sch:rule>
        <sch:rule context="a"><sch:report test="@n = '2'">element</sch:report></sch:rule>
      </sch:pattern>"""))
    found = {i.message: (i.line, i.column) for i in run(path)}
    assert found == {"attribute": position(DOC, 'kind="x"'), "text": position(DOC, "two"),
                     "element": position(DOC, '<a n="2"')}


def test_message_whitespace_and_ids_in_the_hint(write: Write) -> None:
    path = write("s.sch", schema_text("""<sch:pattern id="pat">
      <sch:rule context="b" id="rul"><sch:assert test="@n" id="chk">
          needs
          a number</sch:assert></sch:rule></sch:pattern>"""))
    (issue,) = run(path)
    assert issue.message == "needs a number"
    assert issue.hint == "pattern pat; rule rul; assert chk; context: b; test: @n"


def test_a_test_that_fails_to_run_is_an_error_at_its_node(write: Write) -> None:
    path = write("s.sch", schema_text("""<sch:pattern><sch:rule context="a">
        <sch:report test="xs:integer(.) = 1">never</sch:report></sch:rule></sch:pattern>"""))
    issues = run(path)
    assert [i.severity for i in issues] == ["error", "error"]
    assert issues[0].message.startswith("a Schematron test failed to run here")
    assert (issues[0].line, issues[0].column) == position(DOC, '<a n="1"')


def test_a_wrong_xpath_is_a_schema_error(write: Write) -> None:
    path = write("s.sch", schema_text("""<sch:pattern><sch:rule context="a">
        <sch:assert test="count(">x</sch:assert></sch:rule></sch:pattern>"""))
    with pytest.raises(SchemaError, match="cannot be compiled"):
        run(path)


def test_pattern_lets_with_the_same_name_stay_apart(write: Write) -> None:
    path = write("s.sch", schema_text("""
      <sch:pattern><sch:let name="v" value="'first'"/>
        <sch:rule context="b"><sch:report test="true()"><sch:value-of select="$v"/></sch:report>
        </sch:rule></sch:pattern>
      <sch:pattern><sch:let name="v" value="count(a)"/>
        <sch:rule context="b"><sch:report test="true()"><sch:value-of select="$v"/></sch:report>
        </sch:rule></sch:pattern>"""))
    assert messages(run(path)) == ["0", "first"]  # count(a) from the document node: 0


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


def test_a_failing_let_spoils_only_its_rule(write: Write) -> None:
    path = write("s.sch", schema_text("""<sch:pattern><sch:rule context="b">
        <sch:let name="bad" value="xs:integer(@kind)"/>
        <sch:report test="$bad = 1">uses it</sch:report></sch:rule></sch:pattern>
        <sch:pattern><sch:rule context="b"><sch:report test="@kind">other rule</sch:report>
        </sch:rule></sch:pattern>"""))
    issues = run(path)
    assert [i.message.split(":")[0] for i in issues] == [
        "a Schematron test failed to run here", "other rule"]
    assert (issues[0].line, issues[0].column) == position(DOC, "<b ")


def test_a_failing_global_let_is_one_error_for_the_document(write: Write) -> None:
    path = write("s.sch", schema_text("""<sch:let name="bad" value="xs:integer(/doc/b/@kind)"/>
        <sch:pattern><sch:rule context="b"><sch:report test="$bad">x</sch:report></sch:rule>
        </sch:pattern>"""))
    (issue,) = run(path)
    assert issue.severity == "error" and "stopped on this document" in issue.message

"""The compiled stylesheet's ISO semantics: first matching rule, lets, phases, ns,
xsl:function, messages."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tei_kirov.validation import SchemaError
from tei_kirov.validation.schematron.compiler import elements_only

from ..conftest import position
from .conftest import DOC, messages, run, schema_text

Write = Callable[..., str]


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


def test_pattern_lets_with_the_same_name_stay_apart(write: Write) -> None:
    path = write("s.sch", schema_text("""
      <sch:pattern><sch:let name="v" value="'first'"/>
        <sch:rule context="b"><sch:report test="true()"><sch:value-of select="$v"/></sch:report>
        </sch:rule></sch:pattern>
      <sch:pattern><sch:let name="v" value="count(a)"/>
        <sch:rule context="b"><sch:report test="true()"><sch:value-of select="$v"/></sch:report>
        </sch:rule></sch:pattern>"""))
    assert messages(run(path)) == ["0", "first"]  # count(a) from the document node: 0


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


@pytest.mark.parametrize("contexts, expected", [
    (["tei:p", "tei:*[@when]", "tei:div[text() = '@x']", "/", "//t:gap", "a | b/c"], True),
    (["tei:p/@n"], False), (["tei:p/text()"], False), (["node()"], False),
    (["tei:p", ".[@x]"], False), (["key('k', 'v')"], False), (["$nodes"], False),
    (["processing-instruction()"], False), (["comment()"], False),
    (["attribute(xml:id)"], False)])
def test_the_walk_skips_other_nodes_only_when_no_rule_can_match_them(
        contexts: list[str], expected: bool) -> None:
    assert elements_only(contexts) is expected

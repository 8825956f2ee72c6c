"""Findings as issues: roles, positions, hints, tests that fail to run."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tei_kirov.validation import SchemaError, load_schema, validate

from ..conftest import position
from .conftest import DOC, run, schema_text

Write = Callable[..., str]


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
    with pytest.raises(SchemaError, match=r"cannot be compiled.*\(.*s\.sch:3\): XPST0003"):
        run(path)


def test_subject_moves_the_finding(write: Write) -> None:
    path = write("s.sch", schema_text("""<sch:pattern><sch:rule context="doc">
        <sch:report test="b" subject="b/@kind">has b</sch:report></sch:rule></sch:pattern>"""))
    (issue,) = run(path)
    assert (issue.line, issue.column) == position(DOC, 'kind="x"')


def test_a_namespaced_attribute_is_located_as_written(write: Write) -> None:
    path = write("s.sch", schema_text("""<sch:pattern><sch:rule context="@xml:id">
        <sch:report test="starts-with(., '1')">bad id</sch:report></sch:rule></sch:pattern>"""))
    doc = '<doc>\n  <a xml:id="ok"/>\n  <a n="2"   xml:id="1x"/>\n</doc>'
    (issue,) = run(path, doc)
    assert (issue.line, issue.column) == position(doc, 'xml:id="1x"')
    assert issue.xpath == "/doc/a[2]"


def test_text_after_a_child_is_located_there(write: Write) -> None:
    path = write("s.sch", schema_text("""<sch:pattern><sch:rule context="p/text()">
        <sch:report test="contains(., 'late')">found</sch:report></sch:rule></sch:pattern>"""))
    doc = "<doc><p>early <hi>x</hi>\n  and late</p></doc>"
    (issue,) = run(path, doc)
    assert (issue.line, issue.column) == (2, 3) and issue.xpath == "/doc/p"


def test_comments_and_processing_instructions_do_not_shift_positions(write: Write) -> None:
    path = write("s.sch", schema_text("""<sch:pattern><sch:rule context="b">
        <sch:report test="true()">here</sch:report></sch:rule></sch:pattern>"""))
    doc = "<doc><!-- c --><?pi x?><a/><!-- <b/> -->\n  <?pi <b/>?><b/></doc>"
    (issue,) = run(path, doc)
    assert (issue.line, issue.column) == (2, 14)


def test_findings_in_xincluded_content_name_the_included_file(write: Write) -> None:
    path = write("s.sch", schema_text("""<sch:pattern><sch:rule context="b">
        <sch:report test="@kind">found</sch:report></sch:rule></sch:pattern>"""))
    write("part.xml", '<part>\n  <b kind="y"/>\n</part>')
    main = write("main.xml", '<doc xmlns:xi="http://www.w3.org/2001/XInclude">\n'
                 '  <xi:include href="part.xml"/>\n</doc>')
    (issue,) = validate(main, schemas=[load_schema(path)], rules=False).issues
    assert issue.file.endswith("part.xml") and (issue.line, issue.column) == (2, 3)

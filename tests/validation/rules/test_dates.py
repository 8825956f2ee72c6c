"""TK202/TK204 apply to att.datable.w3c/.iso attributes only, on the elements carrying them."""

from __future__ import annotations

import pytest

from tei_kirov.validation import validate
from tei_kirov.validation.report import Issue
from tei_kirov.validation.rules.dates import datable

from ..conftest import position, seed

PB3 = '<pb n="3"/>'


def issues(text: str) -> list[Issue]:
    return validate(text, schemas=[], rules=True, name="rules.xml").issues


@pytest.mark.parametrize("markup", [
    '<locus from="1r" to="3v">ff. 1r-3v</locus>',              # folios
    '<biblScope unit="page" from="747" to="750">747-50</biblScope>',  # pages
    '<citedRange from="12" to="3">12-3</citedRange>',
    '<seg from="x" when="y">not datable</seg>',                 # no att.datable at all
])
def test_attributes_that_are_not_dates_are_not_checked(rules_text: str, markup: str) -> None:
    assert issues(seed(rules_text, PB3, PB3 + markup)) == []


@pytest.mark.parametrize("element", ["date", "origDate", "birth", "change", "time"])
def test_every_datable_element_is_checked(rules_text: str, element: str) -> None:
    text = seed(rules_text, PB3, PB3 + f'<{element} from="1r">x</{element}>')
    found = issues(text)
    assert [i.code for i in found] == ["TK202"]
    assert found[0].message.startswith(f'{element}/@from "1r" is not an ISO 8601 / W3C date')
    assert (found[0].line, found[0].column) == position(text, 'from="1r"')


def test_iso_attributes_accept_iso_8601_forms(rules_text: str) -> None:
    ok = seed(rules_text, PB3, PB3 + '<date when-iso="1934-W52">x</date>'
                                      '<date from-iso="P3D" to-iso="1934-12/1935">y</date>')
    assert issues(ok) == []
    bad = seed(rules_text, PB3, PB3 + '<date when-iso="winter 1934">x</date>')
    assert [(i.code, "@when-iso" in i.message) for i in issues(bad)] == [("TK202", True)]


@pytest.mark.parametrize(("start", "end", "backwards"), [
    ("1934-12", "1934", False),          # overlapping
    ("1934", "1934-01", False),
    ("1934-12-28", "1934-12-28", False),
    ("1934-12-29", "1934-12-28", True),
    ("1935", "1934-12-31", True),
    ("-0001", "-0002", True),
])
def test_range_order(rules_text: str, start: str, end: str, backwards: bool) -> None:
    text = seed(rules_text, 'from="1934" to="1935"', f'from="{start}" to="{end}"')
    assert [i.code for i in issues(text)] == (["TK204"] if backwards else [])


def test_range_order_of_iso_attributes(rules_text: str) -> None:
    text = seed(rules_text, PB3, PB3 + '<date notBefore-iso="1936" notAfter-iso="1935">x</date>')
    found = issues(text)
    assert [i.code for i in found] == ["TK204"]
    assert '@notBefore-iso "1936" is later than @notAfter-iso "1935"' in found[0].message


def test_table_knows_the_classes() -> None:
    table = datable()
    date = table["{http://www.tei-c.org/ns/1.0}date"]
    assert set(date[0]) == {"when", "notBefore", "notAfter", "from", "to"}
    assert "when-iso" in date[1]
    for not_datable in ("locus", "biblScope", "citedRange", "p", "seg", "pb"):
        assert "{http://www.tei-c.org/ns/1.0}" + not_datable not in table

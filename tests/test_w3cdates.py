"""The one date checker: lexical validity from elementpath's XSD 1.0 types, plus bounds and
range order. Property tests compare it with xmlschema (XSD 1.0) and with the profile XSD."""

from __future__ import annotations

import calendar

import pytest
import xmlschema
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from tei_kirov.profile import profile_schema
from tei_kirov.w3cdates import (
    W3C_TYPES,
    bounds,
    date_problems,
    iso_error,
    parse,
    runs_backwards,
    w3c_error,
)


def test_accepts_the_w3c_forms_tei_uses() -> None:
    for value in ("1934", "1934-12", "1934-12-28", "--12-17", "--12", "---17",
                  "1934-12-28T10:00:00", "10:00:00", "-0044-03-15", "2000-02-29", "1934Z",
                  "1934+14:00", "12345", " 1934 ", "1934-12-28T10:00:00.25-05:00"):
        assert w3c_error(value) is None, value


def test_rejects_malformed_and_impossible_values() -> None:
    for value in ("1934-13-45", "1934-12-1", "17 Dec 1934", "1926-27", "1934-02-30",
                  "1900-02-29", "0000", "", "1934-12-28T25:00:00", "1934-12-28T24:00:01",
                  "--12--", "1934-12-28 10:00:00"):
        assert w3c_error(value) is not None, value


@pytest.mark.parametrize(("value", "valid"), [
    ("24:00:00", True),               # XSD 1.0 allows the end of the day
    ("1934-12-28T24:00:00", True),
    ("1934+15:00", False),            # time zones run from -14:00 to +14:00
    ("1934+99:99", False),
    ("01934", False),                 # more than four digits: no leading zero
    ("-0001-02-29", False),           # not a leap year
    ("-0004-02-29", True),
])
def test_the_cases_the_three_old_checkers_disagreed_on(value: str, valid: bool) -> None:
    assert (w3c_error(value) is None) is valid
    assert (_profile_accepts(value)) is valid
    assert _xmlschema_accepts(value) is valid


def test_messages_say_what_is_wrong() -> None:
    assert "YYYY-MM-DD" in (w3c_error("17 Dec 1934") or "")
    assert "month must be in 1..12" in (w3c_error("1934-13-01") or "")
    assert "day is out of range" in (w3c_error("1934-02-30") or "")
    assert "time zone +15:00 is out of range" in (w3c_error("1934+15:00") or "")
    assert "leading zeroes" in (w3c_error("01934") or "")


def test_parse_names_the_type() -> None:
    assert parse("1934-12")[0] == "gYearMonth"  # type: ignore[index]
    assert parse("--12")[0] == "gMonth"  # type: ignore[index]
    assert parse("x") is None


def test_iso_values_accept_iso_8601_tokens() -> None:
    for value in ("1934-W52", "P3D", "1934-12/1935-01", "1934"):
        assert iso_error(value) is None, value
    for value in ("1r", "spring 1934", ""):
        assert iso_error(value) is not None, value


def test_bounds() -> None:
    assert bounds("1934") == ((1934, 1, 1), (1934, 12, 31))
    assert bounds("1934-02") == ((1934, 2, 1), (1934, 2, 28))
    assert bounds("1936-02") == ((1936, 2, 1), (1936, 2, 29))
    assert bounds("-0004-02") == ((-4, 2, 1), (-4, 2, 29))
    assert bounds("1934-12-28") == ((1934, 12, 28), (1934, 12, 28))
    assert bounds("1934-12-28T10:00:00") == ((1934, 12, 28), (1934, 12, 28))
    assert bounds("--12-17") is None
    assert bounds("1934-13") is None


def test_range_order() -> None:
    assert runs_backwards("1927", "1926")
    assert runs_backwards("1934-12-29", "1934-12-28")
    assert runs_backwards("-0001", "-0002")
    assert not runs_backwards("1926", "1927")
    assert not runs_backwards("1934-12", "1934")        # overlapping is fine
    assert not runs_backwards("1934", "1934-01")        # the same year, narrower end
    assert not runs_backwards("1934-12-28", "1934-12-28")
    assert not runs_backwards("--12-17", "--01-01")     # no year: no order
    assert not runs_backwards("1934-13", "1900")        # invalid: reported elsewhere
    assert not runs_backwards("1934", "--12-17")
    assert not runs_backwards("1934", "1934-02-30")


def test_date_problems() -> None:
    assert date_problems(from_="1927", to="1926") == ["@from 1927 is later than @to 1926"]
    assert date_problems(from_="1926", to="1927") == []
    assert date_problems(not_before="1925-02", not_after="1925-01") == [
        "@notBefore 1925-02 is later than @notAfter 1925-01"]
    assert date_problems(from_="1934-12", to="1934") == []
    assert date_problems(when="1934-13-01")[0].startswith('@when "1934-13-01" is not a valid')
    assert any("cannot be combined" in p for p in date_problems(when="1934", from_="1933"))
    assert any("@from" in p for p in date_problems(from_="1933", not_before="1932"))
    assert any("@to" in p for p in date_problems(to="1933", not_after="1934"))


# -- property tests: the checker against elementpath (via xmlschema) and the profile XSD ----

def _two(lo: int, hi: int) -> st.SearchStrategy[str]:
    return st.integers(lo, hi).map(lambda n: f"{n:02d}")


_YEAR = st.tuples(st.sampled_from(["", "-"]), st.integers(0, 120_000),
                  st.integers(3, 6)).map(lambda t: f"{t[0]}{t[1]:0{t[2]}d}")
_ZONE = st.one_of(st.just(""), st.just("Z"),
                  st.tuples(st.sampled_from("+-"), _two(0, 16), _two(0, 61))
                  .map(lambda t: f"{t[0]}{t[1]}:{t[2]}"))
_TIME = st.tuples(_two(0, 25), _two(0, 61), _two(0, 61),
                  st.sampled_from(["", ".5", ".000"])).map(lambda t: f"{t[0]}:{t[1]}:{t[2]}{t[3]}")
_MONTH, _DAY = _two(0, 13), _two(0, 32)
_VALUES = st.tuples(st.one_of(
    _YEAR,
    st.tuples(_YEAR, _MONTH).map("-".join),
    st.tuples(_YEAR, _MONTH, _DAY).map("-".join),
    st.tuples(_YEAR, _MONTH, _DAY, _TIME).map(lambda t: f"{t[0]}-{t[1]}-{t[2]}T{t[3]}"),
    _MONTH.map(lambda m: f"--{m}"),
    st.tuples(_MONTH, _DAY).map(lambda t: f"--{t[0]}-{t[1]}"),
    _DAY.map(lambda d: f"---{d}"),
    _TIME,
    st.text(alphabet="0123456789-:TZ+. W", max_size=12),
), _ZONE).map("".join)

_UNION = f"""<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:element name="d"><xs:simpleType>
    <xs:union memberTypes="{' '.join('xs:' + t for t in W3C_TYPES)}"/>
  </xs:simpleType></xs:element></xs:schema>"""
_XSD10 = xmlschema.XMLSchema10(_UNION)
_DOC = ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>t'
        '</title></titleStmt><publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p>'
        '</sourceDesc></fileDesc></teiHeader><text><body><p><date>x</date></p></body></text>'
        '</TEI>')


def _xmlschema_accepts(value: str) -> bool:
    return bool(_XSD10.is_valid(f"<d>{value}</d>"))  # the alphabet has no markup characters


def _profile_accepts(value: str) -> bool:
    """The verdict of the profile XSD (compiled by libxml2) on ``<date when="value">``."""
    tree = etree.fromstring(_DOC)
    tree.find(".//{http://www.tei-c.org/ns/1.0}date").set("when", value)  # type: ignore[union-attr]
    return bool(profile_schema().validate(tree))


@settings(max_examples=300, deadline=None)
@given(_VALUES)
def test_agrees_with_xmlschema_xsd_1_0(value: str) -> None:
    assert (w3c_error(value) is None) is _xmlschema_accepts(value), value


@settings(max_examples=300, deadline=None)
@given(_VALUES)
def test_agrees_with_the_profile_xsd(value: str) -> None:
    assert (w3c_error(value) is None) is _profile_accepts(value), value


@settings(max_examples=200, deadline=None)
@given(st.tuples(_YEAR, _MONTH).map("-".join))
def test_bounds_cover_exactly_the_valid_days(value: str) -> None:
    covered = bounds(value)
    if w3c_error(value) is not None:
        assert covered is None
        return
    assert covered is not None
    (year, month, first), (_, _, last) = covered
    assert first == 1
    assert w3c_error(f"{value}-{last:02d}") is None
    assert w3c_error(f"{value}-{last + 1:02d}") is not None


@given(st.integers(1, 9999), st.integers(1, 9999))
def test_years_run_backwards_exactly_when_the_first_is_later(a: int, b: int) -> None:
    assert runs_backwards(f"{a:04d}", f"{b:04d}") is (a > b)


@given(st.integers(1, 9999), st.integers(1, 12), st.integers(1, 9999))
def test_a_month_overlaps_its_own_year(year: int, month: int, other: int) -> None:
    ym = f"{year:04d}-{month:02d}"
    assert not runs_backwards(ym, f"{year:04d}")
    assert not runs_backwards(f"{year:04d}", ym)
    assert runs_backwards(ym, f"{other:04d}") is (year > other)
    last = 29 if month == 2 and calendar.isleap(year) else calendar.monthrange(2001, month)[1]
    assert bounds(ym) == ((year, month, 1), (year, month, last))

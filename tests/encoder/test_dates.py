import datetime as dt

from tei_kirov.encoder.dates import apply_dates, reference_date
from tei_kirov.models import Date, P

REF = dt.date(1934, 12, 28)


def _dates(text: str, ref: dt.date | None = REF) -> list[tuple[str, dict[str, str]]]:
    p = P(text)
    found = apply_dates(p, ref)
    keys = ("when", "from_", "to", "not_before", "not_after", "cert", "evidence", "resp")
    return [(d.text(), {k: getattr(d, k) for k in keys if getattr(d, k)}) for d in found]


def test_full_dates_months_and_years():
    assert _dates("On July 20, 1931, in February, 1956, (Jan. 1928) and in 1926.") == [
        ("July 20, 1931", {"when": "1931-07-20"}), ("February, 1956", {"when": "1956-02"}),
        ("Jan. 1928", {"when": "1928-01"}), ("1926", {"when": "1926"})]


def test_ranges_and_vague_dates():
    assert _dates("during 1923-25, in 1926-27, at the end of 1934") == [
        ("1923-25", {"from_": "1923", "to": "1925"}), ("1926-27", {"from_": "1926", "to": "1927"}),
        ("end of 1934", {"not_before": "1934-10-01", "not_after": "1934-12-31"})]


def test_year_inferred_from_the_dateline():
    inferred = {"cert": "high", "evidence": "internal", "resp": "#enc"}
    assert _dates("On December 17, a dispatch") == [
        ("December 17", {"when": "1934-12-17", **inferred})]
    assert _dates("in March 3 of the year", dt.date(1935, 1, 5)) == [
        ("March 3", {"when": "1934-03-03", **inferred})]
    assert _dates("On December 17", None) == [("December 17", {"when": "--12-17"})]


def test_numbers_that_are_not_dates():
    assert _dates("for 25-30 and more years, 5,000 roubles, 170 million, the 14th, 9-15.") == []


def test_impossible_days_are_left_alone():
    assert _dates("February 30, 1934") == []


def test_reference_date():
    assert reference_date("December 28, 1934.") == REF
    assert reference_date("no date") is None
    assert Date

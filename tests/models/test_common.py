"""Datable.problems() uses the one date checker (tei_kirov.w3cdates)."""

from __future__ import annotations

from tei_kirov.models import Date


def test_problems_follow_xsd_1_0() -> None:
    assert Date("x", when="24:00:00").problems() == []
    assert Date("x", when="1934-12-28T24:00:00").problems() == []
    for bad in ("1934+15:00", "01934", "-0001-02-29", "1934-13-45"):
        problems = Date("x", when=bad).problems()
        assert len(problems) == 1 and problems[0].startswith(f'@when "{bad}"'), problems


def test_problems_report_ranges_and_combinations() -> None:
    assert Date("x", from_="1936", to="1935").problems() == ["@from 1936 is later than @to 1935"]
    assert Date("x", from_="1934-12", to="1934").problems() == []
    assert Date("x", when="1934", not_after="1935").problems() == [
        "@when cannot be combined with @from, @to, @notBefore or @notAfter"]

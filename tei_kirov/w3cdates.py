"""Checks of W3C (XSD) date values as TEI's ``att.datable.w3c`` uses them. Pure functions."""

from __future__ import annotations

import calendar
import re

_DATE = re.compile(
    r"^(?P<year>-?\d{4,})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2})"
    r"(?:T(?P<time>\d{2}:\d{2}:\d{2}(?:\.\d+)?))?)?)?(?P<tz>Z|[+-]\d{2}:\d{2})?$"
)
_GMONTHDAY = re.compile(r"^--(?P<month>\d{2})(?:-(?P<day>\d{2}))?(?P<tz>Z|[+-]\d{2}:\d{2})?$")
_GDAY = re.compile(r"^---(?P<day>\d{2})(?P<tz>Z|[+-]\d{2}:\d{2})?$")
_TIME = re.compile(r"^(?P<time>\d{2}:\d{2}:\d{2}(?:\.\d+)?)(?P<tz>Z|[+-]\d{2}:\d{2})?$")


def _time_ok(value: str | None) -> bool:
    if value is None:
        return True
    hours, minutes, seconds = value.split(":")
    return int(hours) < 24 and int(minutes) < 60 and float(seconds) < 60


def w3c_error(value: str) -> str | None:
    """Why ``value`` is not a W3C date/time value TEI accepts in ``@when`` and its kin, or
    ``None`` when it is one (``1934``, ``1934-12``, ``1934-12-28``, ``--12-17``, ``---17``,
    ``1934-12-28T10:00:00``, ``10:00:00``, with an optional time zone)."""
    m = _DATE.match(value)
    if m:
        year = int(m["year"])
        if year == 0:
            return f'"{value}": year 0000 does not exist in XSD dates'
        if m["month"] is not None and not 1 <= int(m["month"]) <= 12:
            return f'"{value}": month {m["month"]} is not between 01 and 12'
        if m["day"] is not None:
            last = calendar.monthrange(abs(year) if year > 0 else 2000, int(m["month"]))[1]
            if not 1 <= int(m["day"]) <= last:
                return f'"{value}": day {m["day"]} does not exist in that month'
        if not _time_ok(m["time"]):
            return f'"{value}": the time of day is out of range'
        return None
    m = _GMONTHDAY.match(value)
    if m:
        month = int(m["month"])
        if not 1 <= month <= 12:
            return f'"{value}": month {m["month"]} is not between 01 and 12'
        if m["day"] is not None and not 1 <= int(m["day"]) <= calendar.monthrange(2000, month)[1]:
            return f'"{value}": day {m["day"]} does not exist in that month'
        return None
    m = _GDAY.match(value)
    if m:
        return None if 1 <= int(m["day"]) <= 31 else f'"{value}": day out of range'
    m = _TIME.match(value)
    if m:
        return None if _time_ok(m["time"]) else f'"{value}": the time of day is out of range'
    return (f'"{value}" is not an ISO 8601 / W3C date; write YYYY, YYYY-MM, YYYY-MM-DD '
            f'(or --MM-DD when the year is unknown)')


def bounds(value: str) -> tuple[tuple[int, int, int], tuple[int, int, int]] | None:
    """The first and last day a year, month or day value covers, as (y, m, d) tuples;
    ``None`` for values without a year or that are invalid."""
    m = _DATE.match(value)
    if not m or w3c_error(value):
        return None
    year = int(m["year"])
    if m["month"] is None:
        return (year, 1, 1), (year, 12, 31)
    month = int(m["month"])
    if m["day"] is None:
        last = calendar.monthrange(abs(year) or 2000, month)[1]
        return (year, month, 1), (year, month, last)
    day = int(m["day"])
    return (year, month, day), (year, month, day)


def date_problems(
    *,
    when: str | None = None,
    not_before: str | None = None,
    not_after: str | None = None,
    from_: str | None = None,
    to: str | None = None,
) -> list[str]:
    """Every problem with a set of datable attributes: malformed values, ranges that run
    backwards, and combinations TEI forbids."""
    problems: list[str] = []
    named = {"when": when, "notBefore": not_before, "notAfter": not_after,
             "from": from_, "to": to}
    for name, value in named.items():
        if value is not None:
            error = w3c_error(value)
            if error:
                problems.append(f"@{name} {error}")
    for start_name, end_name in (("from", "to"), ("notBefore", "notAfter")):
        start, end = named[start_name], named[end_name]
        if start is None or end is None:
            continue
        first, last = bounds(start), bounds(end)
        if first is not None and last is not None and first[0] > last[1]:
            problems.append(f"@{start_name} {start} is later than @{end_name} {end}")
    if when is not None and any(v is not None for v in (not_before, not_after, from_, to)):
        problems.append("@when cannot be combined with @from, @to, @notBefore or @notAfter")
    if from_ is not None and not_before is not None:
        problems.append("@from cannot be combined with @notBefore")
    if to is not None and not_after is not None:
        problems.append("@to cannot be combined with @notAfter")
    return problems

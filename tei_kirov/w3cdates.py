"""W3C (XSD 1.0) date values as TEI's ``att.datable.w3c`` and ``att.datable.iso`` use them.

Whether a value is lexically valid comes from elementpath's XSD 1.0 datatypes, the ones
xmlschema validates with (TEI's RELAX NG uses XSD 1.0 datatypes too). This module adds only
what XSD does not give: the days a value covers (:func:`bounds`), whether a range runs
backwards (:func:`runs_backwards`), and the combinations of attributes TEI forbids.
The profile XSD (``profile/build.py``), ``Datable.problems()`` and the validator's date
rules all use these functions.
"""

from __future__ import annotations

import calendar
import functools
import re
from typing import Any

#: The XSD types of ``teidata.temporal.w3c``, in TEI's order; the profile's ``w3cDate``
#: union is generated from this list.
W3C_TYPES = ("date", "gYear", "gMonth", "gDay", "gYearMonth", "gMonthDay", "time", "dateTime")
#: The extra branch of ``teidata.temporal.iso``: an ISO 8601 token (weeks, durations,
#: intervals ...) that XSD has no type for.
ISO_TOKEN = re.compile(r"[0-9.,DHMPRSTWYZ/:+\-]+")
_XSD_SPACE = " \t\n\r"
_TIME_ZONE = re.compile(r"(Z|[+-]\d{2}:\d{2})$")
_YEARLESS = {"gMonth", "gDay", "gMonthDay", "time"}
_HINT = "write YYYY, YYYY-MM or YYYY-MM-DD (or --MM-DD when the year is unknown)"

Day = tuple[int, int, int]


@functools.lru_cache(maxsize=1)
def _datatypes() -> dict[str, Any]:
    """XSD type name -> elementpath class (imported on first use: it takes 0.1 s)."""
    from elementpath import datatypes as dt

    return {"date": dt.Date10, "gYear": dt.GregorianYear10, "gMonth": dt.GregorianMonth,
            "gDay": dt.GregorianDay, "gYearMonth": dt.GregorianYearMonth10,
            "gMonthDay": dt.GregorianMonthDay, "time": dt.Time, "dateTime": dt.DateTime10}


def _collapse(value: str) -> str:
    # XSD's whitespace="collapse": leading and trailing blanks never matter; inner ones
    # make any date value invalid anyway.
    return value.strip(_XSD_SPACE)


def parse(value: str) -> tuple[str, Any] | None:
    """``(xsd type name, elementpath value)`` for the first W3C type that accepts
    ``value``; ``None`` when none does."""
    text = _collapse(value)
    for name, cls in _datatypes().items():
        if cls.pattern.match(text) is None:
            continue
        try:
            return name, cls.fromstring(text)
        except ValueError:
            continue
    return None


def _reason(text: str) -> str | None:
    """What is wrong with a value shaped like some W3C type (None when none fits)."""
    for name, cls in _datatypes().items():
        if cls.pattern.match(text) is None:
            continue
        try:
            cls.fromstring(text)
        except ValueError as exc:
            said = str(exc)
            if said.startswith("Invalid datetime string"):
                inner = re.search(r"\(([^)]*)\)$", said)
                said = inner.group(1) if inner else f"not a valid xs:{name}"
            return f"not a valid xs:{name}: {said}"
    return None


def w3c_error(value: str) -> str | None:
    """Why ``value`` is not a W3C date/time value (``xs:date``, ``gYear``, ``gYearMonth``,
    ``gMonth``, ``gMonthDay``, ``gDay``, ``time`` or ``dateTime``, XSD 1.0), or ``None``
    when it is one."""
    if parse(value) is not None:
        return None
    text = _collapse(value)
    reason = _reason(text)
    if reason:
        return f'"{value}" is {reason}'
    zone = _TIME_ZONE.search(text)
    if zone and zone.group(1) != "Z" and parse(text[:zone.start()]) is not None:
        return (f'"{value}": time zone {zone.group(1)} is out of range; write Z or an offset '
                "from -14:00 to +14:00")
    return f'"{value}" is not an ISO 8601 / W3C date; {_HINT}'


def iso_error(value: str) -> str | None:
    """Why ``value`` is not a ``teidata.temporal.iso`` value (a W3C value or an ISO 8601
    token such as ``1934-W52`` or ``P3D``), or ``None`` when it is one."""
    if parse(value) is not None or ISO_TOKEN.fullmatch(_collapse(value)):
        return None
    return (f'"{value}" is not an ISO 8601 date, time, week, duration or interval; '
            "use only digits and . , D H M P R S T W Y Z / : + -")


def _last_day(year: int, month: int) -> int:
    # elementpath's leap-year rule is the Gregorian one applied to the signed year
    # (-0004 is a leap year, -0001 is not); calendar.isleap agrees, monthrange does not
    # accept years before 1.
    return 29 if month == 2 and calendar.isleap(year) else calendar.monthrange(2001, month)[1]


def bounds(value: str) -> tuple[Day, Day] | None:
    """The first and last day a year, year-month, date or dateTime value covers, as
    ``(year, month, day)`` tuples (time zones ignored); ``None`` for values without a year
    and for invalid values."""
    parsed = parse(value)
    if parsed is None or parsed[0] in _YEARLESS:
        return None
    name, v = parsed
    if name == "gYear":
        return (v.year, 1, 1), (v.year, 12, 31)
    if name == "gYearMonth":
        return (v.year, v.month, 1), (v.year, v.month, _last_day(v.year, v.month))
    return (v.year, v.month, v.day), (v.year, v.month, v.day)


def runs_backwards(start: str, end: str) -> bool:
    """True when the range from ``start`` to ``end`` cannot hold: ``start`` begins after
    the last day ``end`` covers. Overlapping values (``1934-12`` to ``1934``) are fine;
    values without a year or invalid ones are never said to run backwards."""
    first, last = bounds(start), bounds(end)
    return first is not None and last is not None and first[0] > last[1]


#: The range pairs of ``att.datable.w3c``: (start, end).
RANGES = (("from", "to"), ("notBefore", "notAfter"))


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
    for start_name, end_name in RANGES:
        start, end = named[start_name], named[end_name]
        if start is not None and end is not None and runs_backwards(start, end):
            problems.append(f"@{start_name} {start} is later than @{end_name} {end}")
    if when is not None and any(v is not None for v in (not_before, not_after, from_, to)):
        problems.append("@when cannot be combined with @from, @to, @notBefore or @notAfter")
    if from_ is not None and not_before is not None:
        problems.append("@from cannot be combined with @notBefore")
    if to is not None and not_after is not None:
        problems.append("@to cannot be combined with @notAfter")
    return problems

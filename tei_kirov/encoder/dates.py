"""Pass 9 (model -> model): date expressions become ``date`` with ISO 8601 values.

Full dates (``December 28, 1934``) get ``@when``; months (``February, 1935``, ``Jan. 1928``)
``@when`` YYYY-MM; years ``@when`` YYYY; ranges (``1926-27``) ``@from``/``@to``; vague
expressions (``end of 1934``) ``@notBefore``/``@notAfter``. A month and day without a year
(``December 17``) takes the year of the reference date of its division (the dateline of the
article it stands in), the year before if the day falls after it; the inference is marked
with ``@cert``, ``@evidence`` and ``@resp``. The printed words are never changed."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..models import Container, Date, TeiHeader, Title
from .spans import Span, flatten, transform, wrap

MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"]
_ABBR = {"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9,
         "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12}
_M = "|".join(MONTH_NAMES)
_A = "|".join(sorted(_ABBR, key=len, reverse=True))
_YEAR = r"1[0-9]\d{2}|20\d{2}"

PATTERN = re.compile(
    rf"(?<![\w,.])(?:"
    rf"(?P<fm>{_M}|(?:{_A})\.)\s+(?P<fd>\d{{1,2}}),?\s+(?P<fy>{_YEAR})(?!\d)"
    rf"|(?P<mm>{_M}|(?:{_A})\.),?\s+(?P<my>{_YEAR})(?!\d)"
    rf"|(?P<dm>{_M})\s+(?P<dd>\d{{1,2}})(?!\d)(?!,?\s+\d)"
    rf"|(?P<part>end|beginning|middle)\s+of\s+(?P<py>{_YEAR})(?!\d)"
    rf"|(?P<ra>{_YEAR})[-–](?P<rb>\d{{4}}|\d{{2}})(?![\d-])"
    rf"|(?P<y>{_YEAR})(?![\d-]|,\d)"
    rf")"
)

_PARTS = {"beginning": ("01-01", "03-31"), "middle": ("05-01", "08-31"),
          "end": ("10-01", "12-31")}


def month_number(name: str) -> int:
    name = name.rstrip(".")
    return MONTH_NAMES.index(name) + 1 if name in MONTH_NAMES else _ABBR[name]


def attributes(m: re.Match[str], ref: dt.date | None, resp: str = "#enc") -> dict[str, str]:
    """The ``date`` attributes for one match."""
    if m.group("fm"):
        return {"when": f"{int(m['fy']):04d}-{month_number(m['fm']):02d}-{int(m['fd']):02d}"}
    if m.group("mm"):
        return {"when": f"{int(m['my']):04d}-{month_number(m['mm']):02d}"}
    if m.group("dm"):
        month, day = month_number(m["dm"]), int(m["dd"])
        if ref is None:
            return {"when": f"--{month:02d}-{day:02d}"}
        year = ref.year if (month, day) <= (ref.month, ref.day) else ref.year - 1
        return {"when": f"{year:04d}-{month:02d}-{day:02d}", "cert": "high",
                "evidence": "internal", "resp": resp}
    if m.group("part"):
        first, last = _PARTS[m["part"]]
        return {"not_before": f"{m['py']}-{first}", "not_after": f"{m['py']}-{last}"}
    if m.group("ra"):
        start, end = m["ra"], m["rb"]
        if len(end) == 2:
            end = start[:2] + end
        return {"from_": start, "to": end}
    return {"when": m["y"]}


def valid(attrs: dict[str, str]) -> bool:
    """Whether the values name real days (``February 30`` does not)."""
    for key in ("when", "not_before", "not_after"):
        value = attrs.get(key, "")
        parts = value.split("-")
        if len(parts) == 3 and parts[0]:
            try:
                dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
            except ValueError:
                return False
    return not ("from_" in attrs and attrs["from_"] > attrs["to"])


def reference_date(text: str) -> dt.date | None:
    """The first full date in ``text`` (a dateline), or ``None``."""
    m = re.search(rf"({_M})\s+(\d{{1,2}}),?\s+(\d{{4}})", text)
    if not m:
        return None
    try:
        return dt.date(int(m.group(3)), month_number(m.group(1)), int(m.group(2)))
    except ValueError:
        return None


def apply_dates(root: Container, ref: dt.date | None = None, resp: str = "#enc",
                found: list[Date] | None = None) -> list[Date]:
    """Run the pass below ``root`` with ``ref`` as the reference date."""
    found = found if found is not None else []

    def fn(node: Container) -> list[Any]:
        if isinstance(node, Title):
            return node.content
        flat, _ = flatten(node.content)
        spans: list[Span] = []
        for m in PATTERN.finditer(flat):
            attrs = attributes(m, ref, resp)
            if not valid(attrs):
                continue

            def factory(content: list[Any], attrs: dict[str, str] = attrs) -> Date:
                date = Date(*content, **attrs)
                found.append(date)
                return date
            spans.append((m.start(), m.end(), factory))
        return wrap(node.content, spans)

    transform(root, fn, skip=(TeiHeader, Date))
    return found

"""Rules about dates (TK202, TK204): ISO 8601 / W3C values and ranges that run backwards."""

from __future__ import annotations

from collections.abc import Iterator

from ...w3cdates import bounds, w3c_error
from ..positions import qname
from . import Context, Finding, rule

DATE_ATTRS = ("when", "notBefore", "notAfter", "from", "to")
_ISO_ATTRS = ("when-iso", "notBefore-iso", "notAfter-iso", "from-iso", "to-iso")


@rule("TK202", "invalid-date", "error",
      "@when, @notBefore, @notAfter, @from or @to is not a valid ISO 8601 (W3C) date")
def invalid_dates(ctx: Context) -> Iterator[Finding]:
    for e in ctx.elements:
        if not e.attrib:
            continue
        for attribute in DATE_ATTRS:
            value = e.get(attribute)
            if value is None:
                continue
            problem = w3c_error(value.strip())
            if problem:
                yield Finding(e, f"{qname(e)}/@{attribute} {problem}", attribute,
                              "write YYYY, YYYY-MM or YYYY-MM-DD with a real month and day")


@rule("TK204", "date-range-order", "error",
      "a date range runs backwards: @from after @to, or @notBefore after @notAfter")
def range_order(ctx: Context) -> Iterator[Finding]:
    for e in ctx.elements:
        if not e.attrib:
            continue
        for start, end in (("from", "to"), ("notBefore", "notAfter")):
            first, last = e.get(start), e.get(end)
            if first is None or last is None:
                continue
            a, b = bounds(first.strip()), bounds(last.strip())
            if a is not None and b is not None and a[0] > b[1]:
                yield Finding(e, f'{qname(e)}/@{start} "{first}" is later than @{end} "{last}"',
                              start, "swap the two values, or correct one of them")

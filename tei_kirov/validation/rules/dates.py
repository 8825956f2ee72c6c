"""Rules about dates (TK202, TK204), applied only where TEI says an attribute is a date: the
attributes of ``att.datable.w3c`` and ``att.datable.iso`` on the elements that carry them
(``tei_kirov/data/datable.json``, generated from tei_all by ``datable_build``). So
``locus/@from="1r"`` or ``biblScope/@from="747"`` are never read as dates."""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator

from ...w3cdates import RANGES, iso_error, runs_backwards, w3c_error
from ..positions import qname
from . import Context, Finding, T, rule
from .datable_build import table_path


@functools.lru_cache(maxsize=1)
def datable() -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """TEI element (Clark name) -> (its att.datable.w3c attributes, its att.datable.iso
    attributes), from the shipped table."""
    table = json.loads(table_path().read_text(encoding="utf-8"))
    return {T + name: (tuple(kinds["w3c"]), tuple(kinds["iso"]))
            for name, kinds in table["elements"].items()}


@rule("TK202", "invalid-date", "error",
      "an att.datable.w3c attribute (@when, @notBefore, @notAfter, @from, @to) is not a W3C "
      "date, or an att.datable.iso one (@when-iso ...) is not ISO 8601")
def invalid_dates(ctx: Context) -> Iterator[Finding]:
    table = datable()
    for e in ctx.elements:
        carried = table.get(e.tag) if e.attrib else None
        if carried is None:
            continue
        w3c, iso = carried
        for attribute in w3c:
            value = e.get(attribute)
            problem = w3c_error(value) if value is not None else None
            if problem:
                yield Finding(e, f"{qname(e)}/@{attribute} {problem}", attribute,
                              "write YYYY, YYYY-MM or YYYY-MM-DD with a real month and day")
        for attribute in iso:
            value = e.get(attribute)
            problem = iso_error(value) if value is not None else None
            if problem:
                yield Finding(e, f"{qname(e)}/@{attribute} {problem}", attribute,
                              "write an ISO 8601 date such as 1934-12-28, 1934-W52 or P3D")


@rule("TK204", "date-range-order", "error",
      "a date range runs backwards: @from after @to, or @notBefore after @notAfter "
      "(and their -iso forms)")
def range_order(ctx: Context) -> Iterator[Finding]:
    table = datable()
    for e in ctx.elements:
        carried = table.get(e.tag) if e.attrib else None
        if carried is None:
            continue
        for kind_attributes, suffix in zip(carried, ("", "-iso"), strict=True):
            for start_name, end_name in RANGES:
                start, end = start_name + suffix, end_name + suffix
                if start not in kind_attributes or end not in kind_attributes:
                    continue
                first, last = e.get(start), e.get(end)
                if first is not None and last is not None and runs_backwards(first, last):
                    yield Finding(e, f'{qname(e)}/@{start} "{first}" is later than '
                                     f'@{end} "{last}"',
                                  start, "swap the two values, or correct one of them")

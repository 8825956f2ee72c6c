"""Rules about content and order (TK207 empty elements, TK208 page-break order)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..positions import qname
from . import Context, Finding, rule

_ROMAN = re.compile(r"^(?=[ivxlcdm]+$)m{0,4}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}


@rule("TK207", "empty-element", "warning", "a head, p or div has neither text nor elements")
def empty_elements(ctx: Context) -> Iterator[Finding]:
    for local in ("head", "p", "div"):
        for e in ctx.tei(local):
            if len(e) == 0 and not (e.text or "").strip():
                yield Finding(e, f"<{qname(e)}> is empty", None,
                              "fill it in or remove it")


def _roman(value: str) -> int | None:
    v = value.lower()
    if not v or not _ROMAN.match(v):
        return None
    total = 0
    for i, ch in enumerate(v):
        n = _ROMAN_VALUES[ch]
        total += -n if i + 1 < len(v) and _ROMAN_VALUES[v[i + 1]] > n else n
    return total


def page_number(value: str) -> tuple[str, int] | None:
    """(kind, number) of a page number written in arabic or roman numerals."""
    value = value.strip()
    if value.isdigit():
        return "arabic", int(value)
    number = _roman(value)
    return ("roman", number) if number is not None else None


@rule("TK208", "pb-order", "warning",
      "pb/@n numbers do not increase through the document (per edition, per numbering kind)")
def pb_order(ctx: Context) -> Iterator[Finding]:
    last: dict[tuple[str, str], tuple[int, str]] = {}
    for pb in ctx.tei("pb"):
        n = pb.get("n")
        parsed = page_number(n) if n else None
        if parsed is None:
            continue
        key = (pb.get("ed", ""), parsed[0])
        previous = last.get(key)
        if previous is not None and parsed[1] <= previous[0]:
            yield Finding(pb, f'pb/@n "{n}" does not follow "{previous[1]}"', "n",
                          "page numbers should increase; check for a missing or swapped <pb/>")
        last[key] = (parsed[1], n or "")

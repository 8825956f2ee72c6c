"""Building HTML as lxml elements: every text and attribute value is escaped when the page
is serialised, once, so no call site can forget it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TypeAlias

from lxml.html import HtmlElement, builder

#: Phrasing content under construction: text and elements, in order.
Part: TypeAlias = "str | HtmlElement"
Nodes: TypeAlias = "list[Part]"


def h(tag: str, attrs: Mapping[str, str | None] | None = None,
      children: Iterable[Part] = ()) -> HtmlElement:
    """An HTML element ``tag`` with the attributes that are set (``None`` and ``""`` are
    left out) and ``children`` (text and elements) appended in order."""
    node: HtmlElement = builder.E(tag)
    for name, value in (attrs or {}).items():
        if value:
            node.set(name, value)
    append(node, children)
    return node


def append(node: HtmlElement, children: Iterable[Part]) -> None:
    """Append text and elements to ``node``: text goes into ``.text`` or the previous
    child's ``.tail``, as lxml keeps it."""
    for child in children:
        if isinstance(child, str):
            if not child:
                continue
            last = node[-1] if len(node) else None
            if last is None:
                node.text = (node.text or "") + child
            else:
                last.tail = (last.tail or "") + child
        else:
            node.append(child)


def joined(parts: Iterable[Part | Nodes], sep: str = "\n") -> Nodes:
    """``parts`` (single parts or runs of them) with ``sep`` text between them; empty runs
    and empty strings are dropped."""
    out: Nodes = []
    for part in parts:
        run = part if isinstance(part, list) else [part]
        run = [p for p in run if not isinstance(p, str) or p]
        if not run:
            continue
        if out and sep:
            out.append(sep)
        out.extend(run)
    return out


def strip(nodes: Nodes) -> Nodes:
    """``nodes`` without leading whitespace in its first text and trailing whitespace in
    its last (what ``str.strip`` did to the markup of a run)."""
    out = [n for n in nodes if not isinstance(n, str) or n]
    while out and isinstance(out[0], str):
        first = out[0].lstrip()
        if first:
            out[0] = first
            break
        out.pop(0)
    while out and isinstance(out[-1], str):
        last = out[-1].rstrip()
        if last:
            out[-1] = last
            break
        out.pop()
    return out


def is_blank(nodes: Nodes) -> bool:
    """Whether ``nodes`` is only whitespace text."""
    return not strip(nodes)

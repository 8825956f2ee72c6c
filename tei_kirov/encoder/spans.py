"""Span utilities shared by the inline passes.

A content list (strings and nodes) is *flattened* to one string in which every node stands as
one object-replacement character; passes find spans in that string with ordinary regular
expressions and :func:`wrap` rebuilds the content list with the spans turned into elements.
Nodes are atomic: a span may enclose a node but never cut one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ..models import Container, Node

#: Stands for one node in a flattened content list.
OBJ = "\ufffc"

#: A span: start, end (flat offsets) and a factory turning the enclosed content into a node.
Span = tuple[int, int, Callable[[list[Any]], Node]]


def flatten(content: Sequence[Any]) -> tuple[str, list[Any]]:
    """The flat string of ``content`` and its nodes in order."""
    parts: list[str] = []
    nodes: list[Any] = []
    for item in content:
        if isinstance(item, str):
            parts.append(item.replace(OBJ, ""))
        else:
            parts.append(OBJ)
            nodes.append(item)
    return "".join(parts), nodes


def unflatten(flat: str, nodes: Sequence[Any], start: int = 0, end: int | None = None,
              first_node: int | None = None) -> list[Any]:
    """The content list for ``flat[start:end]`` (nodes restored)."""
    end = len(flat) if end is None else end
    index = flat.count(OBJ, 0, start) if first_node is None else first_node
    out: list[Any] = []
    buf: list[str] = []
    for ch in flat[start:end]:
        if ch == OBJ:
            if buf:
                out.append("".join(buf))
                buf = []
            out.append(nodes[index])
            index += 1
        else:
            buf.append(ch)
    if buf:
        out.append("".join(buf))
    return out


def wrap(content: Sequence[Any], spans: Sequence[Span]) -> list[Any]:
    """``content`` with each (non-overlapping) span replaced by the node its factory makes."""
    if not spans:
        return list(content)
    flat, nodes = flatten(content)
    out: list[Any] = []
    pos = 0
    for start, end, factory in sorted(spans, key=lambda s: s[0]):
        if start < pos:
            raise ValueError(f"overlapping spans at offset {start}")
        out.extend(unflatten(flat, nodes, pos, start))
        out.append(factory(unflatten(flat, nodes, start, end)))
        pos = end
    out.extend(unflatten(flat, nodes, pos))
    return merge_strings(out)


def merge_strings(content: Sequence[Any]) -> list[Any]:
    """Adjacent strings joined, empty strings dropped."""
    out: list[Any] = []
    for item in content:
        if isinstance(item, str):
            if not item:
                continue
            if out and isinstance(out[-1], str):
                out[-1] += item
                continue
        out.append(item)
    return out


def transform(node: Container, fn: Callable[[Container], list[Any]],
              skip: tuple[type, ...] = ()) -> None:
    """Apply ``fn`` to the content of ``node`` and of every container below it, innermost
    first; containers of a class in ``skip`` (and all they contain) are left alone.
    ``fn`` gets the container and returns its new content."""
    if isinstance(node, skip):
        return
    for child in list(node.content):
        if isinstance(child, Container):
            transform(child, fn, skip)
    node.content = fn(node)

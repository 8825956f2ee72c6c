"""The whitespace policy both writers share (:mod:`.writer`, the lxml path, and
:mod:`.serialiser`, the fast path): where indentation goes between the children of an
element-only container."""

from __future__ import annotations

from typing import Any

#: One level of indentation in documents built in code.
INDENT = "  "


def whitespace_before(
    item: Any, content: list[Any], previous: str | None,
    indent_here: bool, from_file: bool, child_indent: str,
) -> str:
    """The whitespace written before ``item`` in an element-only container: what was read
    from the file; else the pretty indentation (built in code); else, for a node added to a
    container read from a file, the whitespace of its sibling before it."""
    private = item.__pydantic_private__  # (layout_of, inlined: once per child)
    layout = private.get("_layout") if private else None
    if layout is not None and layout.before is not None:
        return layout.before  # type: ignore[no-any-return]
    if indent_here:
        return child_indent
    if from_file:
        return previous if previous is not None else _first_known_ws(content)
    return ""


def _first_known_ws(content: list[Any]) -> str:
    for item in content:
        if not isinstance(item, str) and item._layout is not None and item._layout.before:
            return item._layout.before  # type: ignore[no-any-return]
    return ""

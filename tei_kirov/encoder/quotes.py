"""Pass 6 (model -> model): text in quotation marks becomes ``q`` (the marks stay inside, as
printed); single quotation marks inside a ``q`` become a nested ``q``. Block quotations were
made ``quote`` by the structure pass and are left as they are."""

from __future__ import annotations

import re
from typing import Any

from ..models import Container, Q, Quote, TeiHeader, Title
from .spans import OBJ, Span, flatten, transform, wrap

_SINGLE_OPEN = re.compile(r"(?<![\w’'])'(?=\w)")
_SINGLE_CLOSE = re.compile(r"(?<=[\w.,!?])'(?!\w)")


def quote_spans(flat: str) -> list[tuple[int, int]]:
    """Pairs of quotation marks in ``flat``: curly ones by nesting, straight ones in order
    (only when they pair up evenly). Spans that cross another are dropped."""
    pairs: list[tuple[int, int]] = []
    stack: list[int] = []
    for i, ch in enumerate(flat):
        if ch == "“":
            stack.append(i)
        elif ch == "”" and stack:
            start = stack.pop()
            if not stack:
                pairs.append((start, i + 1))
    straight = [i for i, ch in enumerate(flat) if ch == '"']
    if len(straight) % 2 == 0:
        pairs += [(straight[k], straight[k + 1] + 1) for k in range(0, len(straight), 2)]
    pairs.sort()
    kept: list[tuple[int, int]] = []
    for start, end in pairs:
        if kept and start < kept[-1][1]:
            continue
        kept.append((start, end))
    return kept


def single_spans(flat: str) -> list[tuple[int, int]]:
    """Pairs of single quotation marks (not apostrophes) in ``flat``."""
    spans: list[tuple[int, int]] = []
    pos = 0
    while True:
        opening = _SINGLE_OPEN.search(flat, pos)
        if not opening:
            return spans
        closing = _SINGLE_CLOSE.search(flat, opening.end())
        if not closing:
            return spans
        spans.append((opening.start(), closing.end()))
        pos = closing.end()


def _make_q(nested: bool) -> Any:
    def factory(content: list[Any]) -> Q:
        q = Q(*content)
        if not nested:
            flat, _ = flatten(q.content)
            inner = [s for s in single_spans(flat) if OBJ not in flat[s[0]:s[1]]]
            q.content = wrap(q.content, [(a, b, _make_q(True)) for a, b in inner])
        return q
    return factory


def apply_quotes(root: Container, counts: dict[str, int] | None = None) -> None:
    """Run the pass below ``root``."""
    counts = counts if counts is not None else {}

    def fn(node: Container) -> list[Any]:
        if isinstance(node, (Title, Q)):
            return node.content
        flat, _ = flatten(node.content)
        spans: list[Span] = [(a, b, _make_q(False)) for a, b in quote_spans(flat)]
        counts["q"] = counts.get("q", 0) + len(spans)
        return wrap(node.content, spans)

    transform(root, fn, skip=(TeiHeader, Quote))

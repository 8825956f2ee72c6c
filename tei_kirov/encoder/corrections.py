"""Pass 7 (model -> model): obvious OCR misreadings listed in the authority file become
``choice`` with the printed ``sic`` and the editor's ``corr``. The printed form is matched
whole-word, also where a page break (or any milestone) stands inside it."""

from __future__ import annotations

import re
from typing import Any

from ..models import Choice, Container, Corr, Sic, TeiHeader
from .spans import OBJ, Span, flatten, transform, wrap


def sic_pattern(sic: str) -> re.Pattern[str]:
    """A whole-word pattern for ``sic`` that lets one node stand between any two letters."""
    body = (OBJ + "?").join(re.escape(ch) for ch in sic)
    return re.compile(rf"(?<!\w){body}(?!\w)")


def apply_corrections(root: Container, corrections: list[tuple[str, str]], resp: str = "#enc",
                      found: list[str] | None = None) -> None:
    """Run the pass below ``root``; ``found`` collects the corrections made."""
    found = found if found is not None else []
    patterns = [(sic_pattern(sic), sic, corr) for sic, corr in corrections]

    def factory_for(corr: str) -> Any:
        def factory(content: list[Any]) -> Choice:
            return Choice(Sic(*content), Corr(corr, resp=resp, cert="high"))
        return factory

    def fn(node: Container) -> list[Any]:
        if not patterns:
            return node.content
        flat, _ = flatten(node.content)
        spans: list[Span] = []
        for pattern, sic, corr in patterns:
            for m in pattern.finditer(flat):
                if all(m.start() >= b or m.end() <= a for a, b, _ in spans):
                    spans.append((m.start(), m.end(), factory_for(corr)))
                    found.append(f"{sic} → {corr}")
        return wrap(node.content, spans)

    transform(root, fn, skip=(TeiHeader, Choice))

"""Pass 8 (model -> model): names of persons, places and organisations, titles of
periodicals and works, and foreign phrases, found by the surface forms of the authority file
and pointed at their records (``@ref="#id"``).

Forms match whole words only (``Trotsky`` never inside ``Trotskyism``), case-sensitively, a
form printed all in capitals too; at each position the longest form wins. Names inside a
periodical or book title are left alone (persons inside an article headline are tagged)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..models import (
    Choice,
    Container,
    Date,
    Foreign,
    Node,
    OrgName,
    PersName,
    PlaceName,
    TeiHeader,
    Title,
)
from .authority import Authority, Entry
from .spans import Span, flatten, transform, wrap

_TAGGED = (PersName, PlaceName, OrgName, Foreign, Date, Choice)


@dataclass
class NameStats:
    """Mentions found: per kind, and per record id."""

    kinds: Counter[str] = field(default_factory=Counter)
    ids: Counter[str] = field(default_factory=Counter)


def surface_forms(auth: Authority) -> list[tuple[str, Entry | tuple[str, str]]]:
    """Every form to look for with what it stands for, longest first."""
    forms: dict[str, Any] = {}
    for entry in auth.entries:
        for form in entry.forms:
            forms.setdefault(form, entry)
            forms.setdefault(form.upper(), entry)
    for phrase, lang in auth.foreign.items():
        forms.setdefault(phrase, ("foreign", lang))
    return sorted(forms.items(), key=lambda kv: (-len(kv[0]), kv[0]))


def build_pattern(forms: list[tuple[str, Any]]) -> re.Pattern[str] | None:
    """One alternation of all forms, whole words only."""
    if not forms:
        return None
    alternatives = "|".join(re.escape(form) for form, _ in forms)
    return re.compile(rf"(?<![\w'’])(?:{alternatives})(?!\w)")


def _factory(target: Any, stats: NameStats) -> Any:
    def factory(content: list[Any]) -> Node:
        if isinstance(target, tuple):
            stats.kinds["foreign"] += 1
            return Foreign(*content, xml_lang=target[1])
        stats.kinds[target.kind] += 1
        stats.ids[target.id] += 1
        ref = f"#{target.id}"
        if target.kind == "person":
            return PersName(*content, ref=ref)
        if target.kind == "place":
            return PlaceName(*content, ref=ref)
        if target.kind == "org":
            return OrgName(*content, ref=ref)
        return Title(*content, level=target.level, ref=ref, xml_lang=target.lang)
    return factory


def _is_person(target: Any) -> bool:
    return not isinstance(target, tuple) and target.kind == "person"


def apply_names(root: Container, auth: Authority, stats: NameStats | None = None) -> NameStats:
    """Run the pass below ``root``."""
    stats = stats if stats is not None else NameStats()
    forms = surface_forms(auth)
    lookup = dict(forms)
    pattern = build_pattern(forms)
    in_titles = build_pattern([(f, t) for f, t in forms if _is_person(t)])
    non_names = set(auth.non_names)

    def fn(node: Container) -> list[Any]:
        use = pattern
        if isinstance(node, Title):  # only persons, and only in article titles (headlines)
            use = in_titles if node.level == "a" else None
        if use is None:
            return node.content
        flat, _ = flatten(node.content)
        spans: list[Span] = []
        for m in use.finditer(flat):
            word = re.match(r"[\w-]+", flat[m.start():])
            if word and word.group(0) in non_names:
                continue
            spans.append((m.start(), m.end(), _factory(lookup[m.group(0)], stats)))
        return wrap(node.content, spans)

    transform(root, fn, skip=(TeiHeader, *_TAGGED))
    return stats

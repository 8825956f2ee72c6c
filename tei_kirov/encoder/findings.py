"""Collecting the ``--report`` items the element passes leave in the text: notes, dates and
names, each with the source line it was read from (found by its words, in reading order)."""

from __future__ import annotations

import re

from ..models import Container, Date, OrgName, PersName, PlaceName
from .notes import RawNote
from .report import Findings


class LineFinder:
    """Source lines of printed phrases, searched forward from the last one found (the
    passes meet them in reading order), then from the start."""

    def __init__(self, source: str) -> None:
        self.source = source.replace("\r\n", "\n")
        self.pos = 0

    def line_of(self, phrase: str) -> int:
        words = phrase.split()
        if not words:
            return 0
        pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
        m = pattern.search(self.source, self.pos) or pattern.search(self.source)
        if m is None:
            return 0
        self.pos = m.end()
        return self.source.count("\n", 0, m.start()) + 1


def _date_value(date: Date) -> str:
    keys = ("when", "from_", "to", "not_before", "not_after", "cert")
    names = {"from_": "from", "not_before": "notBefore", "not_after": "notAfter"}
    return " ".join(f"{names.get(k, k)}={getattr(date, k)}" for k in keys
                    if getattr(date, k, None))


def collect(root: Container, source: str, notes: list[RawNote], findings: Findings) -> None:
    """Add the notes, dates and names below ``root`` to ``findings``."""
    for note in notes:
        text = " ".join(note.text.split())
        findings.add("note", note.line, text, value=f"n={note.marker}",
                     note="also pointed to from a second marker" if note.pointed else "")
    finder = LineFinder(source)
    for date in root.iter(Date):
        printed = date.text()
        findings.add("date", finder.line_of(printed), printed, value=_date_value(date),
                     note="year inferred" if date.cert else "")
    finder = LineFinder(source)
    for kind, cls in (("person", PersName), ("place", PlaceName), ("org", OrgName)):
        finder.pos = 0
        for name in root.iter(cls):
            printed = name.text()
            findings.add("name", finder.line_of(printed), printed,
                         value=f"{kind} {name.get('ref') or ''}".strip())


"""Shared helpers for the validator's tests."""

from __future__ import annotations

from pathlib import Path

import pytest

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures"
REPO = HERE.parent.parent
SHARED = REPO.parent / "shared"
KIROV = REPO / "examples" / "kirov.xml"


def position(text: str, needle: str, nth: int = 1) -> tuple[int, int]:
    """1-based (line, column) of the nth occurrence of ``needle`` in ``text``."""
    offset = -1
    for _ in range(nth):
        offset = text.index(needle, offset + 1)
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def seed(text: str, old: str, new: str, count: int = 1) -> str:
    """Replace ``old`` (which must occur) by ``new``: one seeded fault."""
    assert old in text, f"fixture lacks {old!r}"
    return text.replace(old, new, count)


#: The ``<?xml-model?>`` that makes a document one of this project's (rules TK203/TK205 are
#: errors there, warnings in other projects' files).
PROFILE_PI = ('<?xml-model href="tei_kirov.xsd" type="application/xml" '
              'schematypens="http://www.w3.org/2001/XMLSchema"?>')


def own(text: str) -> str:
    """``text`` declaring the tei_kirov profile, after its XML declaration."""
    head, sep, rest = text.partition("?>\n") if text.startswith("<?xml ") else ("", "", text)
    return f"{head}{sep}{PROFILE_PI}\n{rest}"


@pytest.fixture(scope="session")
def rules_text() -> str:
    return (FIXTURES / "rules.xml").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "corpus" / "VERDICTS.tsv").is_file():
        pytest.skip(f"shared material not found at {SHARED} (the corpus and tei_all live there)")
    return SHARED

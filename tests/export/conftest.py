"""Fixtures of the export tests: the showcase edition and the small documents."""

from __future__ import annotations

from pathlib import Path

import pytest

import tei_kirov

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
FIXTURES = HERE / "fixtures"
KIROV = REPO / "examples" / "kirov.xml"
KIROV_SOURCE = REPO / "tei_kirov" / "data" / "kirov.txt"
LETTER = FIXTURES / "letter.xml"
PAMPHLET = FIXTURES / "pamphlet.xml"
MINIMAL = FIXTURES / "minimal.xml"


def kirov_path() -> Path:
    """The showcase edition (tracked by git: a missing file fails the tests)."""
    return KIROV


@pytest.fixture(scope="session")
def kirov():
    """The showcase edition, read once per session."""
    return tei_kirov.read(kirov_path())


@pytest.fixture(scope="session")
def letter():
    """A small second document: a letter with every feature the exports show."""
    return tei_kirov.read(LETTER)


@pytest.fixture(scope="session")
def pamphlet():
    """An excerpt encoded like the edition (title page, anchored note, cit, list)."""
    return tei_kirov.read(PAMPHLET)


@pytest.fixture(scope="session")
def minimal():
    """A document with nothing to index, no notes and no divisions."""
    return tei_kirov.read(MINIMAL)


@pytest.fixture(params=["kirov", "letter"], scope="session")
def edition(request):
    """Each export is tested on the showcase edition and on a small second document."""
    return request.getfixturevalue(request.param)

"""Shared fixtures: where the repository, the shared material and the examples are."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"
TEI_ALL_RNG = SHARED / "tei" / "tei_all.rng"
EXAMPLES = REPO / "examples"


def corpus_files() -> list[Path]:
    """Every TEI file of ../shared/corpus (empty when it is not there)."""
    return sorted(CORPUS.rglob("*.xml")) if CORPUS.is_dir() else []


@pytest.fixture(scope="session")
def corpus() -> list[Path]:
    files = corpus_files()
    if not files:
        pytest.skip(f"the shared corpus is not at {CORPUS}")
    return files


@pytest.fixture(scope="session")
def tei_all_relaxng():
    """The official tei_all RELAX NG schema, compiled once per session (about 5 s)."""
    from lxml import etree

    if not TEI_ALL_RNG.is_file():
        pytest.skip(f"the official TEI schema is not at {TEI_ALL_RNG}")
    return etree.RelaxNG(etree.parse(str(TEI_ALL_RNG)))

"""The development texts of ../shared/texts (tracked there: a missing one fails; only a
missing ../shared as a whole skips) and an independent check that their words are kept."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from lxml import etree

from ..conftest import SHARED
from .fidelity import edition_words

TEXTS = SHARED / "texts"
BEARD = "ocr-beard-nervous-exhaustion.txt"
HILL = "ocr-hill-cooper-venereal.txt"
PAINE = "paine-common-sense.txt"
DOUGLASS = "douglass-narrative.txt"


def dev_text(name: str) -> str:
    """The text of one development text (LF line ends kept as in the file)."""
    if not SHARED.is_dir():
        pytest.skip(f"the shared material is not at {SHARED}")
    return (TEXTS / name).read_text(encoding="utf-8")


def _words(text: str) -> Counter[str]:
    text = re.sub(r"[*_\-¹²³⁴⁵⁶⁷⁸⁹⁰]", "", text)  # markup, hyphens, note markers
    return Counter(text.split())


def source_words(source: str, removed: set[int]) -> Counter[str]:
    """The words of ``source`` without the lines numbered in ``removed`` (page furniture),
    words split by a hyphen at a line or page end counted whole (also a compound of names
    going on with a capital, ``Great-`` / ``Britain``), hyphens, asterisks and underscores (markup)
    ignored."""
    lines = source.replace("\r\n", "\n").split("\n")
    kept = "\n".join(line for n, line in enumerate(lines, 1) if n not in removed)
    kept = re.sub(r"(\w)-[ \t]*\n\s*(?=[a-z])", r"\1", kept)
    kept = re.sub(r"(\b[A-Z]\w*)-[ \t]*\n\s*(?=[A-Z][a-z])", r"\1", kept)
    return _words(kept)


def edition_counter(xml: str) -> Counter[str]:
    """The words of the edition's text, notes included, on the terms of :func:`source_words`."""
    flow, notes = edition_words(xml)
    return _words(" ".join([*flow, *(w for note in notes for w in note)]))


def header_counter(xml: str) -> Counter[str]:
    """The words of the edition's header (where e-text credits and notes may go)."""
    root = etree.fromstring(xml.encode("utf-8"))
    header = root.find("{http://www.tei-c.org/ns/1.0}teiHeader")
    return _words(" ".join(header.itertext())) if header is not None else Counter()

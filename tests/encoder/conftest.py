"""Shared fixtures of the encoder tests: the pamphlet encoded once per session, the invented
test pamphlet and its authority file."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures"
PRINTERS = FIXTURES / "printers.txt"
PRINTERS_AUTHORITY = FIXTURES / "printers-authority.xml"
PRINTERS_META = FIXTURES / "printers-meta.toml"


@pytest.fixture(scope="session")
def kirov():
    """(document, report, xml string) of the shipped pamphlet."""
    import tei_kirov
    from tei_kirov.encoder import encode_default

    doc, report = encode_default()
    return doc, report, tei_kirov.to_string(doc)


@pytest.fixture(scope="session")
def printers():
    """(document, report, xml string) of the invented test pamphlet, with its authority and
    metadata files."""
    import tei_kirov
    from tei_kirov.encoder import encode_with_report

    doc, report = encode_with_report(PRINTERS.read_text(encoding="utf-8"), PRINTERS_AUTHORITY,
                                     PRINTERS_META)
    return doc, report, tei_kirov.to_string(doc)

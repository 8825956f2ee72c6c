"""Every word of the source is in the edition, in order, and nothing is added outside
editorial elements (corr, reg, supplied, the header)."""

import pytest

from tei_kirov.encoder import default_text

from .conftest import PRINTERS
from .fidelity import edition_words, source_words


def _check(source: str, xml: str) -> None:
    words, notes = edition_words(xml)
    flow, note_blocks = source_words(source, notes)
    assert note_blocks == notes, "every note is a source block, in the same order"
    assert words == flow


def test_kirov_fidelity(kirov):
    _check(default_text(), kirov[2])
    assert len(edition_words(kirov[2])[1]) == 4


def test_printers_fidelity(printers):
    _check(PRINTERS.read_text(encoding="utf-8"), printers[2])


def test_the_check_catches_a_lost_or_added_word(kirov):
    xml = kirov[2]
    words, notes = edition_words(xml.replace("complete mystery", "mystery", 1))
    flow, _ = source_words(default_text(), notes)
    assert words != flow
    words, _ = edition_words(xml.replace("<corr ", "<seg ", 1).replace("</corr>", "</seg>", 1))
    with pytest.raises(AssertionError):
        assert words == flow

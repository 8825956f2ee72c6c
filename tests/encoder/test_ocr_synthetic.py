"""A synthetic raw-OCR essay (tests/encoder/fixtures/ocr-river-towns.txt, written for these
tests): hard-wrapped at about 60 characters, running heads that alternate (the title on even
pages, a shorter form on odd ones), page numbers alone on their lines, signature marks right
under the last text line of a page, words hyphenated at line ends and across pages, and
compounds of names split at their hyphen (``Great-`` / ``Britain`` at a line end,
``North-`` / ``Country`` across a page)."""

import re

import pytest
from lxml import etree

import tei_kirov
from tei_kirov.encoder import encode_with_report
from tei_kirov.encoder.ocr import prepare

from .conftest import FIXTURES
from .devtexts import edition_counter, source_words

TEI = "{http://www.tei-c.org/ns/1.0}"
SOURCE = (FIXTURES / "ocr-river-towns.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def edition():
    doc, _ = encode_with_report(SOURCE, b'<TEI xmlns="http://www.tei-c.org/ns/1.0"/>')
    return tei_kirov.to_string(doc)


def test_furniture_is_found():
    f = prepare(SOURCE).furniture
    assert f.paginated
    assert [t for _, t in f.running_heads] == ["THE TRADE OF THE RIVER TOWNS", "THE RIVER TOWNS",
                                               "THE TRADE OF THE RIVER TOWNS"]
    assert [t for _, t in f.page_numbers] == ["2", "3", "4"]
    assert [t for _, t in f.signatures] == ["B", "C"]
    assert [n for _, n in f.pages] == [2, 3, 4]


def test_page_breaks_kept_and_furniture_gone(edition):
    body = etree.fromstring(edition.encode("utf-8")).find(f"{TEI}text/{TEI}body")
    assert [pb.get("n") for pb in body.iter(f"{TEI}pb")] == ["2", "3", "4"]
    text = "".join(body.itertext())
    assert "RIVER TOWNS" not in text
    assert not re.search(r"\b[BC]\b", text)
    assert "water was high." in text


def test_words_split_at_line_and_page_ends(edition):
    assert 'A trav<lb break="no"/>eller' in edition
    assert 'the old<lb break="no"/>est members' in edition
    assert 'inland mar<pb n="3" break="no"/>kets' in edition


def test_compounds_of_names_keep_their_hyphen(edition):
    assert 'of Great-<lb break="no"/>Britain and' in edition
    assert 'the North-<pb n="4" break="no"/>Country, had' in edition


def test_every_word_is_kept(edition):
    f = prepare(SOURCE).furniture
    removed = {line for line, _ in f.running_heads + f.page_numbers + f.signatures}
    assert source_words(SOURCE, removed) == edition_counter(edition)

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


def _fused(text: str) -> str:
    """Page numbers printed on the running head's line (before it on even pages, after it
    on odd ones)."""
    for n in (2, 4):
        text = text.replace(f"THE TRADE OF THE RIVER TOWNS\n\n{n}\n", f"{n} THE TRADE OF THE "
                            "RIVER TOWNS\n")
    return text.replace("THE RIVER TOWNS\n\n3\n", "THE RIVER TOWNS 3\n")


def _numbers_at_the_foot(text: str) -> str:
    """Each page's number at its foot, under the signature mark, the running heads kept at
    the page tops."""
    pages = re.sub(r"\n\n([234])\n\n\n\n", "\n\n\n\n", text).split("\n\n\n\n")
    out = [pages[0]]
    for n, k in enumerate(range(1, len(pages), 2), start=1):
        out += ([pages[k - 1]] if k > 1 else []) + [f"{pages[k].rstrip()}\n\n{n}"]
    return "\n\n\n\n".join(out) + "\n"


#: The same essay with other conventions of page furniture.
VARIANTS = {
    "numbers at the foot": _numbers_at_the_foot,
    "no running heads": lambda t: re.sub(r"\n\n\n\n[A-Z ]+\n\n([234])\n", r"\n\n\n\n\1\n", t),
    "fused": _fused,
    "dashes": lambda t: re.sub(r"\n([234])\n", r"\n- \1 -\n", t),
    "page": lambda t: re.sub(r"\n([234])\n", r"\nPage \1\n", t),
    # pdftotext: a form feed where a page ends, the next page's first line after it
    "form feed": lambda t: t.replace("\n\n\n\nTHE", "\n\fTHE"),
}


@pytest.mark.parametrize("variant", VARIANTS)
def test_other_conventions_of_page_furniture(variant):
    source = VARIANTS[variant](SOURCE)
    assert source != SOURCE
    doc, _ = encode_with_report(source, b'<TEI xmlns="http://www.tei-c.org/ns/1.0"/>')
    xml = tei_kirov.to_string(doc)
    body = etree.fromstring(xml.encode("utf-8")).find(f"{TEI}text/{TEI}body")
    assert [pb.get("n") for pb in body.iter(f"{TEI}pb")] == ["2", "3", "4"]
    assert "RIVER TOWNS" not in "".join(body.itertext())
    assert 'inland mar<pb n="3" break="no"/>kets' in xml
    assert tei_kirov.validate(xml).ok


def test_control_characters_xml_cannot_hold_are_removed():
    doc, report = encode_with_report("A line with a \x01 control and a \x0b tab.\n",
                                     b'<TEI xmlns="http://www.tei-c.org/ns/1.0"/>')
    assert "A line with a  control and a  tab." in tei_kirov.to_string(doc)
    assert "control characters XML cannot hold removed: 2" in report.ocr

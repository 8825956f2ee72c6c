
"""The raw-text passes on their own and the whole encoder on the development texts."""

import re

import pytest
from lxml import etree

import tei_kirov
from tei_kirov.encoder import default_text, encode_with_report
from tei_kirov.encoder.ocr import prepare
from tei_kirov.encoder.report import Findings

from .devtexts import (
    BEARD,
    DOUGLASS,
    HILL,
    PAINE,
    dev_text,
    edition_counter,
    header_counter,
    source_words,
)

TEI = "{http://www.tei-c.org/ns/1.0}"
#: No authority: nothing of the pamphlet's data applies to these texts.
NO_AUTHORITY = b'<TEI xmlns="http://www.tei-c.org/ns/1.0"/>'


@pytest.fixture(scope="module")
def editions():
    """name -> (source, prepared, xml) of each development text."""
    out = {}
    for name in (BEARD, HILL, PAINE, DOUGLASS):
        source = dev_text(name)
        doc, _ = encode_with_report(source, NO_AUTHORITY)
        out[name] = (source, prepare(source), tei_kirov.to_string(doc))
    return out


def test_the_pamphlet_passes_through_unchanged():
    text = default_text()
    prepared = prepare(text)
    assert prepared.text == text.replace("\r\n", "\n")
    assert prepared.summary() == [] and not prepared.pages_marked


def test_clean_e_texts_are_only_rewrapped():
    prepared = prepare(dev_text(PAINE))
    assert not prepared.furniture.paginated
    assert prepared.rewrap.measure is not None and prepared.rewrap.words == []
    assert "Printed and sold by W. & T. Bradford, February 14, 1776." in prepared.text
    assert "    Of Monarchy and Hereditary Succession" in prepared.text  # the indented list
    assert len(prepared.summary()) == 1 and prepared.summary()[0].startswith("hard-wrapped")


def test_origin_names_source_lines():
    prepared = prepare(dev_text(BEARD))
    lines = prepared.text.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("Sudden Giving Way"))
    assert prepared.origin[at] == 217


@pytest.mark.parametrize("name", [BEARD, HILL, PAINE, DOUGLASS])
def test_every_source_word_is_kept(editions, name):
    source, prepared, xml = editions[name]
    f = prepared.furniture
    removed = {line for line, _ in f.running_heads + f.page_numbers + f.signatures}
    # words the encoder moved into the header (e-text credits) are kept too
    missing = source_words(source, removed) - edition_counter(xml) - header_counter(xml)
    extra = edition_counter(xml) - source_words(source, removed)
    if name == BEARD:
        # "disagreea-" ... footnote ... "ble": joined across the page and its footnote;
        # "April 4*," : the asterisk read as a note marker splits "4" from ","
        assert dict(missing) == {"disagreea": 1, "ble": 1, "4,": 1}
        assert dict(extra) == {"disagreeable": 1, "4": 1, ",": 1}
    else:
        assert not missing and not extra


@pytest.mark.parametrize("name", [BEARD, HILL, PAINE, DOUGLASS])
def test_editions_are_valid(editions, name, tei_all_relaxng):
    xml = editions[name][2]
    report = tei_kirov.validate(xml)
    assert report.ok, [str(i) for i in report.errors][:5]
    assert tei_all_relaxng.validate(etree.fromstring(xml.encode("utf-8"))), \
        str(tei_all_relaxng.error_log)


def test_beard_pages_and_hyphens(editions):
    xml = editions[BEARD][2]
    root = etree.fromstring(xml.encode("utf-8"))
    numbers = [pb.get("n") for pb in root.iter(f"{TEI}pb")]
    assert numbers == [str(n) for n in range(4, 25)]
    assert "NERVOUS EXHAUSTION." not in "".join(root.find(f"{TEI}text").itertext())[300:]
    assert re.search(r'eon<pb n="7" break="no"/>stant cliaractoristics', xml)
    assert '<lb break="no"/>' in xml


def test_hill_pages_and_paragraphs(editions):
    xml = editions[HILL][2]
    root = etree.fromstring(xml.encode("utf-8"))
    numbers = [int(pb.get("n")) for pb in root.iter(f"{TEI}pb")]
    assert numbers == list(range(2, 38))  # p. 4 (the part title) and p. 32 print no number
    assert re.search(r'and Sypliilis\..*?<pb n="2"/>intercourse\. As this disease', xml)
    text = "".join(root.find(f"{TEI}text").itertext())
    assert "HEAET. 27" not in text and "\nB\n" not in text and "25^" not in text


def test_douglass_italics(editions):
    xml = editions[DOUGLASS][2]
    assert '<hi rend="italic">Till then, and ever,</hi>' in xml
    assert "_" not in "".join(etree.fromstring(xml.encode("utf-8")).find(f"{TEI}text")
                              .itertext())


def test_findings_name_source_lines():
    findings = Findings()
    prepare(dev_text(BEARD)).add_findings(findings)
    got = {(i.kind, i.line, i.text, i.value, i.note) for i in findings.items}
    assert ("furniture", 1057, "00", "", "page number removed") in got
    assert ("furniture", 1057, "00", "22", "page number read from the sequence") in got
    assert ("furniture", 222, "NERVOUS EXHAUSTION.", "", "running head removed") in got
    assert ("page", 229, "page begins", "7", "") in got  # "stant" (SOURCES.md says 228)
    plain = Findings()
    prepare(default_text()).add_findings(plain)
    assert plain.items == []

"""The structure, notes and report passes on the four development texts of ../shared/texts,
with expectations read off the texts (line numbers are the texts' own)."""

from __future__ import annotations

import pytest

from tei_kirov.models import Closer, Div, Item, List, Note, Opener, P, Salute, Signed
from tests.conftest import SHARED

TEXTS = SHARED / "texts"
NO_AUTHORITY = (b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body><p/></body>'
                b'</text></TEI>')


@pytest.fixture(scope="module")
def encoded():
    """name -> (document, report); a missing text fails (the texts are tracked in shared)."""
    if not SHARED.is_dir():
        pytest.skip(f"shared material not found at {SHARED}")
    from tei_kirov.encoder import encode_with_report

    cache = {}

    def get(name: str):
        if name not in cache:
            text = (TEXTS / name).read_text(encoding="utf-8")
            cache[name] = encode_with_report(text, NO_AUTHORITY)
        return cache[name]
    return get


def _heads(el) -> list[str]:
    return [" ".join(d.head.text().split()) for d in el.iter(Div) if d.head is not None]


def test_paine_sections_introduction_and_footnote(encoded):
    doc, report = encoded("paine-common-sense.txt")
    front, body = doc.text.front, doc.text.body
    assert _heads(front) == ["INTRODUCTION."]
    assert front.divs[0].child(Closer).text() == "Philadelphia, February 14, 1776"
    assert _heads(body) == [
        "OF THE ORIGIN AND DESIGN OF GOVERNMENT IN GENERAL, WITH CONCISE REMARKS ON THE "
        "ENGLISH CONSTITUTION.",
        "OF MONARCHY AND HEREDITARY SUCCESSION.",
        "THOUGHTS ON THE PRESENT STATE OF AMERICAN AFFAIRS."]
    notes = list(doc.text.iter(Note))
    assert len(notes) == 1 and notes[0].text().startswith("Thomas Anello")
    holder = next(p for p in doc.text.iter(P) if notes[0] in list(p.iter(Note)))
    assert "Massanello" in holder.text()
    assert [i.line for i in report.findings.of_kind("note")] == [1248]


def test_douglass_front_matter_letters_and_chapters(encoded):
    doc, report = encoded("douglass-narrative.txt")
    front = doc.text.front
    contents = next(d for d in front.divs if d.type == "contents")
    entries = [i.text() for i in contents.child(List).children(Item)]
    assert entries[0] == "PREFACE" and entries[-1] == "A PARODY" and len(entries) == 16
    assert _heads(front) == ["CONTENTS", "PREFACE", "LETTER FROM WENDELL PHILLIPS, ESQ.",
                             "FREDERICK DOUGLASS."]
    preface = next(d for d in front.divs if d.type == "preface")
    assert preface.child(Closer).child(Signed).text() == "WM. LLOYD GARRISON"
    letter = front.divs[2]
    assert letter.child(Opener).child(Salute).text() == "My Dear Friend:"
    assert letter.child(Closer).child(Signed).text() == "WENDELL PHILLIPS"
    assert [d.xml_id for d in doc.text.body.divs] == ["ch1", "ch2", "ch3", "ch4", "ch5"]
    assert [f.line for f in report.findings.of_kind("producer")] == [5, 15]
    assert "Widger" not in doc.text.text() and "Widger" in doc.header.text()
    assert {i.line for i in report.findings.of_kind("division")} >= {81, 374, 486, 515, 1159}


def test_hill_cooper_parts_and_chapters_not_running_heads(encoded):
    doc, _ = encoded("ocr-hill-cooper-venereal.txt")
    front, body = doc.text.front, doc.text.body
    assert [d.type for d in front.divs] == ["preface", "preface"]
    signers = [s.text() for s in front.divs[0].child(Closer).children(Signed)]
    assert signers == ["Berkeley Hill,", "Arthur Cooper,"]
    parts = body.divs
    assert [(d.type, d.head.text()) for d in parts] == [("part", "INTBODUCTOBY."),
                                                        ("part", "SYPHILIS.")]
    assert len(parts[0].divs) == 2 and len(parts[1].divs) == 11
    assert all(d.type == "chapter" for p in parts for d in p.divs)
    assert not any(h == "MODERN VIEWS" or h.startswith("OUTLINE") for h in _heads(body))


def test_beard_footnotes_found_and_anchored(encoded):
    doc, _ = encoded("ocr-beard-nervous-exhaustion.txt")
    notes = list(doc.text.iter(Note))
    assert len(notes) == 2
    assert notes[0].text().startswith("Hay fever regularly decreases")
    assert all(any(n in list(p.iter(Note)) for p in doc.text.iter(P)) for n in notes)


@pytest.mark.parametrize("name", ["paine-common-sense.txt", "douglass-narrative.txt",
                                  "ocr-hill-cooper-venereal.txt",
                                  "ocr-beard-nervous-exhaustion.txt"])
def test_valid_against_the_profile(encoded, name):
    import tei_kirov

    doc, _ = encoded(name)
    report = tei_kirov.validate(tei_kirov.to_bytes(doc))
    assert report.ok, [str(e) for e in report.errors][:3]

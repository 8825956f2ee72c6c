"""Printed conventions of texts the encoder has never seen, on short synthetic texts
(tests/encoder/fixtures/structure/, written for these tests): numbered and labelled heads,
title-case heads, front matter, essays with closers, every footnote style, and lines that
look like heads but are not. Each text must also keep every word and validate."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

import pytest
from lxml import etree

import tei_kirov
from tei_kirov.encoder import encode_with_report
from tei_kirov.models import Byline, Cit, Closer, Div, Item, List, Note, P, Ptr, Signed

from ..conftest import REPO
from .devtexts import header_counter
from .fidelity import edition_words

FIXTURES = REPO / "tests" / "encoder" / "fixtures" / "structure"
NO_AUTHORITY = (b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body><p/></body>'
                b'</text></TEI>')
NAMES = sorted(p.stem for p in FIXTURES.glob("*.txt"))
#: Footnote markers as printed (they are not words of the edition).
MARKERS = re.compile(r"\[Footnote \d+:|[*†‡§¹²³⁴⁵⁶⁷⁸⁹⁰]|\[\d{1,3}\]|\(\d{1,3}\)|\b\d{1,3}\)")


@cache
def encoded(name: str):
    text = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    return encode_with_report(text, NO_AUTHORITY)


def tree(name: str) -> list[tuple[str, str, str, int]]:
    """(type, head, id, depth) of every division, in document order."""
    out: list[tuple[str, str, str, int]] = []

    def walk(el, depth: int) -> None:
        for div in el.children(Div):
            head = " ".join(div.head.text().split()) if div.head is not None else ""
            out.append((div.type, head, div.xml_id, depth))
            walk(div, depth + 1)
    doc = encoded(name)[0]
    for part in (doc.text.front, doc.text.body):
        if part is not None:
            walk(part, 0)
    return out


def body_heads(name: str) -> list[str]:
    return [" ".join(d.head.text().split()) for d in encoded(name)[0].text.body.iter(Div)
            if d.head is not None]


def _bare(words: Counter[str]) -> Counter[str]:
    """The words without the brackets around them (``[1917]``, ``[eBook``)."""
    out: Counter[str] = Counter()
    for word, n in words.items():
        out[word.strip("[]")] += n
    return out


@pytest.mark.parametrize("name", NAMES)
def test_every_word_is_kept_and_the_edition_validates(name):
    doc = encoded(name)[0]
    data = tei_kirov.to_bytes(doc)
    schema = etree.XMLSchema(etree.parse(str(REPO / "schemas" / "tei_kirov.xsd")))
    assert schema.validate(etree.fromstring(data)), str(schema.error_log)
    source = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    words, notes = edition_words(data.decode("utf-8"))
    printed = Counter(MARKERS.sub(" ", " ".join(source.split("\n"))).replace("]", " ").split())
    edition = Counter(" ".join([*words, *(w for note in notes for w in note)])
                      .replace("]", " ").split())
    edition.update(n.n for n in doc.text.iter(Note))  # a marker is kept as its note's @n
    edition.update(header_counter(data.decode("utf-8")))  # e-text credits go to the header
    assert _bare(printed) - _bare(edition) == Counter(), "words lost"
    ids = [d.xml_id for d in doc.text.iter(Div)]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("name", NAMES)
def test_valid_against_tei_all(name, tei_all_relaxng):
    ok = tei_all_relaxng.validate(etree.fromstring(tei_kirov.to_bytes(encoded(name)[0])))
    assert ok, str(tei_all_relaxng.error_log)


def test_roman_lettered_and_numbered_heads_nest_and_a_programme_is_a_list():
    assert [(t, h, d) for t, h, _, d in tree("programme")] == [
        ("section", "I. WORKERS AND OWNERS", 0),
        ("section", "II. LAMPLIGHTERS AND THE GUILD", 0),
        ("section", "III. SCHEMES OF REFORM", 0),
        ("section", "A. Reform from Above", 1),
        ("section", "1. The Charitable Scheme", 2),
        ("section", "2. The Municipal Scheme", 2),
        ("section", "B. Reform from Below", 1),
        ("section", "IV. WHAT WE DEMAND", 0)]
    doc = encoded("programme")[0]
    demands = doc.text.body.divs[-1]
    items = [i.text() for i in demands.iter(Item)]
    assert len(items) == 4 and items[0].startswith("1. A fixed wage")
    assert next(demands.iter(List)).type == "ordered"
    page = doc.text.front.content[0]
    assert "By Martha Quill" in page.text() and "By Martha Quill" not in doc.text.body.text()


def test_end_notes_are_anchored_and_a_shared_marker_points_to_its_note():
    doc = encoded("programme")[0]
    notes = list(doc.text.iter(Note))
    assert [n.n for n in notes] == ["[1]", "[2]"]
    first = next(p for p in doc.text.iter(P) if notes[0] in list(p.iter(Note)))
    assert first.text().startswith("The history of every street")
    ptrs = list(doc.text.iter(Ptr))
    assert [p.target for p in ptrs] == [f"#{notes[0].xml_id}"]
    holder = next(p for p in doc.text.iter(P) if ptrs[0] in list(p.iter(Ptr)))
    assert holder.text().startswith("These demands are modest")
    text = doc.text.body.text()
    assert "charter of [1821] was signed" in text and "the craft [sic] and" in text


def test_labelled_heads_with_the_title_on_the_line_on_the_next_or_none():
    assert [(t, h) for t, h, _, _ in tree("chapters")] == [
        ("contents", "CONTENTS"), ("dedication", ""), ("preface", "PREFACE"),
        ("chapter", "CHAPTER I. THE BEGINNING"), ("chapter", "CHAPTER II. THE FLOOD"),
        ("chapter", "CHAPTER THREE")]
    doc = encoded("chapters")[0]
    assert [d.n for d in doc.text.body.divs] == ["1", "2", "3"]
    contents = doc.text.front.divs[0]
    assert contents.child(List).type == "toc" and len(contents.child(List).content) == 3
    dedication = doc.text.front.divs[1]
    assert dedication.text() == "TO MY WIFE"
    preface = doc.text.front.divs[2]
    assert preface.child(Closer).child(Signed).text() == "H. F."
    note = next(doc.text.iter(Note))
    assert note.text().startswith("The floor was raised")


def test_parts_books_and_sections_nest_by_rank():
    assert [(t, h, d) for t, h, _, d in tree("parts")] == [
        ("part", "Part One THE DIGGING", 0), ("section", "Section 1", 1),
        ("section", "Section 2", 1), ("part", "Part Two THE TRAFFIC", 0),
        ("section", "Section 3", 1), ("book", "BOOK II", 1), ("section", "Section 4", 2)]
    assert [d.n for d in encoded("parts")[0].text.body.iter(Div)] == [
        "1", "1", "2", "2", "3", "2", "4"]


def test_title_case_and_two_line_capital_heads():
    assert [(t, h) for t, h, _, _ in tree("titlecase")] == [
        ("preface", "Preface"), ("section", "Notes and Explanations"),
        ("section", "The Winter Pruning"), ("section", "The Blossom and the Frost"),
        ("section", "THE PICKING OF THE LATE APPLES")]


def test_dedication_epigraph_and_introduction_make_the_front():
    doc = encoded("frontmatter")[0]
    front = doc.text.front
    assert [d.type for d in front.divs] == ["dedication", "epigraph", "introduction"]
    assert front.divs[0].text() == "TO THE MEMORY OF MY FATHER"
    cit = front.divs[1].child(Cit)
    assert cit.type == "epigraph" and cit.text().endswith("--Old saying of the pilots")
    assert front.divs[2].child(Closer).text() == "C. M."
    assert [d.head.text() for d in doc.text.body.divs] == ["CHAPTER I\nTHE QUAY",
                                                            "CHAPTER II\nTHE PILOTS"]


def test_essays_end_with_a_signature_and_a_dateline():
    doc = encoded("essays")[0]
    assert body_heads("essays") == ["On Keys", "The Fall of the Provisional Government",
                                    "ON UMBRELLAS"]
    closers = [d.child(Closer) for d in doc.text.body.divs]
    assert [c.child(Signed).text() for c in closers] == ["AGNES WHITLOW"] * 3
    assert [c.text().split()[-1] for c in closers] == ["1911.", "1917.", "1912."]
    assert doc.text.front.divs[0].child(Closer).text() == "A. W."
    assert "by Agnes Whitlow" in doc.text.front.content[0].text()


def test_every_footnote_style_is_found_and_anchored():
    doc = encoded("notes-styles")[0]
    notes = list(doc.text.iter(Note))
    assert [n.n for n in notes] == ["*", "†", "‡", "§", "(1)", "²", "³", "1)", "2", "3",
                                    "[1]", "[2]", "[3]"]
    anchors = {}
    for p in doc.text.iter(P):
        for note in p.iter(Note):
            anchors[note.n] = p.text()
    assert "entrance while he does so." in anchors["§"]
    assert "when the heather is over." in anchors["1)"]
    assert anchors["2"].startswith("Some keepers press") and anchors["3"] == anchors["2"]
    assert [p.target for p in doc.text.iter(Ptr)] == [f"#{notes[10].xml_id}"]
    assert "[Footnote" not in doc.text.text()


def test_shouts_letters_years_tables_and_verse_stay_paragraphs():
    assert body_heads("negatives") == ["CHAPTER I THE ROAD", "CHAPTER II THE INN"]
    text = encoded("negatives")[0].text.body.text()
    for line in ("STOP THERE", "Yours truly,", "1848.", "Lamp oil", "Where he is Going"):
        assert line in text


def test_roman_numerals_alone_head_sections_and_numbered_end_notes_find_their_markers():
    doc = encoded("endnotes")[0]
    assert [(t, h) for t, h, _, _ in tree("endnotes")] == [("section", "I"), ("section", "II")]
    assert "An Essay on an Old Trade" in doc.text.front.content[0].text()
    notes = list(doc.text.iter(Note))
    assert [(n.n, n.place) for n in notes] == [("1.", "end"), ("2.", "end"), ("3.", "end")]
    assert notes[2].text() == "The last hill works closed in 1881."
    second = doc.text.body.divs[1]
    assert notes[2] in list(second.iter(Note))
    assert [p.target for p in second.iter(Ptr)] == [f"#{notes[0].xml_id}"]
    back = doc.text.content[-1]
    assert [(d.type, d.head.text()) for d in back.children(Div)] == [("notes", "NOTES")]
    assert not list(doc.text.iter(List))


def test_gutenberg_footnotes_after_the_paragraph_or_at_the_chapter_end():
    doc = encoded("gutenberg")[0]
    assert body_heads("gutenberg") == ["CHAPTER I. The Rock", "CHAPTER II. The Lamp"]
    held = {n.n: p.text() for p in doc.text.iter(P) for n in p.iter(Note)}
    assert held["1"].startswith("The rock lies four miles")
    assert held["2"].startswith("Their stores are brought out")
    assert held["3"].startswith("The lamp burns paraffin")
    assert "Footnote" not in doc.text.text()


def test_parts_enclose_chapters_numbered_afresh_verse_stays_and_an_appendix_is_back():
    assert [(t, h, i, d) for t, h, i, d in tree("book")] == [
        ("part", "PART I THE HARBOUR", "part1", 0),
        ("chapter", "Chapter 1 The Quay", "part1-ch1", 1),
        ("chapter", "Chapter 2: The Pilots", "part1-ch2", 1),
        ("part", "PART II THE OPEN SEA", "part2", 0),
        ("chapter", "Chapter 1", "part2-ch1", 1),
        ("chapter", "Chapter Two. The Storm Comes In.", "part2-ch2", 1)]
    doc = encoded("book")[0]
    assert "Down by the River" in doc.text.body.divs[-1].divs[-1].text()
    back = doc.text.content[-1]
    assert [(d.type, d.head.text()) for d in back.children(Div)] == [("appendix", "APPENDIX")]


def test_contents_entries_end_at_the_head_of_running_text():
    doc = encoded("contents")[0]
    contents = doc.text.front.divs[0]
    assert [i.text() for i in contents.child(List).children(Item)] == ["I. The Quay",
                                                                       "II. The Pilots"]
    assert [(t, h) for t, h, _, _ in tree("contents")] == [
        ("contents", "CONTENTS"), ("preface", "PREFACE"), ("section", "I. THE QUAY"),
        ("section", "II. THE PILOTS")]


def test_letters_open_with_dateline_and_salute_and_close_with_valediction_and_name():
    doc = encoded("letters")[0]
    letters = [d for d in doc.text.body.divs if d.type == "letter"]
    assert [d.head.text() for d in letters] == ["LETTER I.", "LETTER II."]
    closers = [d.child(Closer) for d in letters]
    assert [c.child(Signed).text() for c in closers] == ["MARY HALE", "MARY HALE"]
    assert closers[0].text().startswith("Your affectionate sister,")
    assert body_heads("letters")[-1] == "CHAPTER I IN WHICH THE PACKET IS LATE."


def test_a_contents_list_without_its_head_is_a_list_not_divisions():
    doc = encoded("contents-unheaded")[0]
    contents = doc.text.front.divs[0]
    assert contents.type == "contents" and contents.head is None
    assert [i.text() for i in contents.child(List).children(Item)] == [
        "CHAPTER I. The Quay", "CHAPTER II. The Pilots", "CHAPTER III. The Storm"]
    assert body_heads("contents-unheaded") == ["CHAPTER I. THE QUAY", "CHAPTER II. THE PILOTS",
                                               "CHAPTER III. THE STORM"]


def test_a_labelled_head_set_directly_over_its_text_is_still_a_head():
    assert body_heads("runin") == ["CHAPTER I.", "CHAPTER II. THE LAMP"]
    doc = encoded("runin")[0]
    first = doc.text.body.divs[0].child(P)
    assert first.text().startswith("The rock lies four miles")
    assert doc.text.body.divs[1].children(P)[-1].text().startswith("Chapter 3 of the")


def test_a_byline_under_an_essay_head_is_the_essay_byline():
    doc = encoded("bylines")[0]
    assert body_heads("bylines") == ["ON KEYS", "ON UMBRELLAS"]
    assert [d.child(Byline).text() for d in doc.text.body.divs] == ["By Agnes Whitlow",
                                                                     "By John Marsh"]


def test_a_preamble_before_the_first_head_is_running_text_not_title_page():
    doc = encoded("declaration")[0]
    page = doc.text.front.content[0]
    assert page.text().strip() == "A DECLARATION OF THE WEAVERS"
    lead = doc.text.body.children(P)
    assert [p.text()[:20] for p in lead] == ["A spectre is hauntin", "It is high time that"]
    assert [(h, d) for _, h, _, d in tree("declaration")] == [
        ("I. MASTERS AND HANDS", 0), ("II. HANDS AND THE UNION", 0),
        ("III. THE LITERATURE OF REFORM", 0), ("1. REACTIONARY REFORM", 1),
        ("A. Feudal Reform", 2), ("B. Clerical Reform", 2),
        ("2. CONSERVATIVE, OR MASTERS', REFORM", 1), ("IV. POSITION OF THE WEAVERS", 0)]
    programme = next(doc.text.body.divs[1].iter(List))
    assert [i.n for i in programme.children(Item)] == ["1", "2", "3"]


def test_an_etext_with_contents_chapters_a_bracketed_footnote_and_the_end():
    doc = encoded("etext")[0]
    assert [(t, h) for t, h, _, _ in tree("etext")] == [
        ("contents", "CONTENTS"), ("chapter", "CHAPTER I. THE QUAY"),
        ("chapter", "CHAPTER II. THE PILOTS")]
    last = doc.text.body.divs[-1]
    assert last.content[-1].tag == "trailer" and last.content[-1].text() == "THE END"
    assert "Ahoy yourself" in doc.text.body.divs[0].text()
    assert next(doc.text.iter(Note)).text() == "The pilots' houses are now a hotel."


def test_an_epigraph_under_a_chapter_head_is_a_cit_with_its_source():
    doc = encoded("epigraphs")[0]
    cits = [d.child(Cit) for d in doc.text.body.divs]
    assert [c.type for c in cits] == ["epigraph", "epigraph"]
    assert cits[0].text().startswith('"Water that has passed')
    assert cits[1].text().endswith("—From a song of the millers")
    assert [p.text()[:14] for d in doc.text.body.divs for p in d.children(P)] == [
        "The wheel of t", "The race was d"]


def test_a_valediction_over_a_name_in_ordinary_case_closes_a_letter():
    doc = encoded("letters-plain")[0]
    closers = [d.child(Closer) for d in doc.text.body.divs]
    assert [c.child(Signed).text() for c in closers] == ["John Marsh.", "Ellen Marsh"]
    assert "I remain, Sir," in doc.text.body.divs[0].text()


@pytest.mark.parametrize("source", [
    "NOTES", "CHAPTER I\n\nNOTES", "I.\n\nII.", "THE END", "TO MY WIFE", "[1]\n\n[1] x",
    "Yours truly,\nJOHN", "CONTENTS\n\nCHAPTER I\n\nCHAPTER I", '"Hi"\n\nSTOP\n\n"Ho"',
    "By John Smith", "A\n\n--B", "Text.[1]\n\nNOTES\n\n1. x\n\n2. y",
    "APPENDIX\n\nThe end of it all is here, said he, in a sentence that goes on and on."])
def test_fragments_of_conventions_encode_to_valid_editions(source):
    doc, _ = encode_with_report(source, NO_AUTHORITY)
    assert tei_kirov.validate(tei_kirov.to_bytes(doc)).ok


def test_an_address_to_the_reader_in_prose_is_a_preface_not_a_dedication():
    assert [(t, h) for t, h, _, _ in tree("reader")] == [("preface", "TO THE READER"),
                                                         ("chapter", "CHAPTER I")]

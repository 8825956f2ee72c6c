"""The plain-text export: reading text, diplomatic text, endnotes, fidelity to the source."""

from __future__ import annotations

import difflib
import re

from tei_kirov.export import to_text
from tei_kirov.export._plan import build_plan
from tei_kirov.export._tree import NON_TEXT, descendants, local, plain, texts
from tests.export.conftest import KIROV_SOURCE
from tests.export.fidelity import contains_in_order


def _body_and_notes(text: str) -> tuple[str, str]:
    body, sep, notes = text.rpartition("\n\nNotes\n\n")
    return (body, notes) if sep else (text, "")


def test_reading_text_applies_corrections_and_joins(letter):
    text = to_text(letter)
    assert "I have received your parcel and the color plates" in text
    assert "quite undamaged by the journey" in text
    assert "recieved" not in text and "colour" not in text


def test_diplomatic_text_is_the_text_as_printed(letter, pamphlet):
    text = to_text(letter, diplomatic=True)
    assert "I have recieved your parcel and the colour plates" in text
    assert "quite un-\ndamaged" in text
    printed = to_text(pamphlet, diplomatic=True)
    assert "8. Individual Terrorism" in printed and "pub-\nlished" in printed
    assert "9. Individual Terrorism" in to_text(pamphlet)


def test_notes_become_numbered_endnotes_with_their_markers(letter, pamphlet):
    body, notes = _body_and_notes(to_text(letter))
    assert "Tuesday next.[1] I have" in body
    assert "in Paris.[2] An opaque aside survives." in body
    entries = notes.split("\n\n")
    assert entries[0] == ("[1] * The steamer did not leave until the 23rd. "
                          "(Editor's note: Test Editor)")
    assert entries[1].startswith("[2] ** The word is French")
    # an anchored note is numbered where it points
    body, notes = _body_and_notes(to_text(pamphlet))
    assert "world revolution[3] is the task." in body
    assert notes.split("\n\n")[2].startswith("[3] * Cf. Leon Trotsky")


def test_blocks_lists_and_title_page(pamphlet):
    text = to_text(pamphlet)
    blocks = text.split("\n\n")
    assert blocks[:2] == ["Leon Trotsky on", "The Kirov Assassination"]
    assert "1. Zinoviev—Lenin's collaborator for many years;" in blocks
    assert "2. Kamenev—the governing \"troika\" during 1923-25;" in blocks
    assert "LEON TROTSKY" in blocks


def test_opaque_elements_keep_their_text(letter):
    assert "An opaque aside survives." in to_text(letter)
    assert "comment" not in to_text(letter)


def test_minimal(minimal):
    assert to_text(minimal) == "Minimal\n\nOnly one paragraph & a plain word.\n"


def test_utf8_and_deterministic(edition):
    text = to_text(edition)
    assert text == to_text(edition)
    assert text.endswith("\n") and not text.endswith("\n\n")
    text.encode("utf-8")


def test_every_text_word_of_the_document_is_exported(edition):
    """Each paragraph's reading text (notes aside) appears in the export, in order."""
    body, _ = _body_and_notes(to_text(edition))
    paragraphs = [plain(el) for text in texts(edition.root)
                  for el in descendants(text, NON_TEXT | {"note"}) if local(el) == "p"]
    report = contains_in_order("\n\n".join(paragraphs), body)
    assert report.ok, report.missing[:5]


def _corrections(doc) -> list[tuple[str, str]]:
    """(printed, corrected) text of every sic/corr and orig/reg pair of the document."""
    pairs = []
    for choice in doc.root.iter():
        if local(choice) != "choice":
            continue
        kids = {local(k): plain(k) for k in choice.content if not isinstance(k, str)}
        for printed, fixed in (("sic", "corr"), ("orig", "reg")):
            if printed in kids and fixed in kids:
                pairs.append((kids[printed], kids[fixed]))
    return pairs


def _same_but_corrections(source: list[str], export: list[str], pairs) -> list[str]:
    """Where ``export`` differs from ``source``, each difference must be one of the
    edition's corrections; returns the differences that are not."""
    problems = []
    matcher = difflib.SequenceMatcher(a=source, b=export, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        printed, shown = " ".join(source[i1:i2]), " ".join(export[j1:j2])
        if not any(sic and sic in printed and printed.replace(sic, corr) == shown
                   for sic, corr in pairs):
            problems.append(f"{op}: source {printed!r} -> export {shown!r}")
    return problems


def test_edition_text_contains_every_word_of_the_source_in_order(kirov):
    """The acceptance check, with the encoder's fidelity normalisation of the source
    (asterisks dropped, words split at page ends joined, footnote blocks taken out in
    order): the words of the text export equal the source's, in order, but for the
    edition's documented corrections; the endnotes equal the source's note blocks."""
    from tests.encoder.fidelity import source_words

    plan = build_plan(kirov)
    text = to_text(kirov)
    body, notes_part = _body_and_notes(text)
    note_words = [plain(n.node).replace("*", "").split() for n in plan.notes]
    flow, note_blocks = source_words(KIROV_SOURCE.read_text(encoding="utf-8"), note_words)
    assert len(note_blocks) == len(plan.notes) == 4
    pairs = _corrections(kirov)
    export_words = re.sub(r"\[\d+\]", " ", body).split()
    assert len(flow) > 9000
    assert _same_but_corrections(flow, export_words, pairs) == []
    entries = notes_part.rstrip("\n").split("\n\n")
    assert len(entries) == len(plan.notes)
    for ref, entry, block in zip(plan.notes, entries, note_blocks, strict=True):
        prefix = f"[{ref.number}] {ref.marker} "
        # a note signed in its text ("—Eds.") is not signed a second time
        suffix = "" if ref.signed else f" ({ref.label}: {ref.who})"
        assert entry.startswith(prefix) and entry.endswith(suffix)
        assert entry.count(f"({ref.label}") == (0 if ref.signed else 1)
        words = re.sub(r"\[\d+\]", " ", entry[len(prefix):len(entry) - len(suffix)]).split()
        assert _same_but_corrections(block, words, pairs) == []


def test_the_fidelity_check_catches_a_lost_word(kirov):
    from tests.encoder.fidelity import source_words

    plan = build_plan(kirov)
    body, _ = _body_and_notes(to_text(kirov))
    note_words = [plain(n.node).replace("*", "").split() for n in plan.notes]
    flow, _ = source_words(KIROV_SOURCE.read_text(encoding="utf-8"), note_words)
    damaged = re.sub(r"\[\d+\]", " ", body.replace("complete mystery", "mystery", 1)).split()
    assert _same_but_corrections(flow, damaged, _corrections(kirov))

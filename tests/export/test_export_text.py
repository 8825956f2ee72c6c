"""The plain-text export: reading text, diplomatic text, endnotes, fidelity to the source."""

from __future__ import annotations

from tei_kirov.export import to_text
from tei_kirov.export._plan import build_plan
from tei_kirov.export._tree import NON_TEXT, descendants, local, plain, texts
from tests.export.conftest import KIROV_SOURCE
from tests.export.fidelity import contains_in_order, split_source, words


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


def test_edition_text_contains_every_word_of_the_source_in_order(kirov):
    """The acceptance check: every word of the printed pamphlet, in order, in the text
    export of the edition (running text and notes each in order)."""
    plan = build_plan(kirov)
    note_starts = [words(plain(n.node))[:4] for n in plan.notes]
    source = KIROV_SOURCE.read_text(encoding="utf-8")
    running, notes = split_source(source, note_starts)
    corrected = {w for el in plan.root.iter() if local(el) in ("sic", "orig")
                 for w in words(plain(el))}
    body, endnotes = _body_and_notes(to_text(kirov))
    main = contains_in_order(running, body, corrected=corrected)
    assert main.ok, main.missing[:5]
    assert main.checked > 9000
    in_notes = contains_in_order(notes, endnotes, corrected=corrected)
    assert in_notes.ok, in_notes.missing[:5]
    assert in_notes.checked > 50

from tei_kirov.encoder.blocks import Block
from tei_kirov.encoder.notes import (
    anchor,
    anchor_index,
    is_note_block,
    note_role,
    separate_notes,
)


def _blocks(*texts: str) -> list[Block]:
    return [Block(t, i) for i, t in enumerate(texts)]


def test_note_roles_are_the_printed_signatures():
    assert note_role("A group of friends cabled.\u2014Eds.") == "eds"
    assert note_role("Events proved it.\u2014*Translator's note.*") == "translator's note"
    assert note_role("A later reading.--J. S.") == "j s"
    assert note_role("Cf. Leon Trotsky, a pamphlet.") == ""
    assert note_role("The word\u2014as he said it\u2014was new.") == ""


def test_note_blocks_are_told_from_italic_paragraphs():
    assert is_note_block("*A group of friends cabled.\u2014Eds.")
    assert is_note_block("* Cf. a book.")
    assert is_note_block("*The *Temps* is friendly.")
    assert not is_note_block("*A Reply to Friends**")
    assert not is_note_block("*was attempting to link him.** This version")
    assert not is_note_block("*Italic* then plain.")


def test_notes_leave_the_flow_and_markers_become_anchors():
    flow, notes = separate_notes(_blocks(
        "Title", "Text by us.* And on to the", "* Cf. a book.", "next page.",
        "No note here."))
    assert [n.text for n in notes] == ["Cf. a book."]
    assert notes[0].role == "" and notes[0].marker == "*"
    assert [b.text for b in flow] == ["Title", f"Text by us.{anchor(0)} And on to the",
                                      "next page.", "No note here."]


def test_a_note_block_without_a_waiting_marker_stays_text():
    flow, notes = separate_notes(_blocks("*A plain italic line*", "*Another line.*"))
    assert notes == [] and len(flow) == 2


def test_notes_are_matched_to_markers_in_order():
    flow, notes = separate_notes(_blocks(
        "*Sub**", "First.* text", "*Note one.\u2014Eds.", "*Note two."))
    assert [n.role for n in notes] == ["eds", ""]
    assert anchor(0) in flow[0].text and anchor(1) in flow[1].text


def test_anchor_round_trip():
    assert anchor_index(anchor(3)) == 3 and anchor_index("a") is None


def test_markers_are_matched_by_symbol():
    flow, notes = separate_notes(_blocks(
        "One.* Two.** Three.† Text", "** Second.", "* First.", "† Third."))
    assert [(n.marker, n.text) for n in notes] == [("*", "First."), ("**", "Second."),
                                                    ("†", "Third.")]
    assert flow[0].text == f"One.{anchor(0)} Two.{anchor(1)} Three.{anchor(2)} Text"


def test_an_unresolved_marker_does_not_shift_the_others():
    flow, notes = separate_notes(_blocks("A.* B.† end", "† Dagger note."))
    assert [n.marker for n in notes] == ["†"]
    assert flow[0].text == f"A.* B.{anchor(0)} end"


def test_numbered_markers_match_their_notes_by_number():
    flow, notes = separate_notes(_blocks(
        "Some Massanello \u00b9 may arise, and more words follow here.",
        "A paragraph after it, with (2) in it but no note of that number.",
        "\u00b9 Thomas Anello, a fisherman of Naples."))
    assert [n.marker for n in notes] == ["\u00b9"] and notes[0].text.startswith("Thomas")
    assert anchor(0) in flow[0].text and "(2)" in flow[1].text and len(flow) == 2


def test_bracketed_markers_and_gutenberg_footnote_blocks():
    flow, notes = separate_notes(_blocks(
        "A claim.[1] Another claim.[2]",
        "[Footnote 1: The first source,\nin two lines.]",
        "[2] The second source."))
    assert [(n.marker, n.text) for n in notes] == [
        ("1", "The first source, in two lines."), ("[2]", "The second source.")]
    assert flow[0].text == "A claim." + anchor(0) + " Another claim." + anchor(1)


def test_a_second_marker_of_one_note_becomes_a_pointer():
    from tei_kirov.encoder.notes import pointer

    flow, notes = separate_notes(_blocks(
        "First mention.[1]", "[1] The note.", "Second mention.[1]"))
    assert len(notes) == 1 and notes[0].pointed
    assert flow[1].text == "Second mention." + pointer(0)


def test_section_sign_and_lower_case_ocr_notes():
    flow, notes = separate_notes(_blocks("Text with a mark.\u00a7", "\u00a7 The note.",
                                         "More text here.*", "*i)card, a book, p. 456."))
    assert [n.marker for n in notes] == ["\u00a7", "*"] and len(flow) == 2

from tei_kirov.encoder.marks import (
    LB_WORD,
    MAX_PAGE,
    PB,
    PB_WORD,
    Mark,
    is_mark,
    page_mark,
    read_mark,
    strip_marks,
)
from tei_kirov.encoder.notes import anchor, anchor_index


def test_page_marks_carry_their_number():
    assert read_mark(page_mark(7)) == Mark("pb", 7, False)
    assert read_mark(page_mark(0, in_word=True)) == Mark("pb", 0, True)
    assert read_mark(page_mark(MAX_PAGE)) == Mark("pb", MAX_PAGE, False)


def test_unknown_numbers_give_the_plain_marks():
    assert page_mark(None) == PB and page_mark(None, in_word=True) == PB_WORD
    assert page_mark(MAX_PAGE + 1) == PB and page_mark(-1) == PB
    assert read_mark(LB_WORD) == Mark("lb", None, True)


def test_marks_are_no_letters_and_no_note_anchors():
    for ch in (page_mark(3), page_mark(3, True), LB_WORD, PB):
        assert not ch.isalnum() and not ch.isspace() and anchor_index(ch) is None
    assert not is_mark(anchor(0)) and not is_mark("a")
    assert strip_marks(f"a{page_mark(2)}b{LB_WORD}c") == "abc"

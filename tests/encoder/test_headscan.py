from tei_kirov.encoder.headscan import body_text, find_contents, find_heads
from tei_kirov.encoder.report import Findings

PROSE = "This paragraph is running text, long enough to read as prose and not as a head."


def test_contents_end_where_an_entry_is_printed_again():
    texts = ["TITLE", "CONTENTS", "PREFACE", "CHAPTER I", "PREFACE", PROSE]
    assert find_contents(texts) == (1, 4)
    assert find_contents(["CONTENTS", PROSE]) is None


def test_heads_are_confirmed_by_what_follows():
    texts = ["CHAPTER I.", "OUTLINE.", PROSE, "OUTLINE.", PROSE, "A Plain Head", PROSE,
             "Lonely Line", "another short line", "1. One item.", "2. Two items.", PROSE]
    found = Findings()
    heads = find_heads(texts, None, list(range(1, len(texts) + 1)), found)
    assert [(h.start, h.end) for h in heads] == [(0, 2), (5, 6)]
    assert heads[0].form is not None and heads[0].form.kind == "chapter"
    assert {i.line for i in found.of_kind("uncertain")} == {4, 8}


def test_body_text():
    assert body_text(PROSE) and body_text("He came, he saw, and then he left.")
    assert not body_text("A Plain Head")

from tei_kirov.encoder.hyphens import Vocabulary
from tei_kirov.encoder.marks import LB_WORD
from tei_kirov.encoder.rewrap import measure, rejoin

WRAPPED = """\
It was a bright cold day in April, and the clocks were striking
thirteen. The hall smelt of boiled cabbage and old rag mats. At
one end of it a coloured poster, too large for indoor display, had
been tacked to the wall. It depicted simply an enormous face, more
than a metre wide: the face of a man of about forty-five, with a
heavy black moustache and ruggedly handsome features. Winston made
for the stairs. It was no use trying the lift. Even at the best of
times it was seldom work-
ing, and at present the electric current was cut off during day-
light hours. It was part of the economy drive in preparation for
Hate Week.

Roses are red,
Violets are blue.

    Item one of a list that is set off by indentation and wraps
    onto a second line of its own, as lists often do in e-texts.
    Item two.

OF THE ORIGIN AND DESIGN OF GOVERNMENT IN GENERAL, WITH MANY
CONCISE REMARKS ON THE ENGLISH CONSTITUTION AND ON OTHER THINGS.

The seven-year plan and a daylight raid, and more words to fill up
a line of about the usual length so that the text has a measure.
"""


def _lines():
    return WRAPPED.split("\n")


def test_measure_of_a_hard_wrapped_text():
    assert 60 <= measure(_lines() * 2) <= 70


def test_no_measure_for_paragraph_per_line_or_short_texts():
    long = ["A paragraph of one very long line. " * 8, ""] * 20
    assert measure(long) is None
    assert measure(_lines()[:5]) is None


def test_rejoin_prose_keeps_verse_lists_and_heads():
    lines = _lines()
    out, origin, report = rejoin(lines, list(range(1, len(lines) + 1)),
                                 Vocabulary.of(WRAPPED), 66)
    prose = out[0]
    assert prose.startswith("It was a bright cold day in April, and the clocks were striking "
                            "thirteen.")
    assert f"seldom work{LB_WORD}ing, and" in prose and f"day{LB_WORD}light hours" in prose
    assert prose.endswith("Hate Week.")
    assert "Roses are red," in out and "Violets are blue." in out
    assert "    Item two." in out
    assert "OF THE ORIGIN AND DESIGN OF GOVERNMENT IN GENERAL, WITH MANY" in out
    assert report.words == ["working", "daylight"]
    assert origin[out.index("Roses are red,")] == 13
    assert report.paragraphs == 2


def test_an_indented_first_line_starts_a_new_paragraph():
    text = ["It was a bright cold day in April, and the clocks were striking",
            "thirteen, and the hall smelt of boiled cabbage and old rag mats.",
            "  At one end of it a coloured poster, too large for indoor display,",
            "had been tacked to the wall."]
    out, _, _ = rejoin(text, [1, 2, 3, 4], Vocabulary.of(""), 66)
    assert out == [f"{text[0]} {text[1]}", f"{text[2]} {text[3]}"]

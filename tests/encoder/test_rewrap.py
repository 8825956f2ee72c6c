from tei_kirov.encoder.hyphens import Vocabulary
from tei_kirov.encoder.marks import LB_WORD
from tei_kirov.encoder.rewrap import measure, rejoin

WRAPPED = """\
The ferry left the north bank at six, and the gulls were crying
over the water. The deck smelt of tar and of wet rope. At one
end of it a painted board, too large for the little cabin, had
been fixed to the rail. It showed a chart of the estuary, more
than a yard across: the channel of a river some forty-five miles
long, with its sandbanks and buoys marked in red and black. Anna
went to the bow. It was no use waiting in the cabin. Even in the
best of weather the little stove was seldom work-
ing, and at present the coal was kept for the crossing at day-
light hours. It was part of the saving the company had ordered
for the winter.

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
    assert prose.startswith("The ferry left the north bank at six, and the gulls were crying "
                            "over the water.")
    assert f"seldom work{LB_WORD}ing, and" in prose and f"day{LB_WORD}light hours" in prose
    assert prose.endswith("for the winter.")
    assert "Roses are red," in out and "Violets are blue." in out
    assert "    Item two." in out
    assert "OF THE ORIGIN AND DESIGN OF GOVERNMENT IN GENERAL, WITH MANY" in out
    assert report.words == ["working", "daylight"]
    assert origin[out.index("Roses are red,")] == 13
    assert report.paragraphs == 2


def test_an_indented_first_line_starts_a_new_paragraph():
    text = ["The ferry left the north bank at six, and the gulls were crying",
            "over the water, and the deck smelt of tar and of wet rope again.",
            "  At one end of it a painted board, too large for the little cabin,",
            "had been fixed to the rail."]
    out, _, _ = rejoin(text, [1, 2, 3, 4], Vocabulary.of(""), 66)
    assert out == [f"{text[0]} {text[1]}", f"{text[2]} {text[3]}"]


def test_paragraphs_set_apart_by_indentation_only_become_blocks():
    text = ["  The ferry left the north bank at six, and the gulls were crying",
            "over the water, and the deck smelt of tar and of wet rope again.",
            "  At one end of it a painted board, too large for the little cabin,",
            "had been fixed to the rail."]
    out, origin, _ = rejoin(text, [1, 2, 3, 4], Vocabulary.of(""), 66)
    assert out == [f"{text[0].rstrip()} {text[1]}", "", f"{text[2]} {text[3]}"]
    assert origin == [1, 3, 3]

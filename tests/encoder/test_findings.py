from tei_kirov.encoder.findings import LineFinder, collect
from tei_kirov.encoder.notes import RawNote
from tei_kirov.encoder.report import Findings
from tei_kirov.models import Body, Date, P, PlaceName, Text


def test_lines_are_found_in_reading_order():
    finder = LineFinder("one\nin 1917 we\nthen\n1917\nagain")
    assert finder.line_of("1917") == 2 and finder.line_of("1917") == 4
    assert finder.line_of("absent words") == 0


def test_notes_dates_and_names_are_collected():
    text = Text(Body(P("In ", Date("November, 1917", when="1917-11"), " at ",
                       PlaceName("Petrograd", ref="#petrograd"), ".")))
    found = Findings()
    collect(text, "Title\n\nIn November, 1917 at Petrograd.\n",
            [RawNote("1", "A note.", "author", 5)], found)
    assert [(i.kind, i.line) for i in found.items] == [("note", 5), ("date", 3), ("name", 3)]
    assert found.of_kind("date")[0].value == "when=1917-11"
    assert found.of_kind("name")[0].value == "place #petrograd"

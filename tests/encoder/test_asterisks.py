from tei_kirov.encoder.asterisks import scan


def test_italic_and_bold_spans():
    s = scan("a *b c* and **D E**.")
    assert s.spans == [("i", 2, 7), ("b", 12, 19)]
    assert s.clean


def test_marker_after_word_and_after_closing_italics():
    assert scan("by us.* A ruling").markers == [(6, 1)]
    assert scan('of Zinoviev\'s."* Kirov').markers == [(15, 1)]
    s = scan("*A Reply to Friends in America**")
    assert s.spans == [("i", 0, 31)] and s.markers == [(31, 1)]


def test_italics_opening_after_a_dash():
    s = scan("so.\u2014*Translator's note.*")
    assert s.spans == [("i", 4, 24)] and not s.markers


def test_unbalanced_asterisks_are_problems():
    assert not scan("*open but never closed").clean
    assert scan("* Cf. Leon").problems == [0]


def test_double_asterisk_and_dagger_markers():
    assert scan("a second note.** Next").markers == [(14, 2)]
    assert scan("a dagger note.† Next").markers == [(14, 1)]
    s = scan("*closed italics*** then")
    assert s.spans == [("i", 0, 16)] and s.markers == [(16, 2)]

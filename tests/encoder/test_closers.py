from tei_kirov.encoder.closers import (
    closer_at_end,
    closer_parts,
    is_dateline,
    is_salute,
    opener_at_start,
    split_signed_dateline,
)
from tei_kirov.models import Dateline, Salute, Signed


def test_datelines():
    assert is_dateline("December 28, 1934.") and is_dateline("BOSTON, APRIL 22, 1845.")
    assert is_dateline("Philadelphia, February 14, 1776") and is_dateline("7 November 1917")
    assert is_dateline("London, Sept. 3rd, 1901")
    assert not is_dateline("First Printing, February, 1935")
    assert not is_dateline("On December 28, 1934, he wrote.")


def test_signature_and_dateline_on_one_line():
    assert split_signed_dateline("WM. LLOYD GARRISON BOSTON, _May_ 1, 1845.") == (
        "WM. LLOYD GARRISON", "BOSTON, _May_ 1, 1845.")
    parts = closer_parts("WM. LLOYD GARRISON BOSTON, _May_ 1, 1845.")
    assert parts is not None and isinstance(parts[0], Signed) and isinstance(parts[2], Dateline)


def test_valediction_and_signature():
    parts = closer_parts("_Till then, and ever,_ Yours truly, WENDELL PHILLIPS")
    assert parts is not None and isinstance(parts[0], Salute)
    assert parts[2].text() == "WENDELL PHILLIPS"
    assert closer_parts("Yours is the only way, said the old man to the child") is None


def test_closer_and_opener_of_a_letter():
    taken, closer = closer_at_end(["Some text.", "A. WRITER", "December 28, 1934."])
    assert taken == 2 and closer.child(Signed).text() == "A. WRITER"
    assert closer_at_end(["Some text.", "More text."]) is None
    taken, opener = opener_at_start(["BOSTON, APRIL 22, 1845.", "My Dear Friend:", "Text."])
    assert taken == 2 and opener.child(Salute).text() == "My Dear Friend:"
    assert is_salute("Dear Sir,") and not is_salute("Dear me, what a day it has been.")
    assert opener_at_start(["BOSTON, APRIL 22, 1845.", "Text follows."]) is None


def test_signers_with_their_addresses():
    taken, closer = closer_at_end(["Text.", "Berkeley Hill,", "55 Wimpole Street.",
                                   "Arthur Cooper,", "25 Welbeck Street."])
    assert taken == 4
    assert [s.text() for s in closer.children(Signed)] == ["Berkeley Hill,", "Arthur Cooper,"]
    assert [d.text() for d in closer.children(Dateline)] == ["55 Wimpole Street.",
                                                            "25 Welbeck Street."]
    assert closer_at_end(["Text.", "In the end,", "12 Men Came."]) is None

import pytest

from tei_kirov.encoder.titlepage import read_title_page

BODY = ("\n\nThe running text begins here and goes on for a while. It has sentences. "
        "More of them follow, and the line is long enough to be prose for sure.\n")


@pytest.mark.parametrize(("page", "title", "authors"), [
    ("TEN DAYS THAT SHOOK\nTHE WORLD\n\nBY JOHN REED", "TEN DAYS THAT SHOOK THE WORLD",
     ["John Reed"]),
    ("The Title\nby\nJohn Smith", "The Title", ["John Smith"]),
    ("A MANUAL\n\nOF\n\nTHINGS.\n\nBy ANN ONE AND BOB TWO, M. D.", "A MANUAL OF THINGS",
     ["Ann One", "Bob Two"]),
    ("Essays, by Jane van Dyke", "Essays", ["Jane van Dyke"]),
    ("POEMS\n\nBY JOHN O'BRIEN", "POEMS", ["John O'Brien"]),
    ("THE LIFE OF JOHN BROWN\n\nWRITTEN BY HIMSELF.", "THE LIFE OF JOHN BROWN",
     ["John Brown"]),
    ("THE LIFE OF JOHN BROWN, WRITTEN BY HIMSELF.", "THE LIFE OF JOHN BROWN", ["John Brown"]),
])
def test_title_and_author_from_a_by_line(page, title, authors):
    found = read_title_page(page + BODY)
    assert (found.title, found.author) == (title, authors)


@pytest.mark.parametrize("page", [
    "A TITLE\n\nBy the Author of Other Things",  # not a name
    "A TITLE\n\nBy Order",                           # one word: not unambiguous
    "A TITLE ALONE",                                 # no by line: no title either
    "A TITLE\n\nIllustrated by John Leech",          # not the author
    "A TITLE\n\nBY A LADY",                           # a description, not a name
])
def test_nothing_when_the_page_is_ambiguous(page):
    found = read_title_page(page + BODY)
    assert found.author == [] and found.title is None


def test_a_by_line_in_running_text_is_not_a_title_page():
    text = "A TITLE\n" + BODY + "\nBy John Smith\n"
    assert read_title_page(text).author == []


def test_translator_editor_and_imprint():
    page = ("THE BOOK\n\nBy Ann Writer\n\nTranslated from the French by\nPaul Dupont\n\n"
            "Edited by Mary Roe\n\nLONDON\n\nPrinted and sold by J. Smith, May 3, 1850.")
    found = read_title_page(page + BODY)
    assert found.translator == ["Paul Dupont"] and found.editor == ["Mary Roe"]
    assert (found.publisher, found.place, found.date) == ("J. Smith", "LONDON", "May 3, 1850")
    assert found.lines == {"author": 3, "title": 1, "translator": 6, "editor": 8,
                           "place": 10, "publisher": 12, "date": 12}
    found = read_title_page("A BOOK\n\nBy Ann Writer\n\nLondon: Smith, Elder & Co., 1859." + BODY)
    assert (found.place, found.publisher, found.date) == ("London", "Smith, Elder & Co.", "1859")


def test_preamble_fields_come_first():
    found = read_title_page("TITLE\n\nBy Some Body" + BODY, {"title": "Real", "author": "Jo Ann"})
    assert found.title == "Real" and found.author == ["Jo Ann"]


@pytest.mark.parametrize(("line", "author"), [
    ("BY THE REV. JOHN KEBLE MARSH, M.A.", ["John Keble Marsh"]),
    ("By Dr. Henry Oldcastle", ["Henry Oldcastle"]),
    ("BY ALBERT FENN M.D.", ["Albert Fenn"]),
    ("By Ruth Ames, LL.D., and Tom Ames Esq.", ["Ruth Ames", "Tom Ames"]),
])
def test_styles_and_degrees_are_no_part_of_the_name(line, author):
    assert read_title_page("A TITLE\n\n" + line + BODY).author == author


def test_edited_with_an_introduction_and_notes():
    found = read_title_page("A TITLE\n\nBy Ann Writer\n\nEdited, with an Introduction and "
                            "Notes, by Ruth Ames" + BODY)
    assert found.editor == ["Ruth Ames"] and found.author == ["Ann Writer"]


def test_place_colon_firm_and_the_year_below():
    found = read_title_page("A BOOK\n\nBy Ann Writer\n\nNew York: Charles Scribner's Sons\n"
                            "1905" + BODY)
    assert (found.place, found.publisher, found.date) == (
        "New York", "Charles Scribner's Sons", "1905")
    found = read_title_page("A BOOK\n\nBy Ann Writer\n\nLONDON\nLONGMANS, GREEN, AND CO.\n"
                            "1899." + BODY)
    assert (found.place, found.publisher, found.date) == ("LONDON", "LONGMANS, GREEN, AND CO.",
                                                          "1899")


def test_capitals_misread_by_ocr_are_mended_from_the_text_s_own_words():
    from tei_kirov.encoder.titlepage import mend_capitals

    body = "MANUAL OF YENEEEAL DISEASES\n\nVenereal disease, venereal sores, a venereal case."
    assert mend_capitals("MANUAL OF YENEEEAL DISEASES", body) == (
        "MANUAL OF VENEREAL DISEASES", ["YENEEEAL → VENEREAL"])
    # printed elsewhere too: a word of the text, kept
    assert mend_capitals("OF YENEEEAL", body + " YENEEEAL")[1] == []
    # the word it may stand for is printed fewer than three times: kept
    assert mend_capitals("OF YENEEEAL", " venereal, venereal.")[1] == []
    # not a confusion of OCR (C for G): kept
    assert mend_capitals("THE CHANCE", " change, change, change")[1] == []


@pytest.mark.parametrize("names", ["BY\n\nJOHN SMITH\n\nAND\n\nMARY JONES",
                                   "BY\nJOHN SMITH AND\nMARY JONES"])
def test_two_names_below_a_by_line(names):
    found = read_title_page("A TITLE\n\n" + names + BODY)
    assert found.author == ["John Smith", "Mary Jones"] and found.title == "A TITLE"


def test_a_contents_line_with_a_colon_is_no_imprint():
    found = read_title_page("A BOOK\n\nBy Ann Writer\n\nCONTENTS\n\nPART I: WAR & PEACE\n\n"
                            "PART II: BREAD & SALT" + BODY)
    assert (found.place, found.publisher, found.date) == (None, None, None)


def test_a_place_name_year_stack_is_an_imprint():
    found = read_title_page("A BOOK\n\nBy Ann Writer\n\nBOSTON:\nTICKNOR AND FIELDS.\n1854."
                            + BODY)
    assert (found.place, found.publisher, found.date) == ("BOSTON", "TICKNOR AND FIELDS",
                                                          "1854")
    found = read_title_page("A BOOK\n\nBy Ann Writer\n\nNOTE:\nSECOND EDITION.\n1854." + BODY)
    assert (found.place, found.publisher) == (None, None)


@pytest.mark.parametrize("line", ["Published at the request of the members, 1850.",
                                  "Published by request, 1850."])
def test_a_publishing_sentence_without_a_name_gives_no_publisher(line):
    assert read_title_page("A BOOK\n\nBy Ann Writer\n\n" + line + BODY).publisher is None


def test_an_edition_statement_and_a_preface_head_ending_in_one():
    found = read_title_page("A BOOK\n\nBy Ann Writer\n\nTHIRD EDITION.\n\nLONDON" + BODY)
    assert found.edition == "THIRD EDITION."
    found = read_title_page("A BOOK\n\nBy Ann Writer\n\nPREFACE\n\nTO THE\n\n"
                            "SECOND EDITION." + BODY)
    assert found.edition is None

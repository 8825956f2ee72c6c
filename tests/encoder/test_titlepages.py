"""Header facts from title pages in the layouts printed books and e-texts have, through the
whole encoder: the title and the printed author come out right, or stay empty (with a
warning) when the page does not state them unambiguously. The texts are synthetic."""

from __future__ import annotations

import pytest

import tei_kirov
from tei_kirov.encoder import encode_with_report
from tei_kirov.models import Author, Editor, RespStmt, Title

PROSE = ("The running text of the book begins in this paragraph and goes on long enough to be "
         "read as prose by anyone. It has several sentences, each of a fair length. None of "
         "them is a heading, and none of them names the author of the book in any way.\n")

CHAPTER = "\n\nCHAPTER I.\n\nTHE FIRST DAYS.\n\n" + PROSE

GUTENBERG = """The Project Gutenberg EBook of The Quiet Harbour, by Margaret Ellery Dunn

This eBook is for the use of anyone anywhere at no cost and with
almost no restrictions whatsoever.  You may copy it, give it away or
re-use it under the terms of the Project Gutenberg License included
with this eBook or online at www.gutenberg.org


Title: The Quiet Harbour
       A Study of Coastal Towns

Author: Margaret Ellery Dunn

Release Date: March 3, 2009 [EBook #12345]

Language: English


*** START OF THIS PROJECT GUTENBERG EBOOK THE QUIET HARBOUR ***




Produced by Tom Volunteer and the Online Distributed
Proofreading Team at http://www.pgdp.net





THE QUIET HARBOUR

A STUDY OF COASTAL TOWNS

BY

MARGARET ELLERY DUNN
""" + CHAPTER + """

End of the Project Gutenberg EBook of The Quiet Harbour, by Margaret Ellery Dunn

*** END OF THIS PROJECT GUTENBERG EBOOK THE QUIET HARBOUR ***
"""

GUTENBERG_NO_FIELDS = """The Project Gutenberg eBook of Letters on Lamplight, by Owen Bracegirdle

This eBook is for the use of anyone anywhere in the United States and
most other parts of the world at no cost and with almost no restrictions
whatsoever.

*** START OF THE PROJECT GUTENBERG EBOOK LETTERS ON LAMPLIGHT ***

LETTERS ON LAMPLIGHT
""" + CHAPTER

GUTENBERG_TRANSLATED = """The Project Gutenberg EBook of Night Roads, by Ivan Petrovich Sorin

Title: Night Roads

Author: Ivan Petrovich Sorin

Translator: Clara Mabel Ward

*** START OF THIS PROJECT GUTENBERG EBOOK NIGHT ROADS ***

NIGHT ROADS
""" + CHAPTER

ARCHIVE = """This book made available by the Internet Archive.





THE HYGIENE

OF

THE EYE AND

ITS DISORDERS.

BY

JOHN HENRY WALTERS, M.D., F.R.C.S.

AUTHOR OF "A TREATISE ON FEVERS," ETC.

SECOND EDITION, REVISED.

LONDON:
J. & A. CHURCHILL, NEW BURLINGTON STREET.
1882.

i ' . • ~

PREFACE.

""" + PROSE + CHAPTER

MANIFESTO = """MANIFESTO OF THE WEAVERS' UNION

By JOHANN WEBER and FRIEDRICH LANG

Authorized English Translation

Edited and Annotated by FRIEDRICH LANG

CHICAGO
CHARLES H. KERR & COMPANY
1910

""" + PROSE

PAMPHLET = """WHY THE MILLS STOPPED

by Anna Kowalczyk

Published by the Workers' Education League
New York, 1921

""" + PROSE

DEDICATION_FIRST = """TO MY MOTHER

THIS BOOK IS LOVINGLY DEDICATED



THE GARDEN WALL

BY

EDITH CARROWAY
""" + CHAPTER

EPIGRAPH_ONLY = """"The hours go by and leave no trace
Upon the stones."

—ROBERT HALLAM.
""" + CHAPTER

NO_TITLE_PAGE = """Produced by Jane Volunteer.

PREFACE.

""" + PROSE + CHAPTER

RUNNING_HEAD_FIRST = """THE LAW OF TIDES.

continued from the page before, this paragraph begins in the middle of a sentence and goes on
long enough to be read as prose. It has several sentences, each of a fair length, none of them a
heading. The text goes on after it.
""" + CHAPTER

CHAPTER_BYLINE = """CHAPTER I.

THE OLD MILL

By the mill pond the boys sat all the afternoon, and the sun went down behind them while they
talked of everything under the sky. It was late when they went home. Nobody scolded them.
"""

HALF_TITLE = """PREFACE.

""" + PROSE + """
J. S.



THE PRACTICAL MANUAL

OF

BEE-KEEPING.

INTRODUCTORY.

CHAPTER I.

HISTORY.

""" + PROSE + """
THE HIVE.

CHAPTER I.

THE COMB.

""" + PROSE

DIGITIZED = """Digitized by the Internet Archive
in 2011 with funding from
A University Library

http://www.archive.org/details/lecturesonweather00lowe



LECTURES

ON THE

WEATHER OF ISLANDS

A Course for Students

_by_ Herbert Lowe

Vol. I.

""" + PROSE

NOVEL = """THE RIVER PEOPLE
,' ^ ..

A NOVEL

BY JANE DOUGHTY
""" + CHAPTER

DEDICATION_CLOSE = """TO MY FATHER THIS BOOK IS DEDICATED

"All rivers run into the sea."

A SUMMER ON THE MARSH

By Colin Ashby
""" + CHAPTER

ETEXT_NOTES = """Clara Vossberg

The Question of the Eight-Hour Day

Written: March 1891;
Source: A collection of her speeches, Volume Two, 1902;
Translated: Henry Brandt;
Transcription/Markup: Ann Volunteer, 2004;
Online Version: A Workers' Archive, 2004.

""" + PROSE

ETEXT_NOTES_TWO_NAMES = ETEXT_NOTES.replace("The Question of the Eight-Hour Day",
                                            "Henry Brandt")

TREATISE = """THE

PHILOSOPHY OF WEALTH

A NEW STATEMENT OF ECONOMIC PRINCIPLES

BY

JOHN BATES CLAYTON, A.M.

PROFESSOR OF HISTORY IN A SMALL COLLEGE

BOSTON, U.S.A.
PUBLISHED BY GINN & COMPANY
1886
""" + CHAPTER

ENDS_WITH_OF = """THE DEATH OF

A NATION

BY PAUL ORME

LONDON
GEORGE ALLEN & UNWIN LTD.
RUSKIN HOUSE, 40 MUSEUM STREET, W.C. 1
1921
""" + CHAPTER

GUTENBERG_OTHER_TITLE = """The Project Gutenberg EBook of The Weavers' Manifesto, by Johann Weber

Title: The Weavers' Manifesto

Author: Johann Weber

Language: German

*** START OF THIS PROJECT GUTENBERG EBOOK THE WEAVERS' MANIFESTO ***

MANIFESTO OF THE WEAVERS' UNION

By JOHANN WEBER

""" + PROSE

TREATISE_TRANSLATED = """A TREATISE

ON

THE DISEASES OF THE LUNGS,

AND ON

THEIR TREATMENT.

BY R. T. H. MARCHAND, M.D.

TRANSLATED FROM THE FRENCH,

WITH A PREFACE AND NOTES,

BY JOHN FORDHAM, M.D.
""" + CHAPTER

BOOKPLATE = """'^^^

UNIVERSITY OF NOWHERE

GIFT OF

Mrs. Ellen Doe

THE

ELEMENTS OF BOTANY

BY

ASA GRAYLING, M.D.

NEW YORK:
D. APPLETON & CO., 549 BROADWAY.
1868.
""" + CHAPTER

PART_HEADS = ("THE EARLY YEARS.\n\nCHAPTER I.\n\n" + PROSE + "\nTHE LATER YEARS.\n\n"
              "CHAPTER II.\n\n" + PROSE)

CONTENTS_FIRST = ("CONTENTS\n\nCHAPTER I. THE START\n\nCHAPTER II. THE END\n\n\n\n"
                  "CHAPTER I.\n\nTHE START.\n\n" + PROSE)

DEDICATION_PAGE = "TO MY WIFE\n\n\n\nCHAPTER I.\n\nTHE START.\n\n" + PROSE

ANTHOLOGY = "CHAPTER I.\n\nTHE OLD MILL\n\nBy John Smith\n\n" + PROSE

INTRODUCTION_BY = """THE FARMER'S YEAR

By Walter Greenhow

With an Introduction by Lucy Arden Vale

""" + PROSE

TRANSLATED = """ON THE NATURE OF WAVES

BY PIERRE LAVALLE

TRANSLATED FROM THE FRENCH BY

HENRY J. COLLINS, B.A.

NEW YORK
THE DIAL PRESS
1931

""" + PROSE


def facts(text: str) -> dict[str, object]:
    """The header facts of ``text``'s edition, and the report's warnings."""
    doc, report = encode_with_report(text)
    stmt = doc.header.file_desc.title_stmt
    titles = {t.type: t.text() for t in stmt.children(Title)}
    resp = [r.text() for r in stmt.children(RespStmt)]
    assert tei_kirov.validate(tei_kirov.to_bytes(doc)).ok
    return {"title": titles.get("main"), "subtitle": titles.get("sub"),
            "author": [a.text() for a in stmt.children(Author)],
            "editor": [(e.text(), e.role) for e in stmt.children(Editor)],
            "translator": [r for r in resp if r.startswith("translation")],
            "warnings": " ".join(report.warnings), "header": " ".join(report.header),
            "source": doc.header.file_desc.text()}


def test_gutenberg_fields_give_title_subtitle_and_author():
    got = facts(GUTENBERG)
    assert (got["title"], got["subtitle"]) == ("The Quiet Harbour", "A Study of Coastal Towns")
    assert got["author"] == ["Margaret Ellery Dunn"]


def test_gutenberg_ebook_line_without_fields():
    got = facts(GUTENBERG_NO_FIELDS)
    assert got["title"] == "Letters on Lamplight"
    assert got["author"] == ["Owen Bracegirdle"]


def test_gutenberg_translator_field():
    got = facts(GUTENBERG_TRANSLATED)
    assert got["author"] == ["Ivan Petrovich Sorin"]
    assert got["translator"] == ["translationClara Mabel Ward"]


def test_archive_ocr_title_page():
    got = facts(ARCHIVE)
    assert got["title"] == "THE HYGIENE OF THE EYE AND ITS DISORDERS"
    assert got["author"] == ["John Henry Walters"]
    assert "place: LONDON" in got["header"]
    assert "publisher: J. & A. Churchill" in got["header"] or \
        "publisher: J. & A. CHURCHILL" in got["header"]
    assert "date: 1882" in got["header"]
    assert "edition: SECOND EDITION, REVISED" in got["header"]


def test_manifesto_title_page():
    got = facts(MANIFESTO)
    assert got["title"] == "MANIFESTO OF THE WEAVERS' UNION"
    assert got["author"] == ["Johann Weber", "Friedrich Lang"]
    assert got["editor"] == [("Friedrich Lang", None)]
    assert "publisher: CHARLES H. KERR & COMPANY" in got["header"]
    assert "place: CHICAGO" in got["header"] and "date: 1910" in got["header"]


def test_pamphlet_with_a_by_line_and_imprint():
    got = facts(PAMPHLET)
    assert got["title"] == "WHY THE MILLS STOPPED"
    assert got["author"] == ["Anna Kowalczyk"]
    assert "publisher: Workers' Education League" in got["header"]
    assert "place: New York" in got["header"] and "date: 1921" in got["header"]


def test_a_dedication_before_the_title_is_not_the_title():
    got = facts(DEDICATION_FIRST)
    assert got["title"] == "THE GARDEN WALL"
    assert got["author"] == ["Edith Carroway"]


@pytest.mark.parametrize("text", [EPIGRAPH_ONLY, NO_TITLE_PAGE, RUNNING_HEAD_FIRST,
                                  CHAPTER_BYLINE, PART_HEADS, ANTHOLOGY, CONTENTS_FIRST,
                                  DEDICATION_PAGE])
def test_no_title_page_gives_no_title_and_no_author(text):
    got = facts(text)
    assert got["title"] is None and got["author"] == []
    assert "no title in the header" in got["warnings"]
    assert "no author in the header" in got["warnings"]


def test_an_introduction_by_is_an_editor_with_that_role():
    got = facts(INTRODUCTION_BY)
    assert got["title"] == "THE FARMER'S YEAR" and got["author"] == ["Walter Greenhow"]
    assert got["editor"] == [("Lucy Arden Vale", "introduction")]


def test_translated_from_by_on_its_own_line_and_a_press():
    got = facts(TRANSLATED)
    assert got["title"] == "ON THE NATURE OF WAVES" and got["author"] == ["Pierre Lavalle"]
    assert got["translator"] == ["translationHenry J. Collins"]
    assert "publisher: THE DIAL PRESS" in got["header"]
    assert "place: NEW YORK" in got["header"] and "date: 1931" in got["header"]
def test_a_half_title_before_chapter_one_is_the_title_but_a_signature_is_no_author():
    got = facts(HALF_TITLE)
    assert got["title"] == "THE PRACTICAL MANUAL OF BEE-KEEPING"
    assert "(half-title, line" in got["header"]
    assert got["author"] == [] and "no author in the header" in got["warnings"]




def test_an_archive_scan_credit_and_its_address_are_not_the_title():
    got = facts(DIGITIZED)
    assert (got["title"], got["subtitle"]) == ("LECTURES ON THE WEATHER OF ISLANDS",
                                               "A Course for Students")
    assert got["author"] == ["Herbert Lowe"]


def test_a_genre_line_is_the_subtitle_and_ocr_noise_is_dropped():
    got = facts(NOVEL)
    assert (got["title"], got["subtitle"]) == ("THE RIVER PEOPLE", "A NOVEL")
    assert "subtitle: A NOVEL (title page, line 4)" in got["header"]
    assert got["author"] == ["Jane Doughty"]


def test_a_dedication_and_an_epigraph_just_above_the_title_are_not_the_title():
    got = facts(DEDICATION_CLOSE)
    assert got["title"] == "A SUMMER ON THE MARSH" and got["author"] == ["Colin Ashby"]


def test_etext_source_notes_under_author_and_title_lines():
    got = facts(ETEXT_NOTES)
    assert got["author"] == ["Clara Vossberg"]
    assert got["title"] == "The Question of the Eight-Hour Day"
    assert got["translator"] == ["translationHenry Brandt"]
    doc = encode_with_report(ETEXT_NOTES)[0]
    assert "Transcription/Markup" not in doc.text.text()
    assert "Transcription/Markup" in doc.header.text()


def test_two_names_over_etext_notes_are_ambiguous():
    got = facts(ETEXT_NOTES_TWO_NAMES)
    assert got["author"] == [] and got["title"] is None


def test_a_treatise_title_page_with_a_published_by_imprint():
    got = facts(TREATISE)
    assert (got["title"], got["subtitle"]) == ("THE PHILOSOPHY OF WEALTH",
                                               "A NEW STATEMENT OF ECONOMIC PRINCIPLES")
    assert got["author"] == ["John Bates Clayton"]
    assert "publisher: GINN & COMPANY" in got["header"]
    assert "place: BOSTON, U.S.A" in got["header"] and "date: 1886" in got["header"]


def test_a_title_line_ending_in_of_goes_on_and_an_address_line_is_skipped():
    got = facts(ENDS_WITH_OF)
    assert (got["title"], got["subtitle"]) == ("THE DEATH OF A NATION", "A TEI P5 edition")
    assert "publisher: GEORGE ALLEN & UNWIN LTD." in got["header"]
    assert "place: LONDON" in got["header"] and "date: 1921" in got["header"]


def test_a_preamble_title_other_than_the_printed_one_and_its_language():
    doc, report = encode_with_report(GUTENBERG_OTHER_TITLE)
    stmt = doc.header.file_desc.title_stmt
    assert [t.text() for t in stmt.children(Title) if t.type == "main"] == [
        "The Weavers' Manifesto"]
    source = doc.header.file_desc.text()
    assert "MANIFESTO OF THE WEAVERS' UNION" in source  # the source's title as printed
    assert doc.root.xml_lang == "de"
    assert report.header[0] == "title: The Weavers' Manifesto (e-text preamble)"
    assert "source_title: MANIFESTO OF THE WEAVERS' UNION (title page, line 11)" in report.header
    assert tei_kirov.validate(tei_kirov.to_bytes(doc)).ok


def test_a_translation_role_printed_lines_above_its_by_line():
    got = facts(TREATISE_TRANSLATED)
    assert got["title"] == "A TREATISE ON THE DISEASES OF THE LUNGS, AND ON THEIR TREATMENT"
    assert got["author"] == ["R. T. H. Marchand"]
    assert got["translator"] == ["translationJohn Fordham"]


def test_a_bookplate_above_the_title_is_not_the_title():
    got = facts(BOOKPLATE)
    assert got["title"] == "THE ELEMENTS OF BOTANY" and got["author"] == ["Asa Grayling"]
    assert "publisher: D. APPLETON & CO." in got["header"]
    assert "place: NEW YORK" in got["header"] and "date: 1868" in got["header"]

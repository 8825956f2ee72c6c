from tei_kirov.encoder.pipeline import encode_with_report
from tei_kirov.encoder.structure import (
    Hint,
    Settings,
    StructureReport,
    build_text,
    is_section_head,
    is_subtitle,
)
from tei_kirov.models import Byline, Choice, Closer, Div, Front, Item, List, Quote, TitlePage

BLOCKS = [
    "Author on\nThe Topic", "BIG\nPRESS", "INTRODUCTION",
    "We reprint this essay, which had become rare and is needed again by readers today.",
    "May 1, 1956", "Translated by", "A. Translator", "First Printing, June, 1921",
    "The Article Title", "*A Subtitle*",
    "1. First Part", "We list them all here, as the dispatch gave them:",
    "1. One\u2014a man;", "2. Two\u2014a woman.", "After the list.",
    "2. Second Part", "In this article I wrote:", '"Quoted first paragraph.',
    '"Quoted second one."', "Back to the text.",
    "2. Third Part", "Text of the third part.",
    "In closing, these words open the conclusion.", "More conclusion.",
    "A. WRITER", "December 28, 1934.",
    "Second Article", "Its only paragraph, long enough to be prose for the test.",
    "A. WRITER", "December 30, 1934",
]


def _text():
    report = StructureReport()
    text = build_text(BLOCKS, [Hint("conclusion", "In closing")], report,
                      Settings(unnumbered="article"))
    return text, report


def test_heads_and_subtitles_are_recognised():
    assert is_section_head("12. The Inevitability of New Amalgams Had Been Foretold")
    assert not is_section_head("1. Zinoviev\u2014Lenin's collaborator for many years;")
    assert is_subtitle("*A Reply to Friends in America*\U000f0000")
    assert not is_subtitle("*Italic* and then plain")


def test_front_matter():
    text, _ = _text()
    front = text.front
    assert isinstance(front, Front)
    assert len(front.children(TitlePage)) == 1
    intro, imprint = front.divs
    assert intro.type == "introduction" and intro.head.text() == "INTRODUCTION"
    assert intro.child(Closer).text() == "May 1, 1956"
    assert imprint.type == "imprint"
    assert imprint.child(Byline).text() == "Translated by A. Translator"
    assert imprint.paragraphs[0].text() == "First Printing, June, 1921"


def test_articles_sections_and_closers():
    text, report = _text()
    articles = text.body.divs
    assert [a.type for a in articles] == ["article", "article"]
    first = articles[0]
    assert [h.type for h in first.heads] == [None, "sub"]
    sections = [d for d in first.divs if d.type == "section"]
    assert [s.n for s in sections] == ["1", "2", "3"]
    assert first.divs[-1].type == "conclusion" and len(first.divs[-1].paragraphs) == 2
    assert first.child(Closer).text() == "A. WRITERDecember 28, 1934."
    assert report.articles == 2 and report.sections == 3


def test_duplicated_section_number_is_corrected():
    text, report = _text()
    third = [d for d in text.body.divs[0].divs if d.n == "3"][0]
    choice = third.head.child(Choice)
    assert choice is not None and choice.text() == "2.3."
    assert report.corrections == ["section number 2. \u2192 3."]


def test_numbered_list_and_block_quote():
    text, report = _text()
    first_section = text.body.divs[0].divs[0]
    lst = first_section.paragraphs[0].child(List)
    assert lst is not None and [i.n for i in lst.children(Item)] == ["1", "2"]
    assert len(first_section.paragraphs) == 2
    second = text.body.divs[0].divs[1]
    quote = second.child(Quote)
    assert quote is not None and len(quote.children(type(second.paragraphs[0]))) == 2
    assert report.lists == 1 and report.quotes == 1


def test_without_front_matter_the_body_is_everything():
    text = build_text(["Title", "1. One", "Text.", "2. Two", "More text."])
    assert text.front is None
    assert [d.n for d in text.body.divs[0].divs] == ["1", "2"]
    assert all(isinstance(d, Div) for d in text.body.divs)


def test_article_paragraphs_before_the_first_section():
    text = build_text(["INTRODUCTION", "An introduction long enough to count as prose, surely.",
                       "May 1, 1956", "Title", "*Sub*",
                       "An opening paragraph of the article itself, before its sections.",
                       "1. One", "Text.", "A. WRITER", "December 28, 1934."])
    article = text.body.divs[0]
    assert [h.text() for h in article.heads] == ["Title", "Sub"]
    assert len(article.paragraphs) == 1 and [d.n for d in article.divs] == ["1"]


PROSE = "This paragraph is running text, long enough to read as prose and not as a head."


def _divs(el):
    """(type, id, head text) of every division below ``el``, depth first."""
    return [(d.type, d.xml_id, " ".join(d.head.text().split()) if d.head else None)
            for d in el.iter(Div)]


def test_roman_arabic_and_lettered_heads_nest_in_order_of_appearance():
    text = build_text(["I. BOURGEOIS AND PROLETARIANS", PROSE,
                       "II. SOCIALIST LITERATURE", PROSE,
                       "1. Reactionary Socialism", PROSE,
                       "A. Feudal Socialism", PROSE, "B. Petty-Bourgeois Socialism", PROSE,
                       "2. Conservative Socialism", PROSE, "III. POSITION", PROSE])
    top = text.body.divs
    assert [d.head.text() for d in top] == ["I. BOURGEOIS AND PROLETARIANS",
                                             "II. SOCIALIST LITERATURE", "III. POSITION"]
    second = top[1]
    assert [d.head.text() for d in second.divs] == ["1. Reactionary Socialism",
                                                     "2. Conservative Socialism"]
    assert [d.n for d in second.divs[0].divs] == ["1", "2"]
    ids = [d.xml_id for d in text.iter(Div)]
    assert len(ids) == len(set(ids)) == 7


def test_labelled_heads_with_titles_and_parts():
    text = build_text(["PART ONE", "THE EARLY YEARS", "CHAPTER I.", "THE FARM", PROSE,
                       "Chapter 2: The City", PROSE, "PART TWO", "CHAPTER I.", PROSE])
    parts = text.body.divs
    assert [(d.type, d.n) for d in parts] == [("part", "1"), ("part", "2")]
    assert parts[0].head.text() == "PART ONE\nTHE EARLY YEARS"
    assert [(d.type, d.xml_id) for d in parts[0].divs] == [("chapter", "part1-ch1"),
                                                          ("chapter", "part1-ch2")]
    assert parts[0].divs[0].head.text() == "CHAPTER I.\nTHE FARM"
    assert parts[1].divs[0].xml_id == "part2-ch1"  # numbering restarts: ids stay unique


def test_plain_parent_of_chapters_is_a_part_and_heads_on_separate_lines_join():
    text = build_text(["PREFACE", "TO", "THE SECOND EDITION.", PROSE,
                       "INTRODUCTORY.", "CHAPTER I.", "HISTORICAL.", PROSE,
                       "CHAPTER II.", PROSE])
    preface = text.front.divs[0]
    assert preface.type == "preface" and preface.head.text() == \
        "PREFACE\nTO\nTHE SECOND EDITION."
    part = text.body.divs[0]
    assert part.type == "part" and [d.n for d in part.divs] == ["1", "2"]


def test_a_numbered_programme_is_a_list_not_divisions():
    text = build_text(["Title", PROSE, "These measures will be generally applicable.",
                       "1. Abolition of property in land.", "2. A heavy progressive tax.",
                       "3. Abolition of all rights of inheritance.", PROSE])
    assert [d.head.text() for d in text.body.iter(Div)] == ["Title"]
    lists = list(text.body.iter(List))
    assert len(lists) == 1 and len(lists[0].children(Item)) == 3


def test_contents_list_is_a_list_and_front_matter_is_named():
    text = build_text(["A BOOK", "By An Author", "CONTENTS", "PREFACE", "CHAPTER I",
                       "CHAPTER II", "PREFACE", PROSE, "CHAPTER I", PROSE, "CHAPTER II",
                       PROSE])
    front = text.front
    page = front.child(TitlePage)
    assert page is not None and page.child(Byline).text() == "By An Author"
    contents, preface = front.divs
    assert contents.type == "contents" and [i.text() for i in
                                            contents.child(List).children(Item)] == [
        "PREFACE", "CHAPTER I", "CHAPTER II"]
    assert contents.child(List).type == "toc" and not contents.divs
    assert preface.type == "preface"
    assert [d.xml_id for d in text.body.divs] == ["ch1", "ch2"]


def test_letters_have_openers_and_closers():
    from tei_kirov.models import Opener, Salute, Signed

    text = build_text(["LETTER FROM A FRIEND", "BOSTON, APRIL 22, 1845.", "My Dear Friend:",
                       PROSE, "_Till then, and ever,_ Yours truly, WENDELL PHILLIPS",
                       "CHAPTER I", PROSE])
    letter = text.front.divs[0]
    assert letter.child(Opener).child(Salute).text() == "My Dear Friend:"
    assert letter.child(Closer).child(Signed).text() == "WENDELL PHILLIPS"


def test_producer_credits_leave_the_text_and_are_reported():
    text = "Produced by A Volunteer\n\nTHE TITLE\n\nCHAPTER I\n\n" + PROSE + "\n"
    doc, found = encode_with_report(text)
    assert "Volunteer" not in doc.text.text()
    assert "Volunteer" in doc.header.text()
    assert [(f.line, f.text) for f in found.findings.of_kind("producer")] == [
        (1, "Produced by A Volunteer")]


def test_running_heads_and_doubtful_lines_stay_paragraphs():
    report = StructureReport()
    text = build_text(["CHAPTER I.", "OUTLINE.", PROSE, "OUTLINE.", PROSE, "12",
                       "SYPHILIS.", PROSE, "SYPHILIS.", PROSE,
                       "A Short Line", "and a second line of verse after it,", PROSE],
                      report=report)
    assert [d.head.text() for d in text.body.iter(Div)] == ["CHAPTER I.\nOUTLINE."]
    notes = [i.text for i in report.findings.of_kind("uncertain")]
    assert "OUTLINE." in notes and "SYPHILIS." in notes and "A Short Line" in notes


def test_plain_heads_alone_make_sections_and_the_type_is_a_setting():
    blocks = ["INTRODUCTION.", PROSE, "Philadelphia, February 14, 1776",
              "OF MONARCHY AND HEREDITARY SUCCESSION.", PROSE,
              "THOUGHTS ON THE PRESENT STATE OF AFFAIRS.", PROSE]
    text = build_text(blocks)
    assert text.front.divs[0].child(Closer).text() == "Philadelphia, February 14, 1776"
    assert [(d.type, d.xml_id) for d in text.body.divs] == [("section", "s1"), ("section", "s2")]
    text = build_text(blocks, settings=Settings(unnumbered="essay"))
    assert [d.xml_id for d in text.body.divs] == ["essay1", "essay2"]


def test_a_text_without_heads_keeps_its_title_page():
    text = build_text(["CERTAIN SYMPTOMS", "OF NERVOUS EXHAUSTION.", "By A. DOCTOR, M. D.",
                       PROSE, PROSE])
    page = text.front.child(TitlePage)
    assert page.child(Byline).text() == "By A. DOCTOR, M. D."
    assert not list(text.body.iter(Div)) and len(text.body.paragraphs) == 2
    assert build_text([PROSE, "a short line", PROSE]).front is None
    text = build_text([PROSE, "A Short Head", PROSE])  # text before the first head
    assert text.front is None and len(text.body.paragraphs) == 1
    assert text.body.divs[0].head.text() == "A Short Head"

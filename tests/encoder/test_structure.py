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

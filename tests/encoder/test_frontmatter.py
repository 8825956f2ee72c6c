from tei_kirov.encoder.frontmatter import build_title_page
from tei_kirov.models import Byline, DocDate, DocImprint, DocTitle, Publisher, PubPlace, TitlePart


def test_publisher_named_by_a_noun_then_address():
    page = build_title_page(["Author on\nThe Topic", "BIG", "PRESS", "1 Main Street",
                             "Springfield"])
    assert page is not None
    parts = page.child(DocTitle).children(TitlePart)
    assert [p.type for p in parts] == ["sup", "main"]
    imprint = page.child(DocImprint)
    assert imprint.child(Publisher).text() == "BIG\nPRESS"
    assert imprint.child(PubPlace).text() == "Springfield"


def test_place_publisher_statement_year_and_byline():
    page = build_title_page(["COMMON SENSE;", "addressed to the", "PHILADELPHIA",
                             "Printed and sold by W. & T. Bradford, February 14, 1776.",
                             "MDCCLXXVI", "Common Sense\nBy Thomas Paine"])
    assert page is not None
    imprint = page.child(DocImprint)
    assert imprint.child(PubPlace).text() == "PHILADELPHIA"
    assert imprint.child(Publisher).text().startswith("Printed and sold by")
    assert imprint.child(DocDate).text() == "MDCCLXXVI"
    assert page.child(Byline).text() == "By Thomas Paine"
    assert [p.text() for p in page.children(TitlePart)] == ["addressed to the", "Common Sense"]


def test_no_blocks_no_title_page():
    assert build_title_page([]) is None


def test_ocr_specks_and_a_title_set_on_separate_lines():
    page = build_title_page(["/o,", "CERTAIN SYMPTOMS", "OF", "NERVOUS EXHAUSTION.",
                             "By A. DOCTOR"])
    assert page is not None
    assert page.child(DocTitle).text() == "CERTAIN SYMPTOMS\nOF\nNERVOUS EXHAUSTION."
    assert page.children(TitlePart)[0].text() == "/o,"
    assert page.child(Byline).text() == "By A. DOCTOR"

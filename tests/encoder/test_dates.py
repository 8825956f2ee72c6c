import datetime as dt
from pathlib import Path

import pytest
from lxml import etree

import tei_kirov
from tei_kirov.encoder import encode
from tei_kirov.encoder.dates import apply_dates, julian_to_gregorian, reference_date
from tei_kirov.models import Date, Div, Hi, P, Pb
from tei_kirov.w3cdates import w3c_error

from .devtexts import BEARD, DOUGLASS, HILL, PAINE, dev_text

TEI = "{http://www.tei-c.org/ns/1.0}"

REF = dt.date(1934, 12, 28)


def _dates(text: str, ref: dt.date | None = REF) -> list[tuple[str, dict[str, str]]]:
    p = P(text)
    found = apply_dates(p, ref)
    keys = ("when", "from_", "to", "not_before", "not_after", "cert", "evidence", "resp")
    return [(d.text(), {k: getattr(d, k) for k in keys if getattr(d, k)}) for d in found]


def test_full_dates_months_and_years():
    assert _dates("On July 20, 1931, in February, 1956, (Jan. 1928) and in 1926.") == [
        ("July 20, 1931", {"when": "1931-07-20"}), ("February, 1956", {"when": "1956-02"}),
        ("Jan. 1928", {"when": "1928-01"}), ("1926", {"when": "1926"})]


def test_ranges_and_vague_dates():
    assert _dates("during 1923-25, in 1926-27, at the end of 1934") == [
        ("1923-25", {"from_": "1923", "to": "1925"}), ("1926-27", {"from_": "1926", "to": "1927"}),
        ("end of 1934", {"not_before": "1934-10-01", "not_after": "1934-12-31"})]


def test_year_inferred_from_the_dateline():
    inferred = {"cert": "high", "evidence": "internal", "resp": "#enc"}
    assert _dates("On December 17, a dispatch") == [
        ("December 17", {"when": "1934-12-17", **inferred})]
    assert _dates("in March 3 of the year", dt.date(1935, 1, 5)) == [
        ("March 3", {"when": "1934-03-03", **inferred})]
    assert _dates("On December 17", None) == [("December 17", {"when": "--12-17"})]


def test_numbers_that_are_not_dates():
    assert _dates("for 25-30 and more years, 5,000 roubles, 170 million, the 14th, 9-15.") == []


def test_impossible_days_are_left_alone():
    assert _dates("February 30, 1934") == []


def test_reference_date():
    assert reference_date("December 28, 1934.") == REF
    assert reference_date("no date") is None
    assert Date


# Each convention in a synthetic sentence -------------------------------------------------

def test_ordinals_abbreviations_and_capitals():
    assert _dates("On November 7th, 1917, FEB. 1, 1903, Sept. 3, 1900 and APRIL 22, 1845.",
                  None) == [
        ("November 7th, 1917", {"when": "1917-11-07"}), ("FEB. 1, 1903", {"when": "1903-02-01"}),
        ("Sept. 3, 1900", {"when": "1900-09-03"}), ("APRIL 22, 1845", {"when": "1845-04-22"})]


def test_day_month_year_and_word_ordinals():
    assert _dates("on 7 November 1917, the 2nd of May, 1848, the nineteenth of April 1775 "
                  "and the twenty-first of June, 1900", None) == [
        ("7 November 1917", {"when": "1917-11-07"}), ("2nd of May, 1848", {"when": "1848-05-02"}),
        ("nineteenth of April 1775", {"when": "1775-04-19"}),
        ("twenty-first of June, 1900", {"when": "1900-06-21"})]


def test_month_and_year():
    assert _dates("in November, 1917 and in MARCH 1848", None) == [
        ("November, 1917", {"when": "1917-11"}), ("MARCH 1848", {"when": "1848-03"})]


def test_seasons():
    assert _dates("the summer of 1915, the Spring of 1916, the autumn of 1917 and the winter "
                  "of 1915", None) == [
        ("summer of 1915", {"not_before": "1915-06-01", "not_after": "1915-08-31"}),
        ("Spring of 1916", {"not_before": "1916-03-01", "not_after": "1916-05-31"}),
        ("autumn of 1917", {"not_before": "1917-09-01", "not_after": "1917-11-30"}),
        ("winter of 1915", {"not_before": "1915-12-01", "not_after": "1916-02-29"})]


def test_ranges():
    assert _dates("in 1848-49, 1916--1917, 1490-9, from 1422 to 1489, from March to May 1917 "
                  "and 1916--all that", None) == [
        ("1848-49", {"from_": "1848", "to": "1849"}),
        ("1916--1917", {"from_": "1916", "to": "1917"}),
        ("1490-9", {"from_": "1490", "to": "1499"}),
        ("from 1422 to 1489", {"from_": "1422", "to": "1489"}),
        ("from March to May 1917", {"from_": "1917-03", "to": "1917-05"}),
        ("1916", {"when": "1916"})]


def test_old_style_and_new_style():
    assert _dates("January 6/19, 1905, January 31/February 13, 1905, December 20/January 2, "
                  "1904 and March 1, 1700 (O.S.)", None) == [
        ("January 6/19, 1905", {"when": "1905-01-19"}),
        ("January 31/February 13, 1905", {"when": "1905-02-13"}),
        ("December 20/January 2, 1904", {"when": "1905-01-02"}),
        ("March 1, 1700 (O.S.)", {"when": "1700-03-12"})]
    date = apply_dates(P("January 6/19, 1905"))[0]
    assert date.type == "os-ns"


def test_roman_year():
    assert _dates("MDCCLXXVI; MIX; MCM", None) == [("MDCCLXXVI", {"when": "1776"})]


def test_year_from_the_nearest_full_date_before():
    medium = {"cert": "medium", "evidence": "internal", "resp": "#enc"}
    assert _dates("Written March 3, 1845. On May 1 and on the 4th of June he left.", None) == [
        ("March 3, 1845", {"when": "1845-03-03"}), ("May 1", {"when": "1845-05-01", **medium}),
        ("4th of June", {"when": "1845-06-04", **medium})]


def test_year_from_the_same_day_printed_with_its_year():
    div = Div(P("before the nineteenth of April, all"), P("on June 3, 1776 and the fatal "
                                                          "nineteenth of April 1775"))
    found = apply_dates(div)
    assert [(d.text(), d.when, d.cert) for d in found] == [
        ("nineteenth of April", "1775-04-19", "medium"), ("June 3, 1776", "1776-06-03", None),
        ("nineteenth of April 1775", "1775-04-19", None)]


def test_year_from_the_next_full_date_when_none_is_before():
    low = {"cert": "low", "evidence": "internal", "resp": "#enc"}
    div = Div(P("before the tenth of May, all"), P("the fatal nineteenth of April 1775"))
    found = apply_dates(div)
    assert [(d.text(), d.when, d.cert) for d in found] == [
        ("tenth of May", "1775-05-10", "low"), ("nineteenth of April 1775", "1775-04-19", None)]
    assert {k: getattr(found[0], k) for k in ("cert", "evidence", "resp")} == low


def test_a_date_through_italics_and_milestones():
    p = P(Hi("May", rend="italic"), " 1, 1845, and Decem", Pb(n="3", break_="no"), "ber 2, 1846")
    found = apply_dates(p)
    assert [(d.text(), d.when) for d in found] == [("May 1, 1845", "1845-05-01"),
                                                   ("December 2, 1846", "1846-12-02")]
    assert isinstance(p.content[0], Date) and p.content[0].content[0] == Hi("May", rend="italic")


def test_a_date_does_not_cut_an_element():
    p = P(Hi("in May 1", rend="italic"), ", 1845")
    assert [(d.text(), d.when) for d in apply_dates(p)] == [("May 1", "--05-01"),
                                                            ("1845", "1845")]
    assert isinstance(p.content[0], Hi) and isinstance(p.content[0].content[1], Date)


def test_false_friends():
    assert _dates("May he continue; You may march. March on! It cost 1,000 dollars, 1,845 "
                  "men, pages 1200-1300 are not 12-15; he was 25 in May. In 1852-3 and "
                  "1852-1851.", None) == [
        ("1852-3", {"from_": "1852", "to": "1853"})]


def test_numbers_of_pages_and_amounts_are_no_years():
    assert _dates("see p. 1845, pp. 1200-1300, No. 1917, $ 1500, £1776, page 1848, 1850%, "
                  "in 1851", None) == [("1851", {"when": "1851"})]


def test_julian_to_gregorian():
    assert julian_to_gregorian(1905, 1, 6) == dt.date(1905, 1, 19)
    assert julian_to_gregorian(1582, 10, 5) == dt.date(1582, 10, 15)


def test_values_are_valid_w3c():
    text = ("November 7th, 1917; November, 1917; summer of 1915; 1848-49; January 6/19, 1905; "
            "winter of 1899; February 29, 1900; May 3")
    for date in apply_dates(P(text)):
        for key in ("when", "from_", "to", "not_before", "not_after"):
            value = getattr(date, key)
            assert value is None or w3c_error(value) is None, value
    assert "February 29, 1900" not in [d.text() for d in apply_dates(P(text))]


# The development texts: dates hand-checked by reading ------------------------------------

#: (surface, value) of every calendar date in each text's running text, checked by reading.
#: Values: @when, or "from/to", or "notBefore/notAfter".
GOLD = {
    PAINE: [("February 14, 1776", "1776-02-14"), ("MDCCLXXVI", "1776"),
            ("February 14, 1776", "1776-02-14"), ("from 1422 to 1489", "1422/1489"),
            ("nineteenth of April", "1775-04-19"), ("nineteenth of April 1775", "1775-04-19")],
    DOUGLASS: [("1845", "1845"), ("1845", "1845"), ("August, 1841", "1841-08"),
               ("March 31, 1845", "1845-03-31"), ("March 17, 1845", "1845-03-17"),
               ("May 1, 1845", "1845-05-01"), ("APRIL 22, 1845", "1845-04-22"),
               ("1838", "1838"), ("1776", "1776"), ("1817", "1817"), ("1818", "1818"),
               ("1838", "1838"), ("1841", "1841"), ("1855", "1855"), ("1881", "1881"),
               ("1895", "1895"), ("1835", "1835")],
    # "April 4*, 187S" is April 4, 1878 in print; the OCR damaged the year
    BEARD: [("April 4*, 187S", "1878-04-04")],
    HILL: [("1490-9", "1490/1499"), ("1852", "1852")],
}


def tagged(xml: str) -> list[tuple[str, str]]:
    """(surface, value) of every date in the edition's text."""
    from lxml import etree

    root = etree.fromstring(xml.encode("utf-8")).find(f"{TEI}text")
    out = []
    for date in root.iter(f"{TEI}date"):
        value = date.get("when") or "/".join(filter(None, (date.get("from"), date.get("to"),
                                                           date.get("notBefore"),
                                                           date.get("notAfter"))))
        out.append((" ".join("".join(date.itertext()).split()), value))
    return out


def score(gold: list[tuple[str, str]], found: list[tuple[str, str]]) -> tuple[int, int]:
    """(right, false positives): gold dates tagged with their surface and value, and tagged
    dates that are not in the gold."""
    left = list(found)
    right = 0
    for item in gold:
        if item in left:
            left.remove(item)
            right += 1
    return right, len(left)


@pytest.fixture(scope="module")
def dev_dates():
    out = {}
    for name in GOLD:
        doc = encode(dev_text(name), b'<TEI xmlns="http://www.tei-c.org/ns/1.0"/>')
        out[name] = tagged(tei_kirov.to_string(doc))
    return out


#: Dates of the e-text producer's note (right either way; the note may go to the header).
PRODUCER = {DOUGLASS: [("January 15, 1929", "1929-01-15"), ("January 20, 1992", "1992-01-20")]}


@pytest.mark.parametrize("name", [PAINE, DOUGLASS, HILL])
def test_development_texts_dates(dev_dates, name):
    found = [d for d in dev_dates[name] if d not in PRODUCER.get(name, [])]
    right, false = score(GOLD[name], found)
    assert right == len(GOLD[name]) and false == 0, dev_dates[name]


def test_beard_damaged_date_is_not_given_a_year():
    assert dev_dates_for(BEARD) == [("April 4", "--04-04")]


def dev_dates_for(name: str) -> list[tuple[str, str]]:
    return tagged(tei_kirov.to_string(encode(dev_text(name),
                                             b'<TEI xmlns="http://www.tei-c.org/ns/1.0"/>')))


def test_decades_parts_of_years_and_years_before_christ():
    assert _dates("in the 1840s, early 1917, late in 1918, mid-1919, 55 B.C., 1200 BC and "
                  "1845s", None) == [
        ("1840s", {"not_before": "1840", "not_after": "1849"}),
        ("early 1917", {"not_before": "1917-01-01", "not_after": "1917-04-30"}),
        ("late in 1918", {"not_before": "1918-09-01", "not_after": "1918-12-31"}),
        ("mid-1919", {"not_before": "1919-05-01", "not_after": "1919-08-31"}),
        ("55 B.C.", {"when": "-0055"}), ("1200 BC", {"when": "-1200"})]


def test_day_before_a_full_month_name():
    assert _dates("on 4 July and at 3 May he went; 12 March 1850", None) == [
        ("4 July", {"when": "1850-07-04", "cert": "low", "evidence": "internal",
                    "resp": "#enc"}),
        ("12 March 1850", {"when": "1850-03-12"})]


# Conventions of texts not yet seen ---------------------------------------------------------

def test_abbreviated_months_without_a_full_stop():
    assert _dates("in Dec 1917, on Sept 3, 1914 and on 5 Jan 1900", None) == [
        ("Dec 1917", {"when": "1917-12"}), ("Sept 3, 1914", {"when": "1914-09-03"}),
        ("5 Jan 1900", {"when": "1900-01-05"})]
    assert _dates("Jan and Dec 3 were here; Mar 5", None) == []  # no year: no abbreviation


def test_old_style_with_the_new_style_in_brackets():
    assert _dates("October 25 (November 7), 1917, Oct. 25 (Nov. 7), 1917 and February 27th "
                  "(March 12th), 1917", None) == [
        ("October 25 (November 7), 1917", {"when": "1917-11-07"}),
        ("Oct. 25 (Nov. 7), 1917", {"when": "1917-11-07"}),
        ("February 27th (March 12th), 1917", {"when": "1917-03-12"})]
    assert {d.type for d in apply_dates(P("October 25 (November 7), 1917"))} == {"os-ns"}


def test_old_style_pair_without_a_year_takes_the_year_of_the_dateline():
    found = apply_dates(P("On October 25 (November 7) the congress met."), dt.date(1917, 11, 20))
    assert [(d.text(), d.when, d.cert, d.type) for d in found] == [
        ("October 25 (November 7)", "1917-11-07", "high", "os-ns")]


def test_more_ranges():
    assert _dates("between 1789 and 1793, from 1914 until 1918, From 1905 till 1907, the "
                  "years 1861 to 1865 and 1914–1918", None) == [
        ("between 1789 and 1793", {"from_": "1789", "to": "1793"}),
        ("from 1914 until 1918", {"from_": "1914", "to": "1918"}),
        ("From 1905 till 1907", {"from_": "1905", "to": "1907"}),
        ("1861 to 1865", {"from_": "1861", "to": "1865"}),
        ("1914–1918", {"from_": "1914", "to": "1918"})]


def test_seasons_without_of_and_winters_over_two_years():
    assert _dates("in summer 1917, Winter 1917, Spring, 1848, the winter of 1916-17 and "
                  "winter 1916/17", None) == [
        ("summer 1917", {"not_before": "1917-06-01", "not_after": "1917-08-31"}),
        ("Winter 1917", {"not_before": "1917-12-01", "not_after": "1918-02-28"}),
        ("Spring, 1848", {"not_before": "1848-03-01", "not_after": "1848-05-31"}),
        ("winter of 1916-17", {"not_before": "1916-12-01", "not_after": "1917-02-28"}),
        ("winter 1916/17", {"not_before": "1916-12-01", "not_after": "1917-02-28"})]
    assert _dates("prices fall 1917", None) == [("1917", {"when": "1917"})]


def test_parts_of_a_year():
    assert _dates("in the early part of 1917, the latter part of 1848, towards the close of "
                  "1905 and the first half of 1900", None) == [
        ("early part of 1917", {"not_before": "1917-01-01", "not_after": "1917-04-30"}),
        ("latter part of 1848", {"not_before": "1848-09-01", "not_after": "1848-12-31"}),
        ("close of 1905", {"not_before": "1905-10-01", "not_after": "1905-12-31"}),
        ("first half of 1900", {"not_before": "1900-01-01", "not_after": "1900-06-30"})]


def test_numbers_that_count_or_number_things_are_no_years():
    assert _dates("1917 soldiers, 1848 men, 1917 copies, 1900 miles away, 1500 of them, 1200 "
                  "a year, 1200-1500 men, 1211 Chestnut Street, 1600 Pennsylvania Avenue, "
                  "section 1848, Section 1848, § 1848, paragraph 1905, Art. 1905, chapter "
                  "1848, verse 1848, line 1776, No. 1905", None) == []


def test_years_before_words_that_count_nothing():
    assert _dates("In 1848 revolutions broke out; 1848 was a year of hope; in 1905 Russia "
                  "rose; 1914-18 was long; the year 1911 saw 1200 strikes.", None) == [
        ("1848", {"when": "1848"}), ("1848", {"when": "1848"}), ("1905", {"when": "1905"}),
        ("1914-18", {"from_": "1914", "to": "1918"}), ("1911", {"when": "1911"})]


def test_a_range_with_the_century_left_out_is_years_even_before_a_count_word():
    assert _dates("the 1848-49 revolutions and 1712-13 people; 1200-1500 men", None) == [
        ("1848-49", {"from_": "1848", "to": "1849"}),
        ("1712-13", {"from_": "1712", "to": "1713"})]


def test_months_that_are_words():
    assert _dates("May I ask? They march. March came. In May the crops grew; March, 1917 "
                  "came.", None) == [("March, 1917", {"when": "1917-03"})]


def test_a_pair_of_days_is_old_and_new_style_only_at_the_calendar_gap():
    assert _dates("on March 3/4, 1917 and on December 20/January 2, 1904", None) == [
        ("December 20/January 2, 1904", {"when": "1905-01-02"})]


# A whole synthetic text: tests/encoder/fixtures/congress-dates.txt (written for these tests) --

CONGRESS = Path(__file__).resolve().parent / "fixtures" / "congress-dates.txt"


def test_dates_of_a_text_in_chapters_with_a_dateline():
    xml = tei_kirov.to_string(encode(CONGRESS.read_text(encoding="utf-8"),
                                     b'<TEI xmlns="http://www.tei-c.org/ns/1.0"/>'))
    root = etree.fromstring(xml.encode("utf-8"))
    dates = [(" ".join("".join(d.itertext()).split()), d.get("cert"), d.get("type"))
             for d in root.find(f"{TEI}text").iter(f"{TEI}date")]
    assert tagged(xml) == [
        ("November 20, 1917", "1917-11-20"),
        ("October 25th", "1917-10-25"), ("7th of November", "1917-11-07"),
        ("October 10 (October 23)", "1917-10-23"), ("Oct. 24", "1917-10-24"),
        ("summer of 1914", "1914-06-01/1914-08-31"), ("1916", "1916"),
        ("Early in 1917", "1917-01-01/1917-04-30"),
        ("February 23 (March 8), 1917", "1917-03-08"), ("1917", "1917"),
        ("spring of 1848", "1848-03-01/1848-05-31"), ("1789-93", "1789/1793"),
        ("between 1789 and 1793", "1789/1793")]
    # the chapter's first line is its dateline: the years it gives are certain
    assert [c for _, c, _ in dates[1:5]] == ["high"] * 4
    assert [s for s, _, t in dates if t == "os-ns"] == ["October 10 (October 23)",
                                                       "February 23 (March 8), 1917"]
    # the byline is no division: the two chapters are
    assert [d.get("type") for d in root.iter(f"{TEI}div")] == ["chapter", "chapter"]


def test_ocr_drops_the_space_after_a_comma_or_a_full_stop():
    assert _dates("on November 7,1917, on 7th Nov.1917 and in Nov.1917", None) == [
        ("November 7,1917", {"when": "1917-11-07"}), ("7th Nov.1917", {"when": "1917-11-07"}),
        ("Nov.1917", {"when": "1917-11"})]


def test_ranges_of_days():
    assert _dates("from March 3 to May 5, 1917; March 3-5, 1917; 3-5 March 1917; March 3 to "
                  "5, 1917; between March 3 and May 5, 1917; February 28-30, 1917", None) == [
        ("from March 3 to May 5, 1917", {"from_": "1917-03-03", "to": "1917-05-05"}),
        ("March 3-5, 1917", {"from_": "1917-03-03", "to": "1917-03-05"}),
        ("3-5 March 1917", {"from_": "1917-03-03", "to": "1917-03-05"}),
        ("March 3 to 5, 1917", {"from_": "1917-03-03", "to": "1917-03-05"}),
        ("between March 3 and May 5, 1917", {"from_": "1917-03-03", "to": "1917-05-05"})]


def test_new_style_marked_after_a_date_is_kept_as_printed():
    assert _dates("November 7, 1917 (N.S.) and 25 October 1917 (O.S.)", None) == [
        ("November 7, 1917 (N.S.)", {"when": "1917-11-07"}),
        ("25 October 1917 (O.S.)", {"when": "1917-11-07"})]


def test_measures_are_no_years():
    assert _dates("it rose 1200 ft. and weighed 1500 lbs., 1500 tons and 1800 oz.", None) == []


def test_a_chapter_without_dates_of_its_own_goes_on_from_the_one_before():
    text = ("A HISTORY\n\nCHAPTER I\n\nThe strike began on February 23, 1917, in the mills of "
            "the city.\n\nCHAPTER II\n\nOn March 3 the ministers resigned, and by the 5th of "
            "March the city was quiet.\n")
    xml = tei_kirov.to_string(encode(text, b'<TEI xmlns="http://www.tei-c.org/ns/1.0"/>'))
    root = etree.fromstring(xml.encode("utf-8")).find(f"{TEI}text")
    assert [(d.text, d.get("when"), d.get("cert")) for d in root.iter(f"{TEI}date")] == [
        ("February 23, 1917", "1917-02-23", None), ("March 3", "1917-03-03", "low"),
        ("5th of March", "1917-03-05", "low")]


def test_ranges_of_quantities_and_streets():
    assert _dates("between 1500 and 2000 men, from 1200 to 1500 soldiers, from 1914 to 1918 "
                  "the war lasted; at 1917 Broadway; in 1848 Broad Street was paved.", None) == [
        ("from 1914 to 1918", {"from_": "1914", "to": "1918"}), ("1848", {"when": "1848"})]


def test_decimals_and_references_are_no_years():
    assert _dates("1848.5 grains, 1848:30, in 1848. Then 1849.", None) == [
        ("1848", {"when": "1848"}), ("1849", {"when": "1849"})]


def test_old_and_new_style_pairs_day_first():
    assert _dates("on 25 October/7 November 1917 and 25th October (7th November), 1917",
                  None) == [
        ("25 October/7 November 1917", {"when": "1917-11-07"}),
        ("25th October (7th November), 1917", {"when": "1917-11-07"})]
    assert {d.type for d in apply_dates(P("25 October/7 November 1917"))} == {"os-ns"}


def test_a_year_naming_things_after_a_determiner():
    assert _dates("the 1848 revolutions, his 1905 pamphlets; 1917 soldiers; a force of 1200 "
                  "men", None) == [("1848", {"when": "1848"}), ("1905", {"when": "1905"})]


def test_the_quick_start_test_keeps_every_expression():
    import re

    from tei_kirov.encoder import dates

    slow = re.compile(dates.PATTERN.pattern.replace(f"(?=(?:{dates._STARTS}))", "", 1))
    assert slow.pattern != dates.PATTERN.pattern
    text = (Path(__file__).read_text(encoding="utf-8") + dev_text(DOUGLASS) + dev_text(PAINE)
            + "the latter part of 1848, Nineteenth of May, twenty-first of June, MDCCLXXVI")
    assert [m.group() for m in dates.PATTERN.finditer(text)] == \
        [m.group() for m in slow.finditer(text)]


def test_day_of_the_month_and_ordinals_in_capitals():
    assert _dates("this 4th day of July, 1776; the 7TH NOVEMBER 1917; the 3rd day of May they "
                  "met", None) == [
        ("4th day of July, 1776", {"when": "1776-07-04"}),
        ("7TH NOVEMBER 1917", {"when": "1917-11-07"}),
        ("3rd day of May", {"when": "1917-05-03", "cert": "medium", "evidence": "internal",
                            "resp": "#enc"})]


def test_month_the_day():
    assert _dates("On January the 9th, 1905 and on February the 3d they met; in May the 4 men "
                  "went.", None) == [
        ("January the 9th, 1905", {"when": "1905-01-09"}),
        ("February the 3d", {"when": "1905-02-03", "cert": "medium", "evidence": "internal",
                             "resp": "#enc"})]

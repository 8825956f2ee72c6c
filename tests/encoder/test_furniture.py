from tei_kirov.encoder.furniture import read_number, remove_furniture, runs_of
from tei_kirov.encoder.hyphens import Vocabulary
from tei_kirov.encoder.marks import page_mark

from .devtexts import BEARD, HILL, dev_text

SENTENCE = "The patient was seen again in the morning and the signs were noted with care."


def _book(pages: list[list[str]], heads=("A HISTORY OF", "THE WORLD."),
          numbers: dict[int, str] | None = None, sigs: dict[int, str] | None = None) -> str:
    """A raw OCR book, paragraph per line: each page after the first opens with its running
    head and number, and may end with a signature mark."""
    out: list[str] = []
    for k, page in enumerate(pages):
        n = k + 1
        if k:
            out += ["", "", "", heads[k % 2], "", (numbers or {}).get(n, str(n)), ""]
        out += [line for para in page for line in (para, "")]
        if (sigs or {}).get(n):
            out += [sigs[n], ""]
    return "\n".join(out)


def _run(text: str, wrapped: bool = False):
    lines = text.split("\n")
    return remove_furniture(lines, list(range(1, len(lines) + 1)), wrapped,
                            Vocabulary.of(text))


def _pages() -> list[list[str]]:
    return [[f"Paragraph {k} begins. {SENTENCE}", f"{SENTENCE} It goes on"] if k % 3 else
            [f"Paragraph {k} begins. {SENTENCE} A con-"] for k in range(1, 9)]


def test_read_number():
    assert read_number("17") == (17, True)
    assert read_number("25^") == (25, True)
    assert read_number("II") == (11, False)
    assert read_number("l7") == (17, True)
    assert read_number("I") is None and read_number("Soi") is None and read_number("12345") is None


def test_running_heads_numbers_and_signatures_removed():
    text = _book(_pages(), numbers={5: "00", 6: "l6"}, sigs={2: "B", 4: "c 2"})
    lines, origin, report = _run(text)
    assert report.paginated
    assert [n for _, n in report.pages] == [2, 3, 4, 5, 6, 7, 8]
    assert sorted({h for _, h in report.running_heads}) == ["A HISTORY OF", "THE WORLD."]
    assert [s for _, s in report.signatures] == ["B", "c 2"]
    assert [(printed, n) for _, printed, n in report.inferred] == [("00", 5), ("l6", 6)]
    joined = "\n".join(lines)
    for furniture in ("A HISTORY OF", "THE WORLD.", "\nB\n", "c 2", "00", "l6"):
        assert furniture not in joined
    assert len(origin) == len(lines)


def test_roman_looking_numbers_only_where_the_sequence_wants_them():
    pages = [[f"Page {k} text."] for k in range(1, 14)]
    lines, _, report = _run(_book(pages, numbers={11: "II", 12: "II"}))
    assert [n for _, n in report.pages] == list(range(2, 14))
    assert [p for _, p in report.page_numbers].count("II") == 1
    assert lines.count("II") == 1  # on page 12, "II" is no page number: kept


def test_a_paragraph_cut_by_the_page_is_joined_with_the_page_number():
    pages = [["First page. It goes on and"], ["on to the next page. Done."],
             ["A new page, a new paragraph."], ["Last."]]
    lines, _, report = _run(_book(pages))
    assert lines == [f"First page. It goes on and {page_mark(2)}on to the next page. Done."
                     f"{page_mark(3)}", "", f"A new page, a new paragraph.{page_mark(4)}", "",
                     "Last."]
    assert report.paragraphs == 1


def test_a_word_hyphenated_across_the_page_is_joined():
    pages = [["It is con-"], ["stant and constant. More"], ["text here and"], ["an end."]]
    lines, _, report = _run(_book(pages))
    assert f"It is con{page_mark(2, in_word=True)}stant and constant. More" \
        f" {page_mark(3)}text here and {page_mark(4)}an end." in lines
    assert report.words == ["constant"]


def test_a_chapter_head_at_the_page_top_is_kept():
    pages = [["Text one and"], ["more text."], ["Text three."], ["End of it."]]
    text = _book(pages).replace("THE WORLD.\n\n4\n", "THE WORLD.\n\nCHAPTER II.\n")
    lines, _, report = _run(text)
    assert "CHAPTER II." in lines


def test_clean_text_passes_unchanged():
    text = "\n".join(["CHAPTER I", "", "", "", "1", "", "Some text.", "", "", "", "2", "",
                      "Other text.", "", "", "", "3", "", "More text.", "", "", "", "4",
                      "", "Text."])
    lines, origin, report = _run(text)
    assert not report.paginated and lines == text.split("\n")


def test_a_page_without_furniture_is_found_from_the_sequence():
    out: list[str] = []
    for k in range(1, 9):
        if k == 5:
            out += ["", "", "", "BOOK THE SECOND", "", "A new part begins."]  # no furniture
        elif k > 1:
            out += ["", "", "", "A HISTORY OF THE WORLD", "", str(k), ""]
        out += _page(k)[2:] if k == 5 else _page(k)
    lines, _, report = _run("\n".join(out), wrapped=True)
    assert [n for _, n in report.pages] == list(range(2, 9))
    assert "BOOK THE SECOND" in lines


def test_runs_of():
    runs = runs_of(["a", "b", "", "", "c"], [1, 2, 3, 4, 5])
    assert [(r.lines, r.origin, r.blanks) for r in runs] == [(["a", "b"], [1, 2], 0),
                                                              (["c"], [5], 2)]


def test_beard_furniture():
    text = dev_text(BEARD)
    lines, origin, report = _run(text, wrapped=True)
    assert report.paginated
    # pages 4-24; p. 7 prints no number, p. 22 is misread "00"
    assert [n for _, n in report.pages] == list(range(4, 25))
    assert report.inferred == [(1057, "00", 22)]
    assert (222, "NERVOUS EXHAUSTION.") in report.running_heads
    assert (896, "NERVOUS EXHAUSTION .") in report.running_heads
    assert (61, "CERTAIN SYMPTOMS OP") in report.running_heads
    assert "eonstant" in report.words  # "eon-" (line 218) ... "stant" (line 229)
    assert not any("NERVOUS EXHAUSTION" in line for line in lines[20:])
    assert "CERTAIN SYMPTOMS" in lines  # the title on page 1 is no running head


def test_hill_furniture():
    text = dev_text(HILL)
    lines, _, report = _run(text)
    assert report.paginated
    assert [s for _, s in report.signatures] == ["B", "C", "c 2", "D", "D 2"]
    numbers = dict(report.pages)
    assert list(numbers.values()) == list(range(2, 38))
    assert numbers[71] == 3 and numbers[173] == 11 and numbers[359] == 25
    assert numbers[77] == 4  # the part title's page: no furniture, missing from the sequence
    assert numbers[393] == 27  # "BONES, MUSCLES, AND HEAET. 27": head and number fused
    assert (391, "BONES, MUSCLES, AND HEAET. 27") in report.running_heads
    assert (171, "II") in report.page_numbers and (357, "25^") in report.page_numbers
    kept = [line for line in lines if line.strip()]
    assert "SYPHILIS." in kept  # the part head (followed by CHAPTER I.) stays
    assert kept.count("OUTLINE.") == 1  # chapter title kept, its running head gone
    assert any(line.startswith("Tenereal Diseases") and f"{page_mark(2)}intercourse." in line
               for line in lines)


def _page(k: int) -> list[str]:
    first = (["the paragraph goes on from the page before and", "ends here after a while."]
             if k > 1 else ["A first paragraph of the book starts", "and ends here."])
    return [*first, "", f"Paragraph two of page {k} is long enough",
            "to wrap and runs to the foot of the page and"]


def test_page_numbers_at_the_foot():
    out: list[str] = []
    for k in range(1, 9):
        out += [*_page(k), "", "", str(k), "", "", ""]
    lines, _, report = _run("\n".join(out), wrapped=True)
    assert [n for _, n in report.pages] == list(range(2, 9))
    assert [p for _, p in report.page_numbers] == [str(k) for k in range(1, 9)]
    assert lines[-1] == "to wrap and runs to the foot of the page and"
    assert f"{page_mark(2)}the paragraph goes on from the page before and" in lines


def test_number_fused_before_the_running_head():
    out: list[str] = []
    for k in range(1, 9):
        if k > 1:
            out += ["", "", "", f"{k} A HISTORY OF THE WORLD" if k % 2 == 0 else
                    f"THE FIRST AGE {k}", ""]
        out += _page(k)
    lines, _, report = _run("\n".join(out), wrapped=True)
    assert [n for _, n in report.pages] == list(range(2, 9))
    assert len(report.running_heads) == 7
    assert not any("HISTORY" in line or "AGE" in line for line in lines)


def test_short_sentences_at_page_tops_are_never_taken_for_heads():
    out: list[str] = []
    for k in range(1, 9):
        if k > 1:
            out += ["", "", "", str(k), "", "He said no more.", ""]
        out += _page(k)
    lines, _, report = _run("\n".join(out), wrapped=True)
    assert report.running_heads == []
    assert lines.count("He said no more.") == 7

from tei_kirov.encoder.heads import (
    is_byline,
    is_subtitle,
    numbered_head,
    plain_head,
    roman_value,
    word_head,
)


def test_roman_values():
    assert roman_value("XIV") == 14 and roman_value("iv") == 4 and roman_value("MDCCLXXVI") == 1776
    assert roman_value("XIQ") is None


def test_labelled_heads():
    head = word_head("CHAPTER IV.")
    assert head is not None and (head.kind, head.number, head.title) == ("chapter", 4, "")
    head = word_head("Chapter 3: The Voyage Out")
    assert head is not None and (head.number, head.title) == (3, "The Voyage Out")
    head = word_head("PART TWO")
    assert head is not None and (head.kind, head.number, head.div_type) == ("part", 2, "part")
    head = word_head("Book I. Of Wealth")
    assert head is not None and head.kind == "book"
    head = word_head("CHAPTEE IV.")  # OCR: one letter misread
    assert head is not None and head.kind == "chapter"
    head = word_head("SC H 0 0 L 0 f i CHAPTER IX.")  # a library stamp before it
    assert head is not None and head.number == 9
    assert word_head("LETTER FROM WENDELL PHILLIPS, ESQ.") is None
    assert word_head("chapter four of his book") is None
    assert word_head("Chapter 4, which we read yesterday, is long") is None


def test_numbered_heads():
    head = numbered_head("I. BOURGEOIS AND PROLETARIANS")
    assert head is not None and (head.kind, head.number) == ("roman", 1)
    head = numbered_head("A. Feudal Socialism")
    assert head is not None and (head.kind, head.number) == ("alpha", 1)
    head = numbered_head("12. The Inevitability of New Amalgams")
    assert head is not None and (head.kind, head.number, head.div_type) == ("arabic", 12, "section")
    assert numbered_head("A. WRITER") is None  # an initial and a surname
    assert numbered_head("1. Zinoviev\u2014Lenin's collaborator;") is None
    assert numbered_head("3. one of the oldest members,") is None


def test_plain_heads():
    assert plain_head("INTRODUCTION.")
    assert plain_head("OF THE ORIGIN AND DESIGN OF GOVERNMENT IN GENERAL,\n"
                      "WITH CONCISE REMARKS ON THE ENGLISH CONSTITUTION.")
    assert plain_head("Notes and Explanations")
    assert not plain_head("Translated by")  # goes on in the next block
    assert not plain_head("My Dear Friend:")
    assert not plain_head("God speed the day!")
    assert not plain_head("The end of the road was near.")  # a sentence
    assert not plain_head("BONES, MUSCLES, AND HEART. 27")  # a running head with its folio
    assert not plain_head("It was a cold and windy day in the town")


def test_subtitles_in_either_italic_convention():
    assert is_subtitle("*A Reply to Friends*") and is_subtitle("_A Reply to Friends_")
    assert not is_subtitle("_Italic_ and then plain")


def test_a_byline_is_no_head():
    assert is_byline("By Anna Weyl") and is_byline("BY JOHN REED")
    assert is_byline("By GEORGE M. BEARD, M. D.")
    assert not plain_head("By Anna Weyl") and not plain_head("BY JOHN REED")
    assert not is_byline("By the Waters of the River") and plain_head("By the Waters of the River")
    assert not is_byline("BY THE RIVER") and plain_head("BY THE RIVER")

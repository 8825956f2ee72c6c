import pytest

from tei_kirov.encoder.credits import separate_credits

TEXT = """Produced by Jane Doe and the Online Distributed Proofreading Team

[Transcriber's note: obvious printer's errors have been corrected.]



THE TITLE

By A. Writer

The first paragraph of the book, which is running text long enough to end the front of the
book. It has two sentences. And a third one, so that it reads as prose.

[Transcriber's Note: the index was not transcribed.]

End of the Project Gutenberg EBook of The Title, by A. Writer
"""

PG = """The Project Gutenberg EBook of Common Things, by Ann Author

This eBook is for the use of anyone anywhere at no cost and with
almost no restrictions whatsoever.

Title: Common Things
       A Second Line of the Title

Author: Ann Author

*** START OF THIS PROJECT GUTENBERG EBOOK COMMON THINGS ***

COMMON THINGS

Body text here, which stays.

*** END OF THIS PROJECT GUTENBERG EBOOK COMMON THINGS ***

A licence follows.
"""


def test_credits_leave_the_text_and_keep_their_lines():
    kept, credits = separate_credits(TEXT)
    assert [c.line for c in credits.items] == [1, 3, 14, 16]
    assert credits.items[0].text.startswith("Produced by Jane Doe")
    assert "Transcriber" not in kept and "Produced" not in kept and "Gutenberg" not in kept
    assert kept.split("\n")[6] == "THE TITLE"  # line numbers unchanged
    assert "By A. Writer" in kept and "first paragraph" in kept


def test_a_gutenberg_preamble_and_licence_are_credits_with_their_fields():
    kept, credits = separate_credits(PG)
    assert credits.fields == {"title": "Common Things", "subtitle": "A Second Line of the Title",
                              "author": "Ann Author"}
    assert kept.split() == ["COMMON", "THINGS", "Body", "text", "here,", "which", "stays."]
    assert credits.items[-1].text == "A licence follows."


def test_a_printed_credit_on_a_title_page_stays():
    text = ("A REPORT\n\nPrepared by the Committee on Roads\n\nCreated for the Board\n\n"
            "A paragraph. Another sentence. And more of them, long enough.\n")
    assert separate_credits(text)[1].items == []


def test_a_text_without_credits_is_unchanged():
    text = "TITLE\n\nBy Some One\n\nA paragraph. Another sentence. And more.\n"
    assert separate_credits(text) == (text, separate_credits(text)[1])
    assert separate_credits(text)[1].items == []


def test_the_first_preamble_line_gives_title_and_author_when_no_field_does():
    text = ("The Project Gutenberg eBook of Essays, First Series, by Ann Author, Jr.\n\n"
            "*** START OF THE PROJECT GUTENBERG EBOOK ESSAYS ***\n\nESSAYS\n")
    assert separate_credits(text)[1].fields == {"title": "Essays, First Series",
                                                "author": "Ann Author, Jr."}
    text = text.replace(", by Ann Author, Jr.", "")
    assert separate_credits(text)[1].fields == {"title": "Essays, First Series"}


@pytest.mark.parametrize("first", ["Project Gutenberg's Essays, First Series, by Ann Author",
                                   "Project Gutenberg Etext of Essays, First Series, by Ann Author",
                                   "The Project Gutenberg EBook of Essays, First Series, by "
                                   "Ann Author"])
def test_the_older_forms_of_the_first_preamble_line(first):
    text = first + "\n\n*** START OF THIS PROJECT GUTENBERG EBOOK ESSAYS ***\n\nESSAYS\n"
    assert separate_credits(text)[1].fields == {"title": "Essays, First Series",
                                                "author": "Ann Author"}

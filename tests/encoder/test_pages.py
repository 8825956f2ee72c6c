from tei_kirov.encoder.blocks import Block
from tei_kirov.encoder.pages import (
    PB,
    PB_WORD,
    JoinStats,
    continues,
    is_compound,
    join_lines,
    join_pages,
    join_two,
)


def test_continuation_needs_open_end_and_lower_case_start():
    assert continues("sent one of its official agents", "who had formerly")
    assert continues("the leadership of the bureau-", "crazy. It is")
    assert continues("But that is precisely why", "\u2014that is exactly")
    assert not continues("a sentence.", "and more")
    assert not continues("6. The Dual Role of the Bureaucracy", "The Soviet bureaucracy")
    assert not continues("LEON TROTSKY", "December 28, 1934.")


def test_paragraph_join_marks_the_page_break():
    stats = JoinStats()
    assert join_two("for us to", "defend the", "", stats) == f"for us to {PB}defend the"
    assert stats.paragraphs == 1


def test_hyphenated_word_is_joined_without_hyphen():
    stats = JoinStats()
    assert join_two("was pub-", "lished in", "", stats) == f"was pub{PB_WORD}lished in"
    assert stats.words == ["published"]


def test_true_compound_keeps_its_hyphen():
    text = "a counter-revolution and the counter-\n\nrevolution"
    assert is_compound("counter", "revolution", text)
    assert is_compound("worker", "Bolsheviks", "old worker-Bolsheviks")
    assert not is_compound("pub", "lished", "was published")
    stats = JoinStats()
    assert join_two("the counter-", "revolution", text, stats) == f"the counter-{PB_WORD}revolution"
    assert stats.compounds == ["counter-revolution"]


def test_italics_continue_across_the_break():
    stats = JoinStats()
    joined = join_two("*financing him and*", "*was linking him.*", "", stats)
    assert joined == f"*financing him and {PB}was linking him.*"


def test_join_pages_over_a_list_of_blocks():
    blocks = [Block("Head", 1), Block("It was com-", 3), Block("pelled to go", 5),
              Block("on and on.", 7), Block("New paragraph.", 9)]
    out, stats = join_pages(blocks)
    assert [b.text for b in out] == ["Head", f"It was com{PB_WORD}pelled to go {PB}on and on.",
                                     "New paragraph."]
    assert stats.total == 2


def test_join_lines_inside_a_block():
    assert join_lines("a long para-\ngraph\nhere") == "a long paragraph here"

from tei_kirov.encoder.hyphens import Vocabulary, join_hyphenated, joins_word
from tei_kirov.encoder.marks import LB_WORD
from tei_kirov.encoder.pages import join_lines


def test_the_texts_own_vocabulary_decides():
    vocab = Vocabulary.of("a constant pain; a well-known man; the self-evident; nerve-centres")
    assert not vocab.is_compound("con", "stant")
    assert vocab.is_compound("well", "known")
    assert vocab.is_compound("self", "made")  # a compounding prefix, word not seen solid
    assert not vocab.is_compound("pub", "lished")  # unknown: joined


def test_solid_elsewhere_wins_over_hyphened_elsewhere():
    vocab = Vocabulary.of("to-day and today")
    assert not vocab.is_compound("to", "day")


def test_join_hyphenated():
    vocab = Vocabulary.of("nerve-centres")
    found: list[str] = []
    assert join_hyphenated("most con-", "stant sign", vocab, found=found) == \
        f"most con{LB_WORD}stant sign"
    assert join_hyphenated("the nerve-", "centres", vocab, "|", found) == "the nerve-|centres"
    assert found == ["constant", "nerve-centres"]


def test_no_join_without_a_split_word():
    vocab = Vocabulary.of("")
    assert join_hyphenated("a dash --", "and on", vocab) is None
    assert join_hyphenated("in 1848-", "49 it", vocab) is None
    assert join_hyphenated("the Anglo\u00ad", "Saxon", vocab) is None
    assert joins_word("word-", "next") is not None


def test_a_capital_after_a_line_end_hyphen_is_a_compound():
    vocab = Vocabulary.of("")
    found: list[str] = []
    assert join_hyphenated("the Anglo-", "Saxon race", vocab, found=found) == \
        f"the Anglo-{LB_WORD}Saxon race"
    assert found == ["Anglo-Saxon"]
    assert vocab.is_compound("Great", "Britain")
    assert not vocab.is_compound("INTRO", "DUCTION")  # a word in capitals, split
    assert not Vocabulary.of("McKinley").is_compound("Mc", "Kinley")  # printed solid
    assert vocab.is_compound("anti", "Semitic") and not vocab.is_compound("said", "The")
    assert join_hyphenated("he said-", "The rest", vocab) is None  # a dash before a sentence


def test_join_lines_keeps_compounds_and_joins_split_words():
    text = "a union with Great-\nBritain, a con-\nstant aim, a well-known and well-\nknown man"
    assert join_lines(text) == ("a union with Great-Britain, a constant aim, a well-known and "
                                "well-known man")


def test_soft_hyphen_and_not_sign_are_line_end_hyphens():
    vocab = Vocabulary.of("")
    assert join_hyphenated("con\u00ad", "stant", vocab) == f"con{LB_WORD}stant"
    assert join_hyphenated("self\u00ac", "made", vocab) == f"self{LB_WORD}made"


def test_every_pair_of_a_hyphen_chain_is_a_compound():
    vocab = Vocabulary.of("the well-to-do classes")
    assert vocab.is_compound("well", "to") and vocab.is_compound("to", "do")
    assert not vocab.is_compound("well", "do")

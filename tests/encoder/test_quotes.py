from tei_kirov.encoder.quotes import apply_quotes, quote_spans, single_spans
from tei_kirov.models import P, Q, Quote


def test_quote_spans():
    assert quote_spans('a "b" c \u201cd\u201d') == [(2, 5), (8, 11)]
    assert quote_spans('odd " number') == []


def test_single_quotes_are_not_apostrophes():
    assert single_spans("the 'counter group' of Zinoviev's") == [(4, 19)]
    assert single_spans("workers' and peasants' parties") == []


def test_q_keeps_the_marks_and_nests_single_quotes():
    p = P("He said \"it is 'successful' now\" and left.")
    counts: dict[str, int] = {}
    apply_quotes(p, counts)
    q = p.content[1]
    assert isinstance(q, Q) and q.text() == "\"it is 'successful' now\""
    assert isinstance(q.content[1], Q) and counts["q"] == 1


def test_block_quotations_are_left_alone():
    quote = Quote(P('"Whether or not'), P('"But the turmoil."'))
    apply_quotes(quote)
    assert not list(quote.iter(Q))

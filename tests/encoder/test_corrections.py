from tei_kirov.encoder.corrections import apply_corrections
from tei_kirov.models import Choice, Corr, P, Pb, Sic


def test_correction_across_a_page_break():
    p = P("the bureau", Pb(break_="no"), "crazy. It is")
    found: list[str] = []
    apply_corrections(p, [("bureaucrazy", "bureaucracy")], found=found)
    choice = p.content[1]
    assert isinstance(choice, Choice)
    sic, corr = choice.content
    assert isinstance(sic, Sic) and sic.content == ["bureau", Pb(break_="no"), "crazy"]
    assert isinstance(corr, Corr) and corr.text() == "bureaucracy" and corr.resp == "#enc"
    assert found == ["bureaucrazy \u2192 bureaucracy"]


def test_whole_words_only():
    p = P("bureaucrazys are not it")
    apply_corrections(p, [("bureaucrazy", "bureaucracy")])
    assert p.content == ["bureaucrazys are not it"]

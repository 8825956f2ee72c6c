from tei_kirov.encoder.authority import default_authority
from tei_kirov.encoder.inline import InlineContext, apply_inline, parse, plain
from tei_kirov.encoder.marks import LB_WORD, page_mark
from tei_kirov.encoder.notes import RawNote, anchor
from tei_kirov.encoder.pages import PB, PB_WORD
from tei_kirov.models import Emph, Foreign, Hi, Lb, Note, P, Pb, Title


def _ctx(notes=(), italic="emph"):
    return InlineContext(default_authority(), list(notes), italic=italic,
                         roles={"author": "#LT", "editors": "#eds", "translator": "#tr"})


def test_italics_by_meaning():
    out = parse("the *Temps*, a *coup d'état*, *solely* and **FOURTH INTERNATIONAL**", _ctx())
    kinds = [type(n) for n in out if not isinstance(n, str)]
    assert kinds == [Title, Foreign, Emph, Hi]
    title, foreign, _, bold = (n for n in out if not isinstance(n, str))
    assert (title.level, title.ref, title.xml_lang) == ("j", "#temps", "fr")
    assert foreign.xml_lang == "fr" and bold.rend == "bold"
    assert "".join(x for x in out if isinstance(x, str)) == "the , a ,  and "


def test_page_breaks_and_notes_become_elements():
    note = RawNote("*", "Cf. *Pravda*.\u2014Eds.", "eds", 1)
    out = parse(f"word{PB_WORD}split and {PB}on.{anchor(0)} Then", _ctx([note]))
    assert out[0] == "word" and out[1] == Pb(break_="no") and out[3] == Pb()
    n = out[5]
    assert isinstance(n, Note) and (n.place, n.n, n.resp) == ("foot", "*", "#eds")
    assert isinstance(n.content[1], Title)


def test_an_anchor_without_its_note_gives_back_the_asterisk():
    assert parse(f"text.{anchor(0)}", _ctx()) == ["text.*"]


def test_note_signature_is_hi_italic():
    out = parse("so.\u2014*Translator's note.*", _ctx())
    assert isinstance(out[1], Hi) and out[1].rend == "italic"


def test_pass_walks_the_tree():
    p = P("a *b* c")
    apply_inline(p, _ctx())
    assert isinstance(p.content[1], Emph)


def test_italics_are_hi_unless_read_as_emphasis():
    p = P("a *b* c")
    apply_inline(p, _ctx(italic="hi"))
    assert p.content[1] == Hi("b", rend="italic")


def test_underscore_italics():
    out = parse("_Till then, and ever,_ Yours; _May_ 1; a snake_case_name and _ alone_", _ctx())
    assert out[0] == Hi("Till then, and ever,", rend="italic")
    assert out[2] == Hi("May", rend="italic")
    assert out[3] == " 1; a snake_case_name and _ alone_"


def test_underscores_beside_asterisks():
    out = parse("*a* and _b_", _ctx(italic="hi"))
    assert out == [Hi("a", rend="italic"), " and ", Hi("b", rend="italic")]


def test_numbered_page_and_line_marks():
    out = parse(f"end{page_mark(7)} of con{page_mark(8, in_word=True)}stant al{LB_WORD}so",
                _ctx())
    assert out == ["end", Pb(n="7"), " of con", Pb(n="8", break_="no"), "stant al",
                   Lb(break_="no"), "so"]


def test_plain():
    assert plain(f"*a*{PB} b") == "a b"


def test_note_resp_comes_from_the_data_not_the_code():
    from tei_kirov.encoder.authority import Authority

    notes = [RawNote("*", "A note.\u2014Eds.", "eds", 1), RawNote("†", "Mine.", "", 2),
             RawNote("‡", "So.\u2014J. S.", "j s", 3)]
    bare = InlineContext(Authority(), notes, italic="emph")
    resp = [parse(f"t.{anchor(k)}", bare)[1].resp for k in range(3)]
    assert resp == [None, None, None]  # no metadata, no authority: nobody is named
    given = InlineContext(Authority(signers={"j s": "#smith"}), notes, italic="emph",
                          roles={"author": "#aw", "editors": "#ed1", "translator": None})
    resp = [parse(f"t.{anchor(k)}", given)[1].resp for k in range(3)]
    assert resp == ["#ed1", "#aw", "#smith"]
    out = parse("so.\u2014*Translator's note.*", bare)
    assert isinstance(out[1], Hi)  # a signature by convention, not emphasis
    assert isinstance(parse("a *J. S.* b", bare)[1], Emph)
    assert isinstance(parse("a *J. S.* b", given)[1], Hi)

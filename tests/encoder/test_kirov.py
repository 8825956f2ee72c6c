"""The pamphlet's edition: structure, notes, names, dates and counts."""

from tei_kirov.models import (
    Choice,
    Closer,
    Date,
    Div,
    Head,
    Item,
    List,
    Note,
    P,
    PersName,
    Q,
    Quote,
    Signed,
)


def _text(node) -> str:
    return " ".join(node.text().split())


def test_sections_one_to_twelve_and_the_conclusion(kirov):
    doc, report, _ = kirov
    art1, art2 = doc.body.divs
    sections = [d for d in art1.divs if d.type == "section"]
    assert [d.n for d in sections] == [str(n) for n in range(1, 13)]
    assert all(d.head is not None and d.paragraphs for d in sections)
    nine = sections[8].head
    choice = nine.child(Choice)
    assert choice is not None
    assert (_text(choice.content[0]), _text(choice.content[1])) == ("8.", "9.")
    assert art1.divs[-1].type == "conclusion"
    assert _text(art1.divs[-1].paragraphs[0]).startswith("It would be criminal")
    assert [h.type for h in art1.heads] == [None, "sub"]
    assert _text(art2.head) == "The Indictment"
    for art, when in ((art1, "1934-12-28"), (art2, "1934-12-30")):
        closer = art.child(Closer)
        assert _text(closer.child(Signed)) == "LEON TROTSKY"
        assert next(closer.iter(Date)).when == when
    assert report.counts["sections"] == 12 and report.counts["articles"] == 2


def test_front_matter(kirov):
    doc, _, _ = kirov
    intro = doc.front.divs[0]
    assert intro.type == "introduction" and len(intro.paragraphs) == 4
    assert next(intro.child(Closer).iter(Date)).when == "1956-05-01"
    assert "John G. Wright" in doc.front.text()


def test_notes_marker_author_and_position(kirov):
    doc, _, _ = kirov
    notes = list(doc.text.iter(Note))
    assert [(n.n, n.place, n.resp) for n in notes] == [
        ("*", "foot", "#eds"), ("*", "foot", "#LT"), ("*", "foot", "#LT"), ("*", "foot", "#tr")]
    assert [_text(n)[:20] for n in notes] == [
        "A group of friends c", "Cf. Leon Trotsky, \"T", "The Temps which is v",
        "Trotsky's charge tha"]
    sub = doc.body.divs[0].heads[1]
    assert sub.type == "sub" and sub.content[-1] is notes[0]
    # each note stands right after its marker's word, in a paragraph
    hosts = {id(c): p for p in doc.text.iter(P) for c in p.content}
    assert _text(P(*hosts[id(notes[1])].content[:hosts[id(notes[1])].content.index(notes[1])])
                 ).endswith("amply clarified by us.")
    before3 = hosts[id(notes[2])].content[hosts[id(notes[2])].content.index(notes[2]) - 1]
    assert isinstance(before3, Q) and _text(before3).endswith("alongside of Zinoviev's.\"")
    before4 = hosts[id(notes[3])].content[hosts[id(notes[3])].content.index(notes[3]) - 1]
    assert _text(before4).endswith("link him up with Trotsky.")
    # and nowhere else
    whole = doc.text.text()
    assert whole.count("A group of friends cabled") == 1
    assert whole.count("Translator's note") == 1


def test_list_of_the_arrested(kirov):
    doc, _, _ = kirov
    lists = list(doc.text.iter(List))
    assert len(lists) == 1
    assert [i.n for i in lists[0].children(Item)] == [str(n) for n in range(1, 9)] + ["9-15"]
    arrested = {"zinoviev", "kamenev", "zalutsky", "yevdokimov", "fedorov", "safarov", "kuklin",
                "bakayev", "sharov", "faivilovich", "vardin", "gorshenin", "bulak", "gertik",
                "kostina"}
    assert arrested <= {n.ref[1:] for n in lists[0].iter(PersName)}


def test_block_quotation(kirov):
    doc, _, _ = kirov
    quotes = list(doc.text.iter(Quote))
    assert len(quotes) == 1 and len(quotes[0].children(P)) == 2


def test_person_mentions(kirov):
    doc, report, _ = kirov
    names = list(doc.text.iter(PersName))
    by_ref: dict[str, set[str]] = {}
    for n in names:
        by_ref.setdefault(n.ref, set()).add(_text(n))
    assert by_ref["#zalutsky"] == {"Zalutsky", "Zalusky"}
    assert by_ref["#kirov"] == {"Kirov", "Kiroff", "M. Kirov"}
    assert by_ref["#zinoviev"] == {"Zinoviev", "Zinovieff"}
    assert by_ref["#yaroslavsky"] == {"Yaroslavsky", "Yaroslavski"}
    assert by_ref["#nikolaev"] == {"Nicolaiev", "Leonid Nicolaiev"}
    assert by_ref["#medved"] == {"F. D. Medved", "M. Medved"}
    assert by_ref["#alexander"] == {"King Alexander"}
    derived = {"Trotskyism", "Trotskyist", "Trotskyists", "Stalinist", "Stalinists",
               "Stalinism", "Zinovievist", "Zinovievists", "Nicolaievs", "Leninism", "Marxism"}
    assert not derived & {_text(n) for n in names}
    counts = report.persons
    assert counts["nikolaev"] == 34 and counts["stalin"] == 32 and counts["trotsky"] == 32
    assert counts["kirov"] == 21 and counts["zinoviev"] == 33 and counts["kamenev"] == 14
    assert report.counts["person mentions"] == 220
    ids = {p.xml_id for p in doc.persons}
    assert {n.ref[1:] for n in names} <= ids


EXPECTED_DATES = [
    ("end of 1934", {"not_before": "1934-10-01", "not_after": "1934-12-31"}),
    ("February, 1956", {"when": "1956-02"}),
    ("May 1, 1956", {"when": "1956-05-01"}),
    ("February, 1935", {"when": "1935-02"}),
    ("December 17", {"when": "1934-12-17", "cert": "high"}),
    ("1926", {"when": "1926"}), ("1926", {"when": "1926"}), ("1926", {"when": "1926"}),
    ("1927", {"when": "1927"}),
    ("December 27", {"when": "1934-12-27", "cert": "high"}),
    ("1923-25", {"from_": "1923", "to": "1925"}),
    ("1926", {"when": "1926"}),
    ("1911", {"when": "1911"}),
    ("1926-27", {"from_": "1926", "to": "1927"}),
    ("1921", {"when": "1921"}),
    ("1923", {"when": "1923"}),
    ("December 10", {"when": "1934-12-10", "cert": "high"}),
    ("1926", {"when": "1926"}),
    ("December 25", {"when": "1934-12-25", "cert": "high"}),
    ("December 28, 1934", {"when": "1934-12-28"}),
    ("December 28", {"when": "1934-12-28", "cert": "high"}),
    ("January 24, 1935", {"when": "1935-01-24"}),  # the translator's note, at its marker
    ("1927", {"when": "1927"}),
    ("Jan. 1928", {"when": "1928-01"}),
    ("July 20, 1931", {"when": "1931-07-20"}),
    ("December 30, 1934", {"when": "1934-12-30"}),
]


def test_every_date_value(kirov):
    doc, report, _ = kirov
    keys = ("when", "from_", "to", "not_before", "not_after", "cert")
    found = [(_text(d), {k: getattr(d, k) for k in keys if getattr(d, k)})
             for d in doc.text.iter(Date)]
    assert found == EXPECTED_DATES
    for d in doc.text.iter(Date):
        assert not d.problems()
        if d.cert:
            assert (d.evidence, d.resp) == ("internal", "#enc")


def test_counts(kirov):
    _, report, _ = kirov
    c = report.counts
    assert c["notes"] == 4 and c["page-break joins"] == 26 and c["word joins"] == 8
    assert c["corrections"] == 3 and c["dates"] == 26
    assert report.joined_words == ["bureaucrazy", "compelled", "absolutism", "another",
                                   "contained", "explanation", "published", "unbelievable"]


def test_no_ocr_artefacts_left(kirov):
    doc, _, xml = kirov
    text = doc.text.text()
    assert "*" not in text
    assert not any(0xE000 <= ord(ch) <= 0xF8FF or ord(ch) >= 0xF0000 for ch in text)
    assert "-<pb" not in xml
    assert all(isinstance(d, Div) for d in doc.body.divs)
    assert Head

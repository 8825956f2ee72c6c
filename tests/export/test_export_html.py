"""The HTML reading edition, checked on its markup (the browser tests check the rendering)."""

from __future__ import annotations

import re

import pytest
from lxml import html as lxml_html

from tei_kirov.export import to_html
from tei_kirov.export._plan import build_plan


def _tree(doc):
    return lxml_html.document_fromstring(to_html(doc))


def _ids(tree) -> set[str]:
    return {el.get("id") for el in tree.iter() if isinstance(el.tag, str) and el.get("id")}


def test_self_contained_and_semantic(edition):
    page = to_html(edition)
    tree = lxml_html.document_fromstring(page)
    assert page.startswith("<!DOCTYPE html>")
    assert tree.get("lang")
    # nothing that makes a request: no scripts, stylesheets, images, frames, fonts or imports
    assert not tree.xpath("//script | //img | //iframe | //link[@rel='stylesheet'] | //object")
    assert not re.search(r"@import|url\(", page)
    csp = tree.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
    assert csp and "default-src 'none'" in csp[0]
    assert tree.xpath("//main") and tree.xpath("//nav[@class='toc']")
    assert len(tree.xpath("//h1")) == 1


def test_ids_are_unique_and_every_internal_link_resolves(edition):
    tree = _tree(edition)
    ids = [el.get("id") for el in tree.iter() if isinstance(el.tag, str) and el.get("id")]
    assert len(ids) == len(set(ids))
    for href in tree.xpath("//a/@href"):
        if href.startswith("#"):
            assert href[1:] in ids, href


def test_toc_lists_every_titled_division(edition):
    plan = build_plan(edition)
    tree = _tree(edition)
    toc = {a.get("href")[1:] for a in tree.xpath("//nav[@class='toc']//a")}
    assert {"notes", "index"} <= toc  # the back matter is listed too
    toc -= {"notes", "index"}

    def titled(sections):
        for s in sections:
            if s.label:
                yield s.html_id
            yield from titled(s.children)

    expected = set(titled(plan.sections))
    assert expected and toc == expected
    for html_id in expected:
        assert tree.xpath(f"//section[@id='{html_id}']")


def test_footnotes_linked_both_ways_with_their_author(edition):
    plan = build_plan(edition)
    tree = _tree(edition)
    assert plan.notes
    for ref in plan.notes:
        forward = tree.xpath(f"//sup[@class='noteref']/a[@id='fnref-{ref.number}']")
        assert forward and forward[0].get("href") == f"#fn-{ref.number}"
        assert forward[0].text_content() == str(ref.number)
        item = tree.xpath(f"//li[@id='fn-{ref.number}']")[0]
        backs = item.xpath(f".//a[@href='#fnref-{ref.number}']")
        assert len(backs) == 2  # the marker and the arrow
        who = item.xpath(".//span[@class='who']")[0]
        signature = who.text_content() if not ref.signed else who.get("title")
        assert "note" in signature.lower()


def test_notes_are_numbered_and_show_their_printed_marker(kirov):
    """Every note of the edition is printed with "*": the page numbers them 1, 2, 3, 4 and
    shows the "*" at the head of each note."""
    tree = _tree(kirov)
    refs = [a.text_content() for a in tree.xpath("//sup[@class='noteref']/a")]
    assert refs == ["1", "2", "3", "4"]
    notes = tree.xpath("//ol[@class='notes']/li")
    assert [li.xpath("string(a[@class='marker'])") for li in notes] == refs
    assert [li.xpath("string(.//span[@class='printed-marker'])") for li in notes] == ["*"] * 4
    first = tree.xpath("//sup[@class='noteref']/a")[0]
    assert "*" in first.get("title") and "*" in first.get("aria-label")


def test_a_note_is_signed_once(kirov, pamphlet):
    """A note that ends with its printed signature ("—Eds.", "—Translator's note.") gets
    no second one; the others are signed by who wrote them."""
    for doc in (kirov, pamphlet):
        tree = _tree(doc)
        for ref, li in zip(build_plan(doc).notes, tree.xpath("//ol[@class='notes']/li"),
                           strict=True):
            text = " ".join(li.text_content().split())
            assert text.count(ref.label) <= 1, text
            who = li.xpath(".//span[@class='who']")[0]
            assert (ref.label in who.text_content()) != ref.signed
    signed = [(r.label, r.signed) for r in build_plan(pamphlet).notes]
    assert signed == [("Editors' note", True), ("Translator's note", True),
                      ("Author's note", False)]


def test_note_authors_follow_resp(letter, pamphlet):
    def who(doc):
        tree = _tree(doc)
        spans = [li.xpath(".//span[@class='who']")[0]
                 for li in tree.xpath("//ol[@class='notes']/li")]
        # a note signed in its text carries its author in the tooltip only
        return [s.get("title") or s.text_content() for s in spans]

    assert [w.split(" —")[0] for w in who(letter)] == [
        "Editor's note", "Translator's note", "Author's note"]
    labels = who(pamphlet)
    assert labels[0].startswith("Editors' note — Pioneer Publishers")
    assert labels[1].startswith("Translator's note — John G. Wright")
    assert labels[2].startswith("Author's note — Leon Trotsky")


def test_every_name_links_to_the_index_and_back(edition):
    plan = build_plan(edition)
    tree = _tree(edition)
    names = tree.xpath("//a[contains(concat(' ', @class, ' '), ' name ')]")
    assert len(names) == len(plan.mentions) > 0
    for a in names:
        target = a.get("href")[1:]
        entry = tree.xpath(f"//dt[@id='{target}']")
        assert entry, target
        back = entry[0].getparent().xpath(f".//dd[@class='mentions']/a[@href='#{a.get('id')}']")
        assert back, a.get("id")


def test_index_lists_variants(letter):
    tree = _tree(letter)
    entry = tree.xpath("//dt[@id='idx-bell']")[0].getparent()
    assert entry.xpath("string(dt)") == "Alexander Bell"
    assert entry.xpath("string(dd[@class='variants'])") == "Bel, Dr. Bell, Doctor"
    odessa = tree.xpath("//dt[@id='idx-odessa']")[0].getparent()
    assert "Odesa" in odessa.xpath("string(dd[@class='variants'])")
    # a name without an authority record is indexed under its spelling
    assert tree.xpath("//dt[@id='idx-place_kherson']")


def test_dates_are_time_elements_with_the_value_on_hover(edition):
    plan = build_plan(edition)
    tree = _tree(edition)
    times = tree.xpath("//main//time | //ol[@class='notes']//time")
    assert len(times) == len(plan.dates) > 0
    rendered = sorted((t.text_content(), t.get("title") or "", t.get("datetime") or "")
                      for t in times)
    expected = sorted(
        (" ".join(r.text.split()), r.label + (f" (certainty: {r.cert})" if r.cert else "")
         if r.label else "", r.datetime or "")
        for r in plan.dates)
    assert [(a, b, c) for a, b, c in rendered] == expected


def test_date_forms(letter):
    tree = _tree(letter)
    span = tree.xpath("//time[.='1901-03']")[0]
    assert span.get("datetime") == "1901" and span.get("title") == "from 1901 to 1903"
    certain = tree.xpath("//time[.='June 14th']")[0]
    assert certain.get("title") == "1905-06-14 (certainty: high)"


def test_corrections_show_the_corrected_reading_with_the_original_on_hover(letter, pamphlet):
    tree = _tree(letter)
    corr = tree.xpath("//span[@class='corr']")[0]
    assert corr.text_content() == "received" and corr.get("title") == "printed: recieved"
    reg = tree.xpath("//span[@class='reg']")[0]
    assert reg.text_content() == "color" and "colour" in reg.get("title")
    head = _tree(pamphlet).xpath("//section[@id='sec-s9']/h3")[0]
    assert head.text_content() == "9. Individual Terrorism"


def test_page_breaks_are_marked(edition):
    tree = _tree(edition)
    breaks = tree.xpath("//span[contains(concat(' ', @class, ' '), ' pb ')]")
    assert breaks
    for pb in breaks:
        assert pb.get("data-n") and pb.get("role") == "doc-pagebreak"


def test_word_split_at_a_page_break_stays_one_word(letter):
    tree = _tree(letter)
    para = tree.xpath("//p[contains(., 'undamaged')]")
    assert para, "the joined word is one word in the rendered text"


def test_opaque_elements_keep_their_text_and_comments_vanish(letter):
    page = to_html(letter)
    assert "An opaque aside survives." in page
    assert "a comment that must not show" not in page


def test_minimal_document(minimal):
    tree = _tree(minimal)
    assert tree.xpath("string(//h1)") == "Minimal"
    assert "Only one paragraph & a plain word." in tree.xpath("string(//main)")
    assert not tree.xpath("//nav") and not tree.xpath("//section[@id='index']")


def test_deterministic(edition):
    assert to_html(edition) == to_html(edition)


def test_anchored_note_is_referenced_where_it_points(pamphlet):
    tree = _tree(pamphlet)
    para = tree.xpath("//p[contains(., 'world revolution')]")[0]
    assert para.xpath(".//sup[@class='noteref']/a")[0].get("href") == "#fn-3"
    # and not a second time where it is stored
    assert len(tree.xpath("//a[@href='#fn-3']")) == 1


@pytest.mark.parametrize("lang", ["de", "fr"])
def test_language_comes_from_the_document(lang):
    from tei_kirov import parse

    doc = parse(f"""<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="{lang}"><teiHeader>
      <fileDesc><titleStmt><title>T</title></titleStmt><publicationStmt><p>x</p>
      </publicationStmt><sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader>
      <text><body><p>Text</p></body></text></TEI>""")
    assert _tree(doc).get("lang") == lang


def test_names_show_their_standard_form_on_hover(letter):
    tree = _tree(letter)
    bel = tree.xpath("//a[@id and .='Bel']")[0]
    assert bel.get("title") == "Alexander Bell"
    odessa = tree.xpath("//main//a[.='Odessa']")[0]
    assert odessa.get("title") is None  # the spelling is the standard name


def test_hostile_text_is_escaped_and_links_are_safe():
    from tei_kirov import parse

    doc = parse("""<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc>
      <titleStmt><title>&lt;script&gt;alert(1)&lt;/script&gt;</title></titleStmt>
      <publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p></sourceDesc>
      </fileDesc></teiHeader><text><body><p>&lt;img src=x onerror=alert(1)&gt;
      <ref target="javascript:alert(1)">click</ref> <ref target="https://example.org/">ok</ref>
      <persName ref="#x&quot; onmouseover=&quot;alert(1)">Q</persName></p></body></text></TEI>""")
    page = to_html(doc)
    tree = lxml_html.document_fromstring(page)
    assert not tree.xpath("//script | //img | //@onerror | //@onmouseover")
    hrefs = tree.xpath("//a/@href")
    assert not any(h.lower().startswith("javascript") for h in hrefs)
    assert "https://example.org/" in hrefs
    assert "<script>alert(1)</script>" in tree.xpath("string(//title)")


def test_page_breaks_and_notes_between_list_items_are_kept():
    from tei_kirov import parse

    doc = parse("""<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc>
      <titleStmt><title>T</title></titleStmt><publicationStmt><p>x</p></publicationStmt>
      <sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader><text><body>
      <list><item>one</item><pb n="2"/><item>two</item><note>between</note></list>
      </body></text></TEI>""")
    tree = _tree(doc)
    items = tree.xpath("//ol/li | //ul/li")
    assert items[1].xpath(".//span[@data-n='2']")
    assert items[1].xpath(".//sup[@class='noteref']/a[@href='#fn-1']")
    assert tree.xpath("//li[@id='fn-1']//a[@href='#fnref-1']")


def _index_names(tree, kind):
    return [dt.text_content() for dt in tree.xpath(
        f"//h3[@id='index-{kind}']/following-sibling::dl[1]/div/dt")]


def test_index_sorts_by_the_first_word_without_case_or_accents(kirov):
    places = _index_names(_tree(kirov), "place")
    assert places.index("Austria") < places.index("Central Asia") < places.index("China")
    from tei_kirov.export._plan import _collate

    assert [_collate(p) for p in places] == sorted(_collate(p) for p in places)


def test_index_sorts_persons_by_a_marked_surname():
    from tei_kirov import parse

    doc = parse("""<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc>
      <titleStmt><title>T</title></titleStmt><publicationStmt><p>x</p></publicationStmt>
      <sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader><text><body>
      <p><persName ref="#b">Zola</persName> and <persName ref="#a">Abel</persName> and
      <persName ref="#c">émile</persName> and <persName ref="#d">Bloch</persName></p></body>
      <back><listPerson>
        <person xml:id="a"><persName><forename>Abel</forename> <surname>Zweig</surname>
        </persName></person>
        <person xml:id="b"><persName><forename>Émile</forename> <surname>Zola</surname>
        </persName></person>
        <person xml:id="c"><persName>Emile Achard</persName></person>
        <person xml:id="d"><persName>Bloch</persName></person>
      </listPerson></back></text></TEI>""")
    assert _index_names(_tree(doc), "person") == [
        "Bloch", "Emile Achard", "Émile Zola", "Abel Zweig"]


def test_every_index_link_is_labelled_and_distinct(edition):
    tree = _tree(edition)
    entries = tree.xpath("//dl[@class='entities']/div[@class='entry']")
    assert entries
    for entry in entries:
        labels = [a.text_content() for a in entry.xpath("dd[@class='mentions']/a")]
        assert labels and all(label.strip(" ·\u00a0") for label in labels)
        assert len(labels) == len(set(labels)), labels


def test_chip_labels_count_repeats_in_one_place():
    from tei_kirov.export._plan import Mention, Where
    from tei_kirov.export.html.index import chip_labels

    def m(page, in_note=False, short=""):
        return Mention(None, 0, "k", "person", "X", Where(page, None, "", short), in_note)

    assert chip_labels([m("4"), m("4"), m("4", True), m("4", True), m("5"), m(None, short="1.2"),
                        m(None)]) == ["p.\u00a04", "p.\u00a04\u00a0(2)", "p.\u00a04n",
                                      "p.\u00a04n\u00a0(2)", "p.\u00a05", "1.2", "7"]


def test_a_paragraph_holding_a_list_is_a_paragraph_block(pamphlet):
    """The paragraph that introduces a list is a ``div.p`` whose text opens with a
    ``p.loose``; the style sheet indents that text like any paragraph after another."""
    from tei_kirov.export.html.style import CSS

    tree = _tree(pamphlet)
    block = tree.xpath("//div[@class='p'][.//ol or .//ul]")[0]
    assert block.getprevious().tag == "p"
    assert block[0].tag == "p" and block[0].get("class") == "loose"
    assert "div.p > p.loose:first-child" in CSS


@pytest.mark.parametrize("xml", [
    """<front><titlePage><docTitle><titlePart type='x" onmouseover="alert(1)'>T</titlePart>
    </docTitle></titlePage></front><body><p>x</p></body>""",
    """<body><p><title level='a" onmouseover="alert(1)'>T</title></p></body>""",
    """<body><p><title level='m"&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;b x="'>T</title>
    </p></body>""",
])
def test_attribute_values_cannot_inject_markup(xml):
    """The two injections found by review: ``titlePart/@type`` and ``title/@level``."""
    from tei_kirov import parse

    doc = parse(f"""<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc>
      <titleStmt><title>T</title></titleStmt><publicationStmt><p>x</p></publicationStmt>
      <sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader><text>{xml}</text></TEI>""")
    tree = _tree(doc)
    assert not tree.xpath("//@onmouseover | //script | //b")
    assert tree.xpath("//*[contains(@class, 'alert(1)')]")  # kept, as a value

from tei_kirov.encoder.meta import EditionMeta
from tei_kirov.encoder.settle import settle
from tei_kirov.encoder.titlepage import TitlePage

PAGE = TitlePage(title="PRINTED TITLE", subtitle="A SUBTITLE", author=["Page Author"],
                 place="BOSTON", date="1845")


def test_given_metadata_wins_over_the_title_page():
    meta = EditionMeta.model_validate({"title": "Given", "author": "Given Author"})
    settled, warnings = settle(meta, PAGE)
    assert settled.title == "Given" and settled.subtitle is None
    assert [p.name for p in settled.author] == ["Given Author"]
    assert (settled.place, settled.date) == ("BOSTON", "1845")
    assert warnings == ["no publisher in the header: none was given and the title page does "
                        "not state one unambiguously (give --publisher or publisher in --meta)"]


def test_the_title_page_fills_what_is_not_given_and_the_rest_is_reported():
    settled, _ = settle(EditionMeta(), PAGE)
    assert (settled.title, settled.subtitle) == ("PRINTED TITLE", "A SUBTITLE")
    _, warnings = settle(EditionMeta(), TitlePage())
    assert [w.split(" in the header")[0] for w in warnings] == [
        "no title", "no author", "no publisher", "no place", "no date"]

import pytest

from tei_kirov.encoder.meta import EditionMeta, default_meta, load_meta
from tei_kirov.errors import TeiReadError

TOML = b'''title = "Ten Days"
author = ["John Reed", { name = "A. N. Other", id = "ano" }]
translator = "T. Ranslator"
licence = "https://creativecommons.org/publicdomain/zero/1.0/"
[declarations]
notes = "Notes: {notes}."
'''


def test_toml_and_json_give_the_same_metadata(tmp_path):
    toml = load_meta(TOML)
    path = tmp_path / "m.json"
    path.write_text('{"title": "Ten Days", "author": ["John Reed", {"name": "A. N. Other", '
                    '"id": "ano"}], "translator": "T. Ranslator", "licence": '
                    '"https://creativecommons.org/publicdomain/zero/1.0/", '
                    '"declarations": {"notes": "Notes: {notes}."}}')
    assert load_meta(path) == toml
    assert [(p.name, p.id) for p in toml.author] == [("John Reed", None), ("A. N. Other", "ano")]
    assert toml.translator[0].name == "T. Ranslator"
    assert toml.licence_url == toml.licence  # a licence given as a URL is its link
    assert load_meta({"author": {"name": "A", "ref": "a"}}).author[0].ref == "#a"


def test_options_override_the_file_field_by_field():
    base = load_meta(TOML)
    over = EditionMeta.model_validate({"title": "Other", "author": ["B. Writer"]})
    merged = over.over(base)
    assert merged.title == "Other" and [p.name for p in merged.author] == ["B. Writer"]
    assert merged.translator == base.translator and merged.declarations == base.declarations


@pytest.mark.parametrize(("data", "name", "where", "words"), [
    (b'title = "x\nauthor = 1\n', "m.toml", "m.toml:1:", "not valid TOML"),
    (b'{"title": "x",\n "author": }', "m.json", "m.json:2:", "not valid JSON"),
    (b'titel = "x"\n', "m.toml", "m.toml", "field titel"),
    (b'language = "English"\n', "m.toml", "m.toml", "not a language code"),
    (b'encoding_date = "May 1"\n', "m.toml", "m.toml", "not an ISO date"),
])
def test_bad_files_name_file_line_and_field(tmp_path, data, name, where, words):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(TeiReadError) as err:
        load_meta(path)
    assert str(err.value).startswith(str(tmp_path / where))
    assert words in str(err.value)


def test_nothing_given_is_empty_and_the_pamphlet_has_its_own_file():
    assert load_meta(None) == EditionMeta()
    assert EditionMeta().title is None and EditionMeta().author == []
    pamphlet = default_meta()
    assert pamphlet.title == "Leon Trotsky on The Kirov Assassination"
    assert pamphlet.author[0].id == "LT" and pamphlet.articles

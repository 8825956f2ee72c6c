from tei_kirov.encoder.authority import default_authority, load_authority, standoff_lists
from tei_kirov.models import ListBibl, ListOrg, ListPerson, ListPlace

from .conftest import PRINTERS_AUTHORITY


def test_packaged_authority():
    auth = default_authority()
    zalutsky = auth.by_id("zalutsky")
    assert zalutsky is not None and zalutsky.main == "Pyotr Zalutsky"
    assert {"Zalutsky", "Zalusky"} <= set(zalutsky.forms)
    assert auth.by_id("kirov").death == "1934-12-01"
    assert auth.by_id("humanite").level == "j" and auth.by_id("humanite").lang == "fr"
    assert auth.foreign["en masse"] == "fr"
    assert ("bureaucrazy", "bureaucracy") in auth.corrections
    assert "Trotskyism" in auth.non_names
    assert [h.type for h in auth.hints] == ["conclusion"]


def test_ids_are_unique_and_ncnames():
    auth = default_authority()
    ids = [e.id for e in auth.entries]
    assert len(ids) == len(set(ids))
    assert all(i[0].isalpha() and i.replace("_", "").isalnum() for i in ids)


def test_another_authority_file():
    auth = load_authority(PRINTERS_AUTHORITY)
    assert auth.by_id("petrov").forms == ["Pavel Petrov", "Petrov", "Petroff"]
    assert load_authority(PRINTERS_AUTHORITY.read_bytes()).by_id("union") is not None


def test_standoff_lists_hold_only_used_records():
    auth = default_authority()
    lists = standoff_lists(auth, {"kirov", "leningrad", "gpu", "pravda"})
    assert [type(x) for x in lists] == [ListPerson, ListPlace, ListOrg, ListBibl]
    person = lists[0].persons[0]
    assert person.xml_id == "kirov" and person.main_name == "Sergei Kirov"
    assert set(person.variants) == {"Kirov", "Kiroff", "M. Kirov"}


def test_authority_files_are_valid_tei_of_the_profile():
    from lxml import etree

    from ..conftest import REPO

    schema = etree.XMLSchema(etree.parse(str(REPO / "schemas" / "tei_kirov.xsd")))
    for path in (REPO / "tei_kirov" / "data" / "kirov-authority.xml", PRINTERS_AUTHORITY):
        assert schema.validate(etree.parse(str(path))), (path, str(schema.error_log))

from tei_kirov.encoder.authority import default_authority
from tei_kirov.encoder.names import NameStats, apply_names
from tei_kirov.models import OrgName, P, PersName, PlaceName, Title


def _tagged(text: str):
    p = P(text)
    stats = apply_names(p, default_authority(), NameStats())
    return [(type(n).__name__, n.text(), n.get("ref")) for n in p.nodes()], stats


def test_persons_with_variant_spellings_point_to_one_record():
    found, stats = _tagged("Zalutsky and Zalusky, Kirov and M. Kirov and Kiroff")
    assert found == [("PersName", "Zalutsky", "#zalutsky"), ("PersName", "Zalusky", "#zalutsky"),
                     ("PersName", "Kirov", "#kirov"), ("PersName", "M. Kirov", "#kirov"),
                     ("PersName", "Kiroff", "#kirov")]
    assert stats.ids["kirov"] == 3


def test_derived_words_are_not_names():
    found, _ = _tagged("Trotskyism, Stalinist, the Nicolaievs and Zinovievists")
    assert found == []


def test_longest_form_wins_and_capitals_match():
    found, _ = _tagged("the Leningrad Soviet in Leningrad; LEON TROTSKY; Stalin-Yagoda-Yaroslavski")
    assert found == [("OrgName", "Leningrad Soviet", "#leningradSoviet"),
                     ("PlaceName", "Leningrad", "#leningrad"),
                     ("PersName", "LEON TROTSKY", "#trotsky"),
                     ("PersName", "Stalin", "#stalin"), ("PersName", "Yagoda", "#yagoda"),
                     ("PersName", "Yaroslavski", "#yaroslavsky")]


def test_only_persons_inside_article_titles():
    p = P(Title("F. D. Medved, Chief of Leningrad Unit", level="a"), " ",
          Title("Leningrad Pravda", level="j"))
    apply_names(p, default_authority())
    inner = p.content[0].nodes()
    assert [type(n) for n in inner] == [PersName]
    assert not p.content[2].nodes()


def test_possessives_keep_the_name():
    found, _ = _tagged("Stalin's heirs and Kirov\u2019s corpse")
    assert [f[1] for f in found] == ["Stalin", "Kirov"]
    assert OrgName and PlaceName

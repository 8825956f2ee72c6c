"""CSV index tables: persons, places, organisations and dates."""

from __future__ import annotations

import csv
import io

from tei_kirov.export import to_csv, write_csv
from tei_kirov.export._plan import build_plan
from tei_kirov.export.tables import DATE_COLUMNS, ENTITY_COLUMNS, TABLES


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_four_tables_with_headers(edition):
    tables = to_csv(edition)
    assert list(tables) == list(TABLES)
    for name, text in tables.items():
        header = next(csv.reader(io.StringIO(text)))
        assert tuple(header) == (DATE_COLUMNS if name == "dates.csv" else ENTITY_COLUMNS)
        assert text.endswith("\r\n")


def test_persons_table(letter):
    rows = {r["id"]: r for r in _rows(to_csv(letter)["persons.csv"])}
    bell = rows["bell"]
    assert bell["name"] == "Alexander Bell"
    assert bell["variants"] == "Bel; Dr. Bell; Doctor"
    assert bell["mentions"] == "3"
    assert bell["first_mention"] == "Letter to Dr. Bell" and bell["first_page"] == ""
    assert rows["harker"]["first_mention"] == "p. 2, Letter to Dr. Bell"


def test_places_orgs_and_unrecorded_names(letter):
    tables = to_csv(letter)
    places = {r["id"]: r for r in _rows(tables["places.csv"])}
    assert places["odessa"]["variants"] == "Odesa" and places["odessa"]["mentions"] == "2"
    assert places["place:kherson"]["name"] == "Kherson"
    orgs = _rows(tables["orgs.csv"])
    assert [(o["id"], o["mentions"]) for o in orgs] == [("company", "1")]


def test_dates_table(letter, pamphlet):
    rows = _rows(to_csv(letter)["dates.csv"])
    assert [r["text"] for r in rows] == ["June 14th", "Tuesday next", "the 23rd", "1901-03"]
    assert rows[0]["value"] == "1905-06-14" and rows[0]["certainty"] == "high"
    assert rows[3]["value"] == "1901/1903" and rows[3]["from"] == "1901"
    assert rows[3]["where"] == "p. 2, Letter to Dr. Bell" and rows[3]["page"] == "2"
    uncertain = [r for r in _rows(to_csv(pamphlet)["dates.csv"]) if r["text"] == "1923-25"]
    assert uncertain[0]["value"] == "1923/1925" and uncertain[0]["notBefore"] == "1923"


def test_counts_match_the_document(edition):
    plan = build_plan(edition)
    tables = to_csv(edition)
    total = sum(int(r["mentions"]) for name in ("persons.csv", "places.csv", "orgs.csv")
                for r in _rows(tables[name]))
    assert total == len(plan.mentions) > 0
    assert len(_rows(tables["dates.csv"])) == len(plan.dates) > 0


def test_wrong_date_values_are_reported_not_hidden():
    from tei_kirov import parse

    doc = parse("""<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc>
      <titleStmt><title>T</title></titleStmt><publicationStmt><p>x</p></publicationStmt>
      <sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader><text><body>
      <p><date when="1934-13-45">a bad day</date></p></body></text></TEI>""")
    row = _rows(to_csv(doc)["dates.csv"])[0]
    assert row["value"] == "1934-13-45" and row["problems"]


def test_write_csv_folder(letter, tmp_path):
    out = write_csv(letter, tmp_path / "tables")
    assert sorted(p.name for p in out.iterdir()) == sorted(TABLES)
    assert (out / "persons.csv").read_bytes().decode("utf-8") == to_csv(letter)["persons.csv"]
    assert [p.name for p in tmp_path.iterdir()] == ["tables"]  # no debris


def test_deterministic(edition):
    assert to_csv(edition) == to_csv(edition)


def test_to_csv_can_write_the_folder_too(letter, tmp_path):
    tables = to_csv(letter, tmp_path / "t")
    assert (tmp_path / "t" / "dates.csv").read_bytes() == tables["dates.csv"].encode()


def test_pages_are_counted_from_page_breaks_without_a_number():
    from tei_kirov import parse

    doc = parse("""<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc>
      <titleStmt><title>T</title></titleStmt><publicationStmt><p>x</p></publicationStmt>
      <sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader><text><body>
      <p><date when="1900">before</date><pb/><persName>Ann</persName> <date when="1901">a</date>
      <pb/><date when="1902">b</date><pb n="x"/><date when="1903">c</date><pb/>
      <date when="1904">d</date><pb n="7"/><pb/><date when="1905">e</date></p>
      </body></text></TEI>""")
    tables = to_csv(doc)
    pages = [r["page"] for r in _rows(tables["dates.csv"])]
    assert pages == ["", "1", "2", "x", "4", "8"]
    assert [r["first_page"] for r in _rows(tables["persons.csv"])] == ["1"]

"""A short invented pamphlet with its own authority file goes through the same pipeline."""

from tei_kirov.models import Choice, Date, Note, OrgName, PersName, Title

from .conftest import PRINTERS, PRINTERS_AUTHORITY


def test_structure_and_counts(printers):
    doc, report, _ = printers
    sections = [d for d in doc.body.divs[0].divs if d.type == "section"]
    assert [d.n for d in sections] == ["1", "2", "3"]
    assert sections[2].head.child(Choice) is not None
    c = report.counts
    assert (c["notes"], c["page-break joins"], c["word joins"], c["corrections"]) == (2, 2, 1, 2)


def test_notes_names_and_dates(printers):
    doc, _, _ = printers
    notes = list(doc.text.iter(Note))
    assert [n.resp for n in notes] == ["#eds", "#LT"]  # the ids its metadata gives
    refs = [(n.text(), n.ref) for n in doc.text.iter(PersName)]
    assert ("Petroff", "#petrov") in refs and ("PAVEL PETROV", "#petrov") in refs
    assert not any(t == "Petrovists" for t, _ in refs)
    assert [o.text() for o in doc.text.iter(OrgName)] == ["Union of Printers", "Union"]
    assert {t.ref for t in doc.text.iter(Title)} == {"#morningStar"}
    whens = [d.when or f"{d.from_}/{d.to}" for d in doc.text.iter(Date)
             if d.not_before is None]
    assert whens == ["1950-03-03", "1921-06", "1920-11-02", "1912/1914", "1920-12-01",
                     "1920-12-20"]


def test_header_names_the_people_of_this_text(printers):
    doc, _, xml = printers
    assert "Pavel Petrov" in doc.header.text() and "Anna Weiss" in doc.header.text()
    assert "Riverside Press" in doc.header.text()
    assert next(doc.header.iter(PersName)).ref == "#petrov"  # from its authority file
    assert "Kirov" not in xml


def test_cli_with_source_and_authority(tmp_path):
    from click.testing import CliRunner

    from tei_kirov.cli.main import cli

    out = tmp_path / "p.xml"
    result = CliRunner().invoke(cli, ["encode", str(PRINTERS), "--authority",
                                      str(PRINTERS_AUTHORITY), "-o", str(out), "--report"])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<?xml")
    assert "notes: 2" in result.output

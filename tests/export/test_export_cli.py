"""``tei-kirov export FORMAT FILE [-o OUT]`` for every format."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from tei_kirov.cli.main import cli
from tei_kirov.export import to_html, to_json, to_text, validate_bag
from tests.export.conftest import LETTER


@pytest.fixture
def source(tmp_path):
    path = tmp_path / "letter.xml"
    shutil.copy(LETTER, path)
    return path


def _run(*args: str):
    return CliRunner().invoke(cli, ["export", *args])


@pytest.mark.parametrize("fmt, name", [("html", "letter.html"), ("text", "letter.txt"),
                                       ("json", "letter.json")])
def test_file_formats_default_next_to_the_input(fmt, name, source, letter):
    result = _run(fmt, str(source))
    assert result.exit_code == 0, result.output
    written = source.with_name(name).read_text(encoding="utf-8")
    expected = {"html": to_html, "text": to_text, "json": to_json}[fmt](letter)
    assert written == expected
    assert "wrote" in result.output


def test_output_option_and_force(source, tmp_path):
    out = tmp_path / "x.html"
    assert _run("html", str(source), "-o", str(out)).exit_code == 0
    refused = _run("html", str(source), "-o", str(out))
    assert refused.exit_code == 2 and "exists" in refused.output
    assert _run("html", str(source), "-o", str(out), "--force").exit_code == 0


def test_diplomatic_text(source, tmp_path):
    out = tmp_path / "d.txt"
    assert _run("text", str(source), "--diplomatic", "-o", str(out)).exit_code == 0
    assert "recieved" in out.read_text(encoding="utf-8")
    misuse = _run("html", str(source), "--diplomatic")
    assert misuse.exit_code == 2 and "text export only" in misuse.output


def test_stdout(source, letter):
    result = _run("text", str(source), "-o", "-")
    assert result.exit_code == 0 and result.stdout == to_text(letter)


def test_csv_folder(source):
    result = _run("csv", str(source))
    assert result.exit_code == 0, result.output
    folder = source.with_name("letter-csv")
    assert sorted(p.name for p in folder.iterdir()) == [
        "dates.csv", "orgs.csv", "persons.csv", "places.csv"]
    assert _run("csv", str(source)).exit_code == 2


def test_bag(source, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    out = tmp_path / "b"
    result = _run("bag", str(source), "-o", str(out))
    assert result.exit_code == 0, result.output
    validate_bag(out)
    assert (out / "data" / "letter.xml").read_bytes() == source.read_bytes()
    again = _run("bag", str(source), "-o", str(out))
    assert again.exit_code == 2 and "exists" in again.output


def test_bad_input_is_one_clear_line(tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_text("<TEI><unclosed></TEI>")
    result = _run("html", str(bad))
    assert result.exit_code == 2
    assert "Traceback" not in result.output and not (tmp_path / "bad.html").exists()


def test_unknown_format(source):
    assert _run("pdf", str(source)).exit_code == 2

from click.testing import CliRunner

from tei_kirov.cli.main import cli
from tei_kirov.encoder.authority import load_authority

TEXT = "A STORY\n\nIt was then that Mr. Gore met General Lee in Richmond. Mr. Gore left.\n"


def test_suggest_writes_an_authority_file_the_encoder_reads(tmp_path):
    src = tmp_path / "s.txt"
    src.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "a.xml"
    runner = CliRunner()
    result = runner.invoke(cli, ["authority", "suggest", str(src), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stderr.strip() == "a.xml: 2 persons, 1 places, 0 organisations to check"
    kinds = {e.main: e.kind for e in load_authority(out).entries}
    assert kinds == {"Gore": "person", "Lee": "person", "Richmond": "place"}
    encoded = runner.invoke(cli, ["encode", str(src), "--authority", str(out)])
    assert encoded.exit_code == 0 and 'ref="#gore"' in encoded.stdout


def test_suggest_keeps_an_existing_file_unless_forced(tmp_path):
    src = tmp_path / "s.txt"
    src.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "a.xml"
    out.write_text("keep")
    result = CliRunner().invoke(cli, ["authority", "suggest", str(src), "-o", str(out)])
    assert result.exit_code == 2 and out.read_text() == "keep"
    result = CliRunner().invoke(cli, ["authority", "suggest", str(src)])
    assert result.exit_code == 0 and result.stdout.startswith("<?xml")

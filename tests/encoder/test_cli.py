from click.testing import CliRunner

from tei_kirov.cli.main import cli

from ..conftest import EXAMPLES


def test_encode_without_source_writes_the_example_to_stdout():
    result = CliRunner().invoke(cli, ["encode"])
    assert result.exit_code == 0
    assert result.stdout_bytes == (EXAMPLES / "kirov.xml").read_bytes()


def test_encode_keeps_an_existing_output_unless_forced(tmp_path):
    out = tmp_path / "k.xml"
    out.write_text("keep me")
    runner = CliRunner()
    result = runner.invoke(cli, ["encode", "-o", str(out)])
    assert result.exit_code == 2 and out.read_text() == "keep me"
    result = runner.invoke(cli, ["encode", "-o", str(out), "--force"])
    assert result.exit_code == 0
    assert out.read_bytes() == (EXAMPLES / "kirov.xml").read_bytes()

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


def test_bad_input_gives_one_line_and_status_2(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("\n\n")
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\xff\xfe\x00bad")
    broken = tmp_path / "auth.xml"
    broken.write_text("<TEI>")
    runner = CliRunner()
    for args in (["encode", str(empty)], ["encode", str(binary)],
                 ["encode", "--authority", str(broken)]):
        result = runner.invoke(cli, args)
        assert result.exit_code == 2, (args, result.output)
        assert "Traceback" not in result.output

from click.testing import CliRunner

from tei_kirov.cli.main import cli
from tests.xml.samples import SAMPLE


def test_convert_to_stdout_is_lossless(tmp_path):
    src = tmp_path / "in.xml"
    src.write_text(SAMPLE, encoding="utf-8")
    result = CliRunner().invoke(cli, ["convert", str(src)])
    assert result.exit_code == 0
    assert result.stdout == SAMPLE


def test_convert_refuses_invalid_profile_output_with_lines(tmp_path):
    src = tmp_path / "in.xml"
    src.write_text(SAMPLE, encoding="utf-8")  # has an untyped <sp> and a bad date
    out = tmp_path / "out.xml"
    result = CliRunner().invoke(cli, ["convert", str(src), "-o", str(out)])
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    # the validator's compiler-style lines, one per problem, then the one-line verdict
    assert lines[:3] == [
        f'{out}:10:7: error TK102: attribute "{{http://example.org/ex}}flag" is not allowed '
        "on <p> [hint: remove the attribute (or use a schema that allows it)]",
        f'{out}:10:45: error TK105: @when of <date> has an invalid value "1934-13-45" '
        "[hint: correct the value]",
        f'{out}:11:49: error TK101: element "sp" is not allowed in <p>; the schema defines '
        "no such element [hint: remove the element, move it to where the schema allows it, "
        "or rename it]",
    ]
    assert lines[3].startswith(f"tei-kirov: {out}: not written: the document does not validate")
    assert len(lines) == 4 and "/*" not in result.stderr
    assert not out.exists()
    result = CliRunner().invoke(cli, ["convert", str(src), "-o", str(out), "--no-validate"])
    assert result.exit_code == 0 and out.read_text(encoding="utf-8") == SAMPLE


def test_convert_will_not_replace_its_input_without_force(tmp_path):
    src = tmp_path / "in.xml"
    src.write_text(SAMPLE, encoding="utf-8")
    result = CliRunner().invoke(cli, ["convert", str(src), "-o", str(src), "--no-validate"])
    assert result.exit_code == 2 and "refusing to replace" in result.stderr
    result = CliRunner().invoke(
        cli, ["convert", str(src), "-o", str(src), "--no-validate", "--force"])
    assert result.exit_code == 0


def test_convert_will_not_replace_another_existing_file_without_force(tmp_path):
    src = tmp_path / "in.xml"
    src.write_text(SAMPLE, encoding="utf-8")
    other = tmp_path / "other.xml"
    other.write_text("keep me")
    result = CliRunner().invoke(cli, ["convert", str(src), "-o", str(other), "--no-validate"])
    assert result.exit_code == 2 and "exists" in result.stderr and "--force" in result.stderr
    assert other.read_text() == "keep me"
    result = CliRunner().invoke(
        cli, ["convert", str(src), "-o", str(other), "--no-validate", "--force"])
    assert result.exit_code == 0 and other.read_text(encoding="utf-8") == SAMPLE


def test_bad_input_is_one_line_no_traceback(tmp_path):
    src = tmp_path / "bad.xml"
    src.write_text("<TEI xmlns='http://www.tei-c.org/ns/1.0'>\n<p>a & b</p></TEI>")
    result = CliRunner().invoke(cli, ["convert", str(src)])
    assert result.exit_code == 2
    assert f"{src}:2:" in result.stderr and "Traceback" not in result.stderr

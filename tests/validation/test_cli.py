"""``tei-kirov validate``: output formats, exit statuses, batch, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tei_kirov.cli.validate import command
from tei_kirov.validation.jsonschema_out import report_schema

from .conftest import FIXTURES, REPO, own, position, seed

RNG = str(FIXTURES / "mini.rng")


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(command, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    clean = (FIXTURES / "clean.xml").read_text(encoding="utf-8")
    (tmp_path / "a_clean.xml").write_text(clean)
    sub = tmp_path / "sub"
    sub.mkdir()
    bad = own(seed(clean, 'ref="#kirov"', 'ref="#kirow"'))  # own file: TK203 is an error
    (sub / "b_bad.xml").write_text(bad)
    (sub / "c_broken.xml").write_text("<TEI>\n<p>\n</TEI>")
    (sub / "notes.txt").write_text("not xml, not walked")
    return tmp_path


def test_valid_file_exits_0() -> None:
    code, out, err = invoke("--schema", RNG, str(FIXTURES / "clean.xml"))
    assert code == 0 and out == ""
    assert "1 file: 1 valid, 0 invalid" in err


def test_text_output_is_compiler_style_and_sorted(folder: Path) -> None:
    code, out, err = invoke("--schema", RNG, str(folder))
    assert code == 1
    lines = out.splitlines()
    bad = (folder / "sub" / "b_bad.xml").read_text()
    line, col = position(bad, 'ref="#kirow"')
    assert lines[0] == (f'{folder}/sub/b_bad.xml:{line}:{col}: error TK203: persName/@ref '
                        '"#kirow" names no xml:id; did you mean "#kirov"?')
    assert lines[-1].startswith(f"{folder}/sub/c_broken.xml:3:")
    assert " error TK001: " in lines[-1]
    assert "3 files: 1 valid, 2 invalid" in err


def test_json_output_matches_its_schema(folder: Path) -> None:
    import jsonschema  # a test dependency (pyproject's "test" extra)

    code, out, _ = invoke("--schema", RNG, "--format", "json", str(folder))
    assert code == 1
    data = json.loads(out)
    jsonschema.validate(data, report_schema())
    assert data["summary"]["files"] == 3 and data["summary"]["invalid"] == 2
    assert [f["ok"] for f in data["files"]] == [True, False, False]


def test_stored_json_schema_is_current() -> None:
    stored = json.loads((REPO / "schemas" / "validate-report.schema.json").read_text())
    assert stored == report_schema()


def test_output_does_not_depend_on_jobs(folder: Path) -> None:
    one = invoke("--schema", RNG, "--jobs", "1", "--format", "json", str(folder))[1]
    two = invoke("--schema", RNG, "--jobs", "2", "--format", "json", str(folder))[1]

    def strip(text: str) -> object:
        data = json.loads(text)
        for f in data["files"]:
            f.pop("seconds")
        data["summary"].pop("seconds")
        return data

    assert strip(one) == strip(two)


def test_no_rules_and_disable(folder: Path) -> None:
    target = str(folder / "sub" / "b_bad.xml")
    assert invoke("--schema", RNG, "--no-rules", target)[0] == 0
    assert invoke("--schema", RNG, "--disable", "TK203", target)[0] == 0
    assert invoke("--schema", RNG, "--disable", "dangling-pointer", target)[0] == 0


def test_quiet_prints_only_errors(tmp_path: Path) -> None:
    clean = (FIXTURES / "clean.xml").read_text()
    warn = tmp_path / "w.xml"
    warn.write_text(seed(clean, "</listPerson>", '<person xml:id="x"/></listPerson>'))
    code, out, err = invoke("--schema", RNG, "--quiet", str(warn))
    assert (code, out, err) == (0, "", "")
    code, out, _ = invoke("--schema", RNG, str(warn))
    assert code == 0 and "warning TK206" in out


@pytest.mark.parametrize("args", [
    ["--schema", "/nonexistent.rng", "x.xml"],
    ["--disable", "TK999", str(FIXTURES / "clean.xml")],
    ["--schema", str(FIXTURES / "clean.xml"), str(FIXTURES / "clean.xml")],
    ["--jobs", "0", str(FIXTURES / "clean.xml")],
])
def test_usage_errors_exit_2(args: list[str]) -> None:
    code, _, err = invoke(*args)
    assert code == 2 and "Traceback" not in err


def test_unreadable_input_exits_2(tmp_path: Path) -> None:
    code, out, _ = invoke("--schema", RNG, str(FIXTURES / "clean.xml"),
                          str(tmp_path / "missing.xml"))
    assert code == 2 and "TK004" in out


def test_empty_folder_is_a_usage_error(tmp_path: Path) -> None:
    assert invoke("--schema", RNG, str(tmp_path))[0] == 2


def test_real_process_has_no_traceback(tmp_path: Path) -> None:
    hostile = tmp_path / "x.xml"
    hostile.write_bytes(b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>')
    result = subprocess.run(
        [sys.executable, "-c", "from tei_kirov.cli.main import main; main()", "validate",
         "--schema", RNG, str(hostile)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "TK002" in result.stdout and "Traceback" not in result.stderr
    assert "root:" not in result.stdout


def test_progress_bar_only_on_a_terminal() -> None:
    import io

    from tei_kirov.validation.batch import Progress
    from tei_kirov.validation.report import Report

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    tty, pipe = Tty(), io.StringIO()
    for stream in (tty, pipe):
        bar = Progress(2, stream)
        bar.tick(Report(file="a.xml"))
        bar.tick(Report(file="b.xml"))
        bar.close()
    assert "2/2" in tty.getvalue() and pipe.getvalue() == ""


def test_cache_revalidates_only_changed_files(folder: Path, tmp_path: Path) -> None:
    from tei_kirov.validation import batch

    cache = tmp_path / "cache"
    first = invoke("--schema", RNG, "--cache", str(cache), str(folder))
    assert len(list(cache.glob("*.json"))) == 3
    calls: list[list[str]] = []
    original = batch._run

    def spy(files, *args):  # type: ignore[no-untyped-def]
        calls.append(list(files))
        return original(files, *args)

    batch._run = spy  # type: ignore[assignment]
    try:
        again = invoke("--schema", RNG, "--cache", str(cache), str(folder))
        bad = folder / "sub" / "b_bad.xml"
        bad.write_text(bad.read_text().replace("#kirow", "#kirov") + "<!-- fixed -->\n")
        fixed = invoke("--schema", RNG, "--cache", str(cache), str(folder))
    finally:
        batch._run = original  # type: ignore[assignment]
    assert again[:2] == first[:2]
    assert calls == [[str(bad)]]
    assert "TK203" not in fixed[1]

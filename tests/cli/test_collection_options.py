"""Collection runs from the command line: JSON Lines, Ctrl-C, --resume, index, engines."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from tei_kirov.cli.main import cli

REPO = Path(__file__).resolve().parents[2]


def _tei(i: int) -> bytes:
    return (
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>'
        f"<title>T{i}</title></titleStmt><publicationStmt><p>x</p></publicationStmt>"
        "<sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader><text><body>"
        f'<p><persName>N{i % 3}</persName> on <date when="1917-11-07">'
        "7 Nov.</date></p></body></text></TEI>").encode()


@pytest.fixture
def folder(tmp_path):
    target = tmp_path / "col"
    target.mkdir()
    for i in range(300):
        (target / f"d{i:04d}.xml").write_bytes(_tei(i))
    return target


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_jsonl_has_one_line_per_file(tmp_path, folder):
    out = tmp_path / "r.jsonl"
    result = CliRunner().invoke(cli, ["validate", str(folder), "--jsonl", str(out), "-q"])
    assert result.exit_code == 0, result.output
    assert sorted(x["file"] for x in _lines(out)) == sorted(str(p) for p in folder.iterdir())
    again = CliRunner().invoke(cli, ["validate", str(folder), "--jsonl", str(out), "-q"])
    assert again.exit_code == 2 and "--resume" in again.output  # kept, not replaced


def test_ctrl_c_leaves_whole_lines_and_resume_finishes(tmp_path, folder):
    out = tmp_path / "r.jsonl"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    cmd = [sys.executable, "-m", "tei_kirov", "validate", str(folder), "--jsonl", str(out),
           "--timeout", "60", "-q"]  # --timeout: one sandboxed file at a time, slow enough
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (not out.exists() or out.stat().st_size == 0):
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    first = _lines(out)  # every line parses
    assert 0 < len(first) < 300 and b"--resume continues" in err
    done = subprocess.run(cmd + ["--resume"], env=env, capture_output=True, timeout=300)
    assert done.returncode == 0, done.stderr
    files = [x["file"] for x in _lines(out)]
    assert len(files) == len(set(files)) == 300


def test_index_writes_csv_and_parquet(tmp_path, folder):
    table = tmp_path / "index.csv"
    result = CliRunner().invoke(cli, ["index", str(folder), "-o", str(table), "-q"])
    assert result.exit_code == 0, result.output
    with open(table, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["kind"] for r in rows} == {"person", "date"}
    assert sum(1 for r in rows if r["kind"] == "date") == 300
    pq = pytest.importorskip("pyarrow.parquet")
    parquet = tmp_path / "index.parquet"
    assert CliRunner().invoke(cli, ["index", str(folder), "-o", str(parquet), "-q"]
                              ).exit_code == 0
    assert pq.read_table(parquet).num_rows == len(rows)


def test_convert_many_needs_an_output_folder(tmp_path, folder):
    result = CliRunner().invoke(cli, ["convert", str(folder)])
    assert result.exit_code == 2 and "--out-dir" in result.output
    out = tmp_path / "out"
    done = CliRunner().invoke(cli, ["convert", str(folder), "--out-dir", str(out), "-q",
                                    "--no-validate"])
    assert done.exit_code == 0, done.output
    assert len(list(out.iterdir())) == 300


def test_engine_dask_from_the_command_line(tmp_path, folder):
    pytest.importorskip("distributed")
    out = tmp_path / "r.jsonl"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-m", "tei_kirov", "validate", str(folder),
                           "--engine", "dask", "--jobs", "2", "--jsonl", str(out)],
                          env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "300 files" in done.stderr and len(_lines(out)) == 300

"""The streamed JSON Lines report: whole lines, resume, never over a report by accident."""

from __future__ import annotations

import json

import pytest

from tei_kirov.collection.jsonl import JsonlWriter, read_jsonl, reported
from tei_kirov.errors import TeiWriteError
from tei_kirov.validation.report import Report


def test_written_lines_are_whole_and_resumable(tmp_path):
    path = tmp_path / "r.jsonl"
    with JsonlWriter(path) as sink:
        sink.write(Report(file="a.xml"))
        sink.write(Report(file="b.xml"))
    assert [json.loads(x)["file"] for x in path.read_text().splitlines()] == ["a.xml", "b.xml"]
    assert reported(path) == {"a.xml", "b.xml"}
    assert [r.file for r in read_jsonl(path, Report)] == ["a.xml", "b.xml"]


def test_a_torn_last_line_is_cut_on_resume(tmp_path):
    path = tmp_path / "r.jsonl"
    path.write_text('{"file": "a.xml", "issues": []}\n{"file": "b.x', encoding="utf-8")
    assert reported(path) == {"a.xml"}
    assert path.read_text().endswith("}\n")
    with JsonlWriter(path, resume=True) as sink:
        sink.write(Report(file="c.xml"))
    assert reported(path) == {"a.xml", "c.xml"}


def test_an_existing_report_is_kept_without_resume_or_force(tmp_path):
    path = tmp_path / "r.jsonl"
    path.write_text("keep\n")
    with pytest.raises(TeiWriteError, match="--resume"):
        JsonlWriter(path)
    assert path.read_text() == "keep\n"
    JsonlWriter(path, force=True).close()
    assert path.read_text() == ""

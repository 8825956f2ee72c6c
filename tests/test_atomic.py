"""Atomic writes: outputs appear whole; existing ones are replaced only with force."""

from __future__ import annotations

import pytest

from tei_kirov.errors import TeiWriteError
from tei_kirov.atomic import publish_dir, staging_dir, write_file


def test_write_file_refuses_to_replace(tmp_path):
    target = tmp_path / "out.txt"
    write_file(target, "first")
    with pytest.raises(TeiWriteError, match="exists"):
        write_file(target, "second")
    assert target.read_text() == "first"
    write_file(target, "second", force=True)
    assert target.read_text() == "second"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_write_file_needs_an_existing_folder(tmp_path):
    with pytest.raises(TeiWriteError, match="folder does not exist"):
        write_file(tmp_path / "missing" / "out.txt", "x")


def test_write_file_writes_utf8(tmp_path):
    write_file(tmp_path / "t.txt", "Zinoviev—émigrés")
    assert (tmp_path / "t.txt").read_bytes() == "Zinoviev—émigrés".encode()


def test_staging_dir_is_removed_on_failure(tmp_path):
    with pytest.raises(RuntimeError), staging_dir(tmp_path / "out") as staged:
        (staged / "half.txt").write_text("half")
        raise RuntimeError
    assert list(tmp_path.iterdir()) == []


def test_publish_dir(tmp_path):
    target = tmp_path / "out"
    with staging_dir(target) as staged:
        (staged / "a.txt").write_text("a")
        publish_dir(staged, target)
    assert (target / "a.txt").read_text() == "a"
    with staging_dir(target) as staged, pytest.raises(TeiWriteError):
        publish_dir(staged, target)
    assert [p.name for p in tmp_path.iterdir()] == ["out"]

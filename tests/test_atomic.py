"""Atomic writes: outputs appear whole; existing ones are replaced only with force; the
process umask is never read or changed, yet new outputs get the mode it asks for."""

from __future__ import annotations

import os
import threading

import pytest

from tei_kirov.atomic import new_file, publish_dir, staging_dir, write_file
from tei_kirov.errors import TeiWriteError


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


@pytest.fixture
def umask_027():
    old = os.umask(0o027)  # (the test sets it; the code under test must not touch it)
    try:
        yield
    finally:
        os.umask(old)


def test_new_outputs_follow_the_umask_without_touching_it(tmp_path, umask_027, monkeypatch):
    def forbidden(mask):
        raise AssertionError(f"os.umask({mask:o}) called")

    monkeypatch.setattr(os, "umask", forbidden)
    path = write_file(tmp_path / "a.txt", "x")
    assert path.stat().st_mode & 0o777 == 0o640
    target = tmp_path / "out"
    with staging_dir(target) as staged:
        assert staged.stat().st_mode & 0o777 == 0o750
        publish_dir(staged, target)
    assert target.stat().st_mode & 0o777 == 0o750
    write_file(path, "y", force=True)
    assert path.stat().st_mode & 0o777 == 0o640


def test_forced_replacement_keeps_the_old_files_mode(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("old")
    os.chmod(path, 0o600)
    write_file(path, b"new", force=True)
    assert path.read_bytes() == b"new" and path.stat().st_mode & 0o777 == 0o600


def test_pieces_of_bytes_are_written_in_order(tmp_path):
    path = write_file(tmp_path / "a.bin", iter([b"ab", b"", b"cd"]))
    assert path.read_bytes() == b"abcd"


def test_a_file_that_appears_before_the_link_is_not_replaced(tmp_path):
    target = tmp_path / "out.txt"
    started = threading.Event()

    def pieces():
        yield b"mine"
        target.write_text("theirs")  # appears while the data is being written
        started.set()

    with pytest.raises(TeiWriteError, match="exists"):
        write_file(target, pieces())
    assert started.is_set() and target.read_text() == "theirs"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_a_folder_is_not_a_file(tmp_path):
    (tmp_path / "d").mkdir()
    with pytest.raises(TeiWriteError, match="is a folder"):
        write_file(tmp_path / "d", "x", force=True)


def test_new_file_puts_what_was_written_through_its_path_in_place(tmp_path, umask_027):
    target = tmp_path / "index.csv"
    with new_file(target) as tmp:
        assert tmp.parent == tmp_path and tmp.read_bytes() == b""
        tmp.write_bytes(b"a,b\r\n")
        assert not target.exists()  # nothing there until the block ends
    assert target.read_bytes() == b"a,b\r\n" and target.stat().st_mode & 0o777 == 0o640
    with pytest.raises(TeiWriteError, match="exists"), new_file(target) as tmp:
        pass
    with pytest.raises(RuntimeError), new_file(target, force=True) as tmp:
        tmp.write_text("half")
        raise RuntimeError
    assert target.read_bytes() == b"a,b\r\n"
    with new_file(target, force=True) as tmp:
        tmp.write_text("new")
    assert target.read_text() == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["index.csv"]

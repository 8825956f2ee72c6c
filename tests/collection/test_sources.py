"""Inputs of a collection: files, folders, globs and fsspec URLs."""

from __future__ import annotations

import pytest

from tei_kirov.collection.sources import SourceError, expand, is_url, read_bytes


def _tree(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.xml").write_bytes(b"<TEI/>")
    (tmp_path / "a" / "two.xml").write_bytes(b"<TEI>2</TEI>")
    (tmp_path / "a" / "notes.txt").write_text("not TEI")
    (tmp_path / "b.xml").write_bytes(b"<TEI/>")
    return tmp_path


def test_folders_are_searched_for_xml_and_sizes_kept(tmp_path):
    root = _tree(tmp_path)
    items = expand([str(root / "a")])
    assert [i.name.rsplit("/", 1)[-1] for i in items] == ["one.xml", "two.xml"]
    assert [i.size for i in items] == [6, 12]


def test_globs_and_duplicates(tmp_path):
    root = _tree(tmp_path)
    items = expand([str(root / "**" / "*.xml"), str(root / "b.xml")])
    names = [i.name for i in items]
    assert len(names) == len(set(names)) == 3


def test_a_glob_matching_nothing_is_an_error(tmp_path):
    with pytest.raises(SourceError, match="matches no file"):
        expand([str(tmp_path / "*.xml")])


def test_a_missing_file_is_kept_for_a_per_file_report(tmp_path):
    assert expand([str(tmp_path / "gone.xml")])[0].size == 0


def test_memory_urls_through_fsspec():
    fsspec = pytest.importorskip("fsspec")
    fs = fsspec.filesystem("memory")
    fs.pipe("/col/x/1.xml", b"<TEI>1</TEI>")
    fs.pipe("/col/2.xml", b"<TEI/>")
    fs.pipe("/col/skip.txt", b"no")
    items = expand(["memory://col"])
    assert len(items) == 2 and all(is_url(i.name) for i in items)
    assert {read_bytes(i.name) for i in items} == {b"<TEI>1</TEI>", b"<TEI/>"}


def test_windows_drive_is_not_a_url():
    assert not is_url("C:\\texts\\a.xml") and is_url("s3://bucket/a.xml")

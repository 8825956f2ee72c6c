"""The index table is written through the one atomic helper: never over an existing file
without force, and with the mode any new file gets."""

import os

import pytest

from tei_kirov.collection.index_table import write_table
from tei_kirov.collection.tasks import INDEX_COLUMNS, FileResult
from tei_kirov.errors import TeiWriteError


def test_the_table_refuses_an_existing_file_and_gets_a_new_files_mode(tmp_path):
    target = tmp_path / "index.csv"
    row = ["a.xml", "date", "1900", "1900-01-01"][: len(INDEX_COLUMNS)]
    row += [""] * (len(INDEX_COLUMNS) - len(row))
    old = os.umask(0o022)
    try:
        count, problems = write_table([FileResult(file="a.xml", rows=[row])], target)
    finally:
        os.umask(old)
    assert count == 1 and problems == []
    assert target.read_text(encoding="utf-8").splitlines()[0] == ",".join(INDEX_COLUMNS)
    assert target.stat().st_mode & 0o777 == 0o644  # (mkstemp made it 0o600)
    with pytest.raises(TeiWriteError, match="exists; give --force"):
        write_table([], target)
    write_table([], target, force=True)
    assert target.read_text(encoding="utf-8").splitlines() == [",".join(INDEX_COLUMNS)]
    assert os.listdir(tmp_path) == ["index.csv"]

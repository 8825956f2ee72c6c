"""Writing a collection index as CSV or Parquet, streamed: rows go out as each file's
results arrive, into a temporary file that is renamed into place at the end."""

from __future__ import annotations

import contextlib
import csv
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..errors import TeiWriteError
from .tasks import INDEX_COLUMNS, FileResult, Result

#: Rows per Parquet row group (and per write of a CSV batch).
BATCH = 50_000


def _check(target: Path, force: bool) -> None:
    if target.exists() and not force:
        raise TeiWriteError("exists; give --force to replace it", path=str(target))


def write_table(results: Iterable[Result], path: str | os.PathLike[str], *,
                force: bool = False) -> tuple[int, list[Result]]:
    """See :func:`tei_kirov.collection.write_index`."""
    target = Path(path)
    _check(target, force)
    parquet = target.suffix.lower() == ".parquet"
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                               dir=target.parent if str(target.parent) else ".")
    os.close(fd)
    problems: list[Result] = []
    count = 0
    try:
        sink = _ParquetSink(tmp) if parquet else _CsvSink(tmp)
        with contextlib.closing(sink):
            for result in results:
                if not isinstance(result, FileResult) or not result.ok:
                    problems.append(result)
                rows = result.rows if isinstance(result, FileResult) else []
                sink.add(rows)
                count += len(rows)
        _check(target, force)
        os.replace(tmp, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
    return count, problems


class _CsvSink:
    def __init__(self, path: str) -> None:
        self._handle = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115
        self._writer = csv.writer(self._handle, lineterminator="\r\n")
        self._writer.writerow(INDEX_COLUMNS)

    def add(self, rows: list[list[str]]) -> None:
        self._writer.writerows(rows)

    def close(self) -> None:
        self._handle.close()


class _ParquetSink:
    def __init__(self, path: str) -> None:
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError as exc:
            raise TeiWriteError("Parquet output needs pyarrow: pip install "
                                "\"tei_kirov[dask]\" (or pyarrow); or write .csv") from exc
        self._pa = pa
        self._schema = pa.schema([(c, pa.int64() if c == "mentions" else pa.string())
                                  for c in INDEX_COLUMNS])
        self._writer: Any = pq.ParquetWriter(path, self._schema)
        self._rows: list[list[str]] = []

    def add(self, rows: list[list[str]]) -> None:
        self._rows.extend(rows)
        if len(self._rows) >= BATCH:
            self._flush()

    def _flush(self) -> None:
        columns: list[Any] = list(zip(*self._rows, strict=True)) if self._rows else \
            [() for _ in INDEX_COLUMNS]
        arrays = [self._pa.array([int(v) for v in col] if name == "mentions" else list(col),
                                 type=self._schema.field(name).type)
                  for name, col in zip(INDEX_COLUMNS, columns, strict=True)]
        self._writer.write_table(self._pa.Table.from_arrays(arrays, schema=self._schema))
        self._rows = []

    def close(self) -> None:
        if self._rows:
            self._flush()
        self._writer.close()

"""Writing a collection index as CSV or Parquet, streamed: rows go out as each file's
results arrive, into a temporary file that :mod:`tei_kirov.atomic` puts in place at the end
(never over an existing file without ``force``)."""

from __future__ import annotations

import contextlib
import csv
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..atomic import new_file
from ..errors import TeiWriteError
from .tasks import INDEX_COLUMNS, FileResult, Result

#: Rows per Parquet row group (and per write of a CSV batch).
BATCH = 50_000


_REFUSE = "exists; give --force to replace it"


def write_table(results: Iterable[Result], path: str | os.PathLike[str], *,
                force: bool = False) -> tuple[int, list[Result]]:
    """See :func:`tei_kirov.collection.write_index`."""
    target = Path(path)
    parquet = target.suffix.lower() == ".parquet"
    problems: list[Result] = []
    count = 0
    with new_file(target, force=force, refuse=_REFUSE) as tmp:
        sink = _ParquetSink(str(tmp)) if parquet else _CsvSink(str(tmp))
        with contextlib.closing(sink):
            for result in results:
                if not isinstance(result, FileResult) or not result.ok:
                    problems.append(result)
                rows = result.rows if isinstance(result, FileResult) else []
                sink.add(rows)
                count += len(rows)
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

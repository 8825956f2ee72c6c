"""Collections at archive scale: validate, convert, export and index many TEI files on
the local engine or on Dask.

Each function maps the single-file API over files (:mod:`.tasks`), grouped into partitions
of about 64 MB (:mod:`.partition`), on an engine (:mod:`.engines`): ``client=None`` runs
locally (``jobs`` spawned processes), a ``distributed.Client`` runs on its cluster, and
``engine="dask"`` starts a ``LocalCluster`` (or connects to ``scheduler``). Results come
back in completion order as they are ready; a run never holds them all. Importing this
package does not import Dask.

>>> from tei_kirov import collection                                   # doctest: +SKIP
>>> for report in collection.validate(["corpus/"], schemas=["tei_all.rng"]):  # doctest: +SKIP
...     print(report.file, report.ok)
"""

from __future__ import annotations

import os
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from .engines import DaskEngine, Engine, LocalEngine
from .jsonl import JsonlWriter, read_jsonl, reported
from .partition import PARTITION_BYTES, partition
from .sources import Item, SourceError, expand
from .tasks import INDEX_COLUMNS, FileResult, Job, Result, relative_names

__all__ = ["validate", "convert", "export", "index", "write_index", "Run", "FileResult",
           "LocalEngine", "DaskEngine", "JsonlWriter", "read_jsonl", "reported", "expand",
           "SourceError", "INDEX_COLUMNS", "PARTITION_BYTES"]

Paths = str | os.PathLike[str] | Iterable[str | os.PathLike[str]]


@dataclass
class Run:
    """A collection run: ``total`` files to do; iterating gives their results in completion
    order (and closes an engine the run started, at the end or on interruption)."""

    job: Job
    items: list[Item]
    names: list[tuple[str, str]]
    engine: Engine
    timeout: float | None = None
    owns_engine: bool = True
    skipped: int = field(default=0)

    @property
    def total(self) -> int:
        return len(self.names)

    def __iter__(self) -> Iterator[Any]:
        sizes = {i.name: i.size for i in self.items}
        by_name = [Item(name, sizes.get(name, 0)) for name, _ in self.names]
        rel = dict(self.names)
        parts = [[(i.name, rel[i.name]) for i in part]
                 for part in partition(by_name, self.engine.workers)]
        try:
            for results in self.engine.run(self.job, parts, self.timeout):
                yield from results
        finally:
            if self.owns_engine:
                self.engine.close()


def _inputs(paths: Paths) -> list[str]:
    if isinstance(paths, (str, os.PathLike)):
        return [os.fspath(paths)]
    return [os.fspath(p) for p in paths]


def make_engine(client: Any = None, *, engine: str = "local", scheduler: str | None = None,
                jobs: int | None = None) -> tuple[Engine, bool]:
    """The engine for these arguments, and whether the run owns (and so closes) it."""
    if client is not None:
        if isinstance(client, (LocalEngine, DaskEngine)):
            return client, False
        return DaskEngine(client=client), False
    if engine == "dask" or scheduler:
        return DaskEngine(scheduler=scheduler, jobs=jobs), True
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r}: local or dask")
    return LocalEngine(1 if jobs is None else jobs), True


def plan(job: Job, paths: Paths, *, client: Any = None, engine: str = "local",
         scheduler: str | None = None, jobs: int | None = None, timeout: float | None = None,
         exclude: Collection[str] = ()) -> Run:
    """A :class:`Run` of ``job`` over the files ``paths`` name, less those in ``exclude``
    (files already reported by an interrupted run)."""
    items = expand(_inputs(paths))
    names = list(zip([i.name for i in items], relative_names([i.name for i in items]),
                     strict=True))
    kept = [(n, r) for n, r in names if n not in exclude]
    if job.kind == "validate":
        from ..validation.batch import FULL_GRAMMAR_BYTES

        total = sum(i.size for i in items)
        job = Job(job.kind, {**job.options, "whole_grammar": total >= FULL_GRAMMAR_BYTES})
    chosen, owned = make_engine(client, engine=engine, scheduler=scheduler, jobs=jobs)
    return Run(job, items, kept, chosen, timeout, owned, skipped=len(names) - len(kept))


def validate(paths: Paths, *, schemas: Iterable[str | os.PathLike[str]] | None = None,
             rules: bool | Iterable[str] = True, catalogs: Iterable[str] | None = None,
             client: Any = None, **run: Any) -> Run:
    """Validate every file: the same :class:`~tei_kirov.validation.Report` per file as
    ``tei_kirov.validate`` gives (schemas compiled once per worker process)."""
    options: dict[str, Any] = {
        "schemas": None if schemas is None else [os.fspath(s) for s in schemas],
        "rules": rules if isinstance(rules, bool) else list(rules)}
    if catalogs is not None:
        options["catalogs"] = [os.fspath(c) for c in catalogs]
    return plan(Job("validate", options), paths, client=client, **run)


def convert(paths: Paths, out_dir: str | os.PathLike[str], *, force: bool = False,
            validate: bool = True, client: Any = None, **run: Any) -> Run:
    """Read every file into the models and write it back under ``out_dir`` (the files'
    relative layout kept), as ``tei_kirov.write`` does; a :class:`FileResult` per file."""
    options = {"out_dir": os.fspath(out_dir), "force": force, "validate": validate}
    return plan(Job("convert", options), paths, client=client, **run)


def export(paths: Paths, fmt: str, out_dir: str | os.PathLike[str], *, force: bool = False,
           diplomatic: bool = False, client: Any = None, **run: Any) -> Run:
    """Export every file as ``fmt`` (html, text, json, csv, bag) under ``out_dir``."""
    from .tasks import EXPORT_SUFFIXES

    if fmt not in EXPORT_SUFFIXES:
        raise ValueError(f"unknown export format {fmt!r}: {', '.join(EXPORT_SUFFIXES)}")
    options = {"out_dir": os.fspath(out_dir), "format": fmt, "force": force,
               "diplomatic": diplomatic}
    return plan(Job("export", options), paths, client=client, **run)


def index(paths: Paths, *, client: Any = None, **run: Any) -> Run:
    """Every person, place, organisation and date of every file: a :class:`FileResult`
    per file whose ``rows`` follow :data:`INDEX_COLUMNS`."""
    return plan(Job("index", {}), paths, client=client, **run)


def write_index(results: Iterable[Result], path: str | os.PathLike[str], *,
                force: bool = False) -> tuple[int, list[Result]]:
    """Write the index rows of ``results`` to ``path`` (``.parquet``: Parquet, through
    pyarrow; anything else: CSV), atomically, as they arrive: a file's rows stay together,
    files in completion order. Returns the row count and the results that had problems."""
    from .index_table import write_table

    return write_table(results, path, force=force)


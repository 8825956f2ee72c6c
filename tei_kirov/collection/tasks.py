"""The per-file work of a collection run: each function takes one file and returns its
result, doing exactly what the single-file API does (``tei_kirov.validate``, ``read`` +
``write``, the exports, the index tables). Engines only decide where these run.

Every function is a plain top-level function of picklable arguments, so that a process
pool or a Dask worker can run it; none raises for a bad file: problems are issues."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field

from ..errors import TeiReadError, TeiWriteError
from ..validation.report import Issue, Report
from .sources import is_url, read_bytes

Kind = Literal["validate", "convert", "export", "index"]

#: Index columns, in order (one row per entity or normalised date of a file).
INDEX_COLUMNS = ("file", "kind", "id", "name", "variants", "mentions", "first_mention",
                 "first_page")


@dataclass(frozen=True)
class Job:
    """What to do with every file of a run; sent once with each partition (small)."""

    kind: Kind
    options: dict[str, Any] = field(default_factory=dict)


class FileResult(BaseModel):
    """The outcome of converting, exporting or indexing one file."""

    file: str
    output: str | None = Field(default=None, description="what was written, if anything")
    issues: list[Issue] = Field(default_factory=list)
    rows: list[list[str]] = Field(default_factory=list, description="index rows")
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not any(i.severity == "error" for i in self.issues)


Result = Report | FileResult


def failure(kind: Kind, name: str, code: str, message: str, hint: str | None = None
            ) -> Result:
    """The result standing for a file whose work did not finish (``code`` TK005 for a crash
    or a time-out)."""
    issue = Issue(file=name, severity="error", code=code, message=message, hint=hint)
    if kind == "validate":
        return Report(file=name, issues=[issue])
    return FileResult(file=name, issues=[issue])


def run_file(job: Job, name: str, rel: str) -> Result:
    """Do ``job`` for one file (``rel``: its name relative to the collection's root, which
    places outputs under the output folder)."""
    started = time.perf_counter()
    result = _WORK[job.kind](name, rel, job.options)
    result.seconds = time.perf_counter() - started
    return result


def _source(name: str) -> tuple[Any, str]:
    """What the single-file API takes for ``name``: the path, or a URL's bytes."""
    return (read_bytes(name), name) if is_url(name) else (name, name)


def _validate(name: str, rel: str, options: dict[str, Any]) -> Report:
    from ..validation import core

    try:
        source, shown = _source(name)
    except OSError as exc:
        return Report(file=name, issues=[Issue(
            file=name, severity="error", code="TK004", message=f"cannot read: {exc}")])
    options = {k: v for k, v in options.items() if k != "whole_grammar"}
    return core.validate(source, name=shown, **options)


def _read_issue(name: str, exc: TeiReadError) -> Issue:
    return Issue(file=name, line=exc.line, column=exc.column, severity="error",
                 code="TK001", message=exc.reason, hint=exc.hint)


def _read(name: str) -> Any:
    from ..xml.reader import parse, read

    return parse(read_bytes(name), file=name) if is_url(name) else read(name)


def _target(options: dict[str, Any], rel: str, suffix: str | None) -> Path:
    out = Path(options["out_dir"]) / rel
    if suffix is not None:
        out = out.with_name(Path(rel).stem + suffix) if Path(rel).suffix else \
            out.with_name(out.name + suffix)
    return out


def _convert(name: str, rel: str, options: dict[str, Any]) -> FileResult:
    from ..xml.writer import write

    target = _target(options, rel, None)
    try:
        doc = _read(name)
        target.parent.mkdir(parents=True, exist_ok=True)
        write(doc, target, validate=options.get("validate", True),
              overwrite=options.get("force", False))
    except TeiReadError as exc:
        return FileResult(file=name, issues=[_read_issue(name, exc)])
    except (TeiWriteError, OSError) as exc:
        return FileResult(file=name, issues=[_write_issue(name, exc)])
    return FileResult(file=name, output=str(target))


def _write_issue(name: str, exc: Exception) -> Issue:
    return Issue(file=name, severity="error", code="TK006",
                 message=f"not written: {exc}".splitlines()[0],
                 hint="give --force to replace an existing output" if "exists" in str(exc)
                 else None)


#: Output suffix of each single-file export format (csv and bag are folders).
EXPORT_SUFFIXES = {"html": ".html", "text": ".txt", "json": ".json", "csv": "-csv",
                   "bag": "-bag"}


def _export(name: str, rel: str, options: dict[str, Any]) -> FileResult:
    from .. import export

    fmt = options["format"]
    force = options.get("force", False)
    target = _target(options, rel, EXPORT_SUFFIXES[fmt])
    try:
        doc = _read(name)
        target.parent.mkdir(parents=True, exist_ok=True)
        if fmt == "csv":
            export.write_csv(doc, target, force=force)
        elif fmt == "bag":
            export.to_bag(doc, target, force=force,
                          source=None if is_url(name) else Path(name))
        else:
            if fmt == "html":
                text = export.to_html(doc)
            elif fmt == "json":
                text = export.to_json(doc)
            else:
                text = export.to_text(doc, diplomatic=options.get("diplomatic", False))
            export.write_file(target, text, force=force)
    except TeiReadError as exc:
        return FileResult(file=name, issues=[_read_issue(name, exc)])
    except (TeiWriteError, OSError) as exc:
        return FileResult(file=name, issues=[_write_issue(name, exc)])
    return FileResult(file=name, output=str(target))


def _index(name: str, rel: str, options: dict[str, Any]) -> FileResult:
    try:
        doc = _read(name)
    except TeiReadError as exc:
        return FileResult(file=name, issues=[_read_issue(name, exc)])
    return FileResult(file=name, rows=index_rows(doc, name))


def index_rows(doc: Any, name: str) -> list[list[str]]:
    """The index rows of one document: every person, place and organisation (as the CSV
    export's tables give them) and every normalised date with its printed variants."""
    from ..export._plan import build_plan
    from ..export.tables import entity_rows

    plan = build_plan(doc)
    rows = [[name, kind, *row] for kind in ("person", "place", "org")
            for row in entity_rows(plan, kind)]
    dates: dict[str, list[Any]] = {}
    for date in plan.dates:
        dates.setdefault(date.value, []).append(date)
    for value, found in dates.items():
        variants: list[str] = []
        for d in found:
            if d.text not in variants:
                variants.append(d.text)
        first = found[0].where
        rows.append([name, "date", "", value, "; ".join(variants), str(len(found)),
                     first.describe(), first.page or ""])
    return rows


_WORK: dict[str, Callable[[str, str, dict[str, Any]], Result]] = {
    "validate": _validate, "convert": _convert, "export": _export, "index": _index}


def relative_names(names: list[str]) -> list[str]:
    """Each name relative to the deepest folder (or URL path) all of them share, with '/'
    separators: where a file's outputs go under an output folder."""
    paths = [n.split("://", 1)[1] if is_url(n) else os.path.abspath(n) for n in names]
    if not paths:
        return []
    if len(paths) == 1:
        return [os.path.basename(paths[0])]
    common = os.path.commonpath(paths)
    return [os.path.relpath(p, common).replace(os.sep, "/") for p in paths]

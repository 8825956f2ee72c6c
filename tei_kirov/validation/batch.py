"""Many files: walk folders, compile schemas once, fork workers, report progress.

Schemas are compiled in the parent before the workers are forked, so every worker shares
them. With a RELAX NG schema and several workers the run has two passes: a quick verdict for
every file with the grammar specialised to the names the files use, then full explanations
for the invalid ones only (their explaining grammar is compiled once, in the parent, before
forking again). In one process there is one pass: the first invalid file brings the
explaining grammar (for every name in the batch), which then also gives the verdicts of the
files after it, five times faster than the specialised one.
"""

from __future__ import annotations

import multiprocessing
import os
import re
from collections.abc import Callable, Sequence
from typing import TextIO

from . import core
from .cache import ResultCache
from .report import Issue, Report
from .rules import Rule
from .schemas import INVALID_MARKER, RngSchema, Schema, set_explaining

_NAMES = re.compile(rb"<(?:[A-Za-z_][\w.\-]*:)?([A-Za-z_][\w.\-]*)")

#: From this many bytes of input on, a RELAX NG grammar is compiled whole (seconds for
#: tei_all, then fast to validate with) rather than specialised per name set (milliseconds
#: to compile, slower to validate with, and a second grammar to explain failures).
#: Measured on the 28 MB shared corpus against tei_all with --jobs 2: specialised 8.0 s,
#: whole 10.6 s (the whole grammar alone takes 8.9 s to compile, the explaining one 4.4 s).
FULL_GRAMMAR_BYTES = 64 * 1024 * 1024

# What the forked workers need; set by the parent before forking.
_JOB: dict[str, object] = {}


def expand_paths(paths: Sequence[str]) -> list[str]:
    """Files named, plus every ``*.xml`` below the folders named, sorted; duplicates dropped.
    Missing paths are kept (they are reported as unreadable)."""
    found: list[str] = []
    for path in paths:
        if os.path.isdir(path):
            for folder, dirs, files in os.walk(path):
                dirs.sort()
                found.extend(os.path.join(folder, f) for f in sorted(files)
                             if f.endswith(".xml"))
        else:
            found.append(path)
    seen: set[str] = set()
    unique = [p for p in found if not (p in seen or seen.add(p))]  # type: ignore[func-returns-value]
    return sorted(unique)


def _total_bytes(paths: Sequence[str]) -> int:
    total = 0
    for path in paths:
        try:
            total += os.stat(path).st_size
        except OSError:
            continue
    return total


def scan_names(paths: Sequence[str]) -> set[str]:
    """Every name that looks like an element name in the files (a cheap superset)."""
    names: set[str] = set()
    for path in paths:
        try:
            with open(path, "rb") as handle:
                names.update(n.decode("ascii", "replace") for n in _NAMES.findall(handle.read()))
        except OSError:
            continue
    return names


def _work(path: str) -> Report:
    schemas = _JOB["schemas"]
    rules = _JOB["rules"] if _JOB["with_rules"] else []
    roots = _JOB["roots"]
    assert isinstance(schemas, list) and isinstance(rules, list) and isinstance(roots, list)
    try:
        return core.validate_one(path, schemas, rules, roots)
    except Exception as exc:  # a bug must not kill the run; say which file triggered it
        return Report(file=path, issues=[Issue(
            file=path, severity="error", code="TK100",
            message=f"internal error while validating ({type(exc).__name__}: {exc}); "
                    "please report it")])


def _map(paths: list[str], jobs: int, tick: Callable[[Report], None]) -> dict[str, Report]:
    results: dict[str, Report] = {}
    if jobs <= 1 or len(paths) <= 1:
        for path in paths:
            report = _work(path)
            results[path] = report
            tick(report)
        return results
    context = multiprocessing.get_context("fork")
    chunk = max(1, min(8, len(paths) // (jobs * 4)))
    with context.Pool(min(jobs, len(paths))) as pool:
        for path, report in zip(paths, pool.imap(_work, paths, chunksize=chunk), strict=True):
            results[path] = report
            tick(report)
    return results


class Progress:
    """A one-line progress bar on a terminal stream; silent elsewhere."""

    def __init__(self, total: int, stream: TextIO | None) -> None:
        self.total = total
        self.done = 0
        self.stream = stream if stream is not None and stream.isatty() else None

    def tick(self, report: Report) -> None:
        self.done += 1
        if self.stream is None:
            return
        width = 30
        filled = width * self.done // max(1, self.total)
        name = report.file[-40:]
        self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] "
                          f"{self.done}/{self.total} {name:<40}")
        self.stream.flush()

    def close(self) -> None:
        if self.stream is not None:
            self.stream.write("\r" + " " * 100 + "\r")
            self.stream.flush()


def run(paths: Sequence[str], schemas: list[Schema], rules: list[Rule],
        include_roots: Sequence[str] = (), jobs: int | None = None,
        progress: TextIO | None = None, cache: ResultCache | None = None) -> list[Report]:
    """Validate files in parallel; reports in path order, whatever the number of jobs.
    With a ``cache``, unchanged files are not validated again."""
    if cache is None:
        return _run(list(paths), schemas, rules, include_roots, jobs, progress)
    keys = {p: cache.key(p) for p in paths}
    hits: dict[str, Report] = {}
    for path, key in keys.items():
        found = cache.get(key, path) if key else None
        if found is not None:
            hits[path] = found
    misses = [p for p in paths if p not in hits]
    fresh = _run(misses, schemas, rules, include_roots, jobs, progress) if misses else []
    for path, report in zip(misses, fresh, strict=True):
        key = keys[path]
        if key:
            cache.put(key, report)
        hits[path] = report
    return [hits[p] for p in paths]


def _run(files: list[str], schemas: list[Schema], rules: list[Rule],
         include_roots: Sequence[str], jobs: int | None,
         progress: TextIO | None) -> list[Report]:
    jobs = jobs or os.cpu_count() or 1
    rng = [s for s in schemas if isinstance(s, RngSchema)]
    if rng and _total_bytes(files) >= FULL_GRAMMAR_BYTES:
        for schema in rng:
            schema.prepare_full()
        rng = []  # the full grammar gives verdicts and explanations in one pass
    elif rng:
        names = scan_names(files)
        for schema in rng:
            schema.prepare(names)
    _JOB.update(schemas=schemas, rules=rules, roots=list(include_roots), with_rules=True)
    bar = Progress(len(files), progress)
    try:
        serial = jobs <= 1 or len(files) <= 1
        set_explaining(not rng or serial)
        results = _map(files, jobs, bar.tick)
        invalid = [p for p in files if any(
            i.code == "TK100" and i.message.startswith(INVALID_MARKER)
            for i in results[p].issues)]
        if invalid:
            names = scan_names(invalid)
            for schema in rng:
                schema.prepare_explanations(names)
            set_explaining(True)
            _JOB["with_rules"] = False
            bar.total += len(invalid)
            for path, report in _map(invalid, jobs, bar.tick).items():
                kept = [i for i in results[path].issues if i.code.startswith("TK2")]
                issues = sorted(report.issues + kept, key=Issue.sort_key)
                results[path] = Report(file=report.file, issues=issues,
                                       seconds=results[path].seconds + report.seconds)
    finally:
        set_explaining(True)
        bar.close()
    return [results[p] for p in files]

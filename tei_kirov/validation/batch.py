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
from dataclasses import dataclass, replace
from typing import Any, TextIO

from . import catalog as catalog_mod
from . import core
from . import rules as rules_mod
from .association import Resolver, bundled_tei_all, declarations, read_prolog
from .cache import ResultCache
from .report import Issue, Report
from .rules import Rule
from .schemas import (
    INVALID_MARKER,
    RngSchema,
    Schema,
    SchemaError,
    explaining,
    load_schema,
    set_explaining,
)

_NAMES = re.compile(rb"<(?:[A-Za-z_][\w.\-]*:)?([A-Za-z_][\w.\-]*)")

#: From this many bytes of input on, a RELAX NG grammar is compiled whole (seconds for
#: tei_all, then fast to validate with) rather than specialised per name set (milliseconds
#: to compile, slower to validate with, and a second grammar to explain failures).
#: Measured on the 28 MB shared corpus against tei_all with --jobs 2: specialised 8.0 s,
#: whole 10.6 s (the whole grammar alone takes 8.9 s to compile, the explaining one 4.4 s).
FULL_GRAMMAR_BYTES = 64 * 1024 * 1024



@dataclass(frozen=True)
class JobSpec:
    """What a worker needs, in a form that pickles (for the ``spawn`` start method, where a
    worker starts afresh and loads the schemas itself, each once)."""

    schemas: list[tuple[str, str]] | None  # (path, kind) of given schemas; None: associate
    rules: list[str]
    roots: list[str]
    catalogs: list[str]
    phase: str | None
    with_rules: bool
    explaining: bool
    names: dict[str, list[str]]  # RELAX NG path -> element names the batch uses


#: When the files using a RELAX NG schema hold this many times its size in bytes, its
#: explaining grammar (empty stubs for unused elements) is compiled up front: it takes longer
#: to compile than the one whose unused elements are notAllowed but validates about ten times
#: faster. Measured on the corpus files that use tei_all (38 files, 9.6 MB; tei_all.rng is
#: 1.1 MB), on a loaded machine: notAllowed 0.25 s + 22.3 s, stubs 12.6 s + 2.4 s.
STUB_GRAMMAR_RATIO = 5

#: The running job: the spec, and the objects made from it (in the parent, or inherited by
#: forked workers, or rebuilt by :func:`_init` in spawned ones).
_JOB: dict[str, Any] = {}


def _init(spec: JobSpec) -> None:
    """Worker start-up: adopt the job (rebuilding its objects unless forked with them)."""
    set_explaining(spec.explaining)
    if _JOB.get("spec") == spec:
        return
    schemas = None if spec.schemas is None else [
        load_schema(path, kind, spec.phase) for path, kind in spec.schemas]
    for schema in schemas or []:
        if isinstance(schema, RngSchema) and schema.path in spec.names:
            schema.prepare(spec.names[schema.path])
    _JOB.update(spec=spec, schemas=schemas, rules=rules_mod.select(spec.rules or False),
                resolver=Resolver(catalog_mod.build(spec.catalogs, environment=False)))


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
    spec: JobSpec = _JOB["spec"]
    rules = _JOB["rules"] if spec.with_rules else []
    try:
        return core.validate_one(path, _JOB["schemas"], rules, spec.roots,
                                 resolver=_JOB["resolver"], phase=spec.phase)
    except Exception as exc:  # a bug must not kill the run; say which file triggered it
        return Report(file=path, issues=[Issue(
            file=path, severity="error", code="TK100",
            message=f"internal error while validating ({type(exc).__name__}: {exc}); "
                    "please report it")])


def start_method() -> str:
    """``fork`` where there is one (workers share the schemas compiled by the parent),
    else ``spawn`` (each worker compiles the schemas it meets, once)."""
    return "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"


def _map(paths: list[str], jobs: int, tick: Callable[[Report], None],
         method: str | None = None) -> dict[str, Report]:
    results: dict[str, Report] = {}
    if jobs <= 1 or len(paths) <= 1:
        for path in paths:
            report = _work(path)
            results[path] = report
            tick(report)
        return results
    context = multiprocessing.get_context(method or start_method())
    chunk = max(1, min(8, len(paths) // (jobs * 4)))
    spec = replace(_JOB["spec"], explaining=explaining())
    _JOB["spec"] = spec
    with context.Pool(min(jobs, len(paths)), initializer=_init, initargs=(spec,)) as pool:
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


def run(paths: Sequence[str], schemas: list[Schema] | None, rules: list[Rule],
        include_roots: Sequence[str] = (), jobs: int | None = None,
        progress: TextIO | None = None, cache: ResultCache | None = None, *,
        catalogs: Sequence[str] = (), phase: str | None = None,
        method: str | None = None) -> list[Report]:
    """Validate files in parallel; reports in path order, whatever the number of jobs.
    ``schemas`` None: each file against the schemas it names (``catalogs``: the user's
    catalog files, ``XML_CATALOG_FILES`` included). With a ``cache``, unchanged files are
    not validated again. ``method``: the multiprocessing start method (default: fork where
    available)."""
    resolver = core.resolver_for(catalogs)
    setup = _Setup(schemas, rules, list(include_roots), resolver, phase, method)
    if cache is None:
        return _run(list(paths), setup, jobs, progress)
    keys = {p: cache.key(p, _signature(p, setup)) for p in paths}
    hits: dict[str, Report] = {}
    for path, key in keys.items():
        found = cache.get(key, path) if key else None
        if found is not None:
            hits[path] = found
    misses = [p for p in paths if p not in hits]
    fresh = _run(misses, setup, jobs, progress) if misses else []
    for path, report in zip(misses, fresh, strict=True):
        key = keys[path]
        if key:
            cache.put(key, report)
        hits[path] = report
    return [hits[p] for p in paths]


@dataclass
class _Setup:
    schemas: list[Schema] | None
    rules: list[Rule]
    roots: list[str]
    resolver: Resolver
    phase: str | None
    method: str | None


def _declared(path: str, setup: _Setup) -> list[tuple[str | None, str | None, str]]:
    """(schema path or None, kind, href) for each schema a file names (read from its prolog
    only); the bundled tei_all when it names none."""
    pis, data = read_prolog(path)
    found = declarations(pis, data)
    if not found:
        return [(bundled_tei_all(), "rng", "")]
    resolved = setup.resolver.resolve_all(found, path)
    return [(r.path, r.declaration.kind, r.declaration.href) for r in resolved]


def _signature(path: str, setup: _Setup) -> list[str]:
    """What a cached result of ``path`` depends on besides the file: its schemas' bytes."""
    if setup.schemas is not None:
        return [f"{s.kind}:{s.path}" for s in setup.schemas]
    return [f"{kind}:{schema}" if schema else f"missing:{href}"
            for schema, kind, href in _declared(path, setup)]


def _prepare(files: list[str], setup: _Setup) -> tuple[list[RngSchema], dict[str, list[str]]]:
    """Load every distinct schema the files use, once, and get the RELAX NG ones ready for
    the names their files use. Returns those and, per RELAX NG path, the names."""
    if setup.schemas is not None:
        users: dict[Schema, list[str]] = {s: files for s in setup.schemas}
    else:
        users = {}
        for path in files:
            for schema_path, kind, _href in _declared(path, setup):
                if schema_path is None:
                    continue
                try:
                    schema = load_schema(schema_path, kind, setup.phase)
                except SchemaError:
                    continue  # reported for each file that names it
                users.setdefault(schema, []).append(path)
    rng = [s for s in users if isinstance(s, RngSchema)]
    names: dict[str, list[str]] = {}
    if rng and _total_bytes(files) >= FULL_GRAMMAR_BYTES:
        for schema in rng:
            schema.prepare_full()
        return [], names  # the full grammar gives verdicts and explanations in one pass
    for schema in rng:
        found = scan_names(users[schema])
        schema.prepare(found)
        names[schema.path] = sorted(found)
        if _total_bytes(users[schema]) >= STUB_GRAMMAR_RATIO * os.path.getsize(schema.path):
            schema.prepare_explanations(found)  # then it gives the verdicts too
    return rng, names


def _run(files: list[str], setup: _Setup, jobs: int | None,
         progress: TextIO | None) -> list[Report]:
    jobs = jobs or os.cpu_count() or 1
    rng, names = _prepare(files, setup)
    spec = JobSpec(
        schemas=None if setup.schemas is None else [(s.path, s.kind) for s in setup.schemas],
        rules=[r.code for r in setup.rules], roots=setup.roots,
        catalogs=setup.resolver.catalog.files if setup.resolver.catalog else [],
        phase=setup.phase, with_rules=True, explaining=True, names=names)
    _JOB.update(spec=spec, schemas=setup.schemas, rules=setup.rules, resolver=setup.resolver)
    bar = Progress(len(files), progress)
    try:
        serial = jobs <= 1 or len(files) <= 1
        set_explaining(not rng or serial)
        results = _map(files, jobs, bar.tick, setup.method)
        invalid = [p for p in files if any(
            i.code == "TK100" and i.message.startswith(INVALID_MARKER)
            for i in results[p].issues)]
        if invalid:
            for schema in rng:  # only the grammars some file failed, for those files' names
                failed = [p for p in invalid
                          if any(u.path == schema.path and u.kind == "rng"
                                 for u in results[p].schemas)
                          or setup.schemas is not None]
                if failed:
                    schema.prepare_explanations(scan_names(failed))
            set_explaining(True)
            _JOB["spec"] = replace(_JOB["spec"], with_rules=False)
            bar.total += len(invalid)
            for path, report in _map(invalid, jobs, bar.tick, setup.method).items():
                kept = [i for i in results[path].issues if i.source == "rule"]
                issues = sorted(report.issues + kept, key=Issue.sort_key)
                results[path] = Report(file=report.file, issues=issues, schemas=report.schemas,
                                       seconds=results[path].seconds + report.seconds)
    finally:
        set_explaining(True)
        bar.close()
    return [results[p] for p in files]

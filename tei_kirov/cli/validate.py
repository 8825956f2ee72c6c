"""``tei-kirov validate``: check TEI files for well-formedness, schema validity and
semantic consistency. Exit status: 0 all valid, 1 some invalid, 2 usage error or unreadable
input."""

from __future__ import annotations

import sys
import time

import click

from ..validation import batch, output
from ..validation import rules as rules_mod
from ..validation.cache import ResultCache
from ..validation.report import BatchReport, Report, Summary
from ..validation.rules import Rule
from ..validation.schemas import Schema, SchemaError, load_schemas
from .collection_options import already_done, engine_options, wants_collection


def _fail(message: str) -> None:
    click.echo(f"tei-kirov validate: {message}", err=True)
    sys.exit(2)


@click.command("validate")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--schema", "schemas", multiple=True, type=click.Path(),
              help="XSD, RELAX NG (.rng) or ISO Schematron file; repeatable. "
                   "Default: the tei_kirov profile.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Output format.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Parallel workers (default: all cores).")
@click.option("--no-rules", is_flag=True, help="Skip the semantic rules (TK2xx).")
@click.option("--disable", multiple=True, metavar="CODE",
              help="Switch off one semantic rule by code or name (e.g. TK206); repeatable.")
@click.option("--include-root", "include_roots", multiple=True, type=click.Path(),
              help="Another folder XInclude may read from; repeatable.")
@click.option("--cache", "cache_dir", type=click.Path(file_okay=False), default=None,
              help="Keep results in this folder; a re-run validates only changed files.")
@click.option("--watch", is_flag=True, help="Re-validate each file whenever it is saved.")
@click.option("--quiet", "-q", is_flag=True,
              help="Only errors: no warnings, no progress bar, no summary.")
@click.option("--force", is_flag=True, help="Replace an existing --jsonl report.")
@engine_options(jobs=False)
def command(paths: tuple[str, ...], schemas: tuple[str, ...], fmt: str, jobs: int | None,
            no_rules: bool, disable: tuple[str, ...], include_roots: tuple[str, ...],
            cache_dir: str | None, watch: bool, quiet: bool, force: bool, engine: str,
            scheduler: str | None, timeout: float | None, jsonl: str | None,
            resume: bool) -> None:
    """Validate TEI files (folders are searched for *.xml).

    Layers: well-formedness, XInclude (inside the document's folder tree only), the schema
    (XSD, RELAX NG or Schematron; the tei_kirov profile by default), and semantic rules.
    Output is one line per issue, FILE:LINE:COL: SEVERITY CODE: MESSAGE.
    """
    try:
        if wants_collection(engine, scheduler, timeout, jsonl, resume):
            _collection(paths, schemas, fmt, jobs, no_rules, disable, quiet, force, engine,
                        scheduler, timeout, jsonl, resume)
        else:
            _run(paths, schemas, fmt, jobs, no_rules, disable, include_roots, cache_dir,
                 watch, quiet)
    except SchemaError as exc:
        _fail(str(exc))
    except ValueError as exc:
        _fail(str(exc))
    except KeyboardInterrupt:
        sys.exit(130)
    except (SystemExit, click.exceptions.Exit):
        raise
    except Exception as exc:  # a crash is a bug, but never a traceback
        _fail(f"internal error ({type(exc).__name__}: {exc}); please report it")


def _run(paths: tuple[str, ...], schemas: tuple[str, ...], fmt: str, jobs: int | None,
         no_rules: bool, disable: tuple[str, ...], include_roots: tuple[str, ...],
         cache_dir: str | None, watch: bool, quiet: bool) -> None:
    start = time.perf_counter()
    selection: bool | list[str] = False if no_rules else (
        [f"-{d}" for d in disable] if disable else True)
    chosen = rules_mod.select(selection)
    compiled = load_schemas(list(schemas) if schemas else None)
    files = batch.expand_paths(paths)
    if not files:
        _fail("no *.xml files found in " + ", ".join(paths))
    if watch:
        _watch(files, compiled, chosen, include_roots, quiet)
        return
    cache = ResultCache(cache_dir, compiled, chosen, include_roots) if cache_dir else None
    reports = batch.run(files, compiled, chosen, include_roots, jobs,
                        progress=None if quiet else sys.stderr, cache=cache)
    result = BatchReport.build(reports, [s.path for s in compiled], time.perf_counter() - start)
    if fmt == "json":
        click.echo(output.json_text(result))
    else:
        for line in output.text_lines(result.files, quiet=quiet):
            click.echo(line)
        if not quiet:
            click.echo(output.summary_line(result.summary), err=True)
    if any(r.unreadable() for r in reports):
        sys.exit(2)
    sys.exit(0 if result.summary.invalid == 0 else 1)


def _collection(paths: tuple[str, ...], schemas: tuple[str, ...], fmt: str,
                jobs: int | None, no_rules: bool, disable: tuple[str, ...], quiet: bool,
                force: bool, engine: str, scheduler: str | None, timeout: float | None,
                jsonl: str | None, resume: bool) -> None:
    """A collection run (Dask, --jsonl, --timeout or --resume): reports as files complete."""
    from .. import collection
    from .collection_options import Stream

    start = time.perf_counter()
    selection: bool | list[str] = False if no_rules else (
        [f"-{d}" for d in disable] if disable else True)
    rules_mod.select(selection)  # an unknown code is a usage error before any work
    run = collection.validate(paths, schemas=list(schemas) or None, rules=selection,
                              engine=engine, scheduler=scheduler, jobs=jobs, timeout=timeout,
                              exclude=already_done(jsonl, resume))
    stream = Stream(run, jsonl, resume, force, quiet or fmt == "json")
    kept: list[Report] = []
    counts = {"valid": 0, "invalid": 0, "errors": 0, "warnings": 0, "unreadable": 0}
    try:
        for report in stream:
            counts["valid" if report.ok else "invalid"] += 1
            counts["errors"] += len(report.errors)
            counts["warnings"] += len(report.warnings)
            counts["unreadable"] += report.unreadable()
            if fmt == "json":
                kept.append(report)
                continue
            for line in output.text_lines([report], quiet=quiet):
                click.echo(line)
    except KeyboardInterrupt:
        stream.interrupted()
    seconds = time.perf_counter() - start
    if fmt == "json":
        click.echo(output.json_text(BatchReport.build(kept, list(schemas), seconds)))
    elif not quiet:
        summary = Summary(files=stream.count, valid=counts["valid"],
                          invalid=counts["invalid"], errors=counts["errors"],
                          warnings=counts["warnings"], seconds=round(seconds, 3))
        click.echo(output.summary_line(summary), err=True)
    if counts["unreadable"]:
        sys.exit(2)
    sys.exit(0 if counts["invalid"] == 0 else 1)


def _watch(files: list[str], compiled: list[Schema], chosen: list[Rule],
           include_roots: tuple[str, ...], quiet: bool) -> None:
    from ..validation.watch import watch as watch_loop

    def emit(report: Report, ms: float) -> None:
        for line in output.text_lines([report], quiet=quiet):
            click.echo(line)
        state = "valid" if report.ok else f"invalid ({len(report.errors)} errors)"
        click.echo(f"{report.file}: {state}, {len(report.warnings)} warnings "
                   f"[{ms:.0f} ms] (watching; Ctrl-C to stop)", err=True)

    click.echo(f"watching {len(files)} file(s)", err=True)
    try:
        watch_loop(files, compiled, chosen, emit, include_roots)
    except KeyboardInterrupt:  # the normal way to stop watching
        sys.exit(0)

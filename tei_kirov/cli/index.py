"""``tei-kirov index PATH... -o OUT``: one table of every person, place, organisation and
date across a collection, as CSV or Parquet (by OUT's suffix)."""

from __future__ import annotations

import sys
import time
from itertools import chain

import click

from .collection_options import already_done, engine_options


@click.command("index")
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="The table: .csv, or .parquet (needs pyarrow).")
@click.option("--force", is_flag=True, help="Replace OUT if it exists.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar, no summary.")
@engine_options()
def command(paths: tuple[str, ...], output: str, force: bool, quiet: bool, engine: str,
            scheduler: str | None, timeout: float | None, jsonl: str | None, resume: bool,
            jobs: int | None) -> None:
    """Index the TEI files PATHS name (files, folders searched for *.xml, globs, fsspec
    URLs): columns file, kind (person/place/org/date), id, name, variants, mentions,
    first_mention, first_page. Problems are reported per file; exit status 1 if any."""
    from .. import collection
    from .collection_options import Stream

    started = time.perf_counter()
    run = collection.index(paths, engine=engine, scheduler=scheduler, jobs=jobs,
                           timeout=timeout, exclude=already_done(jsonl, resume))
    stream = Stream(run, jsonl, resume, force, quiet)
    earlier = collection.read_jsonl(jsonl, collection.FileResult) if resume and jsonl else []
    try:
        rows, problems = collection.write_index(chain(earlier, stream), output, force=force)
    except KeyboardInterrupt:
        stream.interrupted()
    for result in problems:
        for issue in result.issues:
            click.echo(issue.format())
    if not quiet:
        click.echo(f"wrote {output}: {rows:,} rows from {run.total:,} file(s), "
                   f"{len(problems)} with problems; {time.perf_counter() - started:.2f} s",
                   err=True)
    sys.exit(1 if problems else 0)

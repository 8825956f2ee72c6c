"""The collection form of ``convert`` and ``export``: many files into an output folder,
each result reported as it arrives (compiler-style problems on stdout, a summary on
stderr), exit status 1 when any file failed."""

from __future__ import annotations

import sys
import time
from typing import Any

import click

from .collection_options import Stream, already_done


def run_files(verb: str, make_run: Any, jsonl: str | None, resume: bool, force: bool,
              quiet: bool) -> None:
    """Drive ``make_run(exclude)`` (a :class:`~tei_kirov.collection.Run` of FileResults)."""
    started = time.perf_counter()
    run = make_run(already_done(jsonl, resume))
    stream = Stream(run, jsonl, resume, force, quiet)
    failed = 0
    try:
        for result in stream:
            for issue in result.issues:
                click.echo(issue.format())
            failed += not result.ok
    except KeyboardInterrupt:
        stream.interrupted()
    if not quiet:
        click.echo(f"{verb} {stream.count - failed} of {stream.count} file(s); {failed} "
                   f"failed; {time.perf_counter() - started:.2f} s", err=True)
    sys.exit(1 if failed else 0)

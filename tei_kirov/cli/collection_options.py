"""The options every collection command shares (``--engine``, ``--scheduler``, ``--jobs``,
``--timeout``, ``--jsonl``, ``--resume``), and the loop that drives a collection run for
the command line: JSON Lines as results arrive, a files/s progress bar, Ctrl-C safe."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from typing import Any

import click

from ..collection import JsonlWriter, Run, reported


def engine_options(jobs: bool = True) -> Callable[[Any], Any]:
    """Decorator adding the engine options (``jobs=False`` where the command has ``--jobs``
    already)."""
    def wrap(command: Any) -> Any:
        options = [
            click.option("--engine", type=click.Choice(["local", "dask"]), default="local",
                         show_default=True,
                         help="local: this machine's processes; dask: a Dask cluster "
                              "(a LocalCluster of --jobs workers, or --scheduler)."),
            click.option("--scheduler", metavar="ADDRESS", default=None,
                         help="Address of a running Dask scheduler (implies --engine dask)."),
            click.option("--timeout", type=click.FloatRange(min=0, min_open=True),
                         default=None, metavar="SECONDS",
                         help="Give up on a file after this long (TK005); each worker then "
                              "works in a child process that is replaced when it hangs or "
                              "crashes."),
            click.option("--jsonl", "jsonl", type=click.Path(dir_okay=False), default=None,
                         help="Write one JSON line per file to this file as results arrive."),
            click.option("--resume", is_flag=True,
                         help="Skip the files the --jsonl report already holds and append "
                              "to it."),
        ]
        if jobs:
            options.append(click.option("--jobs", "-j", type=click.IntRange(min=1),
                                        default=None,
                                        help="Worker processes (default: all cores)."))
        for option in reversed(options):
            command = option(command)
        return command
    return wrap


def wants_collection(engine: str, scheduler: str | None, timeout: float | None,
                     jsonl: str | None, resume: bool) -> bool:
    """Whether a command's options ask for a collection run."""
    return engine != "local" or bool(scheduler) or timeout is not None or bool(jsonl) \
        or resume


def names_many(sources: tuple[str, ...]) -> bool:
    """Whether the inputs may name more than one file (several, a folder, a glob, a URL)."""
    from ..collection.sources import is_url

    return len(sources) > 1 or any(
        os.path.isdir(s) or is_url(s) or (any(c in s for c in "*?[") and not os.path.exists(s))
        for s in sources)


def already_done(jsonl: str | None, resume: bool) -> set[str]:
    """Files an interrupted run reported (``--resume``)."""
    if resume and not jsonl:
        raise click.UsageError("--resume continues a --jsonl report: give --jsonl FILE")
    return reported(jsonl) if resume and jsonl else set()


class Stream:
    """Iterating gives ``run``'s results, each first written to the ``jsonl`` report, with
    a files/s bar on stderr. Interrupting (Ctrl-C) leaves the report with whole lines;
    :meth:`interrupted` says so and how to resume."""

    def __init__(self, run: Run, jsonl: str | None, resume: bool, force: bool,
                 quiet: bool) -> None:
        self.run = run
        self.jsonl = jsonl
        self.count = 0
        self._sink = JsonlWriter(jsonl, resume=resume, force=force) if jsonl else None
        self._quiet = quiet
        if run.skipped and not quiet:
            click.echo(f"resuming: {run.skipped} file(s) already reported in {jsonl}",
                       err=True)

    def __iter__(self) -> Iterator[Any]:
        from ..collection.progress import RateBar

        bar = RateBar(self.run.total, None if self._quiet else sys.stderr)
        try:
            for result in self.run:
                if self._sink is not None:
                    self._sink.write(result)
                self.count += 1
                bar.advance(1)
                yield result
        finally:
            bar.close()
            if self._sink is not None:
                self._sink.close()

    def interrupted(self) -> None:
        """Say how far the run got, and exit with status 130."""
        where = f"; {self.jsonl} holds them, --resume continues" if self.jsonl else ""
        click.echo(f"interrupted after {self.count} of {self.run.total} file(s){where}",
                   err=True)
        sys.exit(130)

"""``tei-kirov convert IN [-o OUT]``: read TEI into the models and write it back."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .collection_files import run_files
from .collection_options import engine_options, names_many, wants_collection


@click.command("convert")
@click.argument("sources", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write (default: standard output).")
@click.option("--force", is_flag=True,
              help="Replace OUT even when it is the file being read.")
@click.option("--no-validate", "no_validate", is_flag=True,
              help="Write even if the result does not validate against the tei_kirov "
                   "profile (for TEI with elements the profile does not cover).")
@click.option("--out-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Convert every file SOURCES name (files, folders, globs, URLs) into this "
                   "folder, keeping their relative layout.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar, no summary.")
@engine_options()
def command(sources: tuple[str, ...], output: Path | None, force: bool, no_validate: bool,
            out_dir: Path | None, quiet: bool, engine: str, scheduler: str | None,
            timeout: float | None, jsonl: str | None, resume: bool,
            jobs: int | None) -> None:
    """Read SOURCE (TEI XML) into typed models and write it back.

    Nothing is lost: comments, processing instructions, unknown elements and the file's own
    whitespace come back as they were. Writing to a file checks the result against the
    profile schema first and replaces the file atomically."""
    from ..xml.reader import read
    from ..xml.writer import to_chunks, write

    if out_dir is not None or names_many(sources) or wants_collection(
            engine, scheduler, timeout, jsonl, resume):
        if out_dir is None or output is not None:
            raise click.UsageError("several files go to a folder: give --out-dir DIR "
                                   "(and no -o)")
        from .. import collection

        run_files("converted", lambda done: collection.convert(
            sources, out_dir, force=force, validate=not no_validate, engine=engine,
            scheduler=scheduler, jobs=jobs, timeout=timeout, exclude=done),
            jsonl, resume, force, quiet)
        return
    source = Path(sources[0])
    doc = read(source)
    if output is None or str(output) == "-":
        sys.stdout.buffer.writelines(to_chunks(doc))  # (never the whole document at once)
        return
    write(doc, output, validate=not no_validate, overwrite=force)
    click.echo(f"wrote {output}", err=True)

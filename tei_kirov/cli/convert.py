"""``tei-kirov convert IN [-o OUT]``: read TEI into the models and write it back."""

from __future__ import annotations

import sys
from pathlib import Path

import click


@click.command("convert")
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write (default: standard output).")
@click.option("--force", is_flag=True,
              help="Replace OUT if it exists (even when it is the file being read).")
@click.option("--no-validate", "no_validate", is_flag=True,
              help="Write even if the result does not validate against the tei_kirov "
                   "profile (for TEI with elements the profile does not cover).")
def command(source: Path, output: Path | None, force: bool, no_validate: bool) -> None:
    """Read SOURCE (TEI XML) into typed models and write it back.

    Nothing is lost: comments, processing instructions, unknown elements and the file's own
    whitespace come back as they were. Writing to a file checks the result against the
    profile schema first (problems are reported as file:line:col lines of the output) and
    writes atomically; an existing OUT is kept unless --force is given."""
    from ..errors import TeiWriteError
    from ..xml.reader import read
    from ..xml.writer import to_chunks, write

    doc = read(source)
    if output is None or str(output) == "-":
        sys.stdout.buffer.writelines(to_chunks(doc))  # (never the whole document at once)
        return
    try:
        write(doc, output, validate=not no_validate, overwrite=force)
    except TeiWriteError as exc:
        for line in exc.problems:  # all of them, compiler-style, as `validate` prints them
            click.echo(line, err=True)
        raise TeiWriteError(exc.reason, path=exc.path) from None
    click.echo(f"wrote {output}", err=True)

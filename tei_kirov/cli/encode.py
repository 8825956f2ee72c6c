"""``tei-kirov encode [SOURCE] [-o OUT] [--authority FILE]``: plain text -> TEI edition."""

from __future__ import annotations

import sys
from pathlib import Path

import click


@click.command("encode")
@click.argument("source", required=False,
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the TEI XML (default: standard output).")
@click.option("--authority", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Authority file (TEI) with the persons, places, organisations, titles, "
                   "foreign phrases and corrections of SOURCE. Default: the pamphlet's.")
@click.option("--force", is_flag=True, help="Replace OUT if it exists.")
@click.option("--report", is_flag=True,
              help="Print what the encoder found (counts, corrections, time) on stderr.")
def command(source: Path | None, output: Path | None, authority: Path | None,
            force: bool, report: bool) -> None:
    """Encode SOURCE (plain text) as a TEI P5 edition.

    Without SOURCE the pamphlet shipped with the package is encoded (its edition is
    examples/kirov.xml). Encoding is deterministic; an existing OUT is kept unless --force
    is given."""
    from ..encoder import default_text, encode_with_report
    from ..xml.writer import to_bytes, write_bytes_atomic

    if output is not None and output.exists() and not force:
        raise click.UsageError(f"{output} exists; give --force to replace it")
    try:
        text = source.read_text(encoding="utf-8") if source is not None else default_text()
    except UnicodeDecodeError as exc:
        raise click.UsageError(f"{source} is not UTF-8 text ({exc.reason} at byte "
                               f"{exc.start})") from exc
    doc, found = encode_with_report(text, authority)
    data = to_bytes(doc)
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        write_bytes_atomic(output, data)
    if report:
        click.echo(found.summary() + "\n" + found.details(), err=True)

"""``tei-kirov authority suggest TEXT [-o FILE]``: draft an authority file from a text."""

from __future__ import annotations

import sys
from pathlib import Path

import click


@click.group("authority")
def command() -> None:
    """Authority files: the persons, places and organisations of a text."""


@command.command("suggest")
@click.argument("text", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the authority file (default: standard output).")
@click.option("--force", is_flag=True, help="Replace OUTPUT if it exists.")
def suggest(text: Path, output: Path | None, force: bool) -> None:
    """Draft an authority file for TEXT (plain text): candidate persons, places and
    organisations found by capitalisation, honorifics and context words, each with its
    certainty (@cert), its forms and the lines it is printed on. Check and edit it, then
    give it to `tei-kirov encode TEXT --authority FILE`."""
    from ..atomic import check_target, write_file
    from ..encoder.suggest import authority_document, suggest_authority
    from ..xml.writer import to_bytes

    if output is not None:
        check_target(output, force)  # refuse before the work, not after
    try:
        source = text.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise click.UsageError(f"{text} is not UTF-8 text ({exc.reason} at byte "
                               f"{exc.start})") from exc
    auth = suggest_authority(source)
    data = to_bytes(authority_document(auth, text.name))
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        write_file(output, data, force=force)
    kinds = [len(auth.of_kind(k)) for k in ("person", "place", "org")]
    click.echo(f"{output.name if output else '(stdout)'}: {kinds[0]} persons, {kinds[1]} "
               f"places, {kinds[2]} organisations to check", err=True)

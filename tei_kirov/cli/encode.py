"""``tei-kirov encode [SOURCE] [-o OUT] [--authority FILE] [--meta FILE] [--title …]``:
plain text -> TEI edition."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)


def meta_from_options(options: dict[str, Any]) -> Any:
    """The :class:`EditionMeta` of the options given on the command line (only those)."""
    from ..encoder.meta import load_meta

    data: dict[str, Any] = {}
    for key, value in options.items():
        if value is None or value == ():
            continue
        data[key] = list(value) if isinstance(value, tuple) else value
    return load_meta(data, name="the command line")


@click.command("encode")
@click.argument("source", required=False, type=_FILE)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the TEI XML (default: standard output).")
@click.option("--authority", type=_FILE,
              help="Authority file (TEI) with the persons, places, organisations, titles, "
                   "foreign phrases and corrections of SOURCE. Default: none (no names are "
                   "tagged); `tei-kirov authority suggest SOURCE` drafts one.")
@click.option("--meta", "meta_file", type=_FILE,
              help="Metadata of the header (TOML, or JSON if the name ends in .json). The "
                   "options below override it.")
@click.option("--title", help="Title of the work.")
@click.option("--subtitle", help="Subtitle of the work.")
@click.option("--author", multiple=True, help="An author (repeat for several).")
@click.option("--editor", multiple=True, help="An editor (repeat for several).")
@click.option("--translator", multiple=True, help="A translator (repeat for several).")
@click.option("--publisher", help="Publisher of the printed source.")
@click.option("--place", help="Place of publication of the source.")
@click.option("--date", help="Date of the source, as printed or ISO (1776-02-14).")
@click.option("--edition", help="Edition statement of the source.")
@click.option("--source", "source_desc", help="Description of the copy encoded.")
@click.option("--licence", help="Licence of the encoding: text, or a URL.")
@click.option("--language", help="Main language of the text (code: en, fr, de …).")
@click.option("--encoder", help="Who made the encoding.")
@click.option("--force", is_flag=True, help="Replace OUT if it exists.")
@click.option("--report", is_flag=True,
              help="Print what the encoder found (counts, corrections, warnings, time) on "
                   "stderr.")
@click.option("-q", "--quiet", is_flag=True, help="Do not print the one-line summary.")
def command(source: Path | None, output: Path | None, authority: Path | None,
            meta_file: Path | None, force: bool, report: bool, quiet: bool,
            source_desc: str | None, **options: Any) -> None:
    """Encode SOURCE (plain text) as a TEI P5 edition.

    The header is built from --meta and the options (which win), then from what the title
    page (or a half-title, or an e-text's preamble) states unambiguously: a "by NAME" line
    and the title above it, "Edited by"/"Translated by" lines, an edition statement, an
    imprint (README.md, "The header"); anything else stays empty and --report lists it.
    Without SOURCE the pamphlet shipped with the package is encoded with its own metadata
    and authority (its edition is examples/kirov.xml).
    Encoding is deterministic; an existing OUT is kept unless --force is given. A one-line
    summary goes to stderr."""
    from ..atomic import check_target, write_file
    from ..encoder import default_authority, default_meta, default_text, encode_with_report
    from ..encoder.meta import load_meta
    from ..xml.writer import to_bytes

    if output is not None:
        check_target(output, force)  # refuse before the work, not after
    try:
        text = source.read_text(encoding="utf-8") if source is not None else default_text()
    except UnicodeDecodeError as exc:
        raise click.UsageError(f"{source} is not UTF-8 text ({exc.reason} at byte "
                               f"{exc.start})") from exc
    meta = load_meta(meta_file)
    if source is None:
        meta = meta.over(default_meta()) if meta_file else default_meta()
    meta = meta_from_options({**options, "source": source_desc}).over(meta)
    auth: Any = authority
    if source is None and authority is None:
        auth = default_authority()
    doc, found = encode_with_report(text, auth, meta)
    data = to_bytes(doc)
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        write_file(output, data, force=force)
    if report:
        click.echo(found.summary() + "\n" + found.details(), err=True)
    if not quiet:
        click.echo(f"{output.name if output else '(stdout)'}: {found.one_line()}", err=True)

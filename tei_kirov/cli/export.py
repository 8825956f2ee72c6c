"""``tei-kirov export FORMAT FILE [-o OUT]``: HTML, text, JSON, CSV tables or a BagIt bag."""

from __future__ import annotations

import sys
from pathlib import Path

import click

FORMATS = ("html", "text", "json", "csv", "bag")


def default_output(fmt: str, source: Path, diplomatic: bool = False) -> Path:
    """Where an export goes when no ``-o`` is given: next to the input file."""
    stem = source.with_suffix("") if source.suffix else source
    if fmt == "html":
        return stem.with_name(stem.name + ".html")
    if fmt == "text":
        return stem.with_name(stem.name + (".diplomatic.txt" if diplomatic else ".txt"))
    if fmt == "json":
        return stem.with_name(stem.name + ".json")
    if fmt == "csv":
        return stem.with_name(stem.name + "-csv")
    return stem.with_name(stem.name + "-bag")


def _size(path: Path) -> str:
    if path.is_dir():
        total = sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
        count = sum(1 for p in path.rglob("*") if p.is_file())
        return f"{count} files, {total:,} bytes"
    return f"{path.stat().st_size:,} bytes"


@click.command("export")
@click.argument("fmt", metavar="FORMAT", type=click.Choice(FORMATS))
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Output file (csv, bag: folder); '-' writes html/text/json to standard "
                   "output. Default: next to FILE (kirov.html, kirov.txt, kirov.json, "
                   "kirov-csv/, kirov-bag/).")
@click.option("--force", is_flag=True, help="Replace an existing output.")
@click.option("--diplomatic", is_flag=True,
              help="text only: the text as printed (sic, original spellings and hyphens).")
def command(fmt: str, file: Path, output: Path | None, force: bool, diplomatic: bool) -> None:
    """Export FILE (TEI XML) as FORMAT: html (reading edition), text (reading text),
    json (the model), csv (index tables) or bag (BagIt package for archives).

    Output is deterministic and written atomically; an existing output is kept unless
    --force is given."""
    from .. import export
    from ..xml.reader import read

    if diplomatic and fmt != "text":
        raise click.UsageError("--diplomatic applies to the text export only")
    doc = read(file)
    to_stdout = output is not None and str(output) == "-"
    if to_stdout and fmt in ("csv", "bag"):
        raise click.UsageError(f"a {fmt} export is a folder; give -o FOLDER")
    target = output if output is not None else default_output(fmt, file, diplomatic)
    if fmt == "csv":
        written = export.write_csv(doc, target, force=force)
    elif fmt == "bag":
        written = export.to_bag(doc, target, force=force, source=file)
    else:
        if fmt == "html":
            data = export.to_html(doc)
        elif fmt == "text":
            data = export.to_text(doc, diplomatic=diplomatic)
        else:
            data = export.to_json(doc)
        if to_stdout:
            sys.stdout.buffer.write(data.encode("utf-8"))
            return
        written = export.write_file(target, data, force=force)
    click.echo(f"wrote {written} ({_size(written)})", err=True)

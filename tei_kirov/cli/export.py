"""``tei-kirov export FORMAT FILE [-o OUT]``: HTML, text, JSON, CSV tables or a BagIt bag."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .collection_files import run_files
from .collection_options import engine_options, names_many, wants_collection

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
@click.argument("files", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Output file (csv, bag: folder); '-' writes html/text/json to standard "
                   "output. Default: next to FILE (kirov.html, kirov.txt, kirov.json, "
                   "kirov-csv/, kirov-bag/).")
@click.option("--force", is_flag=True, help="Replace an existing output.")
@click.option("--diplomatic", is_flag=True,
              help="text only: the text as printed (sic, original spellings and hyphens).")
@click.option("--out-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Export every file FILES name (files, folders, globs, URLs) into this "
                   "folder, keeping their relative layout.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar, no summary.")
@engine_options()
def command(fmt: str, files: tuple[str, ...], output: Path | None, force: bool,
            diplomatic: bool, out_dir: Path | None, quiet: bool, engine: str,
            scheduler: str | None, timeout: float | None, jsonl: str | None, resume: bool,
            jobs: int | None) -> None:
    """Export FILE (TEI XML) as FORMAT: html (reading edition), text (reading text),
    json (the model), csv (index tables) or bag (BagIt package for archives).

    Output is deterministic and written atomically; an existing output is kept unless
    --force is given."""
    from .. import export
    from ..xml.reader import read

    if diplomatic and fmt != "text":
        raise click.UsageError("--diplomatic applies to the text export only")
    if out_dir is not None or names_many(files) or wants_collection(
            engine, scheduler, timeout, jsonl, resume):
        if out_dir is None or output is not None:
            raise click.UsageError("several files go to a folder: give --out-dir DIR "
                                   "(and no -o)")
        from .. import collection

        run_files("exported", lambda done: collection.export(
            files, fmt, out_dir, force=force, diplomatic=diplomatic, engine=engine,
            scheduler=scheduler, jobs=jobs, timeout=timeout, exclude=done),
            jsonl, resume, force, quiet)
        return
    file = Path(files[0])
    if not file.is_file():
        raise click.UsageError(f"{file}: no such file")
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

"""``tei-kirov schema json``: print the JSON Schema of the models (``xsd``: the profile XSD)."""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

import click


def _xsd_text() -> str:
    item = resources.files("tei_kirov") / "schemas" / "tei_kirov.xsd"
    if not item.is_file():
        raise click.ClickException("the profile schema tei_kirov.xsd is not installed")
    return item.read_text(encoding="utf-8")


@click.command("schema")
@click.argument("kind", type=click.Choice(["json", "xsd"]), default="json")
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Write to this file instead of standard output.")
@click.option("--force", is_flag=True, help="Replace an existing output file.")
def command(kind: str, output: Path | None, force: bool) -> None:
    """Print a schema: json (the JSON Schema of the models, which the json export
    follows) or xsd (the tei_kirov profile XSD)."""
    from ..atomic import write_file
    from ..export.jsonio import schema_text

    text = schema_text() if kind == "json" else _xsd_text()
    if output is None or str(output) == "-":
        sys.stdout.buffer.write(text.encode("utf-8"))
        return
    write_file(output, text, force=force)
    click.echo(f"wrote {output}", err=True)

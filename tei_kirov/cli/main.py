"""The ``tei-kirov`` command group. Each subcommand lives in its own module of this package
and exposes a click command named ``command``; the group lists them here."""

from __future__ import annotations

import importlib
import sys

import click

from .. import __version__
from ..errors import TeiError

#: Subcommand modules, in the order ``--help`` shows them.
COMMAND_MODULES = ("encode", "validate", "export", "convert", "index", "schema")


class _Group(click.Group):
    """A group that turns every tei_kirov error into one clear line and exit status 2,
    so no traceback ever reaches the user for bad input."""

    def invoke(self, ctx: click.Context):  # type: ignore[no-untyped-def]
        try:
            return super().invoke(ctx)
        except TeiError as exc:
            click.echo(f"tei-kirov: {exc}", err=True)
            sys.exit(2)
        except OSError as exc:
            where = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
            click.echo(f"tei-kirov: {where}{exc.strerror or exc}", err=True)
            sys.exit(2)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tei-kirov")
def cli() -> None:
    """Encode, validate, convert and export TEI P5 XML."""


for _name in COMMAND_MODULES:
    try:
        _module = importlib.import_module(f"{__package__}.{_name}")
    except ModuleNotFoundError as _exc:  # a command whose module is not written yet
        if _exc.name != f"{__package__}.{_name}":
            raise
        continue
    cli.add_command(_module.command)


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="tei-kirov")

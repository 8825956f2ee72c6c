"""Helpers: small synthetic Schematron schemas written to a temporary folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tei_kirov.validation import load_schema, validate
from tei_kirov.validation.report import Issue

SCH = 'xmlns:sch="http://purl.oclc.org/dsdl/schematron"'

#: A small document used by most tests.
DOC = """<doc>
  <a n="1">one</a>
  <a n="2">two</a>
  <b kind="x"/>
</doc>
"""


def schema_text(body: str, binding: str | None = "xslt2", extra: str = "") -> str:
    bound = f' queryBinding="{binding}"' if binding is not None else ""
    return f"<sch:schema {SCH}{bound}{extra}>\n{body}\n</sch:schema>\n"


def run(path: str | Path, doc: str = DOC, phase: str | None = None,
        kind: str | None = None) -> list[Issue]:
    """The Schematron issues of ``doc`` against the schema at ``path``."""
    schema = load_schema(path, kind=kind, phase=phase)
    return validate(doc, schemas=[schema], rules=False, name="d.xml").issues


def messages(issues: list[Issue]) -> list[str]:
    return [i.message for i in issues]


@pytest.fixture
def write(tmp_path: Path) -> Callable[..., str]:
    """Write a file under the temporary folder; returns its path."""
    def _write(name: str, text: str) -> str:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return str(path)
    return _write

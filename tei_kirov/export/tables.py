"""Index tables as CSV: persons, places, organisations and dates.

Each entity row gives its id (the ``xml:id`` of its authority record, or a key made from the
``@ref`` or spelling of unrecorded names), the standard name, the variant spellings (record
variants and spellings met in the text, ``"; "``-separated), the number of mentions and
where the first one stands. Date rows give the text as printed, the normalised value, its
certainty and where it stands. RFC 4180 CSV, UTF-8, header row first; deterministic.
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

from ..atomic import check_target, publish_dir, staging_dir
from ..models import Document
from ..models.base import Container
from ._plan import Plan, build_plan
from ._tree import attr

ENTITY_COLUMNS = ("id", "name", "variants", "mentions", "first_mention", "first_page")
DATE_COLUMNS = ("text", "value", "certainty", "where", "page", "when", "from", "to",
                "notBefore", "notAfter", "problems")
#: Table file names, in the order they are written.
TABLES = ("persons.csv", "places.csv", "orgs.csv", "dates.csv")
_KINDS = {"persons.csv": "person", "places.csv": "place", "orgs.csv": "org"}


def _csv(columns: tuple[str, ...], rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return buffer.getvalue()


def entity_rows(plan: Plan, kind: str) -> list[list[str]]:
    """Rows of one entity table (recorded entities that are never mentioned included)."""
    rows = []
    for entity in plan.entities_of(kind):
        first = entity.mentions[0].where if entity.mentions else None
        rows.append([
            entity.record_id or entity.key,
            entity.name,
            "; ".join(entity.all_variants()),
            str(len(entity.mentions)),
            first.describe() if first else "",
            (first.page or "") if first else "",
        ])
    return rows


def date_rows(plan: Plan) -> list[list[str]]:
    """Rows of the date table, in text order."""
    rows = []
    for date in plan.dates:
        node = date.node
        problems = getattr(node, "problems", None)
        found = problems() if callable(problems) else []
        rows.append([
            date.text,
            date.value,
            date.cert,
            date.where.describe(),
            date.where.page or "",
            *[(attr(node, a) or "") for a in ("when", "from", "to", "notBefore", "notAfter")],
            "; ".join(found),
        ])
    return rows


def to_csv(doc: Document | Container, folder: str | os.PathLike[str] | None = None, *,
           force: bool = False) -> dict[str, str]:
    """The four index tables of ``doc`` as CSV text, by file name; with ``folder`` they
    are also written there (see :func:`write_csv`)."""
    plan = build_plan(doc)
    out = {name: _csv(ENTITY_COLUMNS, entity_rows(plan, kind)) for name, kind in _KINDS.items()}
    out["dates.csv"] = _csv(DATE_COLUMNS, date_rows(plan))
    tables = {name: out[name] for name in TABLES}
    if folder is not None:
        _write_tables(tables, Path(os.fspath(folder)), force)
    return tables


def write_csv(doc: Document | Container, folder: str | os.PathLike[str], *,
              force: bool = False) -> Path:
    """Write the tables of ``doc`` into a new ``folder``, atomically (the folder appears
    complete or not at all); an existing folder is replaced only with ``force``."""
    return _write_tables(to_csv(doc), Path(os.fspath(folder)), force)


def _write_tables(tables: dict[str, str], target: Path, force: bool) -> Path:
    check_target(target, force)
    with staging_dir(target) as staged:
        for name, text in tables.items():
            (staged / name).write_bytes(text.encode("utf-8"))
        return publish_dir(staged, target, force=force)

"""The validation pipeline for one document: well-formedness, XInclude, schemas, rules."""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Union

from . import rules as rules_mod
from . import xinclude
from .dedupe import one_per_problem
from .positions import Locator
from .report import Issue, Report
from .schemas import Schema, load_schemas
from .wellformed import Unreadable, parse, read_bytes

if TYPE_CHECKING:
    from ..models import Document

Source = Union[str, bytes, "os.PathLike[str]", "Document"]
SchemasArg = Iterable[str | os.PathLike[str] | Schema] | None


def resolve_schemas(schemas: SchemasArg) -> list[Schema]:
    """Compiled schemas for the ``schemas`` argument (paths or already loaded schemas);
    the project profile when it is None. Raises :class:`~.schemas.SchemaError`."""
    if schemas is None:
        return load_schemas(None)
    items = list(schemas)
    loaded = load_schemas([s for s in items if not isinstance(s, Schema)])
    it = iter(loaded)
    return [s if isinstance(s, Schema) else next(it) for s in items]


def _load(source: Source, name: str | None) -> tuple[bytes, str | None, str]:
    if not isinstance(source, (str, bytes, os.PathLike)):  # a Document model
        from ..xml.writer import to_bytes

        return to_bytes(source), None, name or "<document>"
    if isinstance(source, bytes):
        return source, None, name or "<bytes>"
    if isinstance(source, str) and source.lstrip().startswith("<"):
        return source.encode("utf-8"), None, name or "<string>"
    path = os.fspath(source)
    return read_bytes(path, name or path), path, name or path


def validate_one(source: Source, schemas: Sequence[Schema], rules: Sequence[rules_mod.Rule],
                 include_roots: Sequence[str] = (), name: str | None = None) -> Report:
    """Validate one document against already-compiled schemas and selected rules."""
    start = time.perf_counter()
    try:
        data, real, shown = _load(source, name)
    except Unreadable as exc:
        return Report(file=exc.issue.file, issues=[exc.issue])
    parsed = parse(data, shown)
    if isinstance(parsed, Issue):
        return Report(file=shown, issues=[parsed], seconds=time.perf_counter() - start)
    locator = Locator(parsed.source)
    issues = xinclude.resolve(parsed.tree, locator, real, shown, include_roots)
    for schema in schemas:
        issues.extend(schema.check(parsed.tree, locator))
    if rules:
        issues.extend(rules_mod.run(parsed.tree, locator, rules))
    issues = sorted(one_per_problem(issues), key=Issue.sort_key)
    return Report(file=shown, issues=issues, seconds=time.perf_counter() - start)


def validate(source: Source, schemas: SchemasArg = None, rules: bool | Iterable[str] = True,
             *, include_roots: Sequence[str] = (), name: str | None = None) -> Report:
    """Validate one TEI document.

    ``source`` is a path, the document's bytes, its text (a string starting with ``<``), or a
    :class:`~tei_kirov.models.Document` (serialised as ``tei_kirov.to_bytes`` would write it).
    ``schemas``: paths of XSD / RELAX NG / ISO Schematron files (compiled once per process),
    ``None`` for the project profile, ``[]`` for none. ``rules``: ``True`` (all semantic rules),
    ``False`` (none), or a set of codes/names to run, or of ``-code`` to skip.
    ``include_roots``: extra folders XInclude may read from. Raises
    :class:`~.schemas.SchemaError` for an unusable schema and ValueError for an unknown rule.
    """
    return validate_one(source, resolve_schemas(schemas), rules_mod.select(rules),
                        include_roots, name)

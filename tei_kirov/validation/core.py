"""The validation pipeline for one document: well-formedness, XInclude, schemas, rules."""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Union

from lxml import etree

from . import catalog as catalog_mod
from . import rules as rules_mod
from . import xinclude
from .association import Resolver, bundled_tei_all, declarations, prolog_of
from .dedupe import one_per_problem
from .positions import Locator
from .report import Issue, Report, SchemaUse, Source
from .schemas import Schema, SchemaError, load_schema, load_schemas
from .wellformed import Unreadable, parse, read_bytes

if TYPE_CHECKING:
    from ..models import Document

Source_ = Union[str, bytes, "os.PathLike[str]", "Document"]
SchemasArg = Iterable[str | os.PathLike[str] | Schema] | None


@dataclass
class Plan:
    """The schemas one document is checked against, what to report about them, and the
    problems met finding them."""

    schemas: list[Schema]
    uses: list[SchemaUse]
    issues: list[Issue]


def resolve_schemas(schemas: SchemasArg, phase: str | None = None) -> list[Schema]:
    """Compiled schemas for the ``schemas`` argument (paths or already loaded schemas);
    the project profile when it is None. Raises :class:`~.schemas.SchemaError`."""
    if schemas is None:
        return load_schemas(None)
    items = list(schemas)
    loaded = load_schemas([s for s in items if not isinstance(s, Schema)], phase)
    it = iter(loaded)
    return [s if isinstance(s, Schema) else next(it) for s in items]


def _load(source: Source_, name: str | None) -> tuple[bytes, str | None, str]:
    if not isinstance(source, (str, bytes, os.PathLike)):  # a Document model
        from ..xml.writer import to_bytes

        return to_bytes(source), None, name or "<document>"
    if isinstance(source, bytes):
        return source, None, name or "<bytes>"
    if isinstance(source, str) and source.lstrip().startswith("<"):
        return source.encode("utf-8"), None, name or "<string>"
    path = os.fspath(source)
    return read_bytes(path, name or path), path, name or path


def resolver_for(catalogs: Iterable[str | os.PathLike[str]] | None) -> Resolver:
    """A resolver for these catalog files (plus ``XML_CATALOG_FILES``), reused while none of
    them changes. Raises :class:`~.catalog.CatalogError`."""
    files = [os.fspath(c) for c in catalogs or []]
    names = files + catalog_mod.from_environment()
    stamps = []
    for name in names:
        try:
            stamps.append(os.stat(catalog_mod.local_path(name) or name).st_mtime_ns)
        except OSError:
            stamps.append(-1)
    key = (tuple(names), tuple(stamps))
    if key not in _RESOLVERS:
        _RESOLVERS.clear()
        _RESOLVERS[key] = Resolver(catalog_mod.build(files))
    return _RESOLVERS[key]


_RESOLVERS: dict[tuple[tuple[str, ...], tuple[int, ...]], Resolver] = {}


def associated(tree: etree._ElementTree, data: bytes, real: str | None, shown: str,
               resolver: Resolver, phase: str | None = None) -> Plan:
    """The schemas a document names in its ``<?xml-model?>``s, loaded (each compiled once
    per process), or the bundled tei_all when it names none. A schema that cannot be found
    or used becomes an issue at its ``<?xml-model?>``, never a crash."""
    found = declarations(prolog_of(tree), data)
    if not found:
        schema = load_schema(bundled_tei_all(), "rng")
        return Plan([schema], [SchemaUse(path=schema.path, kind="rng", origin="default")], [])
    plan = Plan([], [], [])
    loaded: set[tuple[str, str | None]] = set()
    for item in resolver.resolve_all(found, real):
        decl = item.declaration
        source: Source = "schematron" if decl.kind == "schematron" else "schema"
        plan.uses.append(SchemaUse(path=item.path, kind=decl.kind, origin="declared",
                                   href=decl.href))
        if item.path is None:
            plan.issues.append(Issue(
                file=shown, line=decl.line, column=decl.column, severity="error",
                code="TK108", source=source,
                message=f'cannot find the schema "{decl.href}": {item.problem}',
                hint="map the address to a local copy in an OASIS catalog and pass it with "
                     "--catalog FILE (or XML_CATALOG_FILES); nothing is fetched from the "
                     "network"))
            continue
        if (item.path, decl.kind) in loaded:
            continue
        loaded.add((item.path, decl.kind))
        try:
            plan.schemas.append(load_schema(item.path, decl.kind, phase or decl.phase))
        except SchemaError as exc:
            plan.issues.append(Issue(
                file=shown, line=decl.line, column=decl.column, severity="error",
                code="TK109", source=source, message=f'cannot use the schema "{decl.href}": '
                f"{exc}", hint="correct the <?xml-model?> or the schema, or pass --schema"))
    return plan


def _source_of(schema: Schema) -> Source:
    return "schematron" if schema.kind == "schematron" else "schema"


def _tagged(issues: Iterable[Issue], source: Source) -> list[Issue]:
    return [i if i.source == source else i.model_copy(update={"source": source})
            for i in issues]


def validate_one(source: Source_, schemas: Sequence[Schema] | None,
                 rules: Sequence[rules_mod.Rule], include_roots: Sequence[str] = (),
                 name: str | None = None, *, resolver: Resolver | None = None,
                 phase: str | None = None) -> Report:
    """Validate one document against already-compiled schemas (None: the schemas it names,
    found with ``resolver``) and selected rules."""
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
    if schemas is None:
        plan = associated(parsed.tree, data, real, shown, resolver or resolver_for(None), phase)
        issues.extend(plan.issues)
    else:
        plan = Plan(list(schemas), [SchemaUse(path=s.path, kind=s.kind, origin="given")
                                    for s in schemas], [])
    for schema in plan.schemas:
        issues.extend(_tagged(schema.check(parsed.tree, locator), _source_of(schema)))
    if rules:
        issues.extend(_tagged(rules_mod.run(parsed.tree, locator, rules), "rule"))
    issues = sorted(one_per_problem(issues), key=Issue.sort_key)
    return Report(file=shown, issues=issues, schemas=plan.uses,
                  seconds=time.perf_counter() - start)


def validate(source: Source_, schemas: SchemasArg = None, rules: bool | Iterable[str] = True,
             catalogs: Iterable[str | os.PathLike[str]] | None = None,
             phase: str | None = None, *, include_roots: Sequence[str] = (),
             name: str | None = None) -> Report:
    """Validate one TEI document, as ``tei-kirov validate`` does.

    ``source`` is a path, the document's bytes, its text (a string starting with ``<``), or a
    :class:`~tei_kirov.models.Document` (serialised as ``tei_kirov.to_bytes`` would write it).
    ``schemas``: paths of XSD / RELAX NG / ISO Schematron files (compiled once per process),
    or ``None`` for the schemas the document names in its ``<?xml-model?>``s (the bundled
    TEI tei_all when it names none), or ``[]`` for none. ``catalogs``: OASIS catalog files
    that map schema addresses to local files (``XML_CATALOG_FILES`` is read too).
    ``phase``: the Schematron phase to run. ``rules``: ``True`` (all semantic rules),
    ``False`` (none), or a set of codes/names to run, or of ``-code`` to skip.
    ``include_roots``: extra folders XInclude may read from. Raises
    :class:`~.schemas.SchemaError` for an unusable ``schemas`` file or catalog and ValueError
    for an unknown rule; a schema the document names but that cannot be used is an issue.
    """
    chosen = rules_mod.select(rules)
    if schemas is None:
        return validate_one(source, None, chosen, include_roots, name,
                            resolver=resolver_for(catalogs), phase=phase)
    return validate_one(source, resolve_schemas(schemas, phase), chosen, include_roots, name)

"""A small OASIS XML catalog resolver (local files only; nothing is ever fetched).

Supported entries: ``uri``, ``system``, ``rewriteURI``, ``rewriteSystem``, ``uriSuffix``,
``systemSuffix``, ``nextCatalog`` and ``group`` (with ``xml:base``). ``public`` and the
``delegate*`` entries are read and ignored: they never lead to a network look-up.
A reference is looked up as a URI first, then as a system identifier, in the order of
OASIS XML Catalogs 1.1: exact match, then the longest rewrite prefix, then the longest
suffix, then the next catalogs.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse
from urllib.request import pathname2url

from lxml import etree

from ..errors import TeiError
from ..xml.safety import make_parser

CATALOG_NS = "urn:oasis:names:tc:entity:xmlns:xml:catalog"
_C = f"{{{CATALOG_NS}}}"
XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
#: The environment variable libxml2 reads: catalog files separated by spaces.
ENV_VAR = "XML_CATALOG_FILES"


class CatalogError(TeiError):
    """A catalog that cannot be read or is not an OASIS catalog: a usage error."""


def file_uri(path: str | os.PathLike[str]) -> str:
    """The ``file:`` URI of a local path (made absolute)."""
    return "file://" + pathname2url(os.path.abspath(os.fspath(path)))


def local_path(uri: str) -> str | None:
    """The local path a ``file:`` URI (or a plain path) names; None for other schemes."""
    parsed = urlparse(uri)
    if parsed.scheme == "file":
        return unquote(parsed.path)
    if parsed.scheme == "" or (len(parsed.scheme) == 1 and os.name == "nt"):
        return uri
    return None


@dataclass
class _Entries:
    """The entries of one catalog file, by kind, targets already made absolute."""

    exact: dict[str, dict[str, str]] = field(default_factory=lambda: {"uri": {}, "system": {}})
    rewrite: dict[str, list[tuple[str, str]]] = field(
        default_factory=lambda: {"uri": [], "system": []})
    suffix: dict[str, list[tuple[str, str]]] = field(
        default_factory=lambda: {"uri": [], "system": []})
    next: list[str] = field(default_factory=list)


_EXACT = {"uri": ("uri", "name", "uri"), "system": ("system", "systemId", "uri")}
_REWRITE = {"uri": ("rewriteURI", "uriStartString", "rewritePrefix"),
            "system": ("rewriteSystem", "systemIdStartString", "rewritePrefix")}
_SUFFIX = {"uri": ("uriSuffix", "uriSuffix", "uri"),
           "system": ("systemSuffix", "systemIdSuffix", "uri")}


def _read(path: str) -> _Entries:
    try:
        tree = etree.parse(path, make_parser())
    except OSError as exc:
        raise CatalogError(f"{path}: cannot read the catalog: {exc}") from None
    except etree.XMLSyntaxError as exc:
        raise CatalogError(f"{path}: the catalog is not well-formed XML: {exc}") from None
    root = tree.getroot()
    if root.tag != f"{_C}catalog":
        raise CatalogError(f"{path}: not an OASIS XML catalog (root element {root.tag}; "
                           f'expected <catalog xmlns="{CATALOG_NS}">)')
    entries = _Entries()
    _collect(root, file_uri(path), entries)
    return entries


def _collect(node: etree._Element, base: str, entries: _Entries) -> None:
    """Gather entries below ``node`` (a catalog or group), resolving targets on ``base``."""
    if node.get(XML_BASE):
        base = urljoin(base, node.get(XML_BASE, ""))
    for child in node:
        if not isinstance(child.tag, str) or not child.tag.startswith(_C):
            continue
        tag = child.tag[len(_C):]
        here = urljoin(base, child.get(XML_BASE)) if child.get(XML_BASE) else base
        if tag == "group":
            _collect(child, base, entries)  # the group applies its own xml:base
        elif tag == "nextCatalog" and child.get("catalog"):
            entries.next.append(urljoin(here, child.get("catalog", "")))
        for kind in ("uri", "system"):
            name, key, target = _EXACT[kind]
            if tag == name and child.get(key) and child.get(target):
                entries.exact[kind].setdefault(child.get(key, ""),
                                               urljoin(here, child.get(target, "")))
            name, key, target = _REWRITE[kind]
            if tag == name and child.get(key) and child.get(target):
                entries.rewrite[kind].append((child.get(key, ""),
                                              urljoin(here, child.get(target, ""))))
            name, key, target = _SUFFIX[kind]
            if tag == name and child.get(key) and child.get(target):
                entries.suffix[kind].append((child.get(key, ""),
                                             urljoin(here, child.get(target, ""))))


class Catalog:
    """An ordered list of catalog files, consulted in turn; each is read once."""

    def __init__(self, files: list[str]) -> None:
        self.files = files
        self._read: dict[str, _Entries] = {}

    def _entries(self, uri_or_path: str) -> _Entries:
        path = local_path(uri_or_path)
        if path is None:  # a catalog on the web is never fetched
            raise CatalogError(f"{uri_or_path}: only local catalog files are read")
        path = os.path.abspath(path)
        if path not in self._read:
            self._read[path] = _read(path)
        return self._read[path]

    def load(self) -> Catalog:
        """Read every catalog now (and the ones they chain to), so that errors show early."""
        for name in self.files:
            self._walk(name, set(), lambda _e: None)
        return self

    def _walk(self, name: str, seen: set[str],
              visit: Callable[[_Entries], str | None]) -> str | None:
        key = os.path.abspath(local_path(name) or name)
        if key in seen:
            return None
        seen.add(key)
        entries = self._entries(name)
        found = visit(entries)
        if found is not None:
            return found
        for nxt in entries.next:
            found = self._walk(nxt, seen, visit)
            if found is not None:
                return found
        return None

    def resolve(self, reference: str) -> str | None:
        """The URI ``reference`` maps to (as a URI, then as a system identifier), or None."""
        for kind in ("uri", "system"):
            def visit(entries: _Entries, kind: str = kind) -> str | None:
                return _match(entries, kind, reference)

            for name in self.files:
                found = self._walk(name, set(), visit)
                if found is not None:
                    return found
        return None


def _match(entries: _Entries, kind: str, reference: str) -> str | None:
    if reference in entries.exact[kind]:
        return entries.exact[kind][reference]
    prefixes = [(p, t) for p, t in entries.rewrite[kind] if reference.startswith(p)]
    if prefixes:
        prefix, target = max(prefixes, key=lambda pt: len(pt[0]))
        return target + reference[len(prefix):]
    suffixes = [(s, t) for s, t in entries.suffix[kind] if reference.endswith(s)]
    if suffixes:
        return max(suffixes, key=lambda st: len(st[0]))[1]
    return None


def package_catalog() -> str:
    """The catalog shipped with tei_kirov (bundled tei_all and the profile)."""
    from importlib import resources

    return str(resources.files("tei_kirov") / "schemas" / "catalog.xml")


_PACKAGE: list[Catalog] = []


def package() -> Catalog:
    """The package catalog, read once per process."""
    if not _PACKAGE:
        _PACKAGE.append(Catalog([package_catalog()]).load())
    return _PACKAGE[0]


def from_environment() -> list[str]:
    """The catalog files ``XML_CATALOG_FILES`` names (space-separated, as in libxml2)."""
    return os.environ.get(ENV_VAR, "").split()


def build(files: Iterable[str | os.PathLike[str]] | None = None, *,
          environment: bool = True) -> Catalog:
    """The user's catalogs for a run: ``files`` (``--catalog``) first, then those of
    ``XML_CATALOG_FILES``. Every file is read now; a missing or malformed one raises
    :class:`CatalogError`. (The package catalog is consulted separately, last.)"""
    names = [os.fspath(f) for f in files or []]
    for name in names:
        if not Path(local_path(name) or name).is_file():
            raise CatalogError(f"{name}: no such catalog file")
    if environment:
        for name in from_environment():
            if not Path(local_path(name) or name).is_file():
                raise CatalogError(f"{name} (named by {ENV_VAR}): no such catalog file; "
                                   f"correct or unset {ENV_VAR}")
            names.append(name)
    return Catalog(names).load()

"""Which schemas a document names: its ``<?xml-model?>`` processing instructions, resolved
relative to the document or through OASIS catalogs, never over the network.

The kind of each schema comes from ``schematypens``, then ``type``, then the file extension.
An RNG named with the Schematron ``schematypens`` stands for the Schematron embedded in it.
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from urllib.parse import urljoin, urlparse

from lxml import etree

from ..xml.safety import make_pull_parser
from .catalog import Catalog, file_uri, local_path, package

RNG_NS = "http://relaxng.org/ns/structure/1.0"
XSD_NS = "http://www.w3.org/2001/XMLSchema"
ISO_SCH_NS = "http://purl.oclc.org/dsdl/schematron"
OLD_SCH_NS = "http://www.ascc.net/xml/schematron"

#: schematypens -> kind
_BY_NAMESPACE = {RNG_NS: "rng", XSD_NS: "xsd", ISO_SCH_NS: "schematron",
                 OLD_SCH_NS: "schematron"}
#: MIME type -> kind (the generic application/xml says nothing)
_BY_TYPE = {"application/relax-ng+xml": "rng", "application/xml-relax-ng": "rng",
            "application/relax-ng-compact-syntax": "rnc", "application/xml-dtd": "dtd",
            "application/schematron+xml": "schematron", "application/xsd+xml": "xsd"}
_BY_EXTENSION = {".rng": "rng", ".xsd": "xsd", ".sch": "schematron", ".isosch": "schematron",
                 ".rnc": "rnc", ".dtd": "dtd", ".nvdl": "nvdl"}
#: The kinds tei_kirov can check.
SUPPORTED = ("rng", "xsd", "schematron")
_PSEUDO = re.compile(r"""([A-Za-z_][\w.\-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def bundled_tei_all() -> str:
    """The bundled TEI P5 ``tei_all.rng``: the schema of documents that name none."""
    return str(resources.files("tei_kirov") / "schemas" / "tei_all.rng")


def pseudo_attributes(text: str | None) -> dict[str, str]:
    """The pseudo-attributes of a processing instruction's text (entities decoded)."""
    return {m.group(1): html.unescape(m.group(2) if m.group(2) is not None else m.group(3))
            for m in _PSEUDO.finditer(text or "")}


@dataclass(frozen=True)
class Declaration:
    """One schema a document names: where (line, column of the PI), what and which kind."""

    href: str
    kind: str | None  # rng, xsd, schematron, rnc, dtd, nvdl, or None: read the root
    line: int | None = None
    column: int | None = None
    phase: str | None = None


def kind_of(attrs: dict[str, str]) -> str | None:
    """The schema kind from ``schematypens``, then ``type``, then the extension of ``href``.
    An unknown ``schematypens`` is returned as written (and refused later)."""
    ns = attrs.get("schematypens", "").strip()
    if ns:
        return _BY_NAMESPACE.get(ns, ns)
    kind = _BY_TYPE.get(attrs.get("type", "").strip().lower())
    if kind:
        return kind
    path = urlparse(attrs.get("href", "")).path
    return _BY_EXTENSION.get(os.path.splitext(path)[1].lower())


def declarations(pis: Iterable[etree._ProcessingInstruction],
                 data: bytes | None = None) -> list[Declaration]:
    """The ``<?xml-model?>`` declarations among the processing instructions before the root
    element, in document order, each with the line and column where it starts (given the
    source bytes; otherwise the line libxml2 recorded, where the PI ends)."""
    models = [pi for pi in pis if pi.target == "xml-model"]
    spots = _starts(data) if data is not None else []
    if len(spots) != len(models):  # e.g. an "<?xml-model" inside a comment
        spots = [(pi.sourceline, None) for pi in models]
    found: list[Declaration] = []
    for pi, (line, column) in zip(models, spots, strict=True):
        attrs = pseudo_attributes(pi.text)
        found.append(Declaration(href=attrs.get("href", "").strip(), kind=kind_of(attrs),
                                 line=line, column=column, phase=attrs.get("phase") or None))
    return found


_MODEL_PI = re.compile(rb"<\?xml-model\s")
_ROOT_TAG = re.compile(rb"<[A-Za-z_]")


def _starts(data: bytes) -> list[tuple[int | None, int | None]]:
    """Line and column (1-based) of every ``<?xml-model`` before the first start tag."""
    head = data[:1 << 20]
    end = _ROOT_TAG.search(head)
    head = head[:end.start()] if end else head
    out: list[tuple[int | None, int | None]] = []
    for m in _MODEL_PI.finditer(head):
        line = head.count(b"\n", 0, m.start()) + 1
        out.append((line, m.start() - (head.rfind(b"\n", 0, m.start()) + 1) + 1))
    return out


def prolog_of(tree: etree._ElementTree) -> list[etree._ProcessingInstruction]:
    """The processing instructions before the root element of a parsed tree."""
    return [n for n in reversed(list(tree.getroot().itersiblings(preceding=True)))
            if isinstance(n, etree._ProcessingInstruction)]


def read_prolog(path: str, limit: int = 1 << 20) -> tuple[list[etree._ProcessingInstruction],
                                                           bytes]:
    """The processing instructions before the root element of a file, read only as far as
    the root's start tag (with the safe parser); and the bytes read. Empty when unreadable
    or malformed: validation reports that later, for the whole file."""
    parser = make_pull_parser(events=("start", "pi"))
    pis: list[etree._ProcessingInstruction] = []
    read = b""
    try:
        with open(path, "rb") as handle:
            while len(read) < limit:
                chunk = handle.read(8192)
                if not chunk:
                    break
                read += chunk
                parser.feed(chunk)
                for event, node in parser.read_events():
                    if event == "start":
                        return pis, read
                    pis.append(node)
    except (OSError, etree.XMLSyntaxError):
        return [], read
    return pis, read


@dataclass(frozen=True)
class Resolved:
    """A declaration with the local file it resolves to (or why it does not)."""

    declaration: Declaration
    path: str | None
    problem: str | None = None


class Resolver:
    """Resolves hrefs: the user's catalogs first, then a local file relative to the document,
    then the package catalog (bundled tei_all, the profile). Results are memoised."""

    def __init__(self, catalog: Catalog | None = None) -> None:
        self.catalog = catalog
        self._memo: dict[tuple[str, str], tuple[str | None, str | None]] = {}

    def resolve(self, href: str, base: str) -> tuple[str | None, str | None]:
        """(local path, None) or (None, why not) for ``href`` in a document at ``base``
        (a ``file:`` URI)."""
        key = (href, base)
        if key not in self._memo:
            self._memo[key] = self._resolve(href, base)
        return self._memo[key]

    def _resolve(self, href: str, base: str) -> tuple[str | None, str | None]:
        if not href:
            return None, "the <?xml-model?> has no href"
        absolute = urljoin(base, href)
        candidates = list(dict.fromkeys([href, absolute]))
        for catalog in [c for c in (self.catalog,) if c is not None]:
            hit = self._mapped(catalog, candidates)
            if hit is not None:
                return hit
        here = local_path(absolute)
        if here is not None and os.path.isfile(here):
            return here, None
        hit = self._mapped(package(), candidates)
        if hit is not None:
            return hit
        if here is not None:
            return None, f"it resolves to {here}, which does not exist"
        return None, "it is not a local file and no catalog maps it"

    @staticmethod
    def _mapped(catalog: Catalog, candidates: list[str]) -> tuple[str | None, str | None] | None:
        for candidate in candidates:
            target = catalog.resolve(candidate)
            if target is None:
                continue
            path = local_path(target)
            if path is None:
                return None, (f'the catalog maps "{candidate}" to {target}, which is not a '
                              "local file (nothing is fetched from the network)")
            if not os.path.isfile(path):
                return None, f'the catalog maps "{candidate}" to {path}, which does not exist'
            return path, None
        return None

    def resolve_all(self, found: list[Declaration], document: str | None) -> list[Resolved]:
        """Resolve every declaration of a document (``document``: its path, or None for
        a document held in memory, whose relative hrefs resolve from the current folder)."""
        base = file_uri(document) if document else file_uri(os.getcwd()) + "/"
        out = []
        for declaration in found:
            path, problem = self.resolve(declaration.href, base)
            out.append(Resolved(declaration, path, problem))
        return out

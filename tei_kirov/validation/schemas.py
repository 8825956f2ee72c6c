"""Layer 2: load XSD, RELAX NG (XML syntax) and ISO Schematron schemas once per process.

Verdicts come from libxml2 (fast); :mod:`.explain` turns its messages into helpful issues.
A RELAX NG grammar is *specialised* to the element names a run actually meets: every
``<element name="X">`` pattern whose X never occurs is replaced by ``<notAllowed/>``. For
documents that use only those names this accepts exactly the same documents (such a pattern
can never match), and it compiles tei_all.rng in milliseconds instead of seconds.
"""

from __future__ import annotations

import copy
import os
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from lxml import etree

from ..errors import TeiError
from ..xml.safety import make_parser
from .explain import Explainer, find_element
from .grammar import RNG_NS, Grammar
from .positions import Locator
from .report import Issue
from .rngcheck import LocalChecker

XSD_NS = "http://www.w3.org/2001/XMLSchema"
SCH_NS = "http://purl.oclc.org/dsdl/schematron"
SCH15_NS = "http://www.ascc.net/xml/schematron"


class SchemaError(TeiError):
    """A schema that cannot be used (missing, not a schema, not compilable): a usage error."""


def profile_path() -> str:
    """The project's profile XSD, shipped in the package."""
    return str(resources.files("tei_kirov") / "schemas" / "tei_kirov.xsd")


def element_names(root: etree._Element) -> frozenset[str]:
    """Local names of every element in a tree."""
    return frozenset(etree.QName(e).localname for e in root.iter() if isinstance(e.tag, str))


_EXPLAIN = [True]


def explaining() -> bool:
    """Whether invalid documents get full explanations (a batch turns this off for its quick
    verdict pass, then explains only the invalid files)."""
    return _EXPLAIN[0]


def set_explaining(value: bool) -> None:
    _EXPLAIN[0] = value


#: Message of the placeholder issue a quick verdict gives an invalid document.
INVALID_MARKER = "the document is not valid against"


def _invalid_marker(path: str, locator: Locator) -> Issue:
    return Issue(file=locator.main.file, severity="error", code="TK100",
                 message=f"{INVALID_MARKER} {os.path.basename(path)}")


class Schema:
    """A compiled schema; :meth:`check` returns the issues of one (resolved) tree."""

    kind = "schema"

    def __init__(self, path: str) -> None:
        self.path = path

    def check(self, tree: etree._ElementTree, locator: Locator) -> list[Issue]:
        raise NotImplementedError

    def files(self) -> list[str]:
        """Every file the schema was read from (for cache keys)."""
        return [self.path]

    def variant(self) -> str:
        """What else changes its results besides its files (a Schematron phase)."""
        return ""

    def prepare(self, names: Iterable[str]) -> None:
        """Get ready for documents using ``names`` (compile ahead, e.g. before forking)."""

    def prepare_explanations(self, names: Iterable[str]) -> None:
        """Get ready to explain failures of documents using ``names``."""


#: Above this size an XSD is not analysed with xmlschema to explain failures (tei_all.xsd
#: would take about 14 s); libxml2's own "expected" lists still make the messages.
XSD_ANALYSIS_LIMIT = 600_000


def _xsd_grammar(path: str) -> Grammar | None:
    return Grammar.from_xsd(path) if os.path.getsize(path) <= XSD_ANALYSIS_LIMIT else None


class XsdSchema(Schema):
    kind = "xsd"

    def __init__(self, path: str) -> None:
        super().__init__(path)
        try:
            self.compiled = etree.XMLSchema(etree.parse(path, make_parser()))
        except (etree.XMLSchemaParseError, etree.XMLSyntaxError) as exc:
            raise SchemaError(f"{path}: not a usable XML Schema: {exc}") from None
        self.explainer = Explainer(path, lambda: _xsd_grammar(path))

    def check(self, tree: etree._ElementTree, locator: Locator) -> list[Issue]:
        if self.compiled.validate(tree):
            return []
        return self.explainer.issues(tree, self.compiled.error_log, locator)


class RngSchema(Schema):
    kind = "rng"

    def __init__(self, path: str, doc: etree._ElementTree) -> None:
        super().__init__(path)
        self.doc = doc
        root = doc.getroot()
        self.prunable = not any(True for _ in root.iter(f"{{{RNG_NS}}}include",
                                                       f"{{{RNG_NS}}}externalRef"))
        self.compiled: list[tuple[frozenset[str] | None, etree.RelaxNG]] = []
        self.explaining: list[tuple[frozenset[str] | None, etree.RelaxNG]] = []
        self.batch_names: frozenset[str] | None = None
        self.explainer = Explainer(path, lambda: Grammar.from_rng(doc))
        self._local: LocalChecker | None = None

    def explain(self, tree: etree._ElementTree, log: etree._ListErrorLog,
                locator: Locator) -> list[Issue]:
        """Every error of an invalid document: the per-element findings of
        :mod:`.rngcheck`, and libxml2's messages except those that echo a finding."""
        if self._local is None:
            self._local = LocalChecker(self.doc)
        findings = self._local.check(tree)
        if not findings:
            return self.explainer.issues(tree, log, locator)
        # libxml2 stops matching a content model at the first problem in it and blames an
        # element of that content: a message about an element whose parent contains a
        # finding is that finding's echo
        echoed = {a for f in findings for a in (f.element, *f.element.iterancestors())}
        kept = [e for e in log if "failed to validate" not in e.message
                and not _echo(find_element(tree, e.path), echoed)]
        issues = self.explainer.issues(tree, kept, locator) if kept else []
        for finding in findings:
            issues.append(self.explainer.one(finding.message, finding.element,
                                             finding.element.sourceline or 0, locator)[0])
        unique = {(i.line, i.column, i.code, i.message): i for i in issues}
        return sorted(unique.values(), key=Issue.sort_key)

    def _compile(self, names: frozenset[str] | None, stubs: bool = False) -> etree.RelaxNG:
        """Compile the grammar specialised to ``names`` (None: the full grammar). Patterns of
        other elements become notAllowed (verdicts), or empty stubs when ``stubs`` is set
        (explanations: nothing collapses, so libxml2 reports where jing does)."""
        if names is None or not self.prunable:
            doc, names = self.doc, None
        else:
            doc = copy.deepcopy(self.doc)
            for el in list(doc.getroot().iter(f"{{{RNG_NS}}}element")):
                name = el.get("name")
                parent = el.getparent()
                if not name or parent is None or name.split(":")[-1] in names:
                    continue
                if stubs:
                    for child in list(el):
                        el.remove(child)
                    etree.SubElement(el, f"{{{RNG_NS}}}empty")
                else:
                    blocked = etree.Element(f"{{{RNG_NS}}}notAllowed")
                    blocked.tail = el.tail
                    parent.replace(el, blocked)
        try:
            compiled = etree.RelaxNG(doc)
        except etree.RelaxNGParseError as exc:
            if names is not None:  # never worse than the full grammar
                return self._compile(None, stubs)
            raise SchemaError(f"{self.path}: not a usable RELAX NG schema: {exc}") from None
        (self.explaining if stubs else self.compiled).append((names, compiled))
        return compiled

    def validator_for(self, names: frozenset[str], stubs: bool = False) -> etree.RelaxNG:
        """A compiled grammar exact for documents using only ``names``.

        For a verdict any grammar that covers ``names`` will do; the explaining (stub) one,
        when there is one, is preferred: it takes seconds to compile but validates about
        five times faster than the one whose unused patterns are notAllowed."""
        candidates = self.explaining if stubs else self.explaining + self.compiled
        for known, compiled in sorted(candidates, key=lambda c: c[0] is not None):
            if known is None or names <= known:
                return compiled
        if stubs and self.batch_names is not None and names <= self.batch_names:
            names = self.batch_names  # one explaining grammar for the whole batch
        return self._compile(names if self.prunable else None, stubs)

    def prepare(self, names: Iterable[str]) -> None:
        """Get ready for a batch whose documents use ``names``: compile the verdict grammar,
        and compile any explaining grammar needed later for all of them at once."""
        self.batch_names = frozenset(names)
        self.validator_for(self.batch_names)

    def prepare_explanations(self, names: Iterable[str]) -> None:
        wanted = frozenset(names)
        if not any(known is None or wanted <= known for known, _ in self.explaining):
            self._compile(wanted if self.prunable else None, stubs=True)

    def prepare_full(self) -> None:
        """Compile the whole grammar once (seconds for tei_all): slower to build than a
        specialised one but faster to validate with, and it explains failures itself; the
        better choice for a large batch."""
        if not any(names is None for names, _ in self.compiled):
            full = self._compile(None)
            self.explaining.append((None, full))

    def check(self, tree: etree._ElementTree, locator: Locator) -> list[Issue]:
        names = element_names(tree.getroot())
        verdict = self.validator_for(names)
        if verdict.validate(tree):
            return []
        if not explaining():
            return [_invalid_marker(self.path, locator)]
        rng = self.validator_for(names, stubs=True)
        if rng is not verdict and rng.validate(tree):
            return [_invalid_marker(self.path, locator)]  # cannot happen: same documents
        return self.explain(tree, rng.error_log, locator)


def _echo(element: etree._Element | None, echoed: set[etree._Element]) -> bool:
    if element is None:
        return False
    parent = element.getparent()
    return element in echoed or (parent is not None and parent in echoed)


class SchematronSchema(Schema):
    """ISO Schematron (also 1.5, or embedded in RELAX NG), run by :mod:`.schematron`."""

    kind = "schematron"

    def __init__(self, path: str, embedded: bool = False, phase: str | None = None) -> None:
        super().__init__(path)
        from .schematron import Schematron

        self.embedded = embedded
        self.phase = phase
        self.engine = Schematron(path, embedded=embedded, phase=phase)

    def check(self, tree: etree._ElementTree, locator: Locator) -> list[Issue]:
        return self.engine.check(tree, locator)

    def files(self) -> list[str]:
        return list(self.engine.model.files)

    def variant(self) -> str:
        return f"embedded={self.embedded} phase={self.phase}"


@dataclass(frozen=True)
class _Key:
    path: str
    mtime: int
    size: int
    kind: str | None = None
    phase: str | None = None


_CACHE: dict[_Key, Schema] = {}

_KIND_NAMES = {"rng": "RELAX NG", "xsd": "XML Schema", "schematron": "ISO Schematron",
               "rnc": "RELAX NG compact syntax", "dtd": "DTD", "nvdl": "NVDL"}
_ROOT_KINDS = {XSD_NS: "xsd", RNG_NS: "rng", SCH_NS: "schematron", SCH15_NS: "schematron"}

def load_schema(path: str | os.PathLike[str], kind: str | None = None,
                phase: str | None = None) -> Schema:
    """Load (or reuse) a compiled schema; the kind is read from its root element.
    ``kind="schematron"`` on a RELAX NG grammar: the Schematron embedded in it. ``phase``:
    the Schematron phase to run (its defaultPhase, else all patterns, when None)."""
    path = str(path)
    try:
        stat = os.stat(path)
    except OSError as exc:
        raise SchemaError(f"{path}: cannot read the schema: {exc.strerror or exc}") from None
    key = _Key(os.path.realpath(path), stat.st_mtime_ns, stat.st_size, kind, phase)
    if key in _CACHE:
        return _CACHE[key]
    if kind not in (None, "rng", "xsd", "schematron"):
        name = _KIND_NAMES.get(kind, f'schematypens "{kind}"')
        raise SchemaError(f"{path}: {name} schemas are not supported; tei_kirov checks "
                          "RELAX NG (XML syntax), XML Schema and ISO Schematron"
                          + ("; convert it with trang to the XML syntax (.rng)"
                             if kind == "rnc" else ""))
    if path.endswith(".rnc"):
        raise SchemaError(f"{path}: RELAX NG compact syntax is not supported; convert it with "
                          "trang to the XML syntax (.rng)")
    try:
        doc = etree.parse(path, make_parser())
    except (etree.XMLSyntaxError, OSError) as exc:
        raise SchemaError(f"{path}: the schema is not well-formed XML: {exc}") from None
    ns = etree.QName(doc.getroot()).namespace
    found = _ROOT_KINDS.get(ns or "")
    if found is None:
        raise SchemaError(f"{path}: not an XSD, RELAX NG or ISO Schematron schema "
                          f"(root element {doc.getroot().tag})")
    schema: Schema
    if kind == "schematron" and found == "rng":
        schema = SchematronSchema(path, embedded=True, phase=phase)
    elif kind is not None and kind != found:
        raise SchemaError(f"{path}: declared as {_KIND_NAMES[kind]} but it is "
                          f"{_KIND_NAMES[found]}")
    elif found == "xsd":
        schema = XsdSchema(path)
    elif found == "rng":
        schema = RngSchema(path, doc)
    else:
        schema = SchematronSchema(path, embedded=False, phase=phase)
    _CACHE[key] = schema
    return schema


def load_schemas(paths: Iterable[str | os.PathLike[str]] | None,
                 phase: str | None = None) -> list[Schema]:
    """The schemas to validate against: the profile when ``paths`` is None."""
    if paths is None:
        profile = profile_path()
        if not Path(profile).is_file():
            raise SchemaError(f"the profile schema is missing ({profile}); pass --schema FILE")
        return [load_schema(profile)]
    return [load_schema(p, phase=phase) for p in paths]

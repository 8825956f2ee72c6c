"""Read a Schematron schema into a :class:`~.model.SchemaModel`.

Standalone ISO schemas (``.sch``/``.isosch``), Schematron 1.5 (read as ISO with XPath 2) and
the Schematron embedded in a RELAX NG grammar (every ``ns``, ``pattern``, ``phase`` and
top-level ``let`` found anywhere in it). ``include`` and ``extends href`` are resolved
relative to the file that names them; nothing is fetched from the network.
"""

from __future__ import annotations

import copy
import os
import re
from urllib.parse import unquote, urlparse

from lxml import etree

from ...xml.safety import make_parser
from ..grammar import RNG_NS
from ..schemas import SchemaError
from .model import Check, Let, MessagePart, NameOf, Pattern, Phase, Rule, SchemaModel, ValueOf

ISO_NS = "http://purl.oclc.org/dsdl/schematron"
OLD_NS = "http://www.ascc.net/xml/schematron"
XSL_NS = "http://www.w3.org/1999/XSL/Transform"

#: Query bindings run as XPath 3.1 inside XSLT 3 (a superset of what they name).
BINDINGS = frozenset({"xslt", "xslt1", "xslt2", "xslt3", "xpath", "xpath2", "xpath3",
                      "xpath31"})

_MAX_INCLUDE_DEPTH = 20
XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"


def _q(local: str) -> str:
    return f"{{{ISO_NS}}}{local}"


def _where(el: etree._Element) -> str:
    base = el.base or "?"
    return f"{_file_of(base)}:{el.sourceline}" if el.sourceline else _file_of(base)


def _file_of(url: str) -> str:
    parsed = urlparse(url)
    return unquote(parsed.path) if parsed.scheme in ("", "file") else url


def _parse(path: str, named_by: str | None = None) -> etree._ElementTree:
    try:
        return etree.parse(path, make_parser())
    except OSError as exc:
        where = f"{named_by}: " if named_by else ""
        raise SchemaError(f"{where}cannot read the Schematron file {path}: "
                          f"{exc.strerror or exc}") from None
    except etree.XMLSyntaxError as exc:
        raise SchemaError(f"{path}: the Schematron is not well-formed XML: {exc}") from None


def _to_iso(root: etree._Element) -> None:
    """Move Schematron 1.5 elements into the ISO namespace (in place)."""
    for el in root.iter(f"{{{OLD_NS}}}*"):
        el.tag = _q(etree.QName(el).localname)


def _target(el: etree._Element, href: str) -> tuple[str, str | None]:
    """The local file and fragment id that ``href`` on ``el`` names."""
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]+://", href) and not href.startswith("file:"):
        raise SchemaError(f"{_where(el)}: the Schematron includes {href}, which is remote; "
                          "nothing is fetched from the network: save a local copy and point "
                          "href at it")
    path, _, fragment = href.partition("#")
    base = _file_of(el.base or "")
    full = os.path.normpath(os.path.join(os.path.dirname(base), _file_of(path))) \
        if path else base
    return full, fragment or None


def _load_ref(el: etree._Element, files: list[str]) -> etree._Element:
    href = el.get("href")
    if not href:
        raise SchemaError(f"{_where(el)}: <{etree.QName(el).localname}> has no href")
    path, fragment = _target(el, href)
    files.append(path)
    root = _parse(path, _where(el)).getroot()
    _to_iso(root)
    if fragment is None:
        return root
    for candidate in root.iter():
        if candidate.get("id") == fragment or candidate.get(
                "{http://www.w3.org/XML/1998/namespace}id") == fragment:
            return candidate
    raise SchemaError(f"{_where(el)}: {href} has no element with id {fragment!r}")


def _resolve_includes(root: etree._Element, files: list[str], depth: int = 0) -> None:
    """Replace every ``include`` by the element it names, and every ``extends href`` by the
    children of the rule it names (recursively)."""
    for el in list(root.iter(_q("include"), _q("extends"))):
        if el.tag == _q("extends") and not el.get("href"):
            continue
        if depth > _MAX_INCLUDE_DEPTH:
            raise SchemaError(f"{_where(el)}: includes nested more than {_MAX_INCLUDE_DEPTH} "
                              "deep (a cycle?)")
        found = copy.deepcopy(_load_ref(el, files))
        found.set(XML_BASE, files[-1])  # nested hrefs are relative to the included file
        _resolve_includes(found, files, depth + 1)
        parent = el.getparent()
        if parent is None:
            continue
        index = parent.index(el)
        parent.remove(el)
        if el.tag == _q("extends"):
            for offset, child in enumerate(list(found)):
                parent.insert(index + offset, child)
        else:
            parent.insert(index, found)


def _embedded(doc: etree._ElementTree, path: str) -> etree._Element:
    """A ``schema`` element holding the Schematron embedded in a RELAX NG grammar: every
    pattern, phase and diagnostics, and the ns, let, xsl:function and xsl:key outside them."""
    schema = etree.Element(_q("schema"), nsmap={"sch": ISO_NS})
    schema.set("queryBinding", "xslt2")
    schema.set(XML_BASE, path)
    inside = (_q("pattern"), _q("rule"), _q("phase"))
    for el in doc.getroot().iter(_q("ns"), _q("pattern"), _q("let"), _q("phase"),
                                 _q("diagnostics"), f"{{{XSL_NS}}}function",
                                 f"{{{XSL_NS}}}key"):
        if el.tag in (_q("pattern"), _q("phase"), _q("diagnostics")) or not any(
                a.tag in inside for a in el.iterancestors()):
            schema.append(copy.deepcopy(el))
    return schema  # may be empty: a grammar without rules names no Schematron errors


def _let(el: etree._Element) -> Let:
    name, value = el.get("name"), el.get("value")
    if not name:
        raise SchemaError(f"{_where(el)}: <let> has no name")
    if value is None:
        raise SchemaError(f"{_where(el)}: <let name=\"{name}\"> has no value attribute; "
                          "give the value as an XPath expression in @value")
    return Let(name, value)


def _lets(parent: etree._Element) -> tuple[Let, ...]:
    return tuple(_let(el) for el in parent.findall(_q("let")))


def _text_parts(el: etree._Element) -> list[MessagePart]:
    parts: list[MessagePart] = [el.text or ""]
    for child in el:
        if child.tag == _q("value-of"):
            select = child.get("select")
            if not select:
                raise SchemaError(f"{_where(child)}: <value-of> has no select")
            parts.append(ValueOf(select))
        elif child.tag == _q("name"):
            parts.append(NameOf(child.get("path")))
        elif isinstance(child.tag, str):
            parts.extend(_text_parts(child))  # emph, dir, span, foreign markup: their text
        parts.append(child.tail or "")
    return parts


def _message(el: etree._Element) -> tuple[MessagePart, ...]:
    merged: list[MessagePart] = []
    for part in _text_parts(el):
        if isinstance(part, str) and merged and isinstance(merged[-1], str):
            merged[-1] += part
        elif part != "":
            merged.append(part)
    return tuple(merged)


def _substitute(root: etree._Element, params: dict[str, str]) -> None:
    """Put abstract-pattern parameter values in place of ``$name`` (in place)."""
    if not params:
        return
    names = sorted(params, key=len, reverse=True)
    pattern = re.compile(r"\$(" + "|".join(map(re.escape, names)) + r")(?![\w.\-])")
    for el in root.iter():
        for attr in ("context", "test", "select", "path", "value", "subject"):
            value = el.get(attr)
            if value and "$" in value:
                el.set(attr, pattern.sub(lambda m: params[m.group(1)], value))


class _Reader:
    def __init__(self, root: etree._Element) -> None:
        self.root = root
        self.abstract_rules = {r.get("id"): r for r in root.iter(_q("rule"))
                               if r.get("abstract") == "true" and r.get("id")}
        self.abstract_patterns = {p.get("id"): p for p in root.iter(_q("pattern"))
                                  if p.get("abstract") == "true" and p.get("id")}
        self.diagnostics = {d.get("id"): _message(d) for d in root.iter(_q("diagnostic"))
                            if d.get("id")}

    def diagnostics_of(self, check: etree._Element) -> tuple[tuple[MessagePart, ...], ...]:
        found = []
        for ident in (check.get("diagnostics") or "").split():
            if ident not in self.diagnostics:
                raise SchemaError(f"{_where(check)}: diagnostics names {ident!r}, which no "
                                  "<diagnostic> has as id")
            found.append(self.diagnostics[ident])
        return tuple(found)

    def rule_body(self, rule: etree._Element, seen: tuple[str, ...] = ()) -> tuple[
            list[Let], list[Check]]:
        lets: list[Let] = []
        checks: list[Check] = []
        for child in rule:
            if child.tag == _q("let"):
                lets.append(_let(child))
            elif child.tag in (_q("assert"), _q("report")):
                test = child.get("test")
                if test is None:
                    raise SchemaError(f"{_where(child)}: <{etree.QName(child).localname}> "
                                      "has no test")
                checks.append(Check(etree.QName(child).localname, test, _message(child),
                                    child.get("role"), child.get("id"),
                                    child.get("subject"), self.diagnostics_of(child),
                                    _where(child)))
            elif child.tag == _q("extends"):
                target = child.get("rule")
                base = self.abstract_rules.get(target)
                if base is None:
                    raise SchemaError(f"{_where(child)}: <extends rule=\"{target}\"> names "
                                      "no abstract rule")
                if target in seen:
                    raise SchemaError(f"{_where(child)}: abstract rule {target!r} extends "
                                      "itself")
                more_lets, more_checks = self.rule_body(base, (*seen, str(target)))
                lets.extend(more_lets)
                checks.extend(more_checks)
        return lets, checks

    def pattern(self, el: etree._Element) -> Pattern:
        if el.get("is-a"):
            base = self.abstract_patterns.get(el.get("is-a"))
            if base is None:
                raise SchemaError(f"{_where(el)}: <pattern is-a=\"{el.get('is-a')}\"> names "
                                  "no abstract pattern")
            params = {p.get("name", ""): p.get("value", "") for p in el.findall(_q("param"))}
            instance = copy.deepcopy(base)
            _substitute(instance, params)
            instance.set("id", el.get("id") or base.get("id", ""))
            return self.pattern(instance)
        rules = []
        for rule in el.findall(_q("rule")):
            if rule.get("abstract") == "true":
                continue
            context = rule.get("context")
            if not context:
                raise SchemaError(f"{_where(rule)}: <rule> has no context")
            lets, checks = self.rule_body(rule)
            rules.append(Rule(context, tuple(lets), tuple(checks), rule.get("id"),
                              rule.get("subject"), _where(rule)))
        return Pattern(tuple(rules), _lets(el), el.get("id"), el.get("name"))


def _model(root: etree._Element, files: list[str], path: str) -> SchemaModel:
    binding = (root.get("queryBinding") or "xslt2").strip().lower()
    if binding not in BINDINGS:
        raise SchemaError(f'{path}: Schematron queryBinding "{binding}" is not supported; '
                          f"use one of {', '.join(sorted(BINDINGS))}")
    model = SchemaModel(query_binding=binding, files=files)
    for ns in root.iter(_q("ns")):
        prefix, uri = ns.get("prefix"), ns.get("uri")
        if not prefix or uri is None:
            raise SchemaError(f"{_where(ns)}: <ns> needs a prefix and a uri")
        model.namespaces[prefix] = uri
    model.lets = list(_lets(root))
    reader = _Reader(root)
    for el in root.iter(_q("pattern")):
        if el.get("abstract") != "true":
            model.patterns.append(reader.pattern(el))
    for el in root.iter(_q("phase")):
        phase_id = el.get("id")
        if not phase_id:
            raise SchemaError(f"{_where(el)}: <phase> has no id")
        active = tuple(a.get("pattern", "") for a in el.findall(_q("active")))
        model.phases[phase_id] = Phase(phase_id, active, _lets(el))
    model.default_phase = root.get("defaultPhase")
    for el in root:
        if el.tag in (f"{{{XSL_NS}}}function", f"{{{XSL_NS}}}key"):
            model.xslt.append(etree.tostring(el, encoding="unicode", with_tail=False))
        elif el.tag == _q("key"):  # Schematron 1.5
            key = etree.Element(f"{{{XSL_NS}}}key", nsmap=el.nsmap)
            for src, dst in (("name", "name"), ("match", "match"), ("path", "use")):
                key.set(dst, el.get(src, ""))
            model.xslt.append(etree.tostring(key, encoding="unicode"))
    return model


def read_schema(path: str, embedded: bool = False) -> SchemaModel:
    """Read the Schematron in ``path``; ``embedded``: the one inside a RELAX NG grammar."""
    path = os.path.abspath(path)
    doc = _parse(path)
    root = doc.getroot()
    files = [path]
    if embedded or root.tag.startswith(f"{{{RNG_NS}}}"):
        _to_iso(root)
        root = _embedded(doc, path)
        _resolve_includes(root, files)
    else:
        if root.tag not in (_q("schema"), f"{{{OLD_NS}}}schema"):
            raise SchemaError(f"{path}: not a Schematron schema (root element {root.tag})")
        old = root.tag == f"{{{OLD_NS}}}schema"
        _to_iso(root)
        _resolve_includes(root, files)
        if old:
            root.set("queryBinding", "xslt2")
    return _model(root, files, path)

"""Run a compiled Schematron on a parsed document and turn what fires into issues."""

from __future__ import annotations

import os
from typing import Any

from lxml import etree

from ...xml.safety import make_parser
from ..positions import Locator, attr_name, xpath_of
from ..report import Issue
from . import saxon
from .compiler import CheckInfo, compile_model
from .model import SchemaModel
from .reader import read_schema

#: Roles that make a warning; any other role (or none) makes an error.
WARNING_ROLES = frozenset({"warning", "info", "information"})


def _hint(info: CheckInfo) -> str:
    names = [f"{what} {ident}" for what, ident in (
        ("pattern", info.pattern.id or info.pattern.name), ("rule", info.rule.id),
        (info.check.kind, info.check.id)) if ident]
    return "; ".join([*names, f"context: {info.rule.context}", f"test: {info.check.test}"])


def _text(record: etree._Element) -> str:
    """A record's message with normalised whitespace, its diagnostics after it."""
    main = " ".join("".join([record.text or "", *(
        c.tail or "" for c in record)]).split())
    notes = [" ".join("".join(d.itertext()).split()) for d in record.iter("d")]
    return " ".join([main, *(f"({n})" for n in notes if n)]).strip()


class _Nodes:
    """Finds the lxml element for a child-position path (``1/3/2``) of the stylesheet's."""

    def __init__(self, root: etree._Element) -> None:
        self.root = root
        self.found: dict[str, etree._Element] = {}

    def element(self, path: str) -> etree._Element | None:
        if not path:
            return None
        if path in self.found:
            return self.found[path]
        head, _, last = path.rpartition("/")
        if not head:
            element: etree._Element | None = self.root
        else:
            parent = self.element(head)
            children = [c for c in parent if isinstance(c.tag, str)] if parent is not None \
                else []
            index = int(last) - 1
            element = children[index] if 0 <= index < len(children) else None
        if element is not None:
            self.found[path] = element
        return element


class Schematron:
    """One Schematron schema, compiled once: :meth:`check` runs it on a document."""

    def __init__(self, path: str, *, embedded: bool = False, phase: str | None = None) -> None:
        self.path = path
        self.phase = phase
        self.model: SchemaModel = read_schema(path, embedded)
        saxon.saxon_module()  # say how to install Saxon before any work is wasted
        self.program = compile_model(self.model, phase)
        self.executable: Any = saxon.compile_xslt(self.program.xslt, path,
                                                  self.program.origins)

    def run(self, tree: etree._ElementTree) -> etree._Element:
        """The raw records (``<out><r .../>...</out>``) for one document."""
        xml = etree.tostring(tree.getroot(), encoding="unicode")
        output = saxon.run(self.executable, xml)
        return etree.fromstring(output.encode("utf-8"), make_parser())

    def check(self, tree: etree._ElementTree, locator: Locator) -> list[Issue]:
        """One issue per failed assert or successful report, at the node's position."""
        try:
            records = self.run(tree)
        except saxon.RunFailed as exc:
            file, line, column = locator.locate(tree.getroot())
            return [Issue(file=file, line=line, column=column, severity="error", code="TK110",
                          message=f"the Schematron {os.path.basename(self.path)} stopped on "
                                  f"this document: {exc}",
                          hint="a variable (let) or function of the schema raised an error")]
        nodes = _Nodes(tree.getroot())
        return [self._issue(record, nodes, locator) for record in records]

    def _issue(self, record: etree._Element, nodes: _Nodes, locator: Locator) -> Issue:
        path = record.get("p", "")
        element = nodes.element(path)
        kind, name, before = record.get("k"), record.get("n"), int(record.get("s", "0"))
        attribute = attr_name(element, name) if element is not None and kind == "a" \
            and name else None
        if kind == "t" and before:  # text after the parent's ``before``-th child element
            file, line, column = locator.locate(nodes.element(f"{path}/{before}"), tail=True)
        else:
            file, line, column = locator.locate(element, attribute=attribute,
                                                text=kind == "t")
        xpath = xpath_of(element) if element is not None else None
        text = _text(record)
        info = self.program.checks[int(record.get("c", "0"))]
        if record.tag == "x":
            return Issue(file=file, line=line, column=column, severity="error", code="TK110",
                         message=f"a Schematron test failed to run here: {text}",
                         hint=f"{_hint(info)}; fix the test's XPath", xpath=xpath)
        role = (info.check.role or "").strip().lower()
        default = "assertion failed" if info.check.kind == "assert" else "report"
        return Issue(file=file, line=line, column=column, code="TK110",
                     severity="warning" if role in WARNING_ROLES else "error",
                     message=text or f"Schematron {default}: {info.check.test}",
                     hint=_hint(info), xpath=xpath)

"""Every RELAX NG error of an invalid document, not just the first.

libxml2 gives the verdict, but after the first error in a content model it often stops, or
blames the ancestors of the real problem ("div is not allowed in <text>" for a stray element
deep inside that div). This module checks each element on its own against what the grammar
allows for its name (merged over every definition of the name): child element names,
attribute names, required attributes and enumerated attribute values. These findings are
errors wherever they occur; libxml2's messages are kept for what they cannot see (order,
cardinality, text), except those about an element that contains such a finding, which are
its echoes. It runs only on documents libxml2 has already found invalid.

The analysis is conservative: a grammar using ``include``, ``externalRef`` or nested
grammars, an element or attribute named by a wildcard, or a value given by a datatype, is
never the ground for a finding.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from .grammar import RNG_NS

_R = f"{{{RNG_NS}}}"
XML_NS = "{http://www.w3.org/XML/1998/namespace}"
#: Patterns below which an attribute is not required.
_OPTIONAL = {f"{_R}optional", f"{_R}zeroOrMore", f"{_R}choice"}
_WALKED = {f"{_R}{t}" for t in ("group", "interleave", "oneOrMore", "mixed", "optional",
                                 "zeroOrMore", "choice")}


def _local(name: str) -> str:
    name = name.strip()
    return name if name.startswith("xml:") else name.split(":")[-1]


def attribute_key(key: str) -> str:
    """A document attribute as the table names it: ``xml:id``, or the local name."""
    if key.startswith(XML_NS):
        return "xml:" + key[len(XML_NS):]
    return key.rsplit("}", 1)[-1]


@dataclass
class Decl:
    """What one element name allows (merged over its definitions)."""

    children: set[str] = field(default_factory=set)
    any_child: bool = False
    attributes: set[str] = field(default_factory=set)
    any_attribute: bool = False
    required: set[str] = field(default_factory=set)
    #: attribute -> allowed values (None: any value); ``lists``: values are token lists
    values: dict[str, frozenset[str] | None] = field(default_factory=dict)
    lists: set[str] = field(default_factory=set)

    def merge(self, other: Decl) -> None:
        for name in other.attributes:
            mine, theirs = self.values.get(name), other.values.get(name)
            if name not in self.attributes:
                self.values[name] = theirs
            else:
                self.values[name] = None if mine is None or theirs is None else mine | theirs
        self.required &= other.required
        self.children |= other.children
        self.any_child |= other.any_child
        self.attributes |= other.attributes
        self.any_attribute |= other.any_attribute
        self.lists |= other.lists


@dataclass(frozen=True)
class Finding:
    """A problem found on one element, phrased as libxml2 would (for :mod:`.explain`)."""

    element: etree._Element
    message: str


class LocalChecker:
    """The per-name table of a RELAX NG grammar, and the check of a document against it."""

    def __init__(self, doc: etree._ElementTree) -> None:
        root = doc.getroot()
        self.usable = not any(True for _ in root.iter(
            f"{_R}include", f"{_R}externalRef", f"{_R}parentRef")) and \
            sum(1 for _ in root.iter(f"{_R}grammar")) <= 1
        self.defines: dict[str, list[etree._Element]] = {}
        for d in root.iter(f"{_R}define"):
            self.defines.setdefault(d.get("name", ""), []).append(d)
        self.table: dict[str, Decl] = {}
        if not self.usable:
            return
        for el in root.iter(f"{_R}element"):
            name = el.get("name")
            if not name:
                continue
            decl = Decl()
            self._walk(el, decl, False, set())  # each define visited once per context
            key = _local(name)
            if key in self.table:
                self.table[key].merge(decl)
            else:
                self.table[key] = decl

    def _walk(self, node: etree._Element, decl: Decl, optional: bool,
              seen: set[tuple[str, bool]]) -> None:
        for child in node:
            tag = child.tag
            if tag == f"{_R}element":
                if child.get("name"):
                    decl.children.add(_local(child.get("name", "")))
                else:
                    decl.any_child = True
            elif tag == f"{_R}attribute":
                self._attribute(child, decl, optional)
            elif tag == f"{_R}ref":
                name = child.get("name", "")
                if (name, optional) in seen:
                    continue
                seen.add((name, optional))
                for d in self.defines.get(name, []):
                    self._walk(d, decl, optional, seen)
            elif tag in _WALKED:
                self._walk(child, decl, optional or tag in _OPTIONAL, seen)

    def _attribute(self, node: etree._Element, decl: Decl, optional: bool) -> None:
        name = node.get("name")
        if name is None:
            first = node.find(f"{_R}name")
            if first is None or not first.text:
                decl.any_attribute = True
                return
            name = first.text
        key = _local(name)
        values, is_list = self._values(node, set())
        if key in decl.attributes:
            old = decl.values.get(key)
            decl.values[key] = None if old is None or values is None else old | values
        else:
            decl.values[key] = values
        decl.attributes.add(key)
        if is_list:
            decl.lists.add(key)
        if not optional:
            decl.required.add(key)

    def _values(self, node: etree._Element, seen: set[str]) -> tuple[frozenset[str] | None,
                                                                      bool]:
        """The values an attribute pattern allows (None: any), and whether it is a list."""
        out: set[str] = set()
        is_list = False
        content = [c for c in node if isinstance(c.tag, str) and c.tag.startswith(_R)
                   and c.tag != f"{_R}name"]  # annotations in other namespaces aside
        if not content:
            return None, False  # <attribute name="x"/> means text
        for child in content:
            tag = child.tag
            if tag == f"{_R}value":
                out.add(" ".join((child.text or "").split()))
            elif tag == f"{_R}empty":
                out.add("")
            elif tag == f"{_R}ref":
                name = child.get("name", "")
                if name in seen:
                    return None, False
                for d in self.defines.get(name, []):
                    got, inner = self._values(d, seen | {name})
                    if got is None:
                        return None, False
                    out |= got
                    is_list |= inner
            elif tag == f"{_R}list" or tag in _WALKED:
                got, inner = self._values(child, seen)
                if got is None:
                    return None, False
                out |= got
                is_list |= inner or tag == f"{_R}list"
            else:  # data, text, anything else: no fixed set
                return None, False
        return frozenset(out), is_list

    def check(self, tree: etree._ElementTree) -> list[Finding]:
        """Problems of single elements, in document order."""
        if not self.usable or not self.table:
            return []
        return list(self._check(tree.getroot(), None))

    def _check(self, element: etree._Element, parent: Decl | None) -> Iterator[Finding]:
        name = etree.QName(element).localname
        decl = self.table.get(name)
        if parent is not None and not parent.any_child and name not in parent.children:
            yield Finding(element, f"Did not expect element {name} there")
            return  # its content is not checked: the element itself is the error
        if decl is None:
            if parent is not None and not parent.any_child:
                yield Finding(element, f"Did not expect element {name} there")
            return
        owner = name
        present = set()
        for key, value in element.attrib.items():
            attr = attribute_key(key)
            present.add(attr)
            if attr not in decl.attributes:
                if not decl.any_attribute and not key.startswith("{http://www.w3.org/2000/"
                                                                 "xmlns/"):
                    yield Finding(element, f"Element '{owner}', attribute '{attr}': The "
                                           f"attribute '{attr}' is not allowed.")
                continue
            allowed = decl.values.get(attr)
            if allowed is None:
                continue
            tokens = value.split() if attr in decl.lists else [" ".join(value.split())]
            bad = next((t for t in tokens if t not in allowed), None)
            if bad is not None:
                shown = ", ".join(f"'{v}'" for v in sorted(allowed))
                yield Finding(element, f"Element '{owner}', attribute '{attr}': [facet "
                                       f"'enumeration'] The value '{bad}' is not an element "
                                       f"of the set {{{shown}}}.")
        for attr in sorted(decl.required - present):
            yield Finding(element, f"Element '{owner}': The attribute '{attr}' is required "
                                   "but missing.")
        for child in element:
            if isinstance(child.tag, str):
                yield from self._check(child, decl)

"""What a schema allows where: per element name, its attributes and child elements.

Used only to explain a failure ("did you mean persName?", "expected head"); verdicts come
from libxml2. Built from a RELAX NG grammar by walking each element pattern through its
``ref``s (without entering nested elements), or from an XSD via xmlschema's components.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from dataclasses import dataclass, field

from lxml import etree

RNG_NS = "http://relaxng.org/ns/structure/1.0"
_R = f"{{{RNG_NS}}}"


@dataclass
class Allowed:
    """Names (local, or ``prefix:local`` for xml:*) allowed on and in one element name."""

    attributes: set[str] = field(default_factory=set)
    children: set[str] = field(default_factory=set)


def _local(name: str) -> str:
    name = name.strip()
    return name if name.startswith("xml:") else name.split(":")[-1]


class Grammar:
    """Element name -> :class:`Allowed`, merged over every declaration of that name."""

    def __init__(self, table: dict[str, Allowed]) -> None:
        self.table = table
        self.elements = sorted(table)

    def parents(self, element: str) -> list[str]:
        """Element names whose content may contain ``element``, sorted."""
        return sorted(n for n, a in self.table.items() if element in a.children)

    def allowed(self, element: str) -> Allowed | None:
        return self.table.get(element)

    def suggest(self, wrong: str, candidates: set[str] | list[str]) -> str | None:
        """The nearest name among ``candidates`` for a misspelt ``wrong``, if any is close."""
        pool = sorted(c for c in candidates if c != wrong)
        lowered = {c.lower(): c for c in pool}
        if wrong.lower() in lowered:
            return lowered[wrong.lower()]
        limit = max(1, len(wrong) // 3)
        near = sorted((distance(wrong.lower(), c.lower()), c) for c in pool)
        if near and near[0][0] <= limit:
            return near[0][1]
        match = difflib.get_close_matches(wrong, pool, n=1, cutoff=0.75)
        return match[0] if match else None

    @classmethod
    def from_rng(cls, doc: etree._ElementTree) -> Grammar:
        """Analyse a RELAX NG grammar (XML syntax)."""
        defines: dict[str, list[etree._Element]] = defaultdict(list)
        for d in doc.getroot().iter(f"{_R}define"):
            defines[d.get("name", "")].append(d)
        memo: dict[str, Allowed] = {}

        def walk(node: etree._Element, into: Allowed, seen: set[str]) -> None:
            for child in node:
                tag = child.tag
                if tag == f"{_R}element":
                    name = child.get("name")
                    if name:
                        into.children.add(_local(name))
                    continue
                if tag == f"{_R}attribute":
                    name = child.get("name")
                    if name is None:
                        n = child.find(f"{_R}name")
                        name = n.text if n is not None else None
                    if name:
                        into.attributes.add(_local(name))
                    continue
                if tag in (f"{_R}ref", f"{_R}parentRef"):
                    into_def = define(child.get("name", ""), seen)
                    into.attributes |= into_def.attributes
                    into.children |= into_def.children
                    continue
                if isinstance(tag, str) and tag.startswith(_R) and tag not in (
                        f"{_R}data", f"{_R}value", f"{_R}name", f"{_R}anyName", f"{_R}nsName"):
                    walk(child, into, seen)

        def define(name: str, seen: set[str]) -> Allowed:
            if name in memo:
                return memo[name]
            if name in seen:
                return Allowed()
            result = Allowed()
            for d in defines.get(name, []):
                walk(d, result, seen | {name})
            memo[name] = result
            return result

        table: dict[str, Allowed] = defaultdict(Allowed)
        for el in doc.getroot().iter(f"{_R}element"):
            name = el.get("name")
            if not name:
                continue
            got = Allowed()
            walk(el, got, set())
            entry = table[_local(name)]
            entry.attributes |= got.attributes
            entry.children |= got.children
        return cls(dict(table))

    @classmethod
    def from_xsd(cls, path: str) -> Grammar:
        """Analyse an XSD with xmlschema (imported only here: it is slow to load)."""
        import xmlschema

        schema = xmlschema.XMLSchema(path)
        table: dict[str, Allowed] = defaultdict(Allowed)
        for comp in schema.iter_components(xmlschema.XsdElement):
            name = getattr(comp, "local_name", None)
            if not name:
                continue
            entry = table[name]
            attrs = getattr(comp, "attributes", None) or {}
            for key in attrs:
                if key:
                    entry.attributes.add(_clark_to_name(key))
            content = getattr(getattr(comp, "type", None), "content", None)
            if content is not None and hasattr(content, "iter_elements"):
                for sub in content.iter_elements():
                    if getattr(sub, "local_name", None):
                        entry.children.add(sub.local_name)
        return cls(dict(table))


def distance(a: str, b: str) -> int:
    """Edit distance counting a swap of two neighbouring letters as one edit."""
    rows = [list(range(len(b) + 1))]
    for i, ca in enumerate(a, 1):
        row = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            row[j] = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                row[j] = min(row[j], rows[-2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1]


def _clark_to_name(key: str) -> str:
    if key.startswith("{http://www.w3.org/XML/1998/namespace}"):
        return "xml:" + key.split("}", 1)[1]
    return key.split("}", 1)[-1]

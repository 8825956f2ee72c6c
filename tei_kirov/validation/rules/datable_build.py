"""Generate ``tei_kirov/data/datable.json``: which TEI elements carry which attributes of
``att.datable.w3c`` and ``att.datable.iso``, read from a TEI RELAX NG schema (tei_all).

Run ``python -m tei_kirov.validation.rules.datable_build PATH/tei_all.rng`` (``--check``
compares instead of writing). The date rules read the table, so that ``locus/@from="1r"``
or ``biblScope/@from="747"`` (folios and pages, not dates) are never checked as dates.
"""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from importlib import resources
from pathlib import Path

from lxml import etree

from ...xml.safety import parse_bytes

RNG = "{http://relaxng.org/ns/structure/1.0}"
TEI_NS = "http://www.tei-c.org/ns/1.0"
#: ``att.datable.w3c.attribute.when`` -> ("w3c", "when"); the same for ``.iso``.
_ATTRIBUTE_DEFINE = re.compile(r"^att\.datable\.(w3c|iso)\.attribute\.([\w-]+)$")
TABLE = "datable.json"


def table_path() -> Path:
    """Where the table ships: the package's ``data`` folder."""
    return Path(str(resources.files("tei_kirov") / "data" / TABLE))


def _version(root: etree._Element) -> str:
    for node in root.iter(etree.Comment):
        found = re.search(r"TEI Edition: P5 Version\s*(\d[\d.]*\d)", node.text or "")
        if found:
            return found.group(1)
    return "unknown version"


def build(rng: Path) -> dict[str, object]:
    """The table for the grammar in ``rng``: element -> {"w3c": [...], "iso": [...]}."""
    root = parse_bytes(rng.read_bytes(), str(rng)).getroot()
    defines: dict[str, list[etree._Element]] = defaultdict(list)
    for d in root.iter(f"{RNG}define"):
        defines[d.get("name", "")].append(d)
    memo: dict[str, set[tuple[str, str]]] = {}

    def reach(node: etree._Element, seen: frozenset[str]) -> set[tuple[str, str]]:
        found: set[tuple[str, str]] = set()
        for child in node:
            if child.tag == f"{RNG}element":
                continue  # a nested element's attributes are its own
            if child.tag == f"{RNG}ref":
                found |= define(child.get("name", ""), seen)
            elif isinstance(child.tag, str):
                found |= reach(child, seen)
        return found

    def define(name: str, seen: frozenset[str]) -> set[tuple[str, str]]:
        if name in memo:
            return memo[name]
        if name in seen:
            return set()
        attribute = _ATTRIBUTE_DEFINE.match(name)
        found = {(attribute.group(1), attribute.group(2))} if attribute else set()
        for d in defines.get(name, []):
            found |= reach(d, seen | {name})
        memo[name] = found
        return found

    elements: dict[str, dict[str, list[str]]] = {}
    for el in root.iter(f"{RNG}element"):
        name = el.get("name")
        if not name or _namespace(el) != TEI_NS:
            continue
        found = reach(el, frozenset())
        if found:
            entry = elements.setdefault(name, {"w3c": [], "iso": []})
            for kind, attribute in sorted(found):
                if attribute not in entry[kind]:
                    entry[kind].append(attribute)
    return {"source": f"{rng.name}, TEI P5 {_version(root)}",
            "elements": dict(sorted(elements.items()))}


def _namespace(el: etree._Element) -> str | None:
    for node in (el, *el.iterancestors()):
        if node.get("ns") is not None:
            return node.get("ns")
    return None


def render(table: dict[str, object]) -> str:
    """The table as committed: one element per line, so that diffs stay readable."""
    elements = table["elements"]
    assert isinstance(elements, dict)
    lines = [f'{json.dumps(k)}: {json.dumps(v, separators=(", ", ": "))}'
             for k, v in elements.items()]
    return ('{"source": ' + json.dumps(table["source"]) + ',\n "elements": {\n  '
            + ",\n  ".join(lines) + "\n }\n}\n")


def main(argv: list[str] | None = None) -> int:
    """Write (or with ``--check``, compare) the table; the only argument is the RNG path."""
    args = list(sys.argv[1:] if argv is None else argv)
    check = "--check" in args
    paths = [a for a in args if a != "--check"]
    if len(paths) != 1:
        print("usage: python -m tei_kirov.validation.rules.datable_build [--check] "
              "PATH/tei_all.rng", file=sys.stderr)
        return 2
    text = render(build(Path(paths[0])))
    target = table_path()
    if check:
        same = target.exists() and target.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{target} differs from {paths[0]}; rebuild it")
        return 0 if same else 1
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

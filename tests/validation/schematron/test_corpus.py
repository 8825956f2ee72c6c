"""The engine against the reference: on every shared corpus file that declares a Schematron,
the same count of errors and warnings as Saxon-HE with SchXslt (PROJECT-VERDICTS.tsv)."""

from __future__ import annotations

import csv
import os
import re
from pathlib import Path

from lxml import etree

from tei_kirov.validation import load_schema, validate

SCH_TYPE = "http://purl.oclc.org/dsdl/schematron"
_PSEUDO = re.compile(r'(\w+)\s*=\s*(?:"([^"]*)"|\'([^\']*)\')')


def _catalog(shared: Path) -> dict[str, str]:
    path = shared / "schema-catalog" / "catalog.xml"
    root = etree.parse(str(path)).getroot()
    return {el.get("name"): str((path.parent / el.get("uri")).resolve())
            for el in root.iter("{urn:oasis:names:tc:entity:xmlns:xml:catalog}uri")}


def _declared(path: Path, catalog: dict[str, str]) -> list[str]:
    """The Schematron schemas a file's <?xml-model?> PIs name, as local paths."""
    root = etree.parse(str(path)).getroot()
    found = []
    for node in root.itersiblings(preceding=True):
        if isinstance(node, etree._ProcessingInstruction) and node.target == "xml-model":
            attrs = {m.group(1): m.group(2) or m.group(3)
                     for m in _PSEUDO.finditer(node.text or "")}
            if attrs.get("schematypens") == SCH_TYPE:
                href = attrs["href"]
                found.append(catalog.get(href) or os.path.normpath(path.parent / href))
    return found


def _rows(shared: Path) -> list[dict[str, str]]:
    with open(shared / "corpus" / "PROJECT-VERDICTS.tsv", encoding="utf-8") as handle:
        return [row for row in csv.DictReader(handle, delimiter="\t")
                if "sch:" in row["schemas"]]


def test_counts_match_the_reference(shared: Path) -> None:
    catalog = _catalog(shared)
    rows = _rows(shared)
    assert len(rows) >= 100
    wrong = []
    for row in rows:
        path = shared / "corpus" / row["local_path"]
        schemas = [load_schema(s, kind="schematron") for s in _declared(path, catalog)]
        assert schemas, f"{path} declares no Schematron"
        issues = [i for i in validate(str(path), schemas=schemas, rules=False).issues
                  if i.code == "TK110"]
        counts = (sum(i.severity == "error" for i in issues),
                  sum(i.severity == "warning" for i in issues))
        expected = (int(row["sch_errors"]), int(row["sch_warnings"]))
        if counts != expected:
            wrong.append(f"{row['local_path']}: {counts} != {expected}")
    assert wrong == []

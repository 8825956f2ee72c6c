"""Two ways to run Schematron on saxonche, measured on the shared corpus (issue 13).

(a) the compiler (``tei_kirov.validation.schematron``): one XSLT 3 stylesheet per schema,
    compiled once, run per document;
(b) an evaluator prototype, kept here only to be measured: each rule's context is found
    with Saxon's XPath processor (``//(context) except`` the earlier rules' nodes, for the
    first-match semantics), then each test is evaluated on each context node.

Both read the schema through the same reader; the table gives per-document milliseconds,
the count of findings (which must agree) and the one-off preparation time.

    python -m benchmarks.schematron_engines [--files N]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from lxml import etree

from tei_kirov.validation.schematron import Schematron, saxon
from tei_kirov.validation.schematron.compiler import active_patterns
from tei_kirov.validation.schematron.model import SchemaModel
from tei_kirov.validation.schematron.reader import read_schema
from tei_kirov.xml.safety import parse_bytes

from .common import CORPUS, SHARED

CASES = [
    ("ELTeC embedded (eltec-1.rng)", CORPUS / "Schemas" / "eltec-1.rng", True,
     "COST-ELTeC__ELTeC-*/level1/*.xml"),
    ("tei_all.isosch on ELTeC", SHARED / "tei" / "tei_all.isosch", False,
     "COST-ELTeC__ELTeC-*/level1/*.xml"),
    ("Schnitzler .sch (xslt2)", CORPUS / "arthur-schnitzler__schnitzler-briefe-data" / "data"
     / "meta" / "schnitzler-briefe-schematron.sch", False,
     "arthur-schnitzler__schnitzler-briefe-data/data/editions/*.xml"),
    ("tei_all.isosch on Schnitzler", SHARED / "tei" / "tei_all.isosch", False,
     "arthur-schnitzler__schnitzler-briefe-data/data/editions/*.xml"),
]


def _with_lets(lets: list[tuple[str, str]], expression: str) -> str:
    for name, value in reversed(lets):
        expression = f"let ${name} := ({value}) return ({expression})"
    return expression


class Evaluator:
    """The prototype (b): XPath calls from Python for every rule and test."""

    def __init__(self, model: SchemaModel) -> None:
        self.model = model
        self.patterns = active_patterns(model, None)
        self.proc = saxon.processor()

    def _xpath(self, context: Any) -> Any:
        xp = self.proc.new_xpath_processor()
        for prefix, uri in self.model.namespaces.items():
            xp.declare_namespace(prefix, uri)
        xp.set_context(xdm_item=context)
        return xp

    def count(self, tree: etree._ElementTree) -> int:
        xml = etree.tostring(tree.getroot(), encoding="unicode")
        doc = self.proc.parse_xml(xml_text=xml)
        top = [(let.name, let.value) for let in self.model.lets]
        fired = 0
        for pattern in self.patterns:
            lets = top + [(let.name, let.value) for let in pattern.lets]
            earlier: list[str] = []
            for rule in pattern.rules:
                path = rule.context if rule.context.startswith("/") else f"//({rule.context})"
                chosen = f"({path})" + (f" except ({' | '.join(earlier)})" if earlier else "")
                earlier.append(path)
                nodes = self._xpath(doc).evaluate(_with_lets(lets, chosen))
                for i in range(nodes.size if nodes is not None else 0):
                    node = nodes.item_at(i)
                    xp = self._xpath(node)
                    rule_lets = lets + [(let.name, let.value) for let in rule.lets]
                    for check in rule.checks:
                        test = check.test.replace("current()", "$current")  # XSLT only
                        result = xp.effective_boolean_value(
                            _with_lets([("current", "."), *rule_lets], test))
                        fired += result if check.kind == "report" else not result
        return fired


def _best(fn: Any, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=5, help="documents per case")
    args = parser.parse_args()
    print("| case | files | (a) compiler: prepare | (a) ms/doc | (b) evaluator: prepare "
          "| (b) ms/doc | findings a / b |")
    print("|---|---|---|---|---|---|---|")
    for label, schema, embedded, pattern in CASES:
        files = sorted(CORPUS.glob(pattern))[:args.files]
        trees = [parse_bytes(Path(f).read_bytes(), str(f)) for f in files]
        start = time.perf_counter()
        compiled = Schematron(str(schema), embedded=embedded)
        prep_a = time.perf_counter() - start
        start = time.perf_counter()
        evaluator = Evaluator(read_schema(str(schema), embedded))
        prep_b = time.perf_counter() - start
        found_a = sum(len(compiled.run(t)) for t in trees)
        found_b = sum(evaluator.count(t) for t in trees)
        time_a = _best(lambda c=compiled, ts=trees: [c.run(t) for t in ts]) / len(trees)
        time_b = _best(lambda e=evaluator, ts=trees: [e.count(t) for t in ts], 1) / len(trees)
        print(f"| {label} | {len(trees)} | {prep_a * 1000:.0f} ms | {time_a * 1000:.1f} "
              f"| {prep_b * 1000:.0f} ms | {time_b * 1000:.1f} | {found_a} / {found_b} |")


if __name__ == "__main__":
    main()

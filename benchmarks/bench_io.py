"""Read (bytes -> models) and write (models -> bytes) against the practical limits.

For each input, in one process and one run:

* ``lxml parse``: ``etree.fromstring`` with the reader's own safe parser;
* ``lxml parse + walk``: the same, then a Python loop that touches every node's tag, text,
  tail and attributes: the floor for any Python object model of the document;
* ``lxml tostring``: serialising the parsed tree;
* ``tei_kirov read``/``write``: :func:`tei_kirov.parse` and :func:`tei_kirov.to_bytes`.

Targets (issue 6): read >= 1/3 the speed of parse + walk; write >= 1/10 the speed of
tostring; both lossless (checked here too: read -> write is C14N-equal to the input).
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from .common import Context, Input, Row, best_of

READ_TARGET = 1 / 3
WRITE_TARGET = 1 / 10


def walk(root: etree._Element) -> int:
    """Touch every node's tag, text, tail and attributes (the Python floor for a reader)."""
    count = 0
    for node in root.iter():
        node.tag  # noqa: B018 - touching is the point
        node.text  # noqa: B018
        node.tail  # noqa: B018
        for _name, _value in node.items():
            count += 1
    return count


def c14n(data: bytes) -> bytes:
    """Canonical XML of ``data`` (comments kept)."""
    parser = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True)
    return etree.tostring(etree.fromstring(data, parser).getroottree(), method="c14n",
                          with_comments=True)


def measure(item: Input, repeats: int) -> dict[str, float | bool]:
    """Best-of-``repeats`` seconds for the floors and for tei_kirov on one input."""
    import tei_kirov
    from tei_kirov.xml.safety import make_parser

    data = item.data
    parser = make_parser()
    tree = etree.fromstring(data, parser).getroottree()
    doc = tei_kirov.parse(data)
    out = tei_kirov.to_bytes(doc)
    result: dict[str, Any] = {
        "lxml_parse": best_of(lambda: etree.fromstring(data, parser), repeats),
        "lxml_walk": best_of(lambda: walk(etree.fromstring(data, parser)), repeats),
        "lxml_tostring": best_of(lambda: etree.tostring(tree, encoding="UTF-8"), repeats),
        "read": best_of(lambda: tei_kirov.parse(data), repeats),
        "write": best_of(lambda: tei_kirov.to_bytes(doc), repeats),
        "lossless": c14n(out) == c14n(data) and tei_kirov.parse(out) == doc,
        "identical": out == data,
    }
    return result


def run(ctx: Context) -> list[Row]:
    """Rows for every input: MB/s of each step and the two target ratios."""
    rows: list[Row] = []
    for item in ctx.inputs:
        m = measure(item, ctx.repeats)
        mb = item.mb
        lossless = "lossless" if m["lossless"] else "NOT lossless"
        if m["identical"]:
            lossless += ", byte-identical"
        for key, label in (("lxml_parse", "lxml parse"), ("lxml_walk", "lxml parse + walk"),
                           ("lxml_tostring", "lxml tostring")):
            rows.append(Row("io", item.name, label, mb / m[key], "MB/s",
                            note=f"{m[key] / mb * 1000:.1f} ms/MB"))
        read_ratio = m["lxml_walk"] / m["read"]
        rows.append(Row("io", item.name, "tei_kirov read", mb / m["read"], "MB/s",
                        ratio=read_ratio, baseline="lxml parse + walk", target=">= 0.33",
                        met=read_ratio >= READ_TARGET and bool(m["lossless"]),
                        note=f"{m['read'] / mb * 1000:.1f} ms/MB; "
                             f"x{m['lxml_parse'] / m['read']:.2f} of plain parse; {lossless}"))
        write_ratio = m["lxml_tostring"] / m["write"]
        rows.append(Row("io", item.name, "tei_kirov write", mb / m["write"], "MB/s",
                        ratio=write_ratio, baseline="lxml tostring", target=">= 0.10",
                        met=write_ratio >= WRITE_TARGET,
                        note=f"{m['write'] / mb * 1000:.1f} ms/MB"))
    return rows

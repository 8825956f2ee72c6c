"""The same documents read and written with what a user would pick instead of tei_kirov.

* stdlib ``xml.etree.ElementTree`` (``fromstring``/``tostring``): the baseline; a tree, not
  typed models; drops comments and processing instructions and renames namespace prefixes.
* pydantic-xml with the TEI-like models of :mod:`benchmarks.peer_models` (what they drop is
  listed there).
* xsdata with classes generated at run time from our own profile XSD
  (``xsdata generate schemas/tei_kirov.xsd``): typed, keeps mixed content where the profile
  declares it, drops every element the profile does not know (unknown properties ignored).

For each: MB/s, how many times faster tei_kirov is (ratio > 1: tei_kirov faster), the share
of the document's characters that survive read -> write ("text kept") and whether the
round trip is C14N-equal.
"""

from __future__ import annotations

import importlib
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lxml import etree

from .bench_io import c14n
from .common import PROFILE_XSD, Context, Input, Row, best_of

Peer = tuple[str, Callable[[bytes], Any], Callable[[Any], bytes]]


def text_length(data: bytes) -> int:
    """Number of characters of text (element content and tails) in ``data``."""
    parser = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True)
    return sum(len(t) for t in etree.fromstring(data, parser).itertext())


def _etree_peer() -> Peer:
    return ("ElementTree", ET.fromstring, lambda root: ET.tostring(root, encoding="utf-8"))


def _pydantic_xml_peer() -> Peer | str:
    try:
        from . import peer_models
    except ImportError as exc:
        return f"pydantic-xml not installed ({exc}); pip install -e '.[bench]'"
    return ("pydantic-xml", peer_models.Tei.from_xml,
            lambda doc: doc.to_xml(encoding="UTF-8"))


def _xsdata_peer(scratch: Path) -> Peer | str:
    """Generate classes from the profile XSD into ``scratch`` and bind them."""
    try:
        from xsdata.formats.dataclass.parsers import XmlParser
        from xsdata.formats.dataclass.parsers.config import ParserConfig
        from xsdata.formats.dataclass.serializers import XmlSerializer
    except ImportError as exc:
        return f"xsdata not installed ({exc}); pip install -e '.[bench]'"
    target = scratch / "xsdata_gen"
    target.mkdir(parents=True, exist_ok=True)
    for xsd in PROFILE_XSD.parent.glob("*.xsd"):
        (target / xsd.name).write_bytes(xsd.read_bytes())
    proc = subprocess.run([sys.executable, "-m", "xsdata", "generate", "tei_kirov.xsd",
                           "--package", "teikirov_xsdata"], cwd=target,
                          capture_output=True, text=True, timeout=300)
    if proc.returncode != 0:
        return f"xsdata could not generate classes: {proc.stderr.strip()[-300:]}"
    sys.path.insert(0, str(target))
    try:
        module = importlib.import_module("teikirov_xsdata.tei_kirov")
    finally:
        sys.path.remove(str(target))
    root_class = module.Tei
    parser = XmlParser(config=ParserConfig(fail_on_unknown_properties=False,
                                           fail_on_unknown_attributes=False))
    serializer = XmlSerializer()
    return ("xsdata (profile XSD)", lambda data: parser.from_bytes(data, root_class),
            lambda obj: serializer.render(obj).encode("utf-8"))


def measure_peer(peer: Peer, item: Input, repeats: int) -> dict[str, Any]:
    """Read and write times of one peer on one input, and what survives the round trip."""
    _name, read, write = peer
    obj = read(item.data)
    out = write(obj)
    return {
        "read": best_of(lambda: read(item.data), repeats),
        "write": best_of(lambda: write(obj), repeats),
        "kept": text_length(out) / max(1, text_length(item.data)),
        "lossless": _same(out, item.data),
    }


def _same(out: bytes, data: bytes) -> bool:
    try:
        return c14n(out) == c14n(data)
    except etree.XMLSyntaxError:
        return False


def run(ctx: Context) -> list[Row]:
    """Rows per input and peer, with tei_kirov measured in the same process for ratios."""
    import tei_kirov

    tk: Peer = ("tei_kirov", tei_kirov.parse, tei_kirov.to_bytes)
    peers: list[Peer] = [_etree_peer()]
    rows: list[Row] = []
    for factory in (_pydantic_xml_peer, lambda: _xsdata_peer(ctx.scratch)):
        made = factory()
        if isinstance(made, str):
            ctx.notes.append(f"peer skipped: {made}")
        else:
            peers.append(made)
    for item in ctx.inputs[:1] if ctx.quick else ctx.inputs:
        ours = measure_peer(tk, item, ctx.repeats)
        mb = item.mb
        rows.append(Row("peers", item.name, "tei_kirov read/write", mb / ours["read"], "MB/s",
                        note=f"write {mb / ours['write']:.1f} MB/s; text kept "
                             f"{ours['kept']:.1%}; "
                             + ("C14N-equal" if ours["lossless"] else "NOT C14N-equal")))
        for peer in peers:
            name = peer[0]
            try:
                theirs = measure_peer(peer, item, ctx.repeats)
            except Exception as exc:  # noqa: BLE001 - a peer that cannot read it is a result
                rows.append(Row("peers", item.name, f"{name} read", None, "MB/s",
                                note=f"cannot read it: {type(exc).__name__}: "
                                     f"{str(exc)[:120]}"))
                continue
            kept = (f"text kept {theirs['kept']:.1%}; "
                    + ("C14N-equal" if theirs["lossless"] else "NOT C14N-equal"))
            read_ratio = theirs["read"] / ours["read"]
            write_ratio = theirs["write"] / ours["write"]
            # The bar: faster than pydantic-xml, and lossless where it is not.
            typed = name == "pydantic-xml"
            rows.append(Row("peers", item.name, f"{name} read", mb / theirs["read"], "MB/s",
                            ratio=read_ratio, baseline="tei_kirov faster by x (read)",
                            target="> 1 and lossless" if typed else "",
                            met=(read_ratio > 1 and bool(ours["lossless"])) if typed else None,
                            note=f"{theirs['read'] / mb * 1000:.1f} ms/MB; {kept}"))
            rows.append(Row("peers", item.name, f"{name} write", mb / theirs["write"], "MB/s",
                            ratio=write_ratio, baseline="tei_kirov faster by x (write)",
                            note=f"{theirs['write'] / mb * 1000:.1f} ms/MB"))
    return rows

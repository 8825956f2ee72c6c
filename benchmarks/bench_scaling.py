"""Scaling: synthetic inputs built from the edition at 1x, 10x and 100x its size.

* one large document: the edition with its ``<body>`` content repeated k times (each copy's
  ``xml:id`` values, and the pointers to them, get a suffix so the ids stay unique);
* many files: k copies of the edition in one folder, processed one after the other.

Each (shape, scale, operation) runs in a fresh interpreter, which first warms up on the 1x
edition (imports, schema compilation), then resets its peak-RSS mark and measures (best
of 10, 3 and 1 repetitions at 1x, 10x and 100x): the time of read (bytes -> models), write
(models -> bytes; for many files each is read untimed, written and dropped) or validate
(profile + rules, ``tei_kirov.validate``), and the peak RSS above the warmed-up process.

Targets (issue 6): linear growth (100x input within 120x the 1x time) and bounded memory
(peak RSS growth under 10x the input).
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

from lxml import etree

from .common import MEMORY_HELPERS, Context, Row, run_python_case

XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
TIME_TARGET = 1.2  # 100x input within 120x time
MEMORY_TARGET = 10.0  # peak RSS growth under 10x the input


def big_document(edition: bytes, k: int) -> bytes:
    """The edition with its body content repeated ``k`` times, ids kept unique."""
    if k == 1:
        return edition
    parser = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True)
    root = etree.fromstring(edition, parser)
    body = root.find(".//{http://www.tei-c.org/ns/1.0}body")
    if body is None:
        raise ValueError("the edition has no <body>")
    original = list(body)
    ids = {el.get(XML_ID) for child in original for el in child.iter() if el.get(XML_ID)}
    pointer = re.compile(r"#([^\s#]+)")
    for i in range(1, k):
        suffix = f"-c{i}"
        for child in original:
            clone = copy.deepcopy(child)
            for el in clone.iter():
                if not isinstance(el.tag, str):
                    continue
                for name, value in el.items():
                    if name == XML_ID and value in ids:
                        el.set(name, value + suffix)
                    elif "#" in value:
                        el.set(name, pointer.sub(
                            lambda m, sfx=suffix: "#" + m.group(1)
                            + (sfx if m.group(1) in ids else ""), value))
            body.append(clone)
    return etree.tostring(root.getroottree(), encoding="UTF-8", xml_declaration=True)


_CASE = MEMORY_HELPERS + '''
import json, time, os, gc
from pathlib import Path
import tei_kirov
from tei_kirov.validation import validate
from tei_kirov.validation.schemas import profile_path
PROFILE = [profile_path()]  # as before <?xml-model?> association: the profile only
op, paths, warm, repeat = {op!r}, {paths!r}, {warm!r}, {repeat!r}
wdata = Path(warm).read_bytes()
# warm up: imports, lazily built tables, the compiled profile schema
tei_kirov.to_bytes(tei_kirov.parse(wdata))
if op == "validate":
    validate(wdata, schemas=PROFILE)
del wdata
gc.collect()
one = tei_kirov.parse(Path(paths[0]).read_bytes()) if op == "write" and len(paths) == 1 else None
size = sum(os.path.getsize(p) for p in paths)
base = rss()
ok = reset_hwm()
took = float("inf")
for _ in range(repeat):
    spent = 0.0
    for p in paths:
        if op == "read":
            start = time.perf_counter()
            doc = tei_kirov.parse(Path(p).read_bytes())
            spent += time.perf_counter() - start
            del doc
        elif op == "write":
            # many files: each read (not timed), written, dropped, as a batch job does
            doc = one if one is not None else tei_kirov.parse(Path(p).read_bytes())
            start = time.perf_counter()
            out = tei_kirov.to_bytes(doc)
            spent += time.perf_counter() - start
            del out, doc
        else:
            start = time.perf_counter()
            report = validate(p, schemas=PROFILE)
            spent += time.perf_counter() - start
            del report
    took = min(took, spent)
print(json.dumps({{"seconds": took, "peak_above_base": hwm() - base if ok else None,
                  "bytes": size}}))
'''


def run(ctx: Context) -> list[Row]:
    """Rows: per shape, operation and scale, the time, its growth and the memory growth."""
    edition = ctx.inputs[0]
    scales = (1, 10) if ctx.quick else (1, 10, 100)
    folder = ctx.scratch / "scaling"
    folder.mkdir(parents=True, exist_ok=True)
    warm = folder / "warm.xml"
    warm.write_bytes(edition.data)
    shapes: dict[str, dict[int, list[Path]]] = {"one document": {}, "many files": {}}
    for k in scales:
        big = folder / f"big-{k}x.xml"
        big.write_bytes(big_document(edition.data, k))
        shapes["one document"][k] = [big]
        many = folder / f"many-{k}x"
        many.mkdir(exist_ok=True)
        files = []
        for i in range(k):
            path = many / f"kirov-{i:03d}.xml"
            path.write_bytes(edition.data)
            files.append(path)
        shapes["many files"][k] = files
    rows: list[Row] = []
    if ctx.quick:
        del shapes["many files"]
    for shape, by_scale in shapes.items():
        for op in ("read", "write", "validate"):
            first: dict[str, float] | None = None
            for k in scales:
                paths = [str(p) for p in by_scale[k]]
                # Small cases are repeated inside the process (best time), so a 1x baseline
                # of a few milliseconds is not one noisy sample.
                repeat = {1: 3 if ctx.quick else 10, 10: 3}.get(k, 1)
                best = run_python_case(_CASE.format(op=op, paths=paths, warm=str(warm),
                                                    repeat=repeat))
                if first is None:
                    first = best
                mb = best["bytes"] / 1e6
                growth = best["seconds"] / first["seconds"] if first["seconds"] else None
                peak = best["peak_above_base"]
                mem_ratio = peak / best["bytes"] if peak is not None else None
                judged_time = k == max(scales)  # the bar: 100x within 120x time
                time_ok = not judged_time or (growth is not None and growth <= TIME_TARGET * k)
                row = Row("scaling", f"{shape} {k}x ({mb:.1f} MB)", op, best["seconds"], "s",
                          ratio=mem_ratio, baseline="peak RSS growth / input",
                          target="< 10" + (f", time <= {TIME_TARGET * k:.0f}x the 1x time"
                                           if judged_time else ""),
                          note=(f"{mb / best['seconds']:.1f} MB/s; "
                                f"peak +{(peak or 0) / 2**20:.1f} MiB; "
                                + (f"time x{growth:.1f} for input x{k}" if k > 1 else "")
                                + (f" ({'within' if time_ok else 'OVER'} {TIME_TARGET * k:.0f}x)"
                                   if judged_time else "")))
                mem_ok = mem_ratio is not None and mem_ratio < MEMORY_TARGET
                row.met = time_ok and mem_ok
                rows.append(row)
    return rows

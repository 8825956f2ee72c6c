"""Encoding the pamphlet (plain text -> TEI edition): wall time and peak memory.

Measured in a fresh interpreter per case: ``encode()`` in process (after imports, best of N,
peak RSS above the imported baseline) and ``tei-kirov encode`` from the shell (everything
included)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from .common import MEMORY_HELPERS, Context, Row, run_measured, run_python_case, which

_CASE = MEMORY_HELPERS + '''
import json, time
import tei_kirov
from tei_kirov.encoder import default_authority, default_meta, default_text, encode
text = default_text()
auth, meta = default_authority(), default_meta()
base = rss()
reset_hwm()
times = []
for _ in range({repeats}):
    start = time.perf_counter()
    doc = encode(text, auth, meta)
    times.append(time.perf_counter() - start)
    del doc
print(json.dumps({{"best": min(times), "first": times[0], "chars": len(text),
                  "peak_above_base": hwm() - base, "peak": hwm()}}))
'''


def run(ctx: Context) -> list[Row]:
    """Rows: in-process encode time and memory; the CLI end to end."""
    try:
        import tei_kirov.encoder  # noqa: F401
    except ImportError as exc:
        ctx.notes.append(f"encoder not importable ({exc}): encoding not measured")
        return []
    m = run_python_case(_CASE.format(repeats=2 if ctx.quick else 5))
    rows = [
        Row("encode", "pamphlet", "encode() in process", m["best"] * 1000, "ms",
            note=f"first call {m['first'] * 1000:.0f} ms; {m['chars']} characters of text"),
        Row("encode", "pamphlet", "encode() peak RSS", m["peak"] / 2**20, "MiB",
            note=f"{m['peak_above_base'] / 2**20:.1f} MiB above the imported interpreter"),
    ]
    script = which("tei-kirov")
    command = [script] if script else [sys.executable, "-c",
                                        "from tei_kirov.cli.main import main; main()"]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "kirov.xml"
        wall, peak, result = run_measured([*command, "encode", "-o", str(out)])
        size = out.stat().st_size if out.exists() else 0
    rows.append(Row("encode", "pamphlet", "tei-kirov encode (shell)", wall, "s",
                    note=f"peak RSS {peak:.0f} MiB; exit {result.returncode}; "
                         f"{size / 1000:.0f} kB of TEI"))
    return rows

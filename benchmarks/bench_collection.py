"""Collections on the local engine and on Dask (issue 12); not a test.

    python -m benchmarks.bench_collection [--quick]     # or through benchmarks.run

Measures, on this machine:
- the shared corpus against tei_all.rng: ``tei-kirov validate --jobs 2`` (local engine)
  against ``--engine dask --jobs 2`` (a LocalCluster started by the command), wall time of
  the whole command each, and the ratio;
- a synthetic collection of small files (20,000; 2,000 with ``--quick``): the same ratio,
  and the Dask engine's throughput with 1 and with 2 workers;
- the client's peak RSS for 2,000 and for 20,000 files (flat is the goal);
- per-file costs from the Dask run's JSON Lines report, and from them the capacity
  estimate of docs/scale.md (1,000,000 files of the corpus's median size on N workers).

``run(ctx)`` gives rows for :mod:`benchmarks.run`; ``main()`` prints them.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    __package__ = "benchmarks"

from benchmarks.common import CORPUS, ROOT, TEI_ALL_RNG, Context, Row, run_measured  # noqa: E402

CLI = [sys.executable, "-m", "tei_kirov"]

SMALL = (
    '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>'
    "<title>Letter {i}</title></titleStmt><publicationStmt><p>synthetic</p>"
    "</publicationStmt><sourceDesc><p>benchmark</p></sourceDesc></fileDesc></teiHeader>"
    '<text><body><p>Dear <persName>Friend {k}</persName>, on <date when="1900-01-{d:02d}">'
    "the {d}th</date> we met.</p></body></text></TEI>\n")

CLIENT_RSS = r'''
import json, resource, sys
sys.path.insert(0, sys.argv[3])
from tei_kirov import collection
if __name__ == "__main__":
    engine = collection.DaskEngine(jobs=2)
    n = 0
    for report in collection.validate([sys.argv[1]], schemas=[sys.argv[2]], client=engine):
        n += 1
    engine.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"files": n, "rss_mib": peak}))
'''


def make_collection(folder: Path, count: int) -> Path:
    """``count`` small valid TEI files (about 450 bytes each), 1,000 per subfolder."""
    for i in range(count):
        sub = folder / f"box{i // 1000:04d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"l{i:07d}.xml").write_text(SMALL.format(i=i, k=i % 50, d=i % 28 + 1),
                                           encoding="utf-8")
    return folder


def _validate(paths: list[str], extra: list[str], jsonl: Path | None = None) -> float:
    args = [*CLI, "validate", *paths, "--schema", str(TEI_ALL_RNG), "-q", *extra]
    if jsonl is not None:
        args += ["--jsonl", str(jsonl), "--force"]
    wall, _, proc = run_measured(args, cwd=ROOT)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(args)} failed:\n{proc.stderr[-2000:]}")
    return wall


def _client_rss(folder: Path, scratch: Path) -> float:
    script = scratch / "client_rss.py"
    script.write_text(CLIENT_RSS, encoding="utf-8")
    args = [sys.executable, str(script), str(folder), str(TEI_ALL_RNG), str(ROOT)]
    _, _, proc = run_measured(args, cwd=ROOT)
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr[-2000:])
    return float(json.loads(proc.stdout.strip().splitlines()[-1])["rss_mib"])


def capacity(per_file: float, workers: int, files: int = 1_000_000) -> float:
    """Hours to validate ``files`` files at ``per_file`` worker-seconds each."""
    return files * per_file / workers / 3600


def run(ctx: Context) -> list[Row]:
    rows: list[Row] = []
    try:
        import distributed  # noqa: F401
    except ImportError:
        ctx.notes.append('collection: dask not installed (pip install ".[dask]"); skipped')
        return rows
    if not TEI_ALL_RNG.is_file() or not CORPUS.is_dir():
        ctx.notes.append("collection: ../shared (corpus, tei_all.rng) missing; skipped")
        return rows
    scratch = Path(tempfile.mkdtemp(dir=ctx.scratch))
    corpus_report = scratch / "corpus.jsonl"
    local = _validate([str(CORPUS)], ["--jobs", "2"])
    dask = _validate([str(CORPUS)], ["--engine", "dask", "--jobs", "2"], corpus_report)
    rows.append(Row("collection", "corpus (195 files) vs tei_all", "--engine dask, 2 workers",
                    dask, "s", local / dask, "local engine --jobs 2 time / dask time",
                    ">= 0.5 (dask at most 2x)", local / dask >= 0.5,
                    f"local {local:.1f} s; both include start-up (dask: its LocalCluster)"))
    count = 2000 if ctx.quick else 20000
    synthetic = make_collection(scratch / "synthetic", count)
    local = _validate([str(synthetic)], ["--jobs", "2"])
    dask = _validate([str(synthetic)], ["--engine", "dask", "--jobs", "2"])
    rows.append(Row("collection", f"{count:,} small files vs tei_all",
                    "--engine dask, 2 workers", dask, "s", local / dask,
                    "local engine --jobs 2 time / dask time", "close to 1 (>= 0.5)",
                    local / dask >= 0.5, f"local {local:.1f} s; {count / dask:.0f} files/s"))
    one = _validate([str(synthetic)], ["--engine", "dask", "--jobs", "1"])
    rows.append(Row("collection", f"{count:,} small files vs tei_all", "dask, 1 vs 2 workers",
                    count / dask, "files/s", one / dask, "2-worker throughput / 1-worker",
                    note=f"1 worker: {count / one:.0f} files/s"))
    small = make_collection(scratch / "two-thousand", 2000)
    rss_small = _client_rss(small, scratch)
    rss_large = _client_rss(synthetic, scratch) if count > 2000 else rss_small
    rows.append(Row("collection", f"client peak RSS, 2,000 -> {count:,} files",
                    "dask client (with its scheduler)", rss_large, "MiB",
                    rss_large / rss_small, f"RSS at {count:,} / at 2,000", "<= 1.10",
                    rss_large / rss_small <= 1.10, f"2,000 files: {rss_small:.0f} MiB"))
    costs = [json.loads(line)["seconds"] for line in
             corpus_report.read_text(encoding="utf-8").splitlines()]
    sizes = sorted(p.stat().st_size for p in CORPUS.rglob("*.xml"))
    median_cost = statistics.median(costs)
    rows.append(Row("collection", "per-file cost, corpus vs tei_all (dask worker)",
                    "median seconds per file", median_cost * 1000, "ms",
                    note=f"mean {statistics.mean(costs) * 1000:.0f} ms; median file "
                         f"{statistics.median(sizes) / 1024:.0f} KiB; "
                         + "; ".join(f"1M files on {w} workers ~{capacity(median_cost, w):.1f} h"
                                     for w in (10, 50, 200))))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        ctx = Context(quick=args.quick, inputs=[], scratch=Path(scratch), notes=[])
        for row in run(ctx):
            print(f"{row.case} | {row.subject}: {row.value:.3f} {row.unit}"
                  + (f" | ratio {row.ratio:.2f} ({row.baseline})" if row.ratio else "")
                  + (f" | target {row.target}: {'met' if row.met else 'NOT met'}"
                     if row.target else "") + (f" | {row.note}" if row.note else ""))
        for note in ctx.notes:
            print("note:", note)
    return 0


if __name__ == "__main__":
    sys.exit(main())

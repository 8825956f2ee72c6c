"""Benchmark of ``tei-kirov validate`` side by side with jing (not a test).

    python benchmarks/bench_validate.py [--quick] [--json]

Measures the performance points of issue 4:
- one file (examples/kirov.xml) against the profile, from the shell, vs one jing run against
  tei_all.rng on the same file;
- the whole ../shared/corpus against tei_all.rng: tei-kirov (one call) vs jing once per file
  (``--quick`` times 10 files and extrapolates) and vs one jing call given all files;
- a re-run of the corpus with ``--cache`` (nothing changed since the first run);
- one re-validation as ``--watch`` does it (compiled schema kept in memory), kirov.xml
  against the profile.

``run()`` returns the results as a dict for the project's benchmark runner.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"
TEI_ALL = SHARED / "tei" / "tei_all.rng"
KIROV = REPO / "examples" / "kirov.xml"
CLI = [sys.executable, "-c", "from tei_kirov.cli.main import main; main()", "validate"]


def _wall(cmd: list[str], cwd: Path = REPO) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   check=False)
    return time.perf_counter() - start


def _best(cmd: list[str], repeat: int, cwd: Path = REPO) -> float:
    return min(_wall(cmd, cwd) for _ in range(repeat))


def corpus_files() -> list[str]:
    return sorted(str(p.relative_to(SHARED)) for p in CORPUS.rglob("*.xml"))


def bench_single(repeat: int = 5) -> dict[str, Any]:
    """One file against the profile from the shell, and one jing run against tei_all."""
    out: dict[str, Any] = {
        "tei_kirov_profile_s": round(_best([*CLI, str(KIROV)], repeat), 3)}
    if shutil.which("jing") and TEI_ALL.is_file():
        out["jing_tei_all_s"] = round(_best(["jing", str(TEI_ALL), str(KIROV)], 2), 3)
    return out


def bench_corpus(quick: bool = False) -> dict[str, Any]:
    """The whole corpus against tei_all.rng."""
    files = corpus_files()
    out: dict[str, Any] = {"files": len(files)}
    out["tei_kirov_no_rules_s"] = round(_wall(
        [*CLI, "--quiet", "--no-rules", "--schema", "tei/tei_all.rng", "corpus"], SHARED), 2)
    out["tei_kirov_with_rules_s"] = round(_wall(
        [*CLI, "--quiet", "--schema", "tei/tei_all.rng", "corpus"], SHARED), 2)
    with tempfile.TemporaryDirectory() as cache:
        cached = [*CLI, "--quiet", "--no-rules", "--cache", cache, "--schema",
                  "tei/tei_all.rng", "corpus"]
        _wall(cached, SHARED)  # fills the cache
        out["tei_kirov_cached_rerun_s"] = round(_best(cached, 3, SHARED), 2)
    if shutil.which("jing"):
        sample = files[:: max(1, len(files) // 10)][:10] if quick else files
        per_file = [_wall(["jing", "tei/tei_all.rng", f], SHARED) for f in sample]
        out["jing_per_file_mean_s"] = round(statistics.mean(per_file), 3)
        out["jing_once_per_file_s"] = round(statistics.mean(per_file) * len(files), 1)
        out["jing_once_per_file_extrapolated"] = quick
        out["jing_one_call_s"] = round(_wall(["jing", "tei/tei_all.rng", *files], SHARED), 2)
        out["speedup_vs_jing_per_file"] = round(
            out["jing_once_per_file_s"] / out["tei_kirov_no_rules_s"], 1)
        out["ratio_to_jing_one_call"] = round(
            out["tei_kirov_no_rules_s"] / out["jing_one_call_s"], 2)
        out["cached_rerun_ratio_to_jing_one_call"] = round(
            out["tei_kirov_cached_rerun_s"] / out["jing_one_call_s"], 2)
    return out


def bench_watch(repeat: int = 20) -> dict[str, Any]:
    """A re-validation as --watch does it: schema compiled once, file read and checked."""
    from tei_kirov.validation import core, rules
    from tei_kirov.validation.schemas import load_schemas

    schemas = load_schemas(None)
    chosen = rules.select(True)
    core.validate_one(str(KIROV), schemas, chosen)  # warm-up, as the first watch round
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        core.validate_one(str(KIROV), schemas, chosen)
        times.append((time.perf_counter() - start) * 1000)
    return {"revalidate_median_ms": round(statistics.median(times), 1),
            "revalidate_max_ms": round(max(times), 1)}


def run(quick: bool = False) -> dict[str, Any]:
    """Every measurement, as a dict (skips what this machine lacks)."""
    results: dict[str, Any] = {}
    if KIROV.is_file():
        results["single_file"] = bench_single()
        results["watch"] = bench_watch()
    if CORPUS.is_dir() and TEI_ALL.is_file():
        results["corpus"] = bench_corpus(quick)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="time jing on 10 files and extrapolate (instead of all 195)")
    parser.add_argument("--json", action="store_true", help="print JSON")
    args = parser.parse_args()
    results = run(args.quick)
    if args.json:
        print(json.dumps(results, indent=2))
        return
    for section, values in results.items():
        print(f"[{section}]")
        for key, value in values.items():
            print(f"  {key:34} {value}")


if __name__ == "__main__":
    main()

"""Benchmark of ``tei-kirov validate`` side by side with jing (not a test).

    python benchmarks/bench_validate.py [--quick] [--json]

Measures the performance points of issue 4:
- one file (examples/kirov.xml) against the profile, from the shell, vs one jing run against
  tei_all.rng on the same file;
- the whole ../shared/corpus against tei_all.rng: tei-kirov (one call) vs jing once per file
  (``--quick`` times 10 files and extrapolates) and vs one jing call given all files;
- a re-run of the corpus with ``--cache`` (nothing changed since the first run);
- the corpus against the schemas each file names (``<?xml-model?>``, remote addresses mapped by
  ../shared/schema-catalog/catalog.xml), first run, no cache, ``--no-rules``: tei-kirov (one
  call) vs jing once per file against that file's RELAX NG (``--quick``: 10 files,
  extrapolated) and vs jing once per distinct RELAX NG for all its files (the batch);
- one re-validation as ``--watch`` does it (compiled schema kept in memory), kirov.xml
  against the profile.

``run()`` returns the results as a dict for the project's benchmark runner.
"""

from __future__ import annotations

import argparse
import json
import os
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


#: Subprocesses import this checkout's tei_kirov, not some other installed copy.
_ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(
    [str(REPO), *filter(None, [os.environ.get("PYTHONPATH")])])}


def _wall(cmd: list[str], cwd: Path = REPO) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   check=False, env=_ENV)
    return time.perf_counter() - start


def _best(cmd: list[str], repeat: int, cwd: Path = REPO) -> float:
    return min(_wall(cmd, cwd) for _ in range(repeat))


def corpus_files() -> list[str]:
    return sorted(str(p.relative_to(SHARED)) for p in CORPUS.rglob("*.xml"))


def bench_single(repeat: int = 5) -> dict[str, Any]:
    """One file against the profile from the shell, and one jing run against tei_all."""
    from tei_kirov.validation.schemas import profile_path

    out: dict[str, Any] = {
        "tei_kirov_profile_s": round(_best([*CLI, "--schema", profile_path(), str(KIROV)],
                                           repeat), 3),
        "tei_kirov_declared_schemas_s": round(_best([*CLI, str(KIROV)], repeat), 3)}
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


CATALOG = SHARED / "schema-catalog" / "catalog.xml"


def _own_rng(files: list[str]) -> dict[str, str]:
    """Each corpus file (relative to SHARED) -> the RELAX NG it names, resolved as tei-kirov
    resolves it (the bundled tei_all for a file that names none)."""
    from tei_kirov.validation import catalog
    from tei_kirov.validation.association import (
        Resolver,
        bundled_tei_all,
        declarations,
        read_prolog,
    )

    resolver = Resolver(catalog.build([CATALOG], environment=False))
    out: dict[str, str] = {}
    for name in files:
        path = str(SHARED / name)
        found = [d for d in declarations(*read_prolog(path)) if d.kind == "rng"]
        if not found and not declarations(*read_prolog(path)):
            out[name] = bundled_tei_all()
        for decl in found[:1]:
            resolved, _ = resolver.resolve(decl.href, "file://" + path)
            if resolved:
                out[name] = resolved
    return out


def bench_projects(quick: bool = False) -> dict[str, Any]:
    """The corpus against its own schemas, first run: tei-kirov vs jing (RELAX NG part)."""
    files = corpus_files()
    out: dict[str, Any] = {"files": len(files)}
    out["tei_kirov_own_schemas_s"] = round(_wall(
        [*CLI, "--quiet", "--no-rules", "--catalog", str(CATALOG), "corpus"], SHARED), 2)
    out["tei_kirov_own_schemas_jobs1_s"] = round(_wall(
        [*CLI, "--quiet", "--no-rules", "--jobs", "1", "--catalog", str(CATALOG), "corpus"],
        SHARED), 2)
    if not shutil.which("jing"):
        return out
    rng = _own_rng(files)
    out["files_with_relax_ng"] = len(rng)
    names = sorted(rng)
    sample = names[:: max(1, len(names) // 10)][:10] if quick else names
    per_file = [_wall(["jing", rng[f], f], SHARED) for f in sample]
    out["jing_per_file_mean_s"] = round(statistics.mean(per_file), 3)
    out["jing_once_per_file_s"] = round(statistics.mean(per_file) * len(names), 1)
    out["jing_once_per_file_extrapolated"] = quick
    groups: dict[str, list[str]] = {}
    for name, schema in rng.items():
        groups.setdefault(schema, []).append(name)
    out["jing_batch_calls"] = len(groups)
    out["jing_batch_s"] = round(sum(_wall(["jing", schema, *group], SHARED)
                                    for schema, group in groups.items()), 2)
    out["speedup_vs_jing_per_file"] = round(
        out["jing_once_per_file_s"] / out["tei_kirov_own_schemas_s"], 1)
    out["ratio_to_jing_batch"] = round(out["tei_kirov_own_schemas_s"] / out["jing_batch_s"], 2)
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
    if CORPUS.is_dir() and CATALOG.is_file():
        results["own_schemas"] = bench_projects(quick)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="time jing on 10 files and extrapolate (instead of all 195)")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--only", choices=["own_schemas"], default=None,
                        help="run one section only")
    args = parser.parse_args()
    results = {"own_schemas": bench_projects(args.quick)} if args.only else run(args.quick)
    if args.json:
        print(json.dumps(results, indent=2))
        return
    for section, values in results.items():
        print(f"[{section}]")
        for key, value in values.items():
            print(f"  {key:34} {value}")


if __name__ == "__main__":
    main()

"""Run the benchmark suite, print one table, write ``benchmarks/RESULTS.md``.

    python -m benchmarks.run            # full run (several minutes: jing once per file)
    python -m benchmarks.run --quick    # under a minute: fewer repeats, smaller samples

Areas: ``io`` (read/write against lxml), ``peers`` (ElementTree, pydantic-xml, xsdata),
``validate`` (xmlschema, lxml, jing, the CLI), ``encode`` (the pamphlet), ``scaling``
(1x/10x/100x). ``--only io,peers`` runs a subset. The validator's own suite
(``benchmarks/bench_validate.py``), when present, is run as well and its output appended.
"""

from __future__ import annotations

import argparse
import importlib
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

if __package__ in (None, ""):  # run as a script: python benchmarks/run.py
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    __package__ = "benchmarks"

from benchmarks.common import (  # noqa: E402
    ROOT,
    Context,
    Input,
    Row,
    edition_input,
    largest_corpus_files,
    machine,
)

AREAS = ("io", "peers", "validate", "encode", "scaling", "collection")
MODULES = {"io": "bench_io", "peers": "bench_peers", "validate": "bench_validation",
           "encode": "bench_encode", "scaling": "bench_scaling",
           "collection": "bench_collection"}
HERE = Path(__file__).resolve().parent


def _fmt(value: float | None, unit: str = "") -> str:
    if value is None:
        return "-"
    if value >= 100:
        text = f"{value:.0f}"
    elif value >= 10:
        text = f"{value:.1f}"
    elif value >= 0.1:
        text = f"{value:.2f}"
    else:
        text = f"{value:.3f}"
    return f"{text} {unit}".strip()


def _met(row: Row) -> str:
    if row.met is None:
        return ""
    return "yes" if row.met else "NO"


def table(rows: list[Row], markdown: bool) -> str:
    """The rows as a Markdown table (or aligned plain text for the terminal)."""
    head = ["area", "case", "subject", "value", "ratio", "ratio means", "target", "met", "note"]
    body = [[r.area, r.case, r.subject, _fmt(r.value, r.unit), _fmt(r.ratio), r.baseline,
             r.target, _met(r), r.note] for r in rows]
    if markdown:
        lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        lines += ["| " + " | ".join(cell.replace("|", "/") for cell in line) + " |"
                  for line in body]
        return "\n".join(lines)
    short = [line[:8] for line in body]  # the terminal gets everything but the note
    widths = [max(len(str(x)) for x in col) for col in zip(head[:8], *short, strict=False)]
    out = ["  ".join(h.ljust(w) for h, w in zip(head[:8], widths, strict=True))]
    out += ["  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)) for line in short]
    return "\n".join(out)


def targets_summary(rows: list[Row]) -> str:
    """One line per row that carries a target."""
    judged = [r for r in rows if r.met is not None]
    met = sum(1 for r in judged if r.met)
    lines = [f"{met} of {len(judged)} target checks met."]
    for r in judged:
        if not r.met:
            lines.append(f"- missed: {r.area} / {r.case} / {r.subject}: {_fmt(r.value, r.unit)}"
                         f", ratio {_fmt(r.ratio)} ({r.baseline}; target {r.target})")
    return "\n".join(lines)


def validator_suite(quick: bool) -> str | None:
    """Output of the validator's own ``benchmarks/bench_validate.py``, if it exists."""
    if not (HERE / "bench_validate.py").is_file():
        return None
    args = [sys.executable, "-m", "benchmarks.bench_validate"] + (["--quick"] if quick else [])
    try:
        proc = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=1800)
    except subprocess.TimeoutExpired:
        return "bench_validate.py did not finish within 30 minutes"
    text = proc.stdout.strip()
    if proc.returncode != 0:
        text += f"\n\n(exit {proc.returncode})\n{proc.stderr.strip()[-2000:]}"
    return text


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, run the areas, print the table and write the results file."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="finish in under a minute")
    parser.add_argument("--only", default=",".join(AREAS),
                        help=f"comma-separated areas (default: all of {','.join(AREAS)})")
    parser.add_argument("--output", type=Path, default=None,
                        help="results file (default: benchmarks/RESULTS.md, or "
                             "benchmarks/RESULTS-quick.md with --quick)")
    args = parser.parse_args(argv)
    areas = [a.strip() for a in args.only.split(",") if a.strip()]
    unknown = [a for a in areas if a not in AREAS]
    if unknown:
        parser.error(f"unknown area(s): {', '.join(unknown)}")
    output = args.output or HERE / ("RESULTS-quick.md" if args.quick else "RESULTS.md")

    started = time.perf_counter()
    notes: list[str] = []
    inputs = [edition_input(notes)]
    largest = largest_corpus_files(1 if args.quick else 3)
    inputs += [Input(p.name, p, p.read_bytes()) for p in largest]
    if args.quick:
        notes.append("--quick: the edition and the largest corpus file only, best of 3, "
                     "3 corpus files for the validation batch, peers on the edition only, "
                     "scaling of one document to 10x only")
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="tei_kirov_bench_") as scratch:
        ctx = Context(quick=args.quick, inputs=inputs, scratch=Path(scratch), notes=notes)
        for area in areas:
            module = importlib.import_module(f"benchmarks.{MODULES[area]}")
            print(f"[{time.perf_counter() - started:6.1f} s] {area} ...", file=sys.stderr,
                  flush=True)
            try:
                rows.extend(module.run(ctx))
            except Exception:  # noqa: BLE001 - one failing area must not lose the others
                notes.append(f"area {area} failed:\n```\n{traceback.format_exc()}```")
    extra = None
    if "validate" in areas and not args.quick:
        extra = validator_suite(args.quick)
    elif "validate" in areas and (HERE / "bench_validate.py").is_file():
        notes.append("--quick: the validator's own suite (python -m benchmarks.bench_validate, "
                     "about 40 s) is left out; the full run includes it")
    elapsed = time.perf_counter() - started

    print(table(rows, markdown=False))
    print()
    print(targets_summary(rows))
    for note in notes:
        print("note:", note.splitlines()[0])
    print(f"({elapsed:.0f} s; written to {output})")

    info = machine()
    doc = [f"# tei_kirov benchmark results{' (quick)' if args.quick else ''}", "",
           f"Command: `python -m benchmarks.run{' --quick' if args.quick else ''}` "
           f"({elapsed:.0f} s). Ratios are measured in the same run on the same bytes.", "",
           "## Machine and versions", ""]
    doc += [f"- {k}: {v}" for k, v in info.items()]
    doc += ["", "## Inputs", ""]
    for i in inputs:
        shown = i.path.relative_to(ROOT.parent) if i.path.is_relative_to(ROOT.parent) else i.path
        doc.append(f"- {i.name}: {shown}, {i.mb:.2f} MB")
    doc += ["", "## Targets", "", targets_summary(rows), "", "## Results", "",
            table(rows, markdown=True), ""]
    if notes:
        doc += ["## Notes", ""] + [f"- {n}" for n in notes] + [""]
    optimisations = HERE / "OPTIMISATIONS.md"
    if optimisations.is_file():  # the profile-driven changes, with before/after numbers
        doc += [optimisations.read_text(encoding="utf-8").replace("\n# ", "\n## ", 1)
                .replace("# ", "## ", 1), ""]
    if extra:
        doc += ["## The validator's own suite (benchmarks/bench_validate.py)", "", "```",
                extra, "```", ""]
    output.write_text("\n".join(doc), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

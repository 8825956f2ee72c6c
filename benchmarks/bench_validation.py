"""Checking documents: the profile XSD with xmlschema and lxml, tei_all with lxml RELAX NG and
jing, and ``tei-kirov validate`` from the shell.

In-process validators are compiled once (compile time reported on its own row) and then timed
per document (parse included). jing is timed as a user runs it: one JVM per file, and one JVM
for all files. ``tei-kirov validate`` is timed from the shell, so interpreter start-up, imports
and schema loading are in the number.

Targets (issue 6): one file against the profile <= 0.5 s wall and faster than one jing run;
the corpus against tei_all >= 10x faster than jing once per file.

(``benchmarks/bench_validate.py``, when present, is the validator's own suite; ``run.py``
runs it as well and appends its report.)
"""

from __future__ import annotations

import sys
import time

from lxml import etree

from .common import (
    CORPUS,
    PROFILE_XSD,
    TEI_ALL_RNG,
    Context,
    Row,
    best_of,
    corpus_files,
    run_measured,
    which,
)

CLI_ONE_FILE_TARGET = 0.5
CORPUS_SPEEDUP_TARGET = 10.0


def _cli() -> list[str]:
    """The ``tei-kirov`` console script when installed, else the same entry point run by
    this interpreter."""
    script = which("tei-kirov")
    if script:
        return [script]
    return [sys.executable, "-c", "from tei_kirov.cli.main import main; main()"]


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True)


def in_process(ctx: Context) -> list[Row]:
    """xmlschema and lxml XMLSchema (profile), lxml RelaxNG (tei_all): compile once, then
    per-document validation time."""
    import xmlschema

    rows: list[Row] = []
    start = time.perf_counter()
    xs = xmlschema.XMLSchema(str(PROFILE_XSD))
    rows.append(Row("validate", "compile", "xmlschema: profile XSD", time.perf_counter() - start,
                    "s", note="once per process"))
    start = time.perf_counter()
    lx = etree.XMLSchema(etree.parse(str(PROFILE_XSD)))
    rows.append(Row("validate", "compile", "lxml XMLSchema: profile XSD",
                    time.perf_counter() - start, "s", note="once per process"))
    rng = None
    if ctx.quick:
        ctx.notes.append("--quick: lxml RelaxNG of tei_all not compiled (about 15 s)")
    else:
        start = time.perf_counter()
        rng = etree.RelaxNG(etree.parse(str(TEI_ALL_RNG)))
        rows.append(Row("validate", "compile", "lxml RelaxNG: tei_all",
                        time.perf_counter() - start, "s", note="once per process"))
    for item in ctx.inputs:
        data = item.data
        t_xs = best_of(lambda d=data: xs.is_valid(etree.fromstring(d, _parser())),
                       ctx.repeats, budget=20)
        t_lx = best_of(lambda d=data: lx.validate(etree.fromstring(d, _parser())),
                       ctx.repeats)
        t_lx_verdict = lx.validate(etree.fromstring(data, _parser()))
        rows.append(Row("validate", item.name, "xmlschema: profile", t_xs * 1000, "ms",
                        ratio=t_xs / t_lx, baseline="lxml XMLSchema faster by x",
                        note=f"{item.mb / t_xs:.1f} MB/s"))
        rows.append(Row("validate", item.name, "lxml XMLSchema: profile", t_lx * 1000, "ms",
                        note=f"{item.mb / t_lx:.1f} MB/s; "
                             + ("valid" if t_lx_verdict else "invalid")))
        if rng is not None:
            t_rng = best_of(lambda d=data, r=rng: r.validate(etree.fromstring(d, _parser())),
                            ctx.repeats)
            rows.append(Row("validate", item.name, "lxml RelaxNG: tei_all", t_rng * 1000, "ms",
                            note=f"{item.mb / t_rng:.1f} MB/s"))
    return rows


def jing_and_cli(ctx: Context) -> list[Row]:
    """jing (JVM per file / one JVM) against ``tei-kirov validate`` from the shell."""
    rows: list[Row] = []
    edition = ctx.inputs[0]
    jing = which("jing")
    jing_one: float | None = None
    if jing is None:
        ctx.notes.append("jing not found: jing rows skipped (apt-get install jing)")
    else:
        walls = [run_measured([jing, str(TEI_ALL_RNG), str(edition.path)])[0]
                 for _ in range(1 if ctx.quick else 3)]
        jing_one = min(walls)
        rows.append(Row("validate", edition.name, "jing tei_all (one JVM, one file)",
                        jing_one, "s"))
    # tei-kirov validate, one file, the profile (named explicitly: the edition also names
    # tei_all in its <?xml-model?>s, which a run without --schema checks too).
    walls = []
    peak = 0.0
    for _ in range(2 if ctx.quick else 5):
        wall, peak, result = run_measured([*_cli(), "validate", "-q", "-j", "1",
                                           "--schema", str(PROFILE_XSD), str(edition.path)])
        walls.append(wall)
    one = min(walls)
    met = one <= CLI_ONE_FILE_TARGET and (jing_one is None or one < jing_one)
    rows.append(Row("validate", edition.name, "tei-kirov validate (profile, shell)", one, "s",
                    ratio=(jing_one / one) if jing_one else None,
                    baseline="faster than one jing run by x", target="<= 0.5 s, < jing",
                    met=met, note=f"exit {result.returncode}; peak RSS {peak:.0f} MiB"))

    files = corpus_files()
    sample = files if not ctx.quick else files[:: max(1, len(files) // 3)][:3]
    what = "corpus" if not ctx.quick else f"{len(sample)} corpus files"
    total_mb = sum(p.stat().st_size for p in sample) / 1e6
    jing_per_file: float | None = None
    if jing is not None:
        start = time.perf_counter()
        for path in sample:
            run_measured([jing, str(TEI_ALL_RNG), str(path)])
        jing_per_file = time.perf_counter() - start
        rows.append(Row("validate", what, "jing tei_all, one JVM per file", jing_per_file, "s",
                        note=f"{len(sample)} files, {total_mb:.1f} MB"))
        wall, peak, _ = run_measured([jing, str(TEI_ALL_RNG), *map(str, sample)])
        rows.append(Row("validate", what, "jing tei_all, one JVM for all files", wall, "s",
                        ratio=jing_per_file / wall, baseline="faster than JVM per file by x",
                        note=f"peak RSS {peak:.0f} MiB"))
    targets: list[str] = [str(CORPUS)] if not ctx.quick else [str(p) for p in sample]
    for schema_args, label in (([], "profile"), (["--schema", str(TEI_ALL_RNG)], "tei_all")):
        for jobs in (1, 2):
            wall, peak, result = run_measured([*_cli(), "validate", "-q", "-j", str(jobs),
                                               *schema_args, *targets])
            row = Row("validate", what, f"tei-kirov validate ({label}, --jobs {jobs})", wall,
                      "s", note=f"exit {result.returncode}; peak RSS {peak:.0f} MiB")
            if label == "tei_all" and jing_per_file is not None and not ctx.quick:
                row.ratio = jing_per_file / wall
                row.baseline = "faster than jing per file by x"
                row.target = ">= 10x"
                row.met = row.ratio >= CORPUS_SPEEDUP_TARGET
            if label == "tei_all" and jing_per_file is not None and ctx.quick:
                row.ratio = jing_per_file / wall
                row.baseline = "faster than jing per file by x"
                row.note += "; the >= 10x target is judged on the whole corpus (full run)"
            rows.append(row)
    return rows


def run(ctx: Context) -> list[Row]:
    """All validation rows."""
    return in_process(ctx) + jing_and_cli(ctx)


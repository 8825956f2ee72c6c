"""Text and JSON renderings of a run."""

from __future__ import annotations

from .report import BatchReport, Report, Summary


def text_lines(reports: list[Report], *, quiet: bool = False) -> list[str]:
    """Compiler-style lines, sorted by file, line and column (warnings dropped if quiet)."""
    issues = [i for r in reports for i in r.issues if not (quiet and i.severity == "warning")]
    return [i.format() for i in sorted(issues, key=lambda i: i.sort_key())]


def summary_line(summary: Summary) -> str:
    """The closing summary."""
    files = "file" if summary.files == 1 else "files"
    text = (f"{summary.files} {files}: {summary.valid} valid, {summary.invalid} invalid; "
            f"{summary.errors} errors, {summary.warnings} warnings; {summary.seconds:.2f} s")
    if summary.undeclared:
        some = "1 file names" if summary.undeclared == 1 else f"{summary.undeclared} files name"
        text += f"\n{some} no schema (<?xml-model?>): checked against the bundled TEI tei_all"
    return text


def json_text(batch: BatchReport) -> str:
    """The JSON document (schema: schemas/validate-report.schema.json)."""
    return batch.model_dump_json(indent=2)

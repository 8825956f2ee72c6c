"""The JSON Schema of ``tei-kirov validate --format json`` (kept in
``schemas/validate-report.schema.json``; regenerate with
``python -m tei_kirov.validation.jsonschema_out > schemas/validate-report.schema.json``)."""

from __future__ import annotations

import json
from typing import Any

from .report import BatchReport


def report_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the JSON output."""
    schema = BatchReport.model_json_schema(mode="serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://tei-kirov.invalid/schemas/validate-report.schema.json",
        **schema,
        "title": "tei-kirov validate report",
        "description": "Output of `tei-kirov validate --format json`: one entry per file, "
                       "its issues, and a summary of the run.",
    }


if __name__ == "__main__":
    print(json.dumps(report_schema(), indent=2))

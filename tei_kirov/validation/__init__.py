"""``tei-kirov validate``: well-formedness, schemas (XSD, RELAX NG, Schematron), semantic
rules and safe XInclude, with exact positions and stable codes. See docs/validation.md."""

from __future__ import annotations

from .core import validate
from .report import CODES, BatchReport, Issue, Report, Summary
from .rules import RULES
from .schemas import SchemaError, load_schema

__all__ = ["validate", "Report", "Issue", "BatchReport", "Summary", "CODES", "RULES",
           "SchemaError", "load_schema"]

"""Exports for readers and archives: an HTML reading edition, plain text, JSON, CSV index
tables and BagIt packages. Every export works on any document the models can read.

>>> from tei_kirov import read, export          # doctest: +SKIP
>>> doc = read("examples/kirov.xml")            # doctest: +SKIP
>>> html = export.to_html(doc)                  # doctest: +SKIP
>>> export.to_bag(doc, "kirov-bag")             # doctest: +SKIP
"""

from __future__ import annotations

from ..atomic import write_file
from .bag import bag_info, to_bag, validate_bag
from .html import to_html
from .jsonio import from_json, json_schema, schema_text, to_json
from .tables import to_csv, write_csv
from .text import to_text

__all__ = [
    "bag_info",
    "from_json",
    "json_schema",
    "schema_text",
    "to_bag",
    "to_csv",
    "to_html",
    "to_json",
    "to_text",
    "validate_bag",
    "write_csv",
    "write_file",
]

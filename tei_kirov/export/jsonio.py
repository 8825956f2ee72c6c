"""The model as JSON: a faithful dump of :class:`~tei_kirov.Document` that loads back into
an equal document, and the JSON Schema of the models."""

from __future__ import annotations

import json
from typing import Any

from ..models import Document

#: Keys written first in every object, for readability.
_FIRST = ("tag", "target", "text")


def _tidy(value: Any) -> Any:
    """Drop empty attribute maps and put ``tag`` first; loading restores the defaults, so
    equal documents always give the same text."""
    if isinstance(value, list):
        return [_tidy(v) for v in value]
    if not isinstance(value, dict):
        return value
    out: dict[str, Any] = {k: _tidy(value[k]) for k in _FIRST if k in value}
    for key, item in value.items():
        if key in out or (key in ("extra_attrs", "attrs") and not item):
            continue
        out[key] = _tidy(item)
    return out


def to_json(doc: Document, *, indent: int | None = 1) -> str:
    """``doc`` as JSON text (UTF-8, attributes that are not set left out); deterministic."""
    data = doc.model_dump(mode="json", exclude_none=True)
    return json.dumps(_tidy(data), ensure_ascii=False, indent=indent) + "\n"


def from_json(text: str | bytes) -> Document:
    """Load a document written by :func:`to_json` (or by ``Document.model_dump_json``)."""
    return Document.model_validate_json(text)


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of :class:`~tei_kirov.Document` and every model."""
    schema = Document.model_json_schema()
    schema.setdefault("$schema", "https://json-schema.org/draft/2020-12/schema")
    schema["title"] = "tei_kirov Document"
    return schema


def schema_text() -> str:
    """:func:`json_schema` as indented, key-sorted JSON text."""
    return json.dumps(json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"

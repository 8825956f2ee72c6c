"""The model as JSON: a faithful dump of :class:`~tei_kirov.Document` that loads back into
an equal document, and the JSON Schema of the models."""

from __future__ import annotations

import json
import re
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
    """The JSON Schema (draft 2020-12) of :class:`~tei_kirov.Document` and every model.

    Every object names its class in ``tag`` (required). A content item is routed on its
    ``tag`` to the one schema of that class, so a validator checks each node once: the
    routing is a tree of ``if``/``then``/``else`` on ``tag`` (about seven pattern tests per
    node), not a ``oneOf`` that tries every class. The content schema also carries an
    OpenAPI-style ``discriminator`` (``propertyName: tag`` and its mapping) for tools that
    read one; a tag that no class has is an opaque ``Element``."""
    schema = Document.model_json_schema()
    schema.setdefault("$schema", "https://json-schema.org/draft/2020-12/schema")
    schema["title"] = "tei_kirov Document"
    defs: dict[str, Any] = schema["$defs"]
    by_tag: dict[str, str] = {}
    for name, definition in defs.items():
        tag = definition.get("properties", {}).get("tag", {})
        if "const" in tag:
            by_tag[tag["const"]] = name
        if "tag" in definition.get("properties", {}):
            required = definition.setdefault("required", [])
            if "tag" not in required:
                required.append("tag")
    mapping = {tag: f"#/$defs/{by_tag[tag]}" for tag in sorted(by_tag)}
    routed = {
        "required": ["tag"],
        "properties": {"tag": {"type": "string"}},
        "discriminator": {"propertyName": "tag", "mapping": mapping},
        "if": _tag_in(sorted(by_tag)),
        "then": _route(sorted(by_tag), mapping),
        "else": {"$ref": "#/$defs/Element"},
    }
    defs["Content"] = {
        "description": "A content item: text, or a node whose class its tag names.",
        "type": ["string", "object"],
        "if": {"type": "string"},
        "else": routed,
    }
    return schema


def _tag_in(tags: list[str]) -> dict[str, Any]:
    """A schema that holds when ``tag`` is one of ``tags``."""
    alternatives = "|".join(re.escape(tag) for tag in tags)
    return {"properties": {"tag": {"pattern": f"^(?:{alternatives})$"}}}


def _route(tags: list[str], mapping: dict[str, str]) -> dict[str, Any]:
    """A binary tree of ``if``/``then``/``else`` that leads an object to the schema of its
    ``tag`` (known to be one of ``tags``)."""
    if len(tags) == 1:
        return {"$ref": mapping[tags[0]]}
    half = len(tags) // 2
    return {"if": _tag_in(tags[:half]), "then": _route(tags[:half], mapping),
            "else": _route(tags[half:], mapping)}


def schema_text() -> str:
    """:func:`json_schema` as indented, key-sorted JSON text."""
    return json.dumps(json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"

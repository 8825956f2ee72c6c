"""Conformance is proven, not assumed.

Random documents valid by construction against the profile's content-model table (see
``strategies.py``) are written, validated against the profile schema (with xmlschema, and
with libxml2, which ``tei_kirov.write`` uses) and against the official ``tei_all.rng``, then
read back; the model read must equal the model written.
"""

from __future__ import annotations

from typing import Any

import pytest
import xmlschema
from hypothesis import HealthCheck, given, settings
from lxml import etree

import tei_kirov
from tei_kirov.models import Document
from tei_kirov.profile import profile_schema, schema_path
from tests.profile.strategies import documents

#: The issue asks for at least 200 examples in CI.
EXAMPLES = 200


@pytest.fixture(scope="session")
def profile_xmlschema() -> xmlschema.XMLSchema:
    """The committed profile schema compiled by xmlschema, once per session."""
    return xmlschema.XMLSchema(str(schema_path()))


def _explain(doc: Document, data: bytes, errors: Any) -> str:
    return f"{errors}\n--- document ---\n{data.decode('utf-8')}"


def _difference(a: Any, b: Any, path: str = "") -> str | None:
    """Where two models first differ, in words (``None`` when they are equal)."""
    if type(a) is not type(b) or isinstance(a, str):
        return None if a == b else f"{path or '/'}: {a!r} != {b!r}"
    fields = {k: v for k, v in a.__dict__.items() if k != "content"}
    others = {k: v for k, v in b.__dict__.items() if k != "content"}
    if fields != others:
        return f"{path or '/'}: {fields!r} != {others!r}"
    mine, theirs = getattr(a, "content", []), getattr(b, "content", [])
    if len(mine) != len(theirs):
        return f"{path or '/'}: content {mine!r} != {theirs!r}"
    for i, (x, y) in enumerate(zip(mine, theirs, strict=True)):
        found = _difference(x, y, f"{path}/{getattr(x, 'tag', '#text')}[{i}]")
        if found:
            return found
    return None


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(doc=documents())
def test_random_documents_are_tei_and_round_trip(
    doc: Document, profile_xmlschema: xmlschema.XMLSchema, tei_all_relaxng: etree.RelaxNG
) -> None:
    data = tei_kirov.to_bytes(doc)
    tree = etree.fromstring(data)

    profile_errors = list(profile_xmlschema.iter_errors(tree))
    assert not profile_errors, _explain(doc, data, profile_errors[0])
    libxml2_profile = profile_schema()
    assert libxml2_profile.validate(tree), _explain(doc, data, libxml2_profile.error_log)
    assert tei_all_relaxng.validate(tree), _explain(doc, data, tei_all_relaxng.error_log)

    again = tei_kirov.parse(data)
    if again != doc:
        where = _difference(doc.root, again.root) or f"{doc.prolog!r} != {again.prolog!r}"
        raise AssertionError(_explain(doc, data, f"read back differently: {where}"))
    assert tei_kirov.to_bytes(again) == data

"""XML reading and writing: one symmetric pair driven by the model registry.

``reader`` turns bytes into models, ``writer`` models into bytes, and ``safety`` is the one
hostile-input-safe parser both (and the validator) use. Names are loaded lazily, so that
importing ``tei_kirov.xml.safety`` alone does not load the models."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_EXPORTS = {
    "from_tree": "reader", "parse": "reader", "read": "reader",
    "to_bytes": "writer", "to_string": "writer", "to_tree": "writer", "write": "writer",
}
__all__ = sorted(_EXPORTS)

if TYPE_CHECKING:
    from .reader import from_tree, parse, read
    from .writer import to_bytes, to_string, to_tree, write


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_EXPORTS[name]}"), name)
    globals()[name] = value
    return value

"""tei_kirov: typed, lossless TEI P5 for Python.

>>> import tei_kirov
>>> doc = tei_kirov.read("examples/kirov.xml")          # doctest: +SKIP
>>> [d.n for d in doc.body.iter(tei_kirov.models.Div)]   # doctest: +SKIP

The public surface is small: ``parse``, ``read``, ``to_string``, ``write`` (XML in and out),
``encode`` (plain text -> TEI), ``validate`` (reports), ``Document`` and the ``models``
package. Names are imported lazily so that the command line starts fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "parse": "tei_kirov.xml.reader",
    "read": "tei_kirov.xml.reader",
    "from_tree": "tei_kirov.xml.reader",
    "to_string": "tei_kirov.xml.writer",
    "to_bytes": "tei_kirov.xml.writer",
    "write": "tei_kirov.xml.writer",
    "Document": "tei_kirov.models",
    "encode": "tei_kirov.encoder",
    "validate": "tei_kirov.validation",
    "Report": "tei_kirov.validation",
    "TeiError": "tei_kirov.errors",
    "TeiReadError": "tei_kirov.errors",
    "TeiWriteError": "tei_kirov.errors",
}
_SUBPACKAGES = ("models", "xml", "encoder", "validation", "export", "errors", "profile",
                "collection")

__all__ = sorted([*_EXPORTS, *_SUBPACKAGES, "__version__"])

if TYPE_CHECKING:
    from . import collection, encoder, errors, export, models, profile, validation, xml
    from .encoder import encode
    from .errors import TeiError, TeiReadError, TeiWriteError
    from .models import Document
    from .validation import Report, validate
    from .xml.reader import from_tree, parse, read
    from .xml.writer import to_bytes, to_string, write


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        value = getattr(importlib.import_module(_EXPORTS[name]), name)
    elif name in _SUBPACKAGES:
        value = importlib.import_module(f"{__name__}.{name}")
    else:
        raise AttributeError(f"module 'tei_kirov' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__

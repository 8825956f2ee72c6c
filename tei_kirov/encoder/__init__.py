"""Plain text -> TEI: the encoder of the pamphlet (and of texts like it).

``encode(text, authority=None)`` runs the passes of :mod:`.pipeline`; each pass is a small
module of its own: :mod:`.ocr` (raw OCR: :mod:`.furniture`, :mod:`.rewrap`), :mod:`.blocks`,
:mod:`.notes`, :mod:`.pages`, :mod:`.structure`,
:mod:`.inline`, :mod:`.corrections`, :mod:`.quotes`, :mod:`.names`, :mod:`.dates`,
:mod:`.header`; :mod:`.authority` reads the authority file."""

from __future__ import annotations

from importlib import resources

from .authority import Authority, load_authority
from .pipeline import EncodeReport, encode, encode_with_report


def default_text() -> str:
    """The pamphlet shipped with the package."""
    return resources.files("tei_kirov.data").joinpath("kirov.txt").read_text(encoding="utf-8")


__all__ = ["Authority", "EncodeReport", "default_text", "encode", "encode_with_report",
           "load_authority"]

"""Plain text -> TEI: the encoder of the pamphlet (and of texts like it).

``encode(text, authority=None, meta=None)`` runs the passes of :mod:`.pipeline`; each pass
is a small module of its own: :mod:`.credits`, :mod:`.titlepage`, :mod:`.ocr` (raw OCR:
:mod:`.furniture`, :mod:`.rewrap`), :mod:`.blocks`, :mod:`.notes`, :mod:`.pages`,
:mod:`.structure`, :mod:`.inline`, :mod:`.corrections`, :mod:`.quotes`, :mod:`.names`,
:mod:`.dates`, :mod:`.settle`, :mod:`.header`; :mod:`.authority` reads the authority file,
:mod:`.meta` the metadata file, :mod:`.suggest` drafts an authority file from a text.
Nothing of the bundled pamphlet applies to another text: its authority and metadata are
used only by :func:`encode_default`."""

from __future__ import annotations

from importlib import resources

from ..models import Document
from .authority import Authority, default_authority, load_authority
from .meta import EditionMeta, Party, default_meta, load_meta
from .pipeline import EncodeReport, encode, encode_with_report
from .suggest import authority_document, suggest_authority


def default_text() -> str:
    """The pamphlet shipped with the package."""
    return resources.files("tei_kirov.data").joinpath("kirov.txt").read_text(encoding="utf-8")


def encode_default() -> tuple[Document, EncodeReport]:
    """The bundled pamphlet's edition (``examples/kirov.xml``), from its text, authority and
    metadata files: the only place those are used."""
    return encode_with_report(default_text(), default_authority(), default_meta())


__all__ = ["Authority", "EditionMeta", "EncodeReport", "Party", "authority_document",
           "default_authority", "default_meta", "default_text", "encode", "encode_default",
           "encode_with_report", "load_authority", "load_meta", "suggest_authority"]

"""The HTML reading edition: one self-contained HTML5 file.

Inline CSS only, no scripts, no images, no fonts fetched: a Content-Security-Policy forbids
every request, so the page works offline and leaks nothing. A table of contents from the
divisions, numbered footnotes (with their printed markers) linked both ways with their
author, names linked to an index of persons, places and organisations (with variants and
links back to every mention), dates as ``<time>``, corrections with the printed reading on
hover, page numbers in the margin.

The page is built as a tree of lxml elements and serialised once (:mod:`.page`), so every
text and attribute value from the document is escaped by construction. One module per
part of the page: :mod:`.front`, :mod:`.contents`, :mod:`.blocks`, :mod:`.inline`,
:mod:`.notes`, :mod:`.index`; :mod:`.vocab` maps TEI elements to HTML ones.
"""

from __future__ import annotations

from ...models import Document
from ...models.base import Container
from .._plan import build_plan
from .page import render


def to_html(doc: Document | Container, *, title: str | None = None) -> str:
    """Render ``doc`` (a :class:`~tei_kirov.Document` or a root element) as one
    self-contained HTML5 page."""
    return render(build_plan(doc), title)


__all__ = ["to_html"]

"""The page shell: ``head`` (CSP, metadata, style), the parts of the page in order, the
colophon, and serialising it all once."""

from __future__ import annotations

from lxml import html as lxml_html

from .._plan import Plan
from .._tree import texts
from ._base import clip
from ._build import HtmlElement, Nodes, h, joined
from .blocks import BlocksMixin
from .contents import toc
from .front import FrontMixin
from .index import IndexMixin
from .inline import InlineMixin
from .notes import NotesMixin
from .style import CSS

CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
       "form-action 'none'")
_UNTITLED = "Untitled TEI document"


class Renderer(FrontMixin, BlocksMixin, InlineMixin, NotesMixin, IndexMixin):
    """Turns a :class:`~tei_kirov.export._plan.Plan` into one HTML page."""

    def page(self, title: str | None) -> HtmlElement:
        """The page as a tree (the ``html`` element)."""
        plan, meta = self.plan, self.plan.meta
        doc_title = title or meta.title or _UNTITLED
        header = self.title_block(doc_title)
        body = [part for text in texts(plan.root) for part in joined([self.text_part(text)])]
        notes, index = self.notes_section(), self.index_section()
        back = [(html_id, label) for html_id, label, part in (("notes", "Notes", notes),
                                                              ("index", "Index", index))
                if part is not None]
        head = h("head", None, joined([
            h("meta", {"charset": "utf-8"}),
            h("meta", {"http-equiv": "Content-Security-Policy", "content": CSP}),
            h("meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"}),
            h("title", None, [doc_title]),
            h("meta", {"name": "generator", "content": "tei_kirov"}),
            *(h("meta", {"name": "author", "content": a}) for a in meta.names("author")),
            h("link", {"rel": "icon", "href": "data:,"}),
            h("style", None, [CSS]),
        ]))
        main: Nodes = ["\n", *body, "\n"] if body else ["\n"]
        contents = toc(plan.sections, back)
        parts = [header, contents, h("main", None, main), notes, index, self._colophon()]
        page = h("div", {"class": "page"},
                 ["\n", *joined([p for p in parts if p is not None]), "\n"])
        root = h("html", {"lang": plan.language},
                 ["\n", head, "\n", h("body", None, ["\n", page, "\n"]), "\n"])
        return root

    def _colophon(self) -> HtmlElement:
        meta = self.plan.meta
        bits: Nodes = []
        if meta.publisher:
            where = f", {meta.pub_place}" if meta.pub_place else ""
            when = f", {meta.pub_date}" if meta.pub_date else ""
            bits.append(f"Published by {meta.publisher}{where}{when}. ")
        if meta.licence:
            licence: Nodes = [clip(meta.licence, 200)]
            if meta.licence_url.startswith(("http://", "https://")):
                licence = [h("a", {"href": meta.licence_url, "rel": "license noopener"},
                             licence)]
            bits += ["Licence: ", *licence, " "]
        bits.append("Rendered from TEI by tei_kirov.")
        return h("footer", {"class": "colophon"}, [h("p", None, bits)])


def serialise(root: HtmlElement) -> str:
    """The one place the page becomes text: ``<!DOCTYPE html>`` and the escaped tree."""
    text: str = lxml_html.tostring(root, doctype="<!DOCTYPE html>", encoding="unicode",
                                   method="html")
    return text + "\n"


def build_page(plan: Plan, title: str | None = None) -> HtmlElement:
    """The page of ``plan`` as a tree, before serialisation."""
    return Renderer(plan).page(title)


def render(plan: Plan, title: str | None = None) -> str:
    """The page of ``plan`` as HTML5 text."""
    return serialise(build_page(plan, title))

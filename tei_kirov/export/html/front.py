"""The head of the page: the title page as printed when the text has one, otherwise the
title from the header; then who made the edition and its source."""

from __future__ import annotations

from ...models.base import Container
from .._plan import Plan
from .._tree import attr, elements, local, texts
from ._base import RenderState, clip
from ._build import HtmlElement, Nodes, h, joined

_ROLES = (("author", "by"), ("translator", "translated by"), ("editor", "edited by"),
          ("encoder", "encoded by"))
_PRE = ("sup", "pre")
_SUB = ("sub", "desc")


class FrontMixin(RenderState):
    """Renders the title block and title pages."""

    def title_block(self, doc_title: str) -> HtmlElement:
        """The page's ``header``: title (page), responsibilities, source."""
        meta = self.plan.meta
        lines: list[Nodes] = []
        title_page = find_title_page(self.plan)
        if title_page is not None:
            self.used_title_page = title_page
            lines.append(self.title_page(title_page))
        else:
            lines.append([h("h1", None, [doc_title])])
            if meta.subtitle:
                lines.append([h("p", {"class": "sub"}, [meta.subtitle])])
        edition: list[Nodes] = []
        for role, wording in _ROLES:
            names = meta.names(role)
            if names:
                edition.append([h("p", {"class": "resp"},
                                  [wording, " ", h("b", None, [", ".join(names)])])])
        if meta.source:
            edition.append([h("p", {"class": "source"}, ["Source: " + clip(meta.source, 400)])])
        if edition:
            lines.append([h("div", {"class": "edition"}, joined(edition))])
        return h("header", {"class": "titleblock"}, ["\n", *joined(lines), "\n"])

    def title_page(self, node: Container) -> Nodes:
        self.in_title_page += 1
        try:
            return self._title_page_parts(node)
        finally:
            self.in_title_page -= 1

    def _title_page_parts(self, node: Container) -> Nodes:
        parts: list[Nodes] = []
        for el in elements(node):
            if local(el) != "docTitle":
                parts.append(self.block(el, 0))
                continue
            inner: Nodes = []
            for part in elements(el):
                kind = attr(part, "type")
                position = "pre" if kind in _PRE else "sub" if kind in _SUB else ""
                classes = " ".join(c for c in (position, "titlepart", kind or "main") if c)
                if inner:
                    inner.append(h("br"))
                inner.append(h("span", {"class": classes}, self.inline(part)))
            tag = "h1" if node is self.used_title_page else "p"
            parts.append([h(tag, {"class": "doctitle"}, inner)])
        return joined(parts)


def find_title_page(plan: Plan) -> Container | None:
    """The first ``titlePage`` of a text's ``front``, if any."""
    for text in texts(plan.root):
        for el in elements(text):
            if local(el) == "front":
                for kid in elements(el):
                    if local(kid) == "titlePage":
                        return kid
    return None

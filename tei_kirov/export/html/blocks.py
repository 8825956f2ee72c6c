"""Block content: the text's parts, divisions and their heads, paragraphs, lists,
quotations, tables and figures."""

from __future__ import annotations

from ...models.base import Container
from .._tree import DIVISIONS, NON_TEXT, attr, content, descendants, elements, local
from ._base import RenderState, css_name, lang
from ._build import HtmlElement, Nodes, h, joined, strip
from .inline import squeeze_keep
from .vocab import BLOCKS, WRAPPERS

_NEVER_BLOCK = frozenset({"note", "pb", "lb", "cb", "milestone", "anchor", "gap"})


class BlocksMixin(RenderState):
    """Renders elements in block position."""

    def text_part(self, node: Container) -> Nodes:
        """A ``text``: its front, body, back and groups as sections."""
        parts: list[Nodes] = []
        for el in elements(node):
            name = local(el)
            if name in NON_TEXT:
                continue
            if name == "front":
                inner = self.blocks(el, 0, skip_title=True)
                parts.append([h("section", {"class": "front"}, inner)])
            elif name in ("body", "back", "group"):
                parts.append([h("section", {"class": name}, self.blocks(el, 0))])
            else:
                parts.append(self.block(el, 0))
        return joined(parts)

    def blocks(self, node: Container, depth: int, *, skip_title: bool = False) -> Nodes:
        """Render the content of an element-only container as a run of blocks; loose text
        and inline elements between blocks are gathered into paragraphs."""
        out: list[Nodes] = []
        run: Nodes = []
        heads_seen = 0

        def flush() -> None:
            text = strip(run)
            if text:
                out.append([h("p", {"class": "loose"}, text)])
            run.clear()

        for item in content(node):
            if isinstance(item, str):
                if item.strip():
                    run.append(squeeze_keep(item))
                elif run:
                    run.append(" ")
                continue
            name = local(item)
            if not isinstance(item, Container) or name in NON_TEXT:
                continue
            if skip_title and item is self.used_title_page:
                continue
            if name == "head" and local(node) in DIVISIONS:
                flush()
                out.append([self._head(item, depth, heads_seen)])
                heads_seen += 1
                continue
            block = self._is_block(item)
            if block or name == "quote":  # a quotation between blocks
                flush()
                out.append(self.block(item, depth))
            else:
                run.extend(self.node(item))
            refs = self.anchored(item) if block else []
            if refs:
                out.append([h("p", {"class": "anchored"}, refs)])
        flush()
        return joined(out)

    def _is_block(self, el: Container) -> bool:
        name = local(el)
        if name in _NEVER_BLOCK:
            return False
        if name in BLOCKS or name in WRAPPERS:
            return True
        # a quotation, an opaque element: a block when it holds blocks
        return any(local(d) in BLOCKS for d in descendants(el, frozenset({"note"})))

    def holds_blocks(self, el: Container) -> bool:
        return any(self._is_block(kid) for kid in elements(el)
                   if local(kid) not in NON_TEXT and not local(kid).startswith("#"))

    def _head(self, head: Container, depth: int, heads_seen: int) -> HtmlElement:
        if heads_seen == 0 and attr(head, "type") not in ("sub", "subtitle"):
            return h(f"h{min(1 + depth, 6)}", lang(head), self.inline(head))
        return h("p", {"class": "subhead", **lang(head)}, self.inline(head))

    def block(self, el: Container, depth: int) -> Nodes:
        name = local(el)
        if name in DIVISIONS:
            section = self.plan.section_of.get(id(el))
            kind = attr(el, "type")
            attrs = {"id": section.html_id if section else None,
                     "class": "div" + (f" {kind}" if kind else ""), **lang(el)}
            return [h("section", attrs, ["\n", *self.blocks(el, depth + 1), "\n"])]
        if name in ("p", "ab") and not self.holds_blocks(el):
            return [h("p", {"class": "ab" if name == "ab" else None, **lang(el)},
                      strip(self.inline(el)))]
        if name in ("p", "ab"):
            return [h("div", {"class": "p", **lang(el)}, self.blocks(el, depth))]
        if name == "head":
            return [h("p", {"class": "head", **lang(el)}, self.inline(el))]
        if name == "list":
            return self._list(el, depth)
        if name == "item":
            return [h("div", {"class": "item", **lang(el)}, self.blocks(el, depth))]
        if name in ("quote", "cit"):
            return [self._quote(el, depth)]
        if name == "table":
            return [self._table(el)]
        if name == "figure":
            return [self._figure(el)]
        if name == "l":
            return [h("span", {"class": "l", **lang(el)}, self.inline(el))]
        if name == "titlePage":
            return [h("div", {"class": "titlepage", **lang(el)}, self.title_page(el))]
        if name == "docTitle":
            return [h("p", {"class": "doctitle", **lang(el)}, self.inline(el))]
        if name in WRAPPERS:
            tag, cls = WRAPPERS[name]
            if tag == "p" and not self.holds_blocks(el):
                return [h("p", {"class": cls, **lang(el)}, strip(self.inline(el)))]
            return [h("div", {"class": cls, **lang(el)}, self.blocks(el, depth))]
        # any other element in block position: opaque or untyped containers
        cls = "block tei-" + css_name(name)
        if self.holds_blocks(el):
            return [h("div", {"class": cls, **lang(el)}, self.blocks(el, depth))]
        inner = strip(self.inline(el))
        return [h("div", {"class": cls, **lang(el)}, inner)] if inner else []

    def _list(self, el: Container, depth: int) -> Nodes:
        # milestones and notes between items go into the item that follows them
        pairs: list[tuple[Container, list[Container]]] = []
        pending: list[Container] = []
        for kid in elements(el):
            if local(kid) in ("item", "label", "head"):
                pairs.append((kid, pending))
                pending = []
            elif not local(kid).startswith("#") and local(kid) not in NON_TEXT:
                pending.append(kid)
        carried = {id(i): extra for i, extra in pairs}
        trailing = {id(pairs[-1][0]): pending} if pairs else {}
        items = [i for i, _ in pairs]
        numbered = "number" in (attr(el, "rend") or "") or attr(el, "type") in (
            "ordered", "numbered") or any(attr(i, "n") for i in items if local(i) == "item")
        labelled = any(_leading_label(i) is not None for i in items if local(i) == "item")
        lines: list[Nodes] = []
        for item in items:
            name = local(item)
            if name == "head":
                continue
            if name == "label":
                lines.append([h("li", {"class": "label"}, self.inline(item))])
                continue
            label = _leading_label(item)
            extra = [part for k in carried[id(item)] for part in self.node(k)]
            prefix: Nodes = []
            if label is not None:
                prefix = [h("span", {"class": "itemlabel"}, self.inline(label))]
                rest = content(item)
                item = item.model_copy(update={"content": rest[
                    next(i for i, c in enumerate(rest) if c is label) + 1:]})
            body = self.blocks(item, depth) if self.holds_blocks(item) else self.inline(item)
            after = [part for k in trailing.get(id(item), []) for part in self.node(k)]
            attrs = {"data-n": None if labelled else attr(item, "n"), **lang(item)}
            lines.append([h("li", attrs, [*prefix, *extra, *strip(body), *after])])
        heads = [h("p", {"class": "listhead"}, self.inline(i)) for i in items
                 if local(i) == "head"]
        listed = h("ol" if numbered else "ul", {"class": "list labelled" if labelled else "list"},
                   ["\n", *joined(lines), "\n"])
        return [*heads, listed]

    def _quote(self, el: Container, depth: int) -> HtmlElement:
        if local(el) == "cit":
            inner: list[Nodes] = []
            for kid in elements(el):
                kid_name = local(kid)
                if kid_name in ("quote", "q"):
                    inner.append([self._quote(kid, depth)])
                elif kid_name in ("bibl", "ref", "ptr", "biblStruct"):
                    inner.append([h("p", {"class": "bibl"}, self.inline(kid))])
                elif kid_name == "note":
                    inner.append([h("p", None, self.node(kid))])
                else:
                    inner.append(self.block(kid, depth))
            return h("div", {"class": "cit block", **lang(el)}, joined(inner))
        if self.holds_blocks(el):
            return h("blockquote", lang(el), self.blocks(el, depth))
        return h("blockquote", lang(el), [h("p", None, strip(self.inline(el)))])

    def _table(self, el: Container) -> HtmlElement:
        rows: list[Nodes] = []
        for row in elements(el):
            if local(row) == "head":
                rows.append([h("caption", None, self.inline(row))])
                continue
            if local(row) != "row":
                continue
            cells = []
            for cell in elements(row):
                tag = "th" if "label" in (attr(cell, "role"), attr(row, "role")) else "td"
                cells.append(h(tag, {"colspan": attr(cell, "cols")}, self.inline(cell)))
            rows.append([h("tr", None, cells)])
        return h("table", {"class": "tei"}, joined(rows))

    def _figure(self, el: Container) -> HtmlElement:
        parts: Nodes = []
        for kid in elements(el):
            name = local(kid)
            if name in ("head", "figDesc"):
                parts.append(h("figcaption", None, self.inline(kid)))
            elif name == "graphic":
                parts.extend(self.node(kid))
            elif name == "p":
                parts.extend(self.block(kid, 0))
        return h("figure", {"class": "figure"}, parts)


def _leading_label(item: Container) -> Container | None:
    """The ``label`` an item starts with (the printed number), if any."""
    for kid in content(item):
        if isinstance(kid, str):
            if kid.strip():
                return None
            continue
        return kid if local(kid) == "label" and isinstance(kid, Container) else None
    return None

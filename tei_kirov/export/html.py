"""The HTML reading edition: one self-contained HTML5 file.

Inline CSS only, no scripts, no images, no fonts fetched: a Content-Security-Policy forbids
every request, so the page works offline and leaks nothing. A table of contents from the
divisions, footnotes linked both ways with their author, names linked to an index of
persons, places and organisations (with variants and links back to every mention), dates
as ``<time>``, corrections with the printed reading on hover, page numbers in the margin.
"""

from __future__ import annotations

from html import escape
from typing import Any

from ._plan import Entity, Plan, Section, build_plan
from ._tree import (
    DIVISIONS,
    NON_TEXT,
    alternative,
    app_reading,
    attr,
    choose,
    content,
    descendants,
    elements,
    local,
    plain,
    squeeze,
)
from .html_style import CSS

_CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
        "form-action 'none'")

#: TEI elements rendered as blocks (HTML flow content that a ``<p>`` cannot hold).
_BLOCKS = frozenset({
    *DIVISIONS, "p", "ab", "list", "table", "lg", "figure", "sp", "cit", "closer", "opener",
    "floatingText", "titlePage", "head", "epigraph", "argument", "trailer", "postscript",
    "listBibl", "div", "front", "body", "back", "group", "text", "docTitle", "docImprint",
    "byline", "docAuthor", "docDate", "docEdition", "l", "item", "row", "cell",
})
#: Block wrappers: element -> (HTML tag, class).
_WRAPPERS = {
    "opener": ("div", "opener"), "closer": ("div", "closer"), "epigraph": ("div", "epigraph"),
    "argument": ("div", "argument"), "trailer": ("p", "trailer"),
    "postscript": ("div", "postscript"),
    "byline": ("p", "byline"), "dateline": ("p", "dateline"), "salute": ("p", "salute"),
    "signed": ("p", "signed"), "docImprint": ("p", "docimprint"), "docAuthor": ("p", "docauthor"),
    "docDate": ("p", "docdate"), "docEdition": ("p", "docedition"), "address": ("p", "address"),
    "floatingText": ("div", "floatingtext"), "sp": ("div", "sp"), "speaker": ("p", "speaker"),
    "lg": ("div", "lg"), "bibl": ("p", "bibl"), "listBibl": ("div", "listbibl"),
    "imprimatur": ("p", "imprimatur"), "ab": ("p", "ab"), "label": ("p", "label"),
}
#: Inline renderings: element -> (HTML tag, class).
_INLINE = {
    "emph": ("em", ""), "foreign": ("i", "foreign"), "term": ("i", "term"),
    "mentioned": ("i", "mentioned"), "soCalled": ("span", "socalled"), "q": ("span", "q"),
    "said": ("span", "said"), "seg": ("span", "seg"), "del": ("del", ""), "add": ("ins", ""),
    "unclear": ("span", "unclear"), "abbr": ("abbr", ""), "num": ("span", "num"),
    "quote": ("span", "quote"),
    "measure": ("span", "measure"), "bibl": ("span", "bibl"), "l": ("span", "l"),
    "speaker": ("span", "speaker"), "stage": ("span", "stage"), "sic": ("span", "sic"),
    "corr": ("span", "corr-plain"), "orig": ("span", "orig"), "reg": ("span", "reg-plain"),
    "expan": ("span", "expan-plain"), "titlePart": ("span", "titlepart"), "label": ("b", "label"),
    "dateline": ("span", "dateline"), "salute": ("span", "salute"), "signed": ("span", "signed"),
    "address": ("span", "address"), "addrLine": ("span", "addrline"), "byline": ("span", "byline"),
}
_HI = {
    "italic": ("i", ""), "italics": ("i", ""), "i": ("i", ""), "it": ("i", ""),
    "bold": ("b", ""), "b": ("b", ""), "sup": ("sup", ""), "superscript": ("sup", ""),
    "sub": ("sub", ""), "subscript": ("sub", ""), "smallcaps": ("span", "smallcaps"),
    "small-caps": ("span", "smallcaps"), "sc": ("span", "smallcaps"),
    "underline": ("span", "underline"), "u": ("span", "underline"),
    "spaced": ("span", "spaced"), "letter-spacing": ("span", "spaced"),
    "caps": ("span", "caps"), "uppercase": ("span", "caps"),
}
_KIND_TITLES = {"person": "Persons", "place": "Places", "org": "Organisations"}


def to_html(doc: Any, *, title: str | None = None) -> str:
    """Render ``doc`` (a :class:`~tei_kirov.Document` or a root element) as one
    self-contained HTML5 page."""
    plan = build_plan(doc)
    return _Renderer(plan).page(title)


def _esc(text: str) -> str:
    return escape(text, quote=False)


def _q(text: str) -> str:
    return escape(text, quote=True)


def _attrs(**values: str | None) -> str:
    """`` name="value"`` pairs for the values that are set (``class_`` -> ``class``)."""
    out = []
    for key, value in values.items():
        if value is None or value == "":
            continue
        out.append(f' {key.rstrip("_").replace("_", "-")}="{_q(value)}"')
    return "".join(out)


class _Renderer:
    """Turns a :class:`Plan` into HTML; one instance renders one page."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.in_link = 0
        self.deferred: list[str] = []
        self.used_title_page: Any = None
        self.in_title_page = 0
        #: note numbers and mention ids actually written, so back links never dangle
        self.emitted_refs: set[int] = set()
        self.emitted_mentions: set[str] = set()
        self.page_ids: set[str] = set()
        self.pb_count = 0

    # -- page ---------------------------------------------------------------------------
    def page(self, title: str | None) -> str:
        plan, meta = self.plan, self.plan.meta
        doc_title = title or meta.title or "Untitled TEI document"
        head_block = self._title_block(doc_title)
        body_parts = [self._text(t) for t in _text_nodes(plan)]
        notes, index = self._notes(), self._index()
        back = [(i, label) for i, label, html in (("notes", "Notes", notes),
                                                   ("index", "Index", index)) if html]
        parts = [
            "<!DOCTYPE html>",
            f'<html lang="{_q(plan.language)}">',
            "<head>",
            '<meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{_esc(doc_title)}</title>",
            '<meta name="generator" content="tei_kirov">',
            *(f'<meta name="author" content="{_q(a)}">' for a in meta.names("author")),
            '<link rel="icon" href="data:,">',
            f"<style>{CSS}</style>",
            "</head>",
            "<body>",
            '<div class="page">',
            head_block,
            self._toc(back),
            "<main>",
            *body_parts,
            "</main>",
            notes,
            index,
            self._colophon(),
            "</div>",
            "</body>",
            "</html>",
        ]
        return "\n".join(p for p in parts if p) + "\n"

    def _title_block(self, doc_title: str) -> str:
        meta = self.plan.meta
        lines = ['<header class="titleblock">']
        title_page = _title_page(self.plan)
        if title_page is not None:
            self.used_title_page = title_page
            lines.append(self._title_page(title_page))
        else:
            lines.append(f"<h1>{_esc(doc_title)}</h1>")
            if meta.subtitle:
                lines.append(f'<p class="sub">{_esc(meta.subtitle)}</p>')
        roles = (("author", "by"), ("translator", "translated by"), ("editor", "edited by"),
                 ("encoder", "encoded by"))
        edition = []
        for role, wording in roles:
            names = meta.names(role)
            if names:
                who = _esc(", ".join(names))
                edition.append(f'<p class="resp">{_esc(wording)} <b>{who}</b></p>')
        if meta.source:
            edition.append(f'<p class="source">Source: {_esc(_clip(meta.source, 400))}</p>')
        if edition:
            lines.append('<div class="edition">' + "\n".join(edition) + "</div>")
        lines.append("</header>")
        return "\n".join(lines)

    def _title_page(self, node: Any) -> str:
        self.in_title_page += 1
        try:
            return self._title_page_parts(node)
        finally:
            self.in_title_page -= 1

    def _title_page_parts(self, node: Any) -> str:
        parts = []
        for el in elements(node):
            if local(el) == "docTitle":
                inner = []
                for part in elements(el):
                    cls = "titlepart " + (attr(part, "type") or "main")
                    span_cls = "pre" if attr(part, "type") in ("sup", "pre") else (
                        "sub" if attr(part, "type") in ("sub", "desc") else "")
                    text = self._inline(part)
                    if span_cls:
                        inner.append(f'<span class="{span_cls} {cls}">{text}</span><br>')
                    else:
                        inner.append(f'<span class="{cls}">{text}</span><br>')
                joined = "".join(inner).removesuffix("<br>")
                tag = "h1" if node is self.used_title_page else "p"
                parts.append(f'<{tag} class="doctitle">{joined}</{tag}>')
            else:
                parts.append(self._block(el, 0))
        return "\n".join(parts)

    # -- table of contents ---------------------------------------------------------------
    def _toc(self, back: list[tuple[str, str]]) -> str:
        """Contents: the titled divisions (untitled ones lift their titled subdivisions
        up a level), then the back matter (notes, index) when there is any."""
        entries = self._toc_entries(self.plan.sections)
        if not entries:
            return ""
        entries += [f'<li class="toc-back"><a href="#{html_id}">{label}</a></li>'
                    for html_id, label in back]
        return ('<nav class="toc" aria-label="Contents">\n<h2>Contents</h2>\n<ol>'
                + "".join(entries) + "</ol>\n</nav>")

    def _toc_entries(self, sections: list[Section]) -> list[str]:
        entries: list[str] = []
        for section in sections:
            sub = self._toc_entries(section.children)
            if not section.label:
                entries.extend(sub)
                continue
            link = f'<a href="#{section.html_id}">{_esc(_clip(section.label, 160))}</a>'
            nested = "<ol>" + "".join(sub) + "</ol>" if sub else ""
            entries.append(f"<li>{link}{nested}</li>")
        return entries

    # -- text ---------------------------------------------------------------------------
    def _text(self, node: Any) -> str:
        parts = []
        for el in elements(node):
            name = local(el)
            if name in NON_TEXT:
                continue
            if name == "front":
                inner = self._blocks(el, 0, skip_title=True)
                parts.append(f'<section class="front">{inner}</section>')
            elif name in ("body", "back"):
                parts.append(f'<section class="{name}">{self._blocks(el, 0)}</section>')
            elif name == "group":
                parts.append(f'<section class="group">{self._blocks(el, 0)}</section>')
            else:
                parts.append(self._block(el, 0))
        return "\n".join(p for p in parts if p)

    def _blocks(self, node: Any, depth: int, *, skip_title: bool = False) -> str:
        """Render the content of an element-only container as a run of blocks; loose text
        and inline elements between blocks are gathered into paragraphs."""
        out: list[str] = []
        run: list[str] = []
        heads_seen = 0

        def flush() -> None:
            text = "".join(run).strip()
            if text:
                out.append(f'<p class="loose">{text}</p>')
            run.clear()

        for item in content(node):
            if isinstance(item, str):
                if item.strip():
                    run.append(_esc(squeeze_keep(item)))
                elif run:
                    run.append(" ")
                continue
            name = local(item)
            if name.startswith("#") or name in NON_TEXT:
                continue
            if skip_title and item is self.used_title_page:
                continue
            if name == "head" and local(node) in DIVISIONS:
                flush()
                out.append(self._head(item, depth, heads_seen))
                heads_seen += 1
                continue
            if self._is_block(item) or name == "quote":  # a quotation between blocks
                flush()
                out.append(self._block(item, depth))
            else:
                run.append(self._node(item))
            refs = self._anchored(item) if self._is_block(item) else []
            if refs:
                out.append('<p class="anchored">' + "".join(refs) + "</p>")
        flush()
        return "\n".join(out)

    def _is_block(self, el: Any) -> bool:
        name = local(el)
        if name in ("note", "pb", "lb", "cb", "milestone", "anchor", "gap"):
            return False
        if name in _BLOCKS or name in _WRAPPERS:
            return True
        # a quotation, an opaque element: a block when it holds blocks
        return any(local(d) in _BLOCKS for d in descendants(el, frozenset({"note"})))

    def _head(self, head: Any, depth: int, heads_seen: int) -> str:
        level = min(1 + depth, 6)
        if heads_seen == 0 and attr(head, "type") not in ("sub", "subtitle"):
            return f"<h{level}{self._lang(head)}>{self._inline(head)}</h{level}>"
        return f'<p class="subhead"{self._lang(head)}>{self._inline(head)}</p>'

    def _lang(self, el: Any) -> str:
        lang = attr(el, "xml:lang")
        return f' lang="{_q(lang)}"' if lang else ""

    def _block(self, el: Any, depth: int) -> str:
        name = local(el)
        lang = self._lang(el)
        if name in DIVISIONS:
            section = self.plan.section_of.get(id(el))
            html_id = section.html_id if section else None
            cls = "div" + (f" {attr(el, 'type')}" if attr(el, "type") else "")
            return (f'<section{_attrs(id=html_id, class_=cls)}{lang}>\n'
                    f"{self._blocks(el, depth + 1)}\n</section>")
        if name in ("p", "ab") and not self._holds_blocks(el):
            inner = self._inline(el).strip()
            return f"<p{_attrs(class_='ab' if name == 'ab' else None)}{lang}>{inner}</p>"
        if name in ("p", "ab"):
            return f'<div class="p"{lang}>{self._mixed(el, depth)}</div>'
        if name == "head":
            return f'<p class="head"{lang}>{self._inline(el)}</p>'
        if name == "list":
            return self._list(el, depth)
        if name == "item":
            return f"<div class=\"item\"{lang}>{self._mixed(el, depth)}</div>"
        if name in ("quote", "cit"):
            return self._quote(el, depth)
        if name == "table":
            return self._table(el)
        if name == "figure":
            return self._figure(el)
        if name == "l":
            return f'<span class="l"{lang}>{self._inline(el)}</span>'
        if name == "titlePage":
            return f'<div class="titlepage"{lang}>{self._title_page(el)}</div>'
        if name == "docTitle":
            return f'<p class="doctitle"{lang}>{self._inline(el)}</p>'
        if name in _WRAPPERS:
            tag, cls = _WRAPPERS[name]
            if tag == "p" and not self._holds_blocks(el):
                return f'<p class="{cls}"{lang}>{self._inline(el).strip()}</p>'
            return f'<div class="{cls}"{lang}>{self._mixed(el, depth)}</div>'
        # any other element in block position: opaque or untyped containers
        cls = "block tei-" + _css_name(name)
        if self._holds_blocks(el):
            return f'<div class="{cls}"{lang}>{self._mixed(el, depth)}</div>'
        inner = self._inline(el).strip()
        return f'<div class="{cls}"{lang}>{inner}</div>' if inner else ""

    def _holds_blocks(self, el: Any) -> bool:
        return any(self._is_block(kid) for kid in elements(el)
                   if local(kid) not in NON_TEXT and not local(kid).startswith("#"))

    def _mixed(self, el: Any, depth: int) -> str:
        """Content that mixes text and blocks: text runs become paragraphs."""
        return self._blocks(el, depth)

    def _list(self, el: Any, depth: int) -> str:
        # milestones and notes between items go into the item that follows them
        items: list[Any] = []
        pending: list[Any] = []
        for kid in elements(el):
            if local(kid) in ("item", "label", "head"):
                items.append((kid, pending))
                pending = []
            elif not local(kid).startswith("#") and local(kid) not in NON_TEXT:
                pending.append(kid)
        carried = {id(i): extra for i, extra in items}
        trailing = {id(items[-1][0]): pending} if items else {}
        items = [i for i, _ in items]
        numbered = (attr(el, "rend") or "").find("number") >= 0 or attr(el, "type") in (
            "ordered", "numbered") or any(attr(i, "n") for i in items if local(i) == "item")
        tag = "ol" if numbered else "ul"
        lines: list[str] = []
        heads = [self._inline(h) for h in items if local(h) == "head"]
        labelled = any(_leading_label(i) is not None for i in items if local(i) == "item")
        for item in items:
            name = local(item)
            if name == "head":
                continue
            if name == "label":
                lines.append(f'<li class="label">{self._inline(item)}</li>')
                continue
            n = None if labelled else attr(item, "n")
            label = _leading_label(item)
            extra = "".join(self._node(k) for k in carried[id(item)])
            prefix = ""
            if label is not None:
                prefix = f'<span class="itemlabel">{self._inline(label)}</span>'
                item = item.model_copy(update={"content": content(item)[
                    next(i for i, c in enumerate(content(item)) if c is label) + 1:]})
            body = self._mixed(item, depth) if self._holds_blocks(item) else self._inline(item)
            after = "".join(self._node(k) for k in trailing.get(id(item), []))
            lines.append(f"<li{_attrs(data_n=n)}{self._lang(item)}>"
                         f"{prefix}{extra}{body.strip()}{after}</li>")
        head_html = "".join(f'<p class="listhead">{h}</p>' for h in heads)
        cls = "list labelled" if labelled else "list"
        return f'{head_html}<{tag} class="{cls}">\n' + "\n".join(lines) + f"\n</{tag}>"

    def _quote(self, el: Any, depth: int) -> str:
        name = local(el)
        lang = self._lang(el)
        if name == "cit":
            inner = []
            for kid in elements(el):
                if local(kid) in ("quote", "q"):
                    inner.append(self._quote(kid, depth))
                elif local(kid) in ("bibl", "ref", "ptr", "biblStruct"):
                    inner.append(f'<p class="bibl">{self._inline(kid)}</p>')
                elif local(kid) == "note":
                    inner.append(f"<p>{self._node(kid)}</p>")
                else:
                    inner.append(self._block(kid, depth))
            return f'<div class="cit block"{lang}>' + "\n".join(inner) + "</div>"
        if self._holds_blocks(el):
            return f"<blockquote{lang}>{self._blocks(el, depth)}</blockquote>"
        return f"<blockquote{lang}><p>{self._inline(el).strip()}</p></blockquote>"

    def _table(self, el: Any) -> str:
        rows = []
        for row in elements(el):
            if local(row) == "head":
                rows.append(f"<caption>{self._inline(row)}</caption>")
                continue
            if local(row) != "row":
                continue
            cells = []
            for cell in elements(row):
                label = "label" in (attr(cell, "role"), attr(row, "role"))
                tag = "th" if label else "td"
                span = attr(cell, "cols")
                cells.append(f"<{tag}{_attrs(colspan=span)}>{self._inline(cell)}</{tag}>")
            rows.append("<tr>" + "".join(cells) + "</tr>")
        return '<table class="tei">' + "\n".join(rows) + "</table>"

    def _figure(self, el: Any) -> str:
        parts = []
        for kid in elements(el):
            name = local(kid)
            if name in ("head", "figDesc"):
                parts.append(f"<figcaption>{self._inline(kid)}</figcaption>")
            elif name == "graphic":
                parts.append(self._node(kid))
            elif name == "p":
                parts.append(self._block(kid, 0))
        return '<figure class="figure">' + "".join(parts) + "</figure>"

    # -- inline ---------------------------------------------------------------------------
    def _inline(self, el: Any) -> str:
        """The content of ``el`` rendered as phrasing content."""
        out = []
        for item in content(el):
            if isinstance(item, str):
                out.append(_esc(squeeze_keep(item)))
            else:
                out.append(self._node(item))
        return "".join(out)

    def _node(self, el: Any) -> str:
        """One node in phrasing context."""
        name = local(el)
        if name.startswith("#") or name in NON_TEXT:
            return ""
        html = self._phrase(el, name)
        anchored = self._anchored(el)
        if anchored:
            html += "".join(anchored)
        return html

    def _anchored(self, el: Any) -> list[str]:
        el_id = attr(el, "xml:id")
        if not el_id or el_id not in self.plan.anchored:
            return []
        return [self._note_ref(n, force=True) for n in self.plan.anchored[el_id]]

    def _phrase(self, el: Any, name: str) -> str:
        lang = self._lang(el)
        if name == "note":
            return self._note_ref(el)
        if name == "pb":
            return self._page_break(el)
        if name in ("lb", "cb"):
            if self.in_title_page and name == "lb":
                return "<br>"
            return "" if attr(el, "break") == "no" else " "
        if name in ("milestone", "anchor", "space", "fw", "figDesc", "graphic") and not content(el):
            if name == "space":
                return " "
            if name == "graphic":
                url = attr(el, "url") or ""
                return f'<span class="graphic">[image{": " + _esc(url) if url else ""}]</span>'
            return ""
        if name == "date":
            return self._date(el)
        if id(el) in self.plan.mention_of:
            return self._mention(el)
        if name == "choice":
            return self._choice(el)
        if name == "hi":
            rend = (attr(el, "rend") or "").replace("(", " ").replace(")", " ").split()
            tag, cls = next((_HI[r.lower()] for r in rend if r.lower() in _HI), ("i", ""))
            if rend and not any(r.lower() in _HI for r in rend):
                tag, cls = "span", "hi"
            return f"<{tag}{_attrs(class_=cls)}{lang}>{self._inline(el)}</{tag}>"
        if name == "title":
            cls = "title-" + (attr(el, "level") or "m")
            tag = "cite" if attr(el, "level") != "a" else "span"
            return f'<{tag} class="{cls}"{lang}>{self._inline(el)}</{tag}>'
        if name in ("ref", "ptr"):
            return self._ref(el, name)
        if name == "gap":
            reason = attr(el, "reason") or "omitted"
            return f'<span class="gap" title="{_q("gap: " + reason)}">[…]</span>'
        if name == "supplied":
            why = attr(el, "reason")
            tip = "supplied by the editors" + (f": {why}" if why else "")
            return f'<span class="supplied" title="{_q(tip)}">[{self._inline(el)}]</span>'
        if name == "app":
            lem, notes = app_reading(el)
            shown = self._inline(lem) if lem is not None else ""
            return shown + "".join(self._node(n) for n in notes)
        if name in _INLINE:
            tag, cls = _INLINE[name]
            return f"<{tag}{_attrs(class_=cls)}{lang}>{self._inline(el)}</{tag}>"
        if name in ("persName", "placeName", "orgName", "name", "rs"):
            return f'<span class="{_css_name(name)}"{lang}>{self._inline(el)}</span>'
        # opaque or unstyled: keep the text
        if self._holds_blocks(el):
            return f'<span class="tei-{_css_name(name)}"{lang}>{self._flat(el)}</span>'
        return f'<span class="tei-{_css_name(name)}"{lang}>{self._inline(el)}</span>'

    def _flat(self, el: Any) -> str:
        """Block content forced into a phrase (rare: blocks inside a name or a phrase)."""
        return " ".join(self._inline(kid) if not isinstance(kid, str) else _esc(squeeze_keep(kid))
                        for kid in content(el))

    def _page_break(self, el: Any) -> str:
        n = attr(el, "n")
        cls = "pb" + (" nobreak" if attr(el, "break") == "no" else "")
        cls += "" if n else " unnumbered"
        self.pb_count += 1
        html_id = "page-" + _id_part(n) if n else f"pb-{self.pb_count}"
        if html_id in self.page_ids:
            html_id = f"pb-{self.pb_count}"
        self.page_ids.add(html_id)
        label = f"page {n}" if n else "page break (no page number in the source)"
        return (f'<span{_attrs(class_=cls, id=html_id, data_n=n or "new page")} '
                f'role="doc-pagebreak" aria-label="{_q(label)}" title="{_q(label)}"></span>')

    def _date(self, el: Any) -> str:
        ref = self.plan.date_of.get(id(el))
        inner = self._inline(el)
        if ref is None:
            return f"<time>{inner}</time>"
        tip = ref.label
        if tip and ref.cert:
            tip += f" (certainty: {ref.cert})"
        return f"<time{_attrs(datetime=ref.datetime, title=tip or None)}>{inner}</time>"

    def _mention(self, el: Any) -> str:
        mention = self.plan.mention_of[id(el)]
        entity = self.plan.entities[mention.key]
        cls = f"name {mention.kind}"
        self.emitted_mentions.add(mention.html_id)
        if self.in_link:
            return f'<span{_attrs(id=mention.html_id, class_=cls)}>{self._inline(el)}</span>'
        self.in_link += 1
        saved, self.deferred = self.deferred, []
        inner = self._inline(el)
        self.in_link -= 1
        tail = "".join(self.deferred)
        self.deferred = saved
        # hovering a spelling shows the standard name it stands for
        tip = entity.name if entity.name != mention.text else None
        return (f'<a{_attrs(id=mention.html_id, class_=cls, href="#" + entity.html_id)}'
                f'{_attrs(title=tip)}{self._lang(el)}>{inner}</a>{tail}')

    def _choice(self, el: Any) -> str:
        shown = choose(el, diplomatic=False)
        if shown is None:
            return ""
        other = alternative(el, shown)
        kind = local(shown)
        inner = self._inline(shown)
        if other is None:
            return inner
        original = plain(other)
        labels = {"corr": ("corr", "printed"), "reg": ("reg", "original spelling"),
                  "expan": ("expan", "abbreviated"), "ex": ("expan", "abbreviated")}
        cls, wording = labels.get(kind, ("alt", "also read"))
        tip = f"{wording}: {original}" if original else f"{wording}: (nothing)"
        return f'<span class="{cls}" title="{_q(tip)}">{inner}</span>'

    def _ref(self, el: Any, name: str) -> str:
        target = (attr(el, "target") or "").split()
        inner = self._inline(el) if name == "ref" else ""
        href = None
        if target:
            first_target = target[0]
            if first_target.startswith("#"):
                html_id = self.plan.element_ids.get(first_target[1:])
                href = "#" + html_id if html_id else None
            elif first_target.startswith(("http://", "https://", "mailto:")):
                href = first_target
        if not inner:
            inner = _esc(target[0]) if target else ""
        if href is None or self.in_link:
            return f'<span class="ref">{inner}</span>'
        rel = None if href.startswith("#") else "noopener noreferrer"
        return f"<a{_attrs(href=href, rel=rel)}>{inner}</a>"

    def _note_ref(self, note: Any, force: bool = False) -> str:
        if id(note) in self.plan.detached and not force:
            return ""
        ref = self.plan.note_of.get(id(note))
        if ref is None:
            return ""
        html = (f'<sup class="noteref"><a id="fnref-{ref.number}" href="#fn-{ref.number}" '
                f'role="doc-noteref" aria-label="{_q(f"note {ref.number}")}">'
                f"{_esc(ref.marker)}</a></sup>")
        self.emitted_refs.add(ref.number)
        if self.in_link:
            self.deferred.append(html)
            return ""
        return html

    # -- back matter ----------------------------------------------------------------------
    def _notes(self) -> str:
        if not self.plan.notes:
            return ""
        lines = ['<section class="backmatter" id="notes" role="doc-endnotes">',
                 "<h2>Notes</h2>", '<ol class="notes">']
        for ref in self.plan.notes:
            body = (self._blocks(ref.node, 0) if self._holds_blocks(ref.node)
                    else f"<p>{self._inline(ref.node).strip()}</p>")
            who = ref.label + (f" — {ref.who}" if ref.who else "")
            where = f" · p. {ref.where.page}" if ref.where.page else ""
            back = f"#fnref-{ref.number}"
            if ref.number in self.emitted_refs:
                marker = (f'<a class="marker" href="{back}" role="doc-backlink" '
                          f'aria-label="{_q(f"back to note reference {ref.number}")}">'
                          f"{_esc(ref.marker)}</a>")
                arrow = f' <a class="backref" href="{back}" aria-label="back to the text">↩</a>'
            else:  # a note the reading text does not show (in an apparatus reading, say)
                marker, arrow = f'<span class="marker">{_esc(ref.marker)}</span>', ""
            lines.append(
                f'<li id="fn-{ref.number}" role="doc-endnote">{marker}'
                f'<div class="body">{body}<span class="who">{_esc(who)}{_esc(where)}'
                f"{arrow}</span></div></li>")
        lines += ["</ol>", "</section>"]
        return "\n".join(lines)

    def _index(self) -> str:
        groups = [(kind, self._mentioned(kind)) for kind in ("person", "place", "org")]
        groups = [(k, ents) for k, ents in groups if ents]
        if not groups:
            return ""
        lines = ['<section class="backmatter index" id="index" role="doc-index">', "<h2>Index</h2>"]
        for kind, entities in groups:
            lines.append(f'<h3 id="index-{kind}">{_KIND_TITLES[kind]}</h3>')
            lines.append('<dl class="entities">')
            for entity in entities:
                lines.append(self._entry(entity))
            lines.append("</dl>")
        lines.append("</section>")
        return "\n".join(lines)

    def _mentioned(self, kind: str) -> list[Entity]:
        return [e for e in self.plan.entities_of(kind)
                if any(m.html_id in self.emitted_mentions for m in e.mentions)]

    def _entry(self, entity: Entity) -> str:
        variants = entity.all_variants()
        links = []
        previous = None
        shown = [m for m in entity.mentions if m.html_id in self.emitted_mentions]
        for i, mention in enumerate(shown, 1):
            where = mention.where
            ref = f"p.\u00a0{where.page}" if where.page else (where.section_short or "")
            context = where.describe() or "before the first division"
            if mention.in_note:
                context += " (in a note)"
            label = ref or str(i)
            if (ref, mention.in_note) == previous:
                label = "·"
            elif mention.in_note:
                label += "n"
            previous = (ref, mention.in_note)
            tip = _q(f"{mention.text} — {context}")
            links.append(f'<a href="#{mention.html_id}" title="{tip}" '
                         f'aria-label="{_q(f"mention {i}: {context}")}">{_esc(label)}</a>')
        count = len(shown)
        parts = ['<div class="entry">', f'<dt id="{entity.html_id}">{_esc(entity.name)}</dt>']
        if variants:
            parts.append(f'<dd class="variants">{_esc(", ".join(variants))}</dd>')
        if entity.about:
            parts.append(f'<dd class="about">{_esc(entity.about)}</dd>')
        parts.append(f'<dd class="mentions"><span class="count">{count} '
                     f'mention{"s" if count != 1 else ""}:</span> ' + "".join(links) + "</dd>")
        parts.append("</div>")
        return "".join(parts)

    def _colophon(self) -> str:
        meta = self.plan.meta
        bits = []
        if meta.publisher:
            where = f", {meta.pub_place}" if meta.pub_place else ""
            when = f", {meta.pub_date}" if meta.pub_date else ""
            bits.append(f"Published by {_esc(meta.publisher)}{_esc(where)}{_esc(when)}.")
        if meta.licence:
            licence = _esc(_clip(meta.licence, 200))
            if meta.licence_url.startswith(("http://", "https://")):
                licence = (f'<a href="{_q(meta.licence_url)}" rel="license noopener">'
                           f"{licence}</a>")
            bits.append(f"Licence: {licence}")
        bits.append("Rendered from TEI by tei_kirov.")
        return '<footer class="colophon"><p>' + " ".join(bits) + "</p></footer>"


def _leading_label(item: Any) -> Any:
    """The ``label`` an item starts with (the printed number), if any."""
    for kid in content(item):
        if isinstance(kid, str):
            if kid.strip():
                return None
            continue
        return kid if local(kid) == "label" else None
    return None


def _text_nodes(plan: Plan) -> list[Any]:
    from ._tree import texts

    return texts(plan.root)


def _title_page(plan: Plan) -> Any:
    from ._tree import texts

    for text in texts(plan.root):
        for el in elements(text):
            if local(el) == "front":
                for kid in elements(el):
                    if local(kid) == "titlePage":
                        return kid
    return None


def squeeze_keep(text: str) -> str:
    """Collapse whitespace runs to one space but keep a leading/trailing space."""
    if not text:
        return text
    inner = squeeze(text)
    if not inner:
        return " "
    lead = " " if text[0].isspace() else ""
    trail = " " if text[-1].isspace() else ""
    return lead + inner + trail


def _css_name(name: str) -> str:
    if name.startswith("{"):
        name = name.rsplit("}", 1)[-1]
    return "".join(c if c.isalnum() or c == "-" else "-" for c in name).lower()


def _id_part(value: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in value)


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


"""Phrasing content: text, highlighting, names linked to the index, dates, corrections,
links, page breaks."""

from __future__ import annotations

from ...models.base import Container
from .._tree import NON_TEXT, alternative, app_reading, attr, choose, content, local, plain, squeeze
from ._base import RenderState, css_name, id_part, lang
from ._build import HtmlElement, Nodes, h, joined
from .vocab import HI, INLINE

_CHOICE_LABELS = {"corr": ("corr", "printed"), "reg": ("reg", "original spelling"),
                  "expan": ("expan", "abbreviated"), "ex": ("expan", "abbreviated")}


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


class InlineMixin(RenderState):
    """Renders elements in phrasing context."""

    def inline(self, el: Container) -> Nodes:
        out: Nodes = []
        for item in content(el):
            if isinstance(item, str):
                if item:
                    out.append(squeeze_keep(item))
            elif isinstance(item, Container):  # comments and PIs are not shown
                out.extend(self.node(item))
        return out

    def node(self, el: Container) -> Nodes:
        name = local(el)
        if name.startswith("#") or name in NON_TEXT:
            return []
        return [*self._phrase(el, name), *self.anchored(el)]

    def _phrase(self, el: Container, name: str) -> Nodes:
        if name == "note":
            return self.note_ref(el)
        if name == "pb":
            return [self._page_break(el)]
        if name in ("lb", "cb"):
            if self.in_title_page and name == "lb":
                return [h("br")]
            return [] if attr(el, "break") == "no" else [" "]
        if name in ("milestone", "anchor", "space", "fw", "figDesc", "graphic") and not content(el):
            if name == "space":
                return [" "]
            if name == "graphic":
                url = attr(el, "url") or ""
                return [h("span", {"class": "graphic"}, [f"[image{': ' + url if url else ''}]"])]
            return []
        if name == "date":
            return [self._date(el)]
        if id(el) in self.plan.mention_of:
            return self._mention(el)
        if name == "choice":
            return self._choice(el)
        if name == "hi":
            rend = (attr(el, "rend") or "").replace("(", " ").replace(")", " ").split()
            tag, cls = next((HI[r.lower()] for r in rend if r.lower() in HI), ("i", ""))
            if rend and not any(r.lower() in HI for r in rend):
                tag, cls = "span", "hi"
            return [h(tag, {"class": cls, **lang(el)}, self.inline(el))]
        if name == "title":
            level = attr(el, "level") or "m"
            tag = "span" if level == "a" else "cite"
            return [h(tag, {"class": "title-" + level, **lang(el)}, self.inline(el))]
        if name in ("ref", "ptr"):
            return [self._ref(el, name)]
        if name == "gap":
            reason = attr(el, "reason") or "omitted"
            return [h("span", {"class": "gap", "title": "gap: " + reason}, ["[…]"])]
        if name == "supplied":
            why = attr(el, "reason")
            tip = "supplied by the editors" + (f": {why}" if why else "")
            return [h("span", {"class": "supplied", "title": tip},
                      ["[", *self.inline(el), "]"])]
        if name == "app":
            lem, notes = app_reading(el)
            shown = self.inline(lem) if lem is not None else []
            return [*shown, *(part for n in notes for part in self.node(n))]
        if name in INLINE:
            tag, cls = INLINE[name]
            return [h(tag, {"class": cls, **lang(el)}, self.inline(el))]
        if name in ("persName", "placeName", "orgName", "name", "rs"):
            return [h("span", {"class": css_name(name), **lang(el)}, self.inline(el))]
        # opaque or unstyled: keep the text
        inner = self._flat(el) if self.holds_blocks(el) else self.inline(el)
        return [h("span", {"class": "tei-" + css_name(name), **lang(el)}, inner)]

    def _flat(self, el: Container) -> Nodes:
        """Block content forced into a phrase (rare: blocks inside a name or a phrase)."""
        return joined(([squeeze_keep(kid)] if isinstance(kid, str) else self.inline(kid)
                       for kid in content(el) if isinstance(kid, (str, Container))), " ")

    def _page_break(self, el: Container) -> HtmlElement:
        n = attr(el, "n")
        cls = "pb" + (" nobreak" if attr(el, "break") == "no" else "")
        cls += "" if n else " unnumbered"
        self.pb_count += 1
        html_id = "page-" + id_part(n) if n else f"pb-{self.pb_count}"
        if html_id in self.page_ids:
            html_id = f"pb-{self.pb_count}"
        self.page_ids.add(html_id)
        label = f"page {n}" if n else "page break (no page number in the source)"
        return h("span", {"class": cls, "id": html_id, "data-n": n or "new page",
                          "role": "doc-pagebreak", "aria-label": label, "title": label})

    def _date(self, el: Container) -> HtmlElement:
        ref = self.plan.date_of.get(id(el))
        inner = self.inline(el)
        if ref is None:
            return h("time", None, inner)
        tip = ref.label
        if tip and ref.cert:
            tip += f" (certainty: {ref.cert})"
        return h("time", {"datetime": ref.datetime, "title": tip}, inner)

    def _mention(self, el: Container) -> Nodes:
        mention = self.plan.mention_of[id(el)]
        entity = self.plan.entities[mention.key]
        cls = f"name {mention.kind}"
        self.emitted_mentions.add(mention.html_id)
        if self.in_link:
            return [h("span", {"id": mention.html_id, "class": cls}, self.inline(el))]
        self.in_link += 1
        saved, self.deferred = self.deferred, []
        inner = self.inline(el)
        self.in_link -= 1
        tail = self.deferred
        self.deferred = saved
        # hovering a spelling shows the standard name it stands for
        tip = entity.name if entity.name != mention.text else None
        link = h("a", {"id": mention.html_id, "class": cls, "href": "#" + entity.html_id,
                       "title": tip, **lang(el)}, inner)
        return [link, *tail]

    def _choice(self, el: Container) -> Nodes:
        shown = choose(el, diplomatic=False)
        if shown is None:
            return []
        other = alternative(el, shown)
        inner = self.inline(shown)
        if other is None:
            return inner
        original = plain(other)
        cls, wording = _CHOICE_LABELS.get(local(shown), ("alt", "also read"))
        tip = f"{wording}: {original}" if original else f"{wording}: (nothing)"
        return [h("span", {"class": cls, "title": tip}, inner)]

    def _ref(self, el: Container, name: str) -> HtmlElement:
        target = (attr(el, "target") or "").split()
        inner = self.inline(el) if name == "ref" else []
        href = None
        if target:
            first_target = target[0]
            if first_target.startswith("#"):
                html_id = self.plan.element_ids.get(first_target[1:])
                href = "#" + html_id if html_id else None
            elif first_target.startswith(("http://", "https://", "mailto:")):
                href = first_target
        if not inner:
            inner = [target[0]] if target else []
        if href is None or self.in_link:
            return h("span", {"class": "ref"}, inner)
        rel = None if href.startswith("#") else "noopener noreferrer"
        return h("a", {"href": href, "rel": rel}, inner)

"""The index of persons, places and organisations: each entry with its variants, what
its authority record says, and a labelled link to every mention shown in the page."""

from __future__ import annotations

from .._plan import Entity, Mention
from ._base import RenderState
from ._build import HtmlElement, Nodes, h, joined
from .vocab import KIND_TITLES


class IndexMixin(RenderState):
    """Renders the index (after the text, so only mentions actually shown are linked)."""

    def index_section(self) -> HtmlElement | None:
        """The index, or ``None`` when no indexed name is shown."""
        groups = [(kind, self._mentioned(kind)) for kind in ("person", "place", "org")]
        groups = [(k, ents) for k, ents in groups if ents]
        if not groups:
            return None
        parts: list[Nodes] = [[h("h2", None, ["Index"])]]
        for kind, entities in groups:
            parts.append([h("h3", {"id": f"index-{kind}"}, [KIND_TITLES[kind]])])
            parts.append([h("dl", {"class": "entities"},
                            joined([self._entry(e) for e in entities]))])
        return h("section", {"class": "backmatter index", "id": "index", "role": "doc-index"},
                 joined(parts))

    def _mentioned(self, kind: str) -> list[Entity]:
        return [e for e in self.plan.entities_of(kind)
                if any(m.html_id in self.emitted_mentions for m in e.mentions)]

    def _entry(self, entity: Entity) -> HtmlElement:
        shown = [m for m in entity.mentions if m.html_id in self.emitted_mentions]
        links: Nodes = []
        for i, (mention, label) in enumerate(zip(shown, chip_labels(shown), strict=True), 1):
            context = mention.where.describe() or "before the first division"
            if mention.in_note:
                context += " (in a note)"
            links.append(h("a", {"href": "#" + mention.html_id,
                                 "title": f"{mention.text} — {context}",
                                 "aria-label": f"mention {i}: {context}"}, [label]))
        count = len(shown)
        parts: Nodes = [h("dt", {"id": entity.html_id}, [entity.name])]
        variants = entity.all_variants()
        if variants:
            parts.append(h("dd", {"class": "variants"}, [", ".join(variants)]))
        if entity.about:
            parts.append(h("dd", {"class": "about"}, [entity.about]))
        counted = h("span", {"class": "count"}, [f"{count} mention{'s' if count != 1 else ''}:"])
        parts.append(h("dd", {"class": "mentions"}, [counted, " ", *links]))
        return h("div", {"class": "entry"}, parts)


def chip_labels(mentions: list[Mention]) -> list[str]:
    """A label for each link to a mention: its page (``p. 4``) or division, ``n`` added
    for a mention in a note; repeats in one place are counted (``p. 4 (2)``); the
    mention's number where nothing better is known."""
    labels: list[str] = []
    seen: dict[tuple[str, bool], int] = {}
    for i, mention in enumerate(mentions, 1):
        where = mention.where
        ref = f"p.\u00a0{where.page}" if where.page else (where.section_short or "")
        if not ref:
            labels.append(str(i) + ("n" if mention.in_note else ""))
            continue
        key = (ref, mention.in_note)
        seen[key] = seen.get(key, 0) + 1
        label = ref + ("n" if mention.in_note else "")
        labels.append(label if seen[key] == 1 else f"{label}\u00a0({seen[key]})")
    return labels

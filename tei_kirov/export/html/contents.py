"""The table of contents: the titled divisions, then the back matter."""

from __future__ import annotations

from .._plan import Section
from ._base import clip
from ._build import HtmlElement, Nodes, h


def toc(sections: list[Section], back: list[tuple[str, str]]) -> HtmlElement | None:
    """Contents: the titled divisions (untitled ones lift their titled subdivisions up a
    level), then the back matter (``(html id, label)`` pairs); ``None`` when no division
    is titled."""
    entries = _entries(sections)
    if not entries:
        return None
    entries += [h("li", {"class": "toc-back"}, [h("a", {"href": "#" + html_id}, [label])])
                for html_id, label in back]
    return h("nav", {"class": "toc", "aria-label": "Contents"},
             ["\n", h("h2", None, ["Contents"]), "\n", h("ol", None, entries), "\n"])


def _entries(sections: list[Section]) -> Nodes:
    entries: Nodes = []
    for section in sections:
        sub = _entries(section.children)
        if not section.label:
            entries.extend(sub)
            continue
        link = h("a", {"href": "#" + section.html_id}, [clip(section.label, 160)])
        entries.append(h("li", None, [link, h("ol", None, sub)] if sub else [link]))
    return entries

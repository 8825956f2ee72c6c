"""Notes: numbered references in the text (1, 2, 3 ... whatever the printed marker), and
the endnotes, each with its printed marker, one signature and links back."""

from __future__ import annotations

from ...models.base import Container
from .._plan import NoteRef
from .._tree import attr
from ._base import RenderState
from ._build import HtmlElement, Nodes, h, joined, strip


class NotesMixin(RenderState):
    """Renders note references and the notes section."""

    def anchored(self, el: Container) -> Nodes:
        el_id = attr(el, "xml:id")
        if not el_id or el_id not in self.plan.anchored:
            return []
        return [part for n in self.plan.anchored[el_id] for part in self.note_ref(n, force=True)]

    def note_ref(self, note: Container, force: bool = False) -> Nodes:
        if id(note) in self.plan.detached and not force:
            return []
        ref = self.plan.note_of.get(id(note))
        if ref is None:
            return []
        label = f"note {ref.number}"
        printed = _printed(ref)
        if printed:
            label += f", marked {printed} in print"
        link = h("a", {"id": f"fnref-{ref.number}", "href": f"#fn-{ref.number}",
                       "role": "doc-noteref", "aria-label": label,
                       "title": f"printed marker: {printed}" if printed else None},
                 [str(ref.number)])
        sup = h("sup", {"class": "noteref"}, [link])
        self.emitted_refs.add(ref.number)
        if self.in_link:
            self.deferred.append(sup)
            return []
        return [sup]

    def notes_section(self) -> HtmlElement | None:
        """The endnotes, or ``None`` when the document has none."""
        if not self.plan.notes:
            return None
        items = joined([self._note(ref) for ref in self.plan.notes])
        return h("section", {"class": "backmatter", "id": "notes", "role": "doc-endnotes"},
                 joined([h("h2", None, ["Notes"]), h("ol", {"class": "notes"}, items)]))

    def _note(self, ref: NoteRef) -> HtmlElement:
        body = (self.blocks(ref.node, 0) if self.holds_blocks(ref.node)
                else [h("p", None, strip(self.inline(ref.node)))])
        printed = _printed(ref)
        if printed:
            mark = h("span", {"class": "printed-marker", "title": "the marker as printed"},
                     [printed])
            first = body[0] if body else None
            if isinstance(first, HtmlElement) and first.tag == "p":
                first.insert(0, mark)
                mark.tail, first.text = (" " + (first.text or "")), None
            else:
                body = [h("p", None, [mark]), *body]
        signature = f"{ref.label} — {ref.who}" if ref.who else ref.label
        where = f"p. {ref.where.page}" if ref.where.page else ""
        # a note signed in its own text ("—Eds.") is not signed a second time
        who = " · ".join(w for w in ((None if ref.signed else signature), where) if w)
        back = f"#fnref-{ref.number}"
        number = str(ref.number)
        who_parts: Nodes = [who]
        if ref.number in self.emitted_refs:
            marker = h("a", {"class": "marker", "href": back, "role": "doc-backlink",
                             "aria-label": f"back to note reference {ref.number}"}, [number])
            who_parts += [" ", h("a", {"class": "backref", "href": back,
                                       "aria-label": "back to the text"}, ["↩"])]
        else:  # a note the reading text does not show (in an apparatus reading, say)
            marker = h("span", {"class": "marker"}, [number])
        who_span = h("span", {"class": "who", "title": signature if ref.signed else None},
                     strip(who_parts))
        return h("li", {"id": f"fn-{ref.number}", "role": "doc-endnote"},
                 [marker, h("div", {"class": "body"}, [*body, who_span])])


def _printed(ref: NoteRef) -> str:
    """The printed marker when it is not the note's number (``*``, ``a``, ``†``...)."""
    return ref.marker if ref.marker != str(ref.number) else ""

"""Plain-text renderings: the clean reading text, or the text as printed (``diplomatic``).

Blocks (headings, paragraphs, list items, lines of verse) are separated by blank lines;
each block is one line (a diplomatic text keeps printed hyphens at line and page breaks).
Notes become numbered endnotes: the reference point shows ``[n]``, the endnote gives the
number, the printed marker and who wrote the note.
"""

from __future__ import annotations

from ..models import Document
from ..models.base import Container
from ._plan import Plan, build_plan
from ._tree import (
    DIVISIONS,
    NON_TEXT,
    app_reading,
    attr,
    choose,
    content,
    descendants,
    elements,
    local,
    squeeze,
    texts,
)

#: Elements that start a block of their own in the text.
_BLOCKS = frozenset({
    *DIVISIONS, "p", "ab", "head", "list", "item", "label", "table", "row", "lg", "l",
    "figure", "sp", "speaker", "stage", "cit", "closer", "opener", "salute",
    "signed", "dateline", "byline", "trailer", "postscript", "epigraph", "argument",
    "titlePage", "docTitle", "titlePart", "docImprint", "docAuthor", "docDate", "docEdition",
    "floatingText", "front", "body", "back", "group", "text", "bibl", "address", "addrLine",
    "imprimatur", "figDesc",
})
_NEVER_BLOCK = frozenset({"note", "pb", "lb", "cb", "milestone", "anchor", "gap"})
#: Elements whose text is a reading aid that a diplomatic text leaves out.
_EDITORIAL = frozenset({"supplied"})
#: Stands for a printed line break inside a block until whitespace is collapsed.
_BREAK = "\x00"


def to_text(doc: Document | Container, *, diplomatic: bool = False) -> str:
    """The document as UTF-8 plain text: the reading text (corrections, regularisations and
    word joins applied), or with ``diplomatic=True`` the text as printed (``sic``, original
    spellings and hyphenation)."""
    plan = build_plan(doc)
    return _TextRenderer(plan, diplomatic).render()


class _TextRenderer:
    def __init__(self, plan: Plan, diplomatic: bool) -> None:
        self.plan = plan
        self.diplomatic = diplomatic
        self.blocks: list[str] = []
        self.in_title_page = 0

    def render(self) -> str:
        roots = texts(self.plan.root)
        has_title_page = any(local(d) == "titlePage" for t in roots for d in descendants(t))
        if not has_title_page and self.plan.meta.title:
            self.blocks.append(self.plan.meta.title)
            if self.plan.meta.subtitle:
                self.blocks.append(self.plan.meta.subtitle)
        for text in roots:
            self._container(text)
        out = "\n\n".join(b for b in self.blocks if b)
        if self.plan.notes:
            out += "\n\n" + self._endnotes()
        return out.rstrip("\n") + "\n"

    # -- blocks ---------------------------------------------------------------------------
    def _is_block(self, el: Container) -> bool:
        name = local(el)
        if name in _NEVER_BLOCK:
            return False
        if name in _BLOCKS:
            return True
        return any(local(d) in _BLOCKS and local(d) not in ("bibl", "address")
                   for d in descendants(el, frozenset({"note"})))

    def _container(self, node: Container) -> None:
        """Emit the blocks of ``node``; runs of inline content become blocks of their own."""
        run: list[str] = []

        def flush() -> None:
            text = _clean("".join(run))
            if text:
                self.blocks.append(text)
            run.clear()

        for item in content(node):
            if isinstance(item, str):
                run.append(item)
                continue
            name = local(item)
            if not isinstance(item, Container) or name in NON_TEXT:  # comments, PIs
                continue
            if self._is_block(item) or name == "quote":  # a quotation between blocks
                flush()
                self._block(item)
            else:
                run.append(self._inline_node(item))
        flush()

    def _block(self, el: Container) -> None:
        name = local(el)
        if name == "item":
            n = attr(el, "n")
            start = len(self.blocks)
            if self._holds_blocks(el):
                self._container(el)
            else:
                self.blocks.append(_clean(self._inline(el)))
            if n and start < len(self.blocks):
                first_block = self.blocks[start]
                if not first_block.startswith(n):
                    self.blocks[start] = f"{n}. {first_block}" if first_block else f"{n}."
            return
        if name == "lg":
            lines = [_clean(self._inline(line)) for line in elements(el) if local(line) == "l"]
            heads = [_clean(self._inline(h)) for h in elements(el) if local(h) == "head"]
            self.blocks.extend(heads)
            self.blocks.append("\n".join(lines))
            return
        if name == "row":
            cells = [_clean(self._inline(c)) for c in elements(el) if local(c) == "cell"]
            self.blocks.append("\t".join(cells))
            return
        if name == "choice":
            chosen = choose(el, diplomatic=self.diplomatic)
            if chosen is not None:
                self._container(chosen)
            return
        if name == "titlePage":
            self.in_title_page += 1
            try:
                self._container(el)
            finally:
                self.in_title_page -= 1
            return
        if self._holds_blocks(el):
            self._container(el)
        else:
            self.blocks.append(_clean(self._inline(el)))

    def _holds_blocks(self, el: Container) -> bool:
        return any(self._is_block(kid) for kid in elements(el)
                   if local(kid) not in NON_TEXT and not local(kid).startswith("#"))

    # -- inline ---------------------------------------------------------------------------
    def _inline(self, el: Container) -> str:
        out: list[str] = []
        for item in content(el):
            if isinstance(item, str):
                out.append(item)
            elif isinstance(item, Container):  # comments and PIs are not text
                out.append(self._inline_node(item, out))
        return "".join(out)

    def _inline_node(self, el: Container, before: list[str] | None = None) -> str:
        name = local(el)
        if name.startswith("#") or name in NON_TEXT:
            return ""
        text = self._phrase(el, name, before)
        el_id = attr(el, "xml:id")
        if el_id and el_id in self.plan.anchored:
            text += "".join(self._marker(n, force=True) for n in self.plan.anchored[el_id])
        return text

    def _phrase(self, el: Container, name: str, before: list[str] | None) -> str:
        if name == "note":
            return self._marker(el)
        if name in ("pb", "lb", "cb"):
            joined = attr(el, "break") == "no"
            if name == "lb" and not joined and self.in_title_page:
                return _BREAK
            if self.diplomatic and joined:
                tail = "".join(before or [])[-1:]
                return _BREAK if tail == "-" else "-" + _BREAK
            if name == "pb" or joined:
                return ""
            return " "
        if name == "choice":
            chosen = choose(el, diplomatic=self.diplomatic)
            return self._inline(chosen) if chosen is not None else ""
        if name in _EDITORIAL:
            return "" if self.diplomatic else f"[{self._inline(el)}]"
        if name == "gap":
            return "[…]"
        if name == "space":
            return " "
        if name == "app":
            lem, notes = app_reading(el)
            shown = self._inline(lem) if lem is not None else ""
            return shown + "".join(self._marker(n) for n in notes)
        if self._holds_blocks(el):
            # blocks inside a phrase (rare): keep them on the same line
            return " ".join(k if isinstance(k, str) else self._inline(k) for k in content(el)
                            if isinstance(k, (str, Container)))
        return self._inline(el)

    def _marker(self, note: Container, force: bool = False) -> str:
        if id(note) in self.plan.detached and not force:
            return ""
        ref = self.plan.note_of.get(id(note))
        return f"[{ref.number}]" if ref is not None else ""

    # -- notes ----------------------------------------------------------------------------
    def _endnotes(self) -> str:
        lines = ["Notes"]
        for ref in self.plan.notes:
            saved, self.blocks = self.blocks, []
            self._container(ref.node)
            body, self.blocks = " ".join(self.blocks), saved
            marker = f" {ref.marker}" if ref.marker != str(ref.number) else ""
            who = "" if ref.signed else f" ({ref.label}{': ' + ref.who if ref.who else ''})"
            lines.append(f"[{ref.number}]{marker} {body}{who}")
        return "\n\n".join(lines)


def _clean(text: str) -> str:
    """Collapse whitespace in a block, keeping the line breaks a diplomatic text inserts."""
    return "\n".join(squeeze(line) for line in squeeze(text).split(_BREAK)).strip()

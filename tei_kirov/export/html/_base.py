"""The state one rendering shares across the parts of the page, and the hooks by which
the parts call each other (each part is a mixin of :class:`~.page.Renderer`)."""

from __future__ import annotations

from ...models.base import Container
from .._plan import Plan
from .._tree import attr
from ._build import Nodes


class RenderState:
    """What one page's rendering remembers; one instance renders one page."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        #: inside a link: nested links are not allowed, note references wait in ``deferred``
        self.in_link = 0
        self.deferred: Nodes = []
        self.used_title_page: Container | None = None
        self.in_title_page = 0
        #: note numbers and mention ids actually written, so back links never dangle
        self.emitted_refs: set[int] = set()
        self.emitted_mentions: set[str] = set()
        self.page_ids: set[str] = set()
        self.pb_count = 0

    # -- hooks: defined by the mixins of the renderer --------------------------------------
    def inline(self, el: Container) -> Nodes:
        """The content of ``el`` as phrasing content (:mod:`.inline`)."""
        raise NotImplementedError

    def node(self, el: Container) -> Nodes:
        """One element in phrasing context (:mod:`.inline`)."""
        raise NotImplementedError

    def blocks(self, node: Container, depth: int, *, skip_title: bool = False) -> Nodes:
        """The content of a container as a run of blocks (:mod:`.blocks`)."""
        raise NotImplementedError

    def block(self, el: Container, depth: int) -> Nodes:
        """One element in block position (:mod:`.blocks`)."""
        raise NotImplementedError

    def holds_blocks(self, el: Container) -> bool:
        """Whether ``el`` has block children (:mod:`.blocks`)."""
        raise NotImplementedError

    def note_ref(self, note: Container, force: bool = False) -> Nodes:
        """The reference to a note (:mod:`.notes`)."""
        raise NotImplementedError

    def anchored(self, el: Container) -> Nodes:
        """References to the notes that point at ``el`` (:mod:`.notes`)."""
        raise NotImplementedError

    def title_page(self, node: Container) -> Nodes:
        """A ``titlePage`` (:mod:`.front`)."""
        raise NotImplementedError


def lang(el: Container) -> dict[str, str | None]:
    """The ``lang`` attribute an element's ``xml:lang`` gives (to merge into attributes)."""
    return {"lang": attr(el, "xml:lang")}


def css_name(name: str) -> str:
    """A class-name-safe form of an element name."""
    if name.startswith("{"):
        name = name.rsplit("}", 1)[-1]
    return "".join(c if c.isalnum() or c == "-" else "-" for c in name).lower()


def id_part(value: str) -> str:
    """An id-safe form of a value."""
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in value)


def clip(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"

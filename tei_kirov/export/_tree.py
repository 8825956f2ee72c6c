"""Generic, read-only helpers over the model tree shared by every export.

The exports work on any document the models can read, so they look at nodes through the
uniform part of the model API only: ``tag`` (a TEI local name for typed elements, Clark
notation for opaque ones), ``get(attribute)``, ``content`` and ``text()``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..models.base import PI, TEI_NS, Comment, Container, Node
from ..models.base import choose as choose_reading

if TYPE_CHECKING:
    from ..models.document import Document

_TEI_PREFIX = "{" + TEI_NS + "}"
_SPACE = re.compile(r"\s+")

#: Elements whose content is not part of the running text (apparatus, authority lists).
NON_TEXT = frozenset({
    "listPerson", "listPlace", "listOrg", "listBibl", "listEvent", "listRelation",
    "standOff", "facsimile", "sourceDoc", "teiHeader", "interpGrp", "linkGrp", "spanGrp",
    "fw", "figDesc", "certainty", "precision", "respons", "metamark",
})

#: Division-like elements that make up the table of contents.
DIVISIONS = frozenset({"div", "div1", "div2", "div3", "div4", "div5", "div6", "div7"})

#: Name elements and the kind of entity each one names.
NAME_KINDS = {"persName": "person", "placeName": "place", "orgName": "org"}
#: Authority record elements and the kind they describe.
RECORD_KINDS = {"person": "person", "personGrp": "person", "place": "place", "org": "org"}
#: ``@type`` values of ``rs``/``name`` that say which kind they name.
TYPE_KINDS = {
    "person": "person", "persname": "person", "pers": "person", "people": "person",
    "place": "place", "placename": "place", "settlement": "place", "country": "place",
    "org": "org", "organisation": "org", "organization": "org", "orgname": "org",
}


def local(node: str | Node) -> str:
    """The TEI local name of a node (``"p"``, ``"persName"``); Clark notation for an
    element outside the TEI namespace; ``"#text"``, ``"#comment"``, ``"#pi"`` otherwise."""
    if isinstance(node, str):
        return "#text"
    if isinstance(node, Comment):
        return "#comment"
    if isinstance(node, PI):
        return "#pi"
    tag = getattr(node, "tag", "") or ""
    if tag.startswith(_TEI_PREFIX):
        return tag[len(_TEI_PREFIX):]
    if tag.startswith("{}"):
        return tag[2:]
    return tag


def attr(node: Node | None, name: str) -> str | None:
    """An attribute by XML name, or ``None`` (for any node kind)."""
    get = getattr(node, "get", None)
    if get is None or isinstance(node, (Comment, PI)):
        return None
    value = get(name)
    return value if isinstance(value, str) else None


def content(node: Node | None) -> list[str | Node]:
    """The content list of a container (empty for anything else)."""
    return list(getattr(node, "content", None) or []) if isinstance(node, Container) else []


def is_element(node: object) -> bool:
    """Whether ``node`` is an element (typed or opaque), not text, comment or PI."""
    return isinstance(node, Container)


def elements(node: Node | None) -> Iterator[Container]:
    """Direct child elements."""
    for item in content(node):
        if isinstance(item, Container):
            yield item


def descendants(node: Node | None, skip: frozenset[str] = frozenset()) -> Iterator[Container]:
    """Every descendant element in document order, not entering elements named in ``skip``."""
    stack: list[Iterator[str | Node]] = [iter(content(node))]
    while stack:
        for item in stack[-1]:
            if not isinstance(item, Container):
                continue
            yield item
            if local(item) not in skip:
                stack.append(iter(content(item)))
                break
        else:
            stack.pop()


def first(node: Node | None, name: str, skip: frozenset[str] = frozenset()) -> Container | None:
    """The first descendant element called ``name``."""
    for el in descendants(node, skip):
        if local(el) == name:
            return el
    return None


def child(node: Node | None, name: str) -> Container | None:
    """The first direct child element called ``name``."""
    for el in elements(node):
        if local(el) == name:
            return el
    return None


def children(node: Node | None, name: str) -> list[Container]:
    """The direct child elements called ``name``."""
    return [el for el in elements(node) if local(el) == name]


def squeeze(text: str) -> str:
    """Collapse runs of whitespace into one space and strip the ends."""
    return _SPACE.sub(" ", text).strip()


def plain(node: Node | None, *, skip: frozenset[str] = frozenset({"note"})) -> str:
    """Reading text of a node with whitespace collapsed: corrections, regularisations and
    expansions chosen, notes left out."""
    parts: list[str] = []
    if node is not None:
        _plain(node, parts, skip)
    return squeeze("".join(parts))


def _plain(node: Node, parts: list[str], skip: frozenset[str]) -> None:
    # element-only containers keep no whitespace between their children: add a space
    spaced = getattr(type(node), "mixed", True) is False
    for item in content(node):
        if isinstance(item, str):
            parts.append(item)
            continue
        name = local(item)
        if not isinstance(item, Container) or name in skip:
            continue
        if spaced:
            parts.append(" ")
        if name == "choice":
            chosen = choose(item, diplomatic=False)
            if chosen is not None:
                _plain(chosen, parts, skip)
            continue
        if name in ("lb", "cb") and attr(item, "break") != "no":
            parts.append(" ")
        _plain(item, parts, skip)


def choose(choice: Node, *, diplomatic: bool) -> Container | None:
    """The child of a ``choice`` to show (the models' one rule, :func:`models.base.choose`)."""
    return choose_reading(choice, diplomatic=diplomatic) if isinstance(choice, Container) else None


def app_reading(app: Node) -> tuple[Container | None, list[Container]]:
    """What a reading text shows of a critical apparatus entry: its lemma, and the notes
    that stand directly in it (readings are left to the apparatus)."""
    kids = list(elements(app))
    lem = next((k for k in kids if local(k) == "lem"), None)
    return lem, [k for k in kids if local(k) == "note"]


def alternative(choice: Node, shown: Node) -> Container | None:
    """The other reading of a two-way ``choice``: the one not shown."""
    others = [kid for kid in elements(choice) if kid is not shown]
    return others[0] if others else None


def ids(node: Container) -> dict[str, Container]:
    """Every element with an ``xml:id`` below (and including) ``node``, by id."""
    out: dict[str, Container] = {}
    own = attr(node, "xml:id")
    if own:
        out[own] = node
    for el in descendants(node):
        value = attr(el, "xml:id")
        if value and value not in out:
            out[value] = el
    return out


def pointers(value: str | None) -> list[str]:
    """The local ids named by a pointer list (``"#a #b x.xml#c"`` -> ``["a", "b"]``)."""
    return [tok[1:] for tok in (value or "").split() if tok.startswith("#") and len(tok) > 1]


def root_of(doc: Document | Container) -> Container:
    """The ``TEI`` root element of a document (or the node itself)."""
    if isinstance(doc, Container):
        return doc
    root = doc.root
    if not isinstance(root, Container):
        raise TypeError(f"the document's root is not an element: {root!r}")
    return root


def texts(root: Container) -> list[Container]:
    """The ``text`` elements of a document (nested ``group``/``text`` stay inside them)."""
    found = children(root, "text")
    if not found and local(root) == "text":
        return [root]
    if not found:
        # a teiCorpus or unusual root: every top-level text below it
        found = [el for el in descendants(root, frozenset({"text", "teiHeader"}))
                 if local(el) == "text"]
    return found


def language(root: Container) -> str:
    """The document's main language (BCP 47), ``"en"`` when nothing says otherwise."""
    lang = attr(root, "xml:lang")
    if not lang:
        for text in texts(root):
            lang = attr(text, "xml:lang")
            if lang:
                break
    if not lang:
        usage = first(root, "langUsage")
        language_el = child(usage, "language") if usage is not None else None
        lang = attr(language_el, "ident") if language_el is not None else None
    return lang or "en"


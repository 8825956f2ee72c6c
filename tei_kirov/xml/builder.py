"""The parser target that turns XML parse events into models: the reader's hot path.

libxml2 parses and calls :class:`ModelBuilder` for each start tag, run of text, end tag,
comment and processing instruction; no lxml tree is ever built, so reading a document costs
the memory of its models and nothing more. :func:`replay` drives the same builder from a
tree that is already parsed, so there is one way of making models, whatever the source.

The builder never validates values: it keeps what the file says (libxml2 has checked it is
well-formed). Whitespace between the children of element-only containers, attribute order
and namespace declarations go into each node's :class:`~tei_kirov.models.base.Layout`.
Layouts are immutable, so nodes laid out alike share one (and one private dict holding it).
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from ..errors import TeiReadError
from ..models import REGISTRY, TEI_NS
from ..models.base import (
    NOTHING_SET,
    PI,
    Comment,
    Container,
    Element,
    Layout,
    Node,
    TeiElement,
    layout_of,
    private_for,
    set_dict,
    set_extra,
    set_fields_set,
    set_private,
)
from .safety import make_parser

_TEI_PREFIX = "{" + TEI_NS + "}"
_new = object.__new__

#: Clark tag -> (class, field template, XML attribute -> field, mixed?), or ``None`` for an
#: element the models do not type. Rebuilt when the registry grows.
_TAG_INFO: dict[str, tuple[type[TeiElement], dict[str, Any], dict[str, str], bool] | None] = {}
_TAG_INFO_SIZE = [0]
_UNKNOWN: Any = object()  # "not looked up yet" (``None`` means "no model class")


def _tag_info(tag: str) -> tuple[type[TeiElement], dict[str, Any], dict[str, str], bool] | None:
    cls = REGISTRY.get(tag[len(_TEI_PREFIX):]) if tag.startswith(_TEI_PREFIX) else None
    info = None
    if cls is not None:
        info = (cls, cls.field_template(), cls.xml_attributes, cls.mixed)
    _TAG_INFO[tag] = info
    return info


_ELEMENT_TEMPLATE = Element.field_template()


def _ampersands_come_escaped() -> bool:
    """Whether libxml2 hands a parser target an ``&`` in an attribute value as ``&#38;``.

    It does when entities are not substituted (our setting; see ``safety.make_parser``),
    leaving the reference for a tree builder to decode; a target must decode it itself."""
    seen: list[str] = []

    class Probe:
        def start(self, tag: str, attrib: Any) -> None:
            seen.extend(attrib.values())

        def close(self) -> None:
            return None

    etree.fromstring(b'<a b="&amp;"/>', make_parser(target=Probe()))
    return seen == ["&#38;"]


_AMPERSAND_ESCAPED = _ampersands_come_escaped()


class NotTei(Exception):
    """The root element is not TEI's (the reader then finds where, for the error)."""


class ModelBuilder:
    """An lxml parser target (``etree.XMLParser(target=ModelBuilder())``) that builds the
    models of one document: :attr:`root`, and the comments and processing instructions
    outside it in :attr:`prolog` and :attr:`epilog`."""

    def __init__(self, *, ampersands: bool = True) -> None:
        """``ampersands=False``: attribute values need no decoding (the input holds no
        ``&``, or the events come from a tree, by :func:`replay`)."""
        if len(REGISTRY) != _TAG_INFO_SIZE[0]:
            _TAG_INFO.clear()
            _TAG_INFO_SIZE[0] = len(REGISTRY)
        self.root: Node | None = None
        self.prolog: list[Comment | PI] = []
        self.epilog: list[Comment | PI] = []
        self.has_doctype = False
        #: Whether some namespace was bound to two prefixes at once: the parse events do not
        #: say which one each element used, so the reader finds out (``record_prefixes``).
        self.shared_namespaces = False
        self._text: list[str] = []
        #: The innermost open element: [content, mixed?, pending whitespace, node, before,
        #: attribute order, namespace declarations, scope to restore, enclosing frame].
        self._top: list[Any] | None = None
        self._scope: dict[str | None, str] = {}
        self._shared: dict[Any, Any] = {}  # tag names and layouts, one object per value
        self._ampersands = ampersands and _AMPERSAND_ESCAPED
        # lxml looks these up once: a bound ``list.append`` is the cheapest ``data``.
        self.data = self._text.append

    # -- parser target interface -------------------------------------------------------------
    #
    # ``start`` and ``end`` run once per element: the text run before them is handled inline
    # (as ``_flush`` does) rather than in a call.

    def start(self, tag: str, attrib: Any, nsmap: Any = None) -> None:
        """A start tag. ``nsmap``: the namespace declarations it makes."""
        parent = self._top
        text = self._text
        if text:
            run = text[0] if len(text) == 1 else "".join(text)
            text.clear()
            if parent is not None:
                if parent[1] or not run.isspace():
                    parent[0].append(run)
                else:
                    parent[2] = run
        if parent is None:
            before = None
            if not tag.startswith(_TEI_PREFIX):
                raise NotTei(tag)
        elif parent[1]:
            before = None
        else:  # element-only parent: the whitespace before this child is layout
            before = parent[2]
            parent[2] = ""
        declared = restore = None
        if nsmap:
            scope = self._scope
            declared = {p or None: u for p, u in nsmap.items() if u and scope.get(p or None) != u}
            if declared:
                restore = scope
                self._scope = scope = {**scope, **declared}
                if len(set(scope.values())) < len(scope):
                    self.shared_namespaces = True
            else:
                declared = None
        info = _TAG_INFO.get(tag, _UNKNOWN)
        if info is _UNKNOWN:
            info = _tag_info(tag)
        if info is not None:
            cls, template, fields, mixed = info
            values = template.copy()
            extra: dict[str, str] = {}
            if attrib:
                ampersands = self._ampersands
                for name, value in attrib.items():
                    if ampersands and "&" in value:
                        value = value.replace("&#38;", "&")
                    field = fields.get(name)
                    if field is None:
                        extra[name] = value
                    else:
                        values[field] = value
            values["extra_attrs"] = extra
        else:
            cls = Element  # type: ignore[assignment]
            values = _ELEMENT_TEMPLATE.copy()
            values["tag"] = self._shared.setdefault(tag, tag)  # one string per tag name
            attrs = dict(attrib) if attrib else {}
            if self._ampersands:
                for name, value in attrs.items():
                    if "&" in value:
                        attrs[name] = value.replace("&#38;", "&")
            values["attrs"] = attrs
            mixed = True
        order = tuple(attrib) if attrib and len(attrib) > 1 else None
        content: list[Any] = []
        values["content"] = content
        node = _new(cls)
        set_dict(node, values)
        set_fields_set(node, NOTHING_SET)
        set_extra(node, None)
        if not mixed or (before is None and order is None and declared is None):
            # no layout (yet: an element-only element gets its own at its end tag, when the
            # whitespace before that is known)
            set_private(node, None)
        else:
            set_private(node, self._private(before, None, order, declared))
        if parent is not None:
            parent[0].append(node)
        else:
            self.root = node
        self._top = [content, mixed, "", node, before, order, declared, restore, parent]

    def end(self, tag: str) -> None:
        """An end tag."""
        frame = self._top
        assert frame is not None
        text = self._text
        if text:
            run = text[0] if len(text) == 1 else "".join(text)
            text.clear()
            if frame[1] or not run.isspace():
                frame[0].append(run)
            else:
                frame[2] = run
        if not frame[1]:
            set_private(frame[3], self._private(frame[4], frame[2], frame[5], frame[6]))
        if frame[7] is not None:
            self._scope = frame[7]
        self._top = frame[8]

    def comment(self, text: str | None) -> None:
        """A comment."""
        self._misc(Comment, {"tag": "#comment", "text": text or ""})

    def pi(self, target: str, text: str | None = None) -> None:
        """A processing instruction."""
        self._misc(PI, {"tag": "#pi", "target": target, "text": text or ""})

    def doctype(self, name: str, public_id: str | None, system_id: str | None) -> None:
        """A document type declaration (kept from the bytes by the reader; noted here)."""
        self.has_doctype = True

    def close(self) -> Node | None:
        """The end of the document: the root node (``None`` if the parse failed early)."""
        return self.root

    def take(self) -> tuple[Node, list[Comment | PI], list[Comment | PI]]:
        """The root, prolog and epilog built, handed over: the builder lets go of them.

        (lxml's parser and its target can stay alive in a reference cycle until the cyclic
        collector runs; a builder still holding the document would keep it in memory.)"""
        root, prolog, epilog = self.root, self.prolog, self.epilog
        if root is None:
            raise ValueError("no document was built")
        self.root, self.prolog, self.epilog, self._shared = None, [], [], {}
        return root, prolog, epilog

    # -- helpers ---------------------------------------------------------------------------
    def _flush(self) -> None:
        """Give the text read since the last tag to the element it belongs to."""
        text = self._text
        run = text[0] if len(text) == 1 else "".join(text)
        text.clear()
        frame = self._top
        if frame is None:
            return  # whitespace outside the root: recorded from the bytes by the reader
        if frame[1] or not run.isspace():
            frame[0].append(run)
        else:
            frame[2] = run

    def _misc(self, cls: type[Comment | PI], values: dict[str, Any]) -> None:
        if self._text:
            self._flush()
        node = _new(cls)
        set_dict(node, values)
        set_fields_set(node, NOTHING_SET)
        set_extra(node, None)
        frame = self._top
        if frame is None:
            set_private(node, None)
            (self.prolog if self.root is None else self.epilog).append(node)
            return
        if frame[1]:
            set_private(node, None)
        else:
            set_private(node, self._private(frame[2], None, None, None))
            frame[2] = ""
        frame[0].append(node)

    def _private(self, before: str | None, end: str | None, order: tuple[str, ...] | None,
                 declared: dict[str | None, str] | None) -> dict[str, Any] | None:
        """The private dict holding this layout, shared by every node laid out alike."""
        if declared is not None:  # (a dict: not hashable, and rare)
            return private_for(Layout(before, end, order, declared))
        key = (before, end, order)
        shared = self._shared
        private = shared.get(key)
        if private is None:
            private = shared[key] = private_for(Layout(before, end, order))
        return private  # type: ignore[no-any-return]


def record_prefixes(root: etree._Element, node: Node) -> None:
    """Record in the models made from the tree ``root`` (``node`` is its root model) the
    prefix of every element whose namespace is bound to more than one prefix where it
    stands, so that the writer gives it the same one. The scope is followed through the
    declarations the builder kept in each layout."""
    shared: dict[tuple[int, str], Any] = {}  # nodes laid out alike share one private dict
    stack: list[tuple[etree._Element, Any, dict[str | None, str], frozenset[str]]] = [
        (root, node, {}, frozenset())]
    while stack:
        element, model, scope, twice = stack.pop()
        layout = layout_of(model)
        if layout is not None and layout.nsmap:
            scope = {**scope, **layout.nsmap}
            uris = list(scope.values())
            twice = frozenset(u for u in uris if uris.count(u) > 1)
        tag = element.tag
        if twice and tag[:1] == "{" and tag[1:].partition("}")[0] in twice:  # type: ignore[index]
            prefix = element.prefix or ""
            key = (id(layout), prefix)  # (the layouts live as long as their nodes do)
            private = shared.get(key)
            if private is None:
                private = shared[key] = private_for((layout or Layout())._replace(prefix=prefix))
            set_private(model, private)
        children = [c for c in model.content if isinstance(c, Container)]
        elements = list(element.iterchildren(etree.Element))
        stack.extend((e, c, scope, twice) for e, c in zip(elements, children, strict=True))


def replay(root: etree._Element, builder: ModelBuilder) -> None:
    """Drive ``builder`` with the events of an already parsed tree, its root element and the
    comments and processing instructions around it."""
    for node in reversed(list(root.itersiblings(preceding=True))):
        _replay_other(node, builder)
    _replay_element(root, {}, builder)
    for node in root.itersiblings():
        _replay_other(node, builder)


def _replay_element(el: etree._Element, parent_nsmap: dict[str | None, str],
                    builder: ModelBuilder) -> None:
    nsmap = el.nsmap
    declared = {p: u for p, u in nsmap.items() if parent_nsmap.get(p) != u}
    builder.start(el.tag, dict(el.items()), declared)  # type: ignore[arg-type]
    if el.text:
        builder.data(el.text)
    for child in el:
        if isinstance(child.tag, str):
            _replay_element(child, nsmap, builder)
        else:
            _replay_other(child, builder)
        if child.tail:
            builder.data(child.tail)
    builder.end(el.tag)  # type: ignore[arg-type]


def _replay_other(node: etree._Element, builder: ModelBuilder) -> None:
    if node.tag is etree.Comment:
        builder.comment(node.text)
    elif node.tag is etree.ProcessingInstruction:
        builder.pi(node.target, node.text)  # type: ignore[attr-defined]
    else:
        raise TeiReadError(f"unexpected node {node!r}", line=node.sourceline)

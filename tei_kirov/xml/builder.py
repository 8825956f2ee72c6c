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
    BaseModel,
    Comment,
    Element,
    Layout,
    Node,
    TeiElement,
    private_for,
)
from .safety import make_parser

_TEI_PREFIX = "{" + TEI_NS + "}"
_new = object.__new__
# The slot setters of pydantic's BaseModel, called directly: object.__setattr__ would look
# each name up along the class's MRO first (a third of the cost of making a node).
_set_dict = BaseModel.__dict__["__dict__"].__set__
_set_fields_set = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_set_extra = BaseModel.__dict__["__pydantic_extra__"].__set__
_set_private = BaseModel.__dict__["__pydantic_private__"].__set__

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


def _decoded(attrib: Any) -> dict[str, str]:
    return {name: value.replace("&#38;", "&") if "&" in value else value
            for name, value in attrib.items()}


class NotTei(Exception):
    """The root element is not TEI's (the reader then finds where, for the error)."""


class ModelBuilder:
    """An lxml parser target (``etree.XMLParser(target=ModelBuilder())``) that builds the
    models of one document: :attr:`root`, and the comments and processing instructions
    outside it in :attr:`prolog` and :attr:`epilog`."""

    def __init__(self) -> None:
        if len(REGISTRY) != _TAG_INFO_SIZE[0]:
            _TAG_INFO.clear()
            _TAG_INFO_SIZE[0] = len(REGISTRY)
        self.root: Node | None = None
        self.prolog: list[Node] = []
        self.epilog: list[Node] = []
        self._text: list[str] = []
        #: Open elements, innermost last: [content, mixed?, pending whitespace, node,
        #: before, attribute order, namespace declarations, scope to restore].
        self._open: list[list[Any]] = []
        self._scope: dict[str | None, str] = {}
        self._shared: dict[Any, Any] = {}  # tag names and layouts, one object per value
        # lxml looks these up once: a bound ``list.append`` is the cheapest ``data``.
        self.data = self._text.append

    # -- parser target interface -------------------------------------------------------------
    def start(self, tag: str, attrib: Any, nsmap: Any = None) -> None:
        """A start tag. ``nsmap``: the namespace declarations it makes."""
        if self._text:
            self._flush()
        open_ = self._open
        if open_:
            parent = open_[-1]
            if parent[1]:
                before = None
            else:  # element-only parent: the whitespace before this child is layout
                before = parent[2]
                parent[2] = ""
        else:
            parent = None
            before = None
            if not tag.startswith(_TEI_PREFIX):
                raise NotTei(tag)
        declared = restore = None
        if nsmap:
            scope = self._scope
            declared = {p or None: u for p, u in nsmap.items() if u and scope.get(p or None) != u}
            if declared:
                restore = scope
                self._scope = {**scope, **declared}
            else:
                declared = None
        if not attrib:
            items: Any = ()
        elif _AMPERSAND_ESCAPED:
            items = _decoded(attrib).items()
        else:
            items = attrib.items()
        info = _TAG_INFO.get(tag, _UNKNOWN)
        if info is _UNKNOWN:
            info = _tag_info(tag)
        if info is not None:
            cls, template, fields, mixed = info
            values = template.copy()
            extra: dict[str, str] = {}
            for name, value in items:
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
            values["attrs"] = dict(items)
            mixed = True
        order = tuple([name for name, _ in items]) if len(items) > 1 else None
        content: list[Any] = []
        values["content"] = content
        node = _new(cls)
        _set_dict(node, values)
        _set_fields_set(node, NOTHING_SET)
        _set_extra(node, None)
        if mixed:
            if declared or before is not None or order:
                _set_private(node, self._private(Layout(before, None, order, declared)))
            else:
                _set_private(node, None)
        # (an element-only element gets its layout at its end tag, when ``end`` is known)
        if parent is not None:
            parent[0].append(node)
        else:
            self.root = node
        open_.append([content, mixed, "", node, before, order, declared, restore])

    def end(self, tag: str) -> None:
        """An end tag."""
        if self._text:
            self._flush()
        content, mixed, pending, node, before, order, declared, restore = self._open.pop()
        if not mixed:
            _set_private(node, self._private(Layout(before, pending, order, declared)))
        if restore is not None:
            self._scope = restore

    def comment(self, text: str | None) -> None:
        """A comment."""
        self._misc(Comment, {"tag": "#comment", "text": text or ""})

    def pi(self, target: str, text: str | None = None) -> None:
        """A processing instruction."""
        self._misc(PI, {"tag": "#pi", "target": target, "text": text or ""})

    def close(self) -> Node | None:
        """The end of the document: the root node (``None`` if the parse failed early)."""
        return self.root

    # -- helpers ---------------------------------------------------------------------------
    def _flush(self) -> None:
        """Give the text read since the last tag to the element it belongs to."""
        text = self._text
        run = text[0] if len(text) == 1 else "".join(text)
        text.clear()
        if not self._open:
            return  # whitespace outside the root: recorded from the bytes by the reader
        frame = self._open[-1]
        if frame[1] or not run.isspace():
            frame[0].append(run)
        else:
            frame[2] = run

    def _misc(self, cls: type[Node], values: dict[str, Any]) -> None:
        if self._text:
            self._flush()
        node = _new(cls)
        _set_dict(node, values)
        _set_fields_set(node, NOTHING_SET)
        _set_extra(node, None)
        if not self._open:
            _set_private(node, None)
            (self.prolog if self.root is None else self.epilog).append(node)
            return
        frame = self._open[-1]
        if frame[1]:
            _set_private(node, None)
        else:
            _set_private(node, self._private(Layout(frame[2])))
            frame[2] = ""
        frame[0].append(node)

    def _private(self, layout: Layout) -> dict[str, Any] | None:
        """The private dict holding ``layout``, shared with every node laid out alike."""
        if layout.nsmap is not None:  # (a dict: not hashable, and rare)
            return private_for(layout)
        shared = self._shared
        private = shared.get(layout)
        if private is None:
            private = shared[layout] = private_for(layout)
        return private  # type: ignore[no-any-return]


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

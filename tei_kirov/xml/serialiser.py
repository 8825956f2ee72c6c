"""The fast path of writing: models -> XML text directly, without building an lxml tree.

It produces exactly the bytes that the lxml path of :mod:`.writer` produces (``_build`` then
``etree.tostring``): the same layout decisions, libxml2's escaping, self-closing empty
elements, namespace prefixes. Whenever a document holds something whose lxml serialisation
this module does not reproduce with certainty (a namespace URI bound to two prefixes, an
element or attribute whose namespace has no usable prefix in scope, an unusual name,
characters XML forbids, anything that is not a node), :func:`root_bytes` returns ``None``
and the writer takes the lxml path, which stays the reference. ``benchmarks/roundtrip.py``
and ``tests/xml/test_serialiser.py`` compare both paths byte for byte.

Building a tree costs about a microsecond per element and another per text node in lxml;
writing the text directly is several times faster (see benchmarks/RESULTS.md).
"""

from __future__ import annotations

import re
from operator import itemgetter
from typing import Any

from lxml import etree

from ..models import TEI_NS
from ..models.base import PI, Comment, Container, Element, TeiElement
from .writer import INDENT, _attributes, _first_known_ws, _layout_of

XML_NS = "http://www.w3.org/XML/1998/namespace"
_XML_PREFIX = "{" + XML_NS + "}"
_TEI_PREFIX = "{" + TEI_NS + "}"

#: Characters XML 1.0 forbids (and lone surrogates): lxml refuses them, so must we.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: Names written without a second thought: NCNames of ASCII letters, digits, ``_.-``.
_SIMPLE_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-]*\Z")


class _Unsupported(Exception):
    """Something the fast path does not reproduce with certainty: use the lxml path."""


def _text(value: str) -> str:
    """Escape character data as libxml2 does (``& < >`` and carriage return)."""
    if "&" in value:
        value = value.replace("&", "&amp;")
    if "<" in value:
        value = value.replace("<", "&lt;")
    if ">" in value:
        value = value.replace(">", "&gt;")
    if "\r" in value:
        value = value.replace("\r", "&#13;")
    return value


def _attr(value: str) -> str:
    """Escape an attribute value as libxml2 does (also ``"``, tab, newline, return)."""
    if "&" in value:
        value = value.replace("&", "&amp;")
    if "<" in value:
        value = value.replace("<", "&lt;")
    if ">" in value:
        value = value.replace(">", "&gt;")
    if '"' in value:
        value = value.replace('"', "&quot;")
    if "\n" in value:
        value = value.replace("\n", "&#10;")
    if "\r" in value:
        value = value.replace("\r", "&#13;")
    if "\t" in value:
        value = value.replace("\t", "&#9;")
    return value


class _Scope:
    """The namespace bindings in force: prefix -> URI and the one prefix of each URI."""

    __slots__ = ("by_prefix", "by_uri", "names", "attr_names")

    def __init__(self, by_prefix: dict[str | None, str]) -> None:
        self.by_prefix = by_prefix
        by_uri: dict[str, str | None] = {}
        for prefix, uri in by_prefix.items():
            if uri in by_uri:
                raise _Unsupported("one namespace bound to two prefixes")
            by_uri[uri] = prefix
        self.by_uri = by_uri
        self.names: dict[str, str] = {}
        self.attr_names: dict[str, str] = {}

    def element_name(self, tag: str) -> str:
        name = self.names.get(tag)
        if name is None:
            name = self._element_name(tag)
            self.names[tag] = name
        return name

    def _element_name(self, tag: str) -> str:
        if tag[:1] == "{":
            uri, _, local = tag[1:].partition("}")
            if not _SIMPLE_NAME.match(local) or uri not in self.by_uri:
                raise _Unsupported(tag)
            prefix = self.by_uri[uri]
            return local if prefix is None else f"{prefix}:{local}"
        if not _SIMPLE_NAME.match(tag) or None in self.by_prefix:
            raise _Unsupported(tag)  # lxml's handling of no-namespace under a default one
        return tag

    def attribute_name(self, name: str) -> str:
        found = self.attr_names.get(name)
        if found is None:
            found = self._attribute_name(name)
            self.attr_names[name] = found
        return found

    def _attribute_name(self, name: str) -> str:
        if name[:1] == "{":
            if name.startswith(_XML_PREFIX):
                local = name[len(_XML_PREFIX):]
                if _SIMPLE_NAME.match(local):
                    return "xml:" + local
                raise _Unsupported(name)
            uri, _, local = name[1:].partition("}")
            prefix = self.by_uri.get(uri)
            if prefix is None or not _SIMPLE_NAME.match(local):
                raise _Unsupported(name)
            return f"{prefix}:{local}"
        if not _SIMPLE_NAME.match(name):
            raise _Unsupported(name)
        return name


#: Per class: a getter of every attribute field's value (one C call), the XML names in the
#: same order, and the all-``None`` tuple that means "no typed attribute is set".
_PLANS: dict[type, tuple[Any, tuple[str, ...], tuple[None, ...]]] = {}


def _plan(cls: type[TeiElement]) -> tuple[Any, tuple[str, ...], tuple[None, ...]]:
    fields = tuple(cls.attribute_fields)
    names = tuple(cls.attribute_fields[f] for f in fields)
    if not fields:
        getter: Any = lambda values: ()  # noqa: E731
    elif len(fields) == 1:
        one = fields[0]
        getter = lambda values: (values[one],)  # noqa: E731
    else:
        getter = itemgetter(*fields)
    plan = (getter, names, (None,) * len(fields))
    _PLANS[cls] = plan
    return plan


def _tei_attributes(node: TeiElement, layout: Any) -> dict[str, str]:
    """``writer._attributes`` for typed elements, without a Python step per unset field."""
    cls = node.__class__
    getter, names, nones = _PLANS.get(cls) or _plan(cls)
    values = node.__dict__
    found = getter(values)
    if found == nones:
        attrs: dict[str, str] = {}
    else:
        attrs = {x: v for x, v in zip(names, found, strict=True) if v is not None}
    extra = values["extra_attrs"]
    if extra:
        attrs.update(extra)
    if layout is not None:
        order = layout.attr_order
        if order and len(attrs) > 1:
            ranked = {name: i for i, name in enumerate(order)}
            attrs = dict(sorted(attrs.items(),
                                key=lambda kv: ranked.get(kv[0], len(ranked))))
    return attrs


def root_bytes(root: Any) -> bytes | None:
    """The UTF-8 bytes of the root element (as ``etree.tostring`` of the lxml path would
    give them), or ``None`` when only the lxml path can be trusted with this document."""
    out: list[str] = []
    try:
        _element(root, None, 0, True, out)
    except (_Unsupported, AttributeError, TypeError, KeyError, ValueError):
        return None
    text = "".join(out)
    if _FORBIDDEN.search(text):
        return None
    return text.encode("utf-8")


def _declarations(nsmap: dict[str | None, str]) -> str:
    parts = []
    for prefix, uri in nsmap.items():
        if prefix is not None and not _SIMPLE_NAME.match(prefix):
            raise _Unsupported(prefix)
        name = "xmlns" if prefix is None else "xmlns:" + prefix
        parts.append(f' {name}="{_attr(uri)}"')
    return "".join(parts)


def _element(node: Any, scope: _Scope | None, depth: int, pretty: bool,
             out: list[str]) -> None:
    """Append the markup of one element (and everything in it) to ``out``."""
    if not isinstance(node, Container):
        raise _Unsupported(type(node).__name__)
    layout = _layout_of(node)
    nsmap = layout.nsmap if layout is not None else None
    if scope is None:
        if nsmap is None:
            nsmap = {None: TEI_NS}
        scope = _Scope(dict(nsmap))
        declared = _declarations(nsmap)
    elif nsmap:
        scope = _Scope({**scope.by_prefix, **nsmap})
        declared = _declarations(nsmap)
    else:
        declared = ""
    if isinstance(node, TeiElement):
        tag = _TEI_PREFIX + node.tei_name
        attrs = _tei_attributes(node, layout)
    elif isinstance(node, Element):
        tag = node.tag
        attrs = _attributes(node, layout)
    else:
        raise _Unsupported(type(node).__name__)
    name = scope.element_name(tag)
    start = "<" + name + declared
    if attrs:
        attribute_name = scope.attribute_name
        start += "".join([f' {attribute_name(k)}="{_attr(v)}"' for k, v in attrs.items()])
    out.append(start)
    slot = len(out) - 1
    if node.mixed or isinstance(node, Element):
        opened = _mixed(node.content, scope, depth, out)
    else:
        opened = _element_only(node, layout, scope, depth, pretty, out)
    if opened:
        out[slot] = start + ">"
        out.append("</" + name + ">")
    else:
        out[slot] = start + "/>"


def _child(item: Any, scope: _Scope, depth: int, pretty: bool, out: list[str]) -> None:
    if isinstance(item, Container):
        _element(item, scope, depth + 1, pretty, out)
    elif isinstance(item, (Comment, PI)):
        # Rare: let lxml write them (its exact rules for "--" and empty PIs).
        if isinstance(item, Comment):
            node = etree.Comment(item.text)
        else:
            node = etree.ProcessingInstruction(item.target, item.text or None)
        out.append(etree.tostring(node, encoding="unicode"))
    else:
        raise _Unsupported(type(item).__name__)


def _mixed(content: list[Any], scope: _Scope, depth: int, out: list[str]) -> bool:
    """Mixed content: text verbatim (escaped), children in order. Returns whether the
    element has any content (text, even empty, or a child)."""
    for item in content:
        if isinstance(item, str):
            out.append(_text(item))
        elif isinstance(item, Container):
            _element(item, scope, depth + 1, False, out)
        else:
            _child(item, scope, depth, False, out)
    return bool(content)


def _element_only(node: Any, layout: Any, scope: _Scope, depth: int, pretty: bool,
                  out: list[str]) -> bool:
    """Element-only content, with the layout rules of ``writer._fill_element_only``."""
    content = node.content
    from_file = layout is not None and layout.end is not None
    has_text = any(isinstance(item, str) for item in content)
    indent_here = pretty and not has_text and not from_file
    child_pretty = pretty and not has_text
    child_indent = "\n" + INDENT * (depth + 1)
    opened = False
    any_child = False
    previous_ws: str | None = None
    for item in content:
        if isinstance(item, str):
            out.append(_text(item))
            opened = True
            continue
        item_layout = _layout_of(item)
        ws = item_layout.before if item_layout is not None else None
        if ws is None:
            if indent_here:
                ws = child_indent
            elif from_file:
                ws = previous_ws if previous_ws is not None else _first_known_ws(content)
            else:
                ws = ""
        previous_ws = ws
        if ws:
            out.append(_text(ws))
        if isinstance(item, Container):
            _element(item, scope, depth + 1, child_pretty, out)
        else:
            _child(item, scope, depth, child_pretty, out)
        opened = any_child = True
    if from_file:
        end = layout.end
    elif indent_here and any_child:
        end = "\n" + INDENT * depth
    else:
        end = ""
    if end:
        out.append(_text(end))
        opened = True
    return opened

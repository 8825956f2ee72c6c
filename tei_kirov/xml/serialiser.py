"""The fast path of writing: models -> XML text directly, without building an lxml tree.

It produces exactly the bytes that the lxml path of :mod:`.writer` produces (``_build`` then
``etree.tostring``): the same layout decisions, libxml2's escaping, self-closing empty
elements, namespace prefixes. A few cases it declares unsupported, by raising
:class:`Unsupported` where it meets them: a namespace with no usable prefix in scope, one
bound to two prefixes when the element does not record which it was read with, a
no-namespace element under a default namespace, a name that is not a plain ASCII NCName.
For those :func:`root_chunks` returns ``None`` and the writer takes the lxml path, which stays
the reference. Anything else that goes wrong (a value that is not text, a character XML
forbids, a bug) raises: it never turns into a silent switch of path.
``benchmarks/roundtrip.py`` and ``tests/xml/test_serialiser.py`` compare both paths byte
for byte, and the tests check that no corpus file needs the lxml path.

Building a tree costs about a microsecond per element and another per text node in lxml;
writing the text directly is several times faster (see benchmarks/RESULTS.md).
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from ..models import TEI_NS
from ..models.base import PI, Comment, Container, Element, TeiElement, layout_of
from .whitespace import INDENT, whitespace_before

XML_NS = "http://www.w3.org/XML/1998/namespace"
_XML_PREFIX = "{" + XML_NS + "}"
_TEI_PREFIX = "{" + TEI_NS + "}"

#: The C0 controls XML 1.0 forbids (lxml refuses them, so must we; so are lone surrogates,
#: U+FFFE and U+FFFF, checked on the encoded bytes).
_CONTROLS = bytes(c for c in range(0x20) if c not in (0x09, 0x0A, 0x0D))
#: An attribute value that needs escaping.
_ATTR_SPECIAL = re.compile('[&<>"\n\r\t]').search
#: Names written without a second thought: NCNames of ASCII letters, digits, ``_.-``.
_SIMPLE_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-]*\Z")


#: Scopes by their bindings (see :func:`_scope`).
_SCOPES: dict[tuple[tuple[str | None, str], ...], _Scope] = {}


class Unsupported(Exception):
    """A case this module declares it does not reproduce with certainty (see the module
    docstring): the writer uses the lxml path for the document."""


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


def _scope(by_prefix: dict[str | None, str]) -> _Scope:
    """The scope of these bindings, made once per process (with what it learns about names
    and classes kept for the next document that uses it)."""
    key = tuple(by_prefix.items())
    scope = _SCOPES.get(key)
    if scope is None:
        if len(_SCOPES) >= 64:
            _SCOPES.clear()
        scope = _SCOPES[key] = _Scope(dict(by_prefix))
    return scope


class _Scope:
    """The namespace bindings in force: prefix -> URI and the one prefix of each URI."""

    __slots__ = ("by_prefix", "by_uri", "twice", "names", "attr_names", "classes", "tags")

    def __init__(self, by_prefix: dict[str | None, str]) -> None:
        self.by_prefix = by_prefix
        by_uri: dict[str, str | None] = {}
        twice: set[str] = set()
        for prefix, uri in by_prefix.items():
            if uri in by_uri:
                twice.add(uri)
            by_uri[uri] = prefix
        for uri in twice:  # which prefix an element takes is in its layout, if anywhere
            del by_uri[uri]
        self.by_uri = by_uri
        self.twice = twice
        self.names: dict[str, str] = {}
        self.attr_names: dict[str, str] = {}
        self.classes: dict[type, tuple[Any, ...]] = {}
        self.tags: dict[str, tuple[str, str]] = {}  # opaque elements: Clark tag -> tags

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
                raise Unsupported(tag)
            prefix = self.by_uri[uri]
            return local if prefix is None else f"{prefix}:{local}"
        if not _SIMPLE_NAME.match(tag) or None in self.by_prefix:
            raise Unsupported(tag)  # lxml's handling of no-namespace under a default one
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
                raise Unsupported(name)
            uri, _, local = name[1:].partition("}")
            prefix = self.by_uri.get(uri)
            if prefix is None or not _SIMPLE_NAME.match(local):
                raise Unsupported(name)
            return f"{prefix}:{local}"
        if not _SIMPLE_NAME.match(name):
            raise Unsupported(name)
        return name


#: Per class: a function of the instance ``__dict__`` that returns the set typed attributes
#: (Clark name -> value) in field order, generated once per class so that each field costs
#: one dictionary look-up and no Python-level loop (see benchmarks/).
_PLANS: dict[type, tuple[Any, Any]] = {}


def _plan(cls: type[TeiElement]) -> tuple[Any, Any]:
    """Generate, for one class, ``typed_attributes(values) -> {clark: value}`` and
    ``typed_markup(values) -> ' name="value"...'`` (field order, values escaped)."""
    picks = ["def typed_attributes(values):", "    found = {}"]
    marks = ["def typed_markup(values):", "    text = ''"]
    for field, clark in cls.attribute_fields.items():
        if not field.isidentifier():
            raise Unsupported(field)
        if clark.startswith(_XML_PREFIX):
            qualified = "xml:" + clark[len(_XML_PREFIX):]
        elif clark[:1] == "{":
            raise Unsupported(clark)  # typed attributes are plain or xml: names
        else:
            qualified = clark
        if not _SIMPLE_NAME.match(qualified.removeprefix("xml:")):
            raise Unsupported(clark)
        picks.append(f"    v = values[{field!r}]")
        picks.append(f"    if v is not None: found[{clark!r}] = v")
        marks.append(f"    v = values[{field!r}]")
        marks.append(f"    if v is not None: text += ' {qualified}=\"' + "
                     "(escape(v) if special(v) else v) + '\"'")
    picks.append("    return found")
    marks.append("    return text")
    namespace: dict[str, Any] = {"escape": _attr, "special": _ATTR_SPECIAL}
    exec("\n".join(picks + marks), namespace)  # noqa: S102 - code built from field names
    plan = (namespace["typed_attributes"], namespace["typed_markup"])
    _PLANS[cls] = plan
    return plan


def _class_info(scope: _Scope, cls: type) -> tuple[Any, ...]:
    """Per scope and class: (name, typed-attribute functions, mixed?, typed?, "<name",
    "</name>")."""
    if issubclass(cls, TeiElement):
        plan = _PLANS.get(cls) or _plan(cls)
        if TEI_NS in scope.twice:  # the prefix comes from each element's layout
            info: tuple[Any, ...] = (None, plan, cls.mixed, True, None, None)
        else:
            name = scope.element_name(_TEI_PREFIX + cls.tei_name)
            info = (name, plan, cls.mixed, True, "<" + name, "</" + name + ">")
    elif issubclass(cls, Element):
        info = (None, None, True, False, None, None)
    else:
        raise TypeError(f"{cls.__name__} cannot be an element")
    scope.classes[cls] = info
    return info


#: Pieces of text gathered before they are encoded into one chunk of bytes: a large
#: document never exists as one Python string, nor its pieces as one list.
CHUNK_PIECES = 1 << 14


class _Out(list):  # type: ignore[type-arg]
    """The output: a list of text pieces (``append`` is list's own, for speed) that, once
    long, is encoded into :attr:`chunks` and emptied."""

    __slots__ = ("chunks",)

    def __init__(self) -> None:
        super().__init__()
        self.chunks: list[bytes] = []

    def flush(self) -> None:
        """Encode the pieces so far into a chunk; ``ValueError`` if they hold what XML
        cannot (lone surrogates, C0 controls, U+FFFE, U+FFFF), as lxml refuses them."""
        text = "".join(self)
        self.clear()
        if "\ufffe" in text or "\uffff" in text:
            raise ValueError("a character XML forbids")
        data = text.encode("utf-8")  # UnicodeEncodeError (a ValueError) for a lone surrogate
        del text
        if len(data.translate(None, _CONTROLS)) != len(data):
            raise ValueError("a character XML forbids")
        self.chunks.append(data)


def root_chunks(root: Any) -> list[bytes] | None:
    """The UTF-8 bytes of the root element (as ``etree.tostring`` of the lxml path would
    give them), in chunks of a few hundred kilobytes, or ``None`` for a document with a
    case this module declares unsupported (:class:`Unsupported`). Any other error raises."""
    try:
        return write_root(root)
    except Unsupported:
        return None


def write_root(root: Any) -> list[bytes]:
    """:func:`root_chunks`, raising :class:`Unsupported` (which says what) instead of
    returning ``None``."""
    out = _Out()
    layout = layout_of(root)
    nsmap = layout.nsmap if layout is not None else None
    if nsmap is None:
        nsmap = {None: TEI_NS}
    _element(root, _scope(nsmap), 0, True, out, _declarations(nsmap))
    out.flush()
    return out.chunks


def root_bytes(root: Any) -> bytes | None:
    """:func:`root_chunks` joined into one bytes object."""
    chunks = root_chunks(root)
    return None if chunks is None else b"".join(chunks)


def _declarations(nsmap: dict[str | None, str]) -> str:
    parts = []
    for prefix, uri in nsmap.items():
        if prefix is not None and not _SIMPLE_NAME.match(prefix):
            raise Unsupported(prefix)
        name = "xmlns" if prefix is None else "xmlns:" + prefix
        parts.append(f' {name}="{_attr(uri)}"')
    return "".join(parts)


def _element(node: Any, scope: _Scope, depth: int, pretty: bool, out: _Out,
             declared: str | None = None) -> None:
    """Append the markup of one element (and everything in it) to ``out``. ``declared``:
    the namespace declarations of the root, already in ``scope``."""
    cls = node.__class__
    info = scope.classes.get(cls) or _class_info(scope, cls)
    private = node.__pydantic_private__
    layout = private.get("_layout") if private else None
    if declared is None:
        declared = ""
        if layout is not None and layout.nsmap:
            nsmap = layout.nsmap
            scope = _scope({**scope.by_prefix, **nsmap})
            declared = _declarations(nsmap)
            info = _class_info(scope, cls)
    name, plan, mixed, typed, start, end = info
    values = node.__dict__
    if typed:
        if start is None:  # the TEI namespace is bound to two prefixes here
            start, end = _prefixed(scope, _TEI_PREFIX + cls.tei_name, layout)
        if declared:
            start += declared
        attrs = values["extra_attrs"]
        if (layout is None or not layout.attr_order) and (
                not attrs or attrs.keys().isdisjoint(cls.xml_attributes)):
            # No order to restore: typed attributes in field order, then the others.
            start += plan[1](values)
        else:
            extra = attrs
            attrs = plan[0](values)
            if extra:
                attrs.update(extra)
    else:
        tag = values["tag"]
        tags = scope.tags.get(tag)
        if tags is None:
            if scope.twice and tag[1:].partition("}")[0] in scope.twice:
                tags = _prefixed(scope, tag, layout)
            else:
                name = scope.element_name(tag)
                tags = scope.tags[tag] = ("<" + name, "</" + name + ">")
        start, end = tags
        if declared:
            start += declared
        attrs = values["attrs"]
    if attrs:
        if layout is not None and layout.attr_order and len(attrs) > 1:
            # The file's order first, then any attribute it did not have (as sorting by
            # rank in writer._attributes does).
            order = layout.attr_order
            keys = [k for k in order if k in attrs]
            if len(keys) < len(attrs):
                keys += [k for k in attrs if k not in order]
        else:
            keys = attrs
        known = scope.attr_names
        start += "".join([
            f' {known[k] if k in known else scope.attribute_name(k)}="'
            f'{_attr(v) if _ATTR_SPECIAL(v := attrs[k]) else v}"' for k in keys])
    content = values["content"]
    if mixed:
        if not content:
            out.append(start + "/>")
            return
        if len(content) == 1 and (text := content[0]).__class__ is str:
            # A leaf with only text (names, dates, highlights...): one piece.
            if "&" in text or "<" in text or ">" in text or "\r" in text:
                text = _text(text)
            out.append(start + ">" + text + end)
            return
        out.append(start + ">")
        append = out.append
        for item in content:
            if item.__class__ is str:
                if "&" in item or "<" in item or ">" in item or "\r" in item:
                    item = _text(item)
                append(item)
            elif isinstance(item, Container):
                _element(item, scope, depth + 1, False, out)
            elif isinstance(item, str):
                append(_text(item))
            else:
                _child(item, scope, depth, False, out)
        append(end)
        return
    if content or (layout is not None and layout.end):  # (what _element_only will write)
        if len(out) > CHUNK_PIECES:
            out.flush()
        out.append(start + ">")
        _element_only(content, layout, scope, depth, pretty and node.xml_space != "preserve",
                      out)
        out.append(end)
    else:
        out.append(start + "/>")


def _prefixed(scope: _Scope, tag: str, layout: Any) -> tuple[str, str]:
    """The start and end of the tags of an element whose namespace is bound to two prefixes
    in ``scope``: the prefix it was read with, as the lxml path asks for it (see
    ``writer.with_prefix``)."""
    prefix = layout.prefix if layout is not None else None
    uri, _, local = tag[1:].partition("}")
    if prefix is None:
        raise Unsupported("a namespace bound to two prefixes, the element's not recorded")
    key = prefix or None
    if scope.by_prefix.get(key) != uri or not _SIMPLE_NAME.match(local):
        raise Unsupported("the recorded prefix is not bound to the element's namespace")
    own = layout.nsmap
    if own and key in own and next(p for p, u in own.items() if u == uri) != key:
        raise Unsupported("the recorded prefix is not the first this element declares")
    name = f"{prefix}:{local}" if prefix else local
    return "<" + name, "</" + name + ">"


def _child(item: Any, scope: _Scope, depth: int, pretty: bool, out: _Out) -> None:
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
        raise TypeError(f"{type(item).__name__} cannot stand in content")


def _element_only(content: list[Any], layout: Any, scope: _Scope, depth: int, pretty: bool,
                  out: _Out) -> None:
    """Element-only content, with the layout rules of ``writer._fill_element_only``."""
    from_file = layout is not None and layout.end is not None
    has_text = False
    for item in content:
        if isinstance(item, str):
            has_text = True
            break
    indent_here = pretty and not has_text and not from_file
    child_pretty = pretty and not has_text
    child_indent = "\n" + INDENT * (depth + 1)
    any_child = False
    previous_ws: str | None = None
    for item in content:
        if isinstance(item, str):
            out.append(_text(item))
            continue
        private = item.__pydantic_private__  # whitespace_before's first case, inlined
        ws = private.get("_layout") if private else None
        if ws is not None and ws.before is not None:
            ws = ws.before
        else:
            ws = whitespace_before(item, content, previous_ws, indent_here, from_file,
                                   child_indent)
        previous_ws = ws
        if ws:
            if "&" in ws or "<" in ws or ">" in ws or "\r" in ws:
                ws = _text(ws)
            out.append(ws)
        if isinstance(item, Container):
            _element(item, scope, depth + 1, child_pretty, out)
        else:
            _child(item, scope, depth, child_pretty, out)
        any_child = True
    if from_file:
        end = layout.end
    elif indent_here and any_child:
        end = "\n" + INDENT * depth
    else:
        end = ""
    if end:
        out.append(_text(end))

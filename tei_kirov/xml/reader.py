"""Reading: bytes -> lxml tree (safely) -> models, driven by the model registry.

The reader never validates values: it keeps what the file says, so that reading never fails
because a value is wrong in meaning. Whitespace between elements of element-only containers,
attribute order and namespace declarations are recorded as private layout so the writer can
reproduce the file.
"""

from __future__ import annotations

import gc
import os
import re
from pathlib import Path
from typing import Any

from lxml import etree
from pydantic import BaseModel

from ..errors import TeiReadError
from ..models import REGISTRY, TEI_NS, Document
from ..models.base import PI, Comment, Element, Layout, Node, TeiElement
from .safety import neutralise_doctype, parse_bytes

_TEI_PREFIX = "{" + TEI_NS + "}"
_COMMENT = etree.Comment
_PI = etree.ProcessingInstruction
_new = object.__new__
# The slot setters of pydantic's BaseModel, called directly: object.__setattr__ would look
# each name up along the class's MRO first (a third of the cost of making a node).
_set_dict = BaseModel.__dict__["__dict__"].__set__
_set_fields_set = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_set_extra = BaseModel.__dict__["__pydantic_extra__"].__set__
_set_private = BaseModel.__dict__["__pydantic_private__"].__set__

#: Per class: the field values of an element with no attributes and no content.
_DEFAULTS: dict[type[TeiElement], dict[str, Any]] = {}


def _defaults(cls: type[TeiElement]) -> dict[str, Any]:
    found = _DEFAULTS.get(cls)
    if found is None:
        found = {name: field.default for name, field in cls.model_fields.items()}
        _DEFAULTS[cls] = found
    return found


def parse(source: bytes | str, *, file: str | None = None) -> Document:
    """Read a TEI document from bytes or a string of XML.

    Raises :class:`~tei_kirov.errors.TeiReadError` (with file, line, column and a hint) for
    input that is not well-formed, is hostile (entity declarations, external entities) or is
    not a TEI document."""
    data = source.encode("utf-8") if isinstance(source, str) else source
    if isinstance(source, str) and data.lstrip().startswith(b"<?xml"):
        data = _drop_encoding_declaration(data)
    tree = parse_bytes(data, file)
    return from_tree(tree, data=data, file=file)


def read(path: str | os.PathLike[str]) -> Document:
    """Read a TEI file. The document remembers its path, so that
    :func:`~tei_kirov.xml.writer.write` will not replace it by accident."""
    name = os.fspath(path)
    try:
        data = Path(name).read_bytes()
    except IsADirectoryError:
        raise TeiReadError("is a directory, not a TEI file", file=name) from None
    except FileNotFoundError:
        raise TeiReadError("no such file", file=name) from None
    except PermissionError:
        raise TeiReadError("permission denied", file=name) from None
    doc = parse(data, file=name)
    doc._source = os.path.abspath(name)
    return doc


def _drop_encoding_declaration(data: bytes) -> bytes:
    # A Python str is already decoded; an encoding declaration in it would mislead libxml2.
    end = data.find(b"?>")
    declaration = data[: end + 2]
    for quote in (b'"', b"'"):
        start = declaration.find(b"encoding=" + quote)
        if start != -1:
            stop = declaration.find(quote, start + 10)
            declaration = declaration[:start] + b'encoding="UTF-8"' + declaration[stop + 1 :]
            break
    return declaration + data[end + 2 :]


def from_tree(
    tree: etree._ElementTree, *, data: bytes | None = None, file: str | None = None
) -> Document:
    """Turn a parsed lxml tree into a :class:`Document`."""
    root = tree.getroot()
    _check_is_tei(root, data, file)
    prolog = [_read_misc(n) for n in reversed(list(root.itersiblings(preceding=True)))]
    epilog = [_read_misc(n) for n in root.itersiblings()]
    model = _read_root(root, data)
    if data is not None:
        _record_top_level_layout(data, prolog, model, epilog)
    doc = Document.model_construct(root=model, prolog=prolog, epilog=epilog)
    if data is not None:
        doc._doctype = neutralise_doctype(data)[1]
        doc._declaration = _declaration(data)
    else:
        doc._doctype = tree.docinfo.doctype or None
    return doc


_DECLARATION = re.compile(rb"^\s*<\?xml\s[^?]*\?>")
_ENCODING = re.compile(rb"encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']")
_TOP_LEVEL = re.compile(
    rb"(\s*)(<!--.*?-->|<\?.*?\?>|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>)", re.DOTALL
)


def _declaration(data: bytes) -> str | None:
    """The file's XML declaration, kept when it can stay true of UTF-8 output."""
    m = _DECLARATION.match(data)
    if m is None:
        return ""
    text = m.group(0).strip()
    encoding = _ENCODING.search(text)
    if encoding is None or encoding.group(1).lower() in (b"utf-8", b"utf8"):
        return text.decode("utf-8")
    return None  # another encoding: the writer declares UTF-8 itself


def _record_top_level_layout(
    data: bytes, prolog: list[Any], root: Node, epilog: list[Any]
) -> None:
    """Record the whitespace between the nodes outside the root element, which the XML
    data model (and lxml) forget."""
    m = _DECLARATION.match(data)
    position = m.end() if m else 0
    before: list[str] = []
    while True:
        token = _TOP_LEVEL.match(data, position)
        if token is None:
            break
        if not token.group(2).startswith(b"<!DOCTYPE"):
            before.append(token.group(1).decode("utf-8", "replace"))
        position = token.end()
    gap = re.match(rb"\s*", data[position:position + 256])
    root_ws = gap.group(0).decode() if gap else "\n"
    if len(before) == len(prolog):
        for item, ws in zip(prolog, before, strict=True):
            _set_before(item, ws)
        _set_before(root, root_ws)
    if epilog:
        tail = data[data.rfind(b">", 0, _epilog_start(data, len(epilog))) + 1 :]
        found = [t.group(1).decode() for t in _TOP_LEVEL.finditer(tail)]
        if len(found) == len(epilog):
            for item, ws in zip(epilog, found, strict=True):
                _set_before(item, ws)


def _epilog_start(data: bytes, count: int) -> int:
    # Walk back over ``count`` comments/PIs at the end of the file.
    end = len(data.rstrip())
    for _ in range(count):
        start = max(data.rfind(b"<!--", 0, end), data.rfind(b"<?", 0, end))
        if start == -1:
            return end
        end = len(data[:start].rstrip())
    return end


def _set_before(node: Node, ws: str) -> None:
    layout = node._layout
    if layout is None:
        node.__pydantic_private__["_layout"] = Layout(before=ws)  # type: ignore[index]
    else:
        layout.before = ws


def _check_is_tei(root: etree._Element, data: bytes | None, file: str | None) -> None:
    tag = root.tag
    if isinstance(tag, str) and tag.startswith(_TEI_PREFIX):
        return
    local = etree.QName(root).localname
    line = root.sourceline
    column = _column_of(data, line, root.prefix, local)
    namespace = etree.QName(root).namespace
    if local in ("TEI", "teiCorpus"):
        where = f'namespace "{namespace}"' if namespace else "no namespace"
        raise TeiReadError(
            f"<{local}> is in {where}, not the TEI namespace",
            file=file, line=line, column=column,
            hint=f'declare it: <{local} xmlns="{TEI_NS}">',
        )
    raise TeiReadError(
        f"not a TEI document: the root element is <{root.tag if not namespace else local}>, "
        "not <TEI>",
        file=file, line=line, column=column,
        hint=f'a TEI document starts with <TEI xmlns="{TEI_NS}">',
    )


def _column_of(data: bytes | None, line: int | None, prefix: str | None, local: str) -> int | None:
    """The 1-based column of an element's start tag on ``line`` (lxml only knows lines)."""
    if data is None or not line:
        return None
    lines = data.split(b"\n", line)
    if len(lines) < line:
        return None
    text = lines[line - 1].decode("utf-8", "replace")
    name = f"{prefix}:{local}" if prefix else local
    position = text.find("<" + name)
    return position + 1 if position != -1 else None


def _read_misc(node: etree._Element) -> Comment | PI:
    if node.tag is _COMMENT:
        return Comment._fast({"tag": "#comment", "text": node.text or ""})
    return PI._fast({"tag": "#pi", "target": node.target, "text": node.text or ""})  # type: ignore[attr-defined]


# -- the element walk -----------------------------------------------------------------------
#
# This is the hot path of reading (see benchmarks/): one recursive function per element, the
# per-tag facts looked up once in ``_TAG_INFO``, no validation (the values are what the file
# says, already checked well-formed by libxml2), and the cyclic garbage collector paused while
# the (acyclic) model tree is built, which then joins the oldest generation directly.

#: Clark tag -> (class, field defaults, XML attribute -> field, mixed?) or ``None`` for an
#: element the models do not type. Rebuilt when the registry grows.
_TAG_INFO: dict[str, tuple[type[TeiElement], dict[str, Any], dict[str, str], bool] | None] = {}
_TAG_INFO_SIZE = [0]
_UNKNOWN: Any = object()  # "not looked up yet" (``None`` means "no model class")


def _tag_info(tag: str) -> tuple[type[TeiElement], dict[str, Any], dict[str, str], bool] | None:
    cls = REGISTRY.get(tag[len(_TEI_PREFIX):]) if tag.startswith(_TEI_PREFIX) else None
    info = None
    if cls is not None:
        defaults = dict(_defaults(cls))
        info = (cls, defaults, cls.xml_attributes, cls.mixed)
    _TAG_INFO[tag] = info
    return info


def _read_root(root: etree._Element, data: bytes | None) -> Node:
    """Read the root element and everything in it."""
    if len(REGISTRY) != _TAG_INFO_SIZE[0]:
        _TAG_INFO.clear()
        _TAG_INFO_SIZE[0] = len(REGISTRY)
    nsmap = root.nsmap
    # Namespace declarations below the root are rare; when the bytes hold no more "xmlns"
    # than the root declares, no descendant declares one and ``el.nsmap`` (which walks the
    # ancestors) need not be asked of every element.
    track_ns = data is None or data.count(b"xmlns") != len(nsmap)
    collecting = gc.isenabled()
    if collecting:
        gc.disable()
    try:
        return _read_element(root, {}, None, track_ns)
    finally:
        if collecting:
            if not gc.get_freeze_count():
                # The new tree is acyclic (refcounting frees it), so there is nothing for the
                # young-generation collections to find in it: move it straight to the oldest
                # generation instead of letting gen0/gen1 scan every node (a quarter of the
                # read time of a large file; see benchmarks/). Skipped when the application
                # keeps objects frozen itself, so as not to unfreeze them.
                gc.freeze()
                gc.unfreeze()
            gc.enable()


def _read_element(
    el: etree._Element,
    parent_nsmap: dict[str | None, str],
    before: str | None,
    track_ns: bool,
) -> Node:
    """One element and its content. ``before`` is the whitespace that precedes it inside an
    element-only parent (``None`` inside mixed content)."""
    tag = el.tag
    declared = None
    if track_ns or not parent_nsmap:
        nsmap = el.nsmap
        if nsmap != parent_nsmap:
            declared = {p: u for p, u in nsmap.items() if parent_nsmap.get(p) != u}
    else:
        nsmap = parent_nsmap
    items = el.items()  # one call: a list of (name, value) in document order
    info = _TAG_INFO.get(tag, _UNKNOWN)
    if info is _UNKNOWN:
        info = _tag_info(tag)
    if info is not None:
        cls, defaults, fields, mixed = info
        values = defaults.copy()
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
        values = {"tag": tag, "attrs": dict(items) if items else {}, "content": None}
        mixed = True
    if declared or before is not None or not mixed or len(items) > 1:
        layout = Layout(before, None,
                        tuple([name for name, _ in items]) if len(items) > 1 else None,
                        declared)
    else:
        layout = None
    content: list[Any] = []
    append = content.append
    text = el.text
    if mixed:
        if text:
            append(text)
        for child in el:
            ctag = child.tag
            if ctag.__class__ is str:
                append(_read_element(child, nsmap, None, track_ns))
            else:
                append(_read_other(child, ctag, None))
            tail = child.tail
            if tail:
                append(tail)
    else:
        # Element-only: whitespace between children is layout, not content.
        pending = ""
        if text:
            if text.isspace():
                pending = text
            else:
                append(text)
        for child in el:
            ctag = child.tag
            if ctag.__class__ is str:
                append(_read_element(child, nsmap, pending, track_ns))
            else:
                append(_read_other(child, ctag, pending))
            pending = ""
            tail = child.tail
            if tail:
                if tail.isspace():
                    pending = tail
                else:
                    append(tail)
        layout.end = pending  # type: ignore[union-attr]
    values["content"] = content
    # Node._fast, inlined: this runs once per element.
    node = _new(cls)
    _set_dict(node, values)
    _set_fields_set(node, set())
    _set_extra(node, None)
    _set_private(node, {"_layout": layout})
    return node


def _read_other(child: etree._Element, tag: Any, before: str | None) -> Node:
    """A comment or processing instruction inside an element."""
    layout = None if before is None else Layout(before)
    if tag is _COMMENT:
        return Comment._fast({"tag": "#comment", "text": child.text or ""}, layout)
    if tag is _PI:
        return PI._fast({"tag": "#pi", "target": child.target,  # type: ignore[attr-defined]
                         "text": child.text or ""}, layout)
    raise TeiReadError(f"unexpected node {child!r}")

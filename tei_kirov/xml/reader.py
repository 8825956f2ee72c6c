"""Reading: bytes -> lxml tree (safely) -> models, driven by the model registry.

The reader never validates values: it keeps what the file says, so that reading never fails
because a value is wrong in meaning. Whitespace between elements of element-only containers,
attribute order and namespace declarations are recorded as private layout so the writer can
reproduce the file.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from lxml import etree

from ..errors import TeiReadError
from ..models import REGISTRY, TEI_NS, Document
from ..models.base import PI, Comment, Element, Layout, Node, TeiElement
from .safety import parse_bytes

_TEI_PREFIX = "{" + TEI_NS + "}"
_COMMENT = etree.Comment
_PI = etree.ProcessingInstruction

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
    model = _read_element(root, {})
    if data is not None:
        _record_top_level_layout(data, prolog, model, epilog)
    doc = Document.model_construct(root=model, prolog=prolog, epilog=epilog)
    doc._doctype = tree.docinfo.doctype or None
    if data is not None:
        doc._declaration = _declaration(data)
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
        for item, ws in zip(prolog, before):
            _set_before(item, ws)
        _set_before(root, root_ws)
    if epilog:
        tail = data[data.rfind(b">", 0, _epilog_start(data, len(epilog))) + 1 :]
        found = [t.group(1).decode() for t in _TOP_LEVEL.finditer(tail)]
        if len(found) == len(epilog):
            for item, ws in zip(epilog, found):
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


def _read_element(el: etree._Element, parent_nsmap: dict[str | None, str]) -> Node:
    tag = el.tag
    nsmap = el.nsmap
    declared = None
    if nsmap != parent_nsmap:
        declared = {p: u for p, u in nsmap.items() if parent_nsmap.get(p) != u}
    attrib = el.attrib
    cls = REGISTRY.get(tag[len(_TEI_PREFIX):]) if tag.startswith(_TEI_PREFIX) else None
    if cls is not None:
        values = dict(_defaults(cls))
        if attrib:
            fields = cls.xml_attributes
            extra: dict[str, str] = {}
            for name, value in attrib.items():
                field = fields.get(name)
                if field is None:
                    extra[name] = value
                else:
                    values[field] = value
            if extra:
                values["extra_attrs"] = extra
        else:
            values["extra_attrs"] = {}
        mixed = cls.mixed
    else:
        values = {"tag": tag, "attrs": dict(attrib), "content": []}
        mixed = True
        cls = Element  # type: ignore[assignment]
    layout = None
    if declared or len(attrib) > 1:
        layout = Layout(attr_order=tuple(attrib.keys()) if len(attrib) > 1 else None,
                        nsmap=declared)
    if mixed:
        values["content"] = _read_mixed(el, nsmap)
    else:
        content, end = _read_element_only(el, nsmap)
        values["content"] = content
        if layout is None:
            layout = Layout()
        layout.end = end
    return cls._fast(values, layout)


def _read_child(child: etree._Element, nsmap: dict[str | None, str]) -> Node:
    tag = child.tag
    if tag is _COMMENT:
        return Comment._fast({"tag": "#comment", "text": child.text or ""})
    if tag is _PI:
        return PI._fast({"tag": "#pi", "target": child.target,  # type: ignore[attr-defined]
                         "text": child.text or ""})
    if not isinstance(tag, str):  # an unexpanded entity reference: kept as its text
        raise TeiReadError(f"unexpected node {child!r}")
    return _read_element(child, nsmap)


def _read_mixed(el: etree._Element, nsmap: dict[str | None, str]) -> list[Any]:
    content: list[Any] = []
    text = el.text
    if text:
        content.append(text)
    for child in el:
        content.append(_read_child(child, nsmap))
        tail = child.tail
        if tail:
            content.append(tail)
    return content


def _read_element_only(el: etree._Element, nsmap: dict[str | None, str]) -> tuple[list[Any], str]:
    """Children of an element-only container; whitespace between them becomes layout."""
    content: list[Any] = []
    pending = ""
    text = el.text
    if text:
        if text.isspace():
            pending = text
        else:
            content.append(text)
    for child in el:
        node = _read_child(child, nsmap)
        layout = node._layout
        if layout is None:
            node.__pydantic_private__["_layout"] = Layout(before=pending)  # type: ignore[index]
        else:
            layout.before = pending
        content.append(node)
        pending = ""
        tail = child.tail
        if tail:
            if tail.isspace():
                pending = tail
            else:
                content.append(tail)
    return content, pending

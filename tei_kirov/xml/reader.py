"""Reading: bytes -> lxml tree (safely) -> models, driven by the model registry.

The reader never validates values: it keeps what the file says, so that reading never fails
because a value is wrong in meaning. Whitespace between elements of element-only containers,
attribute order and namespace declarations are recorded as private layout so the writer can
reproduce the file.
"""

from __future__ import annotations

import os
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
    doc = Document.model_construct(root=model, prolog=prolog, epilog=epilog)
    doctype = tree.docinfo.doctype
    doc._doctype = doctype or None
    return doc


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

"""Reading: bytes -> models, safely, through libxml2's parse events (no lxml tree is built).

The reader never validates values: it keeps what the file says, so that reading never fails
because a value is wrong in meaning. Whitespace between elements of element-only containers,
attribute order and namespace declarations are recorded as private layout so the writer can
reproduce the file. The models themselves are made by :mod:`tei_kirov.xml.builder`.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from lxml import etree

from ..errors import TeiReadError
from ..models import TEI_NS, Document
from ..models.base import Layout, Node, layout_of
from .builder import ModelBuilder, NotTei, record_prefixes, replay
from .safety import make_parser, neutralise_doctype, parse_bytes, prepare, syntax_error

_TEI_PREFIX = "{" + TEI_NS + "}"


def parse(source: bytes | str, *, file: str | None = None) -> Document:
    """Read a TEI document from bytes or a string of XML.

    Raises :class:`~tei_kirov.errors.TeiReadError` (with file, line, column and a hint) for
    input that is not well-formed, is hostile (entity declarations, external entities) or is
    not a TEI document."""
    data = source.encode("utf-8") if isinstance(source, str) else source
    if isinstance(source, str) and data.lstrip().startswith(b"<?xml"):
        data = _drop_encoding_declaration(data)
    safe = prepare(data, file)
    builder = ModelBuilder(ampersands=b"&" in data)
    try:
        etree.fromstring(safe, make_parser(target=builder))
    except etree.XMLSyntaxError as exc:
        raise syntax_error(exc, file) from None
    except NotTei:
        # Parse again as a tree, only to say where and what the root element is (and to
        # report a well-formedness error further on first, as a full parse would).
        _check_is_tei(parse_bytes(data, file).getroot(), data, file)
        raise  # not reached: the check raises
    if builder.has_doctype and b"&" in data:
        # Behind a DOCTYPE that might declare entities elsewhere (an external DTD, which is
        # never loaded, or a parameter entity), libxml2 leaves a reference to an undeclared
        # entity unexpanded and tells a parser target nothing: parse as a tree to find it,
        # rather than lose its text in silence. (DOCTYPEs are rare in TEI: none of the 195
        # corpus files has one; '&' is looked for as a byte, which any encoding keeps.)
        parse_bytes(data, file)
    doc = _document(builder, data)
    if builder.shared_namespaces:  # rare: which of two prefixes each element took
        record_prefixes(parse_bytes(data, file).getroot(), doc.root)
    return doc


def from_tree(
    tree: etree._ElementTree, *, data: bytes | None = None, file: str | None = None
) -> Document:
    """Turn a parsed lxml tree into a :class:`Document` (the same models :func:`parse`
    makes from the tree's bytes)."""
    root = tree.getroot()
    _check_is_tei(root, data, file)
    builder = ModelBuilder(ampersands=False)  # a tree's attribute values are decoded already
    replay(root, builder)
    doc = _document(builder, data)
    if builder.shared_namespaces:
        record_prefixes(root, doc.root)
    if data is None:
        doc._doctype = tree.docinfo.doctype or None
    return doc


def _document(builder: ModelBuilder, data: bytes | None) -> Document:
    root, prolog, epilog = builder.take()
    doctype_place = None
    if data is not None:
        doctype_place = _record_top_level_layout(data, prolog, root, epilog)
    doc = Document.model_construct(root=root, prolog=prolog, epilog=epilog)
    if data is not None:
        doc._doctype = neutralise_doctype(data)[1]
        doc._doctype_place = doctype_place if doc._doctype else None
        doc._declaration = _declaration(data)
        doc._trailer = _trailer(data)
    return doc


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


def _trailer(data: bytes) -> str | None:
    """The whitespace after the last markup of the file (only whitespace can follow it)."""
    tail = data[data.rfind(b">") + 1:]
    return tail.decode("utf-8") if tail.isspace() or not tail else None


def _record_top_level_layout(
    data: bytes, prolog: list[Any], root: Node, epilog: list[Any]
) -> tuple[int, str] | None:
    """Record the whitespace between the nodes outside the root element, which the XML
    data model (and lxml) forget. Returns where the DOCTYPE stood, if there is one: after
    how many of the prolog's nodes, and the whitespace before it."""
    m = _DECLARATION.match(data)
    position = m.end() if m else 0
    before: list[str] = []
    doctype_place = None
    while True:
        token = _TOP_LEVEL.match(data, position)
        if token is None:
            break
        ws = token.group(1).decode("utf-8", "replace")
        if token.group(2).startswith(b"<!DOCTYPE"):
            doctype_place = (len(before), ws)
        else:
            before.append(ws)
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
    return doctype_place if len(before) == len(prolog) else None


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
    node._layout = (layout_of(node) or Layout())._replace(before=ws)


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



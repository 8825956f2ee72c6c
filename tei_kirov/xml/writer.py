"""Writing: models -> UTF-8 bytes, the mirror image of the reader.

Two paths give the same bytes: this module builds an lxml tree and serialises it (the
reference), and :mod:`.serialiser` writes the text directly (the fast path, used whenever it
can be sure of agreeing).

A document read from a file is written back with the whitespace, attribute order and
namespace prefixes it was read with. Parts built in code are pretty-printed, but only where
whitespace is not significant: element-only containers that are not inside mixed content.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from lxml import etree

from ..errors import TeiWriteError
from ..models import TEI_NS, Document
from ..models.base import PI, Comment, Container, Element, Layout, Node, TeiElement, layout_of

INDENT = "  "
_SubElement = etree.SubElement
_TEI_PREFIX = "{" + TEI_NS + "}"


DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>'


def to_tree(doc: Document) -> etree._ElementTree:
    """Build the lxml tree of ``doc`` (prolog and epilog included)."""
    root = _build(doc.root, None, 0, pretty=True)
    for item in doc.prolog:
        root.addprevious(_misc(item))
    for item in reversed(doc.epilog):
        root.addnext(_misc(item))
    return root.getroottree()


def to_bytes(doc: Document) -> bytes:
    """Serialise ``doc`` as UTF-8 bytes. Never refuses: it writes whatever the model holds
    (see :func:`write` for the checked path)."""
    return b"".join(to_chunks(doc))


def to_chunks(doc: Document) -> list[bytes]:
    """:func:`to_bytes` in pieces of at most a few hundred kilobytes, to write to a file
    without holding the whole document as one object."""
    from .serialiser import root_chunks  # the fast path; None when only lxml can be trusted

    body = root_chunks(doc.root)
    if body is None:
        body = [etree.tostring(_build(doc.root, None, 0, pretty=True), encoding="UTF-8")]
    return _around_root(doc, body)


def _serialise(doc: Document, root: etree._Element | bytes) -> bytes:
    """The bytes of a document whose root element is already built (as an lxml element, or
    as its bytes)."""
    if not isinstance(root, bytes):
        root = etree.tostring(root, encoding="UTF-8")
    return b"".join(_around_root(doc, [root]))


def _around_root(doc: Document, root: list[bytes]) -> list[bytes]:
    """The root element's bytes with what goes before and after it. Outside the root the
    writer works by hand, so the whitespace between top-level nodes survives."""
    declaration = doc._declaration
    parts: list[bytes] = []
    if declaration is None or declaration:
        parts.append((declaration or DECLARATION).encode("utf-8"))
    place, ws = doc._doctype_place or (0, None)
    place = min(place, len(doc.prolog))  # the DOCTYPE goes after this many prolog nodes
    for index, item in enumerate(doc.prolog):
        if index == place:
            _append_doctype(doc, ws, parts)
        parts.append(_before(item, parts) + etree.tostring(_misc(item), encoding="UTF-8"))
    if place == len(doc.prolog):
        _append_doctype(doc, ws, parts)
    parts.append(_before(doc.root, parts))
    parts += root
    for item in doc.epilog:
        parts.append(_before(item, parts) + etree.tostring(_misc(item), encoding="UTF-8"))
    while parts and not parts[-1]:
        parts.pop()
    if doc._trailer is not None:  # read from a file: end as it ended
        parts.append(doc._trailer.encode("utf-8"))
    elif not parts or not parts[-1].endswith(b"\n"):
        parts.append(b"\n")
    return parts


def _append_doctype(doc: Document, ws: str | None, parts: list[bytes]) -> None:
    if doc._doctype:
        gap = ws.encode("utf-8") if ws is not None else (b"\n" if parts else b"")
        parts.append(gap + doc._doctype.encode("utf-8"))


def _before(node: Node, parts: list[bytes]) -> bytes:
    layout = node._layout
    if layout is not None and layout.before is not None:
        return layout.before.encode("utf-8")
    return b"\n" if parts else b""


def to_string(doc: Document) -> str:
    """Serialise ``doc`` as a string (the same text as :func:`to_bytes`)."""
    return to_bytes(doc).decode("utf-8")


def _misc(item: Node) -> etree._Element:
    if isinstance(item, Comment):
        return etree.Comment(item.text)
    if isinstance(item, PI):
        return etree.ProcessingInstruction(item.target, item.text or None)
    raise TypeError(f"{type(item).__name__} cannot stand outside the root element")


def _qualified(node: Container) -> str:
    if isinstance(node, TeiElement):
        return _TEI_PREFIX + node.tei_name
    return node.tag  # type: ignore[attr-defined,no-any-return]


def _attributes(node: Container, layout: Layout | None = None) -> dict[str, str]:
    """The attributes to write, by Clark name, in the order the file had them (if read)."""
    if isinstance(node, TeiElement):
        values = node.__dict__
        attrs = {x: v for f, x in node.attribute_fields.items()
                 if (v := values.get(f)) is not None}
        extra = values.get("extra_attrs")
        if extra:
            attrs.update(extra)
    elif isinstance(node, Element):
        attrs = dict(node.attrs)
    else:
        attrs = {}
    if layout is not None:
        order = layout.attr_order
        if order and len(attrs) > 1:
            ranked = {name: i for i, name in enumerate(order)}
            attrs = dict(sorted(attrs.items(),
                                key=lambda kv: ranked.get(kv[0], len(ranked))))
    return attrs


def _build(node: Node, parent: etree._Element | None, depth: int, pretty: bool) -> etree._Element:
    if not isinstance(node, Container):
        raise TypeError(f"{type(node).__name__} cannot be an element")
    layout = layout_of(node)
    nsmap = layout.nsmap if layout is not None else None
    if parent is None and nsmap is None:
        nsmap = {None: TEI_NS}
    tag = _qualified(node)
    attrs = _attributes(node, layout)
    if parent is None:
        el = etree.Element(tag, attrs, nsmap=nsmap)
    elif nsmap is not None:
        el = _SubElement(parent, tag, attrs, nsmap=nsmap)
    elif attrs:
        el = _SubElement(parent, tag, attrs)
    else:  # the common case, and twice as fast without an (empty) attribute dict
        el = _SubElement(parent, tag)
    if not isinstance(node, TeiElement) or node.mixed:
        _fill_mixed(el, node.content, depth)
    else:
        # xml:space="preserve" makes every space significant: never indent inside it
        _fill_element_only(el, node, layout, depth, pretty and node.xml_space != "preserve")
    return el


def _append(el: etree._Element, item: Node, depth: int, pretty: bool) -> etree._Element:
    if isinstance(item, Container):
        return _build(item, el, depth + 1, pretty)
    if isinstance(item, Comment):
        child = etree.Comment(item.text)
    elif isinstance(item, PI):
        child = etree.ProcessingInstruction(item.target, item.text or None)
    else:
        raise TypeError(f"{type(item).__name__} cannot be an element")
    el.append(child)
    return child


def _fill_mixed(el: etree._Element, content: list, depth: int) -> None:  # type: ignore[type-arg]
    # Runs of text are joined first and set once (el.text / the last child's tail).
    last: etree._Element | None = None
    text: str | None = None
    for item in content:
        if isinstance(item, str):
            text = item if text is None else text + item
            continue
        if text is not None:
            if last is None:
                el.text = text
            else:
                last.tail = text
            text = None
        last = _append(el, item, depth, pretty=False)
    if text is not None:
        if last is None:
            el.text = text
        else:
            last.tail = text


def _fill_element_only(
    el: etree._Element, node: Container, layout: Layout | None, depth: int, pretty: bool
) -> None:
    content = node.content
    from_file = layout is not None and layout.end is not None
    has_text = any(isinstance(item, str) for item in content)
    indent_here = pretty and not has_text and not from_file
    child_pretty = pretty and not has_text
    child_indent = "\n" + INDENT * (depth + 1)
    last: etree._Element | None = None
    previous_ws: str | None = None
    for item in content:
        if isinstance(item, str):
            if last is None:
                el.text = (el.text or "") + item
            else:
                last.tail = (last.tail or "") + item
            continue
        ws = previous_ws = whitespace_before(item, content, previous_ws, indent_here,
                                             from_file, child_indent)
        if ws:
            if last is None:
                el.text = (el.text or "") + ws
            else:
                last.tail = (last.tail or "") + ws
        last = _append(el, item, depth, child_pretty)
    if from_file:
        end = layout.end  # type: ignore[union-attr]
    elif indent_here and last is not None:
        end = "\n" + INDENT * depth
    else:
        end = ""
    if end:
        if last is None:
            el.text = (el.text or "") + end
        else:
            last.tail = (last.tail or "") + end


def whitespace_before(
    item: Node, content: list, previous: str | None,  # type: ignore[type-arg]
    indent_here: bool, from_file: bool, child_indent: str,
) -> str:
    """The whitespace written before ``item`` in an element-only container: what was read
    from the file; else the pretty indentation (built in code); else, for a node added to a
    container read from a file, the whitespace of its sibling before it."""
    private = item.__pydantic_private__  # (layout_of, inlined: once per child)
    layout = private.get("_layout") if private else None
    if layout is not None and layout.before is not None:
        return layout.before
    if indent_here:
        return child_indent
    if from_file:
        return previous if previous is not None else _first_known_ws(content)
    return ""


def _first_known_ws(content: list) -> str:  # type: ignore[type-arg]
    for item in content:
        if not isinstance(item, str) and item._layout is not None and item._layout.before:
            return item._layout.before  # type: ignore[no-any-return]
    return ""


# -- files --------------------------------------------------------------------------------


def write(
    doc: Document,
    path: str | os.PathLike[str],
    *,
    validate: bool = True,
    overwrite: bool = False,
) -> Path:
    """Write ``doc`` to ``path`` atomically (a temporary file in the same folder, then a
    rename), after checking it against the profile schema.

    ``validate=False`` skips the check (for documents with content the profile does not
    type). ``overwrite=True`` is needed to replace the file the document was read from.
    Raises :class:`~tei_kirov.errors.TeiWriteError` and leaves the destination untouched when
    it refuses."""
    target = Path(os.fspath(path))
    source = doc.source
    if source is not None and not overwrite and _same_file(source, target):
        raise TeiWriteError(
            "refusing to replace the file this document was read from; "
            "pass overwrite=True (CLI: --force) to do so, or write elsewhere",
            path=str(target),
        )
    chunks = to_chunks(doc)
    if validate:
        problems = _profile_problems(chunks)
        if problems:
            raise TeiWriteError(
                "not written: the document does not validate against the tei_kirov profile "
                "(pass validate=False, on the command line --no-validate, to write TEI the "
                "profile does not cover)",
                path=str(target),
                problems=problems,
            )
    write_bytes_atomic(target, chunks)
    return target


def _profile_problems(chunks: list[bytes]) -> list[str]:
    """What the profile schema finds wrong with the document in ``chunks`` (empty if valid).

    A valid document is checked as it streams through libxml2, each element dropped once
    read, so the check costs no tree of the whole document; only an invalid one is parsed
    whole, to report every problem with its line and path."""
    from ..profile import profile_errors, profile_schema
    from .safety import make_parser, make_pull_parser

    stream = make_pull_parser(events=("end",), schema=profile_schema())
    try:
        for chunk in chunks:
            stream.feed(chunk)
            for _, element in stream.read_events():
                element.clear(keep_tail=True)
                parent = element.getparent()
                if parent is not None:
                    while element.getprevious() is not None:
                        del parent[0]
        stream.close()
        return []
    except etree.XMLSyntaxError:
        pass
    parser = make_parser()
    for chunk in chunks:
        parser.feed(chunk)
    return profile_errors(parser.close())


def _same_file(source: str, target: Path) -> bool:
    try:
        return os.path.samefile(source, target)
    except OSError:
        return os.path.abspath(source) == os.path.abspath(target)


def write_bytes_atomic(target: Path, data: bytes | Iterable[bytes]) -> None:
    """Write ``data`` (bytes, or pieces of bytes in order) to ``target`` so that it is either
    entirely the old file or entirely the new one, never half-written: a temporary file in
    the same folder, fsync, rename."""
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise TeiWriteError("the folder does not exist", path=str(folder))
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            if isinstance(data, bytes):
                handle.write(data)
            else:
                handle.writelines(data)
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            os.chmod(tmp_name, target.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp_name, 0o666 & ~umask)
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise

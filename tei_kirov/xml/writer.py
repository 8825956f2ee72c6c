"""Writing: models -> UTF-8 bytes, the mirror image of the reader.

Two paths give the same bytes: this module builds an lxml tree and serialises it (the
reference), and :mod:`.serialiser` writes the text directly (the fast path, used whenever it
can be sure of agreeing).

A document read from a file is written back with the whitespace, attribute order and
namespace prefixes it was read with. Parts built in code are pretty-printed, but only where
whitespace is not significant: element-only containers that are not inside mixed content.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from lxml import etree

from ..atomic import check_target, write_file
from ..errors import TeiWriteError
from ..models import TEI_NS, Document
from ..models.base import PI, Comment, Container, Element, Layout, Node, TeiElement, layout_of
from .serialiser import root_chunks
from .whitespace import INDENT, whitespace_before

_SubElement = etree.SubElement
_TEI_PREFIX = "{" + TEI_NS + "}"
_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>'


def to_tree(doc: Document) -> etree._ElementTree:
    """Build the lxml tree of ``doc`` (prolog and epilog included). Raises
    :class:`~tei_kirov.errors.TeiWriteError` for a value XML cannot hold."""
    with _bad_values_named(doc):
        root = _build(doc.root, None, 0, pretty=True)
        for item in doc.prolog:
            root.addprevious(_misc(item))
        for item in reversed(doc.epilog):
            root.addnext(_misc(item))
    return root.getroottree()


def to_bytes(doc: Document) -> bytes:
    """Serialise ``doc`` as UTF-8 bytes. It writes whatever the model holds, valid or not
    (see :func:`write` for the checked path); it refuses only a value XML cannot hold (a
    number where text belongs, a character XML forbids), with a
    :class:`~tei_kirov.errors.TeiWriteError` naming the element and attribute."""
    return b"".join(to_chunks(doc))


def to_chunks(doc: Document) -> list[bytes]:
    """:func:`to_bytes` in pieces of at most a few hundred kilobytes, to write to a file
    without holding the whole document as one object."""
    with _bad_values_named(doc):
        body = root_chunks(doc.root)  # None: a case the fast path declares unsupported
        if body is None:
            body = [etree.tostring(_build(doc.root, None, 0, pretty=True), encoding="UTF-8")]
        return _around_root(doc, body)


@contextmanager
def _bad_values_named(doc: Document) -> Iterator[None]:
    """Turn a writer's failure on a value XML cannot hold into a
    :class:`~tei_kirov.errors.TeiWriteError` that says where the value is. A failure that no
    value explains is a writer bug and propagates as it is."""
    try:
        yield
    except (TypeError, ValueError, AttributeError) as exc:
        from .values import unwritable

        problem = unwritable(doc)
        if problem is None:
            raise
        raise problem from exc


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
    if layout is not None and layout.prefix is not None:
        nsmap = with_prefix(nsmap, layout.prefix, tag)
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


def with_prefix(
    nsmap: dict[str | None, str] | None, prefix: str, tag: str
) -> dict[str | None, str] | None:
    """The ``nsmap`` to give lxml so that an element takes ``prefix`` (``""``: none) for its
    namespace. lxml gives a new element the first binding of its namespace in the nsmap it is
    made with, declaring it only if that binding is not already in scope; so the prefix goes
    first unless the element declares it itself (declarations keep their order)."""
    if tag[:1] != "{":
        return nsmap
    uri = tag[1:].partition("}")[0]
    key = prefix or None
    if nsmap and key in nsmap:
        if nsmap[key] != uri or next(p for p, u in nsmap.items() if u == uri) == key:
            return nsmap  # (a prefix rebound to another namespace: lxml chooses)
        return {key: nsmap[key], **{p: u for p, u in nsmap.items() if p != key}}
    return {key: uri, **(nsmap or {})}


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


# -- files --------------------------------------------------------------------------------


#: Why :func:`write` refuses an existing file.
_EXISTS = "exists; pass overwrite=True (CLI: --force) to replace it, or write elsewhere"


def write(
    doc: Document,
    path: str | os.PathLike[str],
    *,
    validate: bool = True,
    overwrite: bool = False,
) -> Path:
    """Write ``doc`` to ``path`` atomically (a temporary file in the same folder, then a
    link or rename), after checking it against the profile schema.

    ``validate=False`` skips the check (for documents with content the profile does not
    type). An existing file, the one the document was read from included, is replaced only
    with ``overwrite=True``. Raises :class:`~tei_kirov.errors.TeiWriteError` and leaves the
    destination untouched when it refuses."""
    target = Path(os.fspath(path))
    source = doc.source
    if source is not None and not overwrite and _same_file(source, target):
        raise TeiWriteError(
            "refusing to replace the file this document was read from; "
            "pass overwrite=True (CLI: --force) to do so, or write elsewhere",
            path=str(target),
        )
    check_target(target, overwrite, refuse=_EXISTS)
    chunks = to_chunks(doc)
    if validate:
        problems = profile_problems(chunks, str(target))
        if problems:
            raise TeiWriteError(
                "not written: the document does not validate against the tei_kirov profile "
                "(lines as it would be written; pass validate=False, on the command line "
                "--no-validate, to write TEI the profile does not cover)",
                path=str(target),
                problems=problems,
            )
    return write_file(target, chunks, force=overwrite, refuse=_EXISTS)


def profile_problems(chunks: list[bytes], name: str) -> list[str]:
    """What the profile schema finds wrong with the document in ``chunks``, as the
    validator's compiler-style lines (``name:line:col: error CODE: message``); empty if
    it is valid.

    A valid document costs only the streamed check (:func:`streams_valid`); an invalid one
    is parsed whole and checked by the validator's profile schema, which locates and
    explains every problem (the document as written: no XInclude resolution, no rules)."""
    if streams_valid(chunks):
        return []
    from ..validation import Issue
    from ..validation.positions import Locator
    from ..validation.schemas import load_schemas
    from ..validation.wellformed import parse

    parsed = parse(b"".join(chunks), name)
    if isinstance(parsed, Issue):  # (not reached for what to_chunks writes)
        return [parsed.format()]
    locator = Locator(parsed.source)
    issues = [issue for schema in load_schemas(None)
              for issue in schema.check(parsed.tree, locator)]
    return [issue.format() for issue in sorted(issues, key=Issue.sort_key)
            if issue.severity == "error"]


def streams_valid(chunks: list[bytes]) -> bool:
    """Whether the document in ``chunks`` is valid against the profile, checked as it
    streams through libxml2 with each element dropped once read (no tree of the whole
    document).

    A streaming libxml2 does not check that ``xs:ID`` values are unique, so a repeated
    ``xml:id`` (the profile's only ID) makes this say "not valid" and leaves the verdict to
    the whole-tree check."""
    from ..profile import profile_schema
    from .safety import make_pull_parser

    stream = make_pull_parser(events=("end",), schema=profile_schema())
    ids: set[str] = set()
    try:
        for chunk in chunks:
            stream.feed(chunk)
            for _, element in stream.read_events():
                value = element.get(_XML_ID)
                if value is not None:
                    value = value.strip(" \t\r\n")
                    if value in ids:
                        return False
                    ids.add(value)
                element.clear(keep_tail=True)
                parent = element.getparent()
                if parent is not None:
                    while element.getprevious() is not None:
                        del parent[0]
        stream.close()
    except etree.XMLSyntaxError:
        return False
    return True


def _same_file(source: str, target: Path) -> bool:
    try:
        return os.path.samefile(source, target)
    except OSError:
        return os.path.abspath(source) == os.path.abspath(target)

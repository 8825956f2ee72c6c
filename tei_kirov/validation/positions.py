"""Exact positions of elements and attributes in the source bytes.

libxml2 records only the line on which an element's start tag ends, and its validators report
column 0. :class:`SourceMap` scans the original bytes once for start tags (skipping comments,
CDATA, processing instructions and the DOCTYPE) and pairs them, in document order, with the
elements of the tree parsed from the same bytes, which gives every element its real line and
column. :class:`Locator` answers for a whole (possibly XInclude-assembled) tree.
"""

from __future__ import annotations

import bisect
import re

from lxml import etree

_TOKENS = re.compile(
    rb"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>|<!DOCTYPE(?:[^\[>]|\[.*?\])*>|<([^\s/>!?]+)",
    re.DOTALL,
)
_ALL_TAGS = re.compile(
    rb"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>|<!DOCTYPE(?:[^\[>]|\[.*?\])*>"
    rb"|</[^\s>]+\s*>|<([^\s/>!?]+)",
    re.DOTALL,
)
_ATTR_END = re.compile(rb"\"[^\"]*\"|'[^']*'|(/?>)")
_NON_SPACE = re.compile(rb"[^ \t\r\n]")

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"


def _as_utf8(data: bytes, root: etree._Element) -> bytes:
    """The source as UTF-8 without a byte order mark, so that offsets count characters the
    way an editor shows them (UTF-16 or Latin-1 files are re-encoded)."""
    encoding = (root.getroottree().docinfo.encoding or "UTF-8").lower()
    if encoding.replace("-", "") in ("utf8", "ascii", "usascii"):
        return data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    try:
        return data.decode(encoding).lstrip("\ufeff").encode("utf-8")
    except (LookupError, UnicodeDecodeError):
        return data


def _elements(root: etree._Element) -> list[etree._Element]:
    return [e for e in root.iter() if isinstance(e.tag, str)]


class SourceMap:
    """The start-tag offsets of one parsed file, matched to its elements."""

    def __init__(self, file: str, data: bytes, root: etree._Element) -> None:
        self.file = file
        self.data = _as_utf8(data, root)
        self.root = root
        self._elements: list[etree._Element] | None = None
        self._offsets: list[int] | None = None
        self._index: dict[etree._Element, int] | None = None
        self._line_starts: list[int] | None = None
        self._ends: list[int] | None = None
        self._closers: list[int] = []

    def freeze(self) -> None:
        """Record the document order of the elements now, before the tree is changed (by
        XInclude resolution); otherwise it is recorded on first use."""
        if self._elements is None:
            self._elements = _elements(self.root)

    def _scan(self) -> None:
        self.freeze()
        assert self._elements is not None
        offsets = [m.start() for m in _TOKENS.finditer(self.data) if m.group(1) is not None]
        self._offsets = offsets if len(offsets) == len(self._elements) else []
        self._index = {e: i for i, e in enumerate(self._elements)}

    def _tag_end(self, start: int) -> int:
        for token in _ATTR_END.finditer(self.data, start):
            if token.group(1):
                return token.end()
        return len(self.data)

    def _scan_ends(self) -> list[int]:
        """For each element, the offset just after its end tag (or after ``/>``); the
        offsets where the end tags start go to ``_closers``."""
        if self._ends is None:
            self.tag_offset(self.root)  # make sure the start tags are scanned
            ends: list[int] = []
            closers: list[int] = []
            stack: list[int] = []
            for m in _ALL_TAGS.finditer(self.data):
                text = m.group(0)
                if m.group(1) is not None:
                    end = self._tag_end(m.end())
                    ends.append(end)
                    closers.append(m.start())
                    if self.data[end - 2:end] != b"/>":
                        stack.append(len(ends) - 1)
                elif text.startswith(b"</") and stack:
                    i = stack.pop()
                    ends[i], closers[i] = m.end(), m.start()
            complete = self._offsets is not None and len(ends) == len(self._offsets) > 0
            self._ends = ends if complete else []
            self._closers = closers if complete else []
        return self._ends

    def end_tag_offset(self, element: etree._Element) -> int | None:
        """Offset of the ``</`` of the element's end tag (its start tag when it has none)."""
        if self.tag_offset(element) is None or not self._scan_ends():
            return None
        assert self._index is not None
        i = self._index.get(element)
        return self._closers[i] if i is not None else None

    def text_offset(self, element: etree._Element) -> int | None:
        """Offset of the first non-blank character of text directly inside ``element``."""
        start = self.tag_offset(element)
        if start is None:
            return None
        ends = self._scan_ends()
        assert self._index is not None
        if (element.text or "").strip():
            m = _NON_SPACE.search(self.data, self._tag_end(start))
            return m.start() if m else None
        for child in element:
            i = self._index.get(child)
            if (child.tail or "").strip() and i is not None and ends:
                m = _NON_SPACE.search(self.data, ends[i])
                return m.start() if m else None
        return None

    def tail_offset(self, element: etree._Element) -> int | None:
        """Offset of the first non-blank character after the element's end."""
        if self.tag_offset(element) is None or not self._scan_ends():
            return None
        assert self._index is not None
        i = self._index.get(element)
        m = _NON_SPACE.search(self.data, self._ends[i]) if i is not None and self._ends \
            else None
        return m.start() if m else None

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a byte offset; columns count characters."""
        if self._line_starts is None:
            starts = [0]
            find = self.data.find
            pos = find(b"\n")
            while pos != -1:
                starts.append(pos + 1)
                pos = find(b"\n", pos + 1)
            self._line_starts = starts
        line = bisect.bisect_right(self._line_starts, offset)
        start = self._line_starts[line - 1]
        column = len(self.data[start:offset].decode("utf-8", "replace")) + 1
        return line, column

    def tag_offset(self, element: etree._Element) -> int | None:
        """Byte offset of the ``<`` of the element's start tag, or None when unknown."""
        if self._index is None:
            self._scan()
        assert self._index is not None and self._offsets is not None
        i = self._index.get(element)
        if i is None or not self._offsets:
            return None
        return self._offsets[i]

    def owns(self, element: etree._Element) -> bool:
        if self._index is None:
            self._scan()
        assert self._index is not None
        return element in self._index

    def attribute_offset(self, element: etree._Element, name: str) -> int | None:
        """Byte offset of attribute ``name`` (as written, e.g. ``xml:id``) in the start tag."""
        start = self.tag_offset(element)
        if start is None:
            return None
        tag = self.data[start:self._tag_end(start)]
        local = name.split(":")[-1].encode()
        pattern = re.compile(rb"[\s](?:[\w.\-]+:)?" + re.escape(local) + rb"\s*=")
        qualified = re.compile(rb"[\s]" + re.escape(name.encode()) + rb"\s*=")
        m = qualified.search(tag) or pattern.search(tag)
        return start + m.start() + 1 if m else None


class Locator:
    """Positions for any element of a validated tree, across included files."""

    def __init__(self, main: SourceMap) -> None:
        self.main = main
        self.included: list[SourceMap] = []

    def source_of(self, element: etree._Element) -> SourceMap | None:
        for source in (self.main, *self.included):
            if source.owns(element):
                return source
        return None

    def locate(
        self, element: etree._Element | None, attribute: str | None = None,
        text: bool = False, end: bool = False, tail: bool = False,
    ) -> tuple[str, int | None, int | None]:
        """(file, line, column) of an element, of one of its attributes, (``text``) of the
        first text directly inside it, (``end``) of its end tag, or (``tail``) of the text
        right after it."""
        if element is None:
            return self.main.file, None, None
        source = self.source_of(element)
        if source is None:
            return self.main.file, element.sourceline, None
        offset = None
        if attribute is not None:
            offset = source.attribute_offset(element, attribute)
        elif text:
            offset = source.text_offset(element)
        elif end:
            offset = source.end_tag_offset(element)
        elif tail:
            offset = source.tail_offset(element)
        if offset is None:
            offset = source.tag_offset(element)
        if offset is None:
            return source.file, element.sourceline, None
        line, column = source.position(offset)
        return source.file, line, column


def qname(element: etree._Element) -> str:
    """The element's name as a reader would write it: local name for TEI, else prefix:local."""
    q = etree.QName(element)
    if q.namespace in (None, TEI_NS) or not element.prefix:
        return q.localname
    return f"{element.prefix}:{q.localname}"


def attr_name(element: etree._Element, clark: str) -> str:
    """A Clark-notation attribute key as written (``xml:id``, ``xsi:schemaLocation``)."""
    if not clark.startswith("{"):
        return clark
    ns, local = clark[1:].split("}", 1)
    if ns == XML_NS:
        return f"xml:{local}"
    for prefix, uri in (element.nsmap or {}).items():
        if uri == ns and prefix:
            return f"{prefix}:{local}"
    return local


def xpath_of(element: etree._Element) -> str:
    """A readable XPath: local names (prefixed outside TEI) with positions among same-named
    siblings, e.g. ``/TEI/text/body/div[2]/p[3]``."""
    steps: list[str] = []
    node: etree._Element | None = element
    while node is not None:
        parent = node.getparent()
        name = qname(node)
        if parent is None:
            steps.append(name)
        else:
            same = [c for c in parent if c.tag == node.tag]
            steps.append(f"{name}[{same.index(node) + 1}]" if len(same) > 1 else name)
        node = parent
    return "/" + "/".join(reversed(steps))

"""Safe parsing of untrusted XML: no DTD loading, no network, no entity expansion.

Every place in tei_kirov that turns bytes into an lxml tree goes through :func:`parse_bytes`,
so one policy governs the reader, the validator and the exports.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from ..errors import TeiReadError

#: Inputs above this size are refused before parsing (a guard against memory exhaustion).
MAX_BYTES = 512 * 1024 * 1024

_ENTITY_DECL = re.compile(rb"<!ENTITY", re.IGNORECASE)


#: The one parsing policy: never load a DTD, never touch the network, never expand entities.
#: ``huge_tree`` stays off, so libxml2's own limits on depth and text size apply.
SAFE_OPTIONS: dict[str, Any] = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "dtd_validation": False,
    "remove_blank_text": False,
    "remove_comments": False,
    "remove_pis": False,
    "strip_cdata": True,
    "huge_tree": False,
    "collect_ids": False,
}


def make_parser(*, target: Any = None) -> etree.XMLParser:
    """An lxml parser with :data:`SAFE_OPTIONS`. ``target``: a parser target to send parse
    events to instead of building a tree."""
    return etree.XMLParser(target=target, **SAFE_OPTIONS)


def make_pull_parser(*, events: tuple[str, ...], schema: Any = None) -> etree.XMLPullParser:
    """A pull parser (``feed`` bytes, ``read_events``) with :data:`SAFE_OPTIONS`, validating
    against ``schema`` as it goes when one is given."""
    return etree.XMLPullParser(events=events, schema=schema, **SAFE_OPTIONS)


_DOCTYPE_DECL = re.compile(
    rb"<!DOCTYPE\s+[^\s\[>]+(?P<external>\s+(?:SYSTEM|PUBLIC)\s(?:\s*(?:\"[^\"]*\"|'[^']*'))+)?"
    rb"\s*(?P<subset>\[.*?\]\s*)?>",
    re.DOTALL,
)


def neutralise_doctype(data: bytes) -> tuple[bytes, str | None]:
    """Blank out a DOCTYPE's external identifier (``SYSTEM "x.dtd"``) so libxml2 never tries
    to fetch it; the blanks keep every line and column where they were. Returns the bytes to
    parse and the declaration as written."""
    start = _find_doctype(data, 1 << 20)
    m = _DOCTYPE_DECL.match(data, start) if start != -1 else None
    if m is None:
        return data, None
    declaration = m.group(0).decode("utf-8", "replace")
    if m.group("external") is None:
        return data, declaration
    start, end = m.span("external")
    blank = bytes(b if b in b"\r\n" else 32 for b in data[start:end])
    return data[:start] + blank + data[end:], declaration


def _position_of(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return line, column


def _find_doctype(data: bytes, limit: int) -> int:
    """Where the document type declaration starts in ``data[:limit]``, or -1.

    Only the prolog is looked at: before a DOCTYPE there can be nothing but the XML
    declaration, comments, processing instructions and whitespace, so the walk stops at the
    first other markup (the root element). Text that merely looks like a DOCTYPE further on,
    in a comment or a CDATA section, is content and is never touched. (``<!DOCTYPE`` is
    matched in any case, to refuse entity declarations behind a misspelt one too.)"""
    position = 0
    while True:
        position = data.find(b"<", position, limit)
        if position == -1:
            return -1
        if data.startswith(b"<?", position):
            end = data.find(b"?>", position + 2, limit)
            position = end + 2
        elif data.startswith(b"<!--", position):
            end = data.find(b"-->", position + 4, limit)
            position = end + 3
        elif data[position + 1:position + 9].upper() == b"!DOCTYPE":
            return position
        else:
            return -1  # the root element: no DOCTYPE after it
        if end == -1:
            return -1


def check_prolog(data: bytes, file: str | None) -> None:
    """Refuse entity declarations outright: they are how XXE and billion-laughs attacks work,
    and TEI documents do not need them."""
    start = _find_doctype(data, 1 << 20)
    if start == -1:
        return
    decl = _ENTITY_DECL.search(data, start)
    root_start = data.find(b"]>", start)
    if decl is not None and (root_start == -1 or decl.start() < root_start + 2):
        line, column = _position_of(data, decl.start())
        raise TeiReadError(
            "entity declaration refused: the document declares its own entities "
            "(external entities and entity expansion are unsafe and never processed)",
            file=file,
            line=line,
            column=column,
            hint="replace each entity reference with the character or text it stands for "
            "and remove the <!ENTITY ...> declaration",
        )


_HINTS: tuple[tuple[str, str], ...] = (
    ("Opening and ending tag mismatch", "an element is closed with the wrong end tag, or an "
     "earlier start tag was never closed"),
    ("Premature end of data", "the file ends before every element is closed; look for a "
     "missing end tag"),
    ("EntityRef: expecting ';'", "a bare '&' must be written as &amp;"),
    ("xmlParseEntityRef: no name", "a bare '&' must be written as &amp;"),
    ("Entity '", "HTML entities such as &nbsp; are not defined in XML; write the character "
     "itself (e.g. U+00A0) or a numeric reference (&#160;)"),
    ("StartTag: invalid element name", "a bare '<' must be written as &lt;"),
    ("Start tag expected", "the file does not start with an element; is it XML at all?"),
    ("Document is empty", "the file is empty or not XML"),
    ("attributes construct error", "an attribute value must be quoted: name=\"value\""),
    ("AttValue: \" or ' expected", "an attribute value must be quoted: name=\"value\""),
    ("Extra content at the end of the document", "an XML document has exactly one root "
     "element; something follows its end tag"),
    ("Couldn't find end of Start Tag", "a start tag is not closed with '>'"),
    ("Input is not proper UTF-8", "the file is not UTF-8; re-save it as UTF-8 or declare its "
     "encoding in the XML declaration"),
    ("Invalid bytes in character encoding", "the file is not in the encoding it declares "
     "(UTF-8 unless the XML declaration says otherwise); re-save it as UTF-8"),
    ("Char 0x", "the file contains a character that XML forbids"),
)


def hint_for(message: str) -> str | None:
    """A plain-language suggestion for a libxml2 well-formedness message."""
    for needle, hint in _HINTS:
        if needle in message:
            return hint
    return None


def syntax_error(exc: etree.XMLSyntaxError, file: str | None) -> TeiReadError:
    """Turn lxml's syntax error into a :class:`TeiReadError` with position and hint."""
    # The exception itself names the error that stopped the parser (its error_log can hold
    # messages of earlier parses in the same thread).
    message = (exc.msg or str(exc)).strip()
    message = re.sub(r", line \d+, column \d+$", "", message)
    line, column = exc.position if exc.position else (None, None)
    return TeiReadError(
        f"not well-formed XML: {message}",
        file=file,
        line=line or None,
        column=column or None,
        hint=hint_for(message),
    )


def prepare(data: bytes, file: str | None = None) -> bytes:
    """Check untrusted bytes before any parser sees them (size, emptiness, entity
    declarations) and return them ready to parse: with a DOCTYPE's external identifier
    blanked, or else the very same object."""
    if len(data) > MAX_BYTES:
        raise TeiReadError(
            f"file is too large ({len(data)} bytes; the limit is {MAX_BYTES})",
            file=file,
            hint="split the document, or raise tei_kirov.xml.safety.MAX_BYTES if you trust it",
        )
    if not data or data.isspace():  # (not data.strip(): that copies the whole input)
        raise TeiReadError("the file is empty", file=file, line=1, column=1,
                           hint="a TEI document starts with <TEI xmlns=\"http://www.tei-c.org/ns/1.0\">")
    check_prolog(data, file)
    return neutralise_doctype(data)[0]


def parse_bytes(data: bytes, file: str | None = None) -> etree._ElementTree:
    """Parse untrusted bytes into an lxml tree or raise :class:`TeiReadError`."""
    data = prepare(data, file)
    parser = make_parser()
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise syntax_error(exc, file) from None
    tree = root.getroottree()
    if tree.docinfo.doctype:
        _refuse_unexpanded_entities(root, file)
    return tree


def _refuse_unexpanded_entities(root: etree._Element, file: str | None) -> None:
    # Only reachable when a DOCTYPE names an external DTD we did not load: its entities stay
    # unexpanded, and silently dropping them would lose text.
    for entity in root.iter(etree.Entity):
        raise TeiReadError(
            f"undefined entity reference &{entity.name};",
            file=file,
            line=entity.sourceline,
            hint="write the character itself or a numeric character reference",
        )

"""Layer 4 (applied before the schema): safe XInclude resolution that remembers origins.

Like jing, ``xi:include`` elements are replaced by what they include (or by their
``xi:fallback``) before the document is validated. Unlike libxml2's own XInclude support, only
files inside the permitted folder trees are read: absolute paths, ``..`` escapes and URLs count
as unavailable. Included files are parsed with the same safe parser and registered with the
:class:`~.positions.Locator`, so a problem in included content is reported in the included file
at its own line and column.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from lxml import etree

from .positions import Locator, xpath_of
from .report import Issue
from .wellformed import Unreadable, parse, read_bytes

XI_NS = "http://www.w3.org/2001/XInclude"
INCLUDE = f"{{{XI_NS}}}include"
FALLBACK = f"{{{XI_NS}}}fallback"
MAX_DEPTH = 32
#: At most this many inclusions are resolved for one document (a guard against XInclude
#: bombs: a few small files including each other many times over).
MAX_INCLUDES = 2000

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")
_NCNAME = re.compile(r"^[A-Za-z_][\w.\-]*$")


def has_includes(root: etree._Element) -> bool:
    """True when the tree holds at least one ``xi:include``."""
    return next(root.iter(INCLUDE), None) is not None


def _within(path: str, roots: Sequence[str]) -> bool:
    return any(path == r or path.startswith(r.rstrip(os.sep) + os.sep) for r in roots)


class _Unavailable(Exception):
    def __init__(self, code: str, reason: str, issue: Issue | None = None,
                 silent: bool = False) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason
        self.issue = issue
        self.silent = silent


@dataclass
class _Resolver:
    locator: Locator
    roots: list[str]
    issues: list[Issue] = field(default_factory=list)
    count: int = 0

    def expand(self, element: etree._Element, real: str | None, shown: str,
               stack: tuple[str, ...]) -> None:
        """Replace every ``xi:include`` below ``element`` (not inside a fallback)."""
        for child in list(element):
            if not isinstance(child.tag, str):
                continue
            if child.tag == INCLUDE:
                self.include(child, real, shown, stack)
            elif child.tag != FALLBACK:
                self.expand(child, real, shown, stack)

    def include(self, inc: etree._Element, real: str | None, shown: str,
                stack: tuple[str, ...]) -> None:
        try:
            replacement = self.fetch(inc, real, shown, stack)
        except _Unavailable as why:
            if why.silent:  # past the inclusion budget: already reported once
                _splice(inc, None, [])
                return
            if why.issue is not None:
                self.issues.append(why.issue)
            fallback = next((c for c in inc if c.tag == FALLBACK), None)
            if fallback is not None:
                nodes = _splice(inc, fallback.text, list(fallback))
                for node in nodes:
                    if node.tag == INCLUDE:
                        self.include(node, real, shown, stack)
                    else:
                        self.expand(node, real, shown, stack)
                return
            if why.issue is None:
                file, line, column = self.locator.locate(inc, "href")
                self.issues.append(Issue(
                    file=file, line=line, column=column, severity="error", code=why.code,
                    message=f'xi:include href="{inc.get("href", "")}": {why.reason}',
                    hint="fix the href, or add an <xi:fallback> for when it is unavailable",
                    xpath=xpath_of(inc)))
            _splice(inc, None, [])
            return
        if isinstance(replacement, str):
            _splice(inc, replacement, [])
        else:
            replacement.tail = None
            _splice(inc, None, [replacement])

    def fetch(self, inc: etree._Element, real: str | None, shown: str,
              stack: tuple[str, ...]) -> etree._Element | str:
        """What the include stands for: an element, or text for ``parse="text"``."""
        href = inc.get("href", "")
        mode = inc.get("parse", "xml")
        self.count += 1
        if self.count > MAX_INCLUDES:
            raise _Unavailable("TK305", f"more than {MAX_INCLUDES} inclusions in one document; "
                               "the rest are not read", silent=self.count > MAX_INCLUDES + 1)
        pointer = inc.get("xpointer")
        if mode not in ("xml", "text"):
            raise _Unavailable("TK304", f'parse="{mode}" is not supported')
        if not href:
            raise _Unavailable("TK304", "same-document inclusion (no href) is not supported")
        if _SCHEME.match(href) and not os.path.isabs(href):
            raise _Unavailable("TK302", "URLs are never fetched")
        if os.path.isabs(href):
            raise _Unavailable("TK302", "absolute paths are never read")
        if real is None:
            raise _Unavailable("TK301", "the document has no folder to resolve it against")
        target = os.path.realpath(os.path.join(os.path.dirname(real), href))
        if not _within(target, self.roots):
            raise _Unavailable("TK302", "the file is outside the document's folder tree "
                               "(use --include-root to allow another folder)")
        if target in stack:
            raise _Unavailable("TK303", "the file includes itself")
        if len(stack) > MAX_DEPTH:
            raise _Unavailable("TK303", f"includes are nested more than {MAX_DEPTH} deep")
        display = os.path.normpath(os.path.join(os.path.dirname(shown), href))
        if not os.path.isfile(target):
            raise _Unavailable("TK301", "no such file")
        try:
            data = read_bytes(target, display)
        except Unreadable as exc:
            raise _Unavailable(exc.issue.code, exc.issue.message) from None
        if mode == "text":
            try:
                return data.decode(inc.get("encoding", "utf-8"))
            except (LookupError, UnicodeDecodeError):
                raise _Unavailable("TK301", "the text cannot be decoded") from None
        parsed = parse(data, display)
        if isinstance(parsed, Issue):
            raise _Unavailable(parsed.code, parsed.message, parsed)
        parsed.source.freeze()
        self.locator.included.append(parsed.source)
        root = parsed.tree.getroot()
        if pointer:
            if not _NCNAME.match(pointer):
                raise _Unavailable("TK304", f'xpointer "{pointer}" is not supported (only a '
                                   "bare xml:id is)")
            found = root.xpath("//*[@xml:id=$id]", id=pointer)
            if not found:
                raise _Unavailable("TK301", f'no element with xml:id "{pointer}" in the file')
            root = found[0]
        self.expand(root, target, display, (*stack, target))
        return root


def _splice(inc: etree._Element, text: str | None, nodes: list[etree._Element]
            ) -> list[etree._Element]:
    """Put ``text`` and ``nodes`` where ``inc`` is, keeping the text around it."""
    parent = inc.getparent()
    tail = inc.tail
    if parent is None:
        return nodes
    index = parent.index(inc)
    before = parent[index - 1] if index > 0 else None

    def add_text(value: str | None) -> None:
        if not value:
            return
        if before is None:
            parent.text = (parent.text or "") + value
        else:
            before.tail = (before.tail or "") + value

    add_text(text)
    parent.remove(inc)
    for offset, node in enumerate(nodes):
        parent.insert(index + offset, node)
    if nodes:
        nodes[-1].tail = ((nodes[-1].tail or "") + (tail or "")) or None
    else:
        add_text(tail)
    return nodes


def resolve(tree: etree._ElementTree, locator: Locator, real: str | None, shown: str,
            roots: Sequence[str] = ()) -> list[Issue]:
    """Resolve the includes of ``tree`` in place; the issues found while doing so.

    ``real`` is the document's path on disk (None for in-memory input), ``shown`` its name in
    reports; ``roots`` are extra folders whose files may be included besides the document's
    own folder tree."""
    root = tree.getroot()
    if not has_includes(root):
        return []
    locator.main.freeze()
    allowed = [os.path.realpath(r) for r in roots]
    if real is not None:
        allowed.append(os.path.dirname(os.path.realpath(real)))
    resolver = _Resolver(locator, allowed)
    start = (os.path.realpath(real),) if real else ()
    if root.tag == INCLUDE:
        resolver.issues.append(Issue(
            file=shown, line=root.sourceline, severity="error", code="TK304",
            message="the root element is an xi:include; this is not supported"))
        return resolver.issues
    resolver.expand(root, os.path.realpath(real) if real else None, shown, start)
    return resolver.issues

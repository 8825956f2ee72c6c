"""Pointers as TEI reads them: ``#id`` names an element of this document, ``psn:kirov``
expands through the document's ``listPrefixDef/prefixDef`` (``@ident``, ``@matchPattern``,
``@replacementPattern``), anything else (``other.xml#id``, a URL) points outside it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from ..positions import TEI_NS

_PREFIXED = re.compile(r"^([A-Za-z][\w.-]*):(.*)$", re.DOTALL)
_GROUP = re.compile(r"\$(\d)")


@dataclass(frozen=True)
class Target:
    """Where one pointer token leads. ``local``: the xml:id it names in this document
    (``None`` when it leads elsewhere). ``unmatched``: a declared prefix whose patterns
    all fail to match, so the pointer cannot be resolved."""

    token: str
    local: str | None = None
    unmatched: bool = False


def _substitute(match: re.Match[str], replacement: str) -> str:
    """``replacementPattern`` with ``$1`` ... ``$9`` replaced by the matched groups."""

    def group(ref: re.Match[str]) -> str:
        n = int(ref.group(1))
        return (match.group(n) or "") if n <= len(match.groups()) else ref.group(0)

    return _GROUP.sub(group, replacement)


class Prefixes:
    """The prefix definitions of one document, in document order."""

    def __init__(self, root: etree._Element) -> None:
        self.rules: dict[str, list[tuple[re.Pattern[str] | None, str]]] = {}
        for d in root.iter(f"{{{TEI_NS}}}prefixDef"):
            ident = d.get("ident")
            pattern, replacement = d.get("matchPattern"), d.get("replacementPattern")
            if not ident or pattern is None or replacement is None:
                continue
            try:
                compiled: re.Pattern[str] | None = re.compile(pattern)
            except re.error:
                compiled = None  # a pattern Python cannot read: the pointer is not judged
            self.rules.setdefault(ident, []).append((compiled, replacement))

    def expand(self, token: str) -> str | None:
        """The URI a prefixed token stands for; the token itself when its prefix is not
        declared; ``None`` when declared but no pattern matches."""
        found = _PREFIXED.match(token)
        if found is None or found.group(1) not in self.rules:
            return token
        for pattern, replacement in self.rules[found.group(1)]:
            if pattern is None:
                return token  # a pattern Python cannot read: taken to lead elsewhere
            match = pattern.fullmatch(found.group(2))
            if match is not None:
                return _substitute(match, replacement)
        return None

    def target(self, token: str) -> Target:
        """Where ``token`` leads (see :class:`Target`)."""
        uri = self.expand(token)
        if uri is None:
            return Target(token, unmatched=True)
        if uri.startswith("#") and len(uri) > 1:
            return Target(token, local=uri[1:])
        return Target(token)

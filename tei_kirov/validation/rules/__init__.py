"""Layer 3: semantic rules that no schema expresses.

Each rule has a stable code, a name, a one-line description and a severity, and can be
switched off by code or name (``validate(..., rules={"-TK206"})``, ``--disable TK206``).
Some rules check conventions that other projects settle differently (pointers to records
kept in another file, who may be responsible for a note): they are errors in documents that
declare the tei_kirov profile and warnings in any other document (``Rule.elsewhere``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property

from lxml import etree

from ...profile import PROFILE_NAME
from ..positions import TEI_NS, XML_NS, Locator, attr_name, xpath_of
from ..report import Issue, Severity
from .prefixes import Prefixes

XML_ID = f"{{{XML_NS}}}id"
T = f"{{{TEI_NS}}}"


@dataclass(frozen=True)
class Finding:
    """What a rule found: the element, optionally the attribute, and what to say."""

    element: etree._Element
    message: str
    attribute: str | None = None
    hint: str | None = None


class Context:
    """One resolved document, with the indexes several rules share (computed once)."""

    def __init__(self, tree: etree._ElementTree, locator: Locator) -> None:
        self.tree = tree
        self.root = tree.getroot()
        self.locator = locator

    @cached_property
    def elements(self) -> list[etree._Element]:
        return [e for e in self.root.iter() if isinstance(e.tag, str)]

    @cached_property
    def ids(self) -> dict[str, list[etree._Element]]:
        """xml:id value -> the elements carrying it, in document order."""
        table: dict[str, list[etree._Element]] = {}
        for e in self.elements:
            value = e.get(XML_ID)
            if value is not None:
                table.setdefault(value, []).append(e)
        return table

    @cached_property
    def prefixes(self) -> Prefixes:
        """The document's ``prefixDef`` declarations."""
        return Prefixes(self.root)

    @cached_property
    def pointed(self) -> set[str]:
        """Every id that some attribute anywhere points to, with a ``#id`` token or a
        prefixed one that ``prefixDef`` expands to ``#id``."""
        found: set[str] = set()
        prefixes = self.prefixes
        check_prefixed = bool(prefixes.rules)
        for e in self.elements:
            for key, value in e.attrib.items():
                if key == XML_ID or ("#" not in value and not check_prefixed):
                    continue
                for token in value.split():
                    local = prefixes.target(token).local
                    if local is not None:
                        found.add(local)
        return found

    @cached_property
    def own(self) -> bool:
        """True when the document declares the tei_kirov profile in an ``<?xml-model?>``
        (``href`` ending in ``tei_kirov.xsd``): it is held to this project's conventions."""
        for node in self.root.itersiblings(preceding=True):
            if isinstance(node, etree._ProcessingInstruction) and node.target == "xml-model":
                href = (node.get("href") or "").rstrip()
                if href.rsplit("/", 1)[-1] == PROFILE_NAME:
                    return True
        return False

    def tei(self, local: str) -> Iterator[etree._Element]:
        """TEI elements with this local name, in document order."""
        return self.root.iter(T + local)


@dataclass(frozen=True)
class Rule:
    """A registered semantic rule."""

    code: str
    name: str
    severity: Severity
    description: str
    check: Callable[[Context], Iterable[Finding]]
    #: the severity in documents that do not declare the tei_kirov profile
    elsewhere: Severity

    def severity_in(self, context: Context) -> Severity:
        """The severity of this rule's findings in that document."""
        return self.severity if context.own else self.elsewhere


RULES: dict[str, Rule] = {}


def rule(code: str, name: str, severity: Severity, description: str,
         elsewhere: Severity | None = None
         ) -> Callable[[Callable[[Context], Iterable[Finding]]],
                       Callable[[Context], Iterable[Finding]]]:
    """Register the decorated function as a rule. ``elsewhere``: its severity in documents
    that do not declare the tei_kirov profile (default: ``severity``)."""

    def register(func: Callable[[Context], Iterable[Finding]]
                 ) -> Callable[[Context], Iterable[Finding]]:
        RULES[code] = Rule(code, name, severity, description, func, elsewhere or severity)
        return func

    return register


def _lookup(token: str) -> str:
    token = token.strip()
    for r in RULES.values():
        if token.upper() == r.code or token.lower() == r.name:
            return r.code
    raise ValueError(f'unknown rule "{token}"; known: '
                     + ", ".join(f"{r.code} ({r.name})" for r in RULES.values()))


def select(rules: bool | Iterable[str]) -> list[Rule]:
    """The rules to run. ``True``: all; ``False``: none; a set of codes or names: only
    those; codes or names prefixed with ``-``: all but those. Unknown names raise ValueError."""
    if rules is True:
        return list(RULES.values())
    if rules is False:
        return []
    tokens = [rules] if isinstance(rules, str) else list(rules)
    enable = {_lookup(t) for t in tokens if not t.startswith("-")}
    disable = {_lookup(t[1:]) for t in tokens if t.startswith("-")}
    chosen = enable or set(RULES)
    return [r for code, r in RULES.items() if code in chosen and code not in disable]


def run(tree: etree._ElementTree, locator: Locator, rules: Iterable[Rule]) -> list[Issue]:
    """Run ``rules`` over a resolved tree."""
    context = Context(tree, locator)
    issues: list[Issue] = []
    for r in rules:
        severity = r.severity_in(context)
        for f in r.check(context):
            attribute = attr_name(f.element, f.attribute) if f.attribute else None
            file, line, column = locator.locate(f.element, attribute)
            issues.append(Issue(file=file, line=line, column=column, severity=severity,
                                code=r.code, message=f.message, hint=f.hint,
                                xpath=xpath_of(f.element)))
    return issues


from . import content, dates, pointers  # noqa: E402,F401  (registers the rules)

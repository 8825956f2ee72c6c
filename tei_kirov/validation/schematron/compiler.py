"""Compile a :class:`~.model.SchemaModel` into one XSLT 3 stylesheet.

The stylesheet walks the document once. Every rule is a template in one mode, its priority
falling with its place in the schema, and each template passes on with ``xsl:next-match``;
a tunnel parameter lists the patterns that have already handled the node, so within a
pattern only the first matching rule fires (ISO semantics) while every pattern sees every
node. The lowest template goes on to the node's children (and attributes, unless no rule
context can match anything but elements).

Each failed assert or successful report writes one ``<r>`` element: ``c`` the check's
number, ``p`` the node's element path as child positions (``1/3/2``), ``k`` its kind
(``e`` element, ``a`` attribute, ``t`` text, ``o`` other), ``n`` an attribute's
``{ns}local`` name and ``s`` the count of elements before a text node; its text is the
message, then one ``<d>`` per diagnostic. A test that raises a dynamic error writes ``<x>``
with the error's description instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from ..schemas import SchemaError
from .model import Check, Let, MessagePart, NameOf, Pattern, Rule, SchemaModel, ValueOf

XSL = "http://www.w3.org/1999/XSL/Transform"
#: The namespace of the stylesheet's own names, written as EQNames (never clashes with a
#: schema's prefixes).
OWN = "urn:x-tei-kirov:schematron"
DONE = f"Q{{{OWN}}}done"
WALK = f"Q{{{OWN}}}walk"
WHERE = f"Q{{{OWN}}}where"
ERRORS = "http://www.w3.org/2005/xqt-errors"
XS = "http://www.w3.org/2001/XMLSchema"
#: Prefixes a schema's ``ns`` may not rebind in the stylesheet.
_RESERVED = {"xsl", "xml"}


@dataclass(frozen=True)
class CheckInfo:
    """What the engine needs to turn a fired check into an issue."""

    check: Check
    pattern: Pattern
    rule: Rule


def active_patterns(model: SchemaModel, phase: str | None) -> list[Pattern]:
    """The patterns a phase runs: ``None``/``#DEFAULT`` take the schema's defaultPhase
    (all patterns when it has none), ``#ALL`` all of them."""
    if phase in (None, "#DEFAULT"):
        phase = model.default_phase or "#ALL"
    if phase == "#ALL":
        return list(model.patterns)
    chosen = model.phases.get(phase)
    if chosen is None:
        known = ", ".join(["#ALL", *model.phases]) or "#ALL"
        raise SchemaError(f"the Schematron has no phase {phase!r}; its phases: {known}")
    wanted = set(chosen.active)
    return [p for p in model.patterns if p.id in wanted]


def _phase_lets(model: SchemaModel, phase: str | None) -> tuple[Let, ...]:
    if phase in (None, "#DEFAULT"):
        phase = model.default_phase
    chosen = model.phases.get(phase or "")
    return chosen.lets if chosen else ()


def _local_pattern_lets(patterns: list[Pattern], global_names: set[str]) -> dict[
        int, tuple[Let, ...]]:
    """Pattern lets are evaluated once, as global variables (whose context is the document
    too), unless a name clashes with another pattern's or a global let: then all that
    pattern's lets are evaluated in each of its rules."""
    counts: dict[str, int] = {}
    for pattern in patterns:
        for name in {let.name for let in pattern.lets}:
            counts[name] = counts.get(name, 0) + 1
    clash = {n for n, c in counts.items() if c > 1} | global_names
    return {id(p): p.lets if any(let.name in clash for let in p.lets) else ()
            for p in patterns}


def _variable(let: Let, indent: str) -> str:
    return f'{indent}<xsl:variable name={quoteattr(let.name)} select={quoteattr(let.value)}/>'


def _root_variable(let: Let, indent: str) -> str:
    """A pattern-level let: evaluated with the document root as context."""
    return (f'{indent}<xsl:variable name={quoteattr(let.name)} as="item()*">'
            f'<xsl:for-each select="root(.)"><xsl:sequence select={quoteattr(let.value)}/>'
            f"</xsl:for-each></xsl:variable>")


def _message(check: Check) -> str:
    """The message, then each diagnostic as a ``<d>`` child."""
    out = [_parts(check.message)]
    out += [f"<d>{_parts(diagnostic)}</d>" for diagnostic in check.diagnostics]
    return "".join(out)


def _parts(parts: tuple[MessagePart, ...]) -> str:
    out = []
    for part in parts:
        if isinstance(part, ValueOf):
            out.append(f"<xsl:value-of select={quoteattr(part.select)}/>")
        elif isinstance(part, NameOf):
            select = f"name(({part.path})[1])" if part.path else "name(.)"
            out.append(f"<xsl:value-of select={quoteattr(select)}/>")
        else:
            out.append(f"<xsl:text>{escape(part)}</xsl:text>")
    return "".join(out)


def _check(number: int, check: Check, rule: Rule) -> str:
    """One assert or report, in its own try: a test that raises an error writes ``<x>``."""
    subject = check.subject or rule.subject
    where = f"({subject}, .)[1]" if subject else "."
    record = (f'<r c="{number}"><xsl:sequence select={quoteattr(f"{WHERE}({where})")}/>'
              f"{_message(check)}</r>")
    test = quoteattr(check.test)  # as written, so Saxon's messages quote it as written
    fire = (f"<xsl:if test={test}>{record}</xsl:if>" if check.kind == "report" else
            f"<xsl:choose><xsl:when test={test}/><xsl:otherwise>{record}</xsl:otherwise>"
            "</xsl:choose>")
    return f"      <xsl:try>{fire}<xsl:catch>{_failed(number)}</xsl:catch></xsl:try>"


def _failed(number: int) -> str:
    """The record of check ``number`` failing with a dynamic error."""
    return (f'<x c="{number}"><xsl:sequence select="{WHERE}(.)"/>'
            f'<xsl:value-of select="$Q{{{ERRORS}}}description"/></x>')


_KIND = ("if ($n instance of element()) then 'e' else if ($n instance of attribute()) "
         "then 'a' else if ($n instance of text()) then 't' else 'o'")
_PATH = ("string-join(for $e in $n/ancestor-or-self::* "
         "return string(count($e/preceding-sibling::*) + 1), '/')")
_RESET = f'<xsl:with-param name="{DONE}" select="()" tunnel="yes"/>'
#: In a context pattern with its predicates and literals removed: anything that may match a
#: node other than an element or the document (then the walk visits every node).
_OTHER_NODES = re.compile(r"@|attribute\s*\(|node\s*\(|text\s*\(|comment\s*\("
                          r"|processing-instruction\s*\(|namespace-node\s*\(|key\s*\(|\$"
                          r"|(^|\|)\s*\.")


def _outside_predicates(pattern: str) -> str:
    """``pattern`` without its ``[...]`` predicates and string literals."""
    kept: list[str] = []
    depth, quote = 0, ""
    for char in pattern:
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "[":
            depth += 1
        elif char == "]":
            depth = max(depth - 1, 0)
        elif depth == 0:
            kept.append(char)
    return "".join(kept)


def elements_only(contexts: list[str]) -> bool:
    """Whether no context can match an attribute, text, comment or processing instruction
    (then the walk need not visit them)."""
    return not any(_OTHER_NODES.search(_outside_predicates(c)) for c in contexts)


def _helpers(children: str) -> str:
    """The finding-locator function and the walk, which visits ``children``."""
    return _HELPERS.replace("CHILDREN", children)


_HELPERS = f"""  <xsl:function name="{WHERE}" as="attribute()*">
    <xsl:param name="n" as="item()"/>
    <xsl:choose>
      <xsl:when test="not($n instance of node())">
        <xsl:attribute name="k">o</xsl:attribute>
      </xsl:when>
      <xsl:otherwise>
        <xsl:attribute name="p" select="{_PATH}"/>
        <xsl:attribute name="k" select="{_KIND}"/>
        <xsl:if test="$n instance of text()">
          <xsl:attribute name="s" select="count($n/preceding-sibling::*)"/>
        </xsl:if>
        <xsl:if test="$n instance of attribute()">
          <xsl:attribute name="n" select="'{{' || namespace-uri($n) || '}}' || local-name($n)"/>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>
  <xsl:template match="/" priority="-1000000" mode="{WALK}">
    <xsl:apply-templates select="node()" mode="{WALK}">{_RESET}</xsl:apply-templates>
  </xsl:template>
  <xsl:template match="node() | @*" priority="-1000000" mode="{WALK}">
    <xsl:apply-templates select="CHILDREN" mode="{WALK}">{_RESET}</xsl:apply-templates>
  </xsl:template>
  <xsl:template match="/">
    <out><xsl:apply-templates select="." mode="{WALK}"/></out>
  </xsl:template>
"""


def _rule(pattern_number: int, pattern_lets: tuple[Let, ...], rule: Rule,
          priority: int, checks: list[str], first: int) -> str:
    """One rule as a template: skipped when its pattern has handled the node already.
    ``pattern_lets``: those of its pattern's lets that are not global variables; ``first``:
    the number of its first check, which reports a let that raises an error."""
    lets = [_root_variable(let, "      ") for let in pattern_lets]
    lets += [_variable(let, "      ") for let in rule.lets]
    body = "\n".join([*lets, *checks])
    if lets and checks:
        body = f"      <xsl:try>\n{body}\n      <xsl:catch>{_failed(first)}</xsl:catch></xsl:try>"
    match = quoteattr(rule.context)
    handled = f'select="(${DONE}, {pattern_number})"'
    return f"""  <xsl:template match={match} priority="{priority}" mode="{WALK}">
    <xsl:param name="{DONE}" as="Q{{{XS}}}integer*" tunnel="yes"/>
    <xsl:choose>
      <xsl:when test="${DONE} = {pattern_number}"><xsl:next-match/></xsl:when>
      <xsl:otherwise>
{body}
      <xsl:next-match><xsl:with-param name="{DONE}" {handled} tunnel="yes"/></xsl:next-match>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>"""


@dataclass(frozen=True)
class Program:
    """A compiled schema: the stylesheet and its checks by number."""

    xslt: str
    checks: list[CheckInfo]
    #: For each line of the stylesheet, where in the schema it comes from (``file:line``).
    origins: list[str]


def compile_model(model: SchemaModel, phase: str | None = None) -> Program:
    """The XSLT 3 program for ``model`` run in ``phase``."""
    patterns = active_patterns(model, phase)
    namespaces = {"xs": XS, **{p: u for p, u in model.namespaces.items()
                               if p not in _RESERVED}}
    declared = "".join(f" xmlns:{p}={quoteattr(u)}" for p, u in namespaces.items())
    global_lets = [*model.lets, *_phase_lets(model, phase)]
    local_lets = _local_pattern_lets(patterns, {let.name for let in global_lets})
    global_lets += [let for p in patterns if not local_lets[id(p)] for let in p.lets]
    head = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<xsl:stylesheet version="3.0" xmlns:xsl="{XSL}"{declared} '
        'exclude-result-prefixes="#all">',
        '  <xsl:output method="xml" indent="no" encoding="UTF-8"/>',
        *model.xslt,
        *(_variable(let, "  ") for let in global_lets),
        _helpers("*" if elements_only([r.context for p in patterns for r in p.rules])
                 else "@* | node()"),
    ]
    chunks = [(chunk, model.files[0] if model.files else "") for chunk in head]
    infos: list[CheckInfo] = []
    priority = 1 + sum(len(p.rules) for p in patterns)
    for pattern_number, pattern in enumerate(patterns, 1):
        for rule in pattern.rules:
            first = len(infos)
            checks = []
            for check in rule.checks:
                checks.append(_check(len(infos), check, rule))
                infos.append(CheckInfo(check, pattern, rule))
            chunks.append((_rule(pattern_number, local_lets[id(pattern)], rule, priority,
                                 checks, first), rule.where))
            priority -= 1
    chunks.append(("</xsl:stylesheet>", ""))
    return Program("\n".join(c for c, _ in chunks), infos, _origins(chunks, infos))


_CHECK_LINE = re.compile(r'<r c="(\d+)"')


def _origins(chunks: list[tuple[str, str]], infos: list[CheckInfo]) -> list[str]:
    """Where each line of the stylesheet comes from: a check's line, else its chunk's."""
    origins = []
    for chunk, where in chunks:
        for line in chunk.split("\n"):
            found = _CHECK_LINE.search(line)
            origins.append(infos[int(found.group(1))].check.where if found else where)
    return origins

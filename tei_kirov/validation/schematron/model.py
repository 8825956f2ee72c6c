"""The normalised form of a Schematron schema: what the compiler needs, nothing more.

Includes are resolved, abstract rules are folded into the rules that extend them, abstract
patterns are instantiated, and Schematron 1.5 reads as ISO. Messages are kept as parts:
plain text, ``value-of`` and ``name``.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ValueOf:
    """``<value-of select="..."/>`` in a message."""

    select: str


@dataclass(frozen=True)
class NameOf:
    """``<name path="..."/>`` in a message (``path`` None: the context node)."""

    path: str | None = None


MessagePart = str | ValueOf | NameOf


@dataclass(frozen=True)
class Let:
    """A variable: ``name`` bound to the XPath ``value``."""

    name: str
    value: str


@dataclass(frozen=True)
class Check:
    """An ``assert`` (fires when ``test`` is false) or a ``report`` (fires when true)."""

    kind: str
    test: str
    message: tuple[MessagePart, ...]
    role: str | None = None
    id: str | None = None
    subject: str | None = None
    #: The texts of the ``diagnostic`` elements the check names.
    diagnostics: tuple[tuple[MessagePart, ...], ...] = ()
    #: Where it is written (``file:line``), for error messages.
    where: str = ""


@dataclass(frozen=True)
class Rule:
    context: str
    lets: tuple[Let, ...]
    checks: tuple[Check, ...]
    id: str | None = None
    subject: str | None = None
    where: str = ""


@dataclass(frozen=True)
class Pattern:
    rules: tuple[Rule, ...]
    lets: tuple[Let, ...] = ()
    id: str | None = None
    #: Schematron 1.5's ``name`` (shown in hints when there is no id).
    name: str | None = None


@dataclass(frozen=True)
class Phase:
    id: str
    active: tuple[str, ...]
    lets: tuple[Let, ...] = ()


@dataclass
class SchemaModel:
    """One Schematron schema, ready to compile."""

    query_binding: str
    namespaces: dict[str, str] = field(default_factory=dict)
    lets: list[Let] = field(default_factory=list)
    patterns: list[Pattern] = field(default_factory=list)
    phases: dict[str, Phase] = field(default_factory=dict)
    default_phase: str | None = None
    #: Top-level XSLT declarations (``xsl:function``, ``xsl:key``) as XML text.
    xslt: list[str] = field(default_factory=list)
    #: Every file read (the schema and its includes), for cache keys.
    files: list[str] = field(default_factory=list)

"""Hypothesis strategies for random *valid* tei_kirov documents.

Everything here is driven by the profile's own tables in :mod:`tei_kirov.profile.build`:
the content-model table ``CONTENT`` says which children an element may have (its particles
are realised generically: sequences, choices, occurrence bounds, mixed content interleaved
with text), and ``attribute_type()`` says which values an attribute may take. A document
drawn here is therefore valid against ``schemas/tei_kirov.xsd`` by construction; the
conformance test checks that it is valid TEI too and that it survives a round trip.

Models are built through the public constructors only: positional arguments are content,
keywords are attributes by Python field name (``Div(P("x"), type="section")``).
"""

from __future__ import annotations

import calendar
import math
import string
from dataclasses import dataclass, field
from typing import Any

from hypothesis import strategies as st
from lxml import etree

from tei_kirov.models import PI, REGISTRY, Comment, Document, TeiElement
from tei_kirov.profile.build import (
    CONTENT,
    REQUIRED_ATTRIBUTES,
    SIMPLE_TYPES,
    XML_ATTRIBUTES,
    Particle,
    attribute_type,
)

XS = "http://www.w3.org/2001/XMLSchema"
ROOT = "TEI"

#: How many elements a document may grow to before every particle takes its minimum.
MAX_ELEMENTS = 40
#: Below this depth, optional content is still drawn; deeper, only what is required.
MAX_DEPTH = 9
#: How many extra repetitions an unbounded particle may take beyond its minimum.
EXTRA_REPEATS = 2

# -- text --------------------------------------------------------------------------------------

#: Characters XML 1.0 cannot carry at all (besides the surrogates, excluded by category).
_NOT_XML = "".join(chr(c) for c in range(0x20) if chr(c) not in "\t\n\r") + "\ufffe\uffff"

_xml_chars = st.characters(exclude_categories=("Cs",), exclude_characters=_NOT_XML)

#: Strings that commonly trip XML writers up: markup characters, entity look-alikes,
#: CDATA ends, carriage returns, non-breaking and other Unicode spaces, non-ASCII scripts.
EDGE_TEXTS = (
    " ", "  ", "\n", "\t", "\r", "\r\n", " \n  ", "&", "<", ">", "&amp;", "&lt;x&gt;", "]]>",
    "\"'", "\u00a0", "\u2028", "\u200b", "\u00ad", "Кирова", "Leningrad, 1934", "é", "𝔗𝔈𝔍",
    "日本語", "عربى", "\U0001f600", "a\u0301",
)

texts = st.one_of(
    st.text(_xml_chars, min_size=1, max_size=12),
    st.sampled_from(EDGE_TEXTS),
    st.lists(st.sampled_from(EDGE_TEXTS), min_size=2, max_size=4).map("".join),
)
"""Non-empty, XML-legal text (no control characters, no lone surrogates)."""

# Comments may not contain ``--`` nor end with ``-``; PIs may not contain ``?>``. Neither can
# hold a carriage return: XML has no escape there, and parsers turn it into a line feed.
# A PI's leading whitespace separates it from its target, so PI text starts with none.
_misc_chars = st.characters(exclude_categories=("Cs",), exclude_characters=_NOT_XML + "\r")
comments = st.text(_misc_chars, max_size=10).filter(
    lambda s: "--" not in s and not s.endswith("-")
).map(Comment)
_pi_targets = st.from_regex(r"[a-wyz][a-z0-9\-]{0,6}", fullmatch=True)
pis = st.builds(
    PI, _pi_targets, st.text(_misc_chars, max_size=10).filter(lambda s: "?>" not in s).map(
        str.lstrip
    ),
)
misc_nodes = st.one_of(comments, pis)

# -- attribute values, one strategy per profile datatype ----------------------------------------

#: What the profile's (and TEI's) ``word`` allows, ``[^\p{C}\p{Z}]+``: no controls, no separators.
_word_chars = st.characters(exclude_categories=("C", "Z"))
_plain_words = st.text(string.ascii_letters + string.digits + "-_.:", min_size=1, max_size=8)
#: One word: mostly plain ASCII, sometimes any Unicode letter, mark, number or symbol.
words_single = st.one_of(_plain_words, _plain_words, st.text(_word_chars, min_size=1, max_size=6))


def _separated(items: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """One to three items separated (and sometimes surrounded) by XML whitespace."""
    separators = st.sampled_from([" ", " ", " ", "  ", "\n", "\t"])
    return st.tuples(
        st.lists(items, min_size=1, max_size=3),
        st.lists(separators, min_size=3, max_size=3),
        st.booleans(),
    ).map(lambda t: _join(*t))


def _join(items: list[str], seps: list[str], padded: bool) -> str:
    joined = seps[0].join(items)
    return f"{seps[1]}{joined}{seps[2]}" if padded else joined


def _year() -> st.SearchStrategy[int]:
    return st.one_of(st.integers(1000, 2100), st.integers(1, 9999), st.integers(-9999, -1))


def _two(n: int) -> str:
    return f"{n:02d}"


def _year_text(year: int) -> str:
    return f"-{-year:04d}" if year < 0 else f"{year:04d}"


@st.composite
def w3c_dates(draw: Any) -> str:
    """A valid XSD ``date``/``gYear``/``gYearMonth``/``gMonth``/``gMonthDay``/``gDay``/
    ``time``/``dateTime`` value, the union TEI's ``att.datable.w3c`` allows."""
    year = draw(_year())
    month = draw(st.integers(1, 12))
    # Negative years: stay clear of 29 February, whose validity depends on the XSD version.
    last = calendar.monthrange(year, month)[1] if year > 0 else 28
    day = draw(st.integers(1, last))
    hms = (draw(st.integers(0, 23)), draw(st.integers(0, 59)), draw(st.integers(0, 59)))
    time = ":".join(_two(n) for n in hms)
    if draw(st.booleans()):
        time += "." + str(draw(st.integers(0, 999)))
    zone = draw(st.sampled_from(["", "", "", "Z", "+03:00", "-05:30"]))
    form = draw(st.sampled_from(
        ["gYear", "gYearMonth", "date", "gMonthDay", "gMonth", "gDay", "time", "dateTime"]
    ))
    y = _year_text(year)
    value = {
        "gYear": y,
        "gYearMonth": f"{y}-{_two(month)}",
        "date": f"{y}-{_two(month)}-{_two(day)}",
        "gMonthDay": f"--{_two(month)}-{_two(min(day, calendar.monthrange(2000, month)[1]))}",
        "gMonth": f"--{_two(month)}",
        "gDay": f"---{_two(day)}",
        "time": time,
        "dateTime": f"{y}-{_two(month)}-{_two(day)}T{time}",
    }[form]
    return value + zone


_languages = st.one_of(
    st.sampled_from(["en", "ru", "de", "fr", "la", "ru-Latn", "en-GB", "x-kirov", "zh-Hant-TW"]),
    st.from_regex(r"[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8}){0,2}", fullmatch=True),
)


def _ncname_start() -> st.SearchStrategy[str]:
    return st.sampled_from(list(string.ascii_letters + "_") + ["é", "К", "ж", "Ω"])


ncnames = st.tuples(
    _ncname_start(), st.text(string.ascii_letters + string.digits + "-._" + "éжΩ", max_size=6)
).map("".join)
"""XML NCNames (what ``xml:id`` takes)."""


#: URI references: an optional scheme, a path of unreserved characters and percent escapes
#: (non-ASCII letters too, as IRIs have), an optional fragment.
_uri_words = st.from_regex(
    r"([a-z][a-z0-9+.\-]{0,5}:)?([A-Za-z0-9._~/\-]|%[0-9A-F]{2}|[éжΩ]){1,8}(#[A-Za-z_][A-Za-z0-9_.\-]{0,5})?",
    fullmatch=True,
)


def _pointer(ids: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.one_of(
        ids.map(lambda i: "#" + i),
        st.sampled_from(["https://example.org/kirov", "http://www.tei-c.org/", "urn:x:1",
                         "persons.xml#p1", "../a%20b.xml", "#a1", "mailto:a@b.c"]),
        _uri_words,
    )


def _enumerations() -> dict[str, list[str]]:
    """The enumerated simple types of the profile, read from build.py's own XSD text."""
    schema = etree.fromstring(
        f'<xs:schema xmlns:xs="{XS}" xmlns:tk="http://www.tei-c.org/ns/1.0">'
        f"{SIMPLE_TYPES}</xs:schema>"
    )
    found: dict[str, list[str]] = {}
    for simple in schema.iter(f"{{{XS}}}simpleType"):
        values = [e.get("value") for e in simple.iter(f"{{{XS}}}enumeration")]
        if simple.get("name") and values:
            found[simple.get("name")] = values
    return found


def value_strategies(ids: st.SearchStrategy[str]) -> dict[str, st.SearchStrategy[str]]:
    """Datatype name (as ``attribute_type()`` gives it) -> strategy of valid values."""
    out: dict[str, st.SearchStrategy[str]] = {
        name: st.sampled_from(values) for name, values in _enumerations().items()
    }
    out.update({
        "xs:string": st.one_of(st.just(""), texts),
        "xs:boolean": st.sampled_from(["true", "false", "1", "0"]),
        "xs:nonNegativeInteger": st.one_of(st.integers(0, 10**6).map(str), st.just("007")),
        "xs:language": _languages,
        "word": words_single,
        "words": _separated(words_single),
        "pointers": _separated(_pointer(ids)),
        "w3cDate": w3c_dates(),
        "percentage": st.integers(0, 100).map(str),
        "teiVersion": st.from_regex(r"[0-9]{1,2}(\.[0-9]{1,2}){0,2}", fullmatch=True),
        "xml:lang": st.one_of(st.just(""), _languages),
        "xml:space": st.sampled_from(["default", "preserve"]),
    })
    return out


#: Pointers mostly aim at ids a document may have, as real TEI does (a dangling one is fine).
VALUES = value_strategies(st.sampled_from(["a1", "p1", "kirov"]))

#: What goes into one gap between the children of mixed and of element-only content.
_TEXT_GAPS = st.sampled_from(
    [(), ("text",), (), ("text",), ("misc",), ("text", "misc", "text"), ("misc", "text")]
)
_ELEMENT_GAPS = st.sampled_from([(), (), (), (), (), (), (), ("misc",)])

# -- content models ------------------------------------------------------------------------------


def _min_costs() -> dict[str, float]:
    """The fewest elements a valid instance of each element needs (itself included), by
    fixed-point iteration over the content-model table."""
    cost: dict[str, float] = dict.fromkeys(CONTENT, math.inf)

    def particle_cost(p: Particle) -> float:
        if p.kind == "el":
            one = cost[p.name]
        elif p.kind == "seq":
            one = sum(particle_cost(i) for i in p.items)
        else:
            one = min(particle_cost(i) for i in p.items)
        return 0 if p.min == 0 else p.min * one

    changed = True
    while changed:
        changed = False
        for name, content in CONTENT.items():
            new = 1 + (particle_cost(content.particle) if content.particle else 0)
            if new < cost[name]:
                cost[name], changed = new, True
    unsatisfiable = sorted(n for n, c in cost.items() if c == math.inf)
    assert not unsatisfiable, f"content models that no finite document satisfies: {unsatisfiable}"
    return cost


MIN_COST = _min_costs()


def _particle_min(p: Particle) -> float:
    if p.kind == "el":
        one = MIN_COST[p.name]
    elif p.kind == "seq":
        one = sum(_particle_min(i) for i in p.items)
    else:
        one = min(_particle_min(i) for i in p.items)
    return 0 if p.min == 0 else p.min * one


@dataclass
class _State:
    """What one document's drawing shares: the ids handed out, the value strategies."""

    ids: set[str] = field(default_factory=set)
    values: dict[str, st.SearchStrategy[str]] = field(default_factory=dict)


class _Builder:
    """Realises the content-model table with a hypothesis ``draw`` function.

    Each element gets a budget of elements for its subtree and shares what is left of it
    among its children, so that no early subtree (the header) starves later ones (the
    text). Out of budget or too deep, every particle takes its cheapest valid form."""

    def __init__(self, draw: Any, state: _State) -> None:
        self.draw = draw
        self.state = state

    @staticmethod
    def tight(budget: int, depth: int) -> bool:
        """Whether only required content may be drawn from here on."""
        return budget <= 0 or depth >= MAX_DEPTH

    def repeats(self, p: Particle, tight: bool) -> int:
        if tight:
            return p.min
        high = p.max if p.max is not None else p.min + EXTRA_REPEATS
        return int(self.draw(st.integers(p.min, high)))

    def names(self, p: Particle, tight: bool) -> list[str]:
        """Element names, in order, forming one valid realisation of particle ``p``."""
        out: list[str] = []
        for _ in range(self.repeats(p, tight)):
            if p.kind == "el":
                out.append(p.name)
            elif p.kind == "seq":
                for item in p.items:
                    out += self.names(item, tight)
            else:
                if tight:
                    item = min(p.items, key=_particle_min)
                else:
                    item = self.draw(st.sampled_from(p.items))
                out += self.names(item, tight)
        return out

    def element(self, name: str, budget: int, depth: int = 0) -> TeiElement:
        """A random valid ``name`` element with a subtree of about ``budget`` elements."""
        cls = REGISTRY[name]
        content = CONTENT[name]
        tight = self.tight(budget, depth)
        children: list[Any] = []
        if content.kind == "text":
            if self.draw(st.booleans()):
                children.append(self.draw(texts))
        elif content.kind in ("mixed", "elements"):
            assert content.particle is not None
            names = self.names(content.particle, tight)
            share = (budget - 1) // max(len(names), 1)
            kids = [self.element(n, share, depth + 1) for n in names]
            children = self.interleave(kids, text=content.kind == "mixed" and not tight)
        return cls(*children, **self.attributes(cls))

    def interleave(self, kids: list[Any], *, text: bool) -> list[Any]:
        """Children with (in mixed content) text and (now and then) comments or PIs in the
        gaps; never two strings in a row, which XML could not tell apart."""
        out: list[Any] = []
        # One draw per gap; its first option (nothing) is where shrinking heads.
        fillers = _TEXT_GAPS if text else _ELEMENT_GAPS
        for i in range(len(kids) + 1):
            for part in self.draw(fillers):
                out.append(self.draw(texts if part == "text" else misc_nodes))
            if i < len(kids):
                out.append(kids[i])
        return out

    def attributes(self, cls: type[TeiElement]) -> dict[str, str]:
        """Random values for some of ``cls``'s typed attributes (required ones always)."""
        fields = cls.attribute_fields
        chosen = {f for f, x in fields.items() if (cls.tei_name, x) in REQUIRED_ATTRIBUTES}
        if fields:
            chosen.update(self.draw(st.lists(st.sampled_from(sorted(fields)), max_size=4)))
        return {f: self.value(cls.tei_name, fields[f]) for f in sorted(chosen)}

    def value(self, element: str, xml_name: str) -> str:
        if xml_name in XML_ATTRIBUTES:
            kind = XML_ATTRIBUTES[xml_name]
            if kind == "xml:id":
                new = self.draw(ncnames.filter(lambda i: i not in self.state.ids))
                self.state.ids.add(new)
                return str(new)
        else:
            kind = attribute_type(element, xml_name)
        strategy = self.state.values.get(kind)
        if strategy is None:
            raise LookupError(f"no value strategy for datatype {kind!r} "
                              f"(@{xml_name} of <{element}>): add one to strategies.py")
        return str(self.draw(strategy))


@st.composite
def documents(draw: Any, max_elements: int = MAX_ELEMENTS) -> Document:
    """A random :class:`~tei_kirov.models.Document` valid against the profile schema."""
    root = _Builder(draw, _State(values=VALUES)).element(ROOT, max_elements)
    # Around the root: the default <?xml-model?> prolog, now and then more comments and PIs.
    doc = Document(root)
    doc.prolog += draw(st.lists(misc_nodes, max_size=1))
    doc.epilog = draw(st.lists(misc_nodes, max_size=1))
    return doc


def elements(name: str, max_elements: int = 12) -> st.SearchStrategy[TeiElement]:
    """A random valid ``name`` element (a fragment, not a document)."""

    @st.composite
    def build(draw: Any) -> TeiElement:
        return _Builder(draw, _State(values=VALUES)).element(name, max_elements)

    return build()

"""Turn libxml2's schema messages into short, located issues with a stable code.

Every message names the element, says in one short phrase what was expected there, and
suggests the nearest valid name for a misspelt element or attribute.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from lxml import etree

from .grammar import Grammar
from .positions import Locator, attr_name, qname, xpath_of
from .report import Issue

TEI_NS = "{http://www.tei-c.org/ns/1.0}"

#: (pattern, code, kind) for libxml2's RELAX NG and XSD messages, first match wins.
_PATTERNS: list[tuple[re.Pattern[str], str, str]] = [
    # RELAX NG
    (re.compile(r"^Did not expect element (?P<name>\S+) there"), "TK101", "elem"),
    (re.compile(r"^Expecting element (?P<exp>\S+), got (?P<name>\S+)"), "TK101", "elem"),
    (re.compile(r"^Extra element (?P<name>\S+) in interleave"), "TK101", "elem"),
    (re.compile(r"^Element (?P<name>\S+) has wrong namespace: expecting (?P<exp>\S+)"),
     "TK101", "ns"),
    (re.compile(r"^Expecting a namespace for element (?P<name>\S+)"), "TK101", "ns"),
    (re.compile(r"^Invalid attribute (?P<name>\S+) for element (?P<owner>\S+)"),
     "TK102", "attr"),
    (re.compile(r"^Expecting an element ?(?P<exp>\S*), got nothing"), "TK103", "missing"),
    (re.compile(r"^Did not expect text in element (?P<owner>\S+) content"), "TK106", "text"),
    (re.compile(r"^(?:Type|Datatype) (?P<exp>\S+) doesn't allow value '(?P<value>.*)'"),
     "TK105", "value"),
    (re.compile(r"^Error validating datatype (?P<exp>\S+)"), "TK105", "value"),
    (re.compile(r"^Error validating value"), "TK105", "value"),
    (re.compile(r"^Value '?(?P<value>.*?)'? ?(?:for|of) (?:element|attribute)"), "TK105", "value"),
    (re.compile(r"^Element (?P<owner>\S+) has extra content: (?P<name>\S+)"), "TK101", "elem"),
    (re.compile(r"^Element (?P<owner>\S+) failed to validate (?P<what>attributes|content)"),
     "TK100", "cascade"),
    (re.compile(r"^Invalid sequence in interleave"), "TK101", "interleave"),
    # XSD
    (re.compile(r"^Element '(?P<name>[^']+)': This element is not expected\."
                r"(?: Expected is(?: one of)? \( (?P<exp>.*) \))?"), "TK101", "elem"),
    (re.compile(r"^Element '(?P<owner>[^']+)', attribute '(?P<name>[^']+)': The attribute "
                r"'[^']+' is not allowed"), "TK102", "attr"),
    (re.compile(r"^Element '(?P<owner>[^']+)': Missing child element\(s\)\. Expected is"
                r"(?: one of)? \( (?P<exp>.*) \)"), "TK103", "missing"),
    (re.compile(r"^Element '(?P<owner>[^']+)': The attribute '(?P<name>[^']+)' is required "
                r"but missing"), "TK104", "required"),
    (re.compile(r"^Element '(?P<owner>[^']+)'(?:, attribute '(?P<name>[^']+)')?: "
                r"(?:\[[^\]]*\] )?'(?P<value>[^']*)' is not a valid value of the "
                r"(?:atomic type '(?P<exp>[^']+)'|[^.]*)"), "TK105", "value"),
    (re.compile(r"^Element '(?P<owner>[^']+)'(?:, attribute '(?P<name>[^']+)')?: "
                r"\[[^\]]*\] The value '(?P<value>[^']*)'(?: is not an element of the set "
                r"\{(?P<set>[^}]*)\})?"), "TK105", "value"),
    (re.compile(r"^Element '(?P<owner>[^']+)': Character content other than whitespace is not "
                r"allowed"), "TK106", "text"),
    (re.compile(r"^Element '(?P<owner>[^']+)': Element content is not allowed"), "TK106", "text"),
    (re.compile(r"^Element '(?P<name>[^']+)': No matching global declaration available for the "
                r"validation root"), "TK107", "root"),
]


def _short(name: str) -> str:
    """``{tei-ns}persName`` -> ``persName``; other Clark names -> ``{ns}local``."""
    if name.startswith(TEI_NS):
        return name[len(TEI_NS):]
    if name.startswith("{http://www.w3.org/XML/1998/namespace}"):
        return "xml:" + name.split("}", 1)[1]
    return name


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1].rsplit(":", 1)[-1]


def _expected_list(raw: str) -> list[str]:
    return [_short(x.strip()) for x in raw.split(",") if x.strip()]


def _phrase(names: Iterable[str], what: str = "element") -> str:
    items = sorted(set(names))
    if not items:
        return ""
    if len(items) == 1:
        return f"expected {what} {items[0]}"
    if len(items) <= 6:
        return f"expected one of {', '.join(items)}"
    return f"expected one of {len(items)} {what}s ({', '.join(items[:4])}, ...)"


class Explainer:
    """Converts one schema's error log into issues, using a lazily built :class:`Grammar`."""

    def __init__(self, schema_name: str, grammar: Callable[[], Grammar | None]) -> None:
        self.schema_name = schema_name
        self._grammar_factory = grammar
        self._grammar: Grammar | None | bool = False

    @property
    def grammar(self) -> Grammar | None:
        if self._grammar is False:
            try:
                self._grammar = self._grammar_factory()
            except Exception:  # an explanation aid must never break validation
                self._grammar = None
        return self._grammar if isinstance(self._grammar, Grammar) else None

    def issues(self, tree: etree._ElementTree, log: Iterable[etree._LogEntry],
               locator: Locator) -> list[Issue]:
        """All issues of an error log, cascades dropped, duplicates merged."""
        out: list[Issue] = []
        cascades: list[Issue] = []
        seen: set[tuple[object, ...]] = set()
        for entry in log:
            if entry.level_name not in ("ERROR", "FATAL"):
                continue
            element = find_element(tree, entry.path)
            issue, cascade = self.one(entry.message.strip(), element, entry.line, locator)
            key = (issue.file, issue.line, issue.column, issue.code)
            if key in seen:
                continue
            seen.add(key)
            (cascades if cascade else out).append(issue)
        return out or cascades

    def one(self, message: str, element: etree._Element | None, line: int,
            locator: Locator) -> tuple[Issue, bool]:
        """One issue for one libxml2 message (and whether it merely echoes another)."""
        found = next(((m, code, kind) for pattern, code, kind in _PATTERNS
                      if (m := pattern.match(message))), None)
        if found is None:
            return self._make("TK100", element, None, message.rstrip("."), None,
                              locator, line), False
        m, code, kind = found
        groups = {k: v for k, v in m.groupdict().items() if v is not None}
        name = _short(groups.get("name", ""))
        here = qname(element) if element is not None else (name or "element")
        parent = element.getparent() if element is not None else None
        where = qname(parent) if parent is not None else None
        grammar = self.grammar
        hint: str | None = None
        attribute: str | None = None
        if kind in ("elem", "interleave"):
            shown = name or here
            if element is not None and _local(shown) == etree.QName(element).localname:
                shown = here  # as written: prefix:local outside TEI, never Clark notation
            text = f'element "{shown}" is not allowed ' + (f"in <{where}>" if where else "here")
            expected = _expected_list(groups["exp"]) if "exp" in groups else []
            allowed = grammar.allowed(where) if grammar and where else None
            pool = set(expected) or (allowed.children if allowed else set())
            known = grammar is not None and shown in grammar.table
            foreign = element is not None and isinstance(element.tag, str) and \
                not element.tag.startswith(TEI_NS) and element.tag.startswith("{")
            guess = None if known or foreign else Grammar({}).suggest(shown, pool)
            if foreign and element is not None:
                text += f' (its namespace "{etree.QName(element).namespace}" is not the ' \
                        "TEI namespace)"
            if guess:
                pass
            elif expected and len(set(expected)) <= 6:
                text += f"; {_phrase(expected)}"
            elif allowed and not guess and len(allowed.children) <= 6:
                text += f"; {_phrase(allowed.children)}" if allowed.children else \
                    f"; <{where}> allows no child elements"
            elif grammar and not guess:
                homes = grammar.parents(shown)
                if homes:
                    more = ", ..." if len(homes) > 5 else ""
                    text += f"; <{shown}> belongs in {', '.join(homes[:5])}{more}"
                elif not known and not foreign:
                    text += "; the schema defines no such element"
            if guess:
                text += f"; did you mean {guess}?"
                hint = f"rename it to {guess}"
            else:
                hint = "remove the element, move it to where the schema allows it, or rename it"
            return self._make(code, element, None, text, hint, locator, line), False
        if kind == "ns":
            text = f'element "{here}" is in the wrong namespace'
            if "exp" in groups:
                text += f"; expected {groups['exp']}"
            hint = 'TEI elements belong to xmlns="http://www.tei-c.org/ns/1.0"'
            return self._make(code, element, None, text, hint, locator, line), False
        if kind == "attr":
            attribute = name = _written_attribute(element, name)
            owner = qname(element) if element is not None else _short(groups.get("owner", ""))
            text = f'attribute "{name}" is not allowed on <{owner}>'
            allowed = grammar.allowed(owner) if grammar else None
            guess = grammar.suggest(name, allowed.attributes) if grammar and allowed else None
            if guess:
                text += f"; did you mean {guess}?"
                hint = f"rename it to {guess}"
            else:
                hint = "remove the attribute (or use a schema that allows it)"
            return self._make(code, element, attribute, text, hint, locator, line), False
        if kind == "missing":
            exp = _expected_list(groups.get("exp", ""))
            if not exp and grammar is not None:
                allowed = grammar.allowed(here)
                exp = sorted(allowed.children) if allowed and len(allowed.children) <= 6 else []
            text = f"<{here}> is incomplete; {_phrase(exp)}" if exp else \
                f"<{here}> is incomplete"
            hint = "add the missing element" + (f" <{exp[0]}>" if len(exp) == 1 else "")
            return self._make(code, element, None, text, hint, locator, line,
                              at_end=True), False
        if kind == "required":
            text = f'<{here}> lacks the required attribute "{name}"'
            return self._make(code, element, None, text, f'add {name}="..."', locator,
                              line), False
        if kind == "value":
            attribute = name or None
            value = groups.get("value")
            target = f'@{name} of <{here}>' if name else f"<{here}>"
            text = f"{target} has an invalid value" + (f' "{value}"' if value else "")
            if "set" in groups:
                text += f"; expected one of {groups['set'].replace(chr(39), '')}"
            elif "exp" in groups:
                text += f"; expected a {groups['exp'].removeprefix('xs:')}"
            return self._make(code, element, attribute, text, "correct the value", locator,
                              line), False
        if kind == "text":
            text = f"<{here}> may not contain text here"
            return self._make(code, element, None, text, "wrap the text in an element that "
                              "allows it, or remove it", locator, line, at_text=True), False
        if kind == "root":
            text = f'<{name}> cannot be the root element of a document for this schema'
            return self._make(code, element, None, text, "a TEI document starts with <TEI "
                              'xmlns="http://www.tei-c.org/ns/1.0">', locator, line), False
        what = groups.get("what", "content")
        text = f"<{here}> has invalid {what}"
        return self._make("TK102" if what == "attributes" else "TK101", element, None, text,
                          None, locator, line), True

    def _make(self, code: str, element: etree._Element | None, attribute: str | None,
              message: str, hint: str | None, locator: Locator, line: int,
              at_text: bool = False, at_end: bool = False) -> Issue:
        file, at_line, column = locator.locate(element, attribute, text=at_text, end=at_end)
        if at_line is None:
            at_line = line or None
        return Issue(file=file, line=at_line, column=column, severity="error", code=code,
                     message=message, hint=hint,
                     xpath=xpath_of(element) if element is not None else None)


_PREFIXED_STEP = re.compile(r"(?<=/)[A-Za-z_][\w.\-]*:([A-Za-z_][\w.\-]*)")


def _written_attribute(element: etree._Element | None, local: str) -> str:
    """The attribute as written (``telota:doctype``) for libxml2's bare local name."""
    if element is None:
        return local
    keys = [k for k in element.attrib if k.split("}")[-1] == local]
    keys.sort(key=lambda k: not k.startswith("{"))
    return attr_name(element, keys[0]) if keys else local


def find_element(tree: etree._ElementTree, path: str | None) -> etree._Element | None:
    """The node a libxml2 error path names (prefixed steps matched by local name)."""
    if not path:
        return None
    try:
        found = tree.xpath(_PREFIXED_STEP.sub(r"*[local-name()='\1']", path))
    except etree.XPathError:
        return None
    if isinstance(found, list) and found and isinstance(found[0], etree._Element):
        return found[0]
    return None

"""Finding the value a document cannot be written with, to say where it is.

Models accept any value by assignment (``date.when = 1934``), and text may hold characters
XML forbids. The writers notice such a value only by failing on it (the fast path as it
writes, lxml as it builds its tree); :func:`unwritable` is called then, and only then, so a
sound document pays nothing for the check. lxml judges each value, so this module and the
writers cannot disagree about what is writable; it only adds where the value is.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from ..errors import TeiWriteError
from ..models import TEI_NS, Document
from ..models.base import PI, Comment, Container, Element, Node, TeiElement

_TEI_PREFIX = "{" + TEI_NS + "}"
_XML_PREFIX = "{http://www.w3.org/XML/1998/namespace}"


def unwritable(doc: Document) -> TeiWriteError | None:
    """The error to raise for the first value of ``doc`` that cannot be written as XML (in
    document order), naming the element, its path and the attribute; ``None`` if there is
    none (then a writer's failure is a bug of the writer's, not the document's)."""
    for item in [*doc.prolog, *doc.epilog]:
        found = _other(item, "/")
        if found:
            return found
    return _element(doc.root, "/" + _local(doc.root))


def _local(node: Any) -> str:
    if isinstance(node, TeiElement):
        return node.tei_name
    tag = getattr(node, "tag", None)
    if isinstance(tag, str):
        return tag.rpartition("}")[2]
    return type(node).__name__


def _error(path: str, what: str, hint: str) -> TeiWriteError:
    return TeiWriteError(f"cannot write {path}: {what} ({hint})")


def _attributes(node: Container) -> list[tuple[str, str, Any]]:
    """(XML name to show, Python name to assign, value) of every attribute set."""
    out: list[tuple[str, str, Any]] = []
    values = node.__dict__
    if isinstance(node, TeiElement):
        for field, clark in node.attribute_fields.items():
            value = values.get(field)
            if value is not None:
                out.append((_shown(clark), field, value))
        extra = values.get("extra_attrs") or {}
        where = "extra_attrs"
    else:
        extra = values.get("attrs") or {}
        where = "attrs"
    if not isinstance(extra, dict):
        return [*out, (where, where, extra)]
    for name, value in extra.items():
        out.append((_shown(name) if isinstance(name, str) else repr(name),
                    f"{where}[{name!r}]", value))
    return out


def _shown(clark: str) -> str:
    if clark.startswith(_XML_PREFIX):
        return "xml:" + clark[len(_XML_PREFIX):]
    return clark


def _element(node: Any, path: str) -> TeiWriteError | None:
    if not isinstance(node, Container):
        return _error(path, f"{node!r} (of type {type(node).__name__}) stands where an "
                            "element belongs",
                      "put a model element there")
    tag = getattr(node, "tag", None)
    if isinstance(node, TeiElement):
        tag = _TEI_PREFIX + node.tei_name
    try:
        probe = etree.Element(tag)
    except (TypeError, ValueError) as exc:
        return _error(path, f"the element name {tag!r} is not an XML name ({exc})",
                      "give the element a namespace-qualified name like '{uri}local'")
    for shown, field, value in _attributes(node):
        if not isinstance(value, str):
            return _error(path, f"attribute {shown} holds {value!r} (of type "
                                f"{type(value).__name__}), not text",
                          f"assign a string: {field} = {str(value)!r}")
        try:
            probe.set(_clark(shown, node, field), value)
        except (TypeError, ValueError) as exc:
            return _error(path, f"attribute {shown} {_why(value, exc)}",
                          "remove the character or replace it")
    content = node.__dict__.get("content")
    if not isinstance(content, list):
        return _error(path, f"its content is of type {type(content).__name__}, not a list",
                      "assign a list of strings and nodes")
    seen: dict[str, int] = {}
    for item in content:
        if isinstance(item, str):
            try:
                probe.text = item
            except (TypeError, ValueError) as exc:
                return _error(path, f"its text {_why(item, exc)}",
                              "remove the character or replace it")
        elif isinstance(item, Container):
            name = _local(item)
            seen[name] = seen.get(name, 0) + 1
            found = _element(item, f"{path}/{name}[{seen[name]}]")
            if found:
                return found
        else:
            found = _other(item, path)
            if found:
                return found
    return None


def _clark(shown: str, node: Container, field: str) -> str:
    if shown.startswith("xml:"):
        return _XML_PREFIX + shown[4:]
    if isinstance(node, TeiElement) and field in node.attribute_fields:
        return node.attribute_fields[field]
    return shown


def _other(item: Any, path: str) -> TeiWriteError | None:
    """A comment, processing instruction or something that is not a node."""
    try:
        if isinstance(item, Comment):
            etree.Comment(item.text)
        elif isinstance(item, PI):
            etree.ProcessingInstruction(item.target, item.text or None)
        elif isinstance(item, (Node, Element)):
            return _error(path, f"an element ({type(item).__name__}) stands where only "
                                "comments and processing instructions may",
                          "move it into the root element")
        else:
            return _error(path, f"its content holds {item!r} (of type {type(item).__name__}), not "
                                "text or a node", "put a string or a model node there")
    except (TypeError, ValueError) as exc:
        return _error(path, f"{type(item).__name__.lower()} {_why(getattr(item, 'text', ''), exc)}",
                      "change its text")
    return None


def _why(value: Any, exc: Exception) -> str:
    """What is wrong with a string lxml refused: the first character it refuses, if one."""
    if isinstance(value, str):
        bad = _first_refused(value)
        if bad is not None:
            return f"holds U+{ord(value[bad]):04X}, a character XML forbids (at offset {bad})"
    return f"cannot be written: {exc}"


def _first_refused(value: str) -> int | None:
    """The offset of the first character lxml refuses in text, found by bisection (the
    shortest refused prefix ends with it)."""
    probe = etree.Element("x")

    def refused(text: str) -> bool:
        try:
            probe.text = text
        except (TypeError, ValueError):
            return True
        return False

    if not refused(value):
        return None
    low, high = 0, len(value)  # value[:low] is accepted, value[:high] refused
    while high - low > 1:
        middle = (low + high) // 2
        if refused(value[:middle]):
            high = middle
        else:
            low = middle
    return high - 1

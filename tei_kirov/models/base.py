"""Base classes of the model layer and the one registry that maps TEI element names to classes.

Every node of a document is a pydantic model:

* :class:`TeiElement` subclasses type one TEI element each (``Div`` for ``<div>``); their
  attributes are fields, their children an ordered ``content`` list of strings and nodes;
* :class:`Element` keeps any element the models do not type, verbatim;
* :class:`Comment` and :class:`PI` keep comments and processing instructions.

Layout that XML carries but meaning does not (whitespace between elements in element-only
containers, attribute order, namespace prefixes) lives in a private :class:`Layout` that the
writer uses to reproduce a file faithfully. It takes no part in equality.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Literal, NamedTuple, TypeVar

from pydantic import BaseModel, ConfigDict
from typing_extensions import Self, TypeAliasType

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"

#: local TEI element name -> model class; filled as classes are defined.
REGISTRY: dict[str, type[TeiElement]] = {}

#: Field names that are not XML attributes.
_NON_ATTRIBUTE_FIELDS = frozenset({"tag", "content", "extra_attrs"})

N = TypeVar("N", bound="Node")

if TYPE_CHECKING:
    Content = Any
else:
    # What a ``content`` list holds: a discriminated union of text, comments, processing
    # instructions, opaque elements and every registered class. The union itself
    # (``_ContentUnion``) is set by ``tei_kirov.models.content`` once every class exists; the
    # alias is evaluated lazily, when pydantic first builds a validator.
    Content = TypeAliasType("Content", "_ContentUnion")  # noqa: F821


def attribute_name(field: str) -> str:
    """The XML attribute name (Clark notation for ``xml:``) of a model field name.

    ``xml_id`` -> ``{http://www.w3.org/XML/1998/namespace}id``, ``not_before`` ->
    ``notBefore``, ``from_`` -> ``from``.
    """
    if field.startswith("xml_"):
        return f"{{{XML_NS}}}{field[4:]}"
    field = field.rstrip("_")
    head, *rest = field.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def display_name(clark: str) -> str:
    """``{xml-ns}id`` -> ``xml:id``; other Clark names keep their local part."""
    if clark.startswith("{" + XML_NS + "}"):
        return "xml:" + clark[len(XML_NS) + 2 :]
    if clark.startswith("{"):
        return clark.split("}", 1)[1]
    return clark


class Layout(NamedTuple):
    """Serialisation details read from a file, kept so the file can be written back as it was.

    ``before``: whitespace preceding this node inside an element-only parent;
    ``end``: whitespace before this element's end tag, when the element is element-only;
    ``attr_order``: attribute names in document order; ``nsmap``: namespace declarations
    made on this element; ``prefix``: the prefix the element was written with (``""`` for
    none), recorded only where its namespace is bound to more than one prefix, so that the
    writer cannot tell which one to use.

    A layout is immutable, so the reader gives one object to every node laid out alike;
    change a node's layout by giving it a new one (``node._layout = Layout(...)``).
    """

    before: str | None = None
    end: str | None = None
    attr_order: tuple[str, ...] | None = None
    nsmap: dict[str | None, str] | None = None
    prefix: str | None = None


#: The fields-set of a node nobody has assigned to yet. pydantic keeps a set per instance
#: (216 bytes, a fifth of a node); one shared immutable empty set stands in for all of them
#: until a field is assigned (see :meth:`Node.__setattr__`).
NOTHING_SET: frozenset[str] = frozenset()

# pydantic's instance slots, set directly by code that makes nodes without validation (the
# reader's builder): object.__setattr__ would look each name up along the class's MRO first,
# a third of the cost of making a node.
set_dict = BaseModel.__dict__["__dict__"].__set__
set_fields_set = BaseModel.__dict__["__pydantic_fields_set__"].__set__
set_extra = BaseModel.__dict__["__pydantic_extra__"].__set__
set_private = BaseModel.__dict__["__pydantic_private__"].__set__


def layout_of(node: Node) -> Layout | None:
    """The node's layout, or ``None`` (the writer's fast accessor of ``node._layout``)."""
    private = node.__pydantic_private__
    return private.get("_layout") if private else None


def private_for(layout: Layout | None) -> dict[str, Any] | None:
    """The ``__pydantic_private__`` value that holds ``layout``."""
    return None if layout is None else {"_layout": layout}


class Node(BaseModel):
    """Common base of everything that can stand in a content list.

    Storage, for memory (a large document holds hundreds of thousands of nodes): the layout
    lives in pydantic's private dict, which stays ``None`` for a node without one and may be
    shared by nodes laid out alike (it is replaced, never changed in place); the fields-set
    starts as the shared :data:`NOTHING_SET` and becomes a set of its own on first assignment.
    """

    model_config = ConfigDict(
        extra="forbid", validate_assignment=False, populate_by_name=True, defer_build=True
    )

    @property
    def _layout(self) -> Layout | None:
        """How the file this node was read from laid it out (``None`` if built in code)."""
        return layout_of(self)

    @_layout.setter
    def _layout(self, layout: Layout | None) -> None:
        private = self.__pydantic_private__
        if private and private.keys() != {"_layout"}:  # a subclass's own private attributes
            set_private(self, {**private, "_layout": layout})
        else:
            set_private(self, private_for(layout))

    def __setattr__(self, name: str, value: Any) -> None:
        if type(self.__pydantic_fields_set__) is frozenset:
            set_fields_set(self, set(self.__pydantic_fields_set__))
        super().__setattr__(name, value)

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        """A copy (``deep=True``: of everything inside too); ``update`` sets fields on it
        without validation, as in pydantic."""
        copied = super().model_copy(deep=deep)
        if update:
            set_fields_set(copied, set(copied.__pydantic_fields_set__) | update.keys())
            copied.__dict__.update(update)
        return copied

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other) and self.__dict__ == other.__dict__  # type: ignore[union-attr]

    __hash__ = None  # type: ignore[assignment]

    @classmethod
    def field_template(cls) -> dict[str, Any]:
        """Every field's default, in a dict whose copies share their keys with the class's
        instance dicts (CPython's key-sharing dicts): a copy costs about half a plain dict.
        The reader copies it for every element it makes."""
        template = cls.__new__(cls).__dict__  # an empty key-sharing dict of this class
        for name, field in cls.model_fields.items():
            template[name] = field.default
        plain = dict(template)
        # (Not every CPython shares keys in a copy: 3.10 makes it larger than a plain dict.)
        return template if sys.getsizeof(template.copy()) < sys.getsizeof(plain) else plain


class Comment(Node):
    """An XML comment ``<!--text-->``."""

    tag: Literal["#comment"] = "#comment"
    text: str = ""

    def __init__(self, text: str = "", **data: Any) -> None:
        super().__init__(text=text, **data)


class PI(Node):
    """A processing instruction ``<?target text?>``."""

    tag: Literal["#pi"] = "#pi"
    target: str
    text: str = ""

    def __init__(self, target: str, text: str = "", **data: Any) -> None:
        super().__init__(target=target, text=text, **data)


class Container(Node):
    """A node with an ordered content list; the typed views live here."""

    content: list[Content] = []

    #: ``True`` where text is significant (paragraphs, phrases); ``False`` for element-only
    #: containers, whose inter-element whitespace is layout and may be pretty-printed.
    mixed: ClassVar[bool] = True

    def __init__(self, *content: Any, **data: Any) -> None:
        if content:
            if "content" in data:
                raise TypeError("give content either positionally or as content=, not both")
            data["content"] = list(content)
        super().__init__(**data)

    # -- typed views -------------------------------------------------------------------
    def nodes(self) -> list[Node]:
        """The child nodes, without text."""
        return [c for c in self.content if not isinstance(c, str)]

    def children(self, cls: type[N]) -> list[N]:
        """Direct children of class ``cls``."""
        return [c for c in self.content if isinstance(c, cls)]

    def child(self, cls: type[N]) -> N | None:
        """The first direct child of class ``cls``, or ``None``."""
        for c in self.content:
            if isinstance(c, cls):
                return c
        return None

    def iter(self, cls: type[N] | None = None) -> Iterator[N]:
        """Every descendant node (depth first, document order), optionally of one class."""
        stack: list[Iterator[Any]] = [iter(self.content)]
        while stack:
            for item in stack[-1]:
                if isinstance(item, str):
                    continue
                if cls is None or isinstance(item, cls):
                    yield item
                if isinstance(item, Container) and item.content:
                    stack.append(iter(item.content))
                    break
            else:
                stack.pop()

    def text(self, *, diplomatic: bool = False) -> str:
        """The character content (comments and PIs excluded). Of each ``choice`` only one
        reading counts: the corrected, regularised or expanded one (``corr``, ``reg``,
        ``expan``), or with ``diplomatic=True`` the one as written (``sic``, ``orig``,
        ``abbr``)."""
        parts: list[str] = []
        _collect_text(self, parts, diplomatic)
        return "".join(parts)


#: Which child of a ``choice`` a reading text shows, in order of preference.
READING = ("corr", "reg", "expan", "ex", "supplied", "seg", "unclear")
#: Which child of a ``choice`` a diplomatic text shows, in order of preference.
DIPLOMATIC = ("sic", "orig", "abbr", "am", "seg", "unclear")


def tei_local(node: Node) -> str:
    """The local name of a TEI element (``"choice"``), Clark notation for any other."""
    tag = getattr(node, "tag", "") or ""
    prefix = "{" + TEI_NS + "}"
    return tag[len(prefix):] if tag.startswith(prefix) else tag


def choose(choice: Container, *, diplomatic: bool = False) -> Container | None:
    """The child of a ``choice`` a text shows: the corrected/regular/expanded one in a
    reading text, the one as written in a diplomatic text; the first child when neither
    is there."""
    kids = [kid for kid in choice.content if isinstance(kid, Container)]
    for wanted in DIPLOMATIC if diplomatic else READING:
        for kid in kids:
            if tei_local(kid) == wanted:
                return kid
    return kids[0] if kids else None


def _collect_text(node: Container, parts: list[str], diplomatic: bool) -> None:
    for item in node.content:
        if isinstance(item, str):
            parts.append(item)
        elif isinstance(item, Container):
            if tei_local(item) == "choice":
                shown = choose(item, diplomatic=diplomatic)
                if shown is not None:
                    _collect_text(shown, parts, diplomatic)
            else:
                _collect_text(item, parts, diplomatic)


class Element(Container):
    """An element the models do not type, kept verbatim: ``tag`` in Clark notation
    (``{namespace}local``), attributes as a dict with Clark keys, content as read."""

    tag: str
    attrs: dict[str, str] = {}

    @property
    def local_name(self) -> str:
        return self.tag.rsplit("}", 1)[-1]

    @property
    def namespace(self) -> str | None:
        return self.tag[1:].split("}", 1)[0] if self.tag.startswith("{") else None

    def get(self, name: str, default: str | None = None) -> str | None:
        """An attribute by Clark name (``xml:id`` style names are accepted too)."""
        return self.attrs.get(_clark(name), default)


def _clark(name: str) -> str:
    return f"{{{XML_NS}}}{name[4:]}" if name.startswith("xml:") else name


class TeiElement(Container):
    """A TEI element typed by a subclass. Attributes common to all TEI elements (a subset of
    ``att.global``) are fields here; subclasses add their own."""

    xml_id: str | None = None
    xml_lang: str | None = None
    xml_space: str | None = None
    n: str | None = None
    rend: str | None = None
    resp: str | None = None
    cert: str | None = None
    corresp: str | None = None
    #: Attributes this class does not type, by Clark name, kept verbatim.
    extra_attrs: dict[str, str] = {}

    #: XML attribute name -> field name, and the reverse; computed per subclass.
    xml_attributes: ClassVar[dict[str, str]] = {}
    attribute_fields: ClassVar[dict[str, str]] = {}
    #: Local name of the TEI element this class types.
    tei_name: ClassVar[str] = ""

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        fields = [f for f in cls.model_fields if f not in _NON_ATTRIBUTE_FIELDS]
        cls.attribute_fields = {f: attribute_name(f) for f in fields}
        cls.xml_attributes = {x: f for f, x in cls.attribute_fields.items()}
        tag_field = cls.model_fields.get("tag")
        default = tag_field.default if tag_field is not None else None
        if isinstance(default, str) and default and default != cls.tei_name:
            if default in REGISTRY and REGISTRY[default] is not cls:
                raise TypeError(f"two model classes for <{default}>: "
                                f"{REGISTRY[default].__name__} and {cls.__name__}")
            cls.tei_name = default
            REGISTRY[default] = cls

    def get(self, name: str, default: str | None = None) -> str | None:
        """An attribute by its XML name (``xml:id``, ``notBefore``, ``{ns}local``)."""
        clark = _clark(name)
        field = self.xml_attributes.get(clark)
        if field is not None:
            value = getattr(self, field)
            return default if value is None else value
        return self.extra_attrs.get(clark, default)

    def set(self, name: str, value: str | None) -> None:
        """Set (or with ``None`` remove) an attribute by its XML name."""
        clark = _clark(name)
        field = self.xml_attributes.get(clark)
        if field is not None:
            setattr(self, field, value)
        elif value is None:
            self.extra_attrs.pop(clark, None)
        else:
            self.extra_attrs = {**self.extra_attrs, clark: value}

    def attributes(self) -> dict[str, str]:
        """Every attribute that is set, by XML (Clark) name, typed ones first."""
        out = {x: getattr(self, f) for f, x in self.attribute_fields.items()
               if getattr(self, f) is not None}
        out.update(self.extra_attrs)
        return out


_ID_CHARS = re.compile(r"^[A-Za-z_][\w.\-]*$")


def is_ncname(value: str) -> bool:
    """Whether ``value`` can be an ``xml:id`` (an XML NCName, ASCII approximation plus
    Unicode word characters)."""
    return bool(_ID_CHARS.match(value))



"""``Document``: a TEI document as a whole, with typed views over its parts."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, PrivateAttr

from .base import PI, Comment, Content, Element, Node, TeiElement
from .entities import ListOrg, ListPerson, ListPlace, Org, Person, Place
from .header import FileDesc, PublicationStmt, SourceDesc, TeiHeader, TitleStmt
from .phrase import Date, Note, Title
from .structure import Back, Body, Front, P, StandOff, Tei, Text

N = TypeVar("N", bound=Node)

#: ``<?xml-model?>`` pointing at the profile schema, carried by documents built in code.
PROFILE_PI = PI(
    "xml-model",
    'href="tei_kirov.xsd" type="application/xml" '
    'schematypens="http://www.w3.org/2001/XMLSchema"',
)


def _default_prolog() -> list[Comment | PI]:
    return [PROFILE_PI.model_copy()]


class Document(BaseModel):
    """A TEI document: its root element (``TEI``), and what stands before and after it
    (comments, processing instructions such as ``<?xml-model?>``)."""

    model_config = ConfigDict(extra="forbid")

    #: The root element (``Tei`` for a TEI file); typed as ``Content`` so that JSON loads
    #: back into the right class.
    root: Content
    prolog: list[Comment | PI] = []
    epilog: list[Comment | PI] = []

    #: Where the document was read from (set by the reader; ``None`` for documents built in code).
    _source: str | None = PrivateAttr(default=None)
    #: The DOCTYPE declaration read from the file, if any, written back unchanged.
    _doctype: str | None = PrivateAttr(default=None)
    #: Where that DOCTYPE stood: after how many prolog nodes, and the whitespace before it
    #: (``None``: right after the XML declaration).
    _doctype_place: tuple[int, str] | None = PrivateAttr(default=None)
    #: The XML declaration read from the file ("" when it had none; ``None``: write the default).
    _declaration: str | None = PrivateAttr(default=None)
    #: The whitespace that ended the file read (``None``: end with one newline).
    _trailer: str | None = PrivateAttr(default=None)

    def __init__(self, root: TeiElement | Element | None = None, **data: Any) -> None:
        if root is not None:
            data["root"] = root
        data.setdefault("prolog", _default_prolog())
        super().__init__(**data)

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Document)
            and self.root == other.root
            and self.prolog == other.prolog
            and self.epilog == other.epilog
        )

    __hash__ = None  # type: ignore[assignment]

    @classmethod
    def new(cls, title: str, *body: Any) -> Document:
        """A minimal valid document: a header with ``title`` and a body of ``body`` (blocks;
        an empty paragraph when none is given)."""
        header = TeiHeader(
            FileDesc(
                TitleStmt(Title(title)),
                PublicationStmt(P("Unpublished.")),
                SourceDesc(P("Born digital.")),
            )
        )
        return cls(Tei(header, Text(Body(*(body or (P(),)))), xml_lang="en"))

    @property
    def source(self) -> str | None:
        """The path this document was read from, if any."""
        return self._source

    # -- parts -------------------------------------------------------------------------
    @property
    def header(self) -> TeiHeader | None:
        return self.root.child(TeiHeader)

    @property
    def text(self) -> Text | None:
        return self.root.child(Text)

    @property
    def front(self) -> Front | None:
        text = self.text
        return text.front if text else None

    @property
    def body(self) -> Body | None:
        text = self.text
        return text.body if text else None

    @property
    def back(self) -> Back | None:
        text = self.text
        return text.back if text else None

    @property
    def standoff(self) -> StandOff | None:
        return self.root.child(StandOff)

    # -- walking -----------------------------------------------------------------------
    def iter(self, cls: type[N] | None = None) -> Iterator[N]:
        """Every node of the document (the root included), optionally of one class."""
        if cls is None or isinstance(self.root, cls):
            yield self.root  # type: ignore[misc]
        yield from self.root.iter(cls)

    @property
    def notes(self) -> list[Note]:
        """The notes of the ``text`` (of every ``text`` in a corpus), in document order;
        the notes of authority records (``listPerson``, ``listPlace``, ``listOrg``) and of
        the header are left out: reach those through ``doc.header.iter(Note)`` or the
        record."""
        return [note for text in _texts(self.root) for note in _notes_of(text)]

    @property
    def dates(self) -> list[Date]:
        return list(self.iter(Date))

    @property
    def persons(self) -> list[Person]:
        """Every ``person`` in every ``listPerson`` of the document."""
        return [p for lst in self.iter(ListPerson) for p in lst.persons]

    @property
    def places(self) -> list[Place]:
        return [p for lst in self.iter(ListPlace) for p in lst.places]

    @property
    def orgs(self) -> list[Org]:
        return [o for lst in self.iter(ListOrg) for o in lst.orgs]

    def ids(self) -> dict[str, Node]:
        """Every ``xml:id`` in the document and the node that carries it (first one wins)."""
        found: dict[str, Node] = {}
        node: Node
        for node in self.iter():
            xml_id = _xml_id(node)
            if xml_id is not None and xml_id not in found:
                found[xml_id] = node
        return found

    def by_id(self, xml_id: str) -> Node | None:
        """The node whose ``xml:id`` is ``xml_id`` (a leading ``#`` is ignored)."""
        return self.ids().get(xml_id.lstrip("#"))


def _xml_id(node: Node) -> str | None:
    if isinstance(node, TeiElement):
        return node.xml_id
    if isinstance(node, Element):
        return node.get("xml:id")
    return None


_RECORD_LISTS = (ListPerson, ListPlace, ListOrg)


def _texts(node: Node) -> Iterator[Text]:
    """The outermost ``text`` elements below ``node`` (outside any header)."""
    if isinstance(node, Text):
        yield node
        return
    if isinstance(node, TeiHeader) or not hasattr(node, "content"):
        return
    for item in node.content:
        if not isinstance(item, str):
            yield from _texts(item)


def _notes_of(node: Node) -> Iterator[Note]:
    for item in getattr(node, "content", None) or []:
        if isinstance(item, (str, *_RECORD_LISTS)):
            continue
        if isinstance(item, Note):
            yield item
        yield from _notes_of(item)

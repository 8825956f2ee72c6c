"""Typed TEI P5 models (pydantic v2): plain data, no I/O.

Every TEI element the project's profile types has a class here named after it (``Div``,
``PersName``, ``TeiHeader``; ``Tei`` for ``<TEI>``); ``REGISTRY`` maps element names to
classes. Anything else is kept as an opaque :class:`Element`.
"""

from __future__ import annotations

from .base import PI, REGISTRY, TEI_NS, XML_NS, Comment, Container, Element, Layout, Node, TeiElement
from .common import Datable, Referring
from .entities import Birth, Death, ListOrg, ListPerson, ListPlace, Org, Person, Place
from .header import (
    AddrLine, Address, Analytic, Author, Availability, BiblScope, BiblStruct, Change, Correction,
    Creation, Edition, EditionStmt, EditorialDecl, Editor, EncodingDesc, FileDesc, Hyphenation,
    Idno, Imprint, Interpretation, Language, LangUsage, Licence, Monogr, NotesStmt,
    Normalization, ProfileDesc, ProjectDesc, PublicationStmt, Publisher, PubPlace, Quotation,
    Resp, RespStmt, RevisionDesc, Segmentation, SourceDesc, StdVals, TeiHeader, TitleStmt,
)
from .phrase import (
    Anchor, Choice, Corr, Date, Emph, Foreign, Gap, Hi, Lb, Name, Note, OrgName, Orig, Pb,
    PersName, PlaceName, Ptr, Q, Quote, Ref, Reg, Rs, Seg, Sic, Supplied, Term, Title, Unclear,
)
from .structure import (
    Back, Bibl, Body, Byline, Cit, Closer, Dateline, DocAuthor, DocDate, DocEdition, DocImprint,
    DocTitle, Div, Front, Head, Item, Label, List, ListBibl, Opener, P, Salute, Signed, StandOff,
    Tei, Text, TitlePage, TitlePart, Trailer,
)
from .content import ContentUnion, complete_models  # noqa: I001  (must come after the classes)
from .document import Document

complete_models(extra=(Document,))

__all__ = [name for name in dir() if not name.startswith("_") and name[0].isupper()] + [
    "REGISTRY", "TEI_NS", "XML_NS", "complete_models",
]

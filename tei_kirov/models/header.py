"""The ``teiHeader``: file description, encoding description, profile, revisions."""

from __future__ import annotations

from typing import ClassVar, Literal

from .base import TeiElement
from .common import Datable, Referring
from .phrase import Title


class TeiHeader(TeiElement):
    """``teiHeader``: ``fileDesc`` then ``encodingDesc``/``profileDesc``, then
    ``revisionDesc``."""

    tag: Literal["teiHeader"] = "teiHeader"
    mixed: ClassVar[bool] = False

    @property
    def file_desc(self) -> FileDesc | None:
        return self.child(FileDesc)

    @property
    def encoding_desc(self) -> EncodingDesc | None:
        return self.child(EncodingDesc)

    @property
    def profile_desc(self) -> ProfileDesc | None:
        return self.child(ProfileDesc)

    @property
    def revision_desc(self) -> RevisionDesc | None:
        return self.child(RevisionDesc)


class FileDesc(TeiElement):
    """Bibliographic description of the electronic file."""

    tag: Literal["fileDesc"] = "fileDesc"
    mixed: ClassVar[bool] = False

    @property
    def title_stmt(self) -> TitleStmt | None:
        return self.child(TitleStmt)

    @property
    def edition_stmt(self) -> EditionStmt | None:
        return self.child(EditionStmt)

    @property
    def publication_stmt(self) -> PublicationStmt | None:
        return self.child(PublicationStmt)

    @property
    def source_desc(self) -> SourceDesc | None:
        return self.child(SourceDesc)


class TitleStmt(TeiElement):
    """Title and responsibility: ``title``, ``author``, ``editor``, ``respStmt``."""

    tag: Literal["titleStmt"] = "titleStmt"
    mixed: ClassVar[bool] = False

    @property
    def titles(self) -> list[Title]:
        return self.children(Title)

    @property
    def authors(self) -> list[Author]:
        return self.children(Author)

    @property
    def editors(self) -> list[Editor]:
        return self.children(Editor)

    @property
    def resp_stmts(self) -> list[RespStmt]:
        return self.children(RespStmt)


class Author(Referring):
    """An author."""

    tag: Literal["author"] = "author"
    role: str | None = None


class Editor(Referring):
    """An editor."""

    tag: Literal["editor"] = "editor"
    role: str | None = None


class RespStmt(TeiElement):
    """A statement of responsibility: ``resp`` and a name."""

    tag: Literal["respStmt"] = "respStmt"
    mixed: ClassVar[bool] = False


class Resp(Referring):
    """The kind of responsibility (``translated by``)."""

    tag: Literal["resp"] = "resp"


class EditionStmt(TeiElement):
    """Edition statement."""

    tag: Literal["editionStmt"] = "editionStmt"
    mixed: ClassVar[bool] = False


class Edition(TeiElement):
    """An edition."""

    tag: Literal["edition"] = "edition"


class PublicationStmt(TeiElement):
    """Publication: ``publisher``, ``pubPlace``, ``date``, ``availability``, ``idno``."""

    tag: Literal["publicationStmt"] = "publicationStmt"
    mixed: ClassVar[bool] = False


class Publisher(Referring):
    """A publisher."""

    tag: Literal["publisher"] = "publisher"


class PubPlace(Referring):
    """A place of publication."""

    tag: Literal["pubPlace"] = "pubPlace"


class Address(TeiElement):
    """A postal address of ``addrLine``s."""

    tag: Literal["address"] = "address"
    mixed: ClassVar[bool] = False


class AddrLine(TeiElement):
    """One line of an address."""

    tag: Literal["addrLine"] = "addrLine"


class Idno(TeiElement):
    """An identifier (``@type``: ``URI``, ``DOI`` ...)."""

    tag: Literal["idno"] = "idno"
    type: str | None = None


class Availability(TeiElement):
    """Terms of use: ``licence`` and/or ``p``; ``@status`` free|unknown|restricted."""

    tag: Literal["availability"] = "availability"
    mixed: ClassVar[bool] = False
    status: str | None = None


class Licence(TeiElement):
    """A licence, its URI in ``@target``."""

    tag: Literal["licence"] = "licence"
    target: str | None = None


class SourceDesc(TeiElement):
    """Description of the source the file was made from."""

    tag: Literal["sourceDesc"] = "sourceDesc"
    mixed: ClassVar[bool] = False


class BiblStruct(TeiElement):
    """A structured bibliographic citation: ``analytic``? ``monogr``."""

    tag: Literal["biblStruct"] = "biblStruct"
    mixed: ClassVar[bool] = False
    type: str | None = None


class Analytic(TeiElement):
    """The article-level part of a ``biblStruct``."""

    tag: Literal["analytic"] = "analytic"
    mixed: ClassVar[bool] = False


class Monogr(TeiElement):
    """The monograph-level part of a ``biblStruct``; needs an ``imprint``."""

    tag: Literal["monogr"] = "monogr"
    mixed: ClassVar[bool] = False


class Imprint(TeiElement):
    """Publisher, place and date of a source."""

    tag: Literal["imprint"] = "imprint"
    mixed: ClassVar[bool] = False


class BiblScope(TeiElement):
    """The scope of a reference (pages, volume)."""

    tag: Literal["biblScope"] = "biblScope"
    unit: str | None = None
    from_: str | None = None
    to: str | None = None


class NotesStmt(TeiElement):
    """Notes about the file."""

    tag: Literal["notesStmt"] = "notesStmt"
    mixed: ClassVar[bool] = False


class EncodingDesc(TeiElement):
    """How the text was encoded: ``projectDesc``, ``editorialDecl`` ..."""

    tag: Literal["encodingDesc"] = "encodingDesc"
    mixed: ClassVar[bool] = False


class ProjectDesc(TeiElement):
    """The purpose of the encoding."""

    tag: Literal["projectDesc"] = "projectDesc"
    mixed: ClassVar[bool] = False


class EditorialDecl(TeiElement):
    """Editorial principles: corrections, normalisation, hyphenation ..."""

    tag: Literal["editorialDecl"] = "editorialDecl"
    mixed: ClassVar[bool] = False


class Correction(TeiElement):
    """How errors were corrected (``@status``, ``@method``)."""

    tag: Literal["correction"] = "correction"
    mixed: ClassVar[bool] = False
    status: str | None = None
    method: str | None = None


class Normalization(TeiElement):
    """How the text was normalised (``@method``)."""

    tag: Literal["normalization"] = "normalization"
    mixed: ClassVar[bool] = False
    method: str | None = None
    source: str | None = None


class Hyphenation(TeiElement):
    """How hyphenation was treated (``@eol``)."""

    tag: Literal["hyphenation"] = "hyphenation"
    mixed: ClassVar[bool] = False
    eol: str | None = None


class Segmentation(TeiElement):
    """How the text was segmented."""

    tag: Literal["segmentation"] = "segmentation"
    mixed: ClassVar[bool] = False


class Quotation(TeiElement):
    """How quotation marks were treated (``@marks``)."""

    tag: Literal["quotation"] = "quotation"
    mixed: ClassVar[bool] = False
    marks: str | None = None


class Interpretation(TeiElement):
    """What interpretive markup was added and how."""

    tag: Literal["interpretation"] = "interpretation"
    mixed: ClassVar[bool] = False


class StdVals(TeiElement):
    """How standard values (dates, names) were given."""

    tag: Literal["stdVals"] = "stdVals"
    mixed: ClassVar[bool] = False


class ProfileDesc(TeiElement):
    """The text's profile: languages, creation."""

    tag: Literal["profileDesc"] = "profileDesc"
    mixed: ClassVar[bool] = False


class LangUsage(TeiElement):
    """The languages used: ``language`` children."""

    tag: Literal["langUsage"] = "langUsage"
    mixed: ClassVar[bool] = False


class Language(TeiElement):
    """A language used in the text; ``@ident`` its BCP 47 tag (required)."""

    tag: Literal["language"] = "language"
    ident: str | None = None
    usage: str | None = None


class Creation(TeiElement):
    """When and where the text was created."""

    tag: Literal["creation"] = "creation"


class RevisionDesc(TeiElement):
    """The history of the file: ``change`` entries."""

    tag: Literal["revisionDesc"] = "revisionDesc"
    mixed: ClassVar[bool] = False
    status: str | None = None

    @property
    def changes(self) -> list[Change]:
        return self.children(Change)


class Change(Datable):
    """One revision: ``@when``, ``@who`` (pointers to the people responsible)."""

    tag: Literal["change"] = "change"
    who: str | None = None
    status: str | None = None
    type: str | None = None

"""Text structure: the TEI root, text, front/body/back, divisions, paragraphs, lists,
quotations, title pages, openers and closers, bibliographic references."""

from __future__ import annotations

from typing import ClassVar, Literal

from .base import TeiElement


class Tei(TeiElement):
    """The ``<TEI>`` root: a ``teiHeader`` then ``text`` and/or ``standOff``."""

    tag: Literal["TEI"] = "TEI"
    mixed: ClassVar[bool] = False
    version: str | None = None


class Text(TeiElement):
    """``<text>``: optional ``front``, a ``body``, optional ``back``."""

    tag: Literal["text"] = "text"
    mixed: ClassVar[bool] = False
    type: str | None = None

    @property
    def front(self) -> Front | None:
        return self.child(Front)

    @property
    def body(self) -> Body | None:
        return self.child(Body)

    @property
    def back(self) -> Back | None:
        return self.child(Back)


class _Divisible(TeiElement):
    """Shared views of things made of divisions."""

    mixed: ClassVar[bool] = False

    @property
    def divs(self) -> list[Div]:
        """The divisions directly inside."""
        return self.children(Div)

    @property
    def head(self) -> Head | None:
        """The first heading."""
        return self.child(Head)

    @property
    def heads(self) -> list[Head]:
        return self.children(Head)

    @property
    def paragraphs(self) -> list[P]:
        """The paragraphs directly inside (not those of nested divisions)."""
        return self.children(P)


class Front(_Divisible):
    """Front matter: title page, prefaces, introductions."""

    tag: Literal["front"] = "front"


class Body(_Divisible):
    """The body of the text."""

    tag: Literal["body"] = "body"


class Back(_Divisible):
    """Back matter: appendices, indexes, notes."""

    tag: Literal["back"] = "back"


class Div(_Divisible):
    """A division (article, section, introduction ...): ``@type``, ``@n``, ``xml:id``."""

    tag: Literal["div"] = "div"
    type: str | None = None
    subtype: str | None = None


class StandOff(TeiElement):
    """Annotations and entity lists kept apart from the text."""

    tag: Literal["standOff"] = "standOff"
    mixed: ClassVar[bool] = False
    type: str | None = None


class Head(TeiElement):
    """A heading; ``@type="sub"`` for a subtitle."""

    tag: Literal["head"] = "head"
    type: str | None = None


class P(TeiElement):
    """A paragraph."""

    tag: Literal["p"] = "p"


class List(TeiElement):
    """A list of ``item``s, or of ``label``/``item`` pairs (``@rend="numbered"`` for a
    numbered list)."""

    tag: Literal["list"] = "list"
    mixed: ClassVar[bool] = False
    type: str | None = None

    @property
    def items(self) -> list[Item]:
        return self.children(Item)

    @property
    def labelled_items(self) -> list[tuple[Label | None, Item]]:
        """Each item with the ``label`` just before it, if any (a glossary's terms)."""
        pairs: list[tuple[Label | None, Item]] = []
        label: Label | None = None
        for node in self.nodes():
            if isinstance(node, Label):
                label = node
            elif isinstance(node, Item):
                pairs.append((label, node))
                label = None
        return pairs


class Item(TeiElement):
    """A list item; ``@n`` keeps the printed number."""

    tag: Literal["item"] = "item"


class Label(TeiElement):
    """A label for a list item."""

    tag: Literal["label"] = "label"
    type: str | None = None


class Cit(TeiElement):
    """A quotation with its bibliographic reference."""

    tag: Literal["cit"] = "cit"
    mixed: ClassVar[bool] = False
    type: str | None = None


class Bibl(TeiElement):
    """A loosely structured bibliographic reference."""

    tag: Literal["bibl"] = "bibl"
    type: str | None = None


class ListBibl(TeiElement):
    """A list of bibliographic references."""

    tag: Literal["listBibl"] = "listBibl"
    mixed: ClassVar[bool] = False
    type: str | None = None


class Opener(TeiElement):
    """The opening of a letter or article: dateline, salute, byline."""

    tag: Literal["opener"] = "opener"


class Closer(TeiElement):
    """The closing of a letter or article: signature, dateline, salute."""

    tag: Literal["closer"] = "closer"


class Signed(TeiElement):
    """A signature."""

    tag: Literal["signed"] = "signed"


class Dateline(TeiElement):
    """A place and date of writing."""

    tag: Literal["dateline"] = "dateline"


class Byline(TeiElement):
    """A statement of responsibility (``Translated by ...``)."""

    tag: Literal["byline"] = "byline"


class Salute(TeiElement):
    """A salutation."""

    tag: Literal["salute"] = "salute"


class Trailer(TeiElement):
    """A closing title (``The End``)."""

    tag: Literal["trailer"] = "trailer"


class TitlePage(TeiElement):
    """A title page."""

    tag: Literal["titlePage"] = "titlePage"
    mixed: ClassVar[bool] = False
    type: str | None = None


class DocTitle(TeiElement):
    """The title of the document on its title page: ``titlePart``s."""

    tag: Literal["docTitle"] = "docTitle"
    mixed: ClassVar[bool] = False


class TitlePart(TeiElement):
    """A part of a title (``@type``: ``main``, ``sub``, ``sup`` ...)."""

    tag: Literal["titlePart"] = "titlePart"
    type: str | None = None


class DocAuthor(TeiElement):
    """The author's name on a title page."""

    tag: Literal["docAuthor"] = "docAuthor"


class DocImprint(TeiElement):
    """The imprint on a title page: publisher, place, date."""

    tag: Literal["docImprint"] = "docImprint"


class DocDate(TeiElement):
    """The date of a document on its title page (``@when``)."""

    tag: Literal["docDate"] = "docDate"
    when: str | None = None


class DocEdition(TeiElement):
    """The edition statement on a title page."""

    tag: Literal["docEdition"] = "docEdition"

"""Phrase-level (inline) elements: highlighting, titles, names, dates, notes, links,
milestones and editorial interventions."""

from __future__ import annotations

from typing import ClassVar, Literal

from .base import TeiElement
from .common import Datable, Referring


class Hi(TeiElement):
    """Highlighted text, its rendering in ``@rend`` (``italic``, ``bold``)."""

    tag: Literal["hi"] = "hi"


class Emph(TeiElement):
    """Emphasis by the author."""

    tag: Literal["emph"] = "emph"


class Title(Referring):
    """A title; ``@level``: ``a`` article, ``m`` monograph, ``j`` journal, ``s`` series,
    ``u`` unpublished."""

    tag: Literal["title"] = "title"
    type: str | None = None
    level: str | None = None


class Foreign(TeiElement):
    """Words in another language (``xml_lang``)."""

    tag: Literal["foreign"] = "foreign"


class Term(Referring):
    """A technical or coined term."""

    tag: Literal["term"] = "term"
    type: str | None = None


class Q(TeiElement):
    """Anything in quotation marks."""

    tag: Literal["q"] = "q"
    type: str | None = None
    who: str | None = None


class Quote(TeiElement):
    """A quotation from another text."""

    tag: Literal["quote"] = "quote"
    type: str | None = None
    source: str | None = None


class Seg(TeiElement):
    """An arbitrary segment of text (e.g. a printed interpolation)."""

    tag: Literal["seg"] = "seg"
    type: str | None = None
    subtype: str | None = None


class PersName(Referring):
    """A personal name as printed; ``@ref`` points at a ``person``."""

    tag: Literal["persName"] = "persName"
    type: str | None = None
    role: str | None = None


class PlaceName(Referring):
    """A place name as printed; ``@ref`` points at a ``place``."""

    tag: Literal["placeName"] = "placeName"
    type: str | None = None


class OrgName(Referring):
    """An organisation's name as printed; ``@ref`` points at an ``org``."""

    tag: Literal["orgName"] = "orgName"
    type: str | None = None


class Name(Referring):
    """A name of any kind."""

    tag: Literal["name"] = "name"
    type: str | None = None


class Rs(Referring):
    """A referring string: a description that points at an entity."""

    tag: Literal["rs"] = "rs"
    type: str | None = None


class Date(Datable):
    """A date as printed, normalised in ``@when`` (or ``@from``/``@to``,
    ``@notBefore``/``@notAfter``); ``@evidence`` says how an inferred value was found."""

    tag: Literal["date"] = "date"
    type: str | None = None
    evidence: str | None = None


class Note(TeiElement):
    """A note: ``@place`` (``foot``), ``@n`` the printed marker, ``@resp`` its author."""

    tag: Literal["note"] = "note"
    place: str | None = None
    type: str | None = None
    target: str | None = None
    target_end: str | None = None
    anchored: str | None = None


class Ref(TeiElement):
    """A reference with a link target."""

    tag: Literal["ref"] = "ref"
    target: str | None = None
    type: str | None = None


class Ptr(TeiElement):
    """A pointer (empty) to a link target."""

    tag: Literal["ptr"] = "ptr"
    target: str | None = None
    type: str | None = None


class Anchor(TeiElement):
    """An empty point other elements can point at."""

    tag: Literal["anchor"] = "anchor"
    type: str | None = None


class Pb(TeiElement):
    """A page beginning; ``@n`` the page number, ``@break="no"`` inside a split word."""

    tag: Literal["pb"] = "pb"
    facs: str | None = None
    break_: str | None = None
    ed: str | None = None
    type: str | None = None


class Lb(TeiElement):
    """A line beginning."""

    tag: Literal["lb"] = "lb"
    facs: str | None = None
    break_: str | None = None
    ed: str | None = None


class Choice(TeiElement):
    """Alternative encodings of one passage: ``sic``/``corr`` or ``orig``/``reg``."""

    tag: Literal["choice"] = "choice"
    mixed: ClassVar[bool] = False


class Sic(TeiElement):
    """Text as printed, though apparently wrong."""

    tag: Literal["sic"] = "sic"


class Corr(TeiElement):
    """The editor's correction of a ``sic``."""

    tag: Literal["corr"] = "corr"
    type: str | None = None
    evidence: str | None = None


class Orig(TeiElement):
    """An original (unregularised) form."""

    tag: Literal["orig"] = "orig"


class Reg(TeiElement):
    """A regularised form."""

    tag: Literal["reg"] = "reg"
    type: str | None = None
    evidence: str | None = None


class Supplied(TeiElement):
    """Text supplied by the editor."""

    tag: Literal["supplied"] = "supplied"
    reason: str | None = None
    evidence: str | None = None


class Unclear(TeiElement):
    """Text that cannot be read with certainty."""

    tag: Literal["unclear"] = "unclear"
    reason: str | None = None


class Gap(TeiElement):
    """An omission: text not transcribed."""

    tag: Literal["gap"] = "gap"
    reason: str | None = None
    unit: str | None = None
    quantity: str | None = None
    extent: str | None = None
    agent: str | None = None

"""Entity lists: persons, places, organisations, bibliographies."""

from __future__ import annotations

from typing import ClassVar, Literal

from .base import TeiElement
from .common import Datable
from .phrase import OrgName, PersName, PlaceName


class ListPerson(TeiElement):
    """A list of ``person`` records."""

    tag: Literal["listPerson"] = "listPerson"
    mixed: ClassVar[bool] = False
    type: str | None = None

    @property
    def persons(self) -> list[Person]:
        return self.children(Person)


class Person(TeiElement):
    """A person: ``persName`` children (``type="main"`` the standard form, ``"variant"``
    other spellings), ``birth``, ``death``, ``note``."""

    tag: Literal["person"] = "person"
    mixed: ClassVar[bool] = False
    role: str | None = None
    sex: str | None = None

    @property
    def names(self) -> list[PersName]:
        return self.children(PersName)

    @property
    def main_name(self) -> str | None:
        """The standard form: the ``persName type="main"`` or else the first one."""
        return _main_name(self.names)

    @property
    def variants(self) -> list[str]:
        """Every spelling other than the standard form."""
        return [n.text() for n in self.names if n.type == "variant"]


class Birth(Datable):
    """A person's birth; dates in ``@when`` and kin."""

    tag: Literal["birth"] = "birth"


class Death(Datable):
    """A person's death; dates in ``@when`` and kin."""

    tag: Literal["death"] = "death"


class ListPlace(TeiElement):
    """A list of ``place`` records."""

    tag: Literal["listPlace"] = "listPlace"
    mixed: ClassVar[bool] = False
    type: str | None = None

    @property
    def places(self) -> list[Place]:
        return self.children(Place)


class Place(TeiElement):
    """A place, with one or more ``placeName``."""

    tag: Literal["place"] = "place"
    mixed: ClassVar[bool] = False
    type: str | None = None

    @property
    def names(self) -> list[PlaceName]:
        return self.children(PlaceName)

    @property
    def main_name(self) -> str | None:
        return _main_name(self.names)


class ListOrg(TeiElement):
    """A list of ``org`` records."""

    tag: Literal["listOrg"] = "listOrg"
    mixed: ClassVar[bool] = False
    type: str | None = None

    @property
    def orgs(self) -> list[Org]:
        return self.children(Org)


class Org(TeiElement):
    """An organisation, with one or more ``orgName``."""

    tag: Literal["org"] = "org"
    mixed: ClassVar[bool] = False
    type: str | None = None
    role: str | None = None

    @property
    def names(self) -> list[OrgName]:
        return self.children(OrgName)

    @property
    def main_name(self) -> str | None:
        return _main_name(self.names)


def _main_name(names: list[PersName] | list[PlaceName] | list[OrgName]) -> str | None:
    for name in names:
        if name.type == "main":
            return name.text()
    return names[0].text() if names else None

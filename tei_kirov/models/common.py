"""Abstract element classes shared by several modules: things that carry dates, things that
name or point at entities. They type no element themselves."""

from __future__ import annotations

from ..w3cdates import date_problems
from .base import TeiElement


class Datable(TeiElement):
    """An element with TEI's ``att.datable.w3c`` attributes (``when``, ``notBefore``,
    ``notAfter``, ``from``, ``to``)."""

    when: str | None = None
    not_before: str | None = None
    not_after: str | None = None
    from_: str | None = None
    to: str | None = None

    def problems(self) -> list[str]:
        """What is wrong with the date values, in plain words (empty when all is well)."""
        return date_problems(
            when=self.when, not_before=self.not_before, not_after=self.not_after,
            from_=self.from_, to=self.to,
        )


class Referring(TeiElement):
    """An element that names something and may point at its authority record
    (``@ref``, ``@key``)."""

    ref: str | None = None
    key: str | None = None

    @property
    def ref_ids(self) -> list[str]:
        """The local ids ``@ref`` points at (``"#a #b"`` -> ``["a", "b"]``)."""
        return [r[1:] for r in (self.ref or "").split() if r.startswith("#")]

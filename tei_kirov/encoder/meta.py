"""What the header says about a text and its edition: ``EditionMeta``, read from a TOML or
JSON file (``--meta FILE``) and from command-line options, which override the file.

Every field is optional; a field left out stays empty unless the title page states it
unambiguously (:mod:`.titlepage`). Nothing is made up."""

from __future__ import annotations

import json
import re
import sys
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator, model_validator

from ..errors import TeiReadError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

#: The pamphlet's own metadata, used only when no SOURCE is given.
DEFAULT = "kirov-meta.toml"


def _local_ref(value: str | None) -> str | None:
    """An authority id given without ``#`` (``paine``) as the pointer ``#paine``."""
    if value and not value.startswith("#") and ":" not in value:
        return f"#{value}"
    return value


class Party(BaseModel):
    """A person or body responsible for the text: ``name`` as it should appear; ``id`` the
    ``xml:id`` the header gives it (notes' ``@resp`` may point at it); ``ref`` its record in
    the authority file (``#id``); ``role`` (``editor`` only); ``kind`` says whether ``name``
    is a person's name, an organisation's, or a description (``name``)."""

    model_config = ConfigDict(extra="forbid")

    name: str
    id: str | None = None
    ref: str | None = None
    role: str | None = None
    kind: Literal["person", "org", "name"] = "person"

    @field_validator("ref")
    @classmethod
    def _ref(cls, value: str | None) -> str | None:
        return _local_ref(value)


def _parties(value: Any) -> Any:
    """``"A"``, ``{"name": "A"}`` or a list of either -> a list."""
    if value is None:
        return []
    if isinstance(value, (str, dict)):
        value = [value]
    if isinstance(value, list):
        return [{"name": v} if isinstance(v, str) else v for v in value]
    return value


class EditionMeta(BaseModel):
    """The facts of the header. The source: ``title``, ``subtitle``, ``source_title``
    (the title as the source prints it, where it differs from ``title``), ``author``,
    ``editor``, ``translator``, ``publisher``, ``place``, ``date`` (as printed, or ISO),
    ``edition`` (an edition statement), ``source`` (a description of the copy encoded),
    ``address`` (the publisher's address as printed), ``articles`` (true: list the
    divisions closed by a dated signature, as a collection of articles has them, in the
    source description and ``creation``),
    ``language`` (code of the main language) and ``languages`` (labels by code). The edition:
    ``encoder`` (who encoded it), ``encoder_resp`` (what they did), ``edition_publisher``,
    ``encoding_date`` (ISO), ``licence`` (text or URL), ``licence_url`` and ``availability``
    (``free``, ``restricted`` or ``unknown``), ``project``
    (project description), ``declarations`` (editorial declarations by name: ``correction``,
    ``normalization``, ``hyphenation``, ``segmentation``, ``quotation``, ``interpretation``,
    ``stdVals``, ``notes``; ``{name}`` fields are filled with the encoder's counts) and
    ``change`` (the revision entry)."""

    model_config = ConfigDict(extra="forbid")

    title: str | None = None
    subtitle: str | None = None
    source_title: str | None = None
    author: list[Party] = []
    editor: list[Party] = []
    translator: list[Party] = []
    publisher: str | None = None
    place: str | None = None
    date: str | None = None
    edition: str | None = None
    source: str | None = None
    address: str | None = None
    articles: bool = False
    language: str | None = None
    languages: dict[str, str] = {}
    encoder: str | None = None
    encoder_resp: str | None = None
    edition_publisher: str | None = None
    encoding_date: str | None = None
    licence: str | None = None
    licence_url: str | None = None
    availability: Literal["free", "restricted", "unknown"] | None = None
    project: str | None = None
    declarations: dict[str, str] = {}
    change: str | None = None

    @field_validator("author", "editor", "translator", mode="before")
    @classmethod
    def _as_parties(cls, value: Any) -> Any:
        return _parties(value)

    @field_validator("encoding_date")
    @classmethod
    def _iso_date(cls, value: str | None) -> str | None:
        if value is not None and not re.fullmatch(r"\d{4}(-\d\d){0,2}", value):
            raise ValueError(f"{value!r} is not an ISO date (such as 2026-01-31)")
        return value

    @field_validator("language")
    @classmethod
    def _language_code(cls, value: str | None) -> str | None:
        if value is not None and not re.fullmatch(r"[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*", value):
            raise ValueError(f"{value!r} is not a language code (such as en, fr, de-CH)")
        return value

    @model_validator(mode="after")
    def _licence_link(self) -> EditionMeta:
        """A licence given as a URL is also its link."""
        if self.licence and self.licence_url is None and re.match(r"https?://\S+$",
                                                                   self.licence):
            self.licence_url = self.licence
        return self

    def over(self, base: EditionMeta) -> EditionMeta:
        """``base`` with every field given here put over it."""
        data = base.model_dump()
        data.update(self.model_dump(include=self.model_fields_set))
        return EditionMeta.model_validate(data)


#: What :func:`load_meta` reads.
MetaSource = str | Path | bytes | dict[str, Any] | EditionMeta | None


def load_meta(source: MetaSource, *, name: str | None = None) -> EditionMeta:
    """Read a metadata file: a path (``.json`` is JSON, anything else TOML), its bytes (TOML
    unless they start with ``{``), a dict of fields, or ``None`` for no metadata. Errors name
    the file, line and column."""
    if isinstance(source, EditionMeta):
        return source
    if source is None:
        return EditionMeta()
    if isinstance(source, dict):
        return _validate(source, name or "<metadata>")
    if isinstance(source, bytes):
        data, where = source, name or "<bytes>"
        is_json = data.lstrip().startswith(b"{")
    else:
        path = Path(source)
        data, where = path.read_bytes(), name or str(path)
        is_json = path.suffix.lower() == ".json"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise TeiReadError(f"not UTF-8 text ({exc.reason} at byte {exc.start})",
                           file=where, hint="save the metadata file as UTF-8") from exc
    raw = _parse_json(text, where) if is_json else _parse_toml(text, where)
    return _validate(raw, where)


def _validate(raw: Any, where: str) -> EditionMeta:
    try:
        return EditionMeta.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "(top level)"
        raise TeiReadError(f"field {field}: {first['msg']}", file=where,
                           hint="see the metadata fields in README.md") from exc


def _parse_toml(text: str, where: str) -> Any:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        line, col = (int(found.group(1)), int(found.group(2))) if found else (None, None)
        raise TeiReadError(f"not valid TOML: {reason}", file=where, line=line, column=col,
                           hint="fix the metadata file, or give it a .json name if it is "
                                "JSON") from exc


def _parse_json(text: str, where: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise TeiReadError(f"not valid JSON: {exc.msg}", file=where, line=exc.lineno,
                           column=exc.colno, hint="fix the metadata file") from exc


def default_meta() -> EditionMeta:
    """The bundled pamphlet's metadata (``tei_kirov/data/kirov-meta.toml``)."""
    data = resources.files("tei_kirov.data").joinpath(DEFAULT).read_bytes()
    return load_meta(data, name=DEFAULT)

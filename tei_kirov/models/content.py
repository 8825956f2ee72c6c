"""The content union: what may stand in a ``content`` list, discriminated by tag.

Imported last by ``tei_kirov.models``: it builds one tagged union of every registered element
class plus text, comments, processing instructions and opaque elements, then completes every
model class with it. JSON produced by ``model_dump`` therefore loads back into the same
classes (``{"tag": "div", ...}`` -> ``Div``)."""

from __future__ import annotations

from typing import Annotated, Any, Union

from pydantic import Discriminator, Tag

from . import base
from .base import PI, REGISTRY, Comment, Container, Element

TEXT_TAG = "#text"
ELEMENT_TAG = "#element"


def content_tag(value: Any) -> str:
    """The union member a content item belongs to."""
    if isinstance(value, str):
        return TEXT_TAG
    tag = value.get("tag") if isinstance(value, dict) else getattr(value, "tag", None)
    if tag in REGISTRY or tag in ("#comment", "#pi"):
        return tag  # type: ignore[return-value]
    return ELEMENT_TAG


def _build_union() -> Any:
    members: list[Any] = [
        Annotated[str, Tag(TEXT_TAG)],
        Annotated[Comment, Tag("#comment")],
        Annotated[PI, Tag("#pi")],
        Annotated[Element, Tag(ELEMENT_TAG)],
    ]
    members += [Annotated[cls, Tag(tag)] for tag, cls in sorted(REGISTRY.items())]
    return Annotated[Union[tuple(members)], Discriminator(content_tag)]  # noqa: UP007


def complete_models() -> None:
    """Build the content union from the registry as it stands (call once every element class
    is defined; ``tei_kirov.models`` does, and so must code that registers more classes)."""
    # Every model defers building its validator until first use (``defer_build``), so
    # importing the package stays fast; the forward reference is resolved from here then.
    base._ContentUnion = _build_union()  # type: ignore[attr-defined]
    classes: list[type[Container]] = [Container, *REGISTRY.values()]
    for cls in classes:
        if cls.__pydantic_complete__:  # a validator built before: build it again
            cls.model_rebuild(force=True)

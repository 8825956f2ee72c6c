"""Rules about identifiers and the pointers to them (TK201, TK203, TK205, TK206).

A pointer token is read as TEI reads it (:mod:`.prefixes`): ``#id`` and prefixed pointers
that ``prefixDef`` expands to ``#id`` must name an xml:id here; pointers into other files
(``persons.xml#p1``) and URLs are not checked."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from ..positions import qname
from . import XML_ID, Context, Finding, T, rule

#: Attributes whose ``#id`` tokens must name an xml:id of the document.
POINTER_ATTRS = ("ref", "target", "resp", "corresp", "who")
#: Elements a note's @resp may name: someone responsible.
AGENTS = {"person", "personGrp", "org", "respStmt", "persName", "orgName", "name", "author",
          "editor", "principal", "funder", "sponsor", "resp"}


def _nearest(wanted: str, ctx: Context) -> str | None:
    match = difflib.get_close_matches(wanted, list(ctx.ids), n=1, cutoff=0.6)
    return match[0] if match else None


@rule("TK201", "duplicate-id", "error", "an xml:id value is used on more than one element")
def duplicate_ids(ctx: Context) -> Iterator[Finding]:
    for value, owners in ctx.ids.items():
        first = owners[0]
        for other in owners[1:]:
            yield Finding(other, f'xml:id "{value}" is already used by <{qname(first)}> on '
                                 f"line {first.sourceline}", XML_ID,
                          "every xml:id must be unique in the document; rename one of them")


def _is_note_resp(element_tag: str, attribute: str) -> bool:
    return element_tag == T + "note" and attribute == "resp"


@rule("TK203", "dangling-pointer", "error",
      "a #id (or a prefixed pointer that prefixDef expands to #id) in @ref, @target, @resp, "
      "@corresp or @who names no xml:id in the document", elsewhere="warning")
def dangling_pointers(ctx: Context) -> Iterator[Finding]:
    prefixes = ctx.prefixes
    check_prefixed = bool(prefixes.rules)
    for e in ctx.elements:
        for attribute in POINTER_ATTRS:
            value = e.get(attribute)
            if value is None or ("#" not in value and not check_prefixed) \
                    or _is_note_resp(e.tag, attribute):
                continue
            for token in value.split():
                target = prefixes.target(token)
                if target.unmatched:
                    yield Finding(e, f'{qname(e)}/@{attribute} "{token}" matches no prefixDef '
                                     f'pattern of its prefix', attribute,
                                  "correct the pointer, or the prefixDef's @matchPattern")
                if target.local is None or target.local in ctx.ids:
                    continue
                message = f'{qname(e)}/@{attribute} "{token}" names no xml:id'
                if token != "#" + target.local:
                    message += f' (it stands for "#{target.local}")'
                guess = _nearest(target.local, ctx)
                if guess:
                    message += f'; did you mean "#{guess}"?'
                yield Finding(e, message, attribute,
                              f'change it to "#{guess}"' if guess else
                              "add an element with that xml:id, or correct the pointer")


@rule("TK205", "note-resp-unknown", "error",
      "a note's @resp names nobody: no xml:id, or an element that is not a person or agent",
      elsewhere="warning")
def note_resp(ctx: Context) -> Iterator[Finding]:
    for note in ctx.tei("note"):
        value = note.get("resp")
        if not value:
            continue
        for token in value.split():
            local = ctx.prefixes.target(token).local
            if local is None:
                continue
            owners = ctx.ids.get(local)
            if not owners:
                guess = _nearest(local, ctx)
                message = f'note/@resp "{token}" names nobody: no element has that xml:id'
                if guess:
                    message += f'; did you mean "#{guess}"?'
                yield Finding(note, message, "resp",
                              "point @resp at the person (or respStmt) responsible for the note")
                continue
            owner = owners[0]
            local_name = owner.tag.split("}")[-1] if isinstance(owner.tag, str) else ""
            if local_name not in AGENTS:
                yield Finding(note, f'note/@resp "{token}" names a <{qname(owner)}>, not a '
                                    "person or other agent", "resp",
                              "point @resp at a person, org or respStmt")


@rule("TK206", "unreferenced-entity", "warning",
      "a person, place or org with an xml:id is never referenced from the document")
def unreferenced(ctx: Context) -> Iterator[Finding]:
    pointed = ctx.pointed
    for local in ("person", "place", "org"):
        for e in ctx.tei(local):
            value = e.get(XML_ID)
            if value is not None and value not in pointed:
                yield Finding(e, f'{local} "{value}" is never referenced', XML_ID,
                              f'refer to it with ref="#{value}", or remove it from the list')

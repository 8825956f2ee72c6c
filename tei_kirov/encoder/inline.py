"""Pass 5 (model -> model): the text's inline conventions become elements.

``*...*`` and ``_..._`` (italics) become a ``title`` (a periodical or work named in the
authority file), a ``foreign`` phrase (listed there with its language), or otherwise
``hi rend="italic"`` (``*...*`` may be read as ``emph``, the author's emphasis, by setting
:attr:`InlineContext.italic`); ``**...**`` becomes a ``title`` or ``hi rend="bold"``. Note
anchors become the ``note`` elements themselves, page and line marks (:mod:`.marks`) ``pb``
(with ``@n`` when the page number is known) and ``lb``, ``break="no"`` inside a word."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..models import Container, Emph, Foreign, Hi, Lb, Node, Note, Pb, Ptr, TeiHeader, Title
from .asterisks import scan
from .authority import Authority
from .marks import read_mark
from .notes import RawNote, anchor_index, pointer_index, signature_role, signer_key
from .spans import merge_strings, transform

#: ``_italic_``: underscores around text, not inside a word (``snake_case`` is no span).
_UNDERSCORED = re.compile(r"(?<![\w_])_(?=[^\s_])[^_]*?(?<=[^\s_])_(?![\w_])")


def plain(text: str) -> str:
    """``text`` without asterisks and private characters, spaces normalised."""
    kept = "".join(ch for ch in text if ch != "*" and ord(ch) < 0xE000)
    return " ".join(kept.split())


@dataclass
class InlineContext:
    """What the pass needs: the authority (titles, foreign phrases, note signers), the notes
    in anchor order, the header's parties by role, and counts of what it made."""

    authority: Authority
    notes: list[RawNote]
    resp: dict[str, str] = field(default_factory=dict)
    #: The header id for each note role (``author``, ``editors``, ``translator``), from the
    #: metadata; used for a signer the authority file does not name.
    roles: dict[str, str | None] = field(default_factory=dict)
    #: What ``*...*`` not named in the authority becomes: ``hi`` (italics) or ``emph``
    #: (the authority's setting ``italics``).
    italic: str = "hi"
    counts: dict[str, int] = field(default_factory=dict)
    _titles: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.resp:  # note signers (printed signature -> @resp), from the data
            self.resp = dict(self.authority.signers)
        for entry in self.authority.of_kind("bibl"):
            for form in entry.forms:
                self._titles[form] = entry

    def count(self, what: str) -> None:
        self.counts[what] = self.counts.get(what, 0) + 1

    def title_for(self, text: str) -> Any:
        return self._titles.get(text)


def parse(raw: str, ctx: InlineContext) -> list[Any]:
    """The content list for one raw string."""
    result = scan(raw) if "*" in raw else None
    found = result.spans if result is not None else []
    found += [("u", m.start(), m.end()) for m in _UNDERSCORED.finditer(raw)] if "_" in raw \
        else []
    spans = sorted(found, key=lambda s: (s[1], -s[2]))
    top: list[tuple[str, int, int]] = []
    for span in spans:
        if not top or span[1] >= top[-1][2]:
            top.append(span)
    out: list[Any] = []
    pos = 0
    for kind, start, end in top:
        out += _specials(raw[pos:start], ctx)
        width = 2 if kind == "b" else 1
        out.append(_span(kind, raw[start + width:end - width], ctx))
        pos = end
    out += _specials(raw[pos:], ctx)
    return merge_strings(out)


def _specials(text: str, ctx: InlineContext) -> list[Any]:
    out: list[Any] = []
    buf: list[str] = []
    for ch in text:
        index = anchor_index(ch)
        mark = read_mark(ch)
        node: Node | None = None
        if mark is not None:
            node = _milestone(mark.tag, mark.n, mark.in_word)
        elif pointer_index(ch) is not None:
            node = Ptr(target=f"#note{pointer_index(ch) + 1}")  # type: ignore[operator]
        elif index is not None:
            node = _note(index, ctx) if index < len(ctx.notes) else None
            if node is None:
                buf.append("*")
                continue
        if node is None:
            buf.append(ch)
            continue
        if buf:
            out.append("".join(buf))
            buf = []
        out.append(node)
    if buf:
        out.append("".join(buf))
    return out


def _milestone(tag: str, n: int | None, in_word: bool) -> Node:
    attrs: dict[str, str] = {"break_": "no"} if in_word else {}
    if tag == "lb":
        return Lb(**attrs)
    return Pb(n=str(n), **attrs) if n is not None else Pb(**attrs)


def _note(index: int, ctx: InlineContext) -> Note:
    raw = ctx.notes[index]
    ctx.count("note")
    return Note(*parse(raw.text, ctx), place=raw.place, n=raw.marker,
                resp=note_resp_of(raw.role, ctx),
                xml_id=f"note{index + 1}" if raw.pointed else None)


def is_signature(text: str, ctx: InlineContext) -> bool:
    """Whether italic ``text`` is a note's signature (``Translator's note.``): one the
    authority file names, or one whose role the convention gives."""
    key = signer_key(text)
    return bool(key) and (key in ctx.resp or signature_role(key) is not None)


def note_resp_of(key: str, ctx: InlineContext) -> str | None:
    """Who wrote a note signed ``key``: the authority file's signer if it names one, else the
    header's party in the role the signature states (``None``: nobody known)."""
    if key in ctx.resp:
        return ctx.resp[key] or None
    role = signature_role(key)
    return ctx.roles.get(role) if role else None


def _span(kind: str, inner: str, ctx: InlineContext) -> Node:
    content = parse(inner, ctx)
    text = plain(inner)
    entry = ctx.title_for(text)
    if entry is not None:
        ctx.count("title")
        return Title(*content, level=entry.level, ref=f"#{entry.id}", xml_lang=entry.lang)
    lang = ctx.authority.foreign.get(text)
    if lang is not None:
        ctx.count("foreign")
        return Foreign(*content, xml_lang=lang)
    if kind == "b":
        ctx.count("bold")
        return Hi(*content, rend="bold")
    if kind == "u" or ctx.italic == "hi" or is_signature(text, ctx):
        ctx.count("italic")
        return Hi(*content, rend="italic")
    ctx.count("emph")
    return Emph(*content)


def _needs_parse(text: str) -> bool:
    return "*" in text or "_" in text or any(ord(ch) >= 0xE000 for ch in text)


def apply_inline(root: Container, ctx: InlineContext) -> None:
    """Run the pass over every container below ``root`` (the header excluded)."""
    def fn(node: Container) -> list[Any]:
        out: list[Any] = []
        for item in node.content:
            if isinstance(item, str) and _needs_parse(item):
                out += parse(item, ctx)
            else:
                out.append(item)
        return merge_strings(out)

    transform(root, fn, skip=(TeiHeader,))


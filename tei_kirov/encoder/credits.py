"""Pass 0 (text -> text + credits): take the e-text producer's credits out of the text.

Lines that the maker of the electronic copy added, not the printer (``Produced by …``,
``Transcribed by …``, ``This book made available by the Internet Archive.``, a
``[Transcriber's note: …]``, a web address alone on a line, an e-text's notes on its source
(``Written: …`` / ``Source: …`` / ``Transcription/Markup: …``), a Project Gutenberg
preamble before its ``*** START`` line and licence after its ``*** END`` line), belong in
the header, never in the title or the body. Their lines are blanked, so every later line
keeps its number. The preamble's labelled fields (``Title:``, ``Author:``, ...; else its
first line, ``The Project Gutenberg EBook of TITLE, by AUTHOR``) and the notes'
``Translated:`` are kept as fields for the title page."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .blocks import Block, split_blocks

#: A block that opens like a producer's credit ("Produced by", "E-text prepared by").
_OPENS = re.compile(
    r"^\s*\[?\s*(?:(?:e-?text|e-?book|html(?: version)?|this (?:e-?text|e-?book|file))\s+"
    r"(?:was\s+|is\s+)?(?:produced|prepared|created|encoded|transcribed|converted)|produced|"
    r"transcribed|digiti[sz]ed|scanned|proof-?read|made available)\b[^\n]*\b(?:by|from|at|"
    r"for)\b", re.IGNORECASE)
#: Words only an e-text maker writes.
_WORDS = re.compile(
    r"project gutenberg|internet archive|distributed proof|\be-?texts?\b|\be-?books?\b|"
    r"electronic (?:book|edition|text|version|file)|transcriber'?s'? notes?|"
    r"scanned (?:by|from|at)|\bdigiti[sz]ed by|^\s*(?:https?://|www\.)\S+\s*$",
    re.IGNORECASE | re.MULTILINE)
_TRANSCRIBER = re.compile(r"^\s*\[?\s*transcriber'?s'? notes?\b", re.IGNORECASE)
_PG_START = re.compile(r"^\s*\*{3}\s*START OF (?:THE|THIS) PROJECT GUTENBERG", re.IGNORECASE)
_PG_END = re.compile(r"^\s*(?:\*{3}\s*END OF (?:THE|THIS) PROJECT GUTENBERG|End of (?:the )?"
                     r"Project Gutenberg)", re.IGNORECASE)
#: A labelled field of a Project Gutenberg preamble (``Title: …``, ``Author: …``).
_FIELD = re.compile(r"^(Title|Author|Editor|Translator|Language|Release Date):\s*(\S.*)$")
#: The first line of a Project Gutenberg preamble: ``The Project Gutenberg EBook of TITLE, by
#: AUTHOR`` (the author part may be missing).
_EBOOK_OF = re.compile(r"^\s*(?:The\s+)?Project Gutenberg(?:'s)?\s+(?:e-?(?:book|text),?\s+"
                       r"(?:of\s+)?)?(?P<title>.+?)(?:,\s+by\s+(?P<author>.+?))?\s*$",
                       re.IGNORECASE)


#: A field of an e-text's notes on its source (``Written: 1847``, ``Source: …``,
#: ``Transcription/Markup: …``), one a line.
_NOTE_FIELD = re.compile(
    r"^(?P<label>written|source|first published|published|publisher|delivered|translated|"
    r"translation|translator|transcribed|transcription(?:/markup)?|(?:html\s+)?markup|"
    r"proofed|proofread|online version|copyleft|public domain)(?:\s+by)?\s*:\s*"
    r"(?P<value>\S.*)$", re.IGNORECASE)
#: Labels only an e-text maker writes.
_ETEXT_LABEL = re.compile(r"^(?:transcri|(?:html\s+)?markup|proof|online|copyleft|public)",
                          re.IGNORECASE)


@dataclass
class Credit:
    """One credit block as printed in the file, and the line it starts on (1-based)."""

    text: str
    line: int


@dataclass
class Credits:
    """The credits taken out, and the labelled fields of a Project Gutenberg preamble."""

    items: list[Credit] = field(default_factory=list)
    fields: dict[str, str] = field(default_factory=dict)
    #: The line (1-based) where a block of the e-text's source notes begins, if any.
    notes_at: int | None = None


def is_prose(block: Block) -> bool:
    """A block of running text (not title-page lines or a list of contents): four lines or
    more of full width, one long line, or three lines or more holding two sentences."""
    lines = block.text.split("\n")
    return (len(lines) >= 4 and len(block.text) / len(lines) >= 55
            or any(len(line) > 120 for line in lines)
            or len(lines) >= 3 and len(re.findall(r"[.!?] +[A-Z]", block.text)) >= 2)


def is_credit(block: Block) -> bool:
    """Whether ``block`` reads like an e-text producer's credit or note."""
    return bool(_OPENS.match(block.text) or _TRANSCRIBER.match(block.text)
                or _WORDS.search(block.text)) or bool(note_fields(block))


def note_fields(block: Block) -> list[re.Match[str]]:
    """The fields of ``block`` when it is an e-text's notes on its source: two fields or
    more, at least half of its lines, one of them the e-text maker's (``Transcribed:``,
    ``Online Version:``); else nothing."""
    lines = block.text.split("\n")
    found = [m for m in (_NOTE_FIELD.match(ln.strip()) for ln in lines) if m]
    if len(found) >= 2 and 2 * len(found) >= len(lines) and \
            any(_ETEXT_LABEL.match(m.group("label")) for m in found):
        return found
    return []


def separate_credits(text: str) -> tuple[str, Credits]:
    """``text`` with its credit lines blanked, and the credits. Credits are looked for before
    the first block of running text, at the end of the text, and as bracketed transcriber's
    notes anywhere."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    found = Credits()
    taken: set[int] = set()
    start = next((i for i, ln in enumerate(lines) if _PG_START.match(ln)), None)
    if start is not None:
        taken.update(range(start + 1))
    end = next((i for i, ln in enumerate(lines) if i > (start or -1) and _PG_END.match(ln)),
               None)
    if end is not None:
        taken.update(range(end, len(lines)))
    found.fields = _fields(lines, sorted(taken))
    blocks = [b for b in split_blocks("\n".join(lines)) if b.line - 1 not in taken]
    for block in blocks:  # the front: up to the first block of running text
        if is_credit(block):
            taken.update(_span(block))
            _note_fields(block, found)
        elif is_prose(block):
            break
    for block in reversed(blocks):  # the end
        if not is_credit(block) or is_prose(block) and not _WORDS.search(block.text):
            break
        taken.update(_span(block))
    for block in blocks:  # bracketed transcriber's notes anywhere
        if _TRANSCRIBER.match(block.text) and block.text.lstrip().startswith("["):
            taken.update(_span(block))
    if not taken:
        return text, found
    for block in split_blocks("\n".join(lines[i] if i in taken else "" for i in
                                        range(len(lines)))):
        found.items.append(Credit(" ".join(block.text.split()), block.line))
    kept = "\n".join("" if i in taken else ln for i, ln in enumerate(lines))
    return kept, found


def _note_fields(block: Block, found: Credits) -> None:
    """Where the e-text's source notes begin, and the translator they name."""
    fields = note_fields(block)
    if not fields:
        return
    if found.notes_at is None:
        found.notes_at = block.line
    for m in fields:
        if m.group("label").lower().startswith("translat"):
            found.fields.setdefault("translator", m.group("value").strip(" ;,."))


def _fields(lines: list[str], taken: list[int]) -> dict[str, str]:
    """The labelled fields of the preamble lines ``taken``. A field continued on indented
    lines goes on there; the continuation of ``Title:`` is the subtitle, as Project
    Gutenberg prints it. Without ``Title:`` and ``Author:`` fields, the preamble's first line
    (``The Project Gutenberg EBook of TITLE, by AUTHOR``) gives them."""
    fields: dict[str, str] = {}
    for i in taken:
        m = _FIELD.match(lines[i].strip())
        if not m:
            continue
        key, more = m.group(1).lower(), []
        k = i + 1
        while k < len(lines) and lines[k][:1] in " \t" and lines[k].strip():
            more.append(lines[k].strip())
            k += 1
        if key == "title" and more:
            fields.setdefault("subtitle", " ".join(more))
            more = []
        fields.setdefault(key, " ".join([m.group(2).strip(), *more]))
    first = next((lines[i] for i in taken if lines[i].strip()), "")
    m = _EBOOK_OF.match(first)
    if m and "title" not in fields:
        fields["title"] = m.group("title").strip()
        if m.group("author") and "author" not in fields:
            fields["author"] = m.group("author").strip()
    return fields


def _span(block: Block) -> range:
    """The indexes (0-based) of ``block``'s lines."""
    return range(block.line - 1, block.line - 1 + block.text.count("\n") + 1)

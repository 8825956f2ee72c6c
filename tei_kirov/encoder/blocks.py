"""Pass 1 (text -> blocks): split the plain text into blocks at blank lines."""

from __future__ import annotations

import re
from dataclasses import dataclass

_BLANK = re.compile(r"\n[ \t]*\n+")


@dataclass
class Block:
    """A run of non-blank lines; ``line`` is where it starts in the source (1-based, for
    messages only)."""

    text: str
    line: int


def split_blocks(text: str, origin: list[int] | None = None) -> list[Block]:
    """The blocks of ``text``: runs of non-blank lines, each stripped of surrounding spaces.
    Line breaks inside a block are kept. ``origin`` gives the source line of each line of
    ``text`` when it was rewritten (:mod:`.ocr`), so blocks name source lines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    blocks: list[Block] = []
    pos = 0
    counted, newlines = 0, 0  # newlines before offset ``counted``, counted once, in order
    for chunk in _BLANK.split(text):
        start = text.find(chunk, pos) if chunk else pos
        pos = start + len(chunk)
        stripped = "\n".join(line.strip() for line in chunk.strip().split("\n"))
        if stripped:
            lead = len(chunk) - len(chunk.lstrip())
            newlines += text.count("\n", counted, start + lead)
            counted = start + lead
            line = newlines + 1
            if origin is not None and line <= len(origin):
                line = origin[line - 1]
            blocks.append(Block(stripped, line))
    return blocks

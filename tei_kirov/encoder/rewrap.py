"""Raw text pass: hard-wrapped lines rejoined into one line per paragraph.

Detection first: a text is hard-wrapped when its lines have a common measure (the 90th
percentile of line lengths is at most 100 characters) and most lines that another line of the
same paragraph follows fill at least 60% of that measure. A line break is undone after a word
split by a hyphen (the next line going on in lower case), and when the line before it fills
that much of the measure, the next line starts no list item and is not indented (a
paragraph's first line) where the line before is not, and the two lines are not both in
capitals (a head set on two lines). A break after a short line (verse, addresses, title
pages, the last line of a paragraph) stays, and so do the lines of a run set off by
indentation (a list, verse or block quotation). Where paragraphs are set apart by the
indentation of their first lines only (no blank line), a blank line is put between them. A
word hyphenated at a line end is joined (see :mod:`.hyphens`) with a line mark."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .furniture import runs_of
from .hyphens import Vocabulary, join_hyphenated, joins_word

_MEASURE_MAX = 100
_FILL = 0.6
_ITEM = re.compile(r"^\s*(?:[-–•·]\s|\d{1,3}[.)]\s|\([0-9a-z]{1,3}\)\s|[a-z][.)]\s)")


@dataclass
class Rewrap:
    """What the pass did: the measure found (``None``: not hard-wrapped), paragraphs
    rejoined, and the words joined at line ends."""

    measure: int | None = None
    paragraphs: int = 0
    words: list[str] = field(default_factory=list)
    compounds: list[str] = field(default_factory=list)


def measure(lines: list[str]) -> int | None:
    """The line measure of a hard-wrapped text, or ``None`` when it is not hard-wrapped."""
    lengths = sorted(len(line.strip()) for line in lines if line.strip())
    if len(lengths) < 20:
        return None
    width = lengths[int(0.9 * (len(lengths) - 1))]
    if width > _MEASURE_MAX:
        return None
    inner = [len(run.lines[i].strip()) for run in runs_of(lines, list(range(len(lines))))
             for i in range(len(run.lines) - 1)]
    if len(inner) < 0.3 * len(lengths):
        return None
    full = sum(1 for n in inner if n >= _FILL * width)
    return width if full >= 0.6 * len(inner) else None


def _joins(line: str, nxt: str, width: int) -> bool:
    """Whether the line break between ``line`` and ``nxt`` is a wrap inside a paragraph
    (not before an indented first line of a paragraph)."""
    if nxt[:1].isspace() and not line[:1].isspace():
        return False
    line, nxt = line.strip(), nxt.strip()
    if joins_word(line, nxt):
        return True
    if len(line) < _FILL * width or (_caps(line) and _caps(nxt)):
        return False
    return not _ITEM.match(nxt)


def _indented_paragraph(first: str, broken: str, line: str) -> bool:
    """Whether ``line`` opens a new paragraph by its indentation, in a run whose first line
    is indented the same way (paragraphs not set apart by blank lines)."""
    return line[:1].isspace() and not broken[:1].isspace() and first[:1].isspace()


def _caps(text: str) -> bool:
    return text.isupper()


def rejoin(lines: list[str], origin: list[int], vocab: Vocabulary,
           width: int) -> tuple[list[str], list[int], Rewrap]:
    """``lines`` with every wrapped line joined to the line before it."""
    report = Rewrap(measure=width)
    out: list[str] = []
    out_origin: list[int] = []
    for run in runs_of(lines, origin):
        if out:
            out += [""] * run.blanks
            out_origin += [run.origin[0]] * run.blanks
        if all(line[:1].isspace() for line in run.lines):
            out += run.lines  # set off by indentation: a list, verse or quotation
            out_origin += run.origin
            continue
        text, where = run.lines[0].rstrip(), run.origin[0]
        joined_any = False
        prev = text
        for line, line_origin in zip(run.lines[1:], run.origin[1:], strict=True):
            broken, prev = prev, line
            if not _joins(broken, line, width):
                out.append(text)
                out_origin.append(where)
                if _indented_paragraph(run.lines[0], broken, line):
                    out.append("")  # paragraphs set apart by indentation only
                    out_origin.append(line_origin)
                text, where = line.rstrip(), line_origin
                continue
            joined_any = True
            line = line.strip()
            found: list[str] = []
            joined = join_hyphenated(text, line, vocab, found=found)
            if joined is None:
                text = f"{text} {line}"
            else:
                text = joined
                (report.compounds if "-" in found[0] else report.words).append(found[0])
        out.append(text)
        out_origin.append(where)
        report.paragraphs += joined_any
    return out, out_origin, report

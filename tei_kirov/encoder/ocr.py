"""Pass 0 (text -> text): the raw OCR conventions undone before the text is cut into blocks.

Each step detects its convention first and leaves a text without it unchanged: page furniture
(:mod:`.furniture`), then hard wrapping (:mod:`.rewrap`). The result keeps, for every line,
the source line it comes from, so later passes can name source lines."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .furniture import Furniture, remove_furniture
from .hyphens import Vocabulary
from .report import Findings
from .rewrap import Rewrap, measure, rejoin


@dataclass
class Prepared:
    """The text ready for block splitting, the source line of each of its lines (1-based),
    and what was done."""

    text: str
    origin: list[int]
    furniture: Furniture = field(default_factory=Furniture)
    rewrap: Rewrap = field(default_factory=Rewrap)

    @property
    def pages_marked(self) -> bool:
        """Whether a paragraph cut by a blank line may have been cut by an unmarked page
        break: not when the page breaks were found here, nor in a hard-wrapped text (whose
        paragraphs a blank line ends)."""
        return self.furniture.paginated or self.rewrap.measure is not None

    def summary(self) -> list[str]:
        """One line per change made (empty when the text passed through unchanged)."""
        out: list[str] = []
        f, r = self.furniture, self.rewrap
        if f.paginated:
            out.append(f"page breaks: {len(f.pages)}; running heads removed: "
                       f"{len(f.running_heads)}; page numbers removed: {len(f.page_numbers)} "
                       f"({len(f.inferred)} read from the sequence); signature marks removed: "
                       f"{len(f.signatures)}; paragraphs rejoined across pages: {f.paragraphs}; "
                       f"words rejoined across pages: {len(f.words)}")
        if r.measure is not None:
            out.append(f"hard-wrapped at about {r.measure} characters: {r.paragraphs} "
                       f"paragraphs rejoined; words rejoined at line ends: {len(r.words)}; "
                       f"compounds kept hyphenated: {len(r.compounds)}")
        return out

    def add_findings(self, findings: Findings) -> None:
        """Every change, with its source line, added to ``findings`` (kinds ``furniture``
        and ``page``), for a reader to check."""
        f = self.furniture
        for line, text in f.running_heads:
            findings.add("furniture", line, text, note="running head removed")
        for line, text in f.page_numbers:
            findings.add("furniture", line, text, note="page number removed")
        for line, text in f.signatures:
            findings.add("furniture", line, text, note="signature mark removed")
        for line, text, n in f.inferred:
            findings.add("furniture", line, text, str(n), note="page number read from the sequence")
        for line, page in f.pages:
            findings.add("page", line, "page begins", str(page) if page is not None else "",
                         note="" if page is not None else "number unknown")


#: Characters XML 1.0 cannot hold (C0 controls but tab and line ends, U+FFFE, U+FFFF); a
#: form feed (a page end in ``pdftotext`` output) is read as a page break instead.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0e-\x1f\ufffe\uffff]")


def without_controls(text: str) -> tuple[str, int]:
    """``text`` without the control characters XML cannot hold, form feeds kept (see
    :func:`page_feeds`), and how many were removed."""
    return _FORBIDDEN.subn("", text)


def page_feeds(lines: list[str], origin: list[int]) -> tuple[list[str], list[int]]:
    """The lines with each form feed made a page gap (two blank lines, as OCR text sets
    pages apart), every line keeping its source line number."""
    if not any("\f" in line for line in lines):
        return lines, origin
    out: list[str] = []
    out_origin: list[int] = []
    for line, where in zip(lines, origin, strict=True):
        parts = line.split("\f")
        for k, part in enumerate(parts):
            if k:
                out += ["", ""]
                out_origin += [where, where]
            if part.strip() or (k == 0 and len(parts) == 1):
                out.append(part)
                out_origin.append(where)
    return out, out_origin


def prepare(text: str) -> Prepared:
    """Run the raw-text passes over ``text`` (any line ends; a form feed is a page end)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines, origin = page_feeds(text.split("\n"), list(range(1, text.count("\n") + 2)))
    width = measure(lines)
    vocab = Vocabulary.of(text)
    lines, origin, furniture = remove_furniture(lines, origin, width is not None, vocab)
    prepared = Prepared("", origin, furniture)
    if width is not None:
        lines, origin, prepared.rewrap = rejoin(lines, origin, vocab, width)
    prepared.text, prepared.origin = "\n".join(lines), origin
    return prepared

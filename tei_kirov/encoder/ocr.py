"""Pass 0 (text -> text): the raw OCR conventions undone before the text is cut into blocks.

Each step detects its convention first and leaves a text without it unchanged: page furniture
(:mod:`.furniture`), then hard wrapping (:mod:`.rewrap`). The result keeps, for every line,
the source line it comes from, so later passes can name source lines."""

from __future__ import annotations

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
        for line, n in f.pages:
            findings.add("page", line, "page begins", str(n) if n is not None else "",
                         note="" if n is not None else "number unknown")


def prepare(text: str) -> Prepared:
    """Run the raw-text passes over ``text`` (any line ends)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    origin = list(range(1, len(lines) + 1))
    width = measure(lines)
    vocab = Vocabulary.of(text)
    lines, origin, furniture = remove_furniture(lines, origin, width is not None, vocab)
    prepared = Prepared("", origin, furniture)
    if width is not None:
        lines, origin, prepared.rewrap = rejoin(lines, origin, vocab, width)
    prepared.text, prepared.origin = "\n".join(lines), origin
    return prepared

"""Reading the OCR's asterisks: ``*italic*``, ``**bold**`` and footnote markers (``*`` or
``**`` after a word, as in ``us.*``; ``America**`` = end of italics + marker; a dagger after a
word is a marker too)."""

from __future__ import annotations

from dataclasses import dataclass, field

#: Characters that may open an italic span right after the asterisk.
_OPENERS = "\"'“‘(["
#: Footnote markers other than asterisks.
DAGGERS = "†‡§"


@dataclass
class Scan:
    """What the asterisks of a string mean.

    ``spans``: (kind, start, end) with kind ``i`` or ``b``; start/end are the offsets of the
    opening and closing delimiter runs (start of the opening delimiter, offset after the
    closing one). ``markers``: (offset, length) of footnote markers. ``problems``: asterisks
    that fit no reading, and spans left open."""

    spans: list[tuple[str, int, int]] = field(default_factory=list)
    markers: list[tuple[int, int]] = field(default_factory=list)
    problems: list[int] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        """Only balanced italic/bold spans: no markers, nothing odd."""
        return not self.markers and not self.problems


def _opens(nxt: str) -> bool:
    return bool(nxt) and (nxt.isalnum() or nxt in _OPENERS)


def scan(text: str) -> Scan:
    """Classify every asterisk of ``text``. A run directly before a word opens a span; a run
    directly after text closes the open span; an asterisk after text with no span open (or
    the second of ``**`` closing italics) is a footnote marker."""
    result = Scan()
    italic: int | None = None
    bold: int | None = None
    i, n = 0, len(text)
    while i < n:
        if text[i] in DAGGERS and i and not text[i - 1].isspace():
            result.markers.append((i, 1))
        if text[i] != "*":
            i += 1
            continue
        j = i
        while j < n and text[j] == "*":
            j += 1
        prev = text[i - 1] if i else ""
        nxt = text[j] if j < n else ""
        after_text = bool(prev) and not prev.isspace()
        pos = i
        count = j - i
        while count > 0:
            if count >= 2 and bold is not None and after_text:
                result.spans.append(("b", bold, pos + 2))
                bold = None
                pos, count = pos + 2, count - 2
            elif italic is not None and after_text:
                result.spans.append(("i", italic, pos + 1))
                italic = None
                pos, count = pos + 1, count - 1
            elif count == 2 and italic is None and bold is None and _opens(nxt):
                bold = pos
                pos, count = pos + 2, count - 2
            elif count == 1 and italic is None and _opens(nxt) and not (
                    after_text and prev not in "—–-/([\"“‘'"):
                italic = pos
                pos, count = pos + 1, count - 1
            elif after_text and italic is None and bold is None and count <= 3:
                result.markers.append((pos, count))
                pos, count = pos + count, 0
            else:
                result.problems.append(pos)
                pos, count = pos + 1, count - 1
        i = j
    if italic is not None:
        result.problems.append(italic)
    if bold is not None:
        result.problems.append(bold)
    return result

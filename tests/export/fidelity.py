"""Does a text contain every word of the printed source, in order?

The source (``tei_kirov/data/kirov.txt``) has a paragraph per line and the footnotes
where the page ends; the text export puts the notes at the end. So the source is split
into running text and note paragraphs (a note paragraph is one that begins with the first
words of a note of the edition), and each part is matched, in order, against the matching
part of the export. Words are runs of letters and digits, compared case-insensitively; a
word split by a hyphen at a page end may appear joined; a printed word that the edition
corrects (its ``sic``/``orig``) may be missing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_WORD = re.compile(r"\w+")
_SPLIT = re.compile(r"(\w)-[ \t]*\n\s*(?=\w)")


def words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


@dataclass
class Report:
    checked: int = 0
    missing: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.missing


def split_source(source: str, note_starts: list[list[str]]) -> tuple[str, str]:
    """The running text and the note paragraphs of the source, each in order."""
    running, notes = [], []
    for para in re.split(r"\n\s*\n", source):
        head = words(para)[:6]
        is_note = bool(head) and any(start and head[: len(start)] == start
                                     for start in note_starts)
        (notes if is_note else running).append(para)
    return "\n\n".join(running), "\n\n".join(notes)


def contains_in_order(source: str, text: str, *, corrected: set[str] = frozenset(),
                      window: int = 80) -> Report:
    """Match the words of ``source`` in order in ``text``; each word may be found up to
    ``window`` words after the previous match (the export adds note numbers, supplied
    words...)."""
    report = Report()
    target = words(text)
    pos = 0
    for tokens in (_tokens(source),):
        for options in tokens:
            report.checked += 1
            found = _find(target, pos, options, window)
            if found is None:
                if any(all(w in corrected for w in opt) for opt in options):
                    continue
                context = " ".join(target[pos:pos + 8])
                report.missing.append(f"{' / '.join(' '.join(o) for o in options)!r} "
                                      f"(export at: {context!r})")
                if len(report.missing) > 20:
                    return report
                continue
            pos = found
    return report


def _tokens(para: str) -> list[list[list[str]]]:
    """Word alternatives: a word hyphenated across a line or page end may be read joined
    or as its two halves."""
    out: list[list[list[str]]] = []
    marked = _SPLIT.sub(lambda m: m.group(1) + "\x00", para)
    for chunk in re.split(r"(\w+\x00\s*\w+)", marked):
        if "\x00" in chunk:
            left, right = re.split(r"\x00\s*", chunk)
            joined = (left + right).casefold()
            out.append([[joined], [left.casefold(), right.casefold()]])
        else:
            out.extend([[w]] for w in words(chunk))
    return out


def _find(target: list[str], pos: int, options: list[list[str]], window: int) -> int | None:
    for option in options:
        n = len(option)
        for i in range(pos, min(len(target), pos + window)):
            if target[i:i + n] == option:
                return i + n
    return None

"""Does a text contain every word of another text, in order?

Used to check that the text export keeps every word of each paragraph of any document.
Words are runs of letters and digits, compared case-insensitively; a word split by a
hyphen at a line or page end may appear joined; a printed word that the edition corrects
(its ``sic``/``orig``) may be missing. (The showcase edition is checked more strictly
against its printed source with the encoder's own normalisation: test_export_text.py.)
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

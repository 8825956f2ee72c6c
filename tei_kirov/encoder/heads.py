"""Reading one block as a printed heading: numbered heads (``CHAPTER IV.``, ``Part Two``,
``III. Title``, ``12. Title``, ``A. Title``) and plain heads (short all-capitals or title-case
lines). The structure pass decides, from what follows, whether a candidate is a head."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

#: Words that label a numbered division, with the rank of the division they open (lower
#: ranks enclose higher ones).
WORD_RANK = {"part": 0, "book": 1, "volume": 0, "chapter": 2, "letter": 2, "lecture": 2,
             "essay": 2, "canto": 2, "article": 2, "sermon": 2, "section": 3}
_NUMBER_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                 "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
                 "eighteen", "nineteen", "twenty", "first", "second", "third", "fourth", "fifth",
                 "sixth", "seventh", "eighth", "ninth", "tenth"]
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
#: Words that may join the lines of a head set on separate lines (``PREFACE`` / ``TO`` /
#: ``THE SECOND EDITION.``).
CONNECTORS = frozenset({"to", "of", "on", "and", "or", "for", "in", "upon", "with"})
_SMALL = frozenset({"a", "an", "the", "and", "or", "of", "on", "in", "to", "for", "by", "at",
                    "with", "from", "as", "is", "but", "nor", "upon", "into", "its", "be",
                    "vs", "via", "de", "la", "le", "du", "von", "van", "der"})
ARABIC = re.compile(r"^(\d+)\.\s+(\S.*)$", re.S)
_ROMAN_HEAD = re.compile(r"^([IVXLCDM]+)\.\s+(\S.*)$", re.S)
#: A roman numeral alone on its line: the head of an untitled section (``II.``).
_ROMAN_ALONE = re.compile(r"^([IVXLC]{1,7})\.?$")
#: The head of a notes section at the end of the text (``NOTES``, ``Notes``, ``END NOTES``).
NOTES_HEAD = re.compile(r"^(?:(?:END|FOOT)\s?NOTES|(?:End|Foot)?[Nn]otes|NOTES)\.?$")
_LETTER_HEAD = re.compile(r"^([A-Z])\.\s+(\S.*)$", re.S)
#: A line naming the author: ``By Thomas Paine``, ``BY JOHN REED``.
BY_LINE = re.compile(r"^(?:by|By|BY)\s+\S")
_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’.-]*,?|and|&|de|van|von|der|la|le)$")
_WORD_HEAD = re.compile(
    r"^(?P<word>[A-Za-z]+)\.?\s+(?P<num>[IVXLCDM]+|[ivxlcdm]+|\d+|[A-Z]|[A-Za-z]+)"
    r"(?:\s*[.:—–-]+\s*|\s+|$)(?P<title>.*)$", re.S)


@dataclass(frozen=True)
class HeadForm:
    """A numbered head as printed: its kind (a label word such as ``chapter``, or
    ``roman``, ``arabic``, ``alpha``), its number, and the title printed after it."""

    kind: str
    number: int
    title: str

    @property
    def div_type(self) -> str:
        return self.kind if self.kind in WORD_RANK else "section"


def roman_value(text: str) -> int | None:
    """The value of a roman numeral (``XIV`` -> 14), or ``None``."""
    low = text.lower()
    if not low or any(ch not in _ROMAN for ch in low):
        return None
    total = 0
    for k, ch in enumerate(low):
        value = _ROMAN[ch]
        total += -value if k + 1 < len(low) and _ROMAN[low[k + 1]] > value else value
    return total


def _number(token: str) -> int | None:
    if token.isdigit():
        return int(token)
    if token.lower() in _NUMBER_WORDS:
        index = _NUMBER_WORDS.index(token.lower())
        return index + 1 if index < 20 else index - 19
    value = roman_value(token)
    if value is not None:
        return value
    if len(token) == 1 and token.isupper():
        return ord(token) - ord("A") + 1
    return None


def _label_word(word: str) -> str | None:
    """The label word ``word`` stands for: exact (``Chapter``, ``CHAPTER``) or, in capitals,
    misread by one letter (``CHAPTEE``)."""
    if not (word.istitle() or word.isupper()):
        return None
    return known_word(word, WORD_RANK)


def known_word(word: str, known: Iterable[str]) -> str | None:
    """The word of ``known`` (lower case) that ``word`` is: the same, or, for a word of six
    or more capitals, misread by one letter (``CHAPTEE``, ``PEEFACE``)."""
    low = word.lower()
    words = list(known)
    if low in words:
        return low
    if word.isupper() and len(word) >= 6:
        for name in words:
            if len(name) == len(low) and sum(a != b for a, b in zip(name, low, strict=True)) == 1:
                return name
    return None


def _clean(text: str) -> str:
    return text.replace("_", "").replace("*", "").strip()


def _short(text: str, limit: int = 150) -> bool:
    return len(text) <= limit and text.count("\n") <= 1


def word_head(text: str) -> HeadForm | None:
    """``CHAPTER IV.``, ``Chapter 4: Title``, ``PART TWO``, ``Book I. Title`` ..."""
    core = _clean(text)
    if not _short(core, 120):
        return None
    m = _WORD_HEAD.match(core)
    if m is None or _label_word(m.group("word")) is None:
        m = _after_noise(core)
    if m is None:
        return None
    kind = _label_word(m.group("word"))
    number = _number(m.group("num"))
    if kind is None or number is None:
        return None
    title = m.group("title").strip()
    if title and (title[0].islower() or title[-1] in ",;"):
        return None
    return HeadForm(kind, number, title)


def _after_noise(core: str) -> re.Match[str] | None:
    """A labelled head at the end of a line whose start is OCR noise (stray letters and
    digits, as a library stamp leaves them): ``SC H 0 0 L 0 f i CHAPTER IX.``"""
    m = re.search(r"\s([A-Z]{4,}\s+[IVXLCDM]+\.?)$", core)
    if m is None:
        return None
    noise = core[:m.start()].split()
    if not noise or sum(len(t) <= 2 for t in noise) < 0.7 * len(noise):
        return None
    return _WORD_HEAD.match(m.group(1))


def numbered_head(text: str) -> HeadForm | None:
    """``III. TITLE``, ``12. Title``, ``A. Title``: a number, a stop and a short title that
    reads as a title (capital first, no closing comma or semicolon); or a roman numeral
    alone (``IV.``), a section without a title."""
    core = _clean(text)
    if not _short(core) or core.rstrip()[-1:] in ";,:—":
        return None
    alone = _ROMAN_ALONE.match(core)
    if alone is not None:
        number = roman_value(alone.group(1))
        return HeadForm("roman", number, "") if number else None
    for kind, pattern in (("arabic", ARABIC), ("roman", _ROMAN_HEAD), ("alpha", _LETTER_HEAD)):
        m = pattern.match(core)
        if not m:
            continue
        title = m.group(2)
        if "\n" in core and not title.replace("\n", " ").isupper():
            return None
        if not title[:1].isupper() or "—" in core[:40]:
            return None
        if kind == "alpha" and (title.isupper() and " " not in title.strip(" .")):
            return None  # an initial and a surname: ``A. WRITER``
        number = int(m.group(1)) if kind == "arabic" else _number(m.group(1))
        if number is None:
            continue
        return HeadForm(kind, number, title)
    return None


def is_section_head(text: str) -> bool:
    """A numbered heading ``12. The Inevitability ...`` (one line, not a list item)."""
    form = numbered_head(text)
    return form is not None and form.kind == "arabic" and "\n" not in text


def is_caps(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def is_title_case(text: str) -> bool:
    """Every word that is not a small word opens with a capital (the first one too)."""
    words = re.findall(r"[A-Za-z][\w'’-]*", text)
    if not words or not words[0][0].isupper():
        return False
    return all(w[0].isupper() or w.lower() in _SMALL for w in words)


def plain_head(text: str) -> bool:
    """A line that may be a head: short, in capitals or title case, not a sentence, not a
    byline."""
    core = _clean(text)
    if is_byline(core):
        return False
    lines = core.split("\n")
    if len(lines) > 2 or len(core) > 110 or any(len(line) > 80 for line in lines):
        return False
    words = core.split()
    if not words or len(words) > 20 or sum(ch.isalpha() for ch in core) < 3:
        return False
    last = core[-1]
    if last in ",;:!—–-" or lines[-1][-1:] in ",;:":
        return False
    if is_byline(core):
        return False  # the author's name on a title page
    if words[-1].lower().strip(".") in _SMALL and len(words) > 1:
        return False  # ``Translated by``: the line goes on in the next block
    if is_caps(core):
        return not words[-1].isdigit()  # a running head with its page number
    if len(words) > 14 or not is_title_case(core) or re.search(r"[a-z]\. [A-Z]", core):
        return False
    return last != "." and (len(lines) == 1 or _wrapped(lines))


def _wrapped(lines: list[str]) -> bool:
    """Whether two lines in ordinary case are one title wrapped (``The Blossom and`` /
    ``the Frost``), not two lines of verse that each open with a capital: the first ends
    with a small word or the second goes on in lower case."""
    last = lines[0].split()[-1].lower() if lines[0].split() else ""
    return last in _SMALL or lines[1].lstrip()[:1].islower()


def is_byline(text: str) -> bool:
    """A line naming who wrote the text: ``by`` and a name (capitalised words or initials,
    joined by ``and``; degrees after a comma), as ``By Martha Quill``, ``BY H. G. WELLS`` or
    ``By GEORGE M. BEARD, M. D.``. A small word in capitals makes it a title (``BY THE
    RIVER``)."""
    core = " ".join(_clean(text).split()) if "\n" not in _clean(text) else ""
    if not core or not BY_LINE.match(core):
        return False
    names = core.split(",")[0].split()[1:]
    if any(w.isupper() and w.lower() in _SMALL for w in names):
        return False
    return 0 < len(names) <= 8 and all(_NAME_WORD.match(w) for w in names)


def is_connector(text: str) -> bool:
    """A block that only joins the lines of a head: ``TO``, ``OF``, ``AND``."""
    return _clean(text).lower().strip(".") in CONNECTORS


def is_subtitle(text: str) -> bool:
    """A line set entirely in italics (``*...*`` or ``_..._``; a note anchor may follow)."""
    core = "".join(ch for ch in text if ord(ch) < 0xE000).strip()
    return bool(re.fullmatch(r"\*[^*\n]+\*|_[^_\n]+_", core))


def normal_form(text: str) -> str:
    """Letters only, in capitals: how running heads and contents entries are compared."""
    return "".join(ch for ch in text.upper() if ch.isalpha())

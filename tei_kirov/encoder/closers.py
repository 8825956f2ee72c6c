"""Openers and closers of a piece (a letter, preface or article): datelines, salutations,
signatures and valedictions, each read off one short block."""

from __future__ import annotations

import re
from typing import Any

from ..models import Closer, Dateline, Lb, Opener, Salute, Signed

MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|"
          "December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec")
#: A dateline: an optional place and comma, then month day, year (or day month year).
DATE_LINE = re.compile(
    rf"^(?:[A-Z][\w .,'’-]*,\s*)?(?:(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTHS})\.?,?\s+\d{{4}})\.?$", re.I)
#: A signature in capitals: ``LEON TROTSKY``, ``WM. LLOYD GARRISON``.
SIGNATURE = re.compile(r"^[A-Z][A-Z.'’ -]*[A-Z.]$")
SALUTE = re.compile(r"^(?:My\s+)?(?:(?:Very\s+)?Dear(?:est)?\b[^.!?]{0,40}|Sir|Madam|"
                    r"Gentlemen|Friends?)[:,]$", re.I)
VALEDICTION = re.compile(r"^(?P<salute>.*?\b(?:Yours|Your\s+\w+\s+friend|Faithfully|"
                         r"Sincerely|Respectfully|Affectionately)\b[^,]{0,30},)\s+"
                         r"(?P<name>[A-Z][A-Za-z.'’ -]+)$", re.S)


def _plain(text: str) -> str:
    return text.replace("_", "").replace("*", "").strip()


def is_dateline(text: str) -> bool:
    return "\n" not in text and bool(DATE_LINE.match(_plain(text)))


def is_signature(text: str) -> bool:
    """A name in capitals with at least two words."""
    return "\n" not in text and " " in text.strip() and bool(SIGNATURE.match(text.strip()))


def is_salute(text: str) -> bool:
    return "\n" not in text and bool(SALUTE.match(_plain(text)))


def split_signed_dateline(text: str) -> tuple[str, str] | None:
    """``WM. LLOYD GARRISON BOSTON, _May_ 1, 1845.``: a signature and a dateline printed on
    one line, or ``None``."""
    if "\n" in text:
        return None
    words = text.split(" ")
    for k in range(len(words) - 2, 1, -1):  # the longest signature: places are short
        left, right = " ".join(words[:k]), " ".join(words[k:])
        if is_signature(left) and is_dateline(right):
            return left, right
    return None


def closer_parts(text: str) -> list[Any] | None:
    """The closer content ``text`` makes on its own (a dateline, a signature with a
    dateline, or a valediction with a signature), or ``None``."""
    pair = split_signed_dateline(text)
    if pair is not None:
        return [Signed(pair[0]), " ", Dateline(pair[1])]
    if is_dateline(text):
        return [Dateline(text)]
    m = VALEDICTION.match(text)
    if m and "\n" not in text and len(text) < 120 and m.group("name").split()[-1].isupper():
        return [Salute(m.group("salute")), " ", Signed(m.group("name"))]
    return None


#: A name signed in ordinary case, with a comma (``Berkeley Hill,``).
NAME_COMMA = re.compile(r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3},$")
#: An address under a signature (``55 Wimpole Street.``).
ADDRESS = re.compile(r"^\d{1,4}[A-Za-z]?,?\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}\.?$")


def _signed_addresses(blocks: list[str]) -> tuple[int, Closer] | None:
    """One or two signers, each a name with a comma and an address line."""
    k = len(blocks)
    parts: list[Any] = []
    while k >= 2 and len(parts) < 8 and NAME_COMMA.match(blocks[k - 2].strip()) and \
            ADDRESS.match(blocks[k - 1].strip()):
        parts[:0] = [Signed(blocks[k - 2]), " ", Dateline(blocks[k - 1]), " "]
        k -= 2
    return (len(blocks) - k, Closer(*parts[:-1])) if parts else None


def closer_at_end(blocks: list[str]) -> tuple[int, Closer] | None:
    """The closer that ends ``blocks``: how many blocks it takes and the element. Its
    parts may stand in blocks of their own or on the lines of the last block."""
    found = _closer_blocks(blocks)
    if found is not None or not blocks or "\n" not in blocks[-1]:
        return found
    lines = [line.strip() for line in blocks[-1].split("\n")]
    if len(lines) > 3:
        return None
    by_line = _closer_blocks([*blocks[:-1], *lines])
    if by_line is None or by_line[0] != len(lines):
        return None
    parts: list[Any] = []
    for part in by_line[1].content:  # the lines stay apart: a line break between parts
        if parts and not isinstance(part, str) and not isinstance(parts[-1], str):
            parts += ["\n", Lb()]
        parts.append(part)
    return 1, Closer(*parts)


def _closer_blocks(blocks: list[str]) -> tuple[int, Closer] | None:
    """The closer made of the last blocks of ``blocks``, each block one part."""
    signed = _signed_addresses(blocks)
    if signed is not None:
        return signed
    if len(blocks) >= 2 and is_signature(blocks[-2]) and is_dateline(blocks[-1]):
        return 2, Closer(Signed(blocks[-2]), Dateline(blocks[-1]))
    if len(blocks) >= 2 and VALEDICTION_ALONE.match(blocks[-2].strip()) and (
            is_signed_name(blocks[-1]) or NAME.match(blocks[-1].strip())):
        return 2, Closer(Salute(blocks[-2]), Signed(blocks[-1]))
    if blocks:
        parts = closer_parts(blocks[-1])
        if parts is not None:
            return 1, Closer(*parts)
    if len(blocks) >= 2 and is_signed_name(blocks[-1]) and \
            blocks[-2].rstrip(" _*")[-1:] in ".!?\"”":
        return 1, Closer(Signed(blocks[-1]))
    return None


#: A valediction on a line of its own: ``Yours truly,``, ``Faithfully yours,``.
VALEDICTION_ALONE = re.compile(
    r"^(?:[A-Z][a-z]+\s+){0,3}(?:yours|Yours)(?:\s+\w+){0,3},$|"
    r"^(?:Faithfully|Sincerely|Respectfully|Affectionately),$|"
    r"^Your\s+(?:[a-z]+\s+){0,3}(?:friend|servant|sister|brother|son|daughter|wife|husband|"
    r"father|mother|cousin|colleague|comrade)s?,$")
#: A name in ordinary case under a valediction (``John Marsh.``, ``J. S. Mill``).
NAME = re.compile(r"^[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3}\.?$")
#: Words that are no part of a signed name (``THE END``).
_NOT_NAMES = frozenset({"THE", "END", "FINIS", "AND", "OF", "TO", "A", "AN", "IN", "NOTES",
                        "NOTE", "CONTENTS", "INDEX", "APPENDIX"})


def is_signed_name(text: str) -> bool:
    """A signature standing alone under a piece: a name in capitals (two to four words,
    ``AGNES WHITLOW``) or initials (``A. W.``, ``J. S. M.``)."""
    core = _plain(text)
    if not is_signature(core):
        return False
    words = core.split()
    if re.fullmatch(r"(?:[A-Z]\.\s?){2,4}", core):
        return True
    return 2 <= len(words) <= 4 and not any(w.strip(".") in _NOT_NAMES for w in words) and \
        all(len(w.strip(".")) >= 2 or w.endswith(".") for w in words)


def opener_at_start(blocks: list[str]) -> tuple[int, Opener] | None:
    """A dateline and/or salutation opening a letter."""
    parts: list[Any] = []
    k = 0
    if k < len(blocks) and is_dateline(blocks[k]):
        parts.append(Dateline(blocks[k]))
        k += 1
    if k < len(blocks) and is_salute(blocks[k]):
        parts.append(Salute(blocks[k]))
        k += 1
    if not any(isinstance(p, Salute) for p in parts):
        return None
    return k, Opener(*parts)

"""Words hyphenated at a line or page end: rejoined, or kept as true compounds.

The text's own vocabulary decides: a word printed solid elsewhere is joined; one printed
hyphenated elsewhere (and never solid) keeps its hyphen, and so does a capitalised word
after a capitalised word or a prefix (``Great-`` / ``Britain``, ``anti-`` / ``Semitic``; not
a word in capitals split across two lines of capitals, ``INTRO-`` / ``DUCTION``); an unknown
word keeps its hyphen only after a compounding prefix (``self-``, ``anti-`` ...)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .marks import LB_WORD

#: Prefixes that make a true compound: the hyphen stays when a word breaks after them.
COMPOUND_PREFIXES = frozenset({"self", "counter", "anti", "non", "quasi", "semi", "ultra", "neo"})
#: Prefixes that make a compound with a name: ``ex-President``, ``pro-British``.
NAME_PREFIXES = frozenset({"ex", "pro", "un", "mid", "trans", "pre", "post", "pan", "sub",
                           "inter", "all"})

_WORD = re.compile(r"\w+")
#: Words joined by hyphens inside a line (not at its end): ``well-known``, ``well-to-do``.
_INNER = re.compile(r"\w+(?:-\w+)+(?!-)")
#: Hyphens a line may end with: the hyphen-minus, the soft hyphen, and the not sign that some
#: OCR engines print for a line-end hyphen.
HYPHENS = ("-", "\u00ad", "\u00ac")
#: A line ending in a word fragment and its hyphen.
LINE_END = re.compile(r"(\w+)[-\u00ad\u00ac]$")


@dataclass
class Vocabulary:
    """The words of a text (lower case) and the hyphenated pairs printed inside its lines."""

    solid: set[str] = field(default_factory=set)
    hyphened: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, text: str) -> Vocabulary:
        lower = text.lower()
        pairs: set[str] = set()
        for chain in _INNER.findall(lower):
            parts = chain.split("-")
            pairs.update(f"{a}-{b}" for a, b in zip(parts, parts[1:], strict=False))
        return cls(set(_WORD.findall(lower)), pairs)

    def is_compound(self, first: str, second: str) -> bool:
        """Whether ``first-second`` keeps its hyphen."""
        a, b = first.lower(), second.lower()
        if a + b in self.solid:
            return False
        return f"{a}-{b}" in self.hyphened or a in COMPOUND_PREFIXES or \
            capitalised(first, second)


def capitalised(first: str, second: str) -> bool:
    """Whether ``second`` goes on ``first-`` with a capital that marks a compound of names
    (``Great-Britain``, ``anti-Semitic``): a capitalised word (a capital, then a small letter;
    not a word in capitals, ``INTRO-DUCTION``, nor a letter alone, such as a signature mark)
    after a capitalised word or a prefix (not ``said-`` / ``The``, a dash before a
    sentence)."""
    if not (second[:1].isupper() and second[1:2].islower()):
        return False
    return first[:1].isupper() or first.lower() in COMPOUND_PREFIXES | NAME_PREFIXES


def joins_word(first: str, second: str) -> re.Match[str] | None:
    """The hyphenated fragment ending ``first`` when ``second`` goes on with the rest of the
    word (a lower-case letter) or with the next part of a compound of names (a capital after
    a hyphen, see :func:`capitalised`), or ``None``."""
    if not first.endswith(HYPHENS):
        return None
    m = LINE_END.search(first[-80:])
    if m is None or m.group(1).isdigit():
        return None
    rest = _WORD.match(second)
    if second[:1].islower() or (first.endswith("-") and rest is not None
                                and capitalised(m.group(1), rest.group(0))):
        return m
    return None


def join_hyphenated(first: str, second: str, vocab: Vocabulary, mark: str = LB_WORD,
                    found: list[str] | None = None) -> str | None:
    """``first`` and ``second`` joined at the word split between them, ``mark`` where the
    break was (the hyphen dropped unless the word is a compound); ``None`` when ``first``
    does not end in a split word. ``found`` collects the words as joined."""
    m = joins_word(first, second)
    if m is None:
        return None
    rest = _WORD.match(second)
    fragment = m.group(1)
    tail = rest.group(0) if rest else ""
    if first.endswith("-") and vocab.is_compound(fragment, tail):
        joined, word = first + mark + second, f"{fragment}-{tail}"
    else:
        joined, word = first[:-1] + mark + second, fragment + tail
    if found is not None:
        found.append(word)
    return joined

"""Which blocks are heads: candidates from :mod:`.heads`, kept only where what follows
confirms them (running text, a numbered head they enclose, a letter's opener), and not
when they are running heads (printed again, by a page number, a chapter title repeated);
numbered runs that are lists; the contents list."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher

from .closers import is_dateline, is_signature, opener_at_start
from .heads import (
    ARABIC,
    HeadForm,
    is_byline,
    is_caps,
    is_connector,
    is_subtitle,
    normal_form,
    numbered_head,
    plain_head,
    word_head,
)
from .marks import visible
from .report import Findings

CONTENTS = re.compile(r"^(?:TABLE OF )?CONTENTS\.?$", re.I)


@dataclass
class HeadAt:
    """An accepted head: the blocks it spans, its numbered form (if any), its rank."""

    start: int
    end: int
    form: HeadForm | None
    rank: float = 0.0
    parent_of_next: bool = False
    letter: bool = False


def is_prose(text: str) -> bool:
    text = visible(text)
    return len(text) > 80 and bool(re.search(r"[.!?]", text))


def is_sentence(text: str) -> bool:
    """Running text rather than a title: several words and closing punctuation."""
    text = visible(text)
    return len(text.split()) >= 6 and text.rstrip(" *_")[-1:] in ".!?:;\"”)"


def body_text(text: str) -> bool:
    return is_prose(text) or is_sentence(text)


def tail_is_colon(text: str) -> bool:
    return text.rstrip(" *").endswith(":")


def find_contents(texts: list[str]) -> tuple[int, int] | None:
    """A contents list: its head and the entries after it, up to running text or the first
    entry printed again (the text itself begins)."""
    for k, text in enumerate(texts[:60]):
        if not CONTENTS.match(text.strip()):
            continue
        seen: set[str] = set()
        j = k + 1
        while j < len(texts) and not body_text(texts[j]) or (
                j < len(texts) and "\n" in texts[j] and not is_prose(texts[j].replace("\n", " "))):
            key = normal_form(texts[j])
            if key in seen or _set_apart(texts, k + 1, j) or _heads_text(texts, k + 1, j):
                break
            seen.add(key)
            j += 1
            if j - k > 200:
                break
        return (k, j) if j > k + 1 else None
    return _unheaded_contents(texts)


def _unheaded_contents(texts: list[str]) -> tuple[int, int] | None:
    """A contents list printed without its head: two or more numbered heads in a row
    (``CHAPTER I. The Quay`` / ``CHAPTER II. The Pilots``), nothing between them, and
    then the first of them printed again where the text begins."""
    for k, text in enumerate(texts[:60]):
        first = _entry_form(text)
        if first is None:
            continue
        j = k + 1
        while j < len(texts) and (form := _entry_form(texts[j])) is not None and \
                form.kind == first.kind and form.number != first.number:
            j += 1
        again = _entry_form(texts[j]) if j < len(texts) else None
        if j - k >= 2 and again is not None and again.kind == first.kind and \
                again.number == first.number:
            return k, j
        return None
    return None


def _entry_form(text: str) -> HeadForm | None:
    """The numbered head a one-line block prints, if any."""
    return None if "\n" in text else word_head(text) or numbered_head(text)


def _set_apart(texts: list[str], first: int, j: int) -> bool:
    """Whether the block at ``j`` is set apart from the contents entries before it: the
    entries were printed line under line (blocks of several lines) and ``j`` is a single
    line, as a dedication or a preface head after the contents is."""
    return j > first and "\n" not in texts[j] and all("\n" in t for t in texts[first:j])


def _heads_text(texts: list[str], first: int, j: int) -> bool:
    """Whether the single line at ``j``, after some contents entries, is the head of the
    running text that follows it (no entry is followed by prose)."""
    return j > first and "\n" not in texts[j] and j + 1 < len(texts) and \
        body_text(texts[j + 1])


def _alike_count(key: str, candidates: Counter[str]) -> int:
    """How many candidate lines read as ``key`` (the same, or misread: 80% alike)."""
    return sum(n for c, n in candidates.items()
               if abs(len(c) - len(key)) <= len(key) // 4 + 1 and _similar(key, c))


def _similar(a: str, b: str) -> bool:
    return a == b or (len(a) > 5 and SequenceMatcher(None, a, b).ratio() >= 0.8)


def find_heads(texts: list[str], toc: tuple[int, int] | None, lines: list[int],
           findings: Findings, running_heads: Iterable[str] = ()) -> list[HeadAt]:
    """The heads among ``texts``; ``running_heads`` are page heads already taken out of the
    text, still evidence that a line like them is a running head, not a heading."""
    n = len(texts)
    skip = set(range(*toc)) if toc else set()
    counts: dict[str, int] = {}
    for k, text in enumerate(texts):
        if k not in skip:
            counts[normal_form(text)] = counts.get(normal_form(text), 0) + 1
    numbered = [numbered_head(t) if k not in skip else None for k, t in enumerate(texts)]
    words = [word_head(t) if k not in skip else None for k, t in enumerate(texts)]
    in_list = _list_runs(texts, numbered)
    printed_titles = _printed_titles(texts, words, numbered)
    candidates = Counter(normal_form(t) for k, t in enumerate(texts)
                         if k not in skip and plain_head(t))
    for text in running_heads:
        key = normal_form(text)
        counts[key] = counts.get(key, 0) + 1
        candidates[key] += 1
    heads: list[HeadAt] = []
    # a byline under a head signs a piece in a collection (several bylines), or one
    # after running text; a single byline on top is the title page's
    bylines = sum(1 for t in texts if is_byline(t))
    first_text = next((k for k, t in enumerate(texts) if body_text(t)), n)
    last_of_kind: dict[str, int] = {}
    accepted: list[str] = []
    k = 0
    while k < n:
        if k in skip:
            k += 1
            continue
        text = texts[k]
        form = words[k]
        if form is not None:
            end = k + 1
            end += _title_blocks(texts, end, form, words, numbered)
            heads.append(HeadAt(k, end, form))
            k = end
            continue
        form = numbered[k]
        if form is not None and k not in in_list and not (k and tail_is_colon(texts[k - 1])):
            expected = last_of_kind.get(form.kind, 0) + 1
            followed = k + 1 < n and (form.kind == "arabic" or body_text(texts[k + 1])
                                      or numbered[k + 1] is not None
                                      or words[k + 1] is not None)
            in_order = form.kind == "arabic" or form.number in (1, expected)
            if followed and in_order and _strong(form, False) and (
                    "\n" not in text or form.kind != "arabic"):
                last_of_kind[form.kind] = form.number
                heads.append(HeadAt(k, k + 1, form))
                k += 1
                continue
        if plain_head(text) and not is_dateline(text) and not _runs_on(texts, k):
            end = k + 1
            while end + 1 < n and is_connector(texts[end]) and plain_head(texts[end + 1]):
                end += 2
            signed = end < n and is_byline(texts[end]) and k > 0 and (
                bylines > 1 or k > first_text)
            nxt = end + 1 if end < n and (is_subtitle(texts[end]) or signed) else end
            child = nxt < n and (words[nxt] is not None or _strong(numbered[nxt], nxt in in_list))
            letter = nxt < n and opener_at_start(texts[nxt:nxt + 2]) is not None
            body = nxt < n and numbered[nxt] is None and (body_text(texts[nxt]) or letter)
            if body and (is_signature(text) or len(text.split()) == 1 and is_caps(text)) and \
                    re.match(r"P\.\s?S\.", texts[nxt]):
                body = False  # a signature before a postscript
            if is_signature(text) and not body:
                k += 1
                continue
            key = normal_form(" ".join(texts[k:end]))
            repeated = counts.get(key, 0) > 1 or _alike_count(key, candidates) > 1 \
                or any(_similar(key, t) for t in printed_titles) \
                or _folio(texts[k - 1] if k else "") or _folio(texts[nxt] if nxt < n else "")
            again = any(_similar(key, a) for a in accepted)
            if (child and not again) or (body and not repeated):
                accepted.append(key)
                heads.append(HeadAt(k, end, None, parent_of_next=child, letter=letter))
                k = nxt
                continue
            if len(text) > 3:
                note = ("repeated line (a running head?) kept as a paragraph" if repeated
                        else "short line not followed by text, kept as a paragraph")
                findings.add("uncertain", lines[k], text, note=note)
        k += 1
    return heads


#: Quotation marks that open a spoken line.
QUOTES_OPEN = "\"“‘'"


def _runs_on(texts: list[str], k: int) -> bool:
    """Whether the short line at ``k`` belongs to the running text around it rather than
    heading what follows: the block before it ends with a comma, colon or semicolon (the
    line goes on from it: ``Yours truly,`` / the signature), or it stands between two
    spoken lines (a shout in a dialogue), or it is itself in quotation marks."""
    if texts[k].lstrip(" _*")[:1] in QUOTES_OPEN:
        return True
    if k == 0:
        return False
    before = texts[k - 1].rstrip(" _*")
    if before[-1:] in ",:;":
        return True
    after = texts[k + 1] if k + 1 < len(texts) else ""
    return before.lstrip(" _*")[:1] in QUOTES_OPEN and after.lstrip(" _*")[:1] in QUOTES_OPEN


_FOLIO = re.compile(r"^\W{0,2}[0-9IVXLivxl]{1,4}\W{0,2}$")


def _folio(text: str) -> bool:
    """A page number on a line of its own."""
    return bool(_FOLIO.match(text.strip()))


def _title_blocks(texts: list[str], k: int, form: HeadForm, words: list[HeadForm | None],
                  numbered: list[HeadForm | None]) -> int:
    """How many blocks after a labelled head (``CHAPTER I.``) print its title: one short
    line, or two when the first ends in a comma."""
    if form.title or k >= len(texts):
        return 0

    def titleish(text: str) -> bool:
        return words[k] is None and numbered[k] is None and (
            is_caps(text) or not body_text(text))

    first = texts[k]
    if plain_head(first) and titleish(first):
        return 1
    if first.rstrip().endswith(",") and k + 1 < len(texts) and plain_head(
            first.rstrip(",") + " X") and plain_head(texts[k + 1]) and titleish(texts[k + 1]):
        return 2
    return 0


def _printed_titles(texts: list[str], words: list[HeadForm | None],
                    numbered: list[HeadForm | None]) -> list[str]:
    """The titles printed with labelled and numbered heads (running heads repeat them)."""
    found: list[str] = []
    for k, form in enumerate(words):
        if form is not None:
            n = _title_blocks(texts, k + 1, form, words, numbered)
            found.append(normal_form(form.title or " ".join(texts[k + 1:k + 1 + n])))
    found += [normal_form(f.title) for f in numbered if f is not None]
    return [t for t in found if t]


def _strong(form: HeadForm | None, listed: bool) -> bool:
    """A numbered head that may open a division under a plain head."""
    if form is None or listed:
        return False
    return form.kind != "alpha" or len(form.title.split()) >= 2


def _list_runs(texts: list[str], numbered: list[HeadForm | None]) -> set[int]:
    """Blocks of a numbered run (``1.`` then ``2.`` directly after it): list items."""
    found: set[int] = set()
    for k in range(len(texts) - 1):
        a, b = numbered[k] or _item_form(texts[k]), numbered[k + 1] or _item_form(texts[k + 1])
        if a is not None and b is not None and a.kind == b.kind and b.number == a.number + 1:
            found.update((k, k + 1))
    return found


def _item_form(text: str) -> HeadForm | None:
    m = ARABIC.match(text.strip())
    return HeadForm("arabic", int(m.group(1)), m.group(2)) if m else None

"""Raw OCR pass: page furniture (running heads, page numbers, signature marks) removed, each
page break kept as a page mark carrying its number.

Detection first: a text counts as paginated only when at least three lines standing alone at
a gap of two or more blank lines read as page numbers in sequence, and the text goes on in
lower case after at least one such gap (a page cut a sentence) or a line recurs at the top of
three pages or more. Otherwise nothing is changed.

At each page break (a gap of two or more blank lines in a paginated text):

- a *page number* is a short run of digits alone on its line, also between dashes or after
  ``Page`` (``- 12 -``, ``Page 12``; OCR misreadings such as ``II``, ``l7``, ``25^`` are
  read too), also fused to the running head (``HEAD. 27``); the number a
  break gets comes from the sequence: a printed number is trusted when a neighbour agrees with
  it, otherwise the number is inferred from the nearest trusted one (``00`` on page 22);
- a *running head* is a short line at the top of the page that recurs (fuzzily, OCR variants
  alike) at three page tops or more, or stands with a page number, or is followed by text
  going on in lower case; a line naming a chapter or part (``CHAPTER IV.``), or followed by one,
  is never taken;
- a *signature mark* is one letter, possibly with a digit (``B``, ``c 2``), alone on the last
  line of a page (also right under the text, without a blank line between; so is a page
  number at the foot);
- a gap with no furniture (a page opening a part prints none) is a page break too where the
  printed numbers around it say exactly that many pages are missing.

The paragraph a page break cut is joined again (a word hyphenated across it too, see
:mod:`.hyphens`); otherwise the page mark ends the paragraph before the break."""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass, field

from .hyphens import Vocabulary, join_hyphenated
from .marks import page_mark
from .pages import continues

_GAP = 2
_HEAD_MAX = 70
_DIGITS = str.maketrans("IlOoSsi|", "11005511")
_NUMBER = re.compile(r"^(?:[\[(]|[-–—]+|(?:Page|PAGE|p\.)\s)?\s*([0-9IlOoSi|]{1,4})\s*"
                     r"(?:[\])\-.^*'’,]|[-–—]+)?$")
_FUSED_END = re.compile(r"^(?P<head>.*[A-Za-z].*?)[\s.,]+(?P<num>\d{1,4})[\^*']?$")
_FUSED_START = re.compile(r"^(?P<num>\d{1,4})\s+(?P<head>.*[A-Za-z].*)$")
_SIGNATURE = re.compile(r"^(?:[A-Z]\s?\d?|[a-z]\s?\d)$")
_KEYWORD = re.compile(r"\b(?:CHAPTER|Chapter|PART|Part|BOOK|Book|SECTION|Section|LECTURE|"
                      r"Lecture|LETTER|Letter|ARTICLE|Article)\s+[IVXLCDM\dyY]+\b")
_NOTE_START = re.compile(r"^(?:[*†‡§¹²³⁴⁵⁶⁷⁸⁹]|\[\d+\]|\(\d+\)|\d+\))")


@dataclass
class Run:
    """A run of non-blank lines: its lines, their source line numbers, and how many blank
    lines stood before it."""

    lines: list[str]
    origin: list[int]
    blanks: int

    @property
    def single(self) -> str | None:
        return self.lines[0].strip() if len(self.lines) == 1 else None


@dataclass
class Furniture:
    """What the pass found; every item with its source line."""

    paginated: bool = False
    running_heads: list[tuple[int, str]] = field(default_factory=list)
    page_numbers: list[tuple[int, str]] = field(default_factory=list)
    signatures: list[tuple[int, str]] = field(default_factory=list)
    #: (source line where the page begins, its number or None)
    pages: list[tuple[int, int | None]] = field(default_factory=list)
    #: (source line, printed, number) of page numbers read from the sequence, not the print.
    inferred: list[tuple[int, str, int]] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    paragraphs: int = 0


@dataclass
class _Break:
    """One page break: the runs of its zone and what they are."""

    gap: int                       # index of the first run after the gap
    foot: list[int] = field(default_factory=list)
    top: list[int] = field(default_factory=list)
    value: int | None = None        # the printed number, read as digits
    letters_value: int | None = None  # a number printed in letters only (``II``)
    head: int | None = None         # index of the run taken as running head candidate
    head_text: str = ""
    fused: int | None = None        # number fused to the head
    number_run: int | None = None
    n: int | None = None


def runs_of(lines: list[str], origin: list[int]) -> list[Run]:
    """The runs of non-blank lines of ``lines``."""
    runs: list[Run] = []
    blanks = 0
    current: Run | None = None
    for line, where in zip(lines, origin, strict=True):
        if not line.strip():
            blanks += 1
            current = None
            continue
        if current is None:
            current = Run([], [], blanks)
            runs.append(current)
            blanks = 0
        current.lines.append(line)
        current.origin.append(where)
    return runs


def split_feet(runs: list[Run]) -> list[Run]:
    """``runs`` with a page's last line set apart when it is a signature mark or a page
    number in digits printed right under the text (no blank line between) and a page gap
    follows: ``... make the passage twice.`` / ``B``. A lone ``A`` or ``I`` is a word."""
    out: list[Run] = []
    for k, run in enumerate(runs):
        if len(run.lines) < 2 or not _foot_line(run.lines[-1].strip()) or \
                not _page_ends_after(runs, k):
            out.append(run)
            continue
        out.append(Run(run.lines[:-1], run.origin[:-1], run.blanks))
        out.append(Run(run.lines[-1:], run.origin[-1:], 0))
    return out


def _foot_line(text: str) -> bool:
    """A signature mark or a page number in digits (a lone ``A`` or ``I`` is a word)."""
    number = read_number(text)
    return (bool(_SIGNATURE.match(text)) and text not in ("A", "I")) or \
        (number is not None and number[1] and text.isdigit())


def _page_ends_after(runs: list[Run], k: int) -> bool:
    """Whether a page gap follows run ``k``, also after one more line of page foot (the
    page number under a signature mark)."""
    nxt = k + 1
    single = runs[nxt].single if nxt < len(runs) else None
    if single is not None and runs[nxt].blanks < _GAP and _foot_line(single):
        nxt += 1
    return nxt >= len(runs) or runs[nxt].blanks >= _GAP


def read_number(text: str) -> tuple[int, bool] | None:
    """The page number ``text`` may be and whether it has a digit (``II`` has none)."""
    m = _NUMBER.match(text)
    if not m:
        return None
    raw = m.group(1)
    digits = any(ch.isdigit() for ch in raw)
    if not digits and (len(raw) < 2 or set(raw) - set("Il|")):
        return None
    return int(raw.translate(_DIGITS)), digits


def _key(text: str) -> str:
    return "".join(ch for ch in text.upper() if ch.isalpha())


def _headlike(text: str) -> bool:
    """Whether ``text`` may be a running head: short, not naming a chapter, and either in
    capitals or not closed like a sentence."""
    letters = [ch for ch in text if ch.isalpha()]
    if len(text) > _HEAD_MAX or len(letters) < 3 or _KEYWORD.search(text):
        return False
    return _caps(text) or text.rstrip()[-1] not in ".!?:;,"


def _caps(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) >= 0.7 * len(letters)


def _zones(runs: list[Run]) -> list[_Break]:
    """Candidate page breaks: each gap of two or more blank lines with the single-line runs
    around it that may be furniture."""
    breaks: list[_Break] = []
    claimed = 0
    i = 1
    while i < len(runs):
        if runs[i].blanks < _GAP:
            i += 1
            continue
        brk = _Break(gap=i)
        j = i - 1
        while j > claimed and len(brk.foot) < 2:
            text = runs[j].single
            if text is None or not (read_number(text) or _SIGNATURE.match(text)):
                break
            brk.foot.insert(0, j)
            j -= 1
        k = i
        while k < len(runs) - 1 and len(brk.top) < 3:
            text = runs[k].single
            if text is None:
                break
            number = read_number(text)
            if number is not None:
                if brk.number_run is not None:
                    break
                brk.number_run = k
                if number[1]:
                    brk.value = number[0]
                else:
                    brk.letters_value = number[0]
            elif brk.head is None and _headlike(text):
                brk.head, brk.head_text = k, text
                fused = _FUSED_END.match(text) or _FUSED_START.match(text)
                if fused:
                    brk.fused = int(fused.group("num"))
                    brk.head_text = fused.group("head").strip()
            else:
                break
            brk.top.append(k)
            k += 1
        if brk.value is None and brk.number_run is None:
            for f in brk.foot:
                number = read_number(runs[f].single or "")
                if number and number[1]:
                    brk.value, brk.number_run = number[0] + 1, f
        if brk.foot or brk.top:
            breaks.append(brk)
            claimed = k - 1
        i = max(k, i + 1)
    first = next((n for n, b in enumerate(breaks) if b.number_run is not None
                  or b.fused is not None
                  or any(_SIGNATURE.match(runs[f].single or "") for f in b.foot)), len(breaks))
    return breaks[first:]


def _trusted(values: list[int | None]) -> list[bool]:
    """Which printed numbers agree with a neighbouring printed number (same offset from
    their break's position in the sequence)."""
    known = [(k, v) for k, v in enumerate(values) if v is not None]
    trusted = [False] * len(values)
    for idx, (k, v) in enumerate(known):
        for other in (idx - 1, idx + 1):
            if 0 <= other < len(known):
                k2, v2 = known[other]
                if v2 - v == k2 - k:
                    trusted[k] = True
    return trusted


def _fits(values: list[int | None], anchors: list[int], k: int) -> bool:
    """Whether the printed number of break ``k`` fits between the trusted ones around it
    (pages may be missing from the breaks found, never added)."""
    value = values[k]
    before = [a for a in anchors if a < k]
    after = [a for a in anchors if a > k]
    if value is None or not (before or after):
        return False
    if before and value - values[before[-1]] < k - before[-1]:  # type: ignore[operator]
        return False
    return not after or values[after[0]] - value >= after[0] - k  # type: ignore[operator]


def _number_pages(breaks: list[_Break]) -> int:
    """Give every break its page number from the trusted printed ones (a printed number is
    trusted when a neighbour agrees with it, or when it fits between trusted ones); the
    count of trusted numbers."""
    values = [b.value if b.value is not None else b.fused for b in breaks]
    trusted = _trusted(values)
    agreed = [k for k, ok in enumerate(trusted) if ok]
    anchors = sorted(agreed + [k for k in range(len(values))
                               if not trusted[k] and _fits(values, agreed, k)])
    for k, brk in enumerate(breaks):
        brk.n = None
        if k in anchors:
            brk.n = values[k]
            continue
        before = [a for a in anchors if a < k]
        after = [a for a in anchors if a > k]
        guess_before = values[before[-1]] + (k - before[-1]) if before else None  # type: ignore[operator]
        guess_after = values[after[0]] - (after[0] - k) if after else None  # type: ignore[operator]
        if guess_before is not None and guess_after is not None and guess_before != guess_after:
            continue
        brk.n = guess_before if guess_before is not None else guess_after
    return len(agreed)


def _continues(prev: Run, nxt: Run) -> bool:
    """Whether ``nxt`` goes on the paragraph ``prev`` ends (a note at the page foot ends
    none)."""
    if _NOTE_START.match(prev.lines[0].lstrip()):
        return False
    return continues(prev.lines[-1].strip(), nxt.lines[0].strip())


def _clusters(texts: list[str]) -> list[int]:
    """For each text, how many of ``texts`` are (fuzzily: 85% alike, OCR variants) the same
    line. Distinct lines are compared once each, so a book of many pages with few running
    heads costs little."""
    keys = [_key(t) for t in texts]
    counts = Counter(k for k in keys if k)
    same: dict[str, int] = {}
    for key in counts:
        total = 0
        for other, count in counts.items():
            matcher = difflib.SequenceMatcher(None, key, other, autojunk=False)
            if key == other or (matcher.quick_ratio() >= 0.85 and matcher.ratio() >= 0.85):
                total += count
        same[key] = total
    return [same.get(k, 0) for k in keys]


def _next_content(runs: list[Run], brk: _Break) -> int | None:
    k = brk.top[-1] + 1 if brk.top else brk.gap
    return k if k < len(runs) else None


def _decide_heads(runs: list[Run], breaks: list[_Break]) -> None:
    """Keep a head candidate only when it is a running head (see the module docstring)."""
    with_head = [b for b in breaks if b.head is not None]
    counts = _clusters([b.head_text for b in with_head])
    for brk, count in zip(with_head, counts, strict=True):
        assert brk.head is not None
        keep_until = brk.top.index(brk.head)
        nxt = brk.head + 1
        while nxt in brk.top:
            nxt += 1
        follows = runs[nxt].lines[0] if nxt < len(runs) else ""
        lower_after = bool(follows.lstrip()[:1].islower())
        numbered = brk.number_run is not None or brk.fused is not None
        evidence = (count >= 3 and (_caps(brk.head_text) or count >= 4)) or (
            numbered and brk.fused in (None, brk.n)) or (lower_after and _caps(brk.head_text))
        if _KEYWORD.search(follows) or not evidence:
            brk.top = brk.top[:keep_until]
            if brk.number_run is not None and brk.number_run not in brk.top:
                brk.number_run = None
            brk.head = None
            brk.fused = None


def _foot_layout(runs: list[Run], breaks: list[_Break]) -> None:
    """When the text ends with a page number (``runs`` end with the empty sentinel run after
    it), page numbers stand at the foot: a number alone at a page break is the number of the
    page before it."""
    last = breaks[-1] if breaks else None
    if last is None or _next_content(runs, last) != len(runs) - 1 or last.number_run is None:
        return
    for brk in breaks:
        if brk.head is None and brk.top and brk.top[0] == brk.number_run:
            if brk.value is not None:
                brk.value += 1
            if brk.letters_value is not None:
                brk.letters_value += 1


def _with_missing_pages(breaks: list[_Break]) -> list[_Break]:
    """The breaks that have furniture, numbered, and those without any (a page that opens a
    chapter prints no running head) where the printed numbers around them say that exactly
    that many pages are missing between."""
    real = [b for b in breaks if b.foot or b.top]
    _number_pages(real)
    anchors = [k for k, b in enumerate(real) if b.n is not None and b.n in (b.value, b.fused)]
    kept: list[_Break] = []
    for a, b in zip(anchors, anchors[1:], strict=False):
        first, last = real[a], real[b]
        missing = (last.n or 0) - (first.n or 0) - (b - a)
        bare = [z for z in breaks if not (z.foot or z.top) and first.gap < z.gap < last.gap]
        if missing > 0 and len(bare) == missing:
            kept += bare
    if not kept:
        return real
    out = sorted(real + kept, key=lambda z: z.gap)
    _number_pages(out)
    return out


def detect(runs: list[Run]) -> tuple[bool, list[_Break]]:
    """Whether the text is paginated, and its page breaks (``runs`` end with an empty
    sentinel run, so that the last page's foot is a page break too)."""
    breaks = _zones(runs)
    _foot_layout(runs, breaks)
    trusted = _number_pages(breaks)
    if trusted < 3:
        return False, breaks
    cut = any(_continues(runs[b.gap - 1 - len(b.foot)], runs[n]) for b in breaks
              if (b.value is not None or b.fused is not None)
              and (n := _next_content(runs, b)) is not None
              and b.gap - 1 - len(b.foot) >= 0)
    heads = [b.head_text for b in breaks if b.head is not None]
    recurring = bool(heads) and max(_clusters(heads)) >= 3
    return cut or recurring, breaks


def remove_furniture(lines: list[str], origin: list[int], wrapped: bool,
                     vocab: Vocabulary) -> tuple[list[str], list[int], Furniture]:
    """``lines`` (with their source line numbers) without page furniture; ``wrapped``: the
    text is hard-wrapped (a paragraph cut by a page break goes on on a new line)."""
    report = Furniture()
    runs = split_feet(runs_of(lines, origin))
    end = len(runs)
    runs.append(Run([""], [origin[-1] if origin else 0], _GAP))  # the end of the last page
    paginated, breaks = detect(runs)
    if not paginated:
        return lines, origin, report
    report.paginated = True
    _decide_heads(runs, breaks)
    breaks = _with_missing_pages(breaks)
    for brk in breaks:
        if brk.letters_value is not None and brk.letters_value != brk.n \
                and brk.number_run in brk.top:
            brk.top = brk.top[:brk.top.index(brk.number_run)]  # letters, not the number
            brk.number_run = None
    dropped: set[int] = set()
    starts: dict[int, _Break] = {}
    for brk in breaks:
        for k in brk.foot + brk.top:
            dropped.add(k)
            text = runs[k].single or ""
            where = runs[k].origin[0]
            if k == brk.head:
                report.running_heads.append((where, text))
                if brk.fused is not None:
                    report.page_numbers.append((where, text))
            elif k in brk.foot and _SIGNATURE.match(text):
                report.signatures.append((where, text))
            else:
                report.page_numbers.append((where, text))
                number = read_number(text)
                if brk.n is not None and k in brk.top and (
                        number is None or number[0] != brk.n):
                    report.inferred.append((where, text, brk.n))
        nxt = _next_content(runs, brk)
        if nxt is not None:
            starts[nxt] = brk
    out: list[Run] = []
    for k, run in enumerate(runs[:end]):
        if k in dropped:
            continue
        starting = starts.get(k)
        if starting is None or not out:
            out.append(Run(list(run.lines), list(run.origin),
                           run.blanks if starting is None else 1))
            continue
        report.pages.append((run.origin[0], starting.n))
        _join(out, Run(list(run.lines), list(run.origin), 1), starting.n, wrapped, vocab,
              report)
    new_lines: list[str] = []
    new_origin: list[int] = []
    for run in out:
        for _ in range(run.blanks if new_lines else 0):
            new_lines.append("")
            new_origin.append(run.origin[0])
        new_lines += run.lines
        new_origin += run.origin
    return new_lines, new_origin, report


def _join(out: list[Run], run: Run, n: int | None, wrapped: bool, vocab: Vocabulary,
          report: Furniture) -> None:
    """Add ``run``, the first after a page break numbered ``n``, to ``out``."""
    prev = out[-1]
    if _continues(prev, run):
        first, second = prev.lines[-1].rstrip(), run.lines[0].lstrip()
        joined = join_hyphenated(first, second, vocab, page_mark(n, in_word=True), report.words)
        if joined is not None:
            prev.lines[-1] = joined
            prev.lines += run.lines[1:]
            prev.origin += run.origin[1:]
            return
        report.paragraphs += 1
        if wrapped:
            prev.lines.append(page_mark(n) + second)
            prev.origin.append(run.origin[0])
        else:
            prev.lines[-1] = first + " " + page_mark(n) + second
        prev.lines += run.lines[1:]
        prev.origin += run.origin[1:]
        return
    if run.lines[0].lstrip()[:1].islower() or _NOTE_START.match(prev.lines[0].lstrip()):
        run.lines[0] = page_mark(n) + run.lines[0].lstrip()
    else:
        prev.lines[-1] = prev.lines[-1].rstrip() + page_mark(n)
    out.append(run)

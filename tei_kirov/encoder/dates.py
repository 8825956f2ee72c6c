"""Pass 9 (model -> model): date expressions become ``date`` with ISO 8601 values.

Each expression is one ``date`` over all its printed words:

- full dates, month first or day first, with ordinals and abbreviated or capitalised months
  (``November 7th, 1917``, ``FEB. 1, 1903``, ``7 November 1917``, ``the nineteenth of April
  1775``): ``@when`` YYYY-MM-DD;
- months (``November, 1917``, ``Jan. 1928``): ``@when`` YYYY-MM; years: ``@when`` YYYY (also
  before a dash: ``1916--all``, and in roman numerals of four letters or more from 1400 on,
  as title pages print them: ``MDCCLXXVI``);
- ranges (``1848-49``, ``1490-9``, ``1916--1917``, ``from 1422 to 1489``, ``between 1789
  and 1793``, ``from March to May 1917``, ``March 3-5, 1917``): ``@from``/``@to``;
- seasons and parts of a year (``the summer of 1915``, ``end of 1934``, ``early 1917``) and
  decades (``the 1840s``): ``@notBefore``/``@notAfter``; years before Christ (``55 B.C.``):
  ``@when`` ``-0055``;
- Old Style/New Style pairs (``January 6/19, 1905``, ``October 25 (November 7), 1917``) and
  Old Style dates marked ``(O.S.)``:
  ``@when`` the Gregorian (New Style) day, ``@type`` ``os-ns`` or ``os``.

A month and day without a year (``December 17``, ``the 7th of May``) takes the year of the
reference date of its division (its dateline; the year before when the day falls after it)
with ``@cert="high"``; or else of a full date of the same month and day printed in the
division, or of the nearest full date before it there, with ``@cert="medium"``; or else of the
first full date after it in the division with ``@cert="low"``; all with
``@evidence="internal"`` and ``@resp``. Without any it gets ``--MM-DD``.

Numbers that count, measure or number things are no years (``1917 soldiers``, ``1200 ft.``,
``section 1848``, ``1211 Chestnut Street``). The printed words are never changed; italics
(``_May_ 1, 1845``) and milestones inside an expression are kept inside the ``date``."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from ..models import Container, Date, Emph, Hi, Lb, Pb, TeiHeader, Title
from .spans import OBJ, Span, transform, wrap

MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"]
_ABBR = {"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9,
         "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12}
_ORDINAL_WORDS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                  "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth",
                  "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth"]
_TENS = {"twentieth": 20, "thirtieth": 30}
ORDINALS = {w: i + 1 for i, w in enumerate(_ORDINAL_WORDS)} | _TENS | {
    f"{tens}{sep}{unit}": base + i + 1
    for tens, base in (("twenty", 20), ("thirty", 30)) for sep in ("-", " ")
    for i, unit in enumerate(_ORDINAL_WORDS[:9]) if base + i + 1 <= 31}

_M_FULL = "|".join(n for m in MONTH_NAMES for n in (m, m.upper()))
_M_ABBR = "|".join(n for a in sorted(_ABBR, key=len, reverse=True) for n in (a, a.upper()))
_M = rf"(?:{_M_FULL}|(?:{_M_ABBR})\.)"
#: A month before a year or a day and year: an abbreviation may go without its full stop.
_MY = rf"(?:{_M_FULL}|(?:{_M_ABBR})\.?)"
_YEAR = r"1[0-9]\d{2}|20\d{2}"
_DAY = r"[0-3]?\d(?:st|nd|rd|th|d|ST|ND|RD|TH)?"
#: Between a day and its month: ``of``, ``day of`` (``the 4th day of July``).
_OF = r"(?:(?:day\s+)?of\s+)?"
_WORD_DAY = "|".join(sorted(ORDINALS, key=len, reverse=True))
_SEASONS = {"spring": ("03-01", "05-31"), "summer": ("06-01", "08-31"),
            "autumn": ("09-01", "11-30"), "fall": ("09-01", "11-30")}
_PARTS = {"beginning": ("01-01", "03-31"), "middle": ("05-01", "08-31"),
          "end": ("10-01", "12-31"), "close": ("10-01", "12-31"),
          "early part": ("01-01", "04-30"), "latter part": ("09-01", "12-31"),
          "later part": ("09-01", "12-31"), "first half": ("01-01", "06-30"),
          "second half": ("07-01", "12-31")}
_PART = "|".join(p.replace(" ", r"\s+") for p in sorted(_PARTS, key=len, reverse=True))
_EARLY = {"early": ("01-01", "04-30"), "mid": ("05-01", "08-31"), "late": ("09-01", "12-31")}
_DASH = r"(?:--|[-–—])"
#: Words between two years of a range: ``from 1914 to 1918``, ``between 1789 and 1793``.
_UNTIL = r"(?:to|till|until|through)"
#: What a bare number after which is no year: a page, a number, an amount, a part of a text.
_NOT_A_YEAR = "".join(rf"(?<!{w})" for w in (
    r"[$£€#§¶]", r"p\.\s", r"pp\.\s", r"[Nn]o\.\s", r"[Nn]os\.\s", r"page\s", r"pages\s",
    r"[Vv]ol\.\s", r"[Nn]umber\s", r"[$£€§¶]\s", r"(?i:section\s)", r"(?i:sect\.\s)",
    r"(?i:chapter\s)", r"(?i:paragraph\s)", r"(?i:art\.\s)", r"(?i:article\s)",
    r"(?i:verse\s)", r"(?i:line\s)", r"(?i:lines\s)", r"(?i:fig\.\s)", r"(?i:figure\s)",
    r"(?i:plate\s)", r"(?i:table\s)", r"(?i:note\s)", r"(?i:item\s)", r"(?i:room\s)",
    r"[Nn]r\.\s", r"(?i:law\s)", r"(?i:order\s)"))

#: Between a day (or a month) and its year: a comma, a space, or both; OCR drops the space
#: after a comma (``November 7,1917``) or a full stop (``Nov.1917``).
_TO_YEAR = r"(?:,\s*|\s+|(?<=\.))"
#: Old Style or New Style, marked after a date.
_STYLE = r"\s*\((?:O|N)\.\s?S\.\)"

#: How every expression begins (a quick test before the alternatives are tried).
_STARTS = "|".join([
    r"\d", "M", *sorted({m[:3] for m in MONTH_NAMES}),
    *sorted({m[:3].upper() for m in MONTH_NAMES}),
    "[Ff]rom", "[Bb]etween", "[Ss]pring", "[Ss]ummer", "[Aa]utumn", "[Ww]inter", "[Ff]all",
    "[Ee]arly", "[Ll]at", "[Mm]id", "beginning", "middle", "end", "close", "first", "second",
    *sorted({w[:3] for w in ORDINALS})])

PATTERN = re.compile(
    rf"(?<![\w,.])(?=(?:{_STARTS}))(?:"
    rf"(?:[Ff]rom\s+|[Bb]etween\s+)?(?P<qm>{_MY})\s+(?P<qd>{_DAY})"
    rf"(?:\s*{_DASH}\s*|\s+(?:to|till|until|and)\s+)(?:(?P<qm2>{_MY})\s+)?(?P<qd2>{_DAY})"
    rf"{_TO_YEAR}(?P<qy>{_YEAR})(?!\d)"
    rf"|(?P<ed>\d{{1,2}}(?:st|nd|rd|th|d)?)(?:\s*{_DASH}\s*|\s+to\s+)(?P<ed2>{_DAY})\s+"
    rf"(?:of\s+)?(?P<em>{_MY}){_TO_YEAR}(?P<ey2>{_YEAR})(?!\d)"
    rf"|(?P<om>{_MY})\s+(?P<od1>{_DAY})\s*(?:/\s*|(?P<op>\(\s*))(?:(?P<om2>{_MY})\s+)?"
    rf"(?P<od2>{_DAY})(?(op)\s*\))(?:,?\s+(?P<oy>{_YEAR})(?!\d))?(?![\w/])"
    rf"|(?P<xd1>{_DAY})\s+(?:of\s+)?(?P<xm1>{_MY})\s*(?:/\s*|(?P<xp>\(\s*))"
    rf"(?P<xd2>{_DAY})\s+(?:of\s+)?(?P<xm2>{_MY})(?(xp)\s*\))(?:,?\s+(?P<xy>{_YEAR})(?!\d))?"
    rf"(?![\w/])"
    rf"|from\s+(?P<rm1>{_M})\s+to\s+(?P<rm2>{_M}),?\s+(?P<rmy>{_YEAR})(?!\d)"
    rf"|(?P<fm>{_MY})\s+(?:the\s+(?=\d+(?:st|nd|rd|th|d)\b))?(?P<fd>{_DAY}){_TO_YEAR}(?P<fy>{_YEAR})(?!\d)(?P<fos>{_STYLE})?"
    rf"|(?P<dd>{_DAY})\s+{_OF}(?P<dm>{_MY}){_TO_YEAR}(?P<dy>{_YEAR})(?!\d)"
    rf"(?P<dos>{_STYLE})?"
    rf"|(?P<wd>{_WORD_DAY})\s+(?:day\s+)?of\s+(?P<wm>{_M})(?:,?\s+(?P<wy>{_YEAR})(?!\d))?"
    rf"|(?P<mm>{_MY}){_TO_YEAR}(?P<my>{_YEAR})(?!\d)"
    rf"|(?P<nm>{_M})\s+(?:the\s+(?=\d+(?:st|nd|rd|th|d)\b))?(?P<nd>{_DAY})(?![\d\w])"
    rf"(?!,?\s*\d)"
    rf"|(?P<nd2>\d{{1,2}}(?:st|nd|rd|th|ST|ND|RD|TH)\s+{_OF}|\d{{1,2}}\s+(?=[A-Z][a-z]{{3}}))"
    rf"(?P<nm2>{_M})(?!,?\s+\d)"
    rf"|(?P<season>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ww]inter|[Ff]all(?=\s+of))"
    rf"(?:\s+of|,)?\s+(?P<sy>{_YEAR})(?:(?:{_DASH}|/)(?P<sy2>\d{{4}}|\d{{2}}))?(?![\d-])"
    rf"|(?P<part>{_PART})\s+of\s+(?P<py>{_YEAR})(?!\d)"
    rf"|(?P<early>[Ee]arly|[Ll]ate|[Mm]id-?)\s?(?:in\s+)?(?P<ey>{_YEAR})(?!\d)"
    rf"|(?P<decade>1[0-9]\d0)[’']?s\b"
    rf"|(?P<bc>[1-9]\d{{0,3}})\s?B\.?\s?C\.?(?![A-Za-z])"
    rf"|(?:[Ff]rom|[Bb]etween)\s+(?P<fa>{_YEAR})\s+(?:{_UNTIL}|and)\s+(?P<fb>{_YEAR})(?!\d)"
    rf"|{_NOT_A_YEAR}(?P<ta>{_YEAR})\s+{_UNTIL}\s+(?P<tb>{_YEAR})(?!\d)"
    rf"|{_NOT_A_YEAR}(?P<ra>{_YEAR})\s?{_DASH}\s?(?P<rb>\d{{4}}|\d{{1,2}})(?![\d-])"
    rf"|{_NOT_A_YEAR}(?<!\d[-–—])(?<!\d--)(?P<y>{_YEAR})(?!%|\d|[,.:]\d|-\d|[A-Za-z]|\s?B\.?\s?C\b)"
    rf"|(?<![A-Z])(?P<roman>M{{1,2}}(?:CM|CD|D?C{{0,3}})(?:XC|XL|L?X{{0,3}})(?:IX|IV|V?I{{0,3}}))"
    rf"(?![A-Za-z])"
    rf")"
)


#: Words after a number that count things: ``1917 soldiers``, ``1500 feet``, ``1200 a year``
#: (a plural in ``-s``, or one of these).
_COUNTED = re.compile(
    r"\s+(?:(?P<plural>(?:[a-z]+-)?[a-z]+[^\Wsu]s)\b|(?:men|women|people|children|feet|"
    r"head|sheep|cattle|a\s+(?:year|month|week|day|head)|per|out\s+of|ft|yd|lb|cwt|oz|km|"
    r"of\s+(?:them|whom|which|these|those))\b)")
#: Words in ``-s`` that count nothing.
_NOT_PLURAL = frozenset({"was", "has", "does", "goes", "his", "this", "its", "yes", "perhaps",
                         "towards", "afterwards", "onwards", "upwards", "whereas", "besides",
                         "always", "sometimes", "thus", "unless", "nevertheless"})
#: A house number: ``1211 Chestnut Street``, ``1600 Pennsylvania Avenue``.
_STREET = re.compile(r"\s+(?:[A-Z][a-z]+\s+){0,3}(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Square|"
                     r"Place|Lane|Boulevard|Terrace|Row|Court|Strasse|Broadway)\b")
#: Words before a number that make it a year whatever follows (``in 1848 revolutions``).
#: Also a determiner: a year names a thing (``the 1848 revolutions``, ``his 1905 pamphlets``),
#: where a count would be printed with a comma (``the 1,500 soldiers``).
_YEAR_BEFORE = re.compile(r"\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Tt]ill|[Dd]uring|[Yy]ears?|[Aa]fter|"
                          r"[Bb]efore|[Ss]pring|[Ss]ummer|[Aa]utumn|[Ww]inter|[Tt]he|his|her|"
                          r"their|its)\s+$")


#: Years with the second abbreviated (``1848-49``): a range of counts never shortens so.
_SHORT_RANGE = re.compile(r"\d{4}\s*(?:-|–|--)\s*\d{2}")


def counted(text: str, start: int, end: int) -> bool:
    """Whether the number (or numbers) at ``text[start:end]`` count things or number a
    house rather than name years: ``1917 soldiers``, ``1200 a year``, ``1211 Chestnut
    Street``; not after words that introduce years (``in 1848 revolutions``, ``in 1848 Broad
    Street was paved``)."""
    if _YEAR_BEFORE.search(text, max(0, start - 12), start):
        return False
    if _SHORT_RANGE.fullmatch(text, start, end):  # 1848-49: a count would print 1848-1849
        return False
    if _STREET.match(text, end):
        return True
    m = _COUNTED.match(text, end)
    return m is not None and m["plural"] not in _NOT_PLURAL


def month_number(name: str) -> int:
    name = name.rstrip(".").capitalize()
    return MONTH_NAMES.index(name) + 1 if name in MONTH_NAMES else _ABBR[name]


def _day(text: str) -> int:
    return ORDINALS[text.lower()] if text.lower() in ORDINALS else int(re.sub(r"\D", "", text))


def julian_to_gregorian(year: int, month: int, day: int) -> dt.date:
    """The Gregorian day of a Julian (Old Style) calendar date."""
    a = (14 - month) // 12
    y = year + 4800 - a
    m = month + 12 * a - 3
    jdn = day + (153 * m + 2) // 5 + 365 * y + y // 4 - 32083
    return dt.date.fromordinal(jdn - 1721425)


@dataclass
class Context:
    """What a month-day date takes its year from: the division's dateline (``ref``) or the
    last full date seen before it (``last``)."""

    ref: dt.date | None = None
    last: dt.date | None = None


def _iso(year: int, month: int, day: int | None = None) -> str:
    return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day is not None else "")


def _month_day(month: int, day: int, ctx: Context, resp: str) -> dict[str, str]:
    if ctx.ref is not None:
        ref = ctx.ref
        year = ref.year if (month, day) <= (ref.month, ref.day) else ref.year - 1
        cert = "high"
    elif ctx.last is not None:
        year, cert = ctx.last.year, "medium"
    else:
        return {"when": f"--{month:02d}-{day:02d}"}
    return {"when": _iso(year, month, day), "cert": cert, "evidence": "internal", "resp": resp}


def attributes(m: re.Match[str], ctx: Context | dt.date | None = None,
               resp: str = "#enc") -> dict[str, str]:
    """The ``date`` attributes for one match (``ctx``: where a missing year comes from)."""
    if not isinstance(ctx, Context):
        ctx = Context(ref=ctx)
    g = m.groupdict()
    if g["om"]:
        month = month_number(g["om"])
        month2 = month_number(g["om2"]) if g["om2"] else month
        return _style_pair(month, _day(g["od1"]), month2, _day(g["od2"]), g["oy"], ctx, resp)
    if g["xm1"]:
        return _style_pair(month_number(g["xm1"]), _day(g["xd1"]), month_number(g["xm2"]),
                           _day(g["xd2"]), g["xy"], ctx, resp)
    if g["qm"] or g["ed"]:
        return _day_range(g)
    if g["rm1"]:
        return {"from_": _iso(int(g["rmy"]), month_number(g["rm1"])),
                "to": _iso(int(g["rmy"]), month_number(g["rm2"]))}
    for mk, dk, yk, osk in (("fm", "fd", "fy", "fos"), ("dm", "dd", "dy", "dos")):
        if g[mk]:
            year, month, day = int(g[yk]), month_number(g[mk]), _day(g[dk])
            if g[osk] and g[osk].strip().startswith("(O"):
                try:
                    new = julian_to_gregorian(year, month, day)
                except ValueError:
                    return {"when": "invalid"}
                return {"when": new.isoformat(), "type": "os"}
            return {"when": _iso(year, month, day)}
    if g["wd"]:
        month, day = month_number(g["wm"]), _day(g["wd"])
        if g["wy"]:
            return {"when": _iso(int(g["wy"]), month, day)}
        return _month_day(month, day, ctx, resp)
    if g["mm"]:
        return {"when": _iso(int(g["my"]), month_number(g["mm"]))}
    if g["nm"]:
        return _month_day(month_number(g["nm"]), _day(g["nd"]), ctx, resp)
    if g["nm2"]:
        return _month_day(month_number(g["nm2"]), _day(g["nd2"].split()[0]), ctx, resp)
    if g["season"]:
        return _season(g["season"].lower(), int(g["sy"]), g["sy2"])
    if g["part"]:
        first, end = _PARTS[" ".join(g["part"].split())]
        return {"not_before": f"{g['py']}-{first}", "not_after": f"{g['py']}-{end}"}
    if g["early"]:
        first, end = _EARLY[g["early"].lower().rstrip("-")]
        return {"not_before": f"{g['ey']}-{first}", "not_after": f"{g['ey']}-{end}"}
    if g["decade"]:
        decade = int(g["decade"])
        return {"not_before": f"{decade:04d}", "not_after": f"{decade + 9:04d}"}
    if g["bc"]:
        return {"when": f"-{int(g['bc']):04d}"}
    if g["fa"]:
        return {"from_": g["fa"], "to": g["fb"]}
    if g["ta"]:
        return {"from_": g["ta"], "to": g["tb"]}
    if g["ra"]:
        return {"from_": g["ra"], "to": f"{_full_year(int(g['ra']), g['rb']):04d}"}
    if g["roman"]:
        year = roman_value(g["roman"])
        return {"when": f"{year:04d}"} if 1400 <= year <= 2099 and len(g["roman"]) >= 4 \
            else {"when": "invalid"}
    return {"when": g["y"]}


def _style_pair(month: int, day: int, month2: int, day2: int, year: str | None, ctx: Context,
                resp: str) -> dict[str, str]:
    """An Old Style/New Style pair (``January 6/19, 1905``, ``25 October (7 November)
    1917``): the New Style day, ``@type="os-ns"``; the year printed (the next one when the
    New Style day falls in January after a December) or else one from the context."""
    if not _calendar_gap(month, day, month2, day2):
        return {"when": "invalid"}
    if not year:
        return {**_month_day(month2, day2, ctx, resp), "type": "os-ns"}
    new_year = int(year) + 1 if month2 < month else int(year)
    return {"when": _iso(new_year, month2, day2), "type": "os-ns"}


def _day_range(g: dict[str, Any]) -> dict[str, str]:
    """``March 3-5, 1917``, ``from March 3 to May 5, 1917``, ``3-5 March 1917``: from the
    first day to the last, both in the year printed."""
    if g["qm"]:
        year, month = int(g["qy"]), month_number(g["qm"])
        month2 = month_number(g["qm2"]) if g["qm2"] else month
        first, last = _day(g["qd"]), _day(g["qd2"])
    else:
        year, month = int(g["ey2"]), month_number(g["em"])
        month2, first, last = month, _day(g["ed"]), _day(g["ed2"])
    return {"from_": _iso(year, month, first), "to": _iso(year, month2, last)}


def _calendar_gap(month: int, day: int, month2: int, day2: int) -> bool:
    """Whether the second day may be the first one in the New Style (Gregorian) calendar:
    10 to 13 days later (the gap between the Julian and Gregorian calendars from 1582 to
    2099), a day more over the end of a February the Julian calendar made longer."""
    try:
        first, second = dt.date(2001, month, day), dt.date(2001, month2, day2)
    except ValueError:
        return month == 2 and day == 29 and month2 == 3  # a Julian leap day
    return 10 <= (second - first).days % 365 <= 14


def _full_year(start: int, end: str) -> int:
    """The second year of a range printed short (``1848-49``: 1849, ``1490-9``: 1499)."""
    return int(str(start)[:4 - len(end)] + end)


def _season(season: str, year: int, to: str | None) -> dict[str, str]:
    """The bounds of a season of ``year`` (winter: December to February), or of the seasons
    from ``year`` to the (short) year ``to`` (``the winter of 1916-17``)."""
    last_year = _full_year(year, to) if to else year
    if season == "winter":
        last_year = last_year if to and last_year > year else last_year + 1
        last = calendar.monthrange(last_year, 2)[1]
        return {"not_before": f"{year:04d}-12-01", "not_after": f"{last_year:04d}-02-{last}"}
    first, end = _SEASONS[season]
    return {"not_before": f"{year:04d}-{first}", "not_after": f"{last_year:04d}-{end}"}


def roman_value(text: str) -> int:
    """The value of a (well-formed) roman numeral."""
    values = {"M": 1000, "D": 500, "C": 100, "L": 50, "X": 10, "V": 5, "I": 1}
    total = 0
    for ch, nxt in zip(text, [*text[1:], ""], strict=True):
        value = values[ch]
        total += -value if nxt and values[nxt] > value else value
    return total


def _full(attrs: dict[str, str]) -> dt.date | None:
    value = attrs.get("when", "")
    try:
        return dt.date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        return None


def valid(attrs: dict[str, str]) -> bool:
    """Whether the values name real days (``February 30`` does not)."""
    for key in ("when", "not_before", "not_after", "from_", "to"):
        value = attrs.get(key, "")
        parts = value.split("-")
        if value == "invalid":
            return False
        if len(parts) == 3 and parts[0]:
            try:
                dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
            except ValueError:
                return False
        if value.startswith("--"):
            month, day = int(value[2:4]), int(value[5:7])
            if not 1 <= day <= calendar.monthrange(2000, month)[1]:
                return False
    if "not_before" in attrs and attrs["not_before"] > attrs["not_after"]:
        return False
    return not ("from_" in attrs and attrs["from_"] > attrs["to"])


def reference_date(text: str) -> dt.date | None:
    """The first full date in ``text`` (a dateline), or ``None``."""
    for m in PATTERN.finditer(text):
        attrs = attributes(m)
        if valid(attrs) and (full := _full(attrs)) is not None:
            return full
    return None


#: Elements a date may enclose whole: their text is read with the text around them.
_TRANSPARENT = (Hi, Emph)
_MILESTONES = (Pb, Lb)


def _readable(content: list[Any]) -> tuple[str, list[int], list[Any]]:
    """The text to search (italics read as their words, milestones as nothing), for each
    character its flat offset (``-1 - node`` inside a node's text), and the nodes."""
    chars: list[str] = []
    where: list[int] = []
    nodes: list[Any] = []
    flat = 0
    for item in content:
        if isinstance(item, str):
            item = item.replace(OBJ, "")
            chars.append(item)
            where.extend(range(flat, flat + len(item)))
            flat += len(item)
            continue
        nodes.append(item)
        if isinstance(item, _TRANSPARENT) and all(isinstance(c, str) for c in item.content):
            text = item.text()
            chars.append(text)
            where.extend([-len(nodes)] * len(text))
        elif not isinstance(item, _MILESTONES):
            chars.append(OBJ)
            where.append(flat)
        flat += 1
    return "".join(chars), where, nodes


def _flat_span(where: list[int], nodes: list[Any], flat_of: dict[int, int], start: int,
               end: int) -> tuple[int, int] | None:
    """The flat offsets of the readable span ``start:end``, or ``None`` when it cuts a node."""
    first, last = where[start], where[end - 1]
    if first < 0:
        if start > 0 and where[start - 1] == first:
            return None
        first = flat_of[-first - 1]
    if last < 0:
        if end < len(where) and where[end] == last:
            return None
        last = flat_of[-last - 1]
    return first, last + 1


def apply_dates(root: Container | list[Container], ref: dt.date | None = None,
                resp: str = "#enc", found: list[Date] | None = None) -> list[Date]:
    """Run the pass below ``root`` (or each of a division's blocks, in order, as one piece of
    text) with ``ref`` as the reference date (a dateline's)."""
    found = found if found is not None else []
    ctx = Context(ref=ref)

    def fn(node: Container) -> list[Any]:
        if isinstance(node, Title):
            return node.content
        text, where, nodes = _readable(node.content)
        flat_of: dict[int, int] = {}
        flat = 0
        index = 0
        for item in node.content:
            if isinstance(item, str):
                flat += len(item.replace(OBJ, ""))
            else:
                flat_of[index] = flat
                index += 1
                flat += 1
        spans: list[Span] = []
        for m in PATTERN.finditer(text):
            attrs = attributes(m, ctx, resp)
            if not valid(attrs) or ((m["y"] or m["ra"] or m["ta"] or m["fa"])
                                    and counted(text, m.start(), m.end())):
                continue
            bounds = _flat_span(where, nodes, flat_of, m.start(), m.end())
            if bounds is None:
                continue
            full = _full(attrs)
            if full is not None and "cert" not in attrs:
                ctx.last = full

            def factory(content: list[Any], attrs: dict[str, str] = attrs) -> Date:
                date = Date(*content, **attrs)
                found.append(date)
                return date
            spans.append((bounds[0], bounds[1], factory))
        return wrap(node.content, spans)

    start = len(found)
    for node in root if isinstance(root, list) else [root]:
        transform(node, fn, skip=(TeiHeader, Date))
    _years_from_division(found[start:], resp)
    return found


def _years_from_division(dates: list[Date], resp: str) -> None:
    """Years for the month-day dates of one division not dated by its dateline: the year of
    a full date of the same month and day printed in the division (the same day named
    again, ``@cert="medium"``); else, when no full date stands before them, the year of the
    first full date after them (``@cert="low"``)."""
    full = [(d, dt.date.fromisoformat(d.when)) for d in dates
            if d.when and len(d.when) == 10 and d.cert is None]
    for index, date in enumerate(dates):
        value = date.when or ""
        if date.cert == "high" or not (value.startswith("--") or date.cert == "medium"):
            continue
        month, day = int(value[-5:-3]), int(value[-2:])
        same = next((day_ for _, day_ in full if (day_.month, day_.day) == (month, day)), None)
        if same is not None:
            date.when, date.cert = same.isoformat(), "medium"
        elif value.startswith("--"):
            later = next((day_ for d, day_ in full if dates.index(d) > index), None)
            if later is None or (month, day) == (2, 29) and not calendar.isleap(later.year):
                continue
            date.when, date.cert = _iso(later.year, month, day), "low"
        else:
            continue
        date.evidence, date.resp = "internal", resp


def years_from_before(dates: list[Date], before: list[Date], resp: str = "#enc") -> None:
    """Month-day dates of a division left without a year (``--MM-DD``: no dateline and no
    full date in the division) take the year of the last full date printed before the
    division (``@cert="low"``), as a narrative goes on from one chapter to the next."""
    last = next((full for d in reversed(before) if (full := _printed_day(d)) is not None),
                None)
    if last is None:
        return
    for date in dates:
        value = date.when or ""
        if not value.startswith("--"):
            continue
        month, day = int(value[2:4]), int(value[5:7])
        if (month, day) == (2, 29) and not calendar.isleap(last.year):
            continue
        date.when, date.cert = _iso(last.year, month, day), "low"
        date.evidence, date.resp = "internal", resp


def _printed_day(date: Date) -> dt.date | None:
    """The day a date prints in full (its year not inferred), or ``None``."""
    value = date.when or ""
    if len(value) != 10 or date.cert is not None or value.startswith("-"):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None

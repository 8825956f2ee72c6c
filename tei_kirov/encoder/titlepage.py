"""Facts the title page states unambiguously, read off the lines before the running text.

- the author from a ``by NAME`` line (``By Thomas Paine``, ``BY JOHN REED``, ``by`` on a
  line of its own and the name on the next), several joined by ``and``; the printed name
  without degrees (``GEORGE M. BEARD, M. D.`` gives George M. Beard); a ``Written by
  Himself`` line takes the name from the title (``… the Life of NAME``);
- editors and translators from ``Edited by NAME`` and ``Translated by NAME``;
- the title from the title-page lines just above the ``by`` line;
- the publisher and date from ``Printed [and sold] by NAME, DATE`` or ``PLACE: NAME,
  YEAR``, the place from a line of one to three words just above that line;
- the labelled fields of a Project Gutenberg preamble (``Title:``, ``Author:``).

Anything else is left empty: a missing fact is better than a wrong one."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .blocks import Block, split_blocks
from .credits import is_credit, is_prose

_ROLES = {"written": "author", "edited": "editor", "translated": "translator",
          "compiled": "editor", "selected": "editor", "arranged": "editor"}
_VERB = re.compile(
    r"^(?P<verb>written|edited|translated|compiled|selected|arranged)(?:\s+(?:from|out of|into)"
    r"(?:\s+the)?\s+[A-Za-z]+)?\s+by(?:\s+(?P<name>.+?))?\s*[.,;:]?$", re.IGNORECASE)
_BY_ONLY = re.compile(r"^by(?:\s+(?P<name>.+?))?\s*[.,;:]?$", re.IGNORECASE)
_BY_AFTER = re.compile(r"^(?P<before>.{1,60}?),\s*by\s+(?P<name>.+?)\s*[.,;:]?$",
                       re.IGNORECASE)
_BY_SELF = re.compile(r"^(?P<before>.*?)[,.]?\s+written\s+by\s+(?P<name>himself|herself|"
                      r"themselves)\s*[.,;:]?$", re.IGNORECASE)
_REFLEXIVE = re.compile(r"^(?:himself|herself|themselves)$", re.IGNORECASE)
_LIFE_OF = re.compile(r"\b(?:life|lives|memoirs?|narrative|autobiography|adventures|"
                      r"journal)\s+of\s+(?:the\s+(?:life\s+of\s+)?)?(?P<name>(?:[A-Z][\w'’.-]*"
                      r"\s*){2,5})", re.IGNORECASE)
_IMPRINT = re.compile(
    r"^(?:printed|published)(?:\s+and\s+(?:sold|published))?\s+(?:by|for)\s+"
    r"(?P<name>[^,]+?)(?:,\s*(?P<rest>.*?))?\s*\.?$", re.IGNORECASE)
_PLACE_PUBLISHER = re.compile(r"^(?P<place>[A-Z][\w .'’-]{1,40}):\s*(?P<name>[^:]+?),\s*"
                              r"(?P<year>1[5-9]\d\d|20\d\d)\.?$")
_PUBLISHED_YEAR = re.compile(r"^(?:printed|published)\b.*?\b(?P<year>1[5-9]\d\d|20\d\d)\.?$",
                             re.IGNORECASE)
_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
#: Degrees, honours and descriptions printed after a name.
_AFTER_NAME = re.compile(r",\s.*$")
_PARTICLES = {"de", "da", "di", "du", "van", "von", "der", "den", "la", "le", "del", "y", "ten",
              "ter", "st."}
_EDGE = " /\\^|_~*.,;:"


@dataclass
class TitlePage:
    """What the title page states, each with the line it is printed on."""

    title: str | None = None
    subtitle: str | None = None
    author: list[str] = field(default_factory=list)
    editor: list[str] = field(default_factory=list)
    translator: list[str] = field(default_factory=list)
    publisher: str | None = None
    place: str | None = None
    date: str | None = None
    lines: dict[str, int] = field(default_factory=dict)
    #: The facts the header took from here, as "key: value (title page, line N)".
    taken: list[str] = field(default_factory=list)


def front_blocks(text: str) -> list[Block]:
    """The blocks before the first block of running text (credits left out)."""
    out: list[Block] = []
    for block in split_blocks(text):
        if is_prose(block):
            break
        if not is_credit(block):
            out.append(block)
    return out


def read_title_page(text: str, fields: dict[str, str] | None = None) -> TitlePage:
    """The facts of ``text``'s title page; ``fields`` are labelled preamble fields
    (:class:`.credits.Credits`), which come first."""
    page = TitlePage()
    fields = fields or {}
    if fields.get("title"):
        page.title = fields["title"]
    for key in ("author", "editor", "translator"):
        if fields.get(key):
            getattr(page, key).extend(_names(fields[key]))
    blocks = front_blocks(text)
    _by_lines(blocks, page)
    _imprint(blocks, page)
    return page


def _by_lines(blocks: list[Block], page: TitlePage) -> None:
    for bi, block in enumerate(blocks):
        lines = block.text.split("\n")
        for li, line in enumerate(lines):
            if _IMPRINT.match(line) or re.match(r"(?i)entered|copyright", line):
                continue
            m = (_VERB.match(line) or _BY_ONLY.match(line) or _BY_SELF.match(line)
                 or _BY_AFTER.match(line))
            if not m:
                continue
            groups = m.groupdict()
            verb = (groups.get("verb") or "").lower()
            before = (groups.get("before") or "").strip()
            name = groups.get("name")
            where = block.line + li
            if not name:  # "by" (or "Translated by") ending the line: the name follows
                following = [*lines[li + 1:li + 2],
                             *(blocks[bi + 1].text.split("\n")[:1] if li + 1 == len(lines)
                               and bi + 1 < len(blocks) else [])]
                name = following[0] if following else None
                where += 1
            if not name:
                continue
            role = _ROLES.get(verb, "author")
            if _REFLEXIVE.match(name.strip(" .,")):
                title, title_line = _title_above(blocks, bi, li)
                found = _LIFE_OF.search(title or "")
                names = [_person(found.group("name"))] if found else []
                if before:
                    page.subtitle = page.subtitle or _clean(line)
            else:
                names = _names(name)
                title, title_line = ((_clean(before), block.line + li) if before
                                     else _title_above(blocks, bi, li))
            if not names:
                continue
            target = getattr(page, role)
            if not target:
                target.extend(names)
                page.lines[role] = where
            if role == "author" and title and page.title is None:
                page.title = title
                page.lines["title"] = title_line
                if page.subtitle:
                    page.lines["subtitle"] = where


def _title_above(blocks: list[Block], bi: int, li: int) -> tuple[str | None, int]:
    """The title-page lines just above line ``li`` of block ``bi`` (the block's own lines
    before it, or else the short blocks before it back to a wide gap), and the line the
    first of them is printed on."""
    own = blocks[bi].text.split("\n")[:li]
    if own:
        return _clean(" ".join(_clean(ln) for ln in own)) or None, blocks[bi].line
    parts: list[str] = []
    first = blocks[bi].line
    k = bi - 1
    while k >= 0:
        block = blocks[k]
        lines = block.text.split("\n")
        if len(lines) > 3 or any(len(ln) > 60 for ln in lines) or block.text[0] in "([":
            break
        parts[:0] = lines
        first = block.line
        gap = block.line - (blocks[k - 1].line + blocks[k - 1].text.count("\n") + 1) \
            if k else 0
        if gap > 2 or _BY_ONLY.match(lines[0]) or _VERB.match(lines[0]):
            break
        k -= 1
    return _clean(" ".join(_clean(ln) for ln in parts)) or None, first


def _imprint(blocks: list[Block], page: TitlePage) -> None:
    for bi, block in enumerate(blocks):
        for li, line in enumerate(block.text.split("\n")):
            m = _IMPRINT.match(line)
            pp = _PLACE_PUBLISHER.match(line)
            year = _PUBLISHED_YEAR.match(line)
            if m:
                page.publisher = page.publisher or _clean_name(m.group("name"))
                rest = m.group("rest") or ""
                if _YEAR.search(rest) and page.date is None:
                    page.date = _clean(rest)
            elif pp:
                page.place = page.place or _clean(pp.group("place"))
                page.publisher = page.publisher or _clean_name(pp.group("name"))
                page.date = page.date or pp.group("year")
            elif year:
                page.date = page.date or year.group("year")
            else:
                continue
            for key in ("publisher", "place", "date"):
                if getattr(page, key):
                    page.lines.setdefault(key, block.line + li)
            above = block.text.split("\n")[li - 1] if li else (
                blocks[bi - 1].text if bi and "\n" not in blocks[bi - 1].text else "")
            if page.place is None and re.fullmatch(r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2}",
                                                   above.strip(" ,.")):
                page.place = _clean(above)
                page.lines["place"] = block.line + li - 1 if li else blocks[bi - 1].line
            return


def _names(text: str) -> list[str]:
    """The persons of a ``by`` line, or nothing when it does not read as names."""
    text = _AFTER_NAME.sub("", text.strip())
    parts = re.split(r"\s+(?:and|AND|&)\s+", text)
    names = [_person(p) for p in parts]
    if not all(_is_name(n) for n in names):
        return []
    return names


def _is_name(name: str) -> bool:
    words = name.split()
    if not 2 <= len(words) <= 6:
        return False
    return all(w[0].isupper() or w.lower() in _PARTICLES for w in words)


def _person(text: str) -> str:
    """A printed name, its capitals made a name's (``GEORGE M. BEARD`` → George M. Beard,
    ``JOHN O'BRIEN`` → John O'Brien)."""
    name = _clean(_AFTER_NAME.sub("", text))
    if name.isupper():
        name = re.sub(r"[A-Z]+", lambda m: m.group(0).capitalize(), name)
    return name


def _clean_name(text: str) -> str:
    """A publisher's name: a final full stop is kept after an abbreviation (``Co.``)."""
    name = " ".join(text.split()).strip(" ,;:")
    last = name.split()[-1] if name else ""
    return name if re.fullmatch(r"(?:[A-Z][a-z]{0,2}|[A-Z])\.", last) else name.rstrip(".")


def _clean(text: str) -> str:
    return " ".join(text.split()).strip(_EDGE)

"""Facts the title page states unambiguously, read off the lines before the running text.

- the author from a ``by NAME`` line (``By Thomas Paine``, ``BY JOHN REED``, ``by`` on a
  line of its own and the name on the next), several joined by ``and``; the printed name
  without styles and degrees (``the Rev. GEORGE M. BEARD, M. D.`` gives George M. Beard); a
  ``Written by Himself`` line takes the name from the title (``… the Life of NAME``);
- editors and translators from ``Edited [and annotated] by NAME``, ``Translated [from the
  French] by NAME`` (also with the ``BY NAME`` a few lines below) and ``With an
  Introduction by NAME`` (an editor with the role ``introduction``);
- the title from the title-page lines just above the ``by`` line (not a dedication, an
  epigraph, a bookplate or OCR noise; a later ``A NOVEL`` line is the subtitle; nothing
  when those lines are a head such as ``CHAPTER I.``); without a title page, a half-title
  before chapter one (:func:`half_title`); a word in capitals OCR misread is mended from
  the text's own words (:func:`mend_capitals`);
- an edition statement (``SECOND EDITION, REVISED.``);
- the imprint: ``Printed [and sold] by NAME, DATE``, ``Published by``/``at NAME``, ``PLACE:
  NAME, YEAR``, or a firm's name (``… & CO.``, ``… PRESS``) with a place or a year next to
  it;
- the labelled fields of a Project Gutenberg preamble (``Title:``, ``Author:``,
  ``Language:``, or its first line), which come first; and an e-text that opens with the
  author's name and the title over its notes on the source (``Written:``, ``Source:``).

Anything else is left empty: a missing fact is better than a wrong one."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..models import Date, P
from .blocks import Block, split_blocks
from .credits import is_credit, is_prose
from .dates import apply_dates
from .header import LANGUAGES
from .heads import (
    WORD_RANK,
    HeadForm,
    is_caps,
    is_connector,
    known_word,
    normal_form,
    word_head,
)
from .structure import FRONT

_ROLES = {"written": "author", "edited": "editor", "translated": "translator",
          "compiled": "editor", "selected": "editor", "arranged": "editor"}
_VERB = re.compile(
    r"^(?P<verb>written|edited|translated|compiled|selected|arranged)(?:,?\s+(?:and\s+)?"
    r"(?:annotated|revised|abridged|edited|translated|arranged|enlarged))*(?:\s+(?:from|out of|"
    r"into)(?:\s+the)?\s+[A-Za-z]+)?(?:,?\s+with\s+[^,]{3,60}?,)?\s+by(?:\s+(?P<name>.+?))?"
    r"\s*[.,;:]?$", re.IGNORECASE)
#: ``With an Introduction by NAME``, ``With a Preface and Notes by NAME``: an editor whose
#: role is the part named first.
_WITH = re.compile(r"^with\s+(?:an?\s+|the\s+)?(?P<role>introduction|preface|foreword|notes|"
                   r"introductory\s+note|memoir|afterword)(?:\s+and\s+[a-z ]+?)?\s+by"
                   r"(?:\s+(?P<name>.+?))?\s*[.,;:]?$", re.IGNORECASE)
#: A role printed without its ``by``, which a ``BY NAME`` line a little below completes
#: (``TRANSLATED FROM THE FRENCH,`` / ``WITH A PREFACE AND NOTES,`` / ``BY JOHN FORBES``).
_VERB_ALONE = re.compile(r"^(?P<verb>edited|translated|compiled|selected|arranged)(?:\s+(?:and\s+)?"
                         r"\w+)?(?:\s+(?:from|out of|into)(?:\s+the)?\s+[A-Za-z]+)?\s*[.,;:]?$",
                         re.IGNORECASE)
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
    r"(?=(?:the\s+)?(?-i:[A-Z0-9]))(?P<name>[^,]+?)(?:,\s*(?P<rest>.*?))?\s*\.?$", re.IGNORECASE)
_PLACE_PUBLISHER = re.compile(r"^(?P<place>[A-Z][\w .'’-]{1,40}):\s*(?P<name>[^:]+?)(?:,\s*"
                              r"(?P<year>1[5-9]\d\d|20\d\d))?\.?$")
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
    #: The role of an editor by name, where the page says it (``introduction``).
    roles: dict[str, str] = field(default_factory=dict)
    translator: list[str] = field(default_factory=list)
    publisher: str | None = None
    place: str | None = None
    date: str | None = None
    edition: str | None = None
    lines: dict[str, int] = field(default_factory=dict)
    #: The facts a preamble's fields gave (``title``, ``author``, ...).
    preamble: set[str] = field(default_factory=set)
    #: The code of the language a preamble's ``Language:`` field names (``French`` → fr).
    language: str | None = None
    #: The title printed on the title page, where a preamble's field gave another.
    printed_title: str | None = None
    #: Words of the title OCR misread, as "PRINTED → MENDED".
    misread: list[str] = field(default_factory=list)
    #: Whether the title is a half-title's (printed before chapter one), not a title page's.
    half_title: bool = False
    #: The facts the header took from here, as "key: value (title page, line N)".
    taken: list[str] = field(default_factory=list)


def front_blocks(blocks: list[Block]) -> list[Block]:
    """The blocks before the first block of running text (credits left out)."""
    out: list[Block] = []
    for block in blocks:
        if is_prose(block):
            break
        if not is_credit(block):
            out.append(block)
    return out


def read_title_page(text: str, fields: dict[str, str] | None = None,
                    notes_at: int | None = None) -> TitlePage:
    """The facts of ``text``'s title page; ``fields`` are labelled preamble fields
    (:class:`.credits.Credits`), which come first; ``notes_at`` is the line where the
    e-text's notes on its source began (taken out of ``text``)."""
    page = TitlePage()
    fields = fields or {}
    if fields.get("title"):
        page.title = fields["title"]
        page.subtitle = fields.get("subtitle")
        page.preamble.update({"title", "subtitle"} if page.subtitle else {"title"})
    codes = {name.lower(): code for code, name in LANGUAGES.items()}
    page.language = codes.get(fields.get("language", "").strip().lower())
    if page.language:
        page.preamble.add("language")
    for key in ("author", "editor", "translator"):
        if fields.get(key):
            getattr(page, key).extend(_names(fields[key]))
            page.preamble.add(key)
    every = split_blocks(text)
    blocks = front_blocks(every)
    _by_lines(blocks, page, fields_title=bool(fields.get("title")))
    _imprint(blocks, page)
    _edition(blocks, page)
    if page.title is None and not page.author and notes_at:
        _name_over_title(text, notes_at, page)
    if page.title is None and not page.author:
        found = half_title(every)
        if found:
            page.title, page.lines["title"] = found
            page.half_title = True
    if page.title and not fields.get("title"):
        page.title, page.misread = mend_capitals(page.title, text)
    return page


#: Capitals OCR takes for one another (``YENEEEAL`` for ``VENEREAL``).
_CONFUSED = frozenset(frozenset(p) for p in ("ER", "BR", "YV", "UV", "OQ", "O0", "I1"))


def mend_capitals(title: str, text: str) -> tuple[str, list[str]]:
    """``title`` with each word in capitals that OCR misread mended, and the words mended
    as "PRINTED → MENDED". A word is mended when it is printed nowhere else in ``text``
    and exactly one word of the text, printed three times or more, differs from it in one
    or two letters that OCR confuses."""
    counts = Counter(re.findall(r"[A-Z0-9]{6,}", text.upper()))
    mended: list[str] = []

    def mend(m: re.Match[str]) -> str:
        """The word of match ``m``, mended where it can be."""
        word = m.group(0)
        if counts.get(word, 0) > 1:
            return word
        found = [w for w, n in counts.items() if n >= 3 and len(w) == len(word)
                 and _misread(word, w)]
        if len(found) != 1:
            return word
        mended.append(f"{word} → {found[0]}")
        return found[0]

    return re.sub(r"\b[A-Z0-9]{6,}\b", mend, title), mended


def _misread(printed: str, word: str) -> bool:
    """Whether ``printed`` is ``word`` with one or two letters OCR confuses."""
    if len(printed) != len(word) or printed == word or not word.isalpha():
        return False
    diffs = [frozenset((a, b)) for a, b in zip(printed, word, strict=True) if a != b]
    return len(diffs) <= 2 and all(d in _CONFUSED for d in diffs)


@dataclass
class _Byline:
    """What one ``by`` line states: its role, names and line, and the title (and subtitle)
    printed above it, with their lines."""

    role: str
    names: list[str]
    line: int
    title: str | None
    subtitle: str | None
    title_line: int
    subtitle_line: int
    with_role: str = ""


def _by_lines(blocks: list[Block], page: TitlePage, fields_title: bool = False) -> None:
    """Authors, editors, translators and the title from the ``by`` lines of ``blocks``;
    ``fields_title``: the title came from a preamble's field (the title page's own is then
    kept as ``printed_title`` where it differs)."""
    pending: tuple[str, int] | None = None  # a role whose "by" comes some lines below
    for bi, block in enumerate(blocks):
        lines = [_plain(ln) for ln in block.text.split("\n")]
        for li, line in enumerate(lines):
            if _IMPRINT.match(line) or re.match(r"(?i)entered|copyright", line):
                continue
            alone = _VERB_ALONE.match(line)
            if alone:
                pending = _ROLES[alone.group("verb").lower()], block.line + li
                continue
            found = _byline(blocks, bi, li, line, pending)
            if found is None:
                continue
            pending = None
            if found.names and not (found.title and _is_head(found.title)):
                _record(page, found, fields_title)  # (a head over a byline signs a piece)


def _byline(blocks: list[Block], bi: int, li: int, line: str,
            pending: tuple[str, int] | None) -> _Byline | None:
    """The ``by`` line ``line`` (line ``li`` of block ``bi``) read, or ``None`` when it is
    none; ``pending`` is a role printed a few lines above without its ``by``."""
    m = (_VERB.match(line) or _WITH.match(line) or _BY_ONLY.match(line)
         or _BY_SELF.match(line) or _BY_AFTER.match(line))
    if not m:
        return None
    groups = m.groupdict()
    verb = (groups.get("verb") or "").lower()
    with_role = " ".join((groups.get("role") or "").lower().split())
    before = (groups.get("before") or "").strip()
    name = groups.get("name")
    where = blocks[bi].line + li
    if not name:  # "by" (or "Translated by") ending the line: the name follows
        name = _name_below(blocks, bi, li)
        where += 1
    if not name:
        return None
    role = "editor" if with_role else _ROLES.get(verb, "author")
    if pending and not verb and not with_role and blocks[bi].line + li - pending[1] <= 6:
        role = pending[0]  # TRANSLATED FROM THE FRENCH, / … / BY JOHN FORBES
    reflexive = _REFLEXIVE.match(name.strip(" .,"))
    parts, starts = (([[before]], [blocks[bi].line + li]) if before and not reflexive
                     else _title_above(blocks, bi, li))
    title, subtitle, cut = _split_title(parts)
    if reflexive and before and title is None:  # THE LIFE OF X, WRITTEN BY HIMSELF
        title, starts, before = _clean(before), [blocks[bi].line + li], ""
    subtitle_line = starts[cut] if cut < len(starts) else where
    if reflexive:
        life = _LIFE_OF.search(title or "")
        names = [_person(life.group("name"))] if life else []
        if before:
            subtitle, subtitle_line = _clean(line), where
    else:
        names = _names(name)
    return _Byline(role, names, where, title, subtitle, starts[0] if starts else where,
                   subtitle_line, with_role)


def _record(page: TitlePage, found: _Byline, fields_title: bool) -> None:
    """Put what the byline ``found`` states into ``page``, where it is not known yet."""
    target = getattr(page, found.role)
    if found.with_role:
        page.roles.update((n, found.with_role) for n in found.names if n not in target)
    if not target or found.with_role:
        target.extend(n for n in found.names if n not in target)
        page.lines.setdefault(found.role, found.line)
    if found.role != "author" or not found.title:
        return
    if page.title is None:
        page.title, page.subtitle = found.title, found.subtitle
        page.lines["title"] = found.title_line
        if found.subtitle:
            page.lines["subtitle"] = found.subtitle_line
    elif fields_title and page.printed_title is None \
            and normal_form(found.title) != normal_form(page.title):
        page.printed_title = found.title
        page.lines["source_title"] = found.title_line


def _name_below(blocks: list[Block], bi: int, li: int) -> str | None:
    """The name printed on the line after line ``li`` of block ``bi`` (in the block or
    the next), with a second name joined by ``AND`` on a line of its own or at the end of
    the first (``JOHN SMITH`` / ``AND`` / ``MARY JONES``)."""
    after = [_plain(ln) for ln in blocks[bi].text.split("\n")[li + 1:]]
    for block in blocks[bi + 1:bi + 4]:
        after += [_plain(ln) for ln in block.text.split("\n")]
    if not after:
        return None
    first = after[0]
    if len(after) >= 3 and after[1].lower() in ("and", "&"):
        return f"{first} and {after[2]}"
    if len(after) >= 2 and re.search(r"\s(?:and|AND|&)$", first):
        return f"{first} {after[1]}"
    return first


def _plain(line: str) -> str:
    """``line`` without italics marks (``_by_ Ann Lee``, ``*By* ANN LEE``)."""
    return " ".join(line.replace("_", " ").replace("*", " ").split())


def _is_head(text: str) -> bool:
    """Whether ``text`` opens like a division head: a label with a number (``CHAPTER I.``)
    or a front-matter name (``PREFACE``, ``Introduction``)."""
    first = text.split()[0].strip(".:,") if text.split() else ""
    return word_head(text) is not None or known_word(first, _FRONT_NAMES) is not None


#: Names of front-matter heads (``to`` opens titles as well as dedications: not here).
_FRONT_NAMES = frozenset(FRONT) - {"to"}


def _name_over_title(text: str, notes_at: int, page: TitlePage) -> None:
    """An e-text that opens with the author's name, the title (and a subtitle), each on a
    line of its own, then its notes on the source (``Written:``, ``Source:``,
    ``Transcribed:``): the author and title from those lines, when the first reads as a
    name and the second does not."""
    lines = [(ln.strip(), k + 1) for k, ln in enumerate(text.split("\n")[:notes_at - 1])
             if ln.strip()]
    if not 2 <= len(lines) <= 3 or any(len(ln) > 80 for ln, _ in lines):
        return
    names = _names(lines[0][0])
    if not names or _names(lines[1][0]) or _is_head(lines[1][0]):
        return
    page.author, page.lines["author"] = names, lines[0][1]
    page.title, page.lines["title"] = _clean(lines[1][0]), lines[1][1]
    if len(lines) == 3:
        page.subtitle, page.lines["subtitle"] = _clean(lines[2][0]), lines[2][1]


def half_title(blocks: list[Block]) -> tuple[str, int] | None:
    """The title printed again at the head of the text (a half-title), and its line: a
    group of short lines in capitals, perhaps joined by connectors (``THE PRACTICAL MANUAL``
    / ``OF`` / ``BEE-KEEPING.``), on a page of its own or after running text, directly
    before chapter (part, book) one or before one plain head followed by it; nothing
    numbered comes before it, and no other plain head stands before a numbered head of
    that kind (or it would be a part head). Else ``None``."""
    first = next((i for i, b in enumerate(blocks) if _labelled(b.text)), None)
    form = _labelled(blocks[first].text) if first is not None else None
    if first is None or form is None or form.number != 1:
        return None
    groups = _groups_before(blocks, first)
    if not 1 <= len(groups) <= 2 or len(groups[0]) > 1 and len(groups) == 2:
        return None
    group = groups[-1]
    if len(groups) == 1 and _plain_before_label(blocks, first):
        return None
    start = group[0]
    before = blocks[start - 1] if start else None
    if before is not None and not is_prose(before) and _gap(blocks, start) < 2:
        return None
    title = _clean(" ".join(_clean(blocks[i].text.replace("\n", " ")) for i in group))
    words = title.split()
    if not any(len(w.strip(".,;:'’")) >= 4 for w in words) or _is_head(title) \
            or _APPARATUS.search(title):
        return None
    return title, blocks[start].line


#: Heads of a book's apparatus and dedications, which stand before chapter one too.
_APPARATUS = re.compile(
    r"^(?:to|dedicat\w*|table|list|contents|index|appendix|errata|illustrations?|prologue|"
    r"synopsis|argument|summary|notes?|abbreviations|glossary|chronology|analysis|plates|"
    r"epigraph|motto|in memoriam)\b|\bcontents\b", re.IGNORECASE)


def _labelled(text: str) -> HeadForm | None:
    """``text`` as a head labelled with a word that ranks above sections (``CHAPTER I.``)."""
    form = word_head(text)
    return form if form is not None and WORD_RANK.get(form.kind, 9) < 3 else None


def _title_like(text: str) -> bool:
    """A block a half-title may be made of: one or two short lines in capitals."""
    lines = text.split("\n")
    return (len(lines) <= 2 and all(len(ln) <= 60 for ln in lines) and is_caps(text)
            and not _clean(text).replace(" ", "").isdigit())


def _groups_before(blocks: list[Block], end: int) -> list[list[int]]:
    """The groups of title-like blocks directly before block ``end``, nearest first (blocks
    joined by a connector, or opening or ending with one, are one group); three groups
    stand for three or more."""
    groups: list[list[int]] = []
    k = end - 1
    while k >= 0 and _title_like(blocks[k].text) and len(groups) < 3:
        if groups and _gap(blocks, k + 1) >= 2:
            break  # a page of its own begins at block k + 1
        text = blocks[k].text
        later = blocks[k + 1].text if groups else ""
        joined = groups and (is_connector(text) or is_connector(later)
                             or text.split()[-1].lower() in _JOINING
                             or later.split()[0].lower() in _JOINING - {"the"})
        if joined:
            groups[-1].insert(0, k)
        else:
            groups.append([k])
        k -= 1
    return groups


def _gap(blocks: list[Block], k: int) -> int:
    """The blank lines between block ``k`` and the one before it."""
    before = blocks[k - 1]
    return blocks[k].line - (before.line + before.text.count("\n")) - 1


#: Words that join the lines of a title printed over several blocks.
_JOINING = frozenset({"of", "and", "or", "on", "to", "for", "in", "upon", "with", "the", "&"})


def _plain_before_label(blocks: list[Block], first: int) -> bool:
    """Whether a block after ``first`` that is not labelled stands, in capitals, directly
    before a head of the kind of block ``first`` (as a part head does)."""
    form = _labelled(blocks[first].text)
    if form is None:
        return False
    kind = form.kind
    for k in range(first + 1, len(blocks) - 1):
        after = _labelled(blocks[k + 1].text)
        if after and after.kind == kind and _title_like(blocks[k].text) \
                and not _labelled(blocks[k].text) and not _head_title(blocks, k):
            return True
    return False


def _head_title(blocks: list[Block], k: int) -> bool:
    """Whether block ``k`` is the title printed under a labelled head (``CHAPTER I.`` /
    ``HISTORY.``)."""
    return k > 0 and _labelled(blocks[k - 1].text) is not None


def _title_above(blocks: list[Block], bi: int, li: int) -> tuple[list[list[str]], list[int]]:
    """The title-page lines just above line ``li`` of block ``bi`` (the block's own lines
    before it, or else the short blocks before it back to a wide gap, a dedication or an
    epigraph), block by block without OCR noise, and the line each is printed on."""
    own = blocks[bi].text.split("\n")[:li]
    if own:
        return [_kept(own)], [blocks[bi].line]
    parts: list[list[str]] = []
    starts: list[int] = []
    k = bi - 1
    while k >= 0:
        block = blocks[k]
        lines = block.text.split("\n")
        if len(lines) > 3 or any(len(ln) > 60 for ln in lines) or block.text[0] in "([" \
                or _NOT_TITLE.search(block.text) or parts and _case_break(block.text, parts[0]):
            break
        if _kept(lines):
            parts.insert(0, _kept(lines))
            starts.insert(0, block.line)
        if k and _gap(blocks, k) > 2 or _BY_ONLY.match(lines[0]) or _VERB.match(lines[0]):
            break
        k -= 1
    return parts, starts


#: Blocks that end a title upwards: a dedication, an epigraph (quoted, or its attribution
#: after a dash), a motto, a library's bookplate or stamp.
_NOT_TITLE = re.compile(r"\bdedicat|^\s*[\"“‘'—–]|^\s*--|\bmotto\b|\blibrary\b|\bgift of\b|"
                        r"\bpresented (?:by|to)\b|\bex libris\b|\bbequest\b", re.IGNORECASE)


def _case_break(above: str, below: list[str]) -> bool:
    """Whether block ``above`` cannot open the title that ``below`` (lines in capitals)
    goes on with: it is not in capitals and joins nothing (``Mrs. Ann Lee`` over ``THE``
    / ``ELEMENTS OF BOTANY``, where ``addressed to the`` over ``INHABITANTS`` joins)."""
    text = " ".join(below)
    words = above.split()
    return is_caps(text) and not is_caps(above) and not is_connector(above) \
        and words[-1].lower() not in _JOINING \
        and text.split()[0].lower() not in _JOINING - {"the"}
#: A subtitle printed under the title: ``A NOVEL``, ``An Essay on …``, ``BEING …``.
_SUBTITLE = re.compile(r"^(?:an?|being)\s+\S", re.IGNORECASE)


def _kept(lines: list[str]) -> list[str]:
    """``lines`` without OCR noise (lines with fewer letters than other signs)."""
    out = []
    for line in lines:
        core = " ".join(line.split()).strip(_EDGE.replace(",", "").replace(";", ""))
        letters = sum(ch.isalpha() for ch in core)
        if letters >= 2 and letters >= len(core.replace(" ", "")) / 2:
            out.append(core)
    return out


def _split_title(parts: list[list[str]]) -> tuple[str | None, str | None, int]:
    """The title and subtitle of the title blocks ``parts``, and the block the subtitle
    begins with: a later block that opens with ``A``/``An``/``Being`` or leaves the
    capitals of the first block, and is not joined to it by a connector."""
    cut = len(parts)
    for k in range(1, len(parts)):
        text, before = " ".join(parts[k]), " ".join(parts[k - 1])
        if is_connector(before) or is_connector(text) or text.split()[0].lower() in _JOINING \
                or before.split()[-1].lower() in _JOINING:
            continue
        if _SUBTITLE.match(text) or is_caps(" ".join(parts[0])) and not is_caps(text):
            cut = k
            break
    title = _clean(" ".join(ln for block in parts[:cut] for ln in block))
    subtitle = _clean(" ".join(ln for block in parts[cut:] for ln in block))
    return title or None, subtitle or None, cut


#: A publisher's name as printed on its own line: it ends in a word only firms use, or
#: joins two names with ``&`` (``J. & A. CHURCHILL``).
_FIRM = re.compile(r"(?:\b(?:co|company|publishers?|press|sons|brothers|bros|ltd|limited|"
                   r"printers|booksellers|publishing\s+(?:co|company|house))\.?|"
                   r"^(?:[A-Z][\w'’.]*\.?\s+){0,3}[A-Z][\w'’.]*\.?\s*&\s*[A-Z][\w'’.]*"
                   r"(?:\s+[A-Z][\w'’.]*){0,3})$", re.IGNORECASE)
_PUBLISHED_AT = re.compile(r"^published\s+at\s+(?=(?:the\s+)?(?-i:[A-Z]))(?P<name>[^,]+?)"
                           r"(?:,\s*(?P<rest>.*?))?\s*\.?$", re.IGNORECASE)
#: A place printed alone (``LONDON:``, ``New York,``), perhaps with the year.
_PLACE = re.compile(r"^(?P<place>[A-Z][\w.'’-]*(?:,?\s+(?:[A-Z][\w.'’-]*|and|AND|&)){0,3})"
                    r"\s*[:;,.]?(?:\s*(?P<year>1[5-9]\d\d|20\d\d)\.?)?$")
_YEAR_LINE = re.compile(r"^(?:1[5-9]\d\d|20\d\d|M[DCLXVI]{3,})\.?$")
#: Words that are no place: edition statements and other title-page lines.
_NOT_PLACE = re.compile(r"\b(?:edition|revised|enlarged|volume|vol|part|illustrated|price|"
                        r"copyright|author|by|preface|contents|introduction|chapter)\b",
                        re.IGNORECASE)
#: An address after a publisher's name (``, NEW BURLINGTON STREET``, ``, NO. 25 CORNHILL``).
_ADDRESS = re.compile(r",\s*(?:no\.\s*\d|\d|[^,]*\b(?:street|st\.|row|square|road|lane|"
                      r"avenue|ave\.|court|buildings|strand|place)\b).*$", re.IGNORECASE)
#: An edition statement (``SECOND EDITION, REVISED.``, ``New and Enlarged Edition``).
_EDITION = re.compile(r"^(?:(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
                      r"new|revised|enlarged|popular|cheap|complete|authorized|\d+(?:st|nd|rd|"
                      r"th))[ ,]+(?:and\s+)?)+edition\b[^.]{0,40}\.?$", re.IGNORECASE)


def _lines(blocks: list[Block]) -> list[tuple[str, int]]:
    """Each line of ``blocks`` that is not empty, with its line number (cleaned, a final
    full stop or colon kept: ``& CO.``, ``LONDON:``)."""
    out = []
    for block in blocks:
        for k, line in enumerate(block.text.split("\n")):
            text = " ".join(line.split()).strip(_EDGE.replace(".", "").replace(":", ""))
            text = text.lstrip(".:")
            if _clean(text):
                out.append((text, block.line + k))
    return out


def _imprint(blocks: list[Block], page: TitlePage) -> None:
    """The publisher, place and date of the first imprint on the page: a ``Printed by`` or
    ``Published by``/``at`` line, ``PLACE: NAME, YEAR``, or a firm's name (``… & CO.``,
    ``… PRESS``) printed with a place or a year next to it. Lines of the title and the
    bylines are no imprint."""
    lines = _lines(blocks)
    used = {page.lines[k] for k in ("author", "editor", "translator") if k in page.lines}
    for k, (_line, number) in enumerate(lines):
        if number in used or _title_line(page, number):
            continue
        if _imprint_stack(lines, k, page) or _imprint_line(lines, k, page):
            return


def _imprint_stack(lines: list[tuple[str, int]], k: int, page: TitlePage) -> bool:
    """The imprint printed as three lines, ``PLACE:`` / ``NAME.`` / ``YEAR.`` (``BOSTON:`` /
    ``TICKNOR AND FIELDS.`` / ``1854.``), from line ``k``; whether it is one."""
    if k + 2 >= len(lines) or not lines[k][0].endswith(":"):
        return False
    (place, at), (name, name_at), (year, year_at) = lines[k:k + 3]
    if not (year_at - at == 2 and _YEAR_LINE.match(year) and _PLACE.match(place)
            and not _NOT_PLACE.search(place) and name[:1].isupper() and len(name) <= 60
            and not _NOT_PLACE.search(name) and not _YEAR.search(name)):
        return False
    _set(page, "place", _clean(place), at)
    _set(page, "publisher", _clean_name(_ADDRESS.sub("", name)), name_at)
    _set(page, "date", year.rstrip("."), year_at)
    return True


def _title_line(page: TitlePage, number: int) -> bool:
    """Whether line ``number`` is one of the lines the title was read from."""
    first = page.lines.get("title")
    last = page.lines.get("author")
    return first is not None and last is not None and first <= number < last


def _imprint_line(lines: list[tuple[str, int]], k: int, page: TitlePage) -> bool:
    """Read the imprint at line ``k`` into ``page``; whether it is one."""
    line, number = lines[k]
    near = [lines[j] for j in (k - 1, k + 1, k + 2) if 0 <= j < len(lines)]
    pp = _PLACE_PUBLISHER.match(line)
    m = _IMPRINT.match(line) or _PUBLISHED_AT.match(line)
    if pp and (pp.group("year") or _is_firm(pp.group("name"))) \
            and _PLACE.match(pp.group("place")) and not _NOT_PLACE.search(pp.group("place")):
        _set(page, "place", _clean(pp.group("place")), number)
        _set(page, "publisher", _clean_name(pp.group("name")), number)
        _set(page, "date", pp.group("year"), number)
        _year_near(lines, k, page)
        return True
    if m:
        name = re.sub(r"^the\s+", "", m.group("name").strip())
        _set(page, "publisher", _clean_name(name), number)
        _set(page, "date", _printed_date(m.group("rest") or ""), number)
    elif _is_firm(line):
        if not any(_PLACE.match(t) or _YEAR_LINE.match(t) for t, _ in near):
            return False
        _set(page, "publisher", _clean_name(_ADDRESS.sub("", line)), number)
    elif (published := _PUBLISHED_YEAR.match(line)) is not None:
        _set(page, "date", published.group("year"), number)
        return True
    else:
        return False
    _year_near(lines, k, page, places=True)
    return True


def _year_near(lines: list[tuple[str, int]], k: int, page: TitlePage,
               places: bool = False) -> None:
    """The year (and, with ``places``, the place) printed on a line of its own just above
    or below the imprint line ``k``."""
    number = lines[k][1]
    above = [lines[k - 1]] if k and lines[k - 1][1] >= number - 3 else []
    below = [(t, n) for t, n in lines[k + 1:k + 3] if n <= number + 3]
    for text, where in [*above, *below]:
        year = _YEAR_LINE.match(text)
        place = _PLACE.match(text)
        if year:
            _set(page, "date", text.rstrip("."), where)
        elif places and place and not _NOT_PLACE.search(text) and not _is_firm(text):
            _set(page, "place", _clean(place.group("place")), where)
            _set(page, "date", place.group("year"), where)


def _is_firm(line: str) -> bool:
    """Whether ``line`` is a publisher's name (its address after a comma left out)."""
    name = _ADDRESS.sub("", line).rstrip(" .,")
    return bool(_FIRM.search(name)) and not _NOT_PLACE.search(line) \
        and line[:1] not in "\"'“‘("


def _set(page: TitlePage, key: str, value: str | None, line: int) -> None:
    """Set ``key`` of ``page`` to ``value`` with its line, unless it is set."""
    value = " ".join(value.split()) if value else None
    if value and getattr(page, key) is None:
        setattr(page, key, value)
        page.lines[key] = line


def _printed_date(text: str) -> str | None:
    """The date printed in ``text`` (``May 3, 1850``, ``1845``) as printed, or ``None``."""
    para = P(text)
    apply_dates(para)
    found = next(iter(para.iter(Date)), None)
    if found is not None and _YEAR.search(found.text()):
        return found.text()
    year = _YEAR.search(text)
    return year.group(0) if year else None


def _edition(blocks: list[Block], page: TitlePage) -> None:
    """An edition statement printed on a line of its own (``SECOND EDITION, REVISED.``),
    not the end of a head (``PREFACE TO THE`` / ``SECOND EDITION.``)."""
    lines = _lines(blocks)
    for k, (line, number) in enumerate(lines):
        above = lines[k - 1][0].split() if k else []
        if _EDITION.match(line) and not (above and above[-1].lower().strip(".:,")
                                         in _JOINING):  # PREFACE / TO THE / SECOND EDITION.
            _set(page, "edition", line, number)
            return


def _names(text: str) -> list[str]:
    """The persons of a ``by`` line, or nothing when it does not read as names: names
    joined by ``and`` each with its degrees (``ANN ROE, M.D., AND BOB ROE``), else what
    comes before the first comma."""
    for line in (text.strip(), _AFTER_NAME.sub("", text.strip())):
        parts = re.split(r",?\s+(?:and|AND|&)\s+", line)
        names = [_person(p) for p in parts]
        if all(_is_name(n) for n in names):
            return names
    return []


def _is_name(name: str) -> bool:
    """Two to six capitalised words (particles aside), not a description (``A Lady``)."""
    words = name.split()
    if not 2 <= len(words) <= 6 or words[0].lower() in ("a", "an", "the", "one"):
        return False
    return all(w[0].isupper() or w.lower() in _PARTICLES for w in words)


#: Styles printed before a name (``the Rev.``, ``Dr.``, ``Professor``).
_STYLE = re.compile(r"^(?:the\s+)?(?:rev(?:erend|d)?|dr|doctor|prof(?:essor)?|capt(?:ain)?|"
                    r"col(?:onel)?|hon)\.?\s+(?=[A-Z])", re.IGNORECASE)
#: Degrees printed after a name without a comma (``M.D.``, ``LL.D.``, ``Esq.``).
_DEGREES = re.compile(r"(?:\s+(?:(?:[A-Z]{1,2}[a-z]?\.)+[A-Z]{1,2}[a-z]?\.?|(?i:esq)\.?))+$")


def _person(text: str) -> str:
    """A printed name without styles and degrees, its capitals made a name's (``GEORGE M.
    BEARD`` → George M. Beard, ``JOHN O'BRIEN`` → John O'Brien, ``the Rev. Ann Lee, M.A.``
    → Ann Lee)."""
    name = _clean(_DEGREES.sub("", _STYLE.sub("", _AFTER_NAME.sub("", text.strip()))))
    if name.isupper():
        name = re.sub(r"[A-Z]+", lambda m: m.group(0).capitalize(), name)
    return name


def _clean_name(text: str) -> str:
    """A publisher's name: a final full stop is kept after an abbreviation (``Co.``)."""
    name = " ".join(text.split()).strip(" ,;:")
    last = name.split()[-1] if name else ""
    keep = re.fullmatch(r"[A-Z][a-z]{0,2}\.|(?i:co|bros|ltd|inc|jr|sr)\.", last)
    return name if keep else name.rstrip(".")


def _clean(text: str) -> str:
    """``text`` on one line, without spaces and OCR specks at its edges."""
    return " ".join(text.split()).strip(_EDGE)

"""Properties of the encoder on generated texts of many layouts (heads of every kind, title
pages, footnotes in several marker styles, dates in running text): it never crashes, keeps
every word of the source in the edition's text, and its output is valid TEI."""

from __future__ import annotations

import re
import textwrap
from collections import Counter
from collections.abc import Callable

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

import tei_kirov
from tei_kirov.encoder import encode_with_report

TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
#: Editorial additions: their text is not the source's.
EDITORIAL = {f"{TEI}corr", f"{TEI}reg", f"{TEI}supplied"}
NO_AUTHORITY = b'<TEI xmlns="http://www.tei-c.org/ns/1.0"/>'

WORDS = ("the", "people", "government", "land", "war", "letter", "river", "committee",
         "assembly", "harvest", "money", "reason", "house", "city", "army")
TITLE_WORDS = ("origin", "monarchy", "commerce", "navy", "debts", "liberty", "colonies",
               "education", "childhood", "escape", "freedom", "labour", "wages", "property",
               "religion", "science", "harbour", "mountains")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")

word = st.sampled_from(WORDS)
year = st.integers(1700, 1950)
day = st.integers(1, 28)
month = st.sampled_from(MONTHS)

date_phrase = st.one_of(
    st.builds(lambda m, d, y: f"{m} {d}, {y}", month, day, year),
    st.builds(lambda m, d, y: f"{d} {m} {y}", month, day, year),
    st.builds(lambda m, d, y: f"{m} {d}th, {y}", month, st.integers(4, 20), year),
    st.builds(lambda m, y: f"{m}, {y}", month, year),
    st.builds(lambda m, y: f"{m[:3]}. {y}", month.filter(lambda m: len(m) > 3), year),
    st.builds(lambda y: f"in {y}", year),
    st.builds(lambda y, k: f"{y}-{(y + k) % 100:02d}", year.filter(lambda y: 12 <= y % 100 < 90),
              st.integers(1, 5)),
    st.builds(lambda y: f"the summer of {y}", year),
)


@st.composite
def sentence(draw: st.DrawFn) -> str:
    words = draw(st.lists(word, min_size=6, max_size=16))
    if draw(st.booleans()):
        words.insert(draw(st.integers(1, len(words) - 1)), draw(date_phrase))
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


@st.composite
def paragraph(draw: st.DrawFn) -> str:
    return " ".join(draw(st.lists(sentence(), min_size=3, max_size=6)))


def _title_case(words: list[str]) -> str:
    return " ".join(w.capitalize() for w in words)


HEAD_KINDS = ("roman", "arabic", "chapter", "chapter-next", "caps", "titlecase")


@st.composite
def head(draw: st.DrawFn, n: int, kind: str | None = None,
         title: list[str] | None = None) -> list[str]:
    """The blocks of one printed head, the ``n``-th of its kind (1-based)."""
    title = title or draw(st.lists(word, min_size=1, max_size=4))
    kind = kind or draw(st.sampled_from(HEAD_KINDS))
    if kind == "roman":
        return [f"{ROMAN[(n - 1) % 10]}. {' '.join(title).upper()}"]
    if kind == "arabic":
        return [f"{n}. {_title_case(title)}"]
    if kind == "chapter":
        return [f"CHAPTER {ROMAN[(n - 1) % 10]}. {' '.join(title).upper()}"]
    if kind == "chapter-next":
        return [f"Chapter {n}", _title_case(title)]
    if kind == "caps":
        return [" ".join(title).upper() + "."]
    return [_title_case(title)]


def _wrapped(text: str, width: int) -> str:
    return textwrap.fill(text, width, break_long_words=False, break_on_hyphens=False) \
        if width else text


@st.composite
def document(draw: st.DrawFn) -> tuple[str, int]:
    """A text (maybe a title page, then divisions of paragraphs, some with a footnote) and
    how many footnotes it has."""
    blocks: list[str] = []
    if draw(st.booleans()):
        blocks += [" ".join(draw(st.lists(word, min_size=2, max_size=5))).upper(),
                   "By " + draw(st.sampled_from(["Ann Writer", "JOHN SMITH", "Mary Jones"]))]
    if draw(st.booleans()):
        blocks += ["PREFACE", draw(paragraph()), draw(st.sampled_from(
            ["THE AUTHOR.", "A. W.", "London, May 1, 1850."]))]
    style = draw(st.sampled_from(["*", "†", "¹", "[n]", "(n)", "footnote", "endnotes"]))
    endnotes: list[str] = []
    wrap = draw(st.sampled_from([0, 0, 58, 72]))  # hard-wrapped at this width (0: not)
    note_no = 0
    for k in range(1, draw(st.integers(1, 5)) + 1):
        if draw(st.integers(0, 4)):
            blocks += draw(head(k))
        for _ in range(draw(st.integers(1, 3))):
            text = draw(paragraph())
            if not draw(st.integers(0, 3)):
                note_no += 1
                note = draw(sentence())
                marker = {"*": "*", "†": "†", "¹": "¹²³"[(note_no - 1) % 3],
                          "[n]": f"[{note_no}]", "(n)": f"({note_no})",
                          "footnote": f"[{note_no}]", "endnotes": f"[{note_no}]"}[style]
                text += marker
                blocks.append(_wrapped(text, wrap))
                if style == "endnotes":
                    endnotes.append(f"{marker} {note}")
                else:
                    blocks.append(f"[Footnote {note_no}: {note}]" if style == "footnote"
                                  else f"{marker} {note}")
            else:
                blocks.append(_wrapped(text, wrap))
    if endnotes:
        blocks += ["NOTES", *endnotes]
    return "\n\n".join(blocks) + "\n", note_no


_MONTH = "|".join(MONTHS)
_ABBR = "|".join(m[:3] for m in MONTHS)


def _mm(name: str) -> str:
    return f"{[m[:3] for m in MONTHS].index(name[:3]) + 1:02d}"


#: An independent oracle: each printed form the generator writes, and its ISO value.
ORACLE: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (re.compile(rf"\b({_MONTH}) (\d+)(?:th)?, (\d{{4}})"),
     lambda m: f"{m[3]}-{_mm(m[1])}-{int(m[2]):02d}"),
    (re.compile(rf"\b(\d+) ({_MONTH}) (\d{{4}})"),
     lambda m: f"{m[3]}-{_mm(m[2])}-{int(m[1]):02d}"),
    (re.compile(rf"\b({_MONTH}), (\d{{4}})"), lambda m: f"{m[2]}-{_mm(m[1])}"),
    (re.compile(rf"\b({_ABBR})\. (\d{{4}})"), lambda m: f"{m[2]}-{_mm(m[1])}"),
    (re.compile(r"\bin (\d{4})\b(?!-)"), lambda m: m[1]),
    (re.compile(r"\b(\d{4})-(\d\d)\b"), lambda m: f"{m[1]}/{m[1][:2]}{m[2]}"),
    (re.compile(r"\bsummer of (\d{4})"), lambda m: f"{m[1]}-06-01/{m[1]}-08-31"),
]


def expected_dates(source: str) -> Counter[str]:
    """The ISO value of every date the generator printed in ``source``."""
    flat = " ".join(source.split())
    return Counter(value(m) for pattern, value in ORACLE for m in pattern.finditer(flat))


def edition_dates(xml: bytes) -> Counter[str]:
    """The value of every ``date`` in the edition's text (``from/to`` and
    ``notBefore/notAfter`` as ``A/B``)."""
    out: Counter[str] = Counter()
    for date in etree.fromstring(xml).iter(f"{TEI}date"):
        a = date.get
        out[a("when") or f"{a('from') or a('notBefore')}/{a('to') or a('notAfter')}"] += 1
    return out


def _tokens(text: str) -> Counter[str]:
    return Counter(re.findall(r"[A-Za-z0-9]+", text))


def source_tokens(source: str) -> Counter[str]:
    """The source's words without note markers and Gutenberg's ``[Footnote N:`` wrapper
    (both markup: the marker is kept as the note's ``@n``)."""
    source = re.sub(r"\[Footnote \d+:", " ", source)
    source = re.sub(r"[\[(]\d+[\])]", " ", source)
    return _tokens(source)


def edition_tokens(xml: bytes) -> Counter[str]:
    """The words of the edition's ``text`` (notes included, editorial additions not)."""
    root = etree.fromstring(xml)
    body = root.find(f"{TEI}text")
    parts: list[str] = []

    def walk(el: etree._Element) -> None:
        if el.tag in EDITORIAL:
            parts.append(" " + (el.tail or ""))
            return
        parts.append(" " + (el.text or ""))
        for child in el:
            walk(child)
        parts.append(" " + (el.tail or ""))

    walk(body)
    return _tokens("".join(parts))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document())
def test_generated_texts_keep_every_word_and_are_valid(generated: tuple[str, int]) -> None:
    source, notes = generated
    doc, _ = encode_with_report(source, NO_AUTHORITY)
    xml = tei_kirov.to_bytes(doc)
    assert edition_tokens(xml) == source_tokens(source)
    root = etree.fromstring(xml)
    found = root.findall(f".//{TEI}text//{TEI}note")
    assert len(found) == notes  # every footnote found ...
    assert all(n.getparent().tag == f"{TEI}p" for n in found)  # ... and anchored in its text
    assert edition_dates(xml) == expected_dates(source)  # every date, with its value
    report = tei_kirov.validate(xml)
    assert report.ok, [str(i) for i in report.errors][:3]


def test_the_word_check_sees_a_lost_word() -> None:
    source = "ONE TITLE\n\nBy Ann Writer\n\nThe people met in 1848 at the river. Then left.\n"
    doc, _ = encode_with_report(source, NO_AUTHORITY)
    xml = tei_kirov.to_bytes(doc)
    assert edition_tokens(xml) == source_tokens(source)
    assert edition_tokens(xml.replace(b"river", b"")) != source_tokens(source)


@st.composite
def book(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A text whose divisions all have heads of one kind (as a printed book's do), and the
    first line of each head."""
    kind = draw(st.sampled_from(HEAD_KINDS))
    blocks: list[str] = []
    heads: list[str] = []
    wrap = draw(st.sampled_from([0, 64]))
    pool = draw(st.permutations(TITLE_WORDS))  # heads as different as real ones
    for k in range(1, draw(st.integers(2, 6)) + 1):
        size = draw(st.integers(1, 3))
        title, pool = pool[:size], pool[size:]
        lines = draw(head(k, kind, list(title)))
        heads.append(lines[0])
        blocks += lines
        blocks += [_wrapped(draw(paragraph()), wrap)
                   for _ in range(draw(st.integers(1, 3)))]
    return "\n\n".join(blocks) + "\n", heads


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(book())
def test_heads_of_one_kind_are_all_found_and_none_invented(generated: tuple[str, list[str]]
                                                            ) -> None:
    source, heads = generated
    doc, _ = encode_with_report(source, NO_AUTHORITY)
    root = etree.fromstring(tei_kirov.to_bytes(doc))
    found = [" ".join("".join(h.itertext()).split())
             for h in root.iter(f"{TEI}head") if h.getparent().tag == f"{TEI}div"]
    firsts = [f for f in found if any(f.startswith(h) for h in heads)]
    assert [next(h for h in heads if f.startswith(h)) for f in firsts] == heads
    assert len(found) - len(firsts) <= 2


@st.composite
def parts_book(draw: st.DrawFn) -> tuple[str, list[int]]:
    """A book of parts holding chapters (chapter numbers restart or run on), maybe with a
    preface, and how many chapters each part has."""
    label = draw(st.sampled_from(["PART", "BOOK", "Part", "Book"]))
    chapter = draw(st.sampled_from(["CHAPTER", "Chapter"]))
    restart = draw(st.booleans())
    pool = list(draw(st.permutations(TITLE_WORDS)))
    blocks: list[str] = []
    if draw(st.booleans()):
        blocks += ["PREFACE", draw(paragraph())]
    sizes: list[int] = []
    n = 0
    for p in range(1, draw(st.integers(2, 3)) + 1):
        blocks += [f"{label} {ROMAN[p - 1]}", pool.pop().upper()]
        sizes.append(draw(st.integers(1, 3)))
        for c in range(1, sizes[-1] + 1):
            n = c if restart else n + 1
            blocks += [f"{chapter} {ROMAN[n - 1]}.", pool.pop().upper() + "."]
            blocks += [draw(paragraph()) for _ in range(draw(st.integers(1, 2)))]
    return "\n\n".join(blocks) + "\n", sizes


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(parts_book())
def test_chapters_nest_in_their_parts(generated: tuple[str, list[int]]) -> None:
    source, sizes = generated
    doc, _ = encode_with_report(source, NO_AUTHORITY)
    root = etree.fromstring(tei_kirov.to_bytes(doc))
    body = root.find(f"{TEI}text/{TEI}body")
    parts = body.findall(f"{TEI}div")
    assert [len(p.findall(f"{TEI}div")) for p in parts] == sizes
    assert all(p.get("type") in ("part", "book") for p in parts)
    assert all(c.get("type") == "chapter" for p in parts for c in p.findall(f"{TEI}div"))
    ids = [d.get(XML_ID) for d in root.iter(f"{TEI}div")]
    assert len(ids) == len(set(ids))

"""Independent checks of text fidelity, on the serialised XML (lxml only, no encoder code):
the words of the edition's text, notes apart, and the words of the source, with only the
declared normalisations applied (asterisks dropped, words hyphenated across a page break
joined, footnotes moved to their markers)."""

from __future__ import annotations

import re

from lxml import etree

TEI = "{http://www.tei-c.org/ns/1.0}"
#: Editorial additions: their text is not source text.
EDITORIAL = {"corr", "reg", "supplied"}
#: Elements that stand apart from their neighbours (a word boundary around them).
BLOCKS = {"p", "head", "item", "label", "list", "quote", "closer", "signed", "dateline",
          "titlePart", "docTitle", "docImprint", "byline", "docEdition", "titlePage", "div",
          "front", "body", "note", "publisher", "pubPlace", "lb"}


def edition_words(xml: str) -> tuple[list[str], list[list[str]]]:
    """The words of the reading text (``sic``/``orig``, not ``corr``/``reg``/``supplied``)
    and the words of each note, in document order."""
    root = etree.fromstring(xml.encode("utf-8"))
    text = root.find(f"{TEI}text")
    out: list[str] = []
    notes: list[list[str]] = []
    _walk(text, out, notes)
    return "".join(out).split(), notes


def _walk(el: etree._Element, out: list[str], notes: list[list[str]]) -> None:
    local = etree.QName(el).localname
    if local in EDITORIAL:
        return
    if local == "note":
        inner: list[str] = []
        inner.append(el.text or "")
        for child in el:
            _walk(child, inner, notes)
            inner.append(child.tail or "")
        notes.append("".join(inner).split())
        out.append(" ")
        return
    block = local in BLOCKS and el.get("break") != "no"
    if block:
        out.append(" ")
    out.append(el.text or "")
    for child in el:
        _walk(child, out, notes)
        out.append(child.tail or "")
    if block:
        out.append(" ")


def source_words(source: str, notes: list[list[str]]) -> tuple[list[str], list[list[str]]]:
    """The source's running-text words and its note blocks' words, found by matching the
    edition's notes in order against the source's blocks."""
    blocks = re.split(r"\n[ \t]*\n", source)
    flow: list[str] = []
    found: list[list[str]] = []
    for block in blocks:
        words = block.replace("*", "").split()
        if len(found) < len(notes) and words and words == notes[len(found)]:
            found.append(words)
            continue
        flow.append(block)
    text = "\n\n".join(flow).replace("*", "")
    text = re.sub(r"(\w)-[ \t]*\n(?:[ \t]*\n)+[ \t]*(?=[a-z])", r"\1", text)
    return text.split(), found

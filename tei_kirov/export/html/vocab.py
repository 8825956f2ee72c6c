"""Which TEI element becomes which HTML element: blocks, block wrappers, inline renderings
and the ``hi/@rend`` values that are understood."""

from __future__ import annotations

from .._tree import DIVISIONS

#: TEI elements rendered as blocks (HTML flow content that a ``<p>`` cannot hold).
BLOCKS = frozenset({
    *DIVISIONS, "p", "ab", "list", "table", "lg", "figure", "sp", "cit", "closer", "opener",
    "floatingText", "titlePage", "head", "epigraph", "argument", "trailer", "postscript",
    "listBibl", "div", "front", "body", "back", "group", "text", "docTitle", "docImprint",
    "byline", "docAuthor", "docDate", "docEdition", "l", "item", "row", "cell",
})
#: Block wrappers: element -> (HTML tag, class).
WRAPPERS = {
    "opener": ("div", "opener"), "closer": ("div", "closer"), "epigraph": ("div", "epigraph"),
    "argument": ("div", "argument"), "trailer": ("p", "trailer"),
    "postscript": ("div", "postscript"),
    "byline": ("p", "byline"), "dateline": ("p", "dateline"), "salute": ("p", "salute"),
    "signed": ("p", "signed"), "docImprint": ("p", "docimprint"), "docAuthor": ("p", "docauthor"),
    "docDate": ("p", "docdate"), "docEdition": ("p", "docedition"), "address": ("p", "address"),
    "floatingText": ("div", "floatingtext"), "sp": ("div", "sp"), "speaker": ("p", "speaker"),
    "lg": ("div", "lg"), "bibl": ("p", "bibl"), "listBibl": ("div", "listbibl"),
    "imprimatur": ("p", "imprimatur"), "ab": ("p", "ab"), "label": ("p", "label"),
}
#: Inline renderings: element -> (HTML tag, class).
INLINE = {
    "emph": ("em", ""), "foreign": ("i", "foreign"), "term": ("i", "term"),
    "mentioned": ("i", "mentioned"), "soCalled": ("span", "socalled"), "q": ("span", "q"),
    "said": ("span", "said"), "seg": ("span", "seg"), "del": ("del", ""), "add": ("ins", ""),
    "unclear": ("span", "unclear"), "abbr": ("abbr", ""), "num": ("span", "num"),
    "quote": ("span", "quote"),
    "measure": ("span", "measure"), "bibl": ("span", "bibl"), "l": ("span", "l"),
    "speaker": ("span", "speaker"), "stage": ("span", "stage"), "sic": ("span", "sic"),
    "corr": ("span", "corr-plain"), "orig": ("span", "orig"), "reg": ("span", "reg-plain"),
    "expan": ("span", "expan-plain"), "titlePart": ("span", "titlepart"), "label": ("b", "label"),
    "dateline": ("span", "dateline"), "salute": ("span", "salute"), "signed": ("span", "signed"),
    "address": ("span", "address"), "addrLine": ("span", "addrline"), "byline": ("span", "byline"),
}
HI = {
    "italic": ("i", ""), "italics": ("i", ""), "i": ("i", ""), "it": ("i", ""),
    "bold": ("b", ""), "b": ("b", ""), "sup": ("sup", ""), "superscript": ("sup", ""),
    "sub": ("sub", ""), "subscript": ("sub", ""), "smallcaps": ("span", "smallcaps"),
    "small-caps": ("span", "smallcaps"), "sc": ("span", "smallcaps"),
    "underline": ("span", "underline"), "u": ("span", "underline"),
    "spaced": ("span", "spaced"), "letter-spacing": ("span", "spaced"),
    "caps": ("span", "caps"), "uppercase": ("span", "caps"),
}
KIND_TITLES = {"person": "Persons", "place": "Places", "org": "Organisations"}

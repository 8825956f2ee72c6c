"""Which fact the header says: the metadata given (command line over file) first, then what
the title page states unambiguously (:mod:`.titlepage`). Guesses of other passes (a
signature taken for the author, lines taken for an imprint) are not used. A fact found
nowhere stays empty and is reported."""

from __future__ import annotations

from .meta import EditionMeta, Party
from .titlepage import TitlePage

#: Facts of the source whose absence the report names, and how to give them.
EXPECTED = ("title", "author", "publisher", "place", "date")


def settle(meta: EditionMeta, page: TitlePage) -> tuple[EditionMeta, list[str]]:
    """The metadata the header is built from, and a warning for each expected fact that
    stays empty. ``page.taken`` is set to the facts taken from the title page."""
    data = meta.model_dump()
    found: dict[str, object] = {
        "title": page.title,
        "subtitle": page.subtitle if page.title and not meta.title else None,
        "author": [Party(name=n) for n in page.author],
        "editor": [Party(name=n, role=page.roles.get(n)) for n in page.editor],
        "translator": [Party(name=n) for n in page.translator],
        "publisher": page.publisher,
        "place": page.place,
        "date": page.date,
        "edition": page.edition,
        "language": page.language,
        "source_title": page.printed_title if page.title and not meta.title else None,
    }
    page.taken = []
    for key, value in found.items():
        if not data[key] and value:
            data[key] = ([p.model_dump() for p in value] if isinstance(value, list)
                         else value)
            shown = "; ".join(p.name for p in value) if isinstance(value, list) else value
            page.taken.append(f"{key}: {shown} ({_where(page, key)})")
    settled = EditionMeta.model_validate(data)
    warnings = [f"no {key} in the header: none was given and the title page does not state "
                f"one unambiguously (give --{key} or {key} in --meta)"
                for key in EXPECTED if not getattr(settled, key)]
    return settled, warnings


def _where(page: TitlePage, key: str) -> str:
    """Where the page's fact ``key`` was read: the e-text's preamble, or the half-title or
    title page and its line (with the words OCR misread in the title)."""
    if key in page.preamble:
        return "e-text preamble"
    where = "half-title" if key == "title" and page.half_title else "title page"
    misread = f"; OCR misread {', '.join(page.misread)}" if key == "title" and \
        page.misread else ""
    return f"{where}, line {page.lines.get(key, '?')}{misread}"

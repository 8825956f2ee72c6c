"""What the exports need to know from a ``teiHeader``: titles, responsibilities, publication
and source statements, and who an ``@resp`` pointer names."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..models.base import Container
from ._tree import attr, child, children, descendants, elements, first, local, plain, pointers

_NAMES = frozenset({"persName", "orgName", "name", "forename", "surname"})


@dataclass(frozen=True)
class Agent:
    """Someone responsible for the edition: ``role`` is ``author``, ``editor``,
    ``translator``, ``encoder`` or the wording of a ``resp``."""

    role: str
    name: str
    id: str | None = None
    resp: str = ""

    def note_label(self, plural: bool = False) -> str:
        """How a note by this agent is labelled: "Translator's note", "Editors' note"..."""
        if self.role == "author":
            return "Author's note"
        if self.role == "editor":
            return "Editors' note" if plural else "Editor's note"
        if self.role == "translator":
            return "Translator's note"
        if self.role == "encoder":
            return "Encoder's note"
        return f"Note ({self.resp or self.role})"


@dataclass
class Meta:
    """The parts of a header the exports show or record."""

    title: str = ""
    subtitle: str = ""
    agents: list[Agent] = field(default_factory=list)
    publisher: str = ""
    pub_place: str = ""
    pub_date: str = ""
    licence: str = ""
    licence_url: str = ""
    identifiers: list[str] = field(default_factory=list)
    source: str = ""
    source_dates: list[str] = field(default_factory=list)
    created: str = ""
    by_id: dict[str, Agent] = field(default_factory=dict)

    def names(self, role: str) -> list[str]:
        """Names of every agent with ``role``, in header order, without repeats."""
        out: list[str] = []
        for agent in self.agents:
            if agent.role == role and agent.name not in out:
                out.append(agent.name)
        return out

    def note_author(self, resp: str | None) -> tuple[str, str]:
        """Label and name(s) for a note with this ``@resp`` (no ``@resp``: the author's)."""
        targets = pointers(resp)
        found = [self.by_id[t] for t in targets if t in self.by_id]
        if found:
            main = found[0]
            plural = main.role == "editor" and (
                main.name.lower().startswith(("the ", "editors")) or "editors" in main.name.lower()
                or len(self.names("editor")) > 1)
            names = ", ".join(dict.fromkeys(a.name for a in found))
            return main.note_label(plural=plural), names
        if resp:
            return "Note", " ".join(t.lstrip("#") for t in resp.split())
        authors = self.names("author")
        return "Author's note", ", ".join(authors)


def _role_of_resp(resp: str) -> str:
    low = resp.lower()
    if "transl" in low or "übersetz" in low or "tradu" in low:
        return "translator"
    if "encod" in low or "markup" in low or "tei" in low.split() or "digitiz" in low:
        return "encoder"
    if "edit" in low or "herausg" in low:
        return "editor"
    return resp.strip() or "contributor"


def _agent_names(el: Container) -> list[str]:
    names = [plain(n) for n in elements(el) if local(n) in _NAMES]
    names = [n for n in names if n]
    if not names:
        text = plain(el)
        if text:
            names = [text]
    return names


def read_meta(root: Container) -> Meta:
    """Collect :class:`Meta` from the ``teiHeader`` below ``root`` (empty when absent)."""
    meta = Meta()
    header = child(root, "teiHeader") or first(root, "teiHeader")
    if header is None:
        return meta
    file_desc = child(header, "fileDesc")
    title_stmt = child(file_desc, "titleStmt") if file_desc is not None else None
    if title_stmt is not None:
        _read_titles(title_stmt, meta)
        _read_agents(title_stmt, meta)
    if file_desc is not None:
        edition = child(file_desc, "editionStmt")
        if edition is not None:
            for resp_stmt in children(edition, "respStmt"):
                _add_resp_stmt(resp_stmt, meta)
        pub = child(file_desc, "publicationStmt")
        if pub is not None:
            _read_publication(pub, meta)
        source = child(file_desc, "sourceDesc")
        if source is not None:
            meta.source = source_text(source)
            for date in descendants(source, frozenset({"note"})):
                if local(date) == "date":
                    value = attr(date, "when") or attr(date, "from") or attr(date, "notBefore")
                    if value and value not in meta.source_dates:
                        meta.source_dates.append(value)
    creation = first(header, "creation")
    if creation is not None:
        created = first(creation, "date")
        meta.created = ((attr(created, "when") or plain(created)) if created is not None
                        else plain(creation))
    for el in descendants(header):
        el_id = attr(el, "xml:id")
        if el_id and el_id not in meta.by_id and local(el) in ("persName", "orgName", "name"):
            meta.by_id[el_id] = Agent("contributor", plain(el), el_id)
    return meta


def source_text(source: Container) -> str:
    """A one-paragraph description of the source: a citation built from a ``biblStruct``,
    otherwise the text of the ``bibl``/``p`` elements."""
    parts = []
    for el in elements(source):
        name = local(el)
        if name == "biblStruct":
            parts.append(_citation(el))
        elif name in ("bibl", "p", "msDesc", "listBibl", "list"):
            parts.append(plain(el))
    return " ".join(p for p in parts if p) or plain(source)


def _citation(bibl: Container) -> str:
    monogr = first(bibl, "monogr") or bibl
    analytic = first(bibl, "analytic")
    bits: list[str] = []
    for part in (analytic, monogr):
        if part is None:
            continue
        authors = [plain(a) for a in children(part, "author")]
        titles = [plain(t) for t in children(part, "title")]
        if authors:
            bits.append(", ".join(authors))
        if titles:
            bits.append(": ".join(titles))
        for resp_stmt in children(part, "respStmt"):
            resp = " ".join(plain(r) for r in children(resp_stmt, "resp"))
            who = ", ".join(plain(n) for n in elements(resp_stmt) if local(n) != "resp")
            if who:
                bits.append(f"{resp} {who}".strip())
    edition = child(monogr, "edition")
    if edition is not None:
        bits.append(plain(edition))
    imprint = child(monogr, "imprint")
    if imprint is not None:
        place = ", ".join(plain(p) for p in children(imprint, "pubPlace"))
        publisher = ", ".join(plain(p) for p in children(imprint, "publisher"))
        date = ", ".join(plain(d) for d in children(imprint, "date"))
        where = ": ".join(x for x in (place, publisher) if x)
        bits.append(", ".join(x for x in (where, date) if x))
    return ". ".join(b[:1].upper() + b[1:].rstrip(".") for b in bits if b) + "."


def _read_titles(title_stmt: Container, meta: Meta) -> None:
    titles = children(title_stmt, "title")
    main = [t for t in titles if attr(t, "type") in (None, "main")]
    sub = [t for t in titles if attr(t, "type") == "sub"]
    chosen = main[0] if main else (titles[0] if titles else None)
    # a series title first (level="s") is less telling than the title of the item itself
    for t in main:
        if attr(t, "level") in ("a", "m", None) and attr(t, "level") != "s":
            chosen = t
            break
    meta.title = plain(chosen) if chosen is not None else ""
    meta.subtitle = plain(sub[0]) if sub else ""


def _read_agents(title_stmt: Container, meta: Meta) -> None:
    for el in elements(title_stmt):
        name = local(el)
        if name in ("author", "editor"):
            role = name
            if name == "editor" and attr(el, "role") and "transl" in (attr(el, "role") or ""):
                role = "translator"
            agent_names = _agent_names(el)
            el_id = attr(el, "xml:id")
            for i, person in enumerate(agent_names):
                agent = Agent(role, person, el_id, role)
                meta.agents.append(agent)
                if el_id and i == 0:
                    meta.by_id[el_id] = agent
                for sub in elements(el):
                    sub_id = attr(sub, "xml:id")
                    if sub_id and plain(sub) == person:
                        meta.by_id[sub_id] = agent
        elif name == "respStmt":
            _add_resp_stmt(el, meta)


def _add_resp_stmt(resp_stmt: Container, meta: Meta) -> None:
    resp = " ".join(plain(r) for r in children(resp_stmt, "resp"))
    role = _role_of_resp(resp)
    el_id = attr(resp_stmt, "xml:id")
    names = [plain(n) for n in elements(resp_stmt) if local(n) in _NAMES]
    for i, person in enumerate(n for n in names if n):
        agent = Agent(role, person, el_id, resp)
        meta.agents.append(agent)
        if el_id and i == 0:
            meta.by_id[el_id] = agent


def _read_publication(pub: Container, meta: Meta) -> None:
    for el in descendants(pub):
        name = local(el)
        if name == "publisher" and not meta.publisher:
            meta.publisher = plain(el)
        elif name == "pubPlace" and not meta.pub_place:
            meta.pub_place = plain(el)
        elif name == "date" and not meta.pub_date:
            meta.pub_date = attr(el, "when") or plain(el)
        elif name == "licence" and not meta.licence_url:
            meta.licence_url = attr(el, "target") or ""
            meta.licence = plain(el)
        elif name == "availability" and not meta.licence:
            text = plain(el)
            if text:
                meta.licence = text
        elif name == "idno":
            value = plain(el)
            if value and value not in meta.identifiers:
                meta.identifiers.append(value)
    if not meta.licence and meta.licence_url:
        meta.licence = meta.licence_url

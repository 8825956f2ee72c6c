"""A first authority file drafted from a text, for its user to check and edit.

Candidates are runs of capitalised words in running text (``Frederick Douglass``,
``George M. Beard``, ``New England``); a run that only opens a sentence, and runs in
lines without small letters (headings), do not count. What a run is comes from:

- an honorific before it (``Mr.``, ``Dr.``, ``General``, ``Queen`` …): a person;
- initials inside it (``George M. Beard``): a person;
- a word of organisations in it (``Committee``, ``Society``, ``Party`` …): an organisation;
- a word of places in it (``River``, ``County``, ``Street`` …) or a place word before it
  (``in``, ``at``, ``near`` …): a place.

A run with no such evidence is kept only if it has two words or more and is printed at least
twice (a person, low certainty). A one-word name that is the last word of one person's
fuller name (``Douglass``, ``Frederick Douglass``) is a form of that person. Each record
carries its certainty (``@cert``: high, medium, low), its count and the lines of its
mentions."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..models import (
    Body,
    Document,
    FileDesc,
    ListOrg,
    ListPerson,
    ListPlace,
    Note,
    Org,
    OrgName,
    P,
    PersName,
    Person,
    Place,
    PlaceName,
    PublicationStmt,
    SourceDesc,
    StandOff,
    Tei,
    TeiHeader,
    Text,
    Title,
    TitleStmt,
)
from .authority import Authority, Entry
from .blocks import split_blocks

HONORIFICS = ("Mr", "Mrs", "Ms", "Miss", "Messrs", "Dr", "Rev", "Prof", "Professor", "Sir",
              "Dame", "Lady", "Lord", "General", "Gen", "Colonel", "Col", "Captain", "Capt",
              "Major", "Lieutenant", "Lieut", "Lt", "Sergeant", "Sgt", "Admiral", "President",
              "Senator", "Governor", "Gov", "Judge", "Justice", "King", "Queen", "Prince",
              "Princess", "Duke", "Duchess", "Earl", "Count", "Countess", "Baron", "Bishop",
              "Archbishop", "Cardinal", "Pope", "Father", "Brother", "Sister", "Comrade",
              "Citizen", "Monsieur", "Madame", "Mme", "Mlle", "Herr", "Frau", "Señor", "Don",
              "Doctor", "Uncle", "Aunt", "Master", "Mistress", "Mayor", "Emperor", "Empress",
              "Czar", "Tsar", "Sultan", "Chancellor", "Minister", "Secretary", "Deacon")
ORG_WORDS = {"Committee", "Society", "Party", "Company", "Association", "Union", "Church",
             "Academy", "University", "College", "Council", "Office", "Department", "Bureau",
             "League", "Club", "Institute", "Institution", "Board", "Bank", "Court",
             "Parliament", "Congress", "Ministry", "Government", "Army", "Navy", "Assembly",
             "Convention", "Senate", "Corporation", "Press", "Publishers", "School",
             "Hospital", "Museum", "Library", "Federation", "Brotherhood", "Commission",
             "International", "Legislature", "Railway", "Railroad", "Trust", "Guild",
             "Cabinet", "Agency", "Regiment", "Brigade", "Co", "Inc", "Ltd"}
PLACE_WORDS = {"City", "County", "River", "Street", "Mountains", "Mountain", "Island",
               "Islands", "Sea", "Ocean", "Lake", "Province", "Bay", "Valley", "Square",
               "Road", "Avenue", "Harbour", "Harbor", "Gulf", "Cape", "Point", "Falls",
               "Creek", "Township", "Parish", "Fort", "Mount", "Strait", "Coast", "Farm",
               "Plantation", "Wharf", "Bridge", "Port"}
PLACE_BEFORE = {"in", "at", "near", "into", "across", "throughout", "towards", "toward",
                "via", "reached", "visited", "entered", "left"}
#: Words that begin sentences or are capitalised for other reasons than being names.
_COMMON_WORDS = """A An And As At But By For From He Her Here His How I If In Into It Its Let My
No Nor Not Now O Of Oh On Or Our She So Some Such That The Their Then There These They
This Those Thus To Upon We What When Where Whether Which While Who Whom Why With Yet You
Your After Again All Also Although Among Another Any Are Be Because Before Being Both
Do Does Each Even Every First Had Has Have Having However Indeed Is It's May Might Many
More Most Much Must Neither Never None One Only Other Perhaps Since Still Than Though
Till Under Unless Until Very Was Were Whatever Whereas Will Would Yes Chapter Part Book
Section Preface Introduction Contents Appendix Note Notes Index January February March
April May June July August September October November December Monday Tuesday Wednesday
Thursday Friday Saturday Sunday God Lord Heaven Christ Mr Mrs Dr St Esq"""
COMMON = frozenset(_COMMON_WORDS.split())
_CAP = r"(?:[A-Z][a-z]*[A-Z]?[a-z]+|[A-Z]\.)"
_JOIN = r"(?:\s+(?:of|of the|de|da|di|du|del|van|von|der|la|le)\s+|\s+|-)"
_HON = "|".join(HONORIFICS)
_RUN = re.compile(rf"(?<![\w'’])(?:(?P<hon>{_HON})\.?\s+)?(?P<name>{_CAP}(?:{_JOIN}{_CAP})*)"
                  r"(?![\w])")


@dataclass
class Candidate:
    """A name found: its printed forms, the lines it is printed on, and evidence by kind."""

    forms: Counter[str] = field(default_factory=Counter)
    lines: list[int] = field(default_factory=list)
    evidence: Counter[str] = field(default_factory=Counter)
    score: Counter[str] = field(default_factory=Counter)

    @property
    def count(self) -> int:
        return sum(self.forms.values())


def suggest_authority(text: str) -> Authority:
    """Candidate persons, places and organisations of ``text``, most mentioned first, as an
    :class:`Authority` whose entries carry ``cert``, ``mentions`` (lines) and notes of the
    evidence."""
    found: dict[str, Candidate] = {}
    openers: dict[str, list[int]] = {}
    for block in split_blocks(text):
        if not re.search(r"[a-z]", block.text):
            continue
        flat = block.text.replace("\n", " ")
        for m in _RUN.finditer(flat):
            line = block.line + block.text.count("\n", 0, m.start("name"))
            _take(m, flat, line, found, openers)
    _merge_surnames(found)
    _add_openers(found, openers)
    entries = [_entry(name, c) for name, c in found.items() if _keep(name, c)]
    entries.sort(key=lambda e: (-len(e.mentions), e.main))
    _unique_ids(entries)
    return Authority(entries=entries, source="suggested")


def _take(m: re.Match[str], flat: str, line: int, found: dict[str, Candidate],
          openers: dict[str, list[int]]) -> None:
    name = re.sub(r"['’]s$", "", m.group("name"))
    hon = m.group("hon")
    words = name.split()
    before = flat[:m.start()].rstrip()
    initial = not before or before[-1] in ".!?:;\"“(—"
    abbreviation = re.search(rf"(?<![\w])({_HON})\.$", before)
    if abbreviation and not hon:  # "Later Mr. Covey": the run began before the honorific
        hon, initial = abbreviation.group(1), False
    while words and (words[0] in COMMON or words[0].rstrip(".") in HONORIFICS and not hon):
        if words[0].rstrip(".") in HONORIFICS and len(words) > 1:
            hon = words[0].rstrip(".")
        words = words[1:]
        initial = False
    if words and words[0].islower():  # "King of England": a title, not a name
        hon = None
        while words and words[0].islower():
            words = words[1:]
    cut = next((k for k, w in enumerate(words) if w in COMMON), len(words))
    words = words[:cut]
    while words and (re.fullmatch(r"[A-Z]\.", words[-1]) or words[-1].islower()):
        words = words[:-1]
    if not words or all(re.fullmatch(r"[A-Z]\.", w) for w in words):
        return
    name = " ".join(words)
    if len(words) == 1 and initial and not hon:
        openers.setdefault(words[0], []).append(line)
        return
    cand = found.setdefault(name, Candidate())
    cand.forms[name] += 1
    cand.lines.append(line)
    previous = re.search(r"(\w+)\W*$", before)
    if hon:
        cand.evidence[f"after {hon}"] += 1
        cand.score["person"] += 3
    if any(re.fullmatch(r"[A-Z]\.", w) for w in words):
        cand.evidence["initials"] += 1
        cand.score["person"] += 2
    if set(words) & ORG_WORDS:
        cand.evidence["a word of organisations"] += 1
        cand.score["org"] += 3
    if set(words) & PLACE_WORDS:
        cand.evidence["a word of places"] += 1
        cand.score["place"] += 3
    if previous and previous.group(1) in PLACE_BEFORE and not hon:
        cand.evidence[f"after '{previous.group(1)}'"] += 1
        cand.score["place"] += 1


def _merge_surnames(found: dict[str, Candidate]) -> None:
    """A one-word candidate that ends exactly one fuller name (of a person, or of no kind
    yet) is that person."""
    for name in [n for n in found if " " not in n]:
        fuller = [n for n in found if n.endswith(f" {name}")
                  and _kind(found[n]) in ("person", None)]
        if len(fuller) != 1 or _kind(found[name]) not in ("person", None):
            continue
        into, cand = found[fuller[0]], found.pop(name)
        into.forms.update(cand.forms)
        into.lines.extend(cand.lines)
        into.evidence.update(cand.evidence)
        into.score.update(cand.score)


def _add_openers(found: dict[str, Candidate], openers: dict[str, list[int]]) -> None:
    """A word that opens a sentence is counted where it is a name found elsewhere."""
    for word, lines in openers.items():
        cand = found.get(word) or next((c for c in found.values() if word in c.forms), None)
        if cand is not None:
            cand.forms[word] += len(lines)
            cand.lines.extend(lines)


def _kind(c: Candidate) -> str | None:
    if not c.score:
        return None
    return c.score.most_common(1)[0][0]


def _keep(name: str, c: Candidate) -> bool:
    return bool(c.score) or (" " in name and c.count >= 2)


def _cert(c: Candidate) -> str:
    kinds = c.score.most_common()
    if not kinds:
        return "low"
    top = kinds[0][1]
    rival = kinds[1][1] if len(kinds) > 1 else 0
    if top >= 3 and rival * 3 <= top:
        return "high"
    return "medium" if top >= 2 and rival < top else "low"


def _entry(name: str, c: Candidate) -> Entry:
    kind = _kind(c) or "person"
    forms = [f for f, _ in c.forms.most_common()]
    main = max(forms, key=lambda f: (len(f.split()), c.forms[f]))
    entry = Entry(_slug(main), kind, main, forms, variants=forms)
    entry.cert = _cert(c)
    entry.mentions = sorted(c.lines)
    entry.evidence = [f"{what} ({n})" for what, n in c.evidence.most_common()]
    return entry


def _slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    words = re.findall(r"[A-Za-z0-9]+", ascii_name)
    if not words:
        return "name"
    slug = words[0].lower() + "".join(w[:1].upper() + w[1:].lower() for w in words[1:])
    return slug if slug[0].isalpha() else f"n{slug}"


def _unique_ids(entries: list[Entry]) -> None:
    seen: Counter[str] = Counter()
    for entry in entries:
        seen[entry.id] += 1
        if seen[entry.id] > 1:
            entry.id = f"{entry.id}{seen[entry.id]}"


def mentions_note(entry: Entry) -> str:
    """Count, evidence and lines of a drafted record, in words."""
    lines = entry.mentions
    shown = ", ".join(str(n) for n in lines[:40])
    more = f" and {len(lines) - 40} more" if len(lines) > 40 else ""
    why = ", ".join(entry.evidence) or "capitalised, printed more than once"
    return (f"{len(lines)} mention{'s' if len(lines) != 1 else ''} (evidence: {why}); "
            f"lines {shown}{more}.")


def authority_document(auth: Authority, source: str = "the text") -> Document:
    """``auth`` as an authority file in the format :func:`.authority.load_authority`
    reads: persons, places and organisations in ``standOff``, each with its forms
    (``type="main"`` and ``type="variant"``), ``@cert``, and a note of its mentions."""
    lists: dict[str, list[Any]] = {"person": [], "place": [], "org": []}
    for e in auth.entries:
        if e.kind not in lists:
            continue
        name_cls: Any = {"person": PersName, "place": PlaceName, "org": OrgName}[e.kind]
        record: Any = {"person": Person, "place": Place, "org": Org}[e.kind]
        names = [name_cls(e.main, type="main")]
        names += [name_cls(v, type="variant") for v in e.variants]
        notes = [Note(n) for n in e.notes]
        if e.mentions:
            notes.append(Note(mentions_note(e), type="mentions"))
        lists[e.kind].append(record(*names, *notes, xml_id=e.id, cert=e.cert))
    parts = [cls(*lists[kind]) for kind, cls in (("person", ListPerson), ("place", ListPlace),
                                                 ("org", ListOrg)) if lists[kind]]
    header = TeiHeader(FileDesc(
        TitleStmt(Title(f"Authority file for {source} (a draft to check)")),
        PublicationStmt(P("Drafted by tei-kirov authority suggest. Check every record: "
                          "delete the wrong ones, correct the kind (person, place, org), "
                          "the main form and the variants; @cert says how sure the draft "
                          "is, the note of type mentions where the name is printed.")),
        SourceDesc(P(f"Names found by capitalisation, honorifics and context in {source}."))))
    body = Text(Body(P("Foreign phrases (a div of type foreign), corrections (a div of type "
                       "corrections) and words never to tag as names (a div of type match) "
                       "may be added here; see README.md.")))
    return Document(Tei(header, *([StandOff(*parts)] if parts else []), body, xml_lang="en"))

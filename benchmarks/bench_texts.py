"""Scoring the encoder on real texts against small hand-made gold files
(``benchmarks/gold/*.json``): headings found and invented, footnotes found and anchored,
dates with the right value, words kept, validity (profile and tei_all), header title and
author, encoder time.

    python -m benchmarks.bench_texts [--texts ../shared/texts] [--no-jing]

A gold file names its text and lists the printed headings in order (the contents list is not
headings), the footnotes (marker, opening words) and calendar dates (printed words, value:
``YYYY[-MM[-DD]]`` or ``FROM/TO``). Headings are compared by their letters (OCR spellings
loosely, 80% alike)."""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from difflib import SequenceMatcher
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLD = HERE / "gold"
TEXTS = HERE.parent.parent / "shared" / "texts"
TEI_ALL = HERE.parent.parent / "shared" / "tei" / "tei_all.rng"


def _letters(text: str) -> str:
    return "".join(ch for ch in text.upper() if ch.isalpha())


_LABEL = re.compile(r"\b(CHAPTER|PART|BOOK|SECTION|LETTER)\s+([IVXLC]+|\d+)\b")


def _alike(a: str, b: str) -> bool:
    """The same heading: letters 80% alike, or the same label and number (``CHAPTER IX``)
    where OCR noise or a lost title line differs."""
    la, lb = _LABEL.search(a.upper()), _LABEL.search(b.upper())
    if la and lb and la.groups() == lb.groups():
        return True
    a, b = _letters(a), _letters(b)
    return a == b or SequenceMatcher(None, a, b).ratio() >= 0.8


def match_heads(gold: list[str], found: list[str]) -> tuple[int, int]:
    """(gold headings found in order, found headings matching no gold heading)."""
    k = hits = 0
    matched: set[int] = set()
    for want in gold:
        for j in range(k, len(found)):
            if _alike(want, found[j]):
                hits += 1
                matched.add(j)
                k = j + 1
                break
    invented = sum(1 for j, f in enumerate(found) if j not in matched
                   and not any(_alike(f, g) for g in gold))
    return hits, invented


def _value(date: object) -> str:
    when = getattr(date, "when", None)
    if when:
        return str(when)
    start, end = getattr(date, "from_", None), getattr(date, "to", None)
    if start or end:
        return f"{start}/{end}"
    return f"{getattr(date, 'not_before', '')}/{getattr(date, 'not_after', '')}"


def words_lost(text: str, xml: str, report: object) -> int:
    """Source words missing from the edition (text, notes, and the header where e-text
    credits go), page furniture the encoder removed (listed in its findings) not counted: the
    same accounting as the tests (``tests/encoder/devtexts.py``)."""
    from tests.encoder.devtexts import edition_counter, header_counter, source_words

    removed = {f.line for f in report.findings.of_kind("furniture")}  # type: ignore[attr-defined]
    missing = source_words(text, removed) - edition_counter(xml) - header_counter(xml)
    return sum(missing.values())


def score(name: str, gold: dict, text: str, jing: bool) -> dict:
    import tei_kirov
    from tei_kirov.encoder import encode_with_report
    from tei_kirov.models import Date, Div, Note, P

    encode_with_report(text, _EMPTY_AUTHORITY)  # warm-up: model classes are built once
    started = time.perf_counter()
    doc, report = encode_with_report(text, _EMPTY_AUTHORITY)
    seconds = time.perf_counter() - started
    body = doc.text
    heads = [" ".join(d.head.text().split()) for d in body.iter(Div)
             if d.head is not None and d.type != "contents"]
    found, invented = match_heads(gold["heads"], heads)
    notes = list(body.iter(Note))
    anchored = sum(1 for p in body.iter(P) for n in p.iter(Note))
    dates = list(body.iter(Date))
    pool = Counter((" ".join(d.text().split()), _value(d)) for d in dates)
    right = 0
    for want in gold["dates"]:
        key = next((k for k in pool if pool[k] and want["text"] in k[0]
                    and k[1] == want["value"]), None)
        if key is not None:
            pool[key] -= 1
            right += 1
    xml = tei_kirov.to_bytes(doc)
    lost = words_lost(text, xml.decode("utf-8"), report)
    profile = tei_kirov.validate(xml).ok
    tei_all = None
    if jing and TEI_ALL.exists():
        with tempfile.NamedTemporaryFile(suffix=".xml") as tmp:
            tmp.write(xml)
            tmp.flush()
            tei_all = subprocess.run(["jing", str(TEI_ALL), tmp.name],
                                     capture_output=True).returncode == 0
    header = doc.header.text()
    return {
        "text": name, "chars": len(text), "seconds": seconds,
        "heads": f"{found}/{len(gold['heads'])}", "invented": invented,
        "notes": f"{len(notes)}/{len(gold['notes'])}", "anchored": anchored,
        "dates": f"{right}/{len(gold['dates'])}", "words lost": lost,
        "profile valid": profile, "tei_all valid": tei_all,
        "title": _letters(gold["title"]) in _letters(header),
        "author": gold["author"].lower() in header.lower(),
        "uncertain": len(report.findings.of_kind("uncertain")),
    }


#: No authority: names are not looked up (the pamphlet's records must not apply).
_EMPTY_AUTHORITY = (b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body><p/>'
                    b'</body></text></TEI>')


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--texts", type=Path, default=TEXTS)
    parser.add_argument("--no-jing", action="store_true")
    args = parser.parse_args(argv)
    rows = []
    for path in sorted(GOLD.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        source = args.texts / gold["text"]
        if not source.exists():
            print(f"{source}: missing", file=sys.stderr)
            return 1
        rows.append(score(gold["text"], gold, source.read_text(encoding="utf-8"),
                          not args.no_jing))
    keys = list(rows[0])
    print("| " + " | ".join(keys) + " |")
    print("|" + "---|" * len(keys))
    for row in rows:
        cells = [f"{v:.3f} s" if k == "seconds" else str(v) for k, v in row.items()]
        print("| " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

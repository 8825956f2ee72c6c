"""Lossless round-trip check over a corpus (run after every reader/writer optimisation).

For every ``*.xml`` file: read -> write must give C14N-equal XML, read -> write -> read
must give an equal model, and the fast writer (:mod:`tei_kirov.xml.serialiser`) must give
the same bytes as the lxml path of the writer. Prints one line per failure and a summary;
exits 1 on any failure.

    python -m benchmarks.roundtrip [FOLDER ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

from lxml import etree

#: Files the fast writer left to the lxml path (correct, only slower).
FALLBACKS: list[Path] = []

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


def c14n(data: bytes) -> bytes:
    """Canonical XML (C14N 1.0, comments kept) of ``data``, parsed without entity expansion."""
    parser = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True)
    root = etree.fromstring(data, parser)
    return etree.tostring(root.getroottree(), method="c14n", with_comments=True)


def check_file(path: Path) -> str | None:
    """``None`` when ``path`` round-trips losslessly, else a one-line reason."""
    from tei_kirov.xml.reader import parse
    from tei_kirov.xml.writer import to_bytes

    data = path.read_bytes()
    doc = parse(data)
    out = to_bytes(doc)
    if c14n(out) != c14n(data):
        return "read -> write is not C14N-equal"
    if parse(out) != doc:
        return "read -> write -> read gives a different model"
    from tei_kirov.xml import writer
    from tei_kirov.xml.serialiser import root_bytes

    fast = root_bytes(doc.root)
    reference = etree.tostring(writer._build(doc.root, None, 0, pretty=True), encoding="UTF-8")
    if fast is not None and fast != reference:
        return "the fast writer and the lxml path disagree"
    if fast is None:
        FALLBACKS.append(path)
    return None


def main(argv: list[str] | None = None) -> int:
    """Check every XML file under the given folders (default: the shared corpus)."""
    folders = [Path(a) for a in (argv if argv is not None else sys.argv[1:])] or [DEFAULT_CORPUS]
    files = sorted(p for folder in folders for p in folder.rglob("*.xml"))
    failures = 0
    identical = 0
    from tei_kirov.xml.reader import parse
    from tei_kirov.xml.writer import to_bytes

    for path in files:
        try:
            problem = check_file(path)
        except Exception as exc:  # noqa: BLE001 - report any crash as a failure
            problem = f"{type(exc).__name__}: {exc}"
        if problem:
            failures += 1
            print(f"FAIL {path}: {problem}")
        elif to_bytes(parse(path.read_bytes())) == path.read_bytes():
            identical += 1
    print(f"{len(files) - failures}/{len(files)} files round-trip losslessly "
          f"({identical} byte-identical; {len(files) - len(FALLBACKS)} written by the fast "
          f"writer, {len(FALLBACKS)} left to the lxml path)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

"""An opt-in cache of results (``--cache DIR``): a re-run validates only the files that
changed, so it pays for no schema compilation when nothing did.

A result is keyed by the file's bytes, the bytes of the schemas it is checked against (given,
or named by the file), the rules and the tool version;
files with XInclude are never cached (what they include may change on its own). This is the
only thing the validator ever writes, and only when asked to.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Sequence

from .. import __version__
from .report import Issue, Report
from .rules import Rule
from .schemas import Schema


def _digest(path: str) -> str:
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


class ResultCache:
    """Reports stored as JSON files named by their key, in one folder."""

    def __init__(self, folder: str, schemas: Sequence[Schema] | None, rules: Sequence[Rule],
                 include_roots: Sequence[str] = (), phase: str | None = None) -> None:
        self.folder = folder
        os.makedirs(folder, exist_ok=True)
        setup = [__version__,
                 *(f"{s.kind}:{s.variant()}:" + ",".join(map(_digest, s.files()))
                   for s in schemas or []),
                 *(r.code for r in rules), *sorted(include_roots), f"phase:{phase}"]
        self.salt = hashlib.sha256("\n".join(setup).encode()).hexdigest()
        self._digests: dict[str, str] = {}

    def _schema_digest(self, item: str) -> str:
        """``kind:path`` -> ``kind:sha256 of the file`` (other items as they are)."""
        kind, _, path = item.partition(":")
        if item not in self._digests:
            try:
                self._digests[item] = f"{kind}:{_digest(path)}" if path else item
            except OSError:
                self._digests[item] = item
        return self._digests[item]

    def key(self, path: str, schemas: Sequence[str] = ()) -> str | None:
        """The key of a file's result, or None when it must not be cached. ``schemas``:
        ``kind:path`` of the schemas it is checked against."""
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError:
            return None
        if b"http://www.w3.org/2001/XInclude" in data:
            return None
        extra = "\n".join(self._schema_digest(s) for s in schemas)
        return hashlib.sha256(self.salt.encode() + extra.encode() + data).hexdigest()

    def get(self, key: str, shown: str) -> Report | None:
        """The stored report for ``key``, with the file named as ``shown`` now."""
        try:
            with open(os.path.join(self.folder, key + ".json"), encoding="utf-8") as handle:
                report = Report.model_validate_json(handle.read())
        except (OSError, ValueError):
            return None
        issues = [Issue(**{**i.model_dump(), "file": shown}) for i in report.issues]
        return Report(file=shown, issues=issues, seconds=report.seconds)

    def put(self, key: str, report: Report) -> None:
        """Store a report (atomically; a failure to write is ignored)."""
        if report.unreadable():
            return
        try:
            fd, tmp = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(report.model_dump_json())
            os.replace(tmp, os.path.join(self.folder, key + ".json"))
        except OSError:
            pass

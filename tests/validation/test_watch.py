"""``--watch``: a saved file is validated again, with compiled schemas kept in memory."""

from __future__ import annotations

import os
from pathlib import Path

from tei_kirov.validation import rules
from tei_kirov.validation.report import Report
from tei_kirov.validation.schemas import load_schemas
from tei_kirov.validation.watch import watch

from .conftest import FIXTURES, seed


def test_revalidates_on_save(tmp_path: Path) -> None:
    clean = (FIXTURES / "clean.xml").read_text()
    target = tmp_path / "w.xml"
    target.write_text(clean)
    seen: list[tuple[bool, float]] = []

    def emit(report: Report, ms: float) -> None:
        seen.append((report.ok, ms))
        if len(seen) == 1:  # the editor saves a fault
            target.write_text(seed(clean, 'ref="#kirov"', 'ref="#kirow"'))
            stat = target.stat()
            os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10_000_000))

    schemas = load_schemas([str(FIXTURES / "mini.rng")])
    watch([str(target)], schemas, rules.select(True), emit, interval=0.01, cycles=3)
    assert [ok for ok, _ in seen] == [True, False]
    assert all(ms < 1000 for _, ms in seen)

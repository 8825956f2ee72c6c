"""``--watch``: a saved file is validated again, with compiled schemas kept in memory."""

from __future__ import annotations

import os
from pathlib import Path

from tei_kirov.validation import rules
from tei_kirov.validation.report import Report
from tei_kirov.validation.schemas import load_schemas
from tei_kirov.validation.watch import watch

from .conftest import FIXTURES, own, seed


def test_revalidates_on_save(tmp_path: Path) -> None:
    clean = (FIXTURES / "clean.xml").read_text()
    target = tmp_path / "w.xml"
    target.write_text(clean)
    seen: list[tuple[bool, float]] = []

    def emit(report: Report, ms: float) -> None:
        seen.append((report.ok, ms))
        if len(seen) == 1:  # the editor saves a fault
            target.write_text(own(seed(clean, 'ref="#kirov"', 'ref="#kirow"')))
            stat = target.stat()
            os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10_000_000))

    schemas = load_schemas([str(FIXTURES / "mini.rng")])
    watch([str(target)], schemas, rules.select(True), emit, interval=0.01, cycles=3)
    assert [ok for ok, _ in seen] == [True, False]
    assert all(ms < 1000 for _, ms in seen)


def test_watch_from_the_shell(tmp_path: Path) -> None:
    """A real ``tei-kirov validate --watch``: reports a saved fault, stops on Ctrl-C."""
    import signal
    import subprocess
    import sys

    clean = (FIXTURES / "clean.xml").read_text()
    target = tmp_path / "w.xml"
    target.write_text(clean)
    proc = subprocess.Popen(
        [sys.executable, "-c", "import signal; signal.signal(signal.SIGINT, "
         "signal.default_int_handler); from tei_kirov.cli.main import main; main()",
         "validate", "--watch", "--schema", str(FIXTURES / "mini.rng"), str(target)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stderr is not None and proc.stdout is not None
        assert proc.stderr.readline().startswith("watching 1 file")
        assert "valid" in proc.stderr.readline()
        target.write_text(own(seed(clean, 'ref="#kirov"', 'ref="#kirow"')))
        assert "TK203" in proc.stdout.readline()
        assert "invalid (1 errors)" in proc.stderr.readline()
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=10) == 0
    finally:
        proc.kill()

"""``--watch``: re-validate a file each time it is saved, keeping compiled schemas in memory."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence

from . import core
from .association import Resolver
from .report import Report
from .rules import Rule
from .schemas import Schema


def _stamp(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size


def watch(paths: Sequence[str], schemas: list[Schema] | None, rules: list[Rule],
          emit: Callable[[Report, float], None], include_roots: Sequence[str] = (),
          interval: float = 0.1, cycles: int | None = None, *,
          resolver: Resolver | None = None, phase: str | None = None) -> None:
    """Validate every file now, then again whenever its modification time or size changes.
    ``emit(report, milliseconds)`` shows a result. Runs until interrupted (or ``cycles``).
    ``schemas`` None: the schemas each file names (found with ``resolver``)."""
    stamps: dict[str, tuple[int, int] | None] = {}
    count = 0
    while cycles is None or count < cycles:
        for path in paths:
            stamp = _stamp(path)
            if path in stamps and stamps[path] == stamp:
                continue
            stamps[path] = stamp
            start = time.perf_counter()
            report = core.validate_one(path, schemas, rules, include_roots,
                                       resolver=resolver, phase=phase)
            emit(report, (time.perf_counter() - start) * 1000)
        count += 1
        if cycles is None or count < cycles:
            time.sleep(interval)

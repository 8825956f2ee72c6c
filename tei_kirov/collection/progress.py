"""A one-line progress bar with the rate in files per second, on a terminal only."""

from __future__ import annotations

import time
from typing import TextIO


class RateBar:
    """``[#####.....] 1,200/20,000 files  850 files/s  ETA 22 s`` on ``stream`` when it is a
    terminal; silent otherwise (logs and pipes get no control characters)."""

    def __init__(self, total: int, stream: TextIO | None, every: float = 0.2) -> None:
        self.total = total
        self.done = 0
        self.stream = stream if stream is not None and stream.isatty() else None
        self.started = time.perf_counter()
        self._shown = 0.0
        self._every = every

    def rate(self) -> float:
        elapsed = time.perf_counter() - self.started
        return self.done / elapsed if elapsed > 0 else 0.0

    def advance(self, count: int) -> None:
        self.done += count
        now = time.perf_counter()
        if self.stream is None or (now - self._shown < self._every and self.done < self.total):
            return
        self._shown = now
        width = 30
        filled = width * self.done // max(1, self.total)
        rate = self.rate()
        eta = f"ETA {(self.total - self.done) / rate:.0f} s" if rate else ""
        self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] "
                          f"{self.done:,}/{self.total:,} files  {rate:,.0f} files/s  {eta}   ")
        self.stream.flush()

    def close(self) -> None:
        if self.stream is not None:
            self.stream.write("\r" + " " * 90 + "\r")
            self.stream.flush()

"""Exceptions raised by tei_kirov, each carrying where the problem is and what to do."""

from __future__ import annotations


class TeiError(Exception):
    """Base class of every tei_kirov error."""


class TeiReadError(TeiError):
    """Input that cannot be read as TEI: not XML, hostile XML, or not a TEI document.

    ``file``, ``line`` and ``column`` locate the problem (1-based; ``None`` when unknown),
    ``reason`` says what is wrong and ``hint`` what to do about it.
    """

    def __init__(
        self,
        reason: str,
        *,
        file: str | None = None,
        line: int | None = None,
        column: int | None = None,
        hint: str | None = None,
    ) -> None:
        self.reason = reason
        self.file = file
        self.line = line
        self.column = column
        self.hint = hint
        super().__init__(self.describe())

    @property
    def location(self) -> str:
        parts = [self.file or "<string>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def describe(self) -> str:
        text = f"{self.location}: {self.reason}"
        if self.hint:
            text += f" ({self.hint})"
        return text


class TeiWriteError(TeiError):
    """A document that ``write`` refuses to write, or a destination it will not replace."""

    def __init__(self, reason: str, *, path: str | None = None, problems: list[str] | None = None):
        self.reason = reason
        self.path = path
        self.problems = list(problems or [])
        text = f"{path}: {reason}" if path else reason
        if self.problems:
            shown = self.problems[:10]
            text += "\n" + "\n".join(f"  - {p}" for p in shown)
            if len(self.problems) > len(shown):
                text += f"\n  ... and {len(self.problems) - len(shown)} more"
        super().__init__(text)

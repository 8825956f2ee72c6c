"""Layer 1: read the bytes safely and check well-formedness, with exact position and hint."""

from __future__ import annotations

import os
from dataclasses import dataclass

from lxml import etree

from ..errors import TeiReadError
from ..xml import safety
from .positions import SourceMap
from .report import Issue


@dataclass
class Parsed:
    """A well-formed document: its bytes, its tree and the map of its start tags."""

    file: str
    data: bytes
    tree: etree._ElementTree
    source: SourceMap


class Unreadable(Exception):
    """A file that cannot be read at all; carries the issue to report."""

    def __init__(self, issue: Issue) -> None:
        super().__init__(issue.message)
        self.issue = issue


def read_bytes(path: str, display: str | None = None) -> bytes:
    """Read a file, refusing gigantic ones before reading them; raises :class:`Unreadable`."""
    shown = display or path
    try:
        size = os.stat(path).st_size
        if size > safety.MAX_BYTES:
            raise Unreadable(Issue(
                file=shown, severity="error", code="TK003",
                message=f"file is too large ({size} bytes; the limit is {safety.MAX_BYTES})",
                hint="split the document; nothing was read"))
        with open(path, "rb") as handle:
            return handle.read(safety.MAX_BYTES + 1)
    except OSError as exc:
        raise Unreadable(Issue(
            file=shown, severity="error", code="TK004",
            message=f"cannot read the file: {exc.strerror or exc}",
            hint="check the path and its permissions")) from None


def _code_for(error: TeiReadError) -> str:
    reason = error.reason
    if "too large" in reason:
        return "TK003"
    if "entity" in reason and "not well-formed" not in reason:
        return "TK002"
    return "TK001"


def issue_from_read_error(error: TeiReadError, file: str) -> Issue:
    """The issue for a :class:`TeiReadError` raised by the safe parser."""
    return Issue(file=error.file or file, line=error.line, column=error.column,
                 severity="error", code=_code_for(error), message=error.reason, hint=error.hint)


def parse(data: bytes, file: str) -> Parsed | Issue:
    """Parse with the project's safe parser; a well-formedness or safety issue otherwise."""
    try:
        tree = safety.parse_bytes(data, file)
    except TeiReadError as error:
        return issue_from_read_error(error, file)
    return Parsed(file=file, data=data, tree=tree, source=SourceMap(file, data, tree.getroot()))

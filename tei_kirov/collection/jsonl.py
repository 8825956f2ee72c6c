"""The streamed report of a collection run: one JSON object per line, one line per file,
appended and flushed as results arrive. An interrupted run leaves every written line
whole (a line is written in one call; a torn last line, from a killed process, is cut
off on resume), and :func:`reported` tells a resumed run which files are done."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO, TypeVar

from pydantic import BaseModel

from ..errors import TeiWriteError
from .tasks import Result


def reported(path: str | os.PathLike[str]) -> set[str]:
    """The files a JSON Lines report already holds (none when it does not exist). A torn
    last line is removed from the file."""
    target = Path(path)
    if not target.exists():
        return set()
    done: set[str] = set()
    good = 0
    with open(target, "rb") as handle:
        for raw in handle:
            if not raw.endswith(b"\n"):
                break
            try:
                done.add(json.loads(raw)["file"])
            except (ValueError, KeyError, TypeError):
                break
            good += len(raw)
    if good != target.stat().st_size:
        with open(target, "r+b") as handle:
            handle.truncate(good)
    return done


class JsonlWriter:
    """Appends results to ``path``; a new run refuses an existing report unless ``force``
    (replace it) or ``resume`` (add to it)."""

    def __init__(self, path: str | os.PathLike[str], *, resume: bool = False,
                 force: bool = False) -> None:
        self.path = Path(path)
        if self.path.exists() and not (resume or force):
            raise TeiWriteError("exists; give --resume to continue that run or --force to "
                                "start again", path=str(self.path))
        self._handle: TextIO = open(self.path, "a" if resume else "w",  # noqa: SIM115
                                    encoding="utf-8", newline="\n")

    def write(self, result: Result) -> None:
        self._handle.write(result.model_dump_json() + "\n")
        self._handle.flush()

    def close(self) -> None:
        self._handle.close()

    def __enter__(self) -> JsonlWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


M = TypeVar("M", bound=BaseModel)


def read_jsonl(path: str | os.PathLike[str], model: type[M]) -> Iterator[M]:
    """The results a JSON Lines report holds, one at a time (a torn last line skipped)."""
    with open(path, "rb") as handle:
        for raw in handle:
            if raw.endswith(b"\n"):
                yield model.model_validate_json(raw)

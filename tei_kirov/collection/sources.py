"""Where a collection's files are: local paths, folders, globs and fsspec URLs.

Local inputs are walked with :mod:`os` (no extra dependency). An input with a URL scheme
(``file://``, ``memory://``, ``s3://`` ...) goes through fsspec, imported only then; a
backend the user has not installed is a clear error naming the package to install.
"""

from __future__ import annotations

import glob
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..errors import TeiError

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://")
_MAGIC = re.compile(r"[*?\[]")


class SourceError(TeiError):
    """An input that names nothing that can be read (a usage error)."""


@dataclass(frozen=True)
class Item:
    """One file of a collection: its name as the user gave it (a path or a URL) and its
    size in bytes (0 when unknown)."""

    name: str
    size: int = 0

    @property
    def is_url(self) -> bool:
        return is_url(self.name)


def is_url(name: str) -> bool:
    """True for ``scheme://...`` names (but not for Windows drive paths)."""
    return bool(_SCHEME.match(name))


def _fsspec():  # type: ignore[no-untyped-def]
    try:
        import fsspec
    except ImportError as exc:
        raise SourceError("URL inputs need fsspec: pip install fsspec "
                          "(or pip install \"tei_kirov[dask]\")") from exc
    return fsspec


def _local(pattern: str, suffix: str) -> Iterator[Item]:
    if os.path.isdir(pattern):
        for folder, dirs, files in os.walk(pattern):
            dirs.sort()
            for name in sorted(files):
                if name.endswith(suffix):
                    yield _stat(os.path.join(folder, name))
        return
    if _MAGIC.search(pattern) and not os.path.exists(pattern):
        matches = sorted(glob.glob(pattern, recursive=True))
        if not matches:
            raise SourceError(f"{pattern}: the pattern matches no file")
        for match in matches:
            yield from _local(match, suffix) if os.path.isdir(match) else [_stat(match)]
        return
    yield _stat(pattern)  # a missing file is reported per file, not refused here


def _stat(path: str) -> Item:
    try:
        return Item(path, os.stat(path).st_size)
    except OSError:
        return Item(path, 0)


def _remote(url: str, suffix: str) -> Iterator[Item]:
    fsspec = _fsspec()
    try:
        fs, _, paths = fsspec.get_fs_token_paths(url)
    except (ImportError, ValueError) as exc:
        raise SourceError(f"{url}: {exc}") from exc
    for path in sorted(paths):
        found = sorted(p for p in fs.find(path) if p.endswith(suffix)) \
            if fs.isdir(path) else [path]
        for entry in found:
            info = fs.info(entry)
            yield Item(fs.unstrip_protocol(entry), int(info.get("size") or 0))


def expand(inputs: Iterable[str], suffix: str = ".xml") -> list[Item]:
    """Every file the inputs name, in a stable order, each once: files as given, folders
    searched for ``*suffix``, glob patterns expanded, URLs listed through fsspec."""
    seen: set[str] = set()
    items: list[Item] = []
    for given in inputs:
        found = _remote(given, suffix) if is_url(given) else _local(given, suffix)
        for item in found:
            if item.name not in seen:
                seen.add(item.name)
                items.append(item)
    return items


def read_bytes(name: str) -> bytes:
    """The bytes of a local path or an fsspec URL."""
    if not is_url(name):
        with open(name, "rb") as handle:
            return handle.read()
    with _fsspec().open(name, "rb") as handle:
        data: bytes = handle.read()
        return data

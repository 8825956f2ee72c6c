"""Atomic output: the one way tei_kirov writes a file or publishes a folder.

An output appears whole or not at all (a temporary file or folder next to it, then one
rename or link), and an existing output is replaced only when the caller says so
(``force``). Temporary files and folders are created with the mode any new file or folder
gets (``0o666``/``0o777`` less the umask, default ACLs applied, all by the kernel), so the
umask is never read or changed: there is no ``os.umask(0)`` window in which another thread
could create a file open to everyone.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import TeiWriteError

REFUSE = "exists; pass force=True (CLI: --force) to replace it"

_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def _folder_of(target: Path) -> Path:
    return target.parent if str(target.parent) else Path(".")


def check_target(target: Path, force: bool, *, refuse: str = REFUSE) -> None:
    """Refuse early when ``target`` exists and may not be replaced, or its folder is
    missing. ``refuse``: the reason given when it exists."""
    if (target.exists() or target.is_symlink()) and not force:
        raise TeiWriteError(refuse, path=str(target))
    folder = _folder_of(target)
    if not folder.is_dir():
        raise TeiWriteError("the folder does not exist", path=str(folder))


def _temporary_name(target: Path) -> Path:
    return _folder_of(target) / f".{target.name}.{secrets.token_hex(6)}.tmp"


def _new_file(target: Path) -> tuple[int, Path]:
    """Create a fresh temporary file next to ``target``: (open descriptor, path)."""
    while True:
        name = _temporary_name(target)
        try:
            return os.open(name, _NEW_FILE, 0o666), name
        except FileExistsError:  # pragma: no cover - 48 random bits collided
            continue


def write_file(
    target: str | os.PathLike[str],
    data: bytes | str | Iterable[bytes],
    *,
    force: bool = False,
    refuse: str = REFUSE,
) -> Path:
    """Write ``data`` (bytes, text as UTF-8, or pieces of bytes in order) to ``target``, so
    that it is either entirely absent (or the old file) or entirely the new one.

    Without ``force`` an existing ``target`` is never replaced, not even one that appears
    while the data is being written: the finished file is linked into place, and a link never
    replaces (on Windows, a rename, which does not either). With ``force`` an existing file
    is replaced in one rename and its permission bits are kept. Raises
    :class:`~tei_kirov.errors.TeiWriteError` (``refuse`` is the reason given when the target
    exists)."""
    path = _file_target(target, force, refuse)
    if isinstance(data, str):
        data = data.encode("utf-8")
    fd, tmp = _new_file(path)
    try:
        with os.fdopen(fd, "wb") as handle:
            if isinstance(data, bytes):
                handle.write(data)
            else:
                handle.writelines(data)
            handle.flush()
            os.fsync(handle.fileno())
        _publish(tmp, path, force, refuse)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
    return path


@contextlib.contextmanager
def new_file(
    target: str | os.PathLike[str], *, force: bool = False, refuse: str = REFUSE
) -> Iterator[Path]:
    """For output written through a path (a CSV or Parquet writer, say): a fresh, empty
    temporary file next to ``target`` to write, put in place as :func:`write_file` puts
    its data when the block ends, and removed if the block fails."""
    path = _file_target(target, force, refuse)
    fd, tmp = _new_file(path)
    os.close(fd)
    try:
        yield tmp
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        _publish(tmp, path, force, refuse)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def _file_target(target: str | os.PathLike[str], force: bool, refuse: str) -> Path:
    path = Path(os.fspath(target))
    check_target(path, force, refuse=refuse)
    if path.is_dir():
        raise TeiWriteError("is a folder, not a file", path=str(path))
    return path


def _publish(tmp: Path, path: Path, force: bool, refuse: str) -> None:
    """Put the finished temporary file in place: with ``force`` one rename (keeping an
    existing file's permission bits); without, a link (a rename on Windows), which never
    replaces a file, not even one that appeared meanwhile."""
    if force:
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o7777)
        os.replace(tmp, path)
        return
    try:
        if os.name == "nt":
            os.rename(tmp, path)  # refuses an existing destination on Windows
        else:
            os.link(tmp, path)  # the temporary name is removed afterwards
    except FileExistsError:
        raise TeiWriteError(refuse, path=str(path)) from None


@contextlib.contextmanager
def staging_dir(target: Path) -> Iterator[Path]:
    """A fresh hidden folder next to ``target`` to build a folder output in; removed with
    everything in it if the block fails or is interrupted."""
    while True:
        tmp = _temporary_name(target)
        try:
            os.mkdir(tmp, 0o777)
            break
        except FileExistsError:  # pragma: no cover - 48 random bits collided
            continue
    try:
        yield tmp
    finally:
        # after a successful publish_dir() the folder has moved away; anything left is debris
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def publish_dir(staged: Path, target: Path, *, force: bool = False) -> Path:
    """Move the finished folder ``staged`` to ``target`` (same file system, one rename).

    With ``force`` an existing ``target`` is first renamed aside and removed only after the
    new folder is in place, so the old output survives any failure before that point."""
    aside: Path | None = None
    if target.exists() or target.is_symlink():
        if not force:
            shutil.rmtree(staged, ignore_errors=True)
            raise TeiWriteError(REFUSE, path=str(target))
        aside = target.with_name(f".{target.name}.old-{os.getpid()}")
        os.rename(target, aside)
    try:
        os.rename(staged, target)
    except BaseException:
        if aside is not None:
            os.rename(aside, target)
        raise
    if aside is not None:
        if aside.is_dir() and not aside.is_symlink():
            shutil.rmtree(aside, ignore_errors=True)
        else:
            aside.unlink()
    return target

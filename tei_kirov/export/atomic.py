"""Atomic output for the exports: a file or a folder appears whole or not at all, and an
existing output is replaced only when the caller says so (``force``)."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from ..errors import TeiWriteError
from ..xml.writer import write_bytes_atomic

_REFUSE = "exists; pass force=True (CLI: --force) to replace it"


def check_target(target: Path, force: bool) -> None:
    """Refuse early when ``target`` exists and may not be replaced, or its folder is missing."""
    if (target.exists() or target.is_symlink()) and not force:
        raise TeiWriteError(_REFUSE, path=str(target))
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise TeiWriteError("the folder does not exist", path=str(folder))


def write_file(target: str | os.PathLike[str], data: bytes | str, *, force: bool = False) -> Path:
    """Write ``data`` to ``target`` atomically; refuse to replace an existing file unless
    ``force``. Text is written as UTF-8."""
    path = Path(os.fspath(target))
    payload = data.encode("utf-8") if isinstance(data, str) else data
    check_target(path, force)
    if path.is_dir():
        raise TeiWriteError("is a folder, not a file", path=str(path))
    if force:
        write_bytes_atomic(path, payload)
        return path
    # without force, link the finished temporary file into place: link() never replaces,
    # so a file that appeared meanwhile is not overwritten either
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp_name, 0o666 & ~umask)
        try:
            os.link(tmp_name, path)
        except FileExistsError:
            raise TeiWriteError(_REFUSE, path=str(path)) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
    return path


@contextlib.contextmanager
def staging_dir(target: Path) -> Iterator[Path]:
    """A fresh hidden folder next to ``target`` to build a folder output in; removed with
    everything in it if the block fails or is interrupted."""
    folder = target.parent if str(target.parent) else Path(".")
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder))
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
            raise TeiWriteError(_REFUSE, path=str(target))
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
    # make the folder readable like any other output (mkdtemp creates it private)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(target, 0o777 & ~umask)
    return target

"""A child process that does per-file work, so that a file which crashes the interpreter
or runs past its time limit costs only itself: the child is killed and replaced, and the
file gets a TK005 issue.

The child is a plain ``python -m tei_kirov.collection.child`` (not a multiprocessing
child: Dask's worker processes are daemons, which may not have those). It lives as long
as it is healthy, so what it compiles (schemas) is compiled once, not once per file.
Messages are pickles with a length prefix on the child's stdin and stdout."""

from __future__ import annotations

import os
import pickle
import queue
import struct
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO, Any

_LENGTH = struct.Struct("!Q")


class Crashed(Exception):
    """The child died while working on a file (the reason says how)."""


class TimedOut(Exception):
    """The child did not finish a file in time (it has been killed)."""


def _send(stream: IO[bytes], message: Any) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_LENGTH.pack(len(data)) + data)
    stream.flush()


def _receive(stream: IO[bytes]) -> Any:
    head = stream.read(_LENGTH.size)
    if len(head) < _LENGTH.size:
        raise EOFError
    (size,) = _LENGTH.unpack(head)
    data = stream.read(size)
    if len(data) < size:
        raise EOFError
    return pickle.loads(data)  # our own child's output, never outside data


class Sandbox:
    """One child process; :meth:`call` runs ``function(*args)`` in it with a time limit."""

    def __init__(self) -> None:
        self._proc: subprocess.Popen[bytes] | None = None
        self._replies: queue.Queue[Any] = queue.Queue()

    def _start(self) -> subprocess.Popen[bytes]:
        env = dict(os.environ)
        package_root = str(Path(__file__).resolve().parents[2])
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (package_root, env.get("PYTHONPATH", "")) if p)
        proc = subprocess.Popen([sys.executable, "-m", "tei_kirov.collection.child"],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
        self._replies = queue.Queue()
        threading.Thread(target=self._pump, args=(proc, self._replies), daemon=True).start()
        return proc

    @staticmethod
    def _pump(proc: subprocess.Popen[bytes], replies: queue.Queue[Any]) -> None:
        assert proc.stdout is not None
        while True:
            try:
                replies.put(("reply", _receive(proc.stdout)))
            except (EOFError, OSError, pickle.UnpicklingError):
                replies.put(("eof", None))
                return

    def call(self, function: Any, args: tuple[Any, ...], timeout: float | None) -> Any:
        """The value of ``function(*args)`` computed in the child. Raises
        :class:`TimedOut` or :class:`Crashed`; an exception inside ``function`` is raised
        again here."""
        if self._proc is None or self._proc.poll() is not None:
            self._proc = self._start()
        proc = self._proc
        assert proc.stdin is not None
        try:
            _send(proc.stdin, (function, args))
            kind, payload = self._replies.get(timeout=timeout)
        except queue.Empty:
            self.close()
            raise TimedOut(f"did not finish within {timeout:g} s") from None
        except (BrokenPipeError, OSError):
            kind, payload = "eof", None
        if kind == "eof":
            code = proc.wait()
            self._proc = None
            raise Crashed(f"the worker process died (exit status {code})")
        ok, value = payload
        if not ok:
            raise value
        return value

    def close(self) -> None:
        """Stop the child (killed if it is still working)."""
        if self._proc is not None:
            self._proc.kill()
            self._proc.wait()
            self._proc = None


def serve(stdin: IO[bytes], stdout: IO[bytes]) -> None:
    """The child's loop: one call per message until stdin closes."""
    while True:
        try:
            function, args = _receive(stdin)
        except EOFError:
            return
        try:
            reply: tuple[bool, Any] = (True, function(*args))
        except Exception as exc:  # sent back to the parent, which raises it there
            reply = (False, exc)
        _send(stdout, reply)


"""Entry point of a :class:`~.sandbox.Sandbox` child: ``python -m tei_kirov.collection.child``."""

from __future__ import annotations

import sys

from .sandbox import serve

if __name__ == "__main__":
    out = sys.stdout.buffer
    sys.stdout = sys.stderr  # stray prints must not corrupt the message stream
    serve(sys.stdin.buffer, out)

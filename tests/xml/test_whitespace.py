"""The whitespace policy both writers share lives on its own: the fast serialiser does not
import the lxml writer (no import cycle between them)."""

import os
import subprocess
import sys

from tei_kirov.models import P
from tei_kirov.models.base import Layout
from tei_kirov.xml.whitespace import INDENT, whitespace_before
from tests.conftest import REPO


def test_the_serialiser_loads_without_the_writer():
    code = ("import sys, tei_kirov.xml.serialiser\n"
            "assert 'tei_kirov.xml.writer' not in sys.modules, 'serialiser imports writer'\n")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def test_whitespace_before_a_child():
    first, second = P("a"), P("b")
    content = [first, second]
    assert whitespace_before(second, content, None, True, False, "\n" + INDENT) == "\n  "
    assert whitespace_before(second, content, None, False, False, "\n  ") == ""
    # a node added to a container read from a file takes its sibling's whitespace
    first._layout = Layout(before="\n\t")
    assert whitespace_before(second, content, None, False, True, "\n  ") == "\n\t"
    assert whitespace_before(second, content, "\n ", False, True, "\n  ") == "\n "
    assert whitespace_before(first, content, None, True, True, "\n  ") == "\n\t"

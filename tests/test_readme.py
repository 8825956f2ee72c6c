"""Every Python code block of README.md runs as written (in a scratch folder holding what
the Quickstart makes: kirov.xml, and the examples folder)."""

from __future__ import annotations

import re
import shutil

import pytest

from .conftest import EXAMPLES, REPO

BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)


def _blocks() -> list[tuple[int, str]]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    return [(text.count("\n", 0, m.start()) + 1, m.group(1)) for m in BLOCK.finditer(text)]


def test_readme_has_python_blocks():
    assert len(_blocks()) >= 3


@pytest.mark.parametrize(("line", "code"),
                         [pytest.param(n, c, id=f"README.md:{n}") for n, c in _blocks()])
def test_block_runs(line, code, tmp_path, monkeypatch):
    shutil.copy(EXAMPLES / "kirov.xml", tmp_path / "kirov.xml")
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    exec(compile(code, f"README.md:{line}", "exec"), {"__name__": "__readme__"})

"""saxonche is imported only when a Schematron runs, and its absence is explained."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable

import pytest

from tei_kirov.validation import SchemaError, load_schema
from tei_kirov.validation.schematron import SaxonMissing, saxon

from ..conftest import FIXTURES, REPO
from .conftest import schema_text

BLOCK = "import sys; sys.modules['saxonche'] = None\n"


def test_missing_saxonche_says_how_to_install(monkeypatch: pytest.MonkeyPatch,
                                              write: Callable[..., str]) -> None:
    monkeypatch.setitem(sys.modules, "saxonche", None)  # import saxonche now fails
    monkeypatch.setattr(saxon, "_STATE", {})
    path = write("s.sch", schema_text("<sch:pattern/>"))
    with pytest.raises(SaxonMissing, match="pip install saxonche") as caught:
        load_schema(path)
    assert isinstance(caught.value, SchemaError)


def test_everything_else_works_without_saxonche() -> None:
    code = BLOCK + (
        "import tei_kirov\n"
        "from tei_kirov.validation import validate\n"
        f"report = validate({str(FIXTURES / 'clean.xml')!r}, "
        f"schemas=[{str(FIXTURES / 'mini.rng')!r}])\n"
        "assert report.ok, report.issues\n"
        "print('saxonche' in sys.modules and sys.modules['saxonche'] is not None)\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"


def test_saxonche_is_not_imported_until_a_schematron_runs() -> None:
    code = ("import sys, tei_kirov, tei_kirov.validation\n"
            f"tei_kirov.validation.validate({str(FIXTURES / 'clean.xml')!r}, "
            f"schemas=[{str(FIXTURES / 'mini.xsd')!r}])\n"
            "print('saxonche' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"

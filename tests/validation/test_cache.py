"""The result cache's key covers every file a schema was read from, and its phase."""

from __future__ import annotations

from pathlib import Path

from tei_kirov.validation import load_schema
from tei_kirov.validation.cache import ResultCache

SCH = 'xmlns:sch="http://purl.oclc.org/dsdl/schematron"'


def _salt(tmp_path: Path, phase: str | None = None) -> str:
    schema = load_schema(tmp_path / "s.sch", phase=phase)
    return ResultCache(str(tmp_path / "cache"), [schema], []).salt


def test_an_included_file_and_the_phase_change_the_key(tmp_path: Path) -> None:
    (tmp_path / "s.sch").write_text(
        f'<sch:schema {SCH} queryBinding="xslt2"><sch:phase id="q"/>'
        '<sch:include href="p.sch"/></sch:schema>')
    pattern = f'<sch:pattern {SCH}><sch:rule context="a"><sch:assert test="{{}}">x' \
              "</sch:assert></sch:rule></sch:pattern>"
    (tmp_path / "p.sch").write_text(pattern.format("@n"))
    first = _salt(tmp_path)
    assert _salt(tmp_path) == first
    assert _salt(tmp_path, phase="q") != first
    (tmp_path / "p.sch").write_text(pattern.format("@m"))
    assert _salt(tmp_path) != first

"""Every export on real TEI from other projects (../shared/corpus): the smallest file of
each project, so the whole range of encodings is covered in a few seconds."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from lxml import html as lxml_html

import tei_kirov
from tei_kirov.export import from_json, to_csv, to_html, to_json, to_text
from tests.export.conftest import REPO

CORPUS = REPO.parent / "shared" / "corpus"


def _sample() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    picked = []
    for project in sorted(p for p in CORPUS.iterdir() if p.is_dir()):
        files = sorted(project.rglob("*.xml"), key=lambda p: (p.stat().st_size, p.name))
        picked.extend(files[:2])
    return picked


SAMPLE = _sample()


@pytest.mark.skipif(not SAMPLE, reason=f"the shared corpus is not at {CORPUS}")
@pytest.mark.parametrize("path", SAMPLE, ids=lambda p: p.parent.name + "/" + p.name)
def test_every_export_works_on_foreign_tei(path):
    doc = tei_kirov.read(path)
    page = to_html(doc)
    tree = lxml_html.document_fromstring(page)
    ids = {el.get("id") for el in tree.iter() if isinstance(el.tag, str) and el.get("id")}
    dangling = [h for h in tree.xpath("//a/@href") if h.startswith("#") and h[1:] not in ids]
    assert dangling == []
    assert tree.get("lang")
    text = to_text(doc)
    assert text.endswith("\n")
    for name, table in to_csv(doc).items():
        assert list(csv.reader(io.StringIO(table))), name
    assert from_json(to_json(doc)) == doc

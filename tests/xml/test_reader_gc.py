"""Reading leaves the process's garbage collector alone: no pause, no freeze, no collection."""

import gc

import pytest
from lxml import etree

import tei_kirov
from tests.xml.samples import SAMPLE


@pytest.mark.parametrize("name", ["disable", "enable", "freeze", "unfreeze", "collect",
                                  "set_threshold"])
def test_reading_calls_no_process_wide_gc_function(monkeypatch, tmp_path, name):
    calls = []
    real = getattr(gc, name)
    monkeypatch.setattr(gc, name, lambda *args: calls.append(args) or real(*args))
    path = tmp_path / "a.xml"
    path.write_text(SAMPLE, encoding="utf-8")
    tei_kirov.parse(SAMPLE)
    tei_kirov.read(path)
    tei_kirov.from_tree(etree.ElementTree(etree.fromstring(SAMPLE.encode())))
    assert calls == []


def test_gc_state_is_as_the_application_left_it():
    assert gc.isenabled()
    tei_kirov.parse(SAMPLE)
    assert gc.isenabled()
    gc.disable()
    try:
        tei_kirov.parse(SAMPLE)
        assert not gc.isenabled()
    finally:
        gc.enable()
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        tei_kirov.parse(SAMPLE)
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()

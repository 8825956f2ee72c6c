"""The reader pauses the cyclic GC while it builds the models and leaves it as it found it."""

import gc

import tei_kirov
from tests.xml.samples import SAMPLE


def test_gc_state_is_restored():
    assert gc.isenabled()
    tei_kirov.parse(SAMPLE)
    assert gc.isenabled()
    gc.disable()
    try:
        tei_kirov.parse(SAMPLE)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_objects_the_application_froze_stay_frozen():
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        tei_kirov.parse(SAMPLE)
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
    tei_kirov.parse(SAMPLE)
    assert gc.get_freeze_count() == 0

"""Partitions: every file once, about 64 MB each, enough of them to share out."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tei_kirov.collection.partition import PARTITION_BYTES, PER_WORKER, partition
from tei_kirov.collection.sources import Item


@given(st.lists(st.integers(min_value=0, max_value=200 * 1024 * 1024), max_size=60),
       st.integers(min_value=1, max_value=16))
def test_every_item_once_in_order(sizes, workers):
    items = [Item(f"f{i}", s) for i, s in enumerate(sizes)]
    parts = partition(items, workers)
    assert [i for p in parts for i in p] == items
    for part in parts:
        if len(part) > 1:  # only a single file may exceed the limit
            assert sum(i.size for i in part) <= PARTITION_BYTES


def test_a_million_small_files_make_few_tasks():
    items = [Item(f"f{i}", 30_000) for i in range(1_000_000)]
    parts = partition(items, workers=200)
    assert len(parts) <= 1000
    assert len(parts) >= 200  # yet every worker gets work


def test_a_small_collection_is_spread_over_the_workers():
    items = [Item(f"f{i}", 1000) for i in range(195)]
    assert 2 * PER_WORKER <= len(partition(items, workers=2)) <= 2 * PER_WORKER + 1

"""Grouping a collection's files into partitions, so that a million small files do not
make a million tasks and a few large ones still spread over every worker."""

from __future__ import annotations

from collections.abc import Sequence

from .sources import Item

#: The largest partition, in bytes of input (a task then runs for seconds, not hours).
PARTITION_BYTES = 64 * 1024 * 1024
#: Partitions per worker at least, when the collection is small enough to allow it, so
#: that work is shared out evenly and a slow partition does not hold the run up.
PER_WORKER = 4


def target_bytes(total: int, workers: int) -> int:
    """The partition size for ``total`` bytes over ``workers``: at most
    :data:`PARTITION_BYTES`, small enough to give each worker :data:`PER_WORKER` parts."""
    return max(1, min(PARTITION_BYTES, -(-total // max(1, workers * PER_WORKER))))


def partition(items: Sequence[Item], workers: int) -> list[list[Item]]:
    """Consecutive runs of ``items`` of about :func:`target_bytes` each (a file larger than
    that is a partition of its own). Every item is in exactly one partition."""
    limit = target_bytes(sum(i.size for i in items), workers)
    parts: list[list[Item]] = []
    current: list[Item] = []
    size = 0
    for item in items:
        if current and size + item.size > limit:
            parts.append(current)
            current, size = [], 0
        current.append(item)
        size += item.size
    if current:
        parts.append(current)
    return parts

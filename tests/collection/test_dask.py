"""The Dask engine on a real LocalCluster: the same results as the local engine, faults
survived, every file reported once."""

from __future__ import annotations

import os
import signal
from collections import Counter

import pytest

from tei_kirov import collection
from tei_kirov.validation import batch
from tei_kirov.validation import rules as rules_mod
from tei_kirov.validation.schemas import load_schemas

from ..conftest import CORPUS, TEI_ALL_RNG
from .conftest import small_tei


def _issues(reports):
    return {r.file: [i.model_dump() for i in r.issues] for r in reports}


def test_corpus_against_tei_all_equals_the_local_engine(dask_client, corpus):
    if not TEI_ALL_RNG.is_file():
        pytest.fail(f"tei_all.rng is missing at {TEI_ALL_RNG}")
    on_dask = list(collection.validate([CORPUS], schemas=[TEI_ALL_RNG], client=dask_client))
    files = batch.expand_paths([str(CORPUS)])
    local = batch.run(files, load_schemas([TEI_ALL_RNG]), rules_mod.select(True), jobs=2)
    assert len(on_dask) == len(local) == len(corpus)
    assert _issues(on_dask) == _issues(local)  # file by file, issue by issue


def test_index_of_the_corpus_is_the_same_on_both_engines(dask_client, corpus):
    def rows(results):
        return sorted(tuple(row) for r in results for row in r.rows)

    local = rows(collection.index([CORPUS]))
    assert local and rows(collection.index([CORPUS], client=dask_client)) == local


def test_convert_and_export_on_dask(dask_client, tmp_path, letters):
    local = list(collection.export([letters], "text", tmp_path / "a"))
    remote = list(collection.export([letters], "text", tmp_path / "b", client=dask_client))
    assert len(remote) == 40
    for name in os.listdir(tmp_path / "a"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    assert {r.file for r in local if not r.ok} == {r.file for r in remote if not r.ok}


def test_a_worker_killed_mid_run_loses_nothing(tmp_path):
    distributed = pytest.importorskip("distributed")
    import logging

    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(2000):
        (folder / f"f{i:05d}.xml").write_bytes(small_tei(i))
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None, silence_logs=logging.CRITICAL
                                  ) as cluster, distributed.Client(cluster) as client:
        seen: Counter[str] = Counter()
        killed = None
        for report in collection.validate([folder], client=client):
            seen[report.file] += 1
            if killed is None:  # first results are in: kill a worker that has work
                busy = [w for w, tasks in client.processing().items() if tasks]
                pids = client.run(os.getpid, workers=busy[:1])
                killed = next(iter(pids.values()))
                os.kill(killed, signal.SIGKILL)
        assert killed is not None
        assert len(seen) == 2000 and set(seen.values()) == {1}

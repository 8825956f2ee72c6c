"""Where partitions run: the local engine (this process, or a pool of spawned processes)
or Dask (a ``distributed.LocalCluster`` started here, or a running scheduler). Both take
the same partitions and give back each partition's results as it completes.

Dask is imported only by :class:`DaskEngine`. A partition lost with its worker is run
again by Dask itself (the scheduler re-runs a dead worker's tasks), and its results are
only ever taken from the one future that completed, so every file is reported once. A
partition that cannot be completed at all (its worker keeps dying) is split into one task
per file, so only the file that kills workers gets a TK005 issue."""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
import os
from collections.abc import Iterator, Sequence
from typing import Any, Protocol

from .runner import TK_FAULT, run_partition
from .tasks import Job, Result, failure

Files = Sequence[tuple[str, str]]


class Engine(Protocol):
    """Runs partitions; ``workers`` is how many run at once."""

    workers: int

    def run(self, job: Job, partitions: Sequence[Files], timeout: float | None
            ) -> Iterator[list[Result]]: ...

    def close(self) -> None: ...


def _in_flight(workers: int) -> int:
    """How many partitions to keep submitted at once: enough to keep every worker busy,
    few enough that the client never holds a whole collection's results."""
    return max(4, 3 * workers)


class LocalEngine:
    """This process (``jobs`` 1) or a pool of ``jobs`` processes started with ``spawn``
    (the start method every platform has)."""

    def __init__(self, jobs: int | None = None) -> None:
        self.workers = max(1, jobs or os.cpu_count() or 1)
        self._pool: cf.ProcessPoolExecutor | None = None

    def run(self, job: Job, partitions: Sequence[Files], timeout: float | None
            ) -> Iterator[list[Result]]:
        if self.workers == 1 or len(partitions) <= 1:
            for files in partitions:
                yield run_partition(job, files, timeout)
            return
        if self._pool is None:
            self._pool = cf.ProcessPoolExecutor(
                self.workers, mp_context=multiprocessing.get_context("spawn"))
        pending: set[cf.Future[list[Result]]] = set()
        todo = iter(partitions)
        window = _in_flight(self.workers)
        while True:
            for files in todo:
                pending.add(self._pool.submit(run_partition, job, files, timeout))
                if len(pending) >= window:
                    break
            if not pending:
                return
            done, pending = cf.wait(pending, return_when=cf.FIRST_COMPLETED)
            for future in done:
                yield future.result()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None


def dask_missing() -> str:
    return "the Dask engine needs dask.distributed: pip install \"tei_kirov[dask]\""


class DaskEngine:
    """A Dask ``client``; or a client of the scheduler at ``scheduler``; or, with neither, a
    ``distributed.LocalCluster`` of ``jobs`` single-threaded worker processes."""

    def __init__(self, client: Any = None, scheduler: str | None = None,
                 jobs: int | None = None) -> None:
        try:
            import distributed
        except ImportError as exc:
            raise RuntimeError(dask_missing()) from exc
        self._distributed = distributed
        self._owned: list[Any] = []
        if client is None and scheduler:
            client = distributed.Client(scheduler)
            self._owned.append(client)
        elif client is None:
            import logging

            cluster = distributed.LocalCluster(
                n_workers=max(1, jobs or os.cpu_count() or 1), threads_per_worker=1,
                processes=True, dashboard_address=None, silence_logs=logging.ERROR)
            client = distributed.Client(cluster)
            self._owned += [client, cluster]
        self.client = client
        self.workers = max(1, sum(w.get("nthreads", 1) for w in
                                  client.scheduler_info().get("workers", {}).values()))

    def run(self, job: Job, partitions: Sequence[Files], timeout: float | None
            ) -> Iterator[list[Result]]:
        submit = self.client.submit
        futures = self._distributed.as_completed()
        files_of: dict[str, Files] = {}
        todo = iter(partitions)
        window = _in_flight(self.workers)

        def add(files: Files) -> None:
            future = submit(run_partition, job, list(files), timeout, pure=False)
            files_of[future.key] = files
            futures.add(future)

        def refill() -> None:
            while futures.count() < window:
                files = next(todo, None)
                if files is None:
                    return
                add(files)

        refill()
        for future in futures:
            files = files_of.pop(future.key)
            try:
                results: list[Result] | None = future.result()
            except Exception as exc:  # the partition's workers kept dying: go file by file
                results = None
                if len(files) > 1:
                    for one in files:
                        add([one])
                else:
                    results = [failure(job.kind, files[0][0], TK_FAULT,
                                       f"{job.kind} crashed its worker ({type(exc).__name__})",
                                       "please report this file")]
            future.release()
            refill()
            if results is not None:
                yield results

    def close(self) -> None:
        for owned in self._owned:
            owned.close()
        self._owned = []

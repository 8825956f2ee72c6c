"""One partition's work, the unit an engine schedules: the files of a partition in turn,
each through :func:`.tasks.run_file`, so that a bad file never ends the partition.

Without a time limit the work runs in the calling process (a Dask worker or a pool
process), which compiles each schema once. With one (``--timeout``) it runs in a
:class:`~.sandbox.Sandbox` child kept per worker thread, which also isolates hard crashes."""

from __future__ import annotations

import threading
from collections.abc import Sequence

from .sandbox import Crashed, Sandbox, TimedOut
from .tasks import Job, Result, failure, run_file

TK_FAULT = "TK005"

_local = threading.local()


def _sandbox() -> Sandbox:
    box = getattr(_local, "sandbox", None)
    if box is None:
        box = _local.sandbox = Sandbox()
    return box


def run_one(job: Job, name: str, rel: str, timeout: float | None) -> Result:
    """One file's result; a crash or a time-out becomes a TK005 issue."""
    try:
        if timeout is None:
            return run_file(job, name, rel)
        result: Result = _sandbox().call(run_file, (job, name, rel), timeout)
        return result
    except TimedOut as exc:
        return failure(job.kind, name, TK_FAULT, f"{job.kind} stopped: {exc}",
                       "raise --timeout, or look at this file on its own")
    except Crashed as exc:
        return failure(job.kind, name, TK_FAULT, f"{job.kind} crashed: {exc}",
                       "please report this file")
    except Exception as exc:  # a bug must not end the run; say which file triggered it
        return failure(job.kind, name, TK_FAULT,
                       f"internal error ({type(exc).__name__}: {exc})", "please report it")


def run_partition(job: Job, files: Sequence[tuple[str, str]],
                  timeout: float | None = None) -> list[Result]:
    """The results of one partition's files ``(name, relative name)``, in order."""
    if job.kind == "validate" and timeout is None:
        warm_up(job, [name for name, _ in files])
    return [run_one(job, name, rel, timeout) for name, rel in files]


def warm_up(job: Job, names: Sequence[str]) -> None:
    """Compile this process's RELAX NG grammars for a partition before its files, as a
    local batch does for its files: the whole grammar once per process for a large
    collection, else grammars specialised to the element names the partition uses. Only
    speed changes: a specialised grammar accepts exactly what the whole one does."""
    from ..validation.batch import scan_names
    from ..validation.schemas import RngSchema, load_schemas

    paths = job.options.get("schemas")
    if not paths:
        return  # the profile (an XSD), or schemas that each file names itself
    rng = [s for s in load_schemas(paths) if isinstance(s, RngSchema)]
    if not rng:
        return
    if job.options.get("whole_grammar"):
        for schema in rng:
            schema.prepare_full()
        return
    local = [n for n in names if "://" not in n]
    found = scan_names(local)
    for schema in rng:
        schema.prepare(found)

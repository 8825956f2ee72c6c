"""Validating the exported JSON of ``examples/kirov.xml`` against the models' JSON Schema
with ``jsonschema`` (target: under 1 s). Run: ``python -m benchmarks.bench_jsonschema``."""

from __future__ import annotations

import json
import time
from pathlib import Path

from jsonschema import Draft202012Validator

import tei_kirov
from tei_kirov.export import json_schema, to_json

KIROV = Path(__file__).resolve().parent.parent / "examples" / "kirov.xml"
TARGET = 1.0


def measure(repeats: int = 5) -> dict[str, float]:
    """Best and first wall time of a full validation (every error collected) of the
    edition, and the best CPU time (what the wall time is on an idle machine)."""
    data = json.loads(to_json(tei_kirov.read(KIROV)))
    validator = Draft202012Validator(json_schema())
    times, cpu = [], []
    for _ in range(repeats):
        start, start_cpu = time.perf_counter(), time.process_time()
        errors = list(validator.iter_errors(data))
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
        assert not errors, errors[0].message
    return {"best": min(times), "first": times[0], "cpu": min(cpu)}


def main() -> None:
    result = measure()
    met = "met" if result["best"] < TARGET else "NOT met"
    print(f"jsonschema validation of kirov.json: best {result['best']:.3f} s, first "
          f"{result['first']:.3f} s, CPU {result['cpu']:.3f} s (target < {TARGET} s: {met})")


if __name__ == "__main__":
    main()

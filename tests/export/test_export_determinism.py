"""Every export gives the same bytes in every process: each one is run in interpreters
started with different ``PYTHONHASHSEED`` values (so sets and string hashes iterate in a
different order) and the outputs are compared byte for byte."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.export.conftest import KIROV, LETTER, PAMPHLET, REPO

_SCRIPT = """
import hashlib, json, sys
import tei_kirov
from tei_kirov.export import bag_info, to_csv, to_html, to_json, to_text

out = {"hash": hash("tei_kirov")}
for path in sys.argv[1:]:
    doc = tei_kirov.read(path)
    outputs = {"html": to_html(doc), "text": to_text(doc),
               "diplomatic": to_text(doc, diplomatic=True), "json": to_json(doc),
               "bag-info": json.dumps(bag_info(doc), sort_keys=True)}
    outputs.update(to_csv(doc))
    out[path] = {name: [len(text), hashlib.sha256(text.encode()).hexdigest()]
                 for name, text in outputs.items()}
print(json.dumps(out))
"""


def _run(seed: str) -> dict:
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(REPO),
           "SOURCE_DATE_EPOCH": "1735689600"}
    done = subprocess.run([sys.executable, "-c", _SCRIPT, str(KIROV), str(LETTER),
                           str(PAMPHLET)], cwd=REPO, env=env, capture_output=True,
                          text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_exports_are_the_same_bytes_under_every_hash_seed():
    runs = [_run(seed) for seed in ("0", "1", "2718281828")]
    # the interpreters really did hash differently
    assert len({run.pop("hash") for run in runs}) == 3
    first = runs[0]
    assert all(size > 0 for outputs in first.values() for size, _ in outputs.values())
    for other in runs[1:]:
        assert other == first

"""A wheel built from the tree carries everything the package finds at run time."""

import subprocess
import sys
import zipfile

import pytest

from tests.conftest import REPO

REQUIRED = [
    "tei_kirov/schemas/tei_kirov.xsd",
    "tei_kirov/schemas/xml.xsd",
    "tei_kirov/schemas/tei_all.rng",
    "tei_kirov/schemas/catalog.xml",
    "tei_kirov/schemas/TEI.LICENSE.TXT",
    "tei_kirov/schemas/TEI-SCHEMA.md",
    "tei_kirov/data/kirov.txt",
    "tei_kirov/data/kirov-authority.xml",
    "tei_kirov/data/datable.json",
    "tei_kirov/py.typed",
]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(REPO)],
        capture_output=True, text=True, timeout=300,
    )
    # a wheel that cannot be built is a failure, never a skip
    assert result.returncode == 0, f"the wheel did not build: {result.stderr.strip()[-2000:]}"
    wheels = list(out.glob("*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


def test_wheel_contains_schemas_and_data(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = [name for name in REQUIRED if name not in names]
    assert not missing, f"missing from {wheel.name}: {missing}"
    assert "tei_kirov-0.1.0.dist-info/entry_points.txt" in names


def test_wheel_schema_is_the_committed_one(wheel):
    packed = zipfile.ZipFile(wheel).read("tei_kirov/schemas/tei_kirov.xsd")
    assert packed == (REPO / "schemas" / "tei_kirov.xsd").read_bytes()

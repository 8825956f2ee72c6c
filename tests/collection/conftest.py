"""A real Dask LocalCluster (two single-threaded worker processes) for the Dask tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def dask_client():
    distributed = pytest.importorskip("distributed", reason='pip install "tei_kirov[dask]"')
    import logging

    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=logging.ERROR)
    client = distributed.Client(cluster)
    yield client
    client.close()
    cluster.close()


def small_tei(i: int) -> bytes:
    """A small valid TEI document, different for each ``i``."""
    return (
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>'
        f"<title>Letter {i}</title></titleStmt><publicationStmt><p>none</p>"
        "</publicationStmt><sourceDesc><p>made for a test</p></sourceDesc></fileDesc>"
        f'</teiHeader><text><body><p>Letter <date when="1900-01-{i % 28 + 1:02d}">{i}</date>'
        "</p></body></text></TEI>").encode()


@pytest.fixture
def letters(tmp_path):
    """A folder of 40 small TEI files, three of them broken."""
    folder = tmp_path / "letters"
    folder.mkdir()
    for i in range(40):
        data = small_tei(i)
        if i % 15 == 7:
            data = data.replace(b"</p></body>", b"</body>")  # not well-formed
        (folder / f"l{i:03d}.xml").write_bytes(data)
    return folder

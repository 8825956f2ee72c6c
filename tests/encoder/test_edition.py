"""examples/kirov.xml is exactly the encoder's output, and the edition is valid."""

import shutil
import subprocess

import pytest
from lxml import etree

from ..conftest import EXAMPLES, REPO, TEI_ALL_RNG

EXAMPLE = EXAMPLES / "kirov.xml"


def test_example_is_the_encoder_output_byte_for_byte(kirov):
    import tei_kirov

    doc = kirov[0]
    assert EXAMPLE.read_bytes() == tei_kirov.to_bytes(doc), (
        "regenerate with: tei-kirov encode -o examples/kirov.xml --force")


def test_encoding_is_deterministic(kirov):
    import tei_kirov
    from tei_kirov.encoder import encode_default

    assert tei_kirov.to_string(encode_default()[0]) == kirov[2]


def test_edition_validates_against_the_profile_xsd(kirov):
    schema = etree.XMLSchema(etree.parse(str(REPO / "schemas" / "tei_kirov.xsd")))
    ok = schema.validate(etree.fromstring(kirov[2].encode("utf-8")))
    assert ok, str(schema.error_log)


def test_edition_validates_against_tei_all(kirov, tei_all_relaxng):
    ok = tei_all_relaxng.validate(etree.fromstring(kirov[2].encode("utf-8")))
    assert ok, str(tei_all_relaxng.error_log)


@pytest.mark.skipif(shutil.which("jing") is None or not TEI_ALL_RNG.is_file(),
                    reason="jing or ../shared/tei/tei_all.rng not available")
def test_example_validates_with_jing():
    run = subprocess.run(["jing", str(TEI_ALL_RNG), str(EXAMPLE)], capture_output=True,
                         text=True, timeout=120)
    assert run.returncode == 0, run.stdout


def test_every_pointer_resolves(kirov):
    root = etree.fromstring(kirov[2].encode("utf-8"))
    xml_id = "{http://www.w3.org/XML/1998/namespace}id"
    ids = {e.get(xml_id) for e in root.iter() if e.get(xml_id)}
    for attr in ("ref", "resp", "who", "target"):
        for el in root.xpath(f"//*[@{attr}]"):
            for target in el.get(attr).split():
                assert not target.startswith("#") or target[1:] in ids, (attr, target)
    referenced = {t[1:] for el in root.xpath("//*[@ref]") for t in el.get("ref").split()}
    tei = "{http://www.tei-c.org/ns/1.0}"
    records = {e.get(xml_id) for tag in ("person", "place", "org")
               for e in root.iter(f"{tei}{tag}")}
    assert records <= referenced, "every record of standOff is used"

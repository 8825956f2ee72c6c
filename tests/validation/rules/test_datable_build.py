"""The att.datable table: generated from a RELAX NG grammar, shipped up to date."""

from __future__ import annotations

import json
from pathlib import Path

from tei_kirov.validation.rules.datable_build import build, main, render, table_path

GRAMMAR = """<grammar xmlns="http://relaxng.org/ns/structure/1.0" ns="http://www.tei-c.org/ns/1.0">
<!--
TEI Edition: P5 Version\u00a09.8.7. Last updated ...
-->
  <start><ref name="doc"/></start>
  <define name="att.datable.w3c.attribute.when"><optional><attribute name="when"/></optional>
  </define>
  <define name="att.datable.w3c.attribute.from"><optional><attribute name="from"/></optional>
  </define>
  <define name="att.datable.iso.attribute.when-iso">
    <optional><attribute name="when-iso"/></optional></define>
  <define name="att.datable.w3c.attributes"><ref name="att.datable.w3c.attribute.when"/>
    <ref name="att.datable.w3c.attribute.from"/></define>
  <define name="att.datable.attributes"><ref name="att.datable.w3c.attributes"/>
    <ref name="att.datable.iso.attribute.when-iso"/><ref name="att.datable.attributes"/></define>
  <define name="doc"><element name="doc"><ref name="date"/><ref name="locus"/>
    <element name="stamp"><ref name="att.datable.w3c.attribute.when"/></element>
  </element></define>
  <define name="date"><element name="date"><ref name="att.datable.attributes"/>
    <element name="inner"><text/></element></element></define>
  <define name="locus"><element name="locus"><attribute name="from"/></element></define>
  <define name="egXML"><element name="egXML" ns="http://www.tei-c.org/ns/Examples">
    <ref name="att.datable.attributes"/></element></define>
</grammar>
"""


def test_build_follows_refs_but_not_into_nested_elements(tmp_path: Path) -> None:
    rng = tmp_path / "g.rng"
    rng.write_text(GRAMMAR, encoding="utf-8")
    table = build(rng)
    assert table == {
        "source": "g.rng, TEI P5 9.8.7",
        "elements": {"date": {"w3c": ["from", "when"], "iso": ["when-iso"]},
                     "stamp": {"w3c": ["when"], "iso": []}},
    }  # not doc (its child's attributes), not locus (its own @from), not egXML (other ns)
    assert json.loads(render(table)) == table


def test_the_shipped_table_is_built_from_tei_all(shared: Path) -> None:
    table = build(shared / "tei" / "tei_all.rng")
    assert render(table) == table_path().read_text(encoding="utf-8"), (
        "tei_kirov/data/datable.json is out of date: run "
        "python -m tei_kirov.validation.rules.datable_build PATH/tei_all.rng")
    assert main(["--check", str(shared / "tei" / "tei_all.rng")]) == 0
    assert len(table["elements"]) > 50  # type: ignore[arg-type]

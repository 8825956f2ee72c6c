"""The profile schema and the models must not drift apart.

``schemas/tei_kirov.xsd`` is generated from the models plus the content-model table in
``tei_kirov.profile.build``; these tests check that the committed file is what the generator
builds, and, reading the XSD itself, that it declares exactly the elements and attributes the
models type.
"""

from __future__ import annotations

import pytest
from lxml import etree

from tei_kirov.models import REGISTRY, TEI_NS, XML_NS
from tei_kirov.models.base import display_name
from tei_kirov.profile import schema_path
from tei_kirov.profile.build import CONTENT, build

XS = "http://www.w3.org/2001/XMLSchema"
NS = {"xs": XS}


@pytest.fixture(scope="module")
def xsd() -> etree._Element:
    """The committed profile schema, parsed."""
    return etree.parse(str(schema_path())).getroot()


def _declared_elements(xsd: etree._Element) -> dict[str, etree._Element]:
    """Top-level element declarations by name."""
    return {e.get("name"): e for e in xsd.findall("xs:element", NS)}


def _declared_attributes(declaration: etree._Element) -> set[str]:
    """The attributes an element declaration allows, as ``xml:id`` / ``notBefore`` names
    (those of the attribute groups it refers to included)."""
    schema = declaration.getroottree().getroot()
    attributes = list(declaration.iterfind(".//xs:attribute", NS))
    for ref in declaration.iterfind(".//xs:attributeGroup[@ref]", NS):
        group = schema.find(f"xs:attributeGroup[@name='{ref.get('ref').split(':', 1)[1]}']", NS)
        assert group is not None, f"attribute group {ref.get('ref')} is not defined"
        attributes += group.iterfind(".//xs:attribute", NS)
    names = set()
    for attribute in attributes:
        if attribute.get("ref") is not None:
            names.add(attribute.get("ref"))  # "xml:id", "xml:lang", ...
        else:
            names.add(attribute.get("name"))
    return names


def test_committed_schema_is_what_build_generates() -> None:
    committed = schema_path().read_text(encoding="utf-8")
    assert committed == build(), (
        "schemas/tei_kirov.xsd is out of date: run `python -m tei_kirov.profile.build`"
    )


def test_schema_describes_the_tei_namespace(xsd: etree._Element) -> None:
    assert xsd.get("targetNamespace") == TEI_NS
    assert xsd.get("elementFormDefault") == "qualified"


def test_every_model_element_is_declared_and_every_declaration_has_a_model(
    xsd: etree._Element,
) -> None:
    declared = set(_declared_elements(xsd))
    typed = set(REGISTRY)
    assert typed - declared == set(), "model classes without an XSD declaration"
    assert declared - typed == set(), "XSD declarations without a model class"
    assert set(CONTENT) == typed, "the content-model table and the registry differ"


def test_element_references_point_at_declared_elements(xsd: etree._Element) -> None:
    declared = set(_declared_elements(xsd))
    referenced = {r.get("ref").split(":", 1)[1] for r in xsd.iterfind(".//xs:element[@ref]", NS)}
    assert referenced <= declared
    # Every element except the root is reachable as somebody's child.
    assert declared - referenced <= {"TEI"}


@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_model_attributes_match_declared_attributes(xsd: etree._Element, name: str) -> None:
    cls = REGISTRY[name]
    declaration = _declared_elements(xsd)[name]
    typed = {display_name(x) for x in cls.attribute_fields.values()}
    declared = _declared_attributes(declaration)
    assert typed - declared == set(), f"<{name}>: model attributes the XSD does not declare"
    assert declared - typed == set(), f"<{name}>: XSD attributes the model does not type"


def test_xml_namespace_attributes_are_referenced_not_redeclared(xsd: etree._Element) -> None:
    local = {a.get("name") for a in xsd.iterfind(".//xs:attribute[@name]", NS)}
    assert not {n for n in local if n.startswith("xml")}
    refs = {a.get("ref") for a in xsd.iterfind(".//xs:attribute[@ref]", NS)}
    assert refs <= {"xml:id", "xml:lang", "xml:space"}
    typed = {x for cls in REGISTRY.values() for x in cls.attribute_fields.values()}
    assert f"{{{XML_NS}}}id" in typed


def test_schema_compiles_with_lxml_and_xmlschema() -> None:
    import xmlschema

    etree.XMLSchema(etree.parse(str(schema_path())))
    assert xmlschema.XMLSchema(str(schema_path())).validity == "valid"


def test_lists_take_items_or_label_item_pairs_but_not_a_stray_label() -> None:
    import tei_kirov
    from tei_kirov.models import Document, Item, Label, List
    from tei_kirov.profile import profile_errors

    glossary = List(Label("amalgam"), Item("a frame-up"), Label("troika"), Item("triumvirate"))
    doc = Document.new("T", glossary)
    tree = etree.fromstring(tei_kirov.to_bytes(doc))
    assert profile_errors(tree) == []
    assert [(lab.text(), it.text()) for lab, it in glossary.labelled_items] == [
        ("amalgam", "a frame-up"), ("troika", "triumvirate")]
    stray = Document.new("T", List(Item("a"), Label("b")))
    assert profile_errors(etree.fromstring(tei_kirov.to_bytes(stray)))

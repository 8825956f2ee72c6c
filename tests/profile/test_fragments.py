"""Every profile element, drawn on its own, is valid TEI.

Whole random documents (``test_conformance.py``) reach deeply nested or rarely chosen
elements (``docEdition``, ``biblScope``, ``hyphenation`` ...) only now and then. Here each
example is one random element subtree, rooted at any element the profile declares, checked
against the profile (every element is a global declaration in the XSD, so any may be a root)
and against tei_all.rng with only its ``<start>`` widened to accept the same roots: every
other definition is TEI's own.
"""

from __future__ import annotations

import pytest
import xmlschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from tei_kirov.models import REGISTRY, Document, TeiElement
from tei_kirov.profile import profile_schema, schema_path
from tei_kirov.xml.writer import to_bytes
from tests.conftest import TEI_ALL_RNG
from tests.profile.strategies import elements

RNG_NS = "http://relaxng.org/ns/structure/1.0"


@pytest.fixture(scope="module")
def tei_all_any_root() -> etree.RelaxNG:
    """tei_all.rng whose start pattern accepts any element the profile declares."""
    if not TEI_ALL_RNG.is_file():
        pytest.skip(f"the official TEI schema is not at {TEI_ALL_RNG}")
    grammar = etree.parse(str(TEI_ALL_RNG))
    start = grammar.getroot().find(f"{{{RNG_NS}}}start")
    assert start is not None
    for child in list(start):
        start.remove(child)
    roots = etree.SubElement(start, f"{{{RNG_NS}}}choice")
    for name in sorted(REGISTRY):
        etree.SubElement(roots, f"{{{RNG_NS}}}ref", name=name)
    return etree.RelaxNG(grammar)


@pytest.fixture(scope="module")
def profile_xmlschema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(schema_path()))


def _bytes(element: TeiElement) -> bytes:
    """The element serialised as the writer serialises it inside a document."""
    return to_bytes(Document.model_construct(root=element, prolog=[], epilog=[]))


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(element=st.sampled_from(sorted(REGISTRY)).flatmap(lambda name: elements(name, 6)))
def test_every_element_alone_is_tei(
    element: TeiElement, profile_xmlschema: xmlschema.XMLSchema, tei_all_any_root: etree.RelaxNG
) -> None:
    data = _bytes(element)
    tree = etree.fromstring(data)
    errors = list(profile_xmlschema.iter_errors(tree))
    assert not errors, f"{errors[0]}\n{data.decode()}"
    libxml2_profile = profile_schema()
    assert libxml2_profile.validate(tree), f"{libxml2_profile.error_log}\n{data.decode()}"
    assert tei_all_any_root.validate(tree), f"{tei_all_any_root.error_log}\n{data.decode()}"


def test_the_widened_grammar_still_judges_by_tei_rules(tei_all_any_root: etree.RelaxNG) -> None:
    tei = 'xmlns="http://www.tei-c.org/ns/1.0"'
    assert tei_all_any_root.validate(etree.fromstring(f"<place {tei}><placeName/></place>"))
    assert not tei_all_any_root.validate(etree.fromstring(f"<place {tei}><pb/></place>"))
    assert not tei_all_any_root.validate(etree.fromstring(f'<teiHeader {tei} type="x"/>'))

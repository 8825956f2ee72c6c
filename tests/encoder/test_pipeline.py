from tei_kirov import encode as top_level_encode
from tei_kirov.encoder import (
    EncodeReport,
    default_authority,
    default_text,
    encode,
    encode_with_report,
)
from tei_kirov.models import Document, Note, PersName, StandOff

TEXT = """The Title

1. One

A paragraph that goes on a

page.* And more on December 2.

*A note by the author.

2. Two

Last words, naming Lenin.

A. WRITER

December 28, 1934.
"""


def test_encode_returns_a_document():
    doc = encode(TEXT)
    assert isinstance(doc, Document)
    assert top_level_encode is encode
    assert [d.n for d in doc.body.divs[0].divs] == ["1", "2"]
    assert doc.standoff is None and "Lenin" not in {n.text() for n in doc.text.iter(PersName)}
    assert [n.resp for n in doc.text.iter(Note)] == [None]  # the header names no author


def test_an_authority_is_used_only_when_given():
    doc = encode(TEXT, default_authority(), {"author": [{"name": "A. Writer", "id": "aw"}]})
    assert isinstance(doc.standoff, StandOff)
    assert [p.xml_id for p in doc.persons] == ["lenin"]
    assert [n.resp for n in doc.text.iter(Note)] == ["#aw"]


def test_report():
    _, report = encode_with_report(TEXT)
    assert isinstance(report, EncodeReport)
    assert report.counts["notes"] == 1 and report.counts["page-break joins"] == 1
    assert report.counts["dates inferred"] == 1
    assert "time:" in report.summary()


def test_default_text_is_the_pamphlet():
    assert default_text().lstrip().startswith("Leon Trotsky on")

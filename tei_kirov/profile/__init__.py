"""The project's TEI profile schema (``schemas/tei_kirov.xsd``), found inside the installed
package and compiled once per process."""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path

from lxml import etree

PROFILE_NAME = "tei_kirov.xsd"


def schema_path(name: str = PROFILE_NAME) -> Path:
    """The path of a file shipped in the package's ``schemas`` folder."""
    return Path(str(resources.files("tei_kirov") / "schemas" / name))


@functools.lru_cache(maxsize=1)
def profile_schema() -> etree.XMLSchema:
    """The profile as a compiled libxml2 schema (fast verdicts); compiled once per process."""
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    return etree.XMLSchema(etree.parse(str(schema_path()), parser))


def profile_errors(tree: etree._ElementTree | etree._Element) -> list[str]:
    """Profile violations as ``line N (xpath): message`` strings (empty when valid).

    Lines refer to the serialised document the tree was parsed from."""
    schema = profile_schema()
    if schema.validate(tree):
        return []
    out = []
    for e in schema.error_log:
        message = e.message.replace("{http://www.tei-c.org/ns/1.0}", "")
        path = (e.path or "").replace("/*[local-name()='", "/").replace("']", "") \
            .replace("{http://www.tei-c.org/ns/1.0}", "")
        out.append(f"line {e.line} ({path}): {message}" if path else f"line {e.line}: {message}")
    return out

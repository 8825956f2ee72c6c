"""The one door to saxonche (SaxonC-HE): imported only when a Schematron actually runs."""

from __future__ import annotations

import re
from typing import Any

from ..schemas import SchemaError

#: Saxon may read local files (a schema's ``doc()``) but never the network.
_ALLOWED_PROTOCOLS = "http://saxon.sf.net/feature/allowedProtocols"


class SaxonMissing(SchemaError):
    """saxonche is not installed."""


_STATE: dict[str, Any] = {}


def saxon_module() -> Any:
    """The ``saxonche`` module, or a clear error telling how to install it."""
    try:
        import saxonche
    except ImportError:
        raise SaxonMissing("Schematron schemas run on SaxonC-HE, which is not installed: "
                           "pip install saxonche") from None
    return saxonche


def processor() -> Any:
    """The process's one Saxon processor (forked workers go on using the parent's)."""
    if "proc" not in _STATE:
        module = saxon_module()
        proc = module.PySaxonProcessor(license=False)
        proc.set_configuration_property(_ALLOWED_PROTOCOLS, "file")
        _STATE.update(proc=proc, xslt=proc.new_xslt30_processor())
    return _STATE["proc"]


_AT_LINE = re.compile(r"(?:in \S+ )?on line (\d+) column \d+ of \S+:")


def compile_xslt(text: str, name: str, origins: list[str]) -> Any:
    """A compiled stylesheet; ``name`` is the schema and ``origins`` the schema place of
    each stylesheet line, for error messages."""
    processor()
    try:
        return _STATE["xslt"].compile_stylesheet(stylesheet_text=text)
    except saxon_module().PySaxonApiError as exc:
        def place(m: re.Match[str]) -> str:
            line = int(m.group(1))
            return f"({origins[line - 1]}):" if 0 < line <= len(origins) else ":"
        message = _AT_LINE.sub(place, " ".join(str(exc).split()))
        raise SchemaError(f"{name}: the Schematron cannot be compiled (a rule's XPath or "
                          f"an xsl:function is wrong): {message}") from None


class RunFailed(Exception):
    """Saxon stopped on a document (a dynamic error outside any test)."""


def run(executable: Any, xml: str) -> str:
    """Run a compiled stylesheet on a document given as XML text; its output as text."""
    proc = processor()
    try:
        node = proc.parse_xml(xml_text=xml)
        output = executable.transform_to_string(xdm_node=node)
    except saxon_module().PySaxonApiError as exc:
        raise RunFailed(" ".join(str(exc).split())) from None
    if output is None:
        raise RunFailed("Saxon gave no result")
    return str(output)

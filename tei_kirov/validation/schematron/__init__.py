"""ISO Schematron (XPath 2/3 query bindings) run in-process on SaxonC-HE.

:mod:`.reader` normalises a schema (standalone, 1.5, or embedded in RELAX NG) into a
:mod:`.model`; :mod:`.compiler` turns it into one XSLT 3 stylesheet; :mod:`.engine` runs it
and locates each finding on the lxml tree; :mod:`.saxon` is the only module that imports
saxonche, and only when a Schematron is loaded.
"""

from .engine import Schematron
from .saxon import SaxonMissing

__all__ = ["SaxonMissing", "Schematron"]

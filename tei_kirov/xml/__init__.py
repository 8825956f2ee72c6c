"""XML reading and writing: one symmetric pair driven by the model registry."""

from .reader import from_tree, parse, read
from .writer import to_bytes, to_string, to_tree, write, write_bytes_atomic

__all__ = ["from_tree", "parse", "read", "to_bytes", "to_string", "to_tree", "write",
           "write_bytes_atomic"]

"""The standard library's parse trees of regular expressions, for the modules that read a pattern's shape.

The layout derives the guards of its furniture patterns from them and
:mod:`dnnd._sliced` the reach of a pattern. The parser is private to
:mod:`re`, so it is imported here once, and a reader that meets a tree it
cannot read falls back to the plain pattern.
"""

from re import _constants as constants  # type: ignore[attr-defined]
from re import _parser as parser  # type: ignore[attr-defined]

__all__ = ["constants", "parser"]

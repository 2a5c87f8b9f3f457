"""File names and labels as valid Unicode text (an article's ``source``, every message)."""

from __future__ import annotations

import os
import re

__all__ = ["visible_name"]

_SURROGATE = re.compile("[\ud800-\udfff]")


def visible_name(path: str | os.PathLike[str]) -> str:
    r"""The path as valid Unicode text: bytes that are not UTF-8 shown as ``\xNN``.

    A file name that is not UTF-8 reaches Python with lone surrogates in it
    (``os.fsdecode``'s ``surrogateescape``), which cannot be written out as
    UTF-8; each becomes a visible escape, so an article's ``source`` and
    every message always serialise.

    >>> visible_name(os.fsdecode(b"b\xe1o-c\xe1o.txt"))
    'b\\xe1o-c\\xe1o.txt'
    """
    name = os.fsdecode(path)
    return _SURROGATE.sub(_escape_surrogate, name) if _SURROGATE.search(name) else name


def _escape_surrogate(m: re.Match[str]) -> str:
    code = ord(m[0])
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"

"""Reading JSON that dnnd wrote earlier (corpus files, gold and prediction records), whatever became of it.

A hand-edited, truncated or hostile file must end in a
:class:`~dnnd.errors.CorpusFileError` naming the file and the place, never
in another exception, a hang or the memory filling up:

* only regular files are read (a named pipe with no writer would block
  ``open()`` for ever), and at most *max_bytes* of them
  (:data:`DEFAULT_MAX_CORPUS_BYTES` unless the caller says otherwise);
* integers longer than :data:`MAX_DIGITS` digits are refused while parsing
  (Python would otherwise raise :class:`ValueError` past 4,300 digits, and
  no offset, count or ordinal is that long), and so are ``NaN`` and
  ``Infinity``;
* nesting deeper than the parser can follow (100,000 ``[``) is reported
  with the line and column where it passes :data:`MAX_DEPTH`, instead of a
  :class:`RecursionError`.
"""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Callable
from typing import Any, TextIO

from .errors import CorpusFileError

__all__ = ["DEFAULT_MAX_CORPUS_BYTES", "MAX_DEPTH", "MAX_DIGITS", "loads", "open_text", "read_file"]

#: corpus files larger than this are refused unless the caller raises the
#: limit (4 GiB: a saved corpus of 100,000 articles is a few hundred MB)
DEFAULT_MAX_CORPUS_BYTES = 4 * 1024**3
#: the deepest nesting a dnnd file ever has is a handful of levels
MAX_DEPTH = 64
#: no number dnnd writes (offsets, counts, ordinals) has more digits
MAX_DIGITS = 18

_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def open_text(path: str | os.PathLike[str], name: str) -> TextIO:
    """Open the regular file *path* as UTF-8 text; :class:`CorpusFileError` for anything else.

    A pipe, socket or device is refused from ``stat()`` alone, before it is
    opened (a named pipe with no writer would block ``open()`` for ever).
    """
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise CorpusFileError(f"{name}: is a directory, not a corpus file")
        if not stat.S_ISREG(info.st_mode):
            raise CorpusFileError(f"{name}: is not a regular file (a pipe, socket or device)")
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
        fd = os.open(path, flags)
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            raise CorpusFileError(f"{name}: is not a regular file (a pipe, socket or device)")
        os.set_blocking(fd, True)
        return open(fd, encoding="utf-8", newline="\n")
    except FileNotFoundError:
        raise CorpusFileError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise CorpusFileError(f"{name}: is a directory, not a corpus file") from None
    except OSError as err:
        raise CorpusFileError(f"{name}: cannot be read ({err.strerror or err})") from None
    except ValueError as err:  # a NUL in the name
        raise CorpusFileError(f"{name}: is not a usable file name ({err})") from None


def too_large(name: str, max_bytes: int) -> CorpusFileError:
    """The error for a file past the size limit."""
    return CorpusFileError(f"{name}: larger than the maximum of {max_bytes:,} bytes (raise it with max_bytes)")


def read_file(path: str | os.PathLike[str], name: str, *, max_bytes: int | None = DEFAULT_MAX_CORPUS_BYTES) -> str:
    """The whole UTF-8 text of the regular file *path*, at most *max_bytes* of it."""
    with open_text(path, name) as fh:
        try:
            text = fh.read() if max_bytes is None else fh.read(max_bytes + 1)
        except UnicodeDecodeError:
            raise CorpusFileError(f"{name}: not UTF-8 text") from None
        except OSError as err:
            raise CorpusFileError(f"{name}: cannot be read ({err.strerror or err})") from None
    if max_bytes is not None and len(text) > max_bytes:
        raise too_large(name, max_bytes)
    return text


def _int(text: str) -> int:
    digits = text.lstrip("-")
    if len(digits) > MAX_DIGITS:
        raise _Refused(f"a number of {len(digits):,} digits")
    return int(text)


def _constant(text: str) -> Any:
    raise _Refused(f"{text} is not a number")


class _Refused(ValueError):
    pass


def loads(
    text: str, name: str, *, line: int | None = None, what: str = "corpus file", short: bool = False
) -> Any:
    """Parse *text* (the whole file, or its line *line*); every failure is a :class:`CorpusFileError`.

    The message names the file, the line and what is wrong:
    ``NAME: truncated or corrupted corpus file (DETAIL at line N)``, or with
    *short* ``NAME:N: invalid JSON: DETAIL``.
    """
    bad = _short if short else _bad
    try:
        value = json.loads(text, parse_int=_int, parse_constant=_constant)
    except _Refused as err:
        raise bad(name, what, str(err), line or 1) from None
    except json.JSONDecodeError as err:
        raise bad(name, what, f"{err.msg}, column {err.colno}", (line or 1) + err.lineno - 1) from None
    except RecursionError:
        raise _deep(name, what, text, line, bad) from None
    if not _shallow(value):
        raise _deep(name, what, text, line, bad)
    return value


def _bad(name: str, what: str, detail: str, line: int) -> CorpusFileError:
    return CorpusFileError(f"{name}: truncated or corrupted {what} ({detail} at line {line})")


def _short(name: str, what: str, detail: str, line: int) -> CorpusFileError:
    del what
    return CorpusFileError(f"{name}:{line}: invalid JSON: {detail}")


def _deep(
    name: str, what: str, text: str, line: int | None, bad: Callable[[str, str, str, int], CorpusFileError]
) -> CorpusFileError:
    at_line, column = _too_deep(text)
    return bad(name, what, f"nested more than {MAX_DEPTH} levels deep, column {column}", (line or 1) + at_line - 1)


def _shallow(value: Any) -> bool:
    """Whether a parsed value nests at most :data:`MAX_DEPTH` levels (checked without recursion)."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            if depth >= MAX_DEPTH and item:
                return False
            stack.extend((v, depth + 1) for v in item.values() if isinstance(v, (dict, list)))
        elif isinstance(item, list):
            if depth >= MAX_DEPTH and item:
                return False
            stack.extend((v, depth + 1) for v in item if isinstance(v, (dict, list)))
    return True


def _too_deep(text: str) -> tuple[int, int]:
    """Line and column where the nesting of *text* first passes :data:`MAX_DEPTH` (strings skipped)."""
    depth = 0
    for m in _TOKENS.finditer(text):
        token = m.group()
        if token in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                line = text.count("\n", 0, m.start()) + 1
                return line, m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1
        elif token in "]}":
            depth -= 1
    return 1, 1

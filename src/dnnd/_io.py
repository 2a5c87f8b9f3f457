"""Reading articles from files.

This is the one place dnnd touches the file system for input; errors name
the file and say what is wrong.
"""

from __future__ import annotations

import os
from pathlib import Path

from ._decode import decode
from ._html import html_to_text, looks_like_html
from ._parse import DEFAULT_MAX_CHARS, parse_text
from .errors import InputError, InputTooLargeError
from .model import Article

#: files larger than this many bytes are refused unless the caller says otherwise
DEFAULT_MAX_BYTES = 50 * 1024 * 1024


def read_text(path: str | os.PathLike[str], *, max_bytes: int | None = DEFAULT_MAX_BYTES) -> tuple[str, str]:
    """Read and decode one file; return ``(text, encoding)``."""
    p = Path(path)
    name = str(path)
    try:
        if p.is_dir():
            raise InputError("is a directory, not a text file", source=name)
        size = p.stat().st_size
        if max_bytes is not None and size > max_bytes:
            raise InputTooLargeError(f"{size:,} bytes is more than the maximum of {max_bytes:,}", source=name)
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", source=name) from None
    except PermissionError:
        raise InputError("permission denied", source=name) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a text file", source=name) from None
    except OSError as err:
        raise InputError(f"cannot be read ({err.strerror or err})", source=name) from None
    return decode(data, source=name)


def read(
    path: str | os.PathLike[str],
    *,
    source: str | None = None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
    max_chars: int | None = DEFAULT_MAX_CHARS,
) -> Article:
    """Read, decode and parse one file; this is :func:`dnnd.read`.

    The encoding (UTF-8, UTF-16, TCVN3, VNI, VISCII, Windows-1258) is
    detected and recorded in ``Article.encoding``. *source* labels the
    article (default: the file name). Files over *max_bytes* bytes or
    *max_chars* characters are refused (``None`` lifts a limit).

    An HTML page (``.html``/``.htm`` or a file that starts like one) is reduced
    to its article text first, which needs the optional extra ``html``; the
    article's spans then index that text.

    Raises :class:`~dnnd.errors.InputError` (or a subclass:
    :class:`~dnnd.errors.DecodeError`, :class:`~dnnd.errors.EmptyInputError`,
    :class:`~dnnd.errors.InputTooLargeError`) naming the file.

    >>> import dnnd
    >>> article = dnnd.read(dnnd.seed_paths()[4])
    >>> article.source, article.encoding, article.published.iso
    ('004_235bed868508bb29.txt', 'utf-8', '2021-06-04')
    """
    text, encoding = read_text(path, max_bytes=max_bytes)
    if looks_like_html(path, text):
        text = html_to_text(text, source=str(path))
    label = source if source is not None else os.path.basename(os.fspath(path))
    try:
        return parse_text(text, source=label, encoding=encoding, max_chars=max_chars)
    except InputError as err:
        raise type(err)(err.reason, source=str(path)) from None

"""Reading articles from files: the one place dnnd touches the file system for input.

Errors name the file and say what is wrong; every one is an
:class:`~dnnd.errors.InputError`.
"""

from __future__ import annotations

import os
import stat
from typing import BinaryIO

from ._decode import decode
from ._html import html_to_text, looks_like_html
from ._names import visible_name
from ._parse import DEFAULT_MAX_CHARS, parse_text
from .errors import InputError, InputTooLargeError
from .model import Article

#: files larger than this many bytes (10 MiB, a hundred times the longest news
#: article) are refused unless the caller says otherwise
DEFAULT_MAX_BYTES = 10 * 1024 * 1024

_CHUNK = 1 << 20

#: what a path that is not a regular file is, in the one-line refusal
_NOT_REGULAR = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def _kind_of(mode: int) -> str | None:
    """What a file of this mode is, when it is neither a regular file nor a folder."""
    for test, kind in _NOT_REGULAR:
        if test(mode):
            return kind
    return None if stat.S_ISREG(mode) or stat.S_ISDIR(mode) else "not a regular file"


def _open_regular(path: str | os.PathLike[str], name: str) -> int:
    """Open *path* for reading when it is a regular file; refuse anything else before ``open()``.

    A named pipe with no writer would block ``open()`` for ever, a device
    may never end or act on being opened: they are refused from ``stat()``
    alone. The file is then opened without blocking and checked again, in
    case the path was swapped in between.
    """
    info = os.stat(path)
    if stat.S_ISDIR(info.st_mode):
        raise InputError("is a directory, not a text file", source=name)
    kind = _kind_of(info.st_mode)
    if kind is not None:
        raise InputError(f"is {kind}, not a regular file", source=name)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise InputError("is a directory, not a text file", source=name)
        kind = _kind_of(mode)
        if kind is not None:
            raise InputError(f"is {kind}, not a regular file", source=name)
        os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return fd


def read_text(path: str | os.PathLike[str], *, max_bytes: int | None = DEFAULT_MAX_BYTES) -> tuple[str, str]:
    """Read and decode one file; return ``(text, encoding)``.

    Only regular files are read: a named pipe, a socket or a device is
    refused before it is opened (a pipe with no writer would block for
    ever). At most ``max_bytes + 1`` bytes are ever read, so a file that
    grows while it is read is refused like a large file instead of filling
    the memory.
    """
    name = visible_name(path)
    try:
        with os.fdopen(_open_regular(path, name), "rb") as fh:
            info = os.fstat(fh.fileno())
            if max_bytes is not None and info.st_size > max_bytes:
                raise InputTooLargeError(f"{info.st_size:,} bytes is more than the maximum of {max_bytes:,}", source=name)
            data = _read_at_most(fh, max_bytes)
    except FileNotFoundError:
        raise InputError("no such file", source=name) from None
    except PermissionError:
        raise InputError("permission denied", source=name) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a text file", source=name) from None
    except OSError as err:
        raise InputError(f"cannot be read ({err.strerror or err})", source=name) from None
    except ValueError as err:  # "embedded null byte" in the name
        raise InputError(f"is not a usable file name ({err})", source=name) from None
    if max_bytes is not None and len(data) > max_bytes:
        raise InputTooLargeError(f"does not end within the maximum of {max_bytes:,} bytes", source=name)
    return decode(data, source=name)


def _read_at_most(fh: BinaryIO, max_bytes: int | None) -> bytes:
    """All of *fh*, or its first ``max_bytes + 1`` bytes when it is longer."""
    if max_bytes is None:
        return fh.read()
    parts: list[bytes] = []
    left = max_bytes + 1
    while left > 0:
        part = fh.read(min(left, _CHUNK))
        if not part:
            break
        parts.append(part)
        left -= len(part)
    return b"".join(parts)


def read(
    path: str | os.PathLike[str],
    *,
    source: str | None = None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
    max_chars: int | None = DEFAULT_MAX_CHARS,
) -> Article:
    """Read, decode and parse one file.

    The file may be UTF-8 (with or without a byte order mark), UTF-16 or one
    of the legacy Vietnamese encodings (TCVN3, VNI, VISCII, Windows-1258);
    ``article.encoding`` says which. An HTML page (``.html``/``.htm`` or a
    file that starts like one) is reduced to its article text first, which
    needs the optional extra ``html``; the article's spans then index that
    text. *source* labels the article (default: the file name). Files larger
    than *max_bytes* bytes (default :data:`DEFAULT_MAX_BYTES`, 10 MiB;
    ``None`` for no limit) and texts longer than *max_chars* characters are
    refused.

    Every failure is an :class:`~dnnd.errors.InputError` whose message names
    the file: :class:`~dnnd.errors.EmptyInputError` (empty or blank),
    :class:`~dnnd.errors.DecodeError` (binary, or no encoding fits),
    :class:`~dnnd.errors.InputTooLargeError`, or a plain
    :class:`~dnnd.errors.InputError` (missing, a directory, unreadable).

    >>> import dnnd
    >>> article = dnnd.read(dnnd.seed_paths()[4])
    >>> article.source, article.encoding, article.published.iso
    ('004_235bed868508bb29.txt', 'utf-8', '2021-06-04')
    """
    text, encoding = read_text(path, max_bytes=max_bytes)
    name = visible_name(path)
    if looks_like_html(path, text):
        text = html_to_text(text, source=name)
    label = visible_name(source) if source is not None else os.path.basename(name)
    try:
        return parse_text(text, source=label, encoding=encoding, max_chars=max_chars)
    except InputError as err:
        raise type(err)(err.reason, source=name) from None

"""The exceptions dnnd raises.

Every error that bad input can cause is a :class:`DnndError`, so a caller
that wants to skip bad files needs one ``except`` clause::

    try:
        article = dnnd.read("archive/1998-04.txt")
    except dnnd.DnndError as err:
        print(err)          # names the file and the problem

Programming errors (wrong argument types, for instance) are ordinary Python
exceptions and are not wrapped.
"""

from __future__ import annotations

__all__ = [
    "CorpusFileError",
    "DecodeError",
    "DnndError",
    "EmptyInputError",
    "InputError",
    "InputTooLargeError",
    "StoreError",
    "WorkerError",
]


class DnndError(Exception):
    """Base class of every error dnnd raises for bad input or bad files."""


class InputError(DnndError):
    """An input cannot be read or is not a usable article.

    ``source`` names the file (or the caller's label for a string); it is
    ``None`` for an anonymous string.
    """

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.source = source
        self.reason = message
        super().__init__(f"{source}: {message}" if source else message)


class DecodeError(InputError):
    """The input is not text: bytes in no encoding dnnd recognises, or not Unicode.

    Raised for binary files, truncated multi-byte sequences and text whose
    encoding cannot be decided without guessing; and by :func:`dnnd.parse`
    for a string holding lone surrogates (U+D800-U+DFFF, what
    ``errors="surrogateescape"`` leaves for undecodable bytes), which is not
    Unicode text and could not be written out as UTF-8. The message names
    the first one and its offset; the string is never silently altered.
    """


class EmptyInputError(InputError):
    """The input holds no text (empty, or only white space)."""


class InputTooLargeError(InputError):
    """The input is larger than the configured maximum size.

    ``dnnd.read(path, max_bytes=...)`` limits the file (default 10 MiB) and
    ``dnnd.parse(text, max_chars=...)`` the text (default 20 million
    characters); ``None`` lifts either limit.
    """


class CorpusFileError(DnndError):
    """A saved corpus file is missing, truncated, corrupted or foreign."""


class StoreError(CorpusFileError):
    """A SQLite knowledge base cannot be used: not a dnnd database, of a newer schema, or damaged.

    The message names the file and the problem. A knowledge base of an older
    schema is not an error: it is migrated when opened (see
    :mod:`dnnd.store`). As a :class:`CorpusFileError`, it is caught wherever
    a bad corpus file is.
    """


class WorkerError(DnndError):
    """A worker process of :func:`dnnd.parse_many` (``dnnd extract --jobs``) died while parsing.

    It was killed, ran out of memory or crashed. Every input of the chunk it
    held is answered with this one error; ``inputs`` names them (paths, or
    positions in the batch for texts). Every other input is still parsed.
    """

    def __init__(self, message: str, *, inputs: tuple[str, ...] = ()) -> None:
        self.inputs = inputs
        super().__init__(message)

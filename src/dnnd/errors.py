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
    """The bytes are not text in any encoding dnnd recognises.

    Raised for binary files, truncated multi-byte sequences and text whose
    encoding cannot be decided without guessing.
    """


class EmptyInputError(InputError):
    """The input holds no text (empty, or only white space)."""


class InputTooLargeError(InputError):
    """The input is larger than the configured maximum size."""


class CorpusFileError(DnndError):
    """A saved corpus file is missing, truncated, corrupted or foreign."""

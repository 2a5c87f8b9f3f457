"""dnnd: a typed knowledge base of Vietnam's people's diplomacy (đối ngoại nhân dân).

Parse an article::

    >>> import dnnd
    >>> art = dnnd.parse("Sáng 14/7/2022, Liên hiệp các tổ chức hữu nghị TP Hà Nội tổ chức hội nghị.")
    >>> art.organisations[0].name
    'Liên hiệp các tổ chức hữu nghị thành phố Hà Nội'
    >>> art.events[0].date.iso
    '2022-07-14'

Many articles on every core, results in input order::

    for result in dnnd.parse_many(paths, jobs=4):       # paths: os.PathLike; str items are texts
        if isinstance(result, dnnd.DnndError):
            print(result)                               # names the file and the problem
        else:
            ...

The public surface is small: :func:`parse`, :func:`parse_many`, :func:`read`,
:func:`seeds` and :func:`seed_paths`; :class:`Article` (with :class:`Span`
and :class:`PartialDate`, the two values every record uses) and the other
records in :mod:`dnnd.model`; :class:`Corpus` (many articles merged, queried
and cross-checked; its records in :mod:`dnnd.corpus`); :data:`converter` and
:func:`to_record` for (de)serialisation; :class:`DnndError`, the base of the
exceptions in :mod:`dnnd.errors`. Everything else lives in its submodule.
"""

from __future__ import annotations

from importlib import metadata as _metadata
from importlib import resources
from pathlib import Path

from . import corpus as corpus  # the submodules users reach names in
from . import errors as errors
from . import model as model
from ._io import read
from ._parallel import parse_many
from ._parse import DEFAULT_MAX_CHARS, parse_text
from .corpus import Corpus
from .errors import DnndError
from .model import Article, PartialDate, Span
from .serialize import converter, to_record

try:
    __version__: str = _metadata.version("dnnd")
except _metadata.PackageNotFoundError:  # pragma: no cover - run from a source tree that was never installed
    __version__ = "0+unknown"

__all__ = [
    "Article",
    "Corpus",
    "DnndError",
    "PartialDate",
    "Span",
    "converter",
    "parse",
    "parse_many",
    "read",
    "seed_paths",
    "seeds",
    "to_record",
]


def parse(text: str, *, source: str | None = None, max_chars: int | None = DEFAULT_MAX_CHARS) -> Article:
    r"""Extract documents, congresses, organisations, people and events from *text*.

    *text* is the article as a Python string (any Unicode form: NFD, old
    tone placement and look-alike letters are handled); every span in the
    result indexes it, and ``article.text`` is *text* itself, unaltered.
    *source* labels the article (a path or an id).

    Any string gives an :class:`~dnnd.model.Article` or one of these input
    errors, never another exception:

    - :class:`~dnnd.errors.EmptyInputError` for blank text (empty, or only
      white space);
    - :class:`~dnnd.errors.InputTooLargeError` for more than *max_chars*
      characters (default 20 million characters; ``None``
      for no limit);
    - :class:`~dnnd.errors.DecodeError` for a string holding lone surrogates
      (``"\udc80"`` as ``bytes.decode(..., "surrogateescape")`` leaves for
      undecodable bytes): that is not Unicode text and could not be written
      out as UTF-8, so it is refused, naming the first one and its offset,
      rather than silently altered.

    Control characters, NUL, emoji, bidi marks and other scripts are just
    characters: they are kept in ``article.text`` and spans still index it.
    Time and memory grow linearly with the length of *text*.
    """
    return parse_text(text, source=source, max_chars=max_chars)


def seed_paths() -> list[Path]:
    """Paths of the five bundled seed articles, in name order."""
    folder = Path(str(resources.files("dnnd") / "_seeds"))
    return sorted((p for p in folder.iterdir() if p.name.endswith(".txt")), key=lambda p: p.name)


def seeds() -> list[Article]:
    """Parse the five bundled seed articles.

    >>> [a.source for a in seeds()][:1]
    ['000_dbb8df4873b6d839.txt']
    """
    return [read(p) for p in seed_paths()]

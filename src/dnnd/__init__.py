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
:func:`seeds`, the records of :mod:`dnnd.model`, :class:`Corpus` (many
articles merged, queried and cross-checked, see :mod:`dnnd.corpus`),
:data:`converter` and :func:`to_record` for (de)serialisation, and the
exceptions of :mod:`dnnd.errors`.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from ._io import read
from ._parallel import parse_many
from ._parse import parse_text
from .corpus import (
    ArticleSummary,
    Citation,
    Corpus,
    CorpusDocument,
    CorpusEvent,
    CorpusOrganisation,
    CorpusPerson,
    Evidence,
    HeldPosition,
    ReadFailure,
)
from .errors import CorpusFileError, DecodeError, DnndError, EmptyInputError, InputError, InputTooLargeError
from .model import (
    Article,
    Claim,
    Conflict,
    CongressResolution,
    Document,
    DocumentKind,
    Event,
    EventKind,
    Organisation,
    OrganisationKind,
    PartialDate,
    Person,
    Position,
    Segment,
    SegmentKind,
    Span,
)
from .serialize import converter, to_record

__version__ = "0.1.0"

__all__ = [
    "Article",
    "ArticleSummary",
    "Citation",
    "Claim",
    "Conflict",
    "CongressResolution",
    "Corpus",
    "CorpusDocument",
    "CorpusEvent",
    "CorpusFileError",
    "CorpusOrganisation",
    "CorpusPerson",
    "DecodeError",
    "DnndError",
    "Document",
    "DocumentKind",
    "EmptyInputError",
    "Event",
    "EventKind",
    "Evidence",
    "HeldPosition",
    "InputError",
    "InputTooLargeError",
    "Organisation",
    "OrganisationKind",
    "PartialDate",
    "Person",
    "Position",
    "ReadFailure",
    "Segment",
    "SegmentKind",
    "Span",
    "converter",
    "parse",
    "parse_many",
    "read",
    "seed_paths",
    "seeds",
    "to_record",
]


def parse(text: str, *, source: str | None = None) -> Article:
    """Extract documents, congresses, organisations, people and events from *text*.

    *text* is the article as a Python string (any Unicode form: NFD, old
    tone placement and look-alike letters are handled); every span in the
    result indexes it. *source* labels the article (a path or an id).

    Raises :class:`~dnnd.errors.EmptyInputError` for blank text and
    :class:`~dnnd.errors.InputTooLargeError` beyond 20 million characters.
    """
    return parse_text(text, source=source)


def seed_paths() -> list[Path]:
    """Paths of the five bundled seed articles, in name order."""
    folder = Path(str(resources.files("dnnd") / "_seeds"))
    return sorted((p for p in folder.iterdir() if p.name.endswith(".txt")), key=lambda p: p.name)


def seeds() -> list[Article]:
    """The five bundled seed articles, parsed.

    >>> [a.source for a in seeds()][:1]
    ['000_dbb8df4873b6d839.txt']
    """
    return [read(p) for p in seed_paths()]

"""Many articles as one knowledge base: merged entities, queries, conflicts, files.

A :class:`Corpus` keeps a compact :class:`ArticleSummary` of each article
(source, title, date and the extracted records with their spans, but not
the text) and indexes built as articles are added, so it scales to very
many articles and answers questions without scanning them::

    >>> import dnnd
    >>> corpus = dnnd.Corpus(dnnd.seeds())
    >>> [c.source[:3] for c in corpus.citations("12-CT/TW")]
    ['000', '001', '003']
    >>> [str(c.date) for c in corpus.citations("12-CT/TW") if c.date]
    ['2022-01-01', '2022-01-05']
    >>> print(corpus.conflicts(field="date")[0])
    12-CT/TW date: 2022-01-01 (001_93a5b40c263f557d.txt) vs 2022-01-05 (003_0ee01d7cb440a5d9.txt, registry)

Entities are merged across articles under stable string ids derived from
their names (never from ``hash()``): organisations and people by
:func:`dnnd.normalise.name_key` with diacritics folded (so tone variants,
lost diacritics and "TP"/"thành phố" meet), organisations also through the
registry's names and abbreviations, documents by canonical number. Every
answer carries its provenance: the article ``source`` and the ``spans`` of
the article's text it came from.

Files: :meth:`Corpus.save` writes JSON (or JSON Lines for a ``.jsonl``
path) atomically, with a format marker and version in the header;
:meth:`Corpus.load` reads either and raises
:class:`~dnnd.errors.CorpusFileError` for anything truncated, corrupted or
foreign, never returning a partial corpus.

The package has one module per concern, all private: ``_records`` (the
records answers are made of), ``_keys`` (merge keys and registry lookups),
``_time`` (partial dates as ranges), ``_index`` (the index and the merged
entities), ``_queries`` (the questions), ``_conflicts`` (the cross-checks),
``_files`` (the file formats) and ``_corpus`` (the :class:`Corpus` itself).
Import the public names from :mod:`dnnd.corpus` (or :mod:`dnnd`).
"""

from __future__ import annotations

from ._conflicts import registry_type_word as registry_type_word  # importable here, as before the split
from ._corpus import Corpus
from ._files import FORMAT, FORMAT_VERSION
from ._overrides import DateFix, EntityRef, Override, Overrides
from ._records import (
    ArticleSummary,
    Citation,
    CorpusCongress,
    CorpusDocument,
    CorpusEvent,
    CorpusOrganisation,
    CorpusPerson,
    Evidence,
    Explanation,
    HeldPosition,
    ReadFailure,
    Relation,
    StatedRelation,
    Tenure,
)

__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "ArticleSummary",
    "Citation",
    "Corpus",
    "CorpusCongress",
    "CorpusDocument",
    "CorpusEvent",
    "CorpusOrganisation",
    "CorpusPerson",
    "DateFix",
    "EntityRef",
    "Evidence",
    "Explanation",
    "HeldPosition",
    "Override",
    "Overrides",
    "ReadFailure",
    "Relation",
    "StatedRelation",
    "Tenure",
]

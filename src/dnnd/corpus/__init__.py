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
their content (never from ``hash()``): an organisation by its kind of body,
partner country and locality (resolved through the province registry with
the article's date, so that the Thanh Hóa and Thái Bình associations for
Laos stay two), a person by name plus evidence (a shared body, a province),
documents by canonical number, events by date, kind and place. Spelling
variants meet (tone placement, "TP"/"thành phố", the registry's names and
abbreviations); a diacritic is part of a name. Every answer carries its
provenance: the article ``source`` and the ``spans`` of the article's text
it came from, and :meth:`Corpus.why` explains any merge or separation.

Positions are dated by the article's printed date or the reported event the
person takes part in; events say whether the article reports them
(:attr:`dnnd.model.Event.reported`) and timelines list the reported ones;
:meth:`Corpus.relations` links bodies; an :class:`Overrides` file corrects
the corpus on every build and is kept by :meth:`Corpus.save`.

Files: :meth:`Corpus.save` writes JSON (or JSON Lines for a ``.jsonl``
path) atomically, with a format marker and version in the header;
:meth:`Corpus.load` reads either and raises
:class:`~dnnd.errors.CorpusFileError` for anything truncated, corrupted or
foreign, never returning a partial corpus.

The package has one module per concern, all private: ``_records`` (the
records answers are made of), ``_keys`` (merge keys and registry lookups),
``_time`` (partial dates as ranges), ``_index`` (the index and the merged
entities), ``_queries`` (the questions), ``_conflicts`` (the cross-checks),
``_files`` (the file formats), ``_codec`` (their records, written and read
by hand) and ``_corpus`` (the :class:`Corpus` itself).
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

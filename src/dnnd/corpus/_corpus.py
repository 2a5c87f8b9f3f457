"""The :class:`Corpus`: building, questions, conflicts and files in one object."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from .._io import DEFAULT_MAX_BYTES, read
from .._names import visible_name
from ..errors import DnndError
from ..model import Conflict
from . import _files
from ._conflicts import document_conflicts, position_conflicts
from ._queries import _Queries
from ._records import ArticleSummary, ReadFailure

if TYPE_CHECKING:
    from ..timeline import Timeline

__all__ = ["Corpus"]


class Corpus(_Queries):
    """Many articles as one knowledge base.

    Build it from parsed articles (``Corpus(articles)``), from files
    (:meth:`from_paths`, which reads one file at a time and never keeps the
    text), or from a saved file (:meth:`load`). Adding articles is linear;
    queries read indexes. Two corpora are equal when they hold equal
    article summaries and read failures, in the same order.

    >>> import dnnd
    >>> corpus = Corpus(dnnd.seeds())
    >>> len(corpus), corpus.documents(number="04-CT/TW")[0].count
    (5, 1)
    """

    # ---------------------------------------------------------- building

    @classmethod
    def from_paths(cls, paths: Iterable[str | os.PathLike[str]]) -> Corpus:
        """Read every path with :func:`dnnd.read`, one at a time, into a new corpus.

        A file that cannot be read or parsed is recorded in :attr:`errors`
        (not raised); the others still come in. Each article's ``source`` is
        the path as given.
        """
        corpus = cls()
        for path in paths:
            name = visible_name(path)  # valid Unicode whatever the file name's bytes
            try:
                article = read(path, source=name)
            except DnndError as err:
                corpus._errors.append(ReadFailure(source=name, message=str(err)))
                continue
            corpus.add(article)
        return corpus

    # ---------------------------------------------------------- folders, the knowledge base, charts

    @classmethod
    def from_folder(
        cls,
        folder: str | os.PathLike[str],
        *,
        jobs: int | None = 1,
        progress: Callable[[int, int | None], None] | None = None,
        max_bytes: int | None = DEFAULT_MAX_BYTES,
    ) -> Corpus:
        """Read every article file under *folder* (``.txt``, ``.html``, ``.htm``, recursively, in path order).

        *jobs* processes parse at once (``None`` or 0: every core);
        *progress* is called with ``(done, total)`` after each file. A file
        that cannot be read is recorded in :attr:`errors`. Each article's
        ``source`` is its path (*folder* joined with the path inside it).

        >>> import dnnd
        >>> from pathlib import Path
        >>> len(Corpus.from_folder(Path(dnnd.seed_paths()[0]).parent))
        5
        """
        from .._folder import read_corpus

        return read_corpus([folder], jobs=jobs, max_bytes=max_bytes, progress=progress)

    @classmethod
    def from_sqlite(cls, path: str | os.PathLike[str]) -> Corpus:
        """Read the corpus kept in a knowledge base built by ``dnnd build`` (see :mod:`dnnd.store`).

        :meth:`load` does the same when given such a file.
        """
        from ..store import load as load_store

        return load_store(path)

    def timeline(self, **filters: Any) -> Timeline:
        """The reported events with a known year, oldest first (see :mod:`dnnd.timeline`).

        *filters* are those of :meth:`events` (``kind``, ``start``, ``end``,
        ``place``, ``organiser``, ``organiser_kind``).

        >>> import dnnd
        >>> len(Corpus(dnnd.seeds()).timeline(kind="ceremony"))
        2
        """
        from ..timeline import timeline

        return timeline(self, **filters)

    def graph(self, *, events: bool = False) -> Any:
        """A ``networkx.MultiDiGraph`` of organisations and people (and events) (see :mod:`dnnd.graph`)."""
        from ..graph import graph

        return graph(self, events=events)

    def report(self, format: str = "html", *, texts: Mapping[str, str] | None = None, title: str | None = None) -> str:
        """The report of this corpus as ``"text"``, ``"md"`` or one HTML page (see :mod:`dnnd.report`)."""
        from ..report import render

        return render(self, format, texts=texts, title=title)

    def prepare(self) -> Corpus:
        """Build every entity and the conflicts now, so that later queries only read dicts.

        Building is otherwise lazy (each entity on first use, kept until an
        added article changes it). Call this once after a bulk load when
        query latency matters; it returns the corpus itself.

        >>> import dnnd
        >>> Corpus(dnnd.seeds()).prepare().document("12-CT/TW").count
        3
        """
        for key in self._index.orgs:
            self._organisation(key)
        for key in self._index.docs:
            self._document(key)
        for key in self._index.people:
            self._person(key)
        for key in self._index.events:
            self._event(key)
        self.conflicts()
        return self

    def __len__(self) -> int:
        return len(self._articles)

    def __iter__(self) -> Iterator[ArticleSummary]:
        return iter(self._articles)

    def __repr__(self) -> str:
        ix = self._index
        return (
            f"Corpus({len(self._articles)} articles, {len(ix.docs)} documents, {len(ix.orgs)} organisations, "
            f"{len(ix.people)} people, {len(ix.events)} events, {len(self._errors)} errors)"
        )

    def _repr_html_(self) -> str:
        """Return the report's overview, timeline and network (static HTML, no script), for Jupyter."""
        from ..report import html_fragment

        return html_fragment(self)

    # ---------------------------------------------------------- conflicts

    def conflicts(self, field: str | None = None) -> list[Conflict]:
        """Facts on which articles, or an article and the registry, disagree.

        Checked: each document's ``date``, ``issuer``, ``kind`` and
        ``type_word`` ("Thông tư" for a Thông tri) against the other
        citations and the registry, and people's positions at the same date
        (one person given two ranks on one ladder in one body, or two people
        given one sole post such as "Chủ tịch" of one body). *field* keeps
        one kind of conflict.

        >>> import dnnd
        >>> [str(c) for c in Corpus(dnnd.seeds()).conflicts(field="type_word")]
        ['05-TT/TU type_word: Thông tư (000_dbb8df4873b6d839.txt) vs Thông tri (registry)']
        """
        found = self._index.cache.get("conflicts")
        if found is None:
            found = []
            for key in sorted(self._index.docs):
                found.extend(document_conflicts(self._document(key)))
            found.extend(position_conflicts(self._person(key) for key in sorted(self._index.people)))
            self._index.cache["conflicts"] = found
        return [c for c in found if field is None or c.field == field]

    # ---------------------------------------------------------- files

    def to_dict(self) -> dict[str, Any]:
        """Return the whole corpus as one JSON-ready object (the ``.json`` file format)."""
        return _files.to_dict(self._articles, self._errors)

    @classmethod
    def from_dict(cls, data: Any, *, source: str = "corpus") -> Corpus:
        """Rebuild a corpus from :meth:`to_dict`'s object; :class:`CorpusFileError` when it is not one."""
        articles, errors = _files.from_dict(data, source=source)
        return cls(articles, errors=errors)

    def save(self, path: str | os.PathLike[str], *, format: str | None = None) -> None:
        """Write the corpus to *path* atomically: JSON, or JSON Lines for ``.jsonl`` (or ``format="jsonl"``).

        The file replaces any old one only once it is completely written, so
        an interrupted save leaves the old file intact.
        """
        _files.save(self._articles, self._errors, path, format=format)

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Corpus:
        """Read a corpus saved by :meth:`save` (either layout), or kept in a knowledge base (:meth:`from_sqlite`).

        Raises :class:`~dnnd.errors.CorpusFileError` when the file is
        missing, truncated, corrupted, from a newer dnnd or not a dnnd corpus
        at all; never returns a partial corpus.
        """
        if _is_sqlite(path):
            return cls.from_sqlite(path)
        articles, errors = _files.load(path)
        return cls(articles, errors=errors)


def _is_sqlite(path: str | os.PathLike[str]) -> bool:
    """Tell whether *path* is a SQLite file (a knowledge base, or another database)."""
    try:
        with open(path, "rb") as fh:
            return fh.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False

"""The knowledge base as one SQLite file: build it, load it, search it, browse it.

::

    from dnnd import store

    result = store.build(["archive/"], "kb.sqlite", jobs=2)   # folders are read recursively
    print(result)            # kb.sqlite: 1200 articles (1200 added, 0 replaced, 0 unchanged, 3 unreadable)
    corpus = store.load("kb.sqlite")                           # the same Corpus as dnnd.Corpus.from_folder
    store.search("kb.sqlite", "Nguyen Van Doanh")              # names, with or without diacritics
    store.search_articles("kb.sqlite", "doi ngoai nhan dan")   # article sources, whole-text search
    store.texts("kb.sqlite")["archive/2022/a.txt"]             # each article's text is kept

The file opens as it is in any SQLite client and in Datasette
(``pip install 'dnnd[datasette]'``, then ``datasette kb.sqlite --metadata
META.json`` with :func:`datasette_metadata`'s labels and facets). Its
tables are documented in ``docs/store.md``.

Building is incremental: a file already in the base with the same bytes is
skipped without being parsed; a file whose bytes changed replaces its old
rows; every article goes in within its own transaction, so a build that is
interrupted (even killed) leaves each article wholly in or not at all, and
running it again completes it. The tables that merge articles (documents,
organisations, people, events, conflicts ...) are brought up to date at the
end of a build, writing only the rows that changed.

A file that is not a dnnd knowledge base, or one written with a newer
schema, raises :class:`~dnnd.errors.StoreError` naming it; one of an older
schema is migrated in place when opened.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator, Mapping
from importlib import resources
from typing import Any

import attrs

from ..corpus import Corpus
from ._build import BuildResult, build, load_corpus
from ._db import connect, reading
from ._fold import match_query
from ._schema import SCHEMA_VERSION

__all__ = [
    "SCHEMA_VERSION",
    "BuildResult",
    "SearchHit",
    "Texts",
    "build",
    "datasette_metadata",
    "load",
    "search",
    "search_articles",
    "texts",
]


def load(database: str | os.PathLike[str]) -> Corpus:
    """Return the :class:`~dnnd.corpus.Corpus` kept in *database*, articles in the order they went in.

    Raises :class:`~dnnd.errors.StoreError` when the file is missing, not a
    dnnd knowledge base or of a newer schema.
    """
    with reading(database) as conn:
        return load_corpus(conn, os.fsdecode(database))


class Texts(Mapping[str, str]):
    """The article texts kept in a knowledge base, by source, read from the file when asked for.

    One read-only connection is kept open while the mapping is in use
    (:meth:`close`, or a ``with`` block, closes it).
    """

    def __init__(self, database: str | os.PathLike[str]) -> None:
        self._path = database
        with reading(database) as conn:
            self._sources = [r[0] for r in conn.execute("SELECT source FROM articles ORDER BY position")]
        self._known = frozenset(self._sources)
        self._conn: sqlite3.Connection | None = None

    def __getitem__(self, source: str) -> str:
        if source not in self._known:
            raise KeyError(source)
        if self._conn is None:
            self._conn = connect(self._path, readonly=True)
        row = self._conn.execute("SELECT text FROM articles WHERE source = ?", (source,)).fetchone()
        if row is None:
            raise KeyError(source)
        return str(row[0])

    def __iter__(self) -> Iterator[str]:
        return iter(self._sources)

    def __len__(self) -> int:
        return len(self._sources)

    def close(self) -> None:
        """Close the connection to the file (it is opened again when a text is asked for)."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> Texts:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __del__(self) -> None:
        self.close()


def texts(database: str | os.PathLike[str]) -> Texts:
    """The texts of the articles in *database*, a mapping from source to text."""
    return Texts(database)


@attrs.frozen(kw_only=True)
class SearchHit:
    """An entity whose name matches a search.

    Attributes:
        entity_id: The corpus id (``"org:..."``, ``"person:..."``, ``"doc:..."`` ...).
        kind: ``"organisation"``, ``"person"``, ``"document"``, ``"congress"`` or ``"event"``.
        name: The name that matched (the canonical name or an alias).

    """

    entity_id: str
    kind: str
    name: str


def search(
    database: str | os.PathLike[str], query: str, *, kind: str | None = None, limit: int = 20
) -> list[SearchHit]:
    """Entities whose names hold every word of *query*, with or without diacritics (đ/Đ included).

    One hit per entity, best match first; *kind* keeps one kind of entity.
    """
    expr = match_query(query)
    if not expr:
        return []
    sql = "SELECT entity_id, entity_kind, name FROM names_fts WHERE names_fts MATCH ?"
    args: list[Any] = [expr]
    if kind is not None:
        sql += " AND entity_kind = ?"
        args.append(kind)
    sql += " ORDER BY rank"
    hits: dict[str, SearchHit] = {}
    with reading(database) as conn:
        for entity_id, entity_kind, name in conn.execute(sql, args):
            if entity_id not in hits:
                hits[entity_id] = SearchHit(entity_id=entity_id, kind=entity_kind, name=name)
            if len(hits) >= limit:
                break
    return list(hits.values())


def search_articles(database: str | os.PathLike[str], query: str, *, limit: int = 20) -> list[str]:
    """Sources of the articles whose title or text holds every word of *query* (any diacritics), best first."""
    expr = match_query(query)
    if not expr:
        return []
    with reading(database) as conn:
        rows = conn.execute(
            "SELECT a.source FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
            " WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
            (expr, limit),
        ).fetchall()
    return [r[0] for r in rows]


def datasette_metadata(database: str = "kb") -> dict[str, Any]:
    """Datasette metadata (titles, labels, facets, full-text search) for a knowledge base named *database*.

    *database* is the file name without its suffix (``kb`` for
    ``kb.sqlite``), the name Datasette gives the database. Write it to a
    JSON file and pass it with ``datasette kb.sqlite --metadata FILE``;
    ``dnnd build --datasette-metadata FILE`` does this for you.
    """
    shipped = json.loads((resources.files(__package__) / "datasette-metadata.json").read_text(encoding="utf-8"))
    shipped["databases"] = {database: shipped.pop("databases")["kb"]}
    return dict(shipped)

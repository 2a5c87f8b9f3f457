"""Building a knowledge base: parse what is new, one transaction per article, then the derived tables."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import attrs

from .._files import Progress, expand_paths
from .._io import DEFAULT_MAX_BYTES, read
from .._names import visible_name
from .._parallel import map_ordered
from ..corpus import ArticleSummary, Corpus, ReadFailure
from ..errors import DnndError, InputError
from ..model import Article
from . import _derive
from ._db import writing
from ._fold import d_words

__all__ = ["BuildResult", "build", "load_corpus"]


@attrs.frozen(kw_only=True)
class BuildResult:
    """What one :func:`build` did.

    Attributes:
        path: The knowledge base file.
        added: Articles new to it.
        replaced: Articles whose file changed since they went in (their old rows replaced).
        unchanged: Articles already in it with the same content (skipped without parsing).
        failures: The inputs that could not be read (one :class:`~dnnd.corpus.ReadFailure` each).
        articles: Articles in the knowledge base after the build.

    """

    path: str
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    failures: tuple[ReadFailure, ...] = ()
    articles: int = 0

    def __str__(self) -> str:
        return (
            f"{self.path}: {self.articles} articles ({self.added} added, {self.replaced} replaced, "
            f"{self.unchanged} unchanged, {len(self.failures)} unreadable)"
        )


@attrs.frozen
class _Prepared:
    """One parsed article, ready to insert (made in a worker process)."""

    source: str
    sha256: str
    title: str | None
    published: str | None
    precision: str | None
    start: str | None
    encoding: str | None
    text: str
    record: str
    facts: list[tuple[str, str, str, int, int]]
    fts: tuple[str, str, str, str]
    summary: ArticleSummary


def _digest(path: str, max_bytes: int | None) -> str | None:
    """SHA-256 of the file's bytes; ``None`` when it cannot be read (the parse then says why)."""
    try:
        with open(path, "rb") as fh:
            h = hashlib.sha256()
            left = None if max_bytes is None else max_bytes + 1
            while left is None or left > 0:
                chunk = fh.read(1 << 20 if left is None else min(left, 1 << 20))
                if not chunk:
                    break
                h.update(chunk)
                if left is not None:
                    left -= len(chunk)
            return h.hexdigest()
    except (OSError, ValueError):
        return None


def _facts(article: Article | ArticleSummary) -> Iterator[tuple[str, str, str, int, int]]:
    """(kind, record id, label, start, end) for every span of every record."""
    for d in article.documents:
        for s in d.mentions:
            yield ("document", d.id, d.number or d.title or d.kind.value, s.start, s.end)
    for c in article.congress_resolutions:
        for s in c.mentions:
            yield ("congress", c.id, f"Đại hội {c.ordinal} ({c.party_body})", s.start, s.end)
    for o in article.organisations:
        for s in o.mentions:
            yield ("organisation", o.id, o.name, s.start, s.end)
    for p in article.people:
        for s in p.mentions:
            yield ("person", p.id, p.name, s.start, s.end)
        for i, pos in enumerate(p.positions):
            label = (
                ("nguyên " if pos.former else "") + pos.title + (f", {pos.organisation}" if pos.organisation else "")
            )
            for s in pos.mentions:
                yield ("position", f"{p.id}#{i}", f"{p.name}: {label}", s.start, s.end)
    for e in article.events:
        for s in e.mentions:
            yield ("event", e.id, e.kind.value + (f": {e.title}" if e.title else ""), s.start, s.end)


def _prepare(item: tuple[str, str, str, int | None]) -> _Prepared | str:
    """Read and parse one file (runs in a worker); a bug comes back as its one-line message."""
    path, source, sha, max_bytes = item
    try:
        from ..serialize import converter

        article = read(path, source=source, max_bytes=max_bytes)
        summary = ArticleSummary.of(article)
        record = json.dumps(converter.unstructure(summary), ensure_ascii=False, separators=(",", ":"))
        pub = article.published
        start = None
        if pub is not None and pub.year is not None:
            start = f"{pub.year:04d}-{pub.month or 1:02d}-{pub.day or 1:02d}"
        return _Prepared(
            source=source,
            sha256=sha,
            title=article.title,
            published=pub.iso if pub else None,
            precision=pub.precision if pub else None,
            start=start,
            encoding=article.encoding,
            text=article.text,
            record=record,
            facts=list(_facts(article)),
            fts=_fts_values(article.title, article.text),
            summary=summary,
        )
    except DnndError:
        raise
    except Exception as err:
        return f"internal error ({type(err).__name__}: {err}); please report it with this file"


def _fts_values(title: str | None, text: str) -> tuple[str, str, str, str]:
    """What the full-text index holds for an article: title and text, and their words with đ written d."""
    return title or "", text, d_words(title or ""), d_words(text)


def _label(path: str | os.PathLike[str]) -> str:
    return visible_name(path)


def build(
    paths: Iterable[str | os.PathLike[str]],
    database: str | os.PathLike[str],
    *,
    jobs: int | None = 1,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
    progress: Progress | None = None,
) -> BuildResult:
    """Add the articles of *paths* (files or folders, read recursively) to the knowledge base *database*.

    See :func:`dnnd.store.build`.
    """
    entries = expand_paths(paths)
    files = [e for e in entries if not isinstance(e, InputError)]
    name = os.fsdecode(database)
    total = len(files)
    done = 0
    failures: list[ReadFailure] = [
        ReadFailure(source=e.source or "", message=str(e)) for e in entries if isinstance(e, InputError)
    ]
    added = replaced = unchanged = 0

    def tick() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, total)

    if progress is not None:
        progress(0, total)
    with writing(database) as conn:
        existing: dict[str, tuple[int, str, int]] = {
            src: (aid, sha, pos)
            for aid, src, sha, pos in conn.execute("SELECT id, source, sha256, position FROM articles")
        }
        hashes = {sha for _, sha, _ in existing.values()}
        todo: list[tuple[str, str, str, int | None]] = []
        for path in files:
            source = _label(path)
            sha = _digest(os.fspath(path), max_bytes)
            have = existing.get(source)
            if sha is not None and ((have is not None and have[1] == sha) or (have is None and sha in hashes)):
                unchanged += 1
                tick()
                continue
            if sha is not None:
                hashes.add(sha)
            todo.append((os.fspath(path), source, sha or "", max_bytes))
        chunks = max(1, min(16, len(todo) // (4 * (jobs or os.cpu_count() or 1)))) if jobs != 1 else None
        results = map_ordered(_prepare, todo, jobs=jobs, chunksize=chunks)
        fresh: dict[str, ArticleSummary] = {}
        for (path_s, source, _, _), result in zip(todo, results, strict=True):
            if isinstance(result, _Prepared):
                was = existing.get(source)
                _put_article(conn, result, was)
                fresh[source] = result.summary
                existing[source] = (0, result.sha256, 0)
                if was is None:
                    added += 1
                else:
                    replaced += 1
            else:
                message = str(result) if isinstance(result, InputError) else f"{path_s}: {result}"
                failures.append(ReadFailure(source=source, message=message))
            tick()
        _put_failures(conn, failures)
        stale = conn.execute("SELECT value FROM dnnd_meta WHERE key = 'stale'").fetchone()
        if stale is not None and stale[0] == "1":
            refresh(conn, load_corpus(conn, name, known=fresh))
        count = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    return BuildResult(
        path=name, added=added, replaced=replaced, unchanged=unchanged, failures=tuple(failures), articles=count
    )


def _put_article(conn: sqlite3.Connection, p: _Prepared, was: tuple[int, str, int] | None) -> None:
    """Insert (or replace) one article and its facts in one transaction."""
    from .. import __version__

    conn.execute("BEGIN IMMEDIATE")
    try:
        if was is not None:
            aid, _, position = was
            old = conn.execute("SELECT title, text FROM articles WHERE id = ?", (aid,)).fetchone()
            conn.execute(
                "INSERT INTO articles_fts (articles_fts, rowid, title, text, title_folded, text_folded)"
                " VALUES ('delete', ?, ?, ?, ?, ?)",
                (aid, *_fts_values(old[0], old[1])),
            )
            conn.execute("DELETE FROM articles WHERE id = ?", (aid,))
            ids: tuple[int | None, int] = (aid, position)
        else:
            row = conn.execute("SELECT coalesce(max(position), 0) + 1 FROM articles").fetchone()
            ids = (None, row[0])
        cur = conn.execute(
            "INSERT INTO articles (id, position, source, sha256, title, published, published_precision,"
            " published_start, encoding, chars, text, record, dnnd_version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (*ids, p.source, p.sha256, p.title, p.published, p.precision, p.start, p.encoding, len(p.text), p.text,
             p.record, __version__),
        )  # fmt: skip
        new_id = cur.lastrowid
        conn.executemany(
            'INSERT INTO facts (article_id, kind, record_id, label, start, "end") VALUES (?,?,?,?,?,?)',
            [(new_id, *f) for f in p.facts],
        )
        conn.execute(
            "INSERT INTO articles_fts (rowid, title, text, title_folded, text_folded) VALUES (?,?,?,?,?)",
            (new_id, *p.fts),
        )
        conn.execute("DELETE FROM read_failures WHERE source = ?", (p.source,))
        conn.execute("UPDATE dnnd_meta SET value = '1' WHERE key = 'stale'")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _put_failures(conn: sqlite3.Connection, failures: list[ReadFailure]) -> None:
    if not failures:
        return
    conn.execute("BEGIN IMMEDIATE")
    start = conn.execute("SELECT coalesce(max(position), 0) FROM read_failures").fetchone()[0]
    for i, f in enumerate(failures, start=start + 1):
        conn.execute(
            "INSERT INTO read_failures (source, position, message) VALUES (?, ?, ?)"
            " ON CONFLICT (source) DO UPDATE SET message = excluded.message",
            (f.source, i, f.message),
        )
    conn.execute("UPDATE dnnd_meta SET value = '1' WHERE key = 'stale'")
    conn.execute("COMMIT")


def load_corpus(conn: sqlite3.Connection, name: str, *, known: Mapping[str, ArticleSummary] | None = None) -> Corpus:
    """The :class:`Corpus` of the articles in the knowledge base behind *conn*, in the order they went in.

    *known* holds summaries already at hand (by source: the articles a build
    has just parsed), which are then not read back from their JSON records.
    """
    known = known or {}
    rows = [
        (source, None if source in known else record)
        for source, record in conn.execute("SELECT source, record FROM articles ORDER BY position")
    ]
    failures = conn.execute("SELECT source, message FROM read_failures ORDER BY position").fetchall()
    from .. import __version__
    from ..corpus import FORMAT, FORMAT_VERSION

    data = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "dnnd": __version__,
        "articles": [json.loads(r) for _, r in rows if r is not None],
        "errors": [{"source": s, "message": m} for s, m in failures],
    }
    stored = Corpus.from_dict(data, source=name)
    if not known:
        return stored
    read_back = iter(stored.articles)
    summaries = [known[s] if r is None else next(read_back) for s, r in rows]
    return Corpus(summaries, errors=stored.errors)


def refresh(conn: sqlite3.Connection, corpus: Corpus | None = None) -> None:
    """Bring the derived tables up to date with the articles, in one transaction (only the differences are written)."""
    corpus = corpus if corpus is not None else load_corpus(conn, "knowledge base")
    ids = {src: aid for aid, src in conn.execute("SELECT id, source FROM articles")}
    wanted = _derive.rows(corpus, ids)
    conn.execute("BEGIN IMMEDIATE")
    try:
        for table, cols in _derive.COLUMNS.items():
            _apply(conn, table, cols, wanted[table])
        conn.execute("UPDATE dnnd_meta SET value = '0' WHERE key = 'stale'")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _q(col: str) -> str:
    return f'"{col}"'


def _apply(conn: sqlite3.Connection, table: str, cols: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
    """Make *table* hold exactly *rows*, touching only the rows that differ."""
    select = ", ".join(map(_q, cols))
    marks = ", ".join("?" * len(cols))
    insert = f"INSERT INTO {table} ({select}) VALUES ({marks})"
    if table in _derive.ENTITY_TABLES:
        have = {r[0]: tuple(r) for r in conn.execute(f"SELECT {select} FROM {table}")}
        want = {r[0]: r for r in rows}
        gone = [(k,) for k in have if k not in want]
        conn.executemany(f"DELETE FROM {table} WHERE id = ?", gone)
        sets = ", ".join(f"{_q(c)} = ?" for c in cols[1:])
        conn.executemany(
            f"UPDATE {table} SET {sets} WHERE id = ?",
            [(*r[1:], k) for k, r in want.items() if k in have and have[k] != r],
        )
        conn.executemany(insert, [r for k, r in want.items() if k not in have])
        return
    wanted = Counter(rows)
    surplus: list[tuple[int]] = []
    for rowid, *values in conn.execute(f"SELECT rowid, {select} FROM {table}"):
        key = tuple(values)
        if wanted[key] > 0:
            wanted[key] -= 1
        else:
            surplus.append((rowid,))
    conn.executemany(f"DELETE FROM {table} WHERE rowid = ?", surplus)
    conn.executemany(insert, list(wanted.elements()))

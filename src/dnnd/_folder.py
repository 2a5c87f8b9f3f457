"""Reading many files (folders included) on several cores, with a progress callback."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from ._files import Progress, expand_paths
from ._io import DEFAULT_MAX_BYTES, read
from ._names import visible_name
from ._parallel import default_jobs, map_ordered
from .corpus import ArticleSummary, Corpus, ReadFailure
from .errors import DnndError, InputError
from .model import Article

__all__ = ["read_articles", "read_corpus"]


def _label(path: str | os.PathLike[str]) -> str:
    return visible_name(path)


def _read_one(item: tuple[str, int | None]) -> Article | str:
    path, max_bytes = item
    try:
        return read(path, source=_label(path), max_bytes=max_bytes)
    except DnndError:
        raise
    except Exception as err:  # a bug: one line, and the other files still come
        return f"internal error ({type(err).__name__}: {err}); please report it with this file"


def read_each(
    paths: Iterable[str | os.PathLike[str]],
    *,
    jobs: int | None = 1,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
    progress: Progress | None = None,
) -> Iterator[tuple[str, Article | DnndError]]:
    """``(path, article or error)`` for every file of *paths* (folders read recursively), in order.

    A folder without article files gives an :class:`~dnnd.errors.InputError`
    naming it. *progress* is called with ``(done, total)`` after each file;
    *jobs* processes parse at once (``None`` or 0: every core).
    """
    entries = expand_paths(paths)
    total = len(entries)
    if progress is not None:
        progress(0, total)
    n = jobs if jobs else default_jobs()
    chunks = max(1, min(16, total // (4 * n))) if n != 1 else None
    items = [(os.fspath(f), max_bytes) for f in entries if isinstance(f, Path)]
    results = map_ordered(_read_one, items, jobs=n, chunksize=chunks)
    for done, entry in enumerate(entries, 1):
        if isinstance(entry, InputError):
            yield (entry.source or "", entry)
        else:
            label = _label(entry)
            result = next(results)
            yield (label, DnndError(f"{label}: {result}") if isinstance(result, str) else result)
        if progress is not None:
            progress(done, total)


def read_articles(
    paths: Iterable[str | os.PathLike[str]],
    *,
    jobs: int | None = 1,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
    progress: Progress | None = None,
) -> Iterator[Article | ReadFailure]:
    """Read every file of *paths* (folders read recursively), in order; a bad file gives a :class:`ReadFailure`.

    Each article's ``source`` is its path as given (a folder's files: the
    folder joined with their path inside it). *progress* is called with
    ``(done, total)`` after each file. *jobs* processes parse at once
    (``None`` or 0: every core).
    """
    for path, result in read_each(paths, jobs=jobs, max_bytes=max_bytes, progress=progress):
        yield result if isinstance(result, Article) else ReadFailure(source=path, message=str(result))


def read_corpus(
    paths: Iterable[str | os.PathLike[str]],
    *,
    jobs: int | None = 1,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
    progress: Progress | None = None,
    texts: dict[str, str] | None = None,
) -> Corpus:
    """A :class:`Corpus` of every file of *paths* (see :func:`read_articles`); the texts go into *texts* when given."""
    summaries: list[ArticleSummary] = []
    failures: list[ReadFailure] = []
    for item in read_articles(paths, jobs=jobs, max_bytes=max_bytes, progress=progress):
        if isinstance(item, ReadFailure):
            failures.append(item)
            continue
        summaries.append(ArticleSummary.of(item))
        if texts is not None and item.source is not None:
            texts[item.source] = item.text
    return Corpus(summaries, errors=failures)

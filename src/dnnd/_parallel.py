"""Parsing many articles on several cores, results in input order.

:func:`map_ordered` is the one engine: it cuts the inputs into chunks, hands
the chunks to a :class:`concurrent.futures.ProcessPoolExecutor` and yields
the results in the order of the inputs, keeping only a bounded number of
chunks in flight (so an endless iterator of inputs streams in constant
memory). ``jobs=1`` runs everything in the calling process, with no pool.

A bad input never stops the batch: the worker catches the
:class:`~dnnd.errors.DnndError` and hands it back as a value, which the
caller receives in the input's place. Exceptions that are not about the
input (bugs) propagate.

Errors cross the process boundary as ``(class, reason, source)`` and are
rebuilt on this side, because :class:`~dnnd.errors.InputError` takes
``source`` as a keyword, which plain exception pickling would lose.
"""

from __future__ import annotations

import itertools
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar, Union

from ._io import read
from ._parse import parse_text
from .errors import DnndError, InputError
from .model import Article

__all__ = ["Item", "default_jobs", "map_ordered", "parse_item", "parse_many"]

T = TypeVar("T")
#: what :func:`parse_many` accepts: a path (``os.PathLike``) or the text itself (``str``)
Item = Union[str, "os.PathLike[str]"]

#: inputs per chunk when the caller gives none: big enough that process
#: hand-over costs little next to parsing, small enough to balance the cores
DEFAULT_CHUNKSIZE = 16


def default_jobs() -> int:
    """Return the number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def parse_item(item: Item) -> Article:
    """Parse one input of :func:`parse_many`: a path is read, a ``str`` is the text."""
    if isinstance(item, str):
        return parse_text(item)
    if isinstance(item, os.PathLike):
        return read(item, source=os.fspath(item))
    raise TypeError(f"parse_many() takes str texts or os.PathLike paths, not {type(item).__name__}")


# -------------------------------------------------------------- errors


def _pack_error(err: DnndError) -> tuple[Any, ...]:
    if isinstance(err, InputError):
        return ("input", type(err), err.reason, err.source)
    return ("other", type(err), err.args)


def _unpack_error(packed: tuple[Any, ...]) -> DnndError:
    if packed[0] == "input":
        _, cls, reason, source = packed
        return cls(reason, source=source)  # type: ignore[no-any-return]
    _, cls, args = packed
    return cls(*args)  # type: ignore[no-any-return]


class _Failed:
    """A worker's result slot holding a packed error."""

    __slots__ = ("packed",)

    def __init__(self, packed: tuple[Any, ...]) -> None:
        self.packed = packed


def _run_chunk(func: Callable[[Any], T], chunk: list[Any]) -> list[T | _Failed]:
    out: list[T | _Failed] = []
    for item in chunk:
        try:
            out.append(func(item))
        except DnndError as err:
            out.append(_Failed(_pack_error(err)))
    return out


# -------------------------------------------------------------- engine


def map_ordered(
    func: Callable[[Any], T],
    items: Iterable[Any],
    *,
    jobs: int | None = None,
    chunksize: int | None = None,
) -> Iterator[T | DnndError]:
    """Apply *func* to every item, *jobs* processes at a time, in input order.

    *func* must be a picklable top-level function. A :class:`DnndError`
    raised by *func* is yielded in place of the item's result.
    """
    n_jobs = default_jobs() if jobs is None or jobs <= 0 else jobs
    size = chunksize or DEFAULT_CHUNKSIZE
    if size < 1:
        raise ValueError("chunksize must be at least 1")
    if n_jobs == 1:
        for item in items:
            try:
                yield func(item)
            except DnndError as err:
                yield err
        return
    it = iter(items)
    first = list(itertools.islice(it, size))
    if not first:
        return
    with ProcessPoolExecutor(max_workers=n_jobs) as pool:
        pending: deque[Future[list[T | _Failed]]] = deque()
        try:
            chunk = first
            while chunk:
                pending.append(pool.submit(_run_chunk, func, chunk))
                # keep every worker busy with a couple of chunks, no more
                while len(pending) > 2 * n_jobs:
                    yield from _results(pending.popleft())
                chunk = list(itertools.islice(it, size))
            while pending:
                yield from _results(pending.popleft())
        finally:  # the caller stopped early (or an error): drop queued work
            for future in pending:
                future.cancel()


def _results(future: Future[list[T | _Failed]]) -> Iterator[T | DnndError]:
    for value in future.result():
        yield _unpack_error(value.packed) if isinstance(value, _Failed) else value


def parse_many(
    items: Iterable[Item],
    *,
    jobs: int | None = None,
    chunksize: int | None = None,
) -> Iterator[Article | DnndError]:
    """Parse many articles on *jobs* cores; yield the results in input order.

    Each item is either a path (any :class:`os.PathLike`, e.g.
    :class:`pathlib.Path`), which is read and decoded like :func:`dnnd.read`
    does (the article's ``source`` is the path as given), or a ``str``,
    which is the text itself (like :func:`dnnd.parse`). Wrap path strings in
    :class:`pathlib.Path`.

    For each item the iterator yields its :class:`~dnnd.model.Article`, or
    the :class:`~dnnd.errors.DnndError` that item raised: one bad file
    never stops the batch. *jobs* defaults to every core this process may
    use; ``jobs=1`` parses in the calling process. Inputs go to the worker
    processes *chunksize* at a time (default 16), with a bounded number of
    chunks in flight, so a long (or endless) iterable streams.

    >>> [type(r).__name__ for r in parse_many(["Chỉ thị 12-CT/TW.", "  "], jobs=1)]
    ['Article', 'EmptyInputError']
    """
    return map_ordered(parse_item, items, jobs=jobs, chunksize=chunksize)

"""Parsing many articles on several cores, results in input order.

:func:`map_ordered` is the one engine: it cuts the inputs into chunks, hands
each chunk to one worker process of its own small pool and yields the
results in the order of the inputs, keeping only a bounded number of chunks
in flight (so an endless iterator of inputs streams in constant memory).
``jobs=1`` runs everything in the calling process, with no pool; more jobs
than the cores this process may use are not started.

A bad input never stops the batch: the worker catches the
:class:`~dnnd.errors.DnndError` and hands it back as a value, which the
caller receives in the input's place. Exceptions that are not about the
input (bugs) propagate.

Faults of the processes themselves:

* a worker that dies (killed, out of memory, a crash in an extension) costs
  only the chunk it held: each of those inputs yields one shared
  :class:`~dnnd.errors.WorkerError` naming them all, a new worker takes its
  place and every other input is still parsed;
* the workers die with the parent: on Linux the kernel kills them when it
  goes (``PR_SET_PDEATHSIG``), elsewhere they stop at the next input;
* the workers ignore Ctrl-C (SIGINT goes to the whole process group): only
  the parent sees :class:`KeyboardInterrupt`, stops them and lets it
  propagate, so the command prints one line instead of a traceback per
  worker.

Errors cross the process boundary as ``(class, reason, source)`` and are
rebuilt on this side, because :class:`~dnnd.errors.InputError` takes
``source`` as a keyword, which plain exception pickling would lose.
"""

from __future__ import annotations

import contextlib
import itertools
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import Connection, wait
from typing import Any, TypeVar, Union

from ._io import read
from ._names import visible_name
from ._parse import parse_text
from .errors import DnndError, InputError, WorkerError
from .model import Article

__all__ = ["Item", "default_jobs", "map_ordered", "parse_item", "parse_many"]

T = TypeVar("T")
#: what :func:`parse_many` accepts: a path (``os.PathLike``) or the text itself (``str``)
Item = Union[str, "os.PathLike[str]"]

#: inputs per chunk when the caller gives none: big enough that process
#: hand-over costs little next to parsing, small enough to balance the cores
DEFAULT_CHUNKSIZE = 16


def default_jobs() -> int:
    """Return the number of cores this process may use (the most jobs ever started)."""
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


# -------------------------------------------------------------- workers


def _die_with_parent(parent: int | None) -> int:
    """Ask the kernel to kill this worker when its parent dies (Linux); stop now if it already has.

    *parent* is the pid the worker's parent must have (the forking process),
    or ``None`` when a fork server or a spawner started it and the parent is
    whatever process that is. Returns the parent's pid, to watch.
    """
    if sys.platform.startswith("linux"):
        with contextlib.suppress(Exception):
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
    ppid = os.getppid()
    if parent is not None and ppid != parent:
        os._exit(0)
    return ppid


def _worker(conn: Connection, func: Callable[[Any], Any], parent: int | None) -> None:
    """A worker process: parse chunks sent by the parent until told to stop or the parent is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    parent = _die_with_parent(parent)
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        ident, chunk = message
        try:
            reply: tuple[str, Any] = ("ok", _run_chunk(func, chunk, parent))
        except BaseException as err:  # a bug: raised again in the parent
            reply = ("raise", err)
        try:
            conn.send((ident, reply))
        except (EOFError, OSError):
            return
        except Exception as err:  # a result or an exception that does not pickle
            conn.send((ident, ("raise", RuntimeError(f"{type(err).__name__}: {err}"))))


def _run_chunk(func: Callable[[Any], T], chunk: list[Any], parent: int | None = None) -> list[T | _Failed]:
    out: list[T | _Failed] = []
    for item in chunk:
        if parent is not None and os.getppid() != parent:  # orphaned (no PR_SET_PDEATHSIG here)
            os._exit(0)
        try:
            out.append(func(item))
        except DnndError as err:
            out.append(_Failed(_pack_error(err)))
    return out


def _cause(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            return f"killed by {signal.Signals(-exitcode).name}"
        except ValueError:
            return f"killed by signal {-exitcode}"
    return f"exit code {exitcode}"


class _Worker:
    """One worker process, its end of the pipe and the chunk it holds (``None`` when idle)."""

    def __init__(self, context: Any, func: Callable[[Any], Any]) -> None:
        self.conn, child = context.Pipe()
        # a forked worker's parent is this process; a fork server's or a spawner's child has another
        parent = os.getpid() if context.get_start_method() == "fork" else None
        self.process = context.Process(target=_worker, args=(child, func, parent), daemon=True)
        # SIGINT blocked while forking: the worker ignores it before it could arrive
        blocked = hasattr(signal, "pthread_sigmask") and threading.current_thread() is threading.main_thread()
        if blocked:
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            self.process.start()
        finally:
            if blocked:
                signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
        child.close()
        self.held: int | None = None

    def stop(self) -> None:
        """End the process: politely when idle, at once when it is still working."""
        if self.process.is_alive():
            if self.held is None:
                with contextlib.suppress(OSError, ValueError):
                    self.conn.send(None)
            else:
                self.process.kill()
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


def _context() -> Any:
    """Fork when that is safe (one thread, POSIX): no re-import per worker; else a fresh interpreter."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


class _Raised:
    __slots__ = ("error",)

    def __init__(self, error: BaseException) -> None:
        self.error = error


# -------------------------------------------------------------- engine


def _default_label(item: Any, index: int) -> str:
    if isinstance(item, os.PathLike):
        return visible_name(item)
    if isinstance(item, str) and len(item) <= 200 and "\n" not in item:
        return visible_name(item)
    return f"input #{index + 1}"


def map_ordered(
    func: Callable[[Any], T],
    items: Iterable[Any],
    *,
    jobs: int | None = None,
    chunksize: int | None = None,
    label: Callable[[Any], str] | None = None,
) -> Iterator[T | DnndError]:
    """Apply *func* to every item, *jobs* processes at a time, in input order.

    *func* must be a picklable top-level function. A :class:`DnndError`
    raised by *func* is yielded in place of the item's result; when a worker
    process dies, each item of the chunk it held yields the same
    :class:`~dnnd.errors.WorkerError`, naming them with *label* (default:
    a path, else the item's position).
    """
    n_jobs = min(default_jobs(), default_jobs() if jobs is None or jobs <= 0 else jobs)
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
    yield from _pooled(func, iter(items), n_jobs, size, label)


def _pooled(
    func: Callable[[Any], T], it: Iterator[Any], n_jobs: int, size: int, label: Callable[[Any], str] | None
) -> Iterator[T | DnndError]:
    context = _context()
    workers: list[_Worker] = []
    chunks: dict[int, list[Any]] = {}  # sent, result not yet in
    firsts: dict[int, int] = {}  # the batch position of each chunk's first item
    done: dict[int, list[T | _Failed] | _Raised | WorkerError] = {}
    sent = given = position = 0
    exhausted = False
    try:
        while True:
            # hand out work: one chunk per idle worker, at most 2 x jobs chunks not yet yielded
            while not exhausted and sent - given < 2 * n_jobs:
                idle = next((w for w in workers if w.held is None), None)
                if idle is None and len(workers) >= n_jobs:
                    break
                chunk = list(itertools.islice(it, size))
                if not chunk:
                    exhausted = True
                    break
                if idle is None:
                    idle = _Worker(context, func)
                    workers.append(idle)
                try:
                    idle.conn.send((sent, chunk))
                except OSError:  # it died while idle: a new one takes the chunk
                    _drop(idle, workers)
                    idle = _Worker(context, func)
                    workers.append(idle)
                    idle.conn.send((sent, chunk))
                idle.held, chunks[sent], firsts[sent] = sent, chunk, position
                sent += 1
                position += len(chunk)
            # give back what is ready, in input order
            if given in done:
                yield from _unpack(done.pop(given), len(chunks.pop(given)))
                firsts.pop(given)
                given += 1
                continue
            if exhausted and given == sent:
                return
            ready = set(wait([w.conn for w in workers if w.held is not None] + [w.process.sentinel for w in workers]))
            for w in list(workers):
                if w.conn not in ready and w.process.sentinel not in ready:
                    continue
                held = w.held
                if held is None:  # an idle worker died (killed from outside): nothing lost, replaced when needed
                    _drop(w, workers)
                    continue
                try:
                    if w.conn.poll():
                        ident, (status, payload) = w.conn.recv()
                        done[ident] = payload if status == "ok" else _Raised(payload)
                        w.held = None
                        continue
                except (EOFError, OSError):
                    pass
                w.process.join(timeout=5)
                if w.process.is_alive():  # a closed pipe but a live process: not ours to trust
                    w.process.kill()
                    w.process.join()
                names = tuple(
                    (label(x) if label is not None else _default_label(x, firsts[held] + i))
                    for i, x in enumerate(chunks[held])
                )
                done[held] = WorkerError(
                    f"a worker process died ({_cause(w.process.exitcode)}) while parsing "
                    f"{len(names)} input{'s' if len(names) != 1 else ''}: {', '.join(names)}",
                    inputs=names,
                )
                w.held = None
                _drop(w, workers)
    finally:  # finished, stopped early by the caller, an error or Ctrl-C: no worker outlives the batch
        for w in workers:
            w.stop()


def _drop(worker: _Worker, workers: list[_Worker]) -> None:
    worker.held = None
    worker.stop()
    workers.remove(worker)


def _unpack(result: list[T | _Failed] | _Raised | WorkerError, n: int) -> Iterator[T | DnndError]:
    if isinstance(result, _Raised):
        raise result.error
    if isinstance(result, WorkerError):
        for _ in range(n):
            yield result
        return
    for value in result:
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
    never stops the batch; if a worker process dies (killed, out of
    memory), the inputs it held yield one shared
    :class:`~dnnd.errors.WorkerError` and the others still come. *jobs*
    defaults to, and is capped at, every core this process may use;
    ``jobs=1`` parses in the calling process. Inputs go to the worker
    processes *chunksize* at a time (default 16), with a bounded number of
    chunks in flight, so a long (or endless) iterable streams.

    >>> [type(r).__name__ for r in parse_many(["Chỉ thị 12-CT/TW.", "  "], jobs=1)]
    ['Article', 'EmptyInputError']
    """
    return map_ordered(parse_item, items, jobs=jobs, chunksize=chunksize)

"""A progress bar on the terminal (tqdm), silent when standard error is not a terminal."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from typing import TextIO

from tqdm import tqdm

from ._files import Progress

__all__ = ["terminal_bar"]


@contextlib.contextmanager
def terminal_bar(
    description: str, *, unit: str = "article", stream: TextIO | None = None, enabled: bool = True
) -> Iterator[Progress]:
    """Yield a :data:`~dnnd._files.Progress` callback drawing a bar on *stream* (default standard error).

    Nothing is drawn when *stream* is not a terminal (a pipe, a file, CI),
    or when *enabled* is false.
    """
    out = stream if stream is not None else sys.stderr
    if not (enabled and _is_tty(out)):
        yield _silent
        return
    # a terminal that gives no size (0 x 0: some pseudo-terminals) still gets an 80-column bar
    sized = _columns(out) > 0
    bar = _Bar(
        desc=description,
        unit=unit,
        file=out,
        ncols=None if sized else 80,
        nrows=None if sized else 24,
        leave=True,
    )

    def update(done: int, total: int | None) -> None:
        if total is not None and bar.total != total:
            bar.total = total
            bar.refresh()
        if done > bar.n:
            bar.update(done - bar.n)

    try:
        yield update
    finally:
        bar.close()


class _Bar(tqdm):  # type: ignore[type-arg]
    """A bar without tqdm's monitor thread: a second thread would make the worker pool spawn, not fork."""

    monitor_interval = 0


def _silent(done: int, total: int | None) -> None:
    del done, total


def _columns(stream: TextIO) -> int:
    try:
        return os.get_terminal_size(stream.fileno()).columns
    except (AttributeError, ValueError, OSError):
        return 0


def _is_tty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False

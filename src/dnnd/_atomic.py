"""Atomic file writes: a temporary file in the target's folder, renamed into place."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

__all__ = ["atomic_writer", "write_atomic"]


@contextlib.contextmanager
def atomic_writer(path: str | os.PathLike[str]) -> Iterator[TextIO]:
    """Open a text stream whose content replaces *path* only when the block ends without error.

    The data goes to a temporary file next to *path*, is flushed and
    ``fsync``-ed, then renamed over *path* (atomic on POSIX and Windows). A
    crash or ``kill -9`` at any moment leaves either the old file or the new
    one, never a half-written file; the temporary file is removed on errors.
    """
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or Path("."))
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Write *text* to *path* through a temporary file renamed into place.

    An interrupted run never leaves a half-written file where a good one was.
    """
    with atomic_writer(path) as fh:
        fh.write(text)

"""Atomic file writes: a temporary file in the target's folder, renamed into place.

Whatever happens to the process - an exception, Ctrl-C, ``kill -9``, a power
cut - the target holds either its old content or the complete new one:

* the data goes to ``.NAME.PID.XXXX.dnnd.tmp`` in the target's folder, is
  flushed and ``fsync``-ed, then renamed over the target (atomic on POSIX
  and Windows), and the folder is ``fsync``-ed so the rename itself is
  durable;
* the new file keeps the permission bits of the file it replaces (a new file
  gets ``0o666`` minus the umask, not the ``0o600`` of a temporary file);
* a symbolic link is followed: the file it points to is replaced, the link
  is kept;
* on any error the temporary file is removed and the error re-raised; the
  temporary files a killed process could not remove (its PID no longer
  exists) are removed by the next write to the same target.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

__all__ = ["atomic_writer", "write_atomic"]

_TMP_SUFFIX = ".dnnd.tmp"


@contextlib.contextmanager
def atomic_writer(path: str | os.PathLike[str]) -> Iterator[TextIO]:
    """Open a UTF-8 text stream whose content replaces *path* only when the block ends without error."""
    target = Path(os.path.realpath(path))
    folder = target.parent
    _remove_stale_temporaries(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=_TMP_SUFFIX, dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            if hasattr(os, "fchmod"):
                os.fchmod(fh.fileno(), _mode_for(target))
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_folder(folder)


def write_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Write *text* to *path* (UTF-8, Unix line ends) so that *path* is never half-written.

    *text* is encoded first, so text that cannot be written (lone
    surrogates) raises :class:`UnicodeEncodeError` before anything is touched.
    """
    text.encode("utf-8")
    with atomic_writer(path) as fh:
        fh.write(text)


def _mode_for(target: Path) -> int:
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


def _fsync_folder(folder: Path) -> None:
    if not hasattr(os, "O_DIRECTORY"):  # Windows: a rename cannot be synced this way
        return
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems refuse to sync a folder; the data itself is synced
    finally:
        os.close(fd)


def _remove_stale_temporaries(target: Path) -> None:
    """Remove ``.NAME.PID.*.dnnd.tmp`` files whose process no longer exists."""
    prefix = f".{target.name}."
    try:
        names = os.listdir(target.parent)
    except OSError:
        return
    for name in names:
        if not (name.startswith(prefix) and name.endswith(_TMP_SUFFIX)):
            continue
        parts = name[len(prefix) : -len(_TMP_SUFFIX)].split(".")  # PID and mkstemp's random part
        if len(parts) == 2 and parts[0].isdigit() and not _alive(int(parts[0])):
            with contextlib.suppress(OSError):
                os.unlink(target.parent / name)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists (or we cannot tell): leave its file alone
    return True

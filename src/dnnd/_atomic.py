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

Only a regular file (or a name not yet taken) is ever replaced. Anything
else - a named pipe, a character device (``/dev/null``), a socket, or one of
this process's own descriptors (``/dev/stdout``, ``/dev/fd/N``) - is written
through, as a shell redirection would, and the node is left as it is: a
rename would turn ``/dev/null`` into a regular file.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

__all__ = ["atomic_writer", "write_atomic"]

_TMP_SUFFIX = ".dnnd.tmp"

#: the folder of a process's open descriptors (``/dev/stdout`` leads there)
_FD_FOLDER = re.compile(r"/proc/(?:self|thread-self|\d+)(?:/task/\d+)?/fd")


@contextlib.contextmanager
def atomic_writer(path: str | os.PathLike[str]) -> Iterator[TextIO]:
    """Open a UTF-8 text stream whose content replaces *path* only when the block ends without error.

    When *path* is not a regular file (a pipe, a device, ``/dev/stdout``)
    the stream writes straight into it instead, and the node is kept.
    """
    through = _write_through(path)
    if through is not None:
        with os.fdopen(through, "w", encoding="utf-8", newline="\n") as fh:
            yield fh
        return
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


def _write_through(path: str | os.PathLike[str]) -> int | None:
    """A descriptor to write *path* through, or ``None`` when it is (to be) a regular file to replace."""
    fd_number = _own_descriptor(path)
    if fd_number is not None:  # /dev/stdout, /dev/fd/1: this process's own stream, with its mode and offset
        return os.dup(fd_number)
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None  # a new file (or an error the atomic path reports)
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None  # replaced atomically; a folder is refused there
    # a pipe waits for its reader, as a shell redirection does; no O_CREAT, so nothing is made
    fd = os.open(path, os.O_WRONLY | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0))
    if stat.S_ISREG(os.fstat(fd).st_mode):  # swapped for a regular file meanwhile: replace it after all
        os.close(fd)
        return None
    return fd


def _own_descriptor(path: str | os.PathLike[str]) -> int | None:
    """The descriptor number when *path* names one of this process's open descriptors, else ``None``.

    The links are followed one at a time: ``/dev/stdout`` leads to
    ``/proc/self/fd/1`` and from there to whatever descriptor 1 is (a pipe,
    a terminal, a file opened for appending), which must be written through
    descriptor 1 itself, never renamed over.
    """
    if not hasattr(os, "readlink"):
        return None
    current = os.path.abspath(os.fsdecode(path))
    for _ in range(40):  # the kernel's own limit on links in a path
        try:
            folder = os.path.realpath(os.path.dirname(current))
        except (OSError, ValueError):
            return None
        name = os.path.basename(current)
        m = _FD_FOLDER.fullmatch(folder)
        if m and name.isdigit():
            owner = folder.split("/")[2]
            return int(name) if owner in ("self", "thread-self", str(os.getpid())) else None
        full = os.path.join(folder, name)
        try:
            link = os.readlink(full)
        except (OSError, ValueError):
            return None  # not a link: the end of the chain
        current = os.path.normpath(os.path.join(folder, link))
    return None


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

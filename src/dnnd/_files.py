"""Folders as input: every article file under a folder, recursively, in a stable order.

A path that is a folder stands for the article files beneath it (``.txt``,
``.html`` and ``.htm``, at any depth, hidden files and folders skipped),
sorted by their path so that the same folder gives the same order on every
machine. A path that is a file stands for itself, whatever its suffix.

>>> import dnnd
>>> from pathlib import Path
>>> [p.name[:3] for p in expand_paths([Path(dnnd.seed_paths()[0]).parent])]
['000', '001', '002', '003', '004']
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from .errors import InputError

__all__ = ["ARTICLE_SUFFIXES", "Progress", "expand_paths"]

#: the file suffixes taken from a folder (compared without regard to case)
ARTICLE_SUFFIXES = (".txt", ".html", ".htm")

#: a progress callback: called with the number of inputs done and the total (``None`` when unknown)
Progress = Callable[[int, "int | None"], None]


def expand_paths(paths: Iterable[str | os.PathLike[str]]) -> list[Path | InputError]:
    """Replace every folder among *paths* by the article files beneath it.

    Returns, in the order given, the paths (a folder's files sorted by
    path; a file already listed through another folder is not repeated; a
    file named itself is kept as often as it is named) and, in place of a folder that holds no
    article file or cannot be listed, an :class:`~dnnd.errors.InputError`
    naming it. A path that does not exist is kept: reading it later gives
    the usual "no such file" error.
    """
    out: list[Path | InputError] = []
    seen: set[str] = set()

    def keep(p: Path) -> None:
        key = os.path.normpath(os.fspath(p))
        if key not in seen:
            seen.add(key)
            out.append(p)

    for given in paths:
        path = Path(given)
        if not path.is_dir():
            out.append(path)
            continue
        found, error = _walk(path)
        if error is not None:
            out.append(InputError(error, source=os.fspath(path)))
        elif not found:
            out.append(
                InputError(
                    f"is a directory with no article files ({', '.join(ARTICLE_SUFFIXES)}) in it",
                    source=os.fspath(path),
                )
            )
        for p in found:
            keep(p)
    return out


def _walk(folder: Path) -> tuple[list[Path], str | None]:
    """Article files under *folder*, sorted; or an error message when the folder cannot be listed."""
    errors: list[OSError] = []
    found: list[Path] = []
    for root, dirs, files in os.walk(folder, onerror=errors.append):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if not name.startswith(".") and name.lower().endswith(ARTICLE_SUFFIXES):
                found.append(Path(root) / name)
    if errors and not found:
        err = errors[0]
        return [], f"cannot be listed ({err.strerror or err})"
    return sorted(found, key=lambda p: p.parts), None

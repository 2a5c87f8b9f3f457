"""Opening a knowledge base file: checks, migration, connection settings."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from ..errors import StoreError
from . import _schema

__all__ = ["connect", "reading", "writing"]


def _name(path: str | os.PathLike[str]) -> str:
    return os.fsdecode(path)


def connect(path: str | os.PathLike[str], *, readonly: bool) -> sqlite3.Connection:
    """Open *path* (explicit transactions, foreign keys on); :class:`StoreError` when it cannot be."""
    name = _name(path)
    if readonly:
        if not os.path.exists(path):
            raise StoreError(f"{name}: no such file")
        if os.path.isdir(path):
            raise StoreError(f"{name}: is a directory, not a knowledge base")
        uri = Path(os.path.abspath(path)).as_uri() + "?mode=ro"
        target: str = uri
    else:
        if os.path.isdir(path):
            raise StoreError(f"{name}: is a directory, not a knowledge base")
        target = os.fspath(path)
    try:
        conn = sqlite3.connect(target, uri=readonly, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA foreign_keys = ON")
    except sqlite3.Error as err:
        raise StoreError(f"{name}: cannot be opened ({err})") from None
    return conn


@contextlib.contextmanager
def reading(path: str | os.PathLike[str]) -> Iterator[sqlite3.Connection]:
    """A connection to an existing knowledge base, migrated first (in place) when it is of an older schema."""
    name = _name(path)
    conn = connect(path, readonly=True)
    try:
        found = _schema.check(conn, name)
        if found is None:
            raise StoreError(f"{name}: not a dnnd knowledge base (an empty file)")
        if found < _schema.SCHEMA_VERSION:
            conn.close()
            from ._build import refresh

            with writing(path) as upgraded:  # migrates, then fills what the new schema adds
                refresh(upgraded)
            conn = connect(path, readonly=True)
            _schema.check(conn, name)
        yield conn
    finally:
        conn.close()


@contextlib.contextmanager
def writing(path: str | os.PathLike[str], dnnd_version: str | None = None) -> Iterator[sqlite3.Connection]:
    """A connection for building: the file is created, or checked and migrated.

    While it is open the file is in WAL mode with ``synchronous=NORMAL``
    (each article's transaction is atomic and survives a killed process);
    it is put back into the ordinary rollback-journal mode on closing, so
    the result is one self-contained file (unless another program has the
    file open then: it stays in WAL mode, which every SQLite reads).
    """
    from .. import __version__

    name = _name(path)
    conn = connect(path, readonly=False)
    try:
        found = _schema.check(conn, name)
        if found is None:
            _schema.create(conn, dnnd_version or __version__)
        elif found < _schema.SCHEMA_VERSION:
            _schema.migrate(conn, name, found)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        yield conn
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.execute("PRAGMA journal_mode = DELETE")
        except sqlite3.OperationalError:  # another program has the file open: it stays in WAL mode, still whole
            pass
    except sqlite3.Error as err:
        raise StoreError(f"{name}: {err}") from None
    finally:
        conn.close()

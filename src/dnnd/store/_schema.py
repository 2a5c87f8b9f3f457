"""The layout of a dnnd knowledge base file, its version, and the checks on opening one.

A knowledge base is one SQLite file. Two header fields mark it as dnnd's
(``PRAGMA application_id`` is :data:`APPLICATION_ID`, ``PRAGMA user_version``
the schema version), and the ``dnnd_meta`` table says the same in words for
any SQLite client. ``docs/store.md`` documents every table.

Tables fall in two groups:

* **per article**, written in one transaction per article (``articles``, its
  text and the lossless JSON record of what was extracted; ``facts``, every
  span of every record; the full-text index ``articles_fts``), so that an
  interrupted build leaves each article wholly in or wholly out;
* **across articles** (documents, organisations, people, events,
  conflicts ... the merged entities of the :class:`~dnnd.corpus.Corpus`),
  derived from the articles and brought up to date in one transaction at the
  end of every build (``dnnd_meta.stale`` is ``1`` in between).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from ..errors import StoreError

__all__ = ["APPLICATION_ID", "MIGRATIONS", "SCHEMA", "SCHEMA_VERSION", "check", "create", "migrate"]

#: ``PRAGMA application_id`` of every dnnd knowledge base (the bytes ``dnnd``)
APPLICATION_ID = 0x646E6E64
#: the schema version this dnnd writes (and the newest it reads)
SCHEMA_VERSION = 2
#: the tokenizer of the full-text indexes: case and diacritics folded (but not đ, see ``_fold``)
TOKENIZE = "unicode61 remove_diacritics 2"

SCHEMA = f"""
CREATE TABLE dnnd_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- ------------------------------------------------------------ per article
CREATE TABLE articles (
    id                  INTEGER PRIMARY KEY,
    position            INTEGER NOT NULL UNIQUE,   -- order in the corpus
    source              TEXT NOT NULL UNIQUE,      -- the path as given to the build
    sha256              TEXT NOT NULL,             -- of the file's bytes
    title               TEXT,
    published           TEXT,                      -- ISO, partial as in the contract (2022-07, XXXX-07-14)
    published_precision TEXT CHECK (published_precision IN ('day', 'month', 'year')),
    published_start     TEXT,                      -- first day it may mean, YYYY-MM-DD
    encoding            TEXT,
    chars               INTEGER NOT NULL,
    text                TEXT NOT NULL,             -- the article as read (every span indexes it)
    record              TEXT NOT NULL,             -- JSON of the dnnd.ArticleSummary, lossless
    dnnd_version        TEXT NOT NULL
);
CREATE INDEX articles_sha256 ON articles (sha256);
CREATE INDEX articles_published ON articles (published_start);

CREATE TABLE read_failures (
    source   TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    message  TEXT NOT NULL
);

CREATE TABLE facts (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,   -- document, congress, organisation, person, position, event
    record_id  TEXT NOT NULL,   -- the record's id within the article
    label      TEXT NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    CHECK (0 <= start AND start <= "end")
);
CREATE INDEX facts_article ON facts (article_id, start);
CREATE INDEX facts_kind ON facts (kind, record_id);

-- every text column twice: as written, and with đ/Đ folded to d/D when it has one
-- (the tokenizer folds the other diacritics); contentless: the text lives in articles
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, text, title_folded, text_folded, content='', tokenize='{TOKENIZE}'
);

-- ------------------------------------------------------------ across articles
CREATE TABLE documents (
    id             TEXT PRIMARY KEY,
    number         TEXT,
    kind           TEXT NOT NULL,
    date           TEXT,
    date_precision TEXT,
    date_start     TEXT,
    issuer         TEXT,
    title          TEXT,
    registry_id    TEXT,
    citations      INTEGER NOT NULL
);
CREATE INDEX documents_number ON documents (number);

CREATE TABLE citations (
    document_id    TEXT NOT NULL REFERENCES documents (id) DEFERRABLE INITIALLY DEFERRED,
    article_id     INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    number         TEXT,
    kind           TEXT NOT NULL,
    type_word      TEXT,
    date           TEXT,
    date_precision TEXT,
    issuer         TEXT,
    title          TEXT,
    spans          TEXT NOT NULL   -- JSON [[start, end], ...]
);
CREATE INDEX citations_document ON citations (document_id);
CREATE INDEX citations_article ON citations (article_id);

CREATE TABLE congresses (
    id         TEXT PRIMARY KEY,
    ordinal    INTEGER NOT NULL,
    scope      TEXT NOT NULL,
    party_body TEXT NOT NULL,
    term       TEXT,
    articles   INTEGER NOT NULL
);

CREATE TABLE congress_citations (
    congress_id TEXT NOT NULL REFERENCES congresses (id) DEFERRABLE INITIALLY DEFERRED,
    article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    term        TEXT,
    spans       TEXT NOT NULL
);
CREATE INDEX congress_citations_congress ON congress_citations (congress_id);
CREATE INDEX congress_citations_article ON congress_citations (article_id);

CREATE TABLE organisations (
    id           TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    kind         TEXT NOT NULL,
    abbreviation TEXT,
    locality     TEXT,
    registry_id  TEXT,
    articles     INTEGER NOT NULL,
    level        TEXT               -- central, or the level of its locality (province, district ...)
);
CREATE INDEX organisations_kind ON organisations (kind, locality);

CREATE TABLE organisation_names (
    organisation_id TEXT NOT NULL REFERENCES organisations (id) DEFERRABLE INITIALLY DEFERRED,
    name            TEXT NOT NULL
);
CREATE INDEX organisation_names_organisation ON organisation_names (organisation_id);

CREATE TABLE people (
    id       TEXT PRIMARY KEY,
    name     TEXT NOT NULL,
    articles INTEGER NOT NULL
);

CREATE TABLE person_names (
    person_id TEXT NOT NULL REFERENCES people (id) DEFERRABLE INITIALLY DEFERRED,
    name      TEXT NOT NULL
);
CREATE INDEX person_names_person ON person_names (person_id);

CREATE TABLE positions (
    person_id       TEXT NOT NULL REFERENCES people (id) DEFERRABLE INITIALLY DEFERRED,
    title           TEXT NOT NULL,
    organisation_id TEXT REFERENCES organisations (id) DEFERRABLE INITIALLY DEFERRED,
    organisation    TEXT,
    former          INTEGER NOT NULL CHECK (former IN (0, 1)),
    date            TEXT,
    date_precision  TEXT,
    date_start      TEXT,
    article_id      INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    spans           TEXT NOT NULL,
    dated_by        TEXT            -- what the date is: the article's date, or that of a reported event
);
CREATE INDEX positions_person ON positions (person_id);
CREATE INDEX positions_organisation ON positions (organisation_id, title);
CREATE INDEX positions_article ON positions (article_id);

CREATE TABLE events (
    id             TEXT PRIMARY KEY,
    kind           TEXT NOT NULL,
    date           TEXT,
    date_precision TEXT,
    date_start     TEXT,
    end_date       TEXT,
    location       TEXT,
    title          TEXT,
    articles       INTEGER NOT NULL,
    reported       INTEGER NOT NULL DEFAULT 1 CHECK (reported IN (0, 1))   -- 0: only mentioned (history, plans)
);
CREATE INDEX events_date ON events (date_start);
CREATE INDEX events_reported ON events (reported, date_start);
CREATE INDEX events_kind ON events (kind, location);

CREATE TABLE event_organisers (
    event_id        TEXT NOT NULL REFERENCES events (id) DEFERRABLE INITIALLY DEFERRED,
    organisation_id TEXT REFERENCES organisations (id) DEFERRABLE INITIALLY DEFERRED,
    name            TEXT NOT NULL
);
CREATE INDEX event_organisers_event ON event_organisers (event_id);
CREATE INDEX event_organisers_organisation ON event_organisers (organisation_id);

CREATE TABLE organisation_relations (
    subject_id TEXT NOT NULL REFERENCES organisations (id) DEFERRABLE INITIALLY DEFERRED,
    kind       TEXT NOT NULL,   -- member_of, branch_of, organ_of, succeeded_by
    object_id  TEXT REFERENCES organisations (id) DEFERRABLE INITIALLY DEFERRED,   -- NULL: never named
    object     TEXT NOT NULL,   -- the object's name
    basis      TEXT NOT NULL,   -- text, registry, rule, name, merger
    since      TEXT,
    articles   INTEGER NOT NULL   -- how many articles state it (basis text)
);
CREATE INDEX organisation_relations_subject ON organisation_relations (subject_id);
CREATE INDEX organisation_relations_object ON organisation_relations (object_id);

CREATE TABLE conflicts (
    id        TEXT PRIMARY KEY,   -- field:entity_id[:date]
    subject   TEXT NOT NULL,
    field     TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    date      TEXT,
    summary   TEXT NOT NULL
);

CREATE TABLE claims (
    conflict_id   TEXT NOT NULL REFERENCES conflicts (id) DEFERRABLE INITIALLY DEFERRED,
    value         TEXT NOT NULL,
    source        TEXT NOT NULL,
    article_id    INTEGER REFERENCES articles (id) ON DELETE CASCADE,   -- NULL for the registry
    from_registry INTEGER NOT NULL CHECK (from_registry IN (0, 1)),
    spans         TEXT NOT NULL
);
CREATE INDEX claims_conflict ON claims (conflict_id);
CREATE INDEX claims_article ON claims (article_id);

CREATE TABLE evidence (
    entity_id   TEXT NOT NULL,   -- an id of documents, congresses, organisations, people or events
    entity_kind TEXT NOT NULL,
    article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL
);
CREATE INDEX evidence_entity ON evidence (entity_id);
CREATE INDEX evidence_article ON evidence (article_id);

-- names of every entity, as written and folded to ASCII (diacritics and đ/Đ)
CREATE VIRTUAL TABLE names_fts USING fts5 (
    name, folded, entity_id UNINDEXED, entity_kind UNINDEXED, tokenize='{TOKENIZE}'
);
"""


_RELATIONS = """
CREATE TABLE organisation_relations (
    subject_id TEXT NOT NULL REFERENCES organisations (id) DEFERRABLE INITIALLY DEFERRED,
    kind       TEXT NOT NULL,
    object_id  TEXT REFERENCES organisations (id) DEFERRABLE INITIALLY DEFERRED,
    object     TEXT NOT NULL,
    basis      TEXT NOT NULL,
    since      TEXT,
    articles   INTEGER NOT NULL
);
CREATE INDEX organisation_relations_subject ON organisation_relations (subject_id);
CREATE INDEX organisation_relations_object ON organisation_relations (object_id);
"""


def _v1_to_v2(conn: sqlite3.Connection) -> None:
    """Version 2: reported events, organisations' level and relations, what dates a position."""
    conn.execute("ALTER TABLE events ADD COLUMN reported INTEGER NOT NULL DEFAULT 1 CHECK (reported IN (0, 1))")
    conn.execute("CREATE INDEX events_reported ON events (reported, date_start)")
    conn.execute("ALTER TABLE organisations ADD COLUMN level TEXT")
    conn.execute("ALTER TABLE positions ADD COLUMN dated_by TEXT")
    for statement in _RELATIONS.split(";"):  # not executescript: it would end the migration's transaction
        if statement.strip():
            conn.execute(statement)


#: ``MIGRATIONS[n]`` turns a file of schema version *n* into version ``n + 1`` (within the caller's transaction)
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {1: _v1_to_v2}


def create(conn: sqlite3.Connection, dnnd_version: str) -> None:
    """Lay out an empty knowledge base in the (empty) database behind *conn*."""
    meta = {
        "format": "dnnd-knowledge-base",
        "schema_version": str(SCHEMA_VERSION),
        "dnnd_version": dnnd_version,
        "stale": "0",
    }
    rows = "".join(f"INSERT INTO dnnd_meta (key, value) VALUES ('{k}', '{v}');" for k, v in meta.items())
    conn.executescript(
        f"BEGIN IMMEDIATE; PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = {SCHEMA_VERSION};"
        + SCHEMA
        + rows
        + "COMMIT;"
    )


def version(conn: sqlite3.Connection, name: str) -> int | None:
    """Return the schema version of the database behind *conn*, or ``None`` for an empty database.

    Raises :class:`~dnnd.errors.StoreError` when the file is not a SQLite
    database, or a SQLite database that is not a dnnd knowledge base.
    """
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        user_version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as err:
        raise StoreError(f"{name}: not a dnnd knowledge base (not a SQLite database: {err})") from None
    if app_id == 0 and user_version == 0 and not tables:
        return None
    if app_id != APPLICATION_ID or "dnnd_meta" not in tables:
        raise StoreError(f"{name}: not a dnnd knowledge base (a SQLite database, but not one dnnd wrote)")
    if not isinstance(user_version, int) or user_version < 1:
        raise StoreError(f"{name}: damaged dnnd knowledge base (no schema version)")
    return int(user_version)


def check(conn: sqlite3.Connection, name: str) -> int | None:
    """Check the file behind *conn* is a dnnd knowledge base this dnnd can read; return its version.

    ``None`` for an empty database. Raises :class:`~dnnd.errors.StoreError`
    for a foreign file or one of a newer schema (upgrade dnnd to read it).
    """
    found = version(conn, name)
    if found is not None and found > SCHEMA_VERSION:
        raise StoreError(
            f"{name}: schema version {found} is newer than this dnnd reads ({SCHEMA_VERSION}); upgrade dnnd to open it"
        )
    return found


def migrate(conn: sqlite3.Connection, name: str, found: int) -> None:
    """Bring a knowledge base of schema version *found* up to :data:`SCHEMA_VERSION`, in one transaction.

    The file is unchanged if a step fails (:class:`~dnnd.errors.StoreError`).
    """
    if found >= SCHEMA_VERSION:
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
        for step in range(found, SCHEMA_VERSION):
            MIGRATIONS[step](conn)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("UPDATE dnnd_meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION),))
        conn.execute("UPDATE dnnd_meta SET value = '1' WHERE key = 'stale'")
        conn.execute("COMMIT")
    except sqlite3.Error as err:
        conn.execute("ROLLBACK")
        raise StoreError(f"{name}: cannot migrate from schema version {found} ({err})") from None

"""The SQLite knowledge base: built from folders, loaded back, searched, incremental, crash-safe, versioned."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import dnnd
from conftest import DEV, SEEDS
from dnnd import store
from dnnd._folder import read_corpus
from dnnd.errors import CorpusFileError, StoreError
from dnnd.store import _schema

# ------------------------------------------------------------------ fixtures


def corpus_folders() -> list[Path]:
    """The seeds, and ../shared/corpus/dev and dev2 when they are there."""
    folders = [SEEDS]
    for name in ("dev", "dev2"):
        texts = DEV.parent / name / "texts"
        if texts.is_dir():
            folders.append(texts)
    return folders


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dnnd.Corpus]:
    db = tmp_path_factory.mktemp("kb") / "kb.sqlite"
    folders = [str(f) for f in corpus_folders()]
    result = store.build(folders, db, jobs=2)
    assert result.failures == ()
    return db, read_corpus(folders)


def connect(db: Path, *, readonly: bool = False) -> contextlib.closing[sqlite3.Connection]:
    target = f"file:{db}?mode=ro" if readonly else str(db)
    return contextlib.closing(sqlite3.connect(target, uri=readonly, isolation_level=None))


def rows(db: Path, table: str) -> list[tuple[object, ...]]:
    with connect(db) as conn:
        return conn.execute(f"SELECT rowid, * FROM {table} ORDER BY rowid").fetchall()


def count(db: Path, table: str) -> int:
    with connect(db) as conn:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


TABLES = [
    "articles", "facts", "documents", "citations", "congresses", "congress_citations", "organisations",
    "organisation_names", "people", "person_names", "positions", "events", "event_organisers", "conflicts",
    "claims", "evidence", "read_failures", "dnnd_meta",
]  # fmt: skip


def dump(db: Path) -> dict[str, list[tuple[object, ...]]]:
    return {t: rows(db, t) for t in TABLES}


def seed_copy(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for p in dnnd.seed_paths():
        shutil.copy(p, folder / p.name)
    return folder


# ------------------------------------------------------------------ the build


def test_the_tables_hold_what_the_corpus_holds(built: tuple[Path, dnnd.Corpus]) -> None:
    db, corpus = built
    expected = {
        "articles": len(corpus),
        "documents": len(corpus.documents()),
        "citations": sum(d.count for d in corpus.documents()),
        "organisations": len(corpus.organisations()),
        "people": len(corpus.people()),
        "positions": sum(len(p.positions) for p in corpus.people()),
        "events": len(corpus.events(reported=None)),  # the store keeps mentioned events too
        "conflicts": len(corpus.conflicts()),
        "claims": sum(len(c.claims) for c in corpus.conflicts()),
        "congresses": len({c.id for a in corpus.articles for c in a.congress_resolutions}),
        "read_failures": len(corpus.errors),
    }
    assert {t: count(db, t) for t in expected} == expected
    spans = sum(
        len(s.mentions) + sum(len(p.mentions) for p in getattr(s, "positions", ()))
        for a in corpus.articles
        for kind in (a.documents, a.congress_resolutions, a.organisations, a.people, a.events)
        for s in kind
    )
    assert count(db, "facts") == spans


def test_the_corpus_loaded_back_equals_the_one_built(built: tuple[Path, dnnd.Corpus]) -> None:
    db, corpus = built
    loaded = store.load(db)
    assert loaded == corpus
    assert [a.source for a in loaded.articles] == [a.source for a in corpus.articles]


def test_every_article_keeps_its_text(built: tuple[Path, dnnd.Corpus]) -> None:
    db, corpus = built
    texts = store.texts(db)
    assert list(texts) == [a.label for a in corpus.articles]
    for a in corpus.articles[:10]:
        assert texts[a.label] == dnnd.read(a.label).text
    with pytest.raises(KeyError):
        texts["not-there.txt"]


@pytest.mark.parametrize(
    ("query", "kind", "expected"),
    [
        ("Nguyen Van Doanh", "person", "Nguyễn Văn Doanh"),
        ("nguyễn văn doanh", "person", "Nguyễn Văn Doanh"),
        ("Do Trang Thanh", "person", "Đỗ Tràng Thành"),  # đ written d
        ("ĐỖ TRÀNG THÀNH", "person", "Đỗ Tràng Thành"),
        ("lien hiep cac to chuc huu nghi viet nam", "organisation", "Liên hiệp các tổ chức hữu nghị Việt Nam"),
        ("VUFO", "organisation", "Liên hiệp các tổ chức hữu nghị Việt Nam"),
        ("uy ban mat tran to quoc", "organisation", None),
    ],
)
def test_names_are_found_with_or_without_diacritics(
    built: tuple[Path, dnnd.Corpus], query: str, kind: str, expected: str | None
) -> None:
    db, corpus = built
    hits = store.search(db, query, kind=kind)
    assert hits, query
    if expected is not None:
        entity = corpus.person(expected) if kind == "person" else corpus.organisation(expected)
        assert entity is not None
        assert entity.id in [h.entity_id for h in hits]


@pytest.mark.parametrize("query", ["đối ngoại nhân dân", "doi ngoai nhan dan", "DOI NGOAI", "Đối ngoại"])
def test_article_text_is_found_with_or_without_diacritics(built: tuple[Path, dnnd.Corpus], query: str) -> None:
    db, corpus = built
    with_marks = set(store.search_articles(db, "đối ngoại nhân dân", limit=10_000))
    found = set(store.search_articles(db, query, limit=10_000))
    assert with_marks and with_marks <= found
    assert found <= {a.label for a in corpus.articles}


def test_a_search_is_never_read_as_fts_syntax(built: tuple[Path, dnnd.Corpus]) -> None:
    db, _ = built
    for query in ['"', "AND OR NOT", "a* NEAR(", "-", ""]:
        store.search(db, query)
        store.search_articles(db, query)


# ------------------------------------------------------------------ incremental


def test_adding_the_same_folder_again_changes_nothing(tmp_path: Path) -> None:
    folder = seed_copy(tmp_path / "seeds")
    db = tmp_path / "kb.sqlite"
    first = store.build([folder], db)
    before = dump(db)
    again = store.build([folder], db)
    assert (first.added, again.added, again.unchanged, again.replaced) == (5, 0, 5, 0)
    assert dump(db) == before


def test_a_changed_article_replaces_only_its_own_rows(tmp_path: Path) -> None:
    folder = seed_copy(tmp_path / "seeds")
    db = tmp_path / "kb.sqlite"
    store.build([folder], db)
    before = dump(db)
    changed = sorted(folder.glob("*.txt"))[2]
    with connect(db) as conn:
        (aid,) = conn.execute("SELECT id FROM articles WHERE source = ?", (str(changed),)).fetchone()

    def others(table: str) -> list[tuple[object, ...]]:
        with connect(db) as conn:
            return conn.execute(f"SELECT rowid, * FROM {table} WHERE article_id != ? ORDER BY rowid", (aid,)).fetchall()

    kept = {t: others(t) for t in ("facts", "citations", "positions", "evidence", "congress_citations", "claims")}
    with open(changed, "a", encoding="utf-8") as fh:
        fh.write("\nSáng 3/3/2023, Hội hữu nghị Việt Nam - Mông Cổ tổ chức hội thảo tại Hà Nội.\n")
    result = store.build([folder], db)
    assert (result.added, result.replaced, result.unchanged) == (0, 1, 4)
    after = dump(db)
    assert [r[1] for r in after["articles"]] == [r[1] for r in before["articles"]]  # ids kept
    assert [r for r in after["articles"] if r[1] != aid] == [r for r in before["articles"] if r[1] != aid]
    for table, rows_before in kept.items():
        assert others(table) == rows_before, table  # the other articles' rows: same rowids, same values
    mine = [r for r in after["facts"] if r[1] == aid]
    assert any("Mông Cổ" in str(r[4]) for r in mine)
    assert mine != [r for r in before["facts"] if r[1] == aid]
    assert store.load(db) == read_corpus([folder])


def test_a_bad_file_is_reported_and_the_rest_goes_in(tmp_path: Path) -> None:
    folder = seed_copy(tmp_path / "archive")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "sub").mkdir()
    (folder / "sub" / "binary.txt").write_bytes(bytes(range(256)) * 8)
    db = tmp_path / "kb.sqlite"
    result = store.build([folder], db)
    assert result.added == 5
    assert sorted(Path(f.source).name for f in result.failures) == ["binary.txt", "empty.txt"]
    assert all(f.source in f.message for f in result.failures)
    assert store.load(db) == read_corpus([folder])


def test_progress_is_reported_for_every_input(tmp_path: Path) -> None:
    calls: list[tuple[int, int | None]] = []
    store.build([seed_copy(tmp_path / "s")], tmp_path / "kb.sqlite", progress=lambda d, t: calls.append((d, t)))
    assert calls[0] == (0, 5) and calls[-1] == (5, 5)
    assert [d for d, _ in calls] == list(range(6))


# ------------------------------------------------------------------ interrupted builds


def _many(folder: Path, n: int) -> Path:
    """*n* distinct articles: the seeds, each with a numbered event added."""
    folder.mkdir()
    seeds = [p.read_text(encoding="utf-8") for p in dnnd.seed_paths()]
    for i in range(n):
        day, month = i % 28 + 1, i % 12 + 1
        (folder / f"a{i:04d}.txt").write_text(
            seeds[i % len(seeds)] + f"\nNgày {day}/{month}/2023, Hội hữu nghị số {i} tổ chức hội nghị tại Hà Nội.\n",
            encoding="utf-8",
        )
    return folder


def test_a_killed_build_leaves_each_article_wholly_in_or_out_and_a_rerun_completes(tmp_path: Path) -> None:
    folder = _many(tmp_path / "many", 300)
    db = tmp_path / "kb.sqlite"
    proc = subprocess.Popen([sys.executable, "-m", "dnnd", "build", str(folder), "-o", str(db)], stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    seen = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
        try:
            with connect(db, readonly=True) as conn:
                seen = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        except sqlite3.Error:
            continue
        if seen >= 20:
            break
    assert proc.poll() is None, "the build ended before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with connect(db) as conn:
        n = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        assert 20 <= n < 300
        for aid, record, text in conn.execute("SELECT id, record, text FROM articles"):
            summary = dnnd.converter.structure(json.loads(record), dnnd.corpus.ArticleSummary)
            want = sorted((f[0], f[3], f[4]) for f in _facts_of(summary))
            got = sorted(conn.execute('SELECT kind, start, "end" FROM facts WHERE article_id = ?', (aid,)).fetchall())
            assert got == want
            assert all(0 <= s <= e <= len(text) for _, s, e in got)
        fts = {r[0] for r in conn.execute("SELECT rowid FROM articles_fts")}
        assert fts == {r[0] for r in conn.execute("SELECT id FROM articles")}
        assert conn.execute("SELECT value FROM dnnd_meta WHERE key = 'stale'").fetchone()[0] == "1"
    result = store.build([folder], db)
    assert result.added == 300 - n and result.unchanged == n
    assert store.load(db) == read_corpus([folder])
    with connect(db) as conn:
        assert conn.execute("SELECT value FROM dnnd_meta WHERE key = 'stale'").fetchone()[0] == "0"
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def _facts_of(summary: dnnd.corpus.ArticleSummary) -> list[tuple[str, str, str, int, int]]:
    from dnnd.store._build import _facts

    return list(_facts(summary))


# ------------------------------------------------------------------ opening files


def test_a_file_of_a_newer_schema_is_a_clear_error(tmp_path: Path) -> None:
    db = tmp_path / "kb.sqlite"
    store.build([SEEDS / "004_235bed868508bb29.txt"], db)
    with connect(db) as conn:
        conn.execute(f"PRAGMA user_version = {_schema.SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match=rf"{db}: schema version {_schema.SCHEMA_VERSION + 1} is newer"):
        store.load(db)
    with pytest.raises(StoreError, match="newer"):
        store.build([SEEDS], db)


def _foreign_database(path: Path) -> None:
    with connect(path) as conn:
        conn.execute("CREATE TABLE notes (x)")


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.write_text("Chỉ thị 12-CT/TW", encoding="utf-8"), "not a SQLite database"),
        (lambda p: _foreign_database(p), "not one dnnd wrote"),
        (lambda p: None, "no such file"),
        (lambda p: p.mkdir(), "is a directory"),
    ],
    ids=["text", "foreign-sqlite", "missing", "directory"],
)
def test_a_file_that_is_not_a_knowledge_base_is_a_clear_error(tmp_path: Path, make, message: str) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "kb.sqlite"
    make(db)
    with pytest.raises(StoreError, match=message) as err:
        store.load(db)
    assert str(db) in str(err.value)
    assert isinstance(err.value, CorpusFileError)
    if message != "no such file":
        before = db.read_bytes() if db.is_file() else None
        with pytest.raises(StoreError):
            store.build([SEEDS], db)
        assert (db.read_bytes() if db.is_file() else None) == before  # never overwritten


def test_the_cli_builds_and_reports_bad_files_one_line_each(tmp_path: Path) -> None:
    folder = seed_copy(tmp_path / "archive")
    (folder / "empty.txt").write_bytes(b"")
    db = tmp_path / "kb.sqlite"
    meta = tmp_path / "meta.json"
    out = subprocess.run(
        [sys.executable, "-m", "dnnd", "build", str(folder), "-o", str(db), "--datasette-metadata", str(meta)],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 1
    assert out.stderr.splitlines() == [f"dnnd: {folder / 'empty.txt'}: no text (empty or only white space)"]
    assert out.stdout.strip() == f"{db}: 5 articles (5 added, 0 replaced, 0 unchanged, 1 unreadable)"
    assert "kb" in json.loads(meta.read_text(encoding="utf-8"))["databases"]
    again = subprocess.run(
        [sys.executable, "-m", "dnnd", "build", str(SEEDS), "-o", str(tmp_path / "not-there" / "kb.sqlite")],
        capture_output=True,
        text=True,
    )
    assert again.returncode == 1 and "Traceback" not in again.stderr and "not-there" in again.stderr


def test_the_cli_draws_a_progress_bar_on_a_terminal_only(tmp_path: Path) -> None:
    pty = pytest.importorskip("pty")
    folder = seed_copy(tmp_path / "s")
    quiet = subprocess.run(
        [sys.executable, "-m", "dnnd", "build", str(folder), "-o", str(tmp_path / "a.sqlite")],
        capture_output=True,
        text=True,
    )
    assert quiet.returncode == 0 and quiet.stderr == ""
    leader, follower = pty.openpty()
    proc = subprocess.run(
        [sys.executable, "-m", "dnnd", "build", str(folder), "-o", str(tmp_path / "b.sqlite")],
        stdout=subprocess.PIPE,
        stderr=follower,
        text=True,
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 1 << 16)
        except OSError:  # EIO: the terminal's other end is closed and drained
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    drawn = b"".join(chunks).decode("utf-8", "replace")
    assert proc.returncode == 0
    assert "dnnd build" in drawn and "5/5" in drawn and "100%" in drawn


def test_the_corpus_reads_a_knowledge_base_and_a_folder(tmp_path: Path) -> None:
    folder = seed_copy(tmp_path / "archive" / "2022")
    db = tmp_path / "kb.sqlite"
    store.build([tmp_path / "archive"], db)
    calls: list[tuple[int, int | None]] = []
    from_folder = dnnd.Corpus.from_folder(tmp_path / "archive", jobs=2, progress=lambda d, t: calls.append((d, t)))
    assert calls[-1] == (5, 5)
    assert dnnd.Corpus.from_sqlite(db) == dnnd.Corpus.load(db) == from_folder
    assert [a.source for a in from_folder.articles] == [str(p) for p in sorted(folder.glob("*.txt"))]


# ------------------------------------------------------------------ an older schema

V1 = Path(__file__).parent / "data" / "kb-schema-v1.sql"
V1_TEXT = "Sáng 14/7/2022, Liên hiệp các tổ chức hữu nghị tỉnh Bắc Giang tổ chức hội nghị tại Bắc Giang."


def _v1_file(path: Path) -> Path:
    with connect(path) as conn:
        conn.executescript(V1.read_text(encoding="utf-8"))
    return path


def test_a_file_of_an_older_schema_is_migrated_when_opened(tmp_path: Path) -> None:
    db = _v1_file(tmp_path / "old.sqlite")
    with connect(db) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        (record,) = conn.execute("SELECT record FROM articles").fetchone()
    corpus = store.load(db)  # migrates in place
    # the article as the old file kept it (its record predates Event.reported: it reads as reported)
    assert corpus == dnnd.Corpus([dnnd.converter.structure(json.loads(record), dnnd.corpus.ArticleSummary)])
    assert corpus.articles[0].events[0].reported is True
    assert store.texts(db)["archive/bac-giang.txt"] == V1_TEXT
    with connect(db) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == _schema.SCHEMA_VERSION == 2
        assert conn.execute("SELECT value FROM dnnd_meta WHERE key = 'schema_version'").fetchone()[0] == "2"
        assert conn.execute("SELECT value FROM dnnd_meta WHERE key = 'stale'").fetchone()[0] == "0"
        assert conn.execute("SELECT date, location, reported FROM events").fetchall() == [
            ("2022-07-14", "Bắc Giang", 1)
        ]
        # relations come from the registry and the naming rule, not from the old file
        assert conn.execute("SELECT kind, object, basis, since FROM organisation_relations ORDER BY kind").fetchall() == [
            ("member_of", "Liên hiệp các tổ chức hữu nghị Việt Nam", "rule", None),
            ("succeeded_by", "Liên hiệp các tổ chức hữu nghị tỉnh Bắc Ninh", "merger", "2025-07-01"),
        ]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert store.search_articles(db, "lien hiep bac giang") == ["archive/bac-giang.txt"]
    assert [h.name for h in store.search(db, "Lien hiep cac to chuc huu nghi tinh Bac Giang")] == [
        "Liên hiệp các tổ chức hữu nghị tỉnh Bắc Giang"
    ]
    more = store.build([SEEDS], db)  # and it takes new articles as any other
    assert (more.added, more.articles) == (5, 6)


def test_a_build_into_an_older_file_migrates_it_first(tmp_path: Path) -> None:
    db = _v1_file(tmp_path / "old.sqlite")
    result = store.build([SEEDS / "003_0ee01d7cb440a5d9.txt"], db)
    assert (result.added, result.articles) == (1, 2)
    with connect(db) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
        reported = dict(conn.execute("SELECT date, reported FROM events").fetchall())
    assert reported["2022-07-20"] == 1

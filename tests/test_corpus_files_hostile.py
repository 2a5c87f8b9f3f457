"""Corrupted or hostile corpus, gold and prediction files: always a CorpusFileError naming the file and the place.

Once, 100,000 nested ``[`` gave a RecursionError, a 5,000-digit integer a
ValueError (26-31-line tracebacks through ``dnnd query --corpus`` and
``dnnd evaluate``), ``--corpus /dev/zero`` read until MemoryError, a FIFO
hung, and hand-edited spans ``[1.5, 2.7]`` or ``["1", "2"]`` and negative
numbers loaded silently.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import dnnd
from dnnd.errors import CorpusFileError
from dnnd.evaluate import score_paths

ROOT = Path(__file__).resolve().parents[1]
SEED_GOLD = ROOT / "src" / "dnnd" / "_seeds" / "gold"


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    folder = tmp_path_factory.mktemp("kb")
    corpus = dnnd.Corpus(dnnd.seeds())
    out = {}
    for suffix in (".jsonl", ".json"):
        corpus.save(folder / f"kb{suffix}")
        out[suffix] = (folder / f"kb{suffix}").read_bytes()
    return out


def _sub(pattern: str, replacement: str) -> Callable[[bytes], bytes]:
    def edit(data: bytes) -> bytes:
        new, n = re.subn(pattern.encode(), replacement.encode(), data, count=1)
        assert n == 1, pattern
        return new

    return edit


EDITS = [
    # (what, edit of the saved bytes, what the message must say)
    ("100,000 nested [", _sub(r'"mentions":\[\[', '"mentions":' + "[" * 100_000), r"nested more than 64 levels deep"),
    ("a 5,000-digit integer", _sub(r'"mentions":\[\[\d+', '"mentions":[[' + "7" * 5000), r"a number of 5,000 digits"),
    ("a span of floats", _sub(r'"mentions":\[\[\d+,\d+\]', '"mentions":[[1.5,2.7]'), r"expected a whole number, got float"),
    ("a span of strings", _sub(r'"mentions":\[\[\d+,\d+\]', '"mentions":[["1","2"]'), r"expected a whole number, got str"),
    ("a negative ordinal", _sub(r'"ordinal":\d+', '"ordinal":-13'), r"number out of range: -13"),
    ("a title that is a number", _sub(r'"title":"[^"]*"', '"title":12'), r"expected a string, got int"),
    ("NaN for a number", _sub(r'"mentions":\[\[\d+', '"mentions":[[NaN'), r"NaN is not a number"),
    ("a boolean for a number", _sub(r'"mentions":\[\[\d+', '"mentions":[[true'), r"expected a whole number, got bool"),
]


@pytest.mark.parametrize("suffix", [".jsonl", ".json"])
@pytest.mark.parametrize(("what", "edit", "message"), EDITS, ids=[e[0] for e in EDITS])
def test_a_corrupted_corpus_file_names_the_file_and_the_place(
    saved: dict[str, bytes], tmp_path: Path, suffix: str, what: str, edit: Callable[[bytes], bytes], message: str
) -> None:
    path = tmp_path / f"kb{suffix}"
    path.write_bytes(edit(saved[suffix]))
    with pytest.raises(CorpusFileError) as info:
        dnnd.Corpus.load(path)
    text = str(info.value)
    assert text.startswith(f"{path}: ") and "\n" not in text
    assert re.search(message, text), text
    assert re.search(r"line \d+|record #\d+", text), text  # the place


def test_the_size_limit_is_adjustable(saved: dict[str, bytes], tmp_path: Path) -> None:
    path = tmp_path / "kb.jsonl"
    path.write_bytes(saved[".jsonl"])
    with pytest.raises(CorpusFileError, match=r"larger than the maximum of 1,000 bytes"):
        dnnd.Corpus.load(path, max_bytes=1000)
    assert len(dnnd.Corpus.load(path, max_bytes=None)) == 5
    assert len(dnnd.Corpus.load(path)) == 5  # the default is far above any real corpus


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_fifo_or_a_device_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "kb.jsonl"
    os.mkfifo(fifo)
    for path in [fifo, *([Path("/dev/zero")] if os.path.exists("/dev/zero") else [])]:
        with pytest.raises(CorpusFileError, match="is not a regular file"):
            dnnd.Corpus.load(path)
    proc = subprocess.run(
        [sys.executable, "-m", "dnnd", "query", "events", "--corpus", str(fifo)], capture_output=True, text=True, timeout=60
    )
    assert (proc.returncode, proc.stderr) == (1, f"dnnd: {fifo}: is not a regular file (a pipe, socket or device)\n")


@pytest.mark.parametrize(("what", "edit", "message"), EDITS[:2], ids=[e[0] for e in EDITS[:2]])
def test_the_cli_gives_one_line_for_a_corrupted_corpus(
    saved: dict[str, bytes], tmp_path: Path, what: str, edit: Callable[[bytes], bytes], message: str
) -> None:
    path = tmp_path / "kb.jsonl"
    path.write_bytes(edit(saved[".jsonl"]))
    proc = subprocess.run(
        [sys.executable, "-m", "dnnd", "query", "conflicts", "--corpus", str(path)], capture_output=True, text=True
    )
    assert proc.returncode == 1
    assert len(proc.stderr.splitlines()) == 1 and proc.stderr.startswith(f"dnnd: {path}: "), proc.stderr
    assert re.search(message, proc.stderr)


GOLD_EDITS = [
    ("100,000 nested [", lambda t: t.replace('"documents": [', '"documents": ' + "[" * 100_000, 1), "nested more than 64"),
    ("a 5,000-digit integer", lambda t: t.replace("{", '{"n": ' + "9" * 5000 + ",", 1), "a number of 5,000 digits"),
]


@pytest.mark.parametrize(("what", "edit", "message"), GOLD_EDITS, ids=[e[0] for e in GOLD_EDITS])
def test_a_corrupted_gold_file_is_one_line_naming_it(tmp_path: Path, what: str, edit: Callable[[str], str], message: str) -> None:
    gold = tmp_path / "gold"
    shutil.copytree(SEED_GOLD, gold)
    first = sorted(gold.glob("*.json"))[0]
    first.write_text(edit(first.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(CorpusFileError, match=message) as info:
        score_paths(gold, SEED_GOLD)
    assert first.stem in str(info.value)
    proc = subprocess.run([sys.executable, "-m", "dnnd", "evaluate", str(gold), str(SEED_GOLD)], capture_output=True, text=True)
    assert proc.returncode == 2 and len(proc.stderr.splitlines()) == 1 and first.stem in proc.stderr, proc.stderr


# ------------------------------------------------------------------ fuzz


def _mutate(data: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    out = bytearray(data)
    for where, length, new in edits:
        at = where % max(1, len(out))
        out[at : at + length] = new
    return bytes(out)


EDIT = st.tuples(
    st.integers(0, 10**7),
    st.integers(0, 8),
    st.one_of(
        st.binary(max_size=6),
        st.sampled_from([b"[", b"]", b"{", b"}", b'"', b",", b":", b"-", b".5", b"null", b"true", b"1e999", b"9" * 40]),
        st.integers(-(10**6), 10**6).map(lambda n: str(n).encode()),
    ),
)
FUZZ = settings(
    max_examples=int(os.environ.get("DNND_FUZZ_FILES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@FUZZ
@given(suffix=st.sampled_from([".jsonl", ".json"]), edits=st.lists(EDIT, min_size=1, max_size=6))
def test_fuzz_corrupted_corpus_files_give_only_corpus_file_errors(
    saved: dict[str, bytes], tmp_path: Path, suffix: str, edits: list[tuple[int, int, bytes]]
) -> None:
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(_mutate(saved[suffix], edits))
    try:
        corpus = dnnd.Corpus.load(path)
    except CorpusFileError as err:
        assert str(err).startswith(f"{path}: ") and "\n" not in str(err)
        return
    corpus.conflicts()  # whatever loaded is usable and serialises
    json.dumps(corpus.to_dict(), ensure_ascii=False).encode("utf-8")


@FUZZ
@given(edits=st.lists(EDIT, min_size=1, max_size=6), which=st.integers(0, 4))
def test_fuzz_corrupted_gold_files_give_only_corpus_file_errors(
    tmp_path: Path, edits: list[tuple[int, int, bytes]], which: int
) -> None:
    gold = tmp_path / "gold"
    if gold.exists():
        shutil.rmtree(gold)
    shutil.copytree(SEED_GOLD, gold)
    target = sorted(gold.glob("*.json"))[which]
    target.write_bytes(_mutate(target.read_bytes(), edits))
    try:
        score_paths(gold, SEED_GOLD)
        score_paths(SEED_GOLD, gold)
    except CorpusFileError as err:
        assert "\n" not in str(err)


LONG = settings(FUZZ, max_examples=int(os.environ.get("DNND_FUZZ_FILES_LONG", "2000")))


@pytest.mark.slow
@LONG
@given(suffix=st.sampled_from([".jsonl", ".json"]), edits=st.lists(EDIT, min_size=1, max_size=12))
def test_fuzz_long_corrupted_corpus_files(saved: dict[str, bytes], tmp_path: Path, suffix: str, edits: list[tuple[int, int, bytes]]) -> None:
    test_fuzz_corrupted_corpus_files_give_only_corpus_file_errors.hypothesis.inner_test(saved, tmp_path, suffix, edits)  # type: ignore[attr-defined]


@pytest.mark.slow
@LONG
@given(edits=st.lists(EDIT, min_size=1, max_size=12), which=st.integers(0, 4))
def test_fuzz_long_corrupted_gold_files(tmp_path: Path, edits: list[tuple[int, int, bytes]], which: int) -> None:
    test_fuzz_corrupted_gold_files_give_only_corpus_file_errors.hypothesis.inner_test(tmp_path, edits, which)  # type: ignore[attr-defined]

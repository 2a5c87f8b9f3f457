"""Folders as input: recursive, in path order, hidden files skipped, a folder without articles named."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import dnnd
from dnnd._files import expand_paths
from dnnd.errors import InputError

SEED = Path(dnnd.seed_paths()[4])


def tree(root: Path, names: list[str]) -> Path:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(SEED, path)
    return root


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        (["b.txt", "a.txt"], ["a.txt", "b.txt"]),
        (["2022/07/x.txt", "2021/y.TXT", "z.htm"], ["2021/y.TXT", "2022/07/x.txt", "z.htm"]),
        (["a.txt", "notes.md", "image.png", "data.json"], ["a.txt"]),
        (["a.txt", ".hidden.txt", ".git/b.txt", "sub/.c.txt"], ["a.txt"]),
        (["page.html", "sub/page.html"], ["page.html", "sub/page.html"]),
    ],
    ids=["sorted", "recursive-any-case", "only-articles", "hidden-skipped", "html"],
)
def test_a_folder_stands_for_its_article_files(tmp_path: Path, files: list[str], expected: list[str]) -> None:
    tree(tmp_path, files)
    found = expand_paths([tmp_path])
    assert [p.relative_to(tmp_path).as_posix() for p in found if isinstance(p, Path)] == expected


def test_files_and_folders_mix_in_the_order_given(tmp_path: Path) -> None:
    tree(tmp_path / "d", ["b.txt", "a.txt"])
    empty = tmp_path / "empty"
    empty.mkdir()
    single = tree(tmp_path, ["single.txt"]) / "single.txt"
    found = expand_paths([single, tmp_path / "d", empty, tmp_path / "d" / "a.txt", tmp_path / "missing.txt"])
    shown = [p.name if isinstance(p, Path) else f"error:{Path(p.source or '').name}" for p in found]
    # a file already listed through a folder is not repeated; a named file is kept as named
    assert shown == ["single.txt", "a.txt", "b.txt", "error:empty", "a.txt", "missing.txt"]
    (error,) = [p for p in found if isinstance(p, InputError)]
    assert str(error) == f"{empty}: is a directory with no article files (.txt, .html, .htm) in it"


def test_overlapping_folders_give_each_file_once(tmp_path: Path) -> None:
    tree(tmp_path, ["a/x.txt", "a/b/y.txt"])
    found = expand_paths([tmp_path / "a", tmp_path / "a" / "b"])
    assert [p.name for p in found if isinstance(p, Path)] == ["y.txt", "x.txt"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can list any folder")
def test_a_folder_that_cannot_be_listed_is_named(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        (error,) = expand_paths([locked])
        assert isinstance(error, InputError) and "cannot be listed" in str(error)
    finally:
        locked.chmod(0o755)


def test_extract_a_folder(tmp_path: Path) -> None:
    tree(tmp_path / "archive", ["2022/b.txt", "2021/a.txt", "notes.md"])
    (tmp_path / "archive" / "2022" / "empty.txt").write_bytes(b"")
    done = subprocess.run(
        [sys.executable, "-m", "dnnd", "extract", "--jobs", "2", str(tmp_path / "archive")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1
    sources = [json.loads(line)["source"] for line in done.stdout.splitlines()]
    assert sources == [str(tmp_path / "archive" / "2021" / "a.txt"), str(tmp_path / "archive" / "2022" / "b.txt")]
    assert done.stderr.splitlines() == [
        f"dnnd: {tmp_path / 'archive' / '2022' / 'empty.txt'}: no text (empty or only white space)"
    ]


def test_a_corpus_from_a_folder_equals_one_from_its_paths(tmp_path: Path) -> None:
    folder = tree(tmp_path / "archive", ["x/1.txt", "y/2.txt"])
    paths = sorted(folder.rglob("*.txt"))
    assert dnnd.Corpus.from_folder(folder, jobs=2) == dnnd.Corpus.from_paths(paths)

"""parse_many and ``dnnd extract --jobs``: same results as one core, in input order."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

import dnnd
from dnnd import DnndError, EmptyInputError, InputError
from dnnd._parallel import map_ordered


def _seed_paths(seed_dir: Path) -> list[Path]:
    return sorted(seed_dir.glob("*.txt"))


@pytest.mark.parametrize("jobs", [1, 2])
def test_parse_many_matches_read_in_input_order(seed_dir, jobs):
    paths = _seed_paths(seed_dir) * 3
    results = list(dnnd.parse_many(paths, jobs=jobs, chunksize=2))
    assert [r.source for r in results] == [str(p) for p in paths]
    for path, art in zip(paths, results, strict=True):
        assert dnnd.to_record(art) == dnnd.to_record(dnnd.read(path, source=str(path)))


def test_strings_are_texts_and_paths_are_files(seed_dir):
    path = _seed_paths(seed_dir)[3]
    text = path.read_text(encoding="utf-8")
    from_text, from_path = dnnd.parse_many([text, path], jobs=1)
    assert from_text.source is None and from_path.source == str(path)
    assert from_text.documents == from_path.documents


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_bad_input_yields_its_error_and_the_rest_still_comes(tmp_path, seed_dir, jobs):
    good = _seed_paths(seed_dir)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    items = [good[0], tmp_path / "missing.txt", good[1], empty, "   ", good[2]]
    results = list(dnnd.parse_many(items, jobs=jobs, chunksize=1))
    assert len(results) == len(items)
    kinds = [type(r) for r in results]
    assert kinds[0] is dnnd.Article and kinds[2] is dnnd.Article and kinds[5] is dnnd.Article
    missing, empty_err, blank = results[1], results[3], results[4]
    assert isinstance(missing, InputError) and missing.source == str(tmp_path / "missing.txt")
    assert "no such file" in str(missing)
    assert isinstance(empty_err, EmptyInputError) and empty_err.source == str(empty)
    assert isinstance(blank, EmptyInputError) and blank.source is None


def test_wrong_item_type_is_a_programming_error():
    with pytest.raises(TypeError):
        list(dnnd.parse_many([b"bytes"], jobs=1))


def _boom(x: int) -> int:
    if x == 3:
        raise DnndError("three")
    return x * 2


def test_map_ordered_streams_an_iterator_in_order():
    out = list(map_ordered(_boom, iter(range(50)), jobs=2, chunksize=3))
    assert [o for o in out if not isinstance(o, DnndError)] == [x * 2 for x in range(50) if x != 3]
    assert isinstance(out[3], DnndError) and str(out[3]) == "three"
    assert list(map_ordered(_boom, [], jobs=2)) == []


def test_stopping_early_does_not_hang():
    it = map_ordered(_boom, range(10_000), jobs=2, chunksize=4)
    assert next(it) == 0
    it.close()


def test_cli_jobs_gives_the_same_output_and_errors(tmp_path, seed_dir):
    paths = [str(p) for p in _seed_paths(seed_dir)]
    missing = str(tmp_path / "missing.txt")
    args = [*paths[:2], missing, *paths[2:]]

    def run(*extra):
        return subprocess.run([sys.executable, "-m", "dnnd", "extract", *extra, *args], capture_output=True, text=True)

    one, two = run(), run("--jobs", "2")
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout
    assert [json.loads(line)["source"] for line in two.stdout.splitlines()] == paths
    assert two.stderr.strip().splitlines() == one.stderr.strip().splitlines() == [f"dnnd: {missing}: no such file"]
    bad = subprocess.run([sys.executable, "-m", "dnnd", "extract", "--jobs", "x", paths[0]], capture_output=True, text=True)
    assert bad.returncode == 2

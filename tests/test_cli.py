"""The command line: exit codes, messages, and the contract's record shape."""

import json
import subprocess
import sys

import pytest

from dnnd.cli import main

KEYS = {"source", "title", "published", "documents", "congress_resolutions", "organisations", "people", "events"}


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "dnnd", *args], capture_output=True, text=True, cwd=cwd)


def test_extract_prints_one_contract_record_per_input(seed_dir):
    paths = sorted(str(p) for p in seed_dir.glob("*.txt"))
    out = run("extract", *paths)
    assert out.returncode == 0, out.stderr
    records = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(records) == 5
    assert all(set(r) == KEYS for r in records)
    assert [r["source"] for r in records] == paths


def test_extract_json_array_to_a_file(seed_dir, tmp_path):
    target = tmp_path / "out.json"
    code = main(["extract", "--format", "json", "-o", str(target), str(next(seed_dir.glob("003_*.txt")))])
    assert code == 0
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data[0]["documents"][0]["number"] == "12-CT/TW"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: ((d / "empty.txt").write_bytes(b"") and d / "empty.txt") or d / "empty.txt", "empty"),
        (lambda d: ((d / "junk.bin").write_bytes(bytes(range(256)) * 4) and d / "junk.bin") or d / "junk.bin", "binary"),
        (lambda d: d, "directory"),
    ],
    ids=["missing", "empty", "binary", "directory"],
)
def test_a_bad_input_names_the_file_and_the_rest_still_comes_out(tmp_path, seed_dir, make, message):
    bad = make(tmp_path)
    good = next(seed_dir.glob("004_*.txt"))
    out = run("extract", str(bad), str(good))
    assert out.returncode == 1
    err = out.stderr.strip().splitlines()
    assert len(err) == 1 and str(bad) in err[0] and message in err[0].lower()
    assert "Traceback" not in out.stderr
    assert len(out.stdout.splitlines()) == 1 and json.loads(out.stdout)["source"] == str(good)


def test_bad_usage_exits_2():
    assert run("extract").returncode == 2
    assert run("frobnicate").returncode == 2
    assert run().returncode == 2


def test_report_without_paths_reports_the_seeds_from_any_directory(tmp_path):
    out = run("report", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    text = out.stdout
    for needle in ("12-CT/TW", "04-CT/TW", "VUFO", "Phan Anh Sơn", "Chủ tịch", "2022-07-20", "2022-07-14", "2021-06-04"):
        assert needle in text, needle

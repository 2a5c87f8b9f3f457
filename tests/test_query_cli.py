"""``dnnd query`` and the report's conflicts, from the command line."""

import json
import subprocess
import sys

import pytest

import dnnd
from dnnd.cli import main


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "dnnd", *args], capture_output=True, text=True, cwd=cwd)


QUESTIONS = [
    # (arguments, text every answer must contain, in table form)
    (
        ["events", "--kind", "seminar", "--from", "2022-01-01"],
        ["2022-07-20", "seminar", "Bắc Giang", "003_0ee01d7cb440a5d9.txt"],
    ),
    (["events", "--kind", "seminar", "--from", "2022", "--to", "2022", "--place", "Bắc Giang"], ["2022-07-20"]),
    (["events", "--organiser", "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"], ["2021-06-04", "seminar"]),
    (["events", "--organiser-kind", "friendship_union", "--from", "2022-07", "--to", "2022-07"], ["2022-07-14"]),
    (["documents"], ["12-CT/TW", "04-CT/TW", "05-TT/TU", "directive"]),
    (
        ["documents", "--number", "12-CT/TW"],
        ["000_dbb8df4873b6d839.txt", "001_93a5b40c263f557d.txt", "2022-01-01", "2022-01-05"],
    ),
    (
        ["people", "--organisation", "VUFO"],
        ["Phan Anh Sơn", "Chủ tịch", "Nguyễn Văn Doanh", "Phó Chủ tịch", "2022-07-14"],
    ),
    (["people", "--organisation", "VUFO", "--title", "Chủ tịch"], ["Phan Anh Sơn"]),
    (["people", "--name", "Nguyen Van Doanh"], ["Nguyễn Văn Doanh", "2022-07-20"]),
    (
        ["organisations", "--kind", "friendship_union", "--locality", "Bắc Giang"],
        ["Liên hiệp các tổ chức hữu nghị tỉnh Bắc Giang"],
    ),
    (["relations", "--organisation", "Liên hiệp các tổ chức hữu nghị tỉnh Bắc Giang"], ["member of", "succeeded by", "2025-07-01"]),
    (["relations", "--kind", "member_of", "--organisation", "VUFO"], ["Liên hiệp các tổ chức hữu nghị thành phố Hà Nội", "rule"]),
    (["congresses"], ["13", "national", "2021-2026", "17", "Hà Nội"]),
    (["organisations", "--name", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"], ["Bắc Giang", "Hải Phòng", "Hà Nội"]),
    (
        ["conflicts"],
        ["12-CT/TW date: 2022-01-01 (001_93a5b40c263f557d.txt) vs 2022-01-05 (003_0ee01d7cb440a5d9.txt, registry)"],
    ),
]


@pytest.mark.parametrize(("args", "needles"), QUESTIONS, ids=[" ".join(a) for a, _ in QUESTIONS])
def test_query_answers_in_a_table(args, needles, capsys):
    assert main(["query", *args, "--format", "table"]) == 0
    out = capsys.readouterr().out
    for needle in needles:
        assert needle in out, needle


def test_people_not_in_the_answer_are_left_out(capsys):
    assert main(["query", "people", "--organisation", "VUFO", "--title", "Chủ tịch", "--format", "table"]) == 0
    assert "Nguyễn Văn Doanh" not in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "check"),
    [
        (["events", "--kind", "seminar"], lambda rows: {r["date"] for r in rows} >= {"2022-07-20", "2021-06-04"}),
        (
            ["documents", "--number", "12-CT/TW"],
            lambda rows: rows[0]["number"] == "12-CT/TW" and len(rows[0]["citations"]) == 3,
        ),
        (["people"], lambda rows: all({"id", "name", "positions", "evidence"} <= set(r) for r in rows)),
        (
            ["organisations", "--kind", "friendship_union"],
            lambda rows: all(r["kind"] == "friendship_union" for r in rows),
        ),
        (["conflicts"], lambda rows: any(r["subject"] == "12-CT/TW" and r["field"] == "date" for r in rows)),
    ],
    ids=["events", "documents", "people", "organisations", "conflicts"],
)
def test_query_prints_json_lines_for_programs(args, check):
    out = run("query", *args)  # not a terminal: JSON Lines by default
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert rows and check(rows)


def test_json_lines_answers_rebuild_into_records():
    out = run("query", "conflicts", "--format", "jsonl")
    conflicts = [dnnd.converter.structure(json.loads(line), dnnd.model.Conflict) for line in out.stdout.splitlines()]
    assert any(str(c).startswith("12-CT/TW date") for c in conflicts)


def test_query_paths_and_a_bad_file(tmp_path, seed_dir):
    good = sorted(str(p) for p in seed_dir.glob("*.txt"))
    out = run("query", "documents", "--format", "jsonl", str(tmp_path / "missing.txt"), *good)
    assert out.returncode == 1
    err = out.stderr.strip().splitlines()
    assert len(err) == 1 and "missing.txt" in err[0] and "no such file" in err[0]
    assert "Traceback" not in out.stderr
    assert any(json.loads(line)["number"] == "12-CT/TW" for line in out.stdout.splitlines())


@pytest.mark.parametrize(
    "args",
    [
        ["query"],
        ["query", "frobnicate"],
        ["query", "events", "--from", "yesterday"],
        ["query", "events", "--kind", "party"],
    ],
    ids=["no question", "unknown question", "bad date", "bad kind"],
)
def test_bad_usage_exits_2(args):
    out = run(*args)
    assert out.returncode == 2
    assert "Traceback" not in out.stderr


def test_query_a_saved_corpus(tmp_path):
    path = tmp_path / "kb.jsonl"
    dnnd.Corpus(dnnd.seeds()).save(path)
    out = run("query", "documents", "--number", "04-CT/TW", "--corpus", str(path), "--format", "table")
    assert out.returncode == 0, out.stderr
    assert "004_235bed868508bb29.txt" in out.stdout


def test_query_a_corrupted_corpus_names_the_file(tmp_path):
    path = tmp_path / "kb.json"
    path.write_text('{"format": "dnnd-corpus", "version": 1, "articles": [', encoding="utf-8")
    out = run("query", "conflicts", "--corpus", str(path))
    assert out.returncode == 1
    assert str(path) in out.stderr and "truncated" in out.stderr and "Traceback" not in out.stderr


def test_report_ends_with_the_conflicts_naming_both_articles(tmp_path):
    out = run("report", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    section = out.stdout.split("Conflicts (", 1)[1]
    (line,) = [ln for ln in section.splitlines() if "12-CT/TW date" in ln]
    assert "2022-01-01 (001_93a5b40c263f557d.txt)" in line
    assert "2022-01-05 (003_0ee01d7cb440a5d9.txt, registry)" in line
    assert "05-TT/TU type_word: Thông tư" in section


def test_events_are_the_reported_ones_unless_asked(tmp_path, capsys):
    path = tmp_path / "told.txt"
    path.write_text(
        "Ngày 5/9/2023, Hội tổ chức lễ kỷ niệm. Hội được thành lập ngày 12/3/1999 theo quyết định của tỉnh.\n",
        encoding="utf-8",
    )
    assert main(["query", "events", str(path), "--format", "jsonl"]) == 0
    reported = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [e["date"] for e in reported] == ["2023-09-05"] and all(e["reported"] for e in reported)
    assert main(["query", "events", str(path), "--all", "--format", "jsonl"]) == 0
    everything = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [(e["date"], e["reported"]) for e in everything] == [("1999-03-12", False), ("2023-09-05", True)]
    assert main(["query", "events", str(path), "--mentioned", "--format", "table"]) == 0
    assert "1999-03-12 (mentioned)" in capsys.readouterr().out


def test_query_applies_an_overrides_file(tmp_path, capsys):
    path = tmp_path / "o.toml"
    path.write_text('[[rename]]\norganisation = "VUFO"\nto = "Liên hiệp Hữu nghị"\n', encoding="utf-8")
    assert main(["query", "organisations", "--kind", "friendship_union", "--overrides", str(path), "--format", "table"]) == 0
    assert "Liên hiệp Hữu nghị " in capsys.readouterr().out


def test_a_bad_overrides_file_is_one_clear_line(tmp_path):
    path = tmp_path / "o.toml"
    path.write_text('[[rename]]\norganisation = "Hội hữu nghị Việt Nam - Mông Cổ"\nto = "X"\n', encoding="utf-8")
    proc = run("query", "organisations", "--overrides", str(path))
    assert proc.returncode == 1 and not proc.stdout
    (line,) = proc.stderr.splitlines()
    assert line.startswith("dnnd: ") and str(path) in line and "matches no organisation" in line

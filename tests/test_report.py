"""Reports in three formats, from files, a knowledge base or a saved corpus (no browser needed here)."""

from __future__ import annotations

import html
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import dnnd
from dnnd import report, store
from dnnd.model import Span
from dnnd.report._data import Fact, sentence
from dnnd.report._html import marked_text


@pytest.fixture(scope="module")
def seeds() -> tuple[dnnd.Corpus, dict[str, str]]:
    articles = dnnd.seeds()
    return dnnd.Corpus(articles), {a.source or "": a.text for a in articles}


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "dnnd", *args], capture_output=True, text=True, cwd=cwd)


# ------------------------------------------------------------------ sentences and highlighting

TEXT = "Mở đầu. Chỉ thị 12-CT/TW ngày 5/1/2022 của Ban Bí thư. Hết!\nDòng sau: VUFO tổ chức hội nghị"


@pytest.mark.parametrize(
    ("surface", "before", "after"),
    [
        ("12-CT/TW", "Chỉ thị ", " ngày 5/1/2022 của Ban Bí thư."),
        ("Mở đầu", "", "."),
        ("Hết", "", "!"),
        ("VUFO", "Dòng sau: ", " tổ chức hội nghị"),  # a line end closes a sentence; the text's end too
    ],
)
def test_the_sentence_around_a_span(surface: str, before: str, after: str) -> None:
    start = TEXT.index(surface)
    s = sentence(TEXT, Span(start=start, end=start + len(surface)))
    assert (s.before, s.marked, s.after) == (before, surface, after)


def test_a_long_sentence_is_cut_around_the_span() -> None:
    text = "a " * 1000 + "VUFO" + " b" * 1000
    start = text.index("VUFO")
    s = sentence(text, Span(start=start, end=start + 4))
    assert s.marked == "VUFO" and s.before.startswith("…") and s.after.endswith("…")
    assert len(s.plain) < 450


_TAG = re.compile(r"<[^>]+>")


@given(
    st.text(alphabet='ab <&>"đ\n', min_size=1, max_size=60),
    st.lists(st.tuples(st.integers(0, 60), st.integers(1, 20), st.sampled_from(["person", "event", "document"]))),
)
def test_highlighting_keeps_the_text_and_marks_every_fact(text: str, spans: list[tuple[int, int, str]]) -> None:
    facts = [Fact(start=s, end=min(len(text), s + n), kind=k, label="<x>") for s, n, k in spans if s < len(text)]
    out = marked_text(text, facts)
    assert html.unescape(_TAG.sub("", out)) == text
    inside = [False] * len(text)
    pos = 0
    for part in re.split(r"(<mark[^>]*>.*?</mark>)", out, flags=re.S):
        plain = html.unescape(_TAG.sub("", part))
        if part.startswith("<mark"):
            for i in range(pos, pos + len(plain)):
                inside[i] = True
        pos += len(plain)
    for f in facts:
        assert all(inside[f.start : f.end]), f


# ------------------------------------------------------------------ the formats


def test_markdown_has_every_section(seeds: tuple[dnnd.Corpus, dict[str, str]]) -> None:
    corpus, texts = seeds
    md = report.render(corpus, "md", texts=texts)
    for heading in (
        "## Timeline of reported events",
        "## Network",
        "## Documents and where they are cited",
        "## Party congresses",
        "## Conflicts",
        "## Articles",
    ):
        assert heading in md
    assert "| 2022-07-20 | seminar | Bắc Giang |" in md
    assert "**Chỉ thị số 12-CT/TW**" in md  # the cited words, in their sentence
    rows = [line for line in md.splitlines() if line.startswith("| ")]
    widths = {len(re.findall(r"(?<!\\)\|", line)) for line in rows if "date | kind | place" in line}
    assert widths == {8}


def test_the_html_page_is_self_contained(seeds: tuple[dnnd.Corpus, dict[str, str]]) -> None:
    corpus, texts = seeds
    page = report.render(corpus, "html", texts=texts)
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page)
    assert "<script src" not in page and "<link" not in page
    data = report.collect(corpus, texts)
    assert page.count('<g class="mark ') == len(data.marks) == len(corpus.timeline()) == 7
    assert page.count('<g class="node ') == len(data.nodes)
    assert page.count('<article class="page"') == len(corpus)
    assert page.count('<div class="conflict">') == len(corpus.conflicts())


def test_without_texts_the_pages_say_so(seeds: tuple[dnnd.Corpus, dict[str, str]]) -> None:
    corpus, _ = seeds
    page = report.render(corpus, "html")
    assert page.count("The text is not at hand") == len(corpus)
    assert '<mark class="f' not in page


def test_an_unknown_format_is_refused(seeds: tuple[dnnd.Corpus, dict[str, str]]) -> None:
    with pytest.raises(ValueError, match="text, md, html"):
        report.render(seeds[0], "pdf")


# ------------------------------------------------------------------ the command line


def test_report_a_folder_in_each_format_to_a_file(tmp_path: Path) -> None:
    folder = Path(dnnd.seed_paths()[0]).parent
    for fmt, marker in (("text", "dnnd report: 5 article(s)"), ("md", "# dnnd report"), ("html", "<!DOCTYPE html>")):
        out = tmp_path / f"report.{fmt}"
        done = run("report", "--format", fmt, "-o", str(out), str(folder))
        assert done.returncode == 0, done.stderr
        assert done.stdout == ""
        assert out.read_text(encoding="utf-8").startswith(marker)


def test_report_from_a_knowledge_base_and_from_a_saved_corpus(tmp_path: Path) -> None:
    db = tmp_path / "kb.sqlite"
    store.build(dnnd.seed_paths(), db)
    saved = tmp_path / "kb.jsonl"
    store.load(db).save(saved)
    from_db = run("report", "--format", "html", "--corpus", str(db))
    from_json = run("report", "--format", "html", "--corpus", str(saved))
    assert from_db.returncode == from_json.returncode == 0
    assert "The text is not at hand" not in from_db.stdout
    assert from_json.stdout.count("The text is not at hand") == 5
    assert from_db.stdout.count('<g class="mark ') == from_json.stdout.count('<g class="mark ') == 7
    text = run("report", "--corpus", str(db))
    assert "12-CT/TW date: 2022-01-01 (001_93a5b40c263f557d.txt)" in text.stdout


def test_a_bad_corpus_file_is_one_line_naming_it(tmp_path: Path) -> None:
    bad = tmp_path / "kb.sqlite"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    done = run("report", "--format", "html", "--corpus", str(bad))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.startswith(f"dnnd: {bad}: ") and len(done.stderr.splitlines()) == 1

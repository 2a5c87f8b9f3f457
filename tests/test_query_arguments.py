"""Query arguments: written without diacritics they still find (lookups only), and their length is bounded.

Once "Bac Giang", "chu tich" and an unaccented organiser found nothing
(while "Ha Noi" found Hà Nội), and ``--name "ông " * 16,000`` took 68 s,
``--place "((" * 32,000`` 22 s.
"""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

import dnnd

MAX_QUERY_CHARS = 500  # the documented limit (dnnd.corpus._queries.MAX_QUERY_CHARS)


@pytest.fixture(scope="module")
def corpus() -> dnnd.Corpus:
    return dnnd.Corpus(dnnd.seeds())


QUESTIONS = [
    # (question, with diacritics, without)
    ("events by place", lambda c, q: [e.id for e in c.events(place=q)], "Bắc Giang", "Bac Giang"),
    ("events by organiser (part of a name)", lambda c, q: [e.id for e in c.events(organiser=q)], "Liên hiệp các tổ chức hữu nghị", "lien hiep cac to chuc huu nghi"),
    ("people by title", lambda c, q: [p.id for p in c.people(title=q)], "Chủ tịch", "chu tich"),
    ("people by organisation and title", lambda c, q: [p.id for p in c.people(organisation="VUFO", title=q)], "Chủ tịch", "Chu tich"),
    ("holders", lambda c, q: [h.person for h in c.holders("VUFO", q)], "Phó Chủ tịch", "pho chu tich"),
    ("organisations by locality", lambda c, q: [o.id for o in c.organisations(locality=q)], "Bắc Giang", "bac giang"),
    ("a person", lambda c, q: c.person(q).id, "Nguyễn Văn Doanh", "Nguyen Van Doanh"),
    ("an organisation", lambda c, q: c.organisation(q).id, "Liên hiệp các tổ chức hữu nghị Việt Nam", "Lien hiep cac to chuc huu nghi Viet Nam"),
]


@pytest.mark.parametrize(("what", "ask", "accented", "plain"), QUESTIONS, ids=[q[0] for q in QUESTIONS])
def test_a_query_without_diacritics_finds_the_same(corpus, what, ask, accented, plain):
    answer = ask(corpus, accented)
    assert answer, what
    assert ask(corpus, plain) == answer


def test_diacritics_written_in_a_query_still_count(corpus):
    assert corpus.events(place="Bắc Giang")
    assert not corpus.events(place="Bắc Giáng")  # a different name: no folding when tones are written


LONG = {"name": "ông " * 16_000, "place": "((" * 32_000}


@pytest.mark.parametrize(
    "ask",
    [
        lambda c: c.person(LONG["name"]),
        lambda c: c.events(place=LONG["place"]),
        lambda c: c.events(organiser=LONG["name"]),
        lambda c: c.people(title=LONG["name"]),
        lambda c: c.holders(LONG["name"]),
        lambda c: c.organisations(locality=LONG["place"]),
        lambda c: c.organisation(LONG["place"]),
        lambda c: c.document(LONG["place"]),
    ],
)
def test_an_overlong_query_is_refused_at_once(corpus, ask):
    t0 = time.perf_counter()
    with pytest.raises(ValueError, match=f"longer than any name \\(at most {MAX_QUERY_CHARS:,}\\)"):
        ask(corpus)
    assert time.perf_counter() - t0 < 5


def test_the_limit_is_the_documented_one():
    from dnnd.corpus import _queries

    assert _queries.MAX_QUERY_CHARS == MAX_QUERY_CHARS


def test_a_query_at_the_limit_is_answered(corpus):
    assert corpus.person("ông " * (MAX_QUERY_CHARS // 4)) is None
    assert corpus.events(place="((" * (MAX_QUERY_CHARS // 2)) == []


@pytest.mark.parametrize("option", ["--name", "--title", "--organisation"])
def test_the_cli_refuses_an_overlong_argument_as_bad_usage(option):
    proc = subprocess.run(
        [sys.executable, "-m", "dnnd", "query", "people", option, "ông " * 16_000], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 2
    assert "longer than any name" in proc.stderr and "Traceback" not in proc.stderr

"""Build a large corpus and time it: build, questions (first call and again), save and load.

    PYTHONPATH=src python benchmarks/corpus_scale.py 100000            # varied articles (corpus_gen.py)
    PYTHONPATH=src python benchmarks/corpus_scale.py 100000 --repeat   # copies of the seeds and dev articles

The default corpus has a real archive's variety: every article brings new
people and a new body, and names the standing bodies of one province (see
``corpus_gen.py``). ``--repeat`` recombines the five seeds and the dev
articles (when present), which stresses merging instead: few entities,
very many repeats. Every question is asked twice: the first call builds
what it needs, the second reads it. Peak RSS is the process's maximum
resident memory.
"""

from __future__ import annotations

import argparse
import datetime
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import dnnd
from dnnd.corpus import ArticleSummary

DEV = (
    Path(os.environ.get("DNND_DEV_DIR") or Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "dev")
    / "texts"
)


def rss_mb() -> float:
    """Peak resident memory of this process image (VmHWM: unlike ru_maxrss, not inherited from the parent)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def repeated(n: int) -> list[ArticleSummary]:
    base = list(dnnd.Corpus(dnnd.seeds()).articles)
    if DEV.is_dir():
        base += dnnd.Corpus.from_paths(sorted(DEV.glob("*.txt"))).articles
    raw = [dnnd.converter.unstructure(a) for a in base]
    out = []
    for i in range(n):
        d = dict(raw[i % len(raw)])
        d["source"] = f"a{i:07d}.txt"
        out.append(dnnd.converter.structure(d, ArticleSummary))
    return out


def varied(n: int) -> list[ArticleSummary]:
    from corpus_gen import articles

    return list(articles(n))


def questions(corpus: dnnd.Corpus, sample: ArticleSummary) -> dict[str, Callable[[], Any]]:
    someone = sample.people[0].name
    association = next(o.name for o in sample.organisations if o.name.startswith("Hội hữu nghị"))
    union = next(o.name for o in sample.organisations if o.name.startswith("Liên hiệp các tổ chức hữu nghị t"))
    return {
        "citations of 12-CT/TW": lambda: corpus.citations("12-CT/TW"),
        "seminars in 2022 in Bắc Giang": lambda: corpus.events(
            kind="seminar", start=datetime.date(2022, 1, 1), end=datetime.date(2022, 12, 31), place="Bắc Giang"
        ),
        "the timeline of January 2024": lambda: corpus.events(start="2024-01", end="2024-01"),
        "holders of VUFO's chair": lambda: corpus.holders("VUFO", "Chủ tịch"),
        "VUFO's chair on 2024-01-01": lambda: corpus.holders("VUFO", "Chủ tịch", on="2024-01-01"),
        "friendship unions in Bắc Giang": lambda: corpus.organisations(kind="friendship_union", locality="Bắc Giang"),
        f"organisation {association!r}": lambda: [corpus.organisation(association)],
        f"succession in {union!r}": lambda: corpus.succession(union),
        f"relations of {union!r}": lambda: corpus.relations(union),
        f"people called {someone!r}": lambda: corpus.people(name=someone),
        f"career of {someone!r} (first of them)": lambda: corpus.career(someone, locality=sample.organisations[0].locality),
        "people with the title Trưởng ban": lambda: corpus.people(title="Trưởng ban"),
        "why two associations differ": lambda: [corpus.why(association, "Hội hữu nghị Việt Nam - Lào tỉnh Thanh Hóa")],
        "conflicts": corpus.conflicts,
    }


def main(n: int, *, repeat: bool) -> None:
    t = time.perf_counter()
    arts = repeated(n) if repeat else varied(n)
    what = "copies of the seed and dev articles" if repeat else "varied articles (corpus_gen.py)"
    print(f"{n} {what}: made in {time.perf_counter() - t:.1f} s, peak RSS {rss_mb():.0f} MB", flush=True)
    sample = arts[len(arts) // 2]
    t, c = time.perf_counter(), time.process_time()
    corpus = dnnd.Corpus(arts)
    del arts
    print(
        f"build: {time.perf_counter() - t:.1f} s (CPU {time.process_time() - c:.1f} s), peak RSS {rss_mb():.0f} MB",
        flush=True,
    )
    print(f"  {corpus!r}", flush=True)
    for name, ask in questions(corpus, sample).items():
        t, c = time.perf_counter(), time.process_time()
        answer = ask()
        first, first_cpu = time.perf_counter() - t, time.process_time() - c
        t = time.perf_counter()
        ask()
        again = time.perf_counter() - t
        print(
            f"{name}: first {first * 1000:.1f} ms (CPU {first_cpu * 1000:.1f} ms), again {again * 1000:.2f} ms, "
            f"{len(answer)} answers",
            flush=True,
        )
    del ask, answer  # the last question's closure holds the corpus
    print(f"after the questions: peak RSS {rss_mb():.0f} MB", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        for suffix in (".jsonl", ".json"):
            path = Path(tmp) / f"kb{suffix}"
            t, c = time.perf_counter(), time.process_time()
            corpus.save(path)
            print(
                f"save {suffix}: {time.perf_counter() - t:.1f} s (CPU {time.process_time() - c:.1f} s), "
                f"{path.stat().st_size / 1e6:.0f} MB",
                flush=True,
            )
        size = len(corpus)
        for suffix in (".jsonl", ".json"):  # each in a fresh process: its own time and peak memory
            subprocess.run([sys.executable, __file__, "--load", str(Path(tmp) / f"kb{suffix}"), str(size)], check=True)


def load(path: str, size: int) -> None:
    t, c = time.perf_counter(), time.process_time()
    loaded = dnnd.Corpus.load(path)
    print(
        f"load {Path(path).suffix} (a fresh process): {time.perf_counter() - t:.1f} s "
        f"(CPU {time.process_time() - c:.1f} s), peak RSS {rss_mb():.0f} MB",
        flush=True,
    )
    assert len(loaded) == size


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, nargs="?", default=10_000)
    ap.add_argument("--repeat", action="store_true", help="copies of the seeds and dev articles instead of varied ones")
    ap.add_argument("--load", nargs=2, metavar=("FILE", "N"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.load:
        load(args.load[0], int(args.load[1]))
    else:
        main(args.n, repeat=args.repeat)

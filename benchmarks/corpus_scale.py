"""Build a large corpus from copies of the seeds (and the dev corpus, when present) and time it.

    PYTHONPATH=src python benchmarks/corpus_scale.py 100000

Each copy is structured afresh from JSON (its own objects, as after a load),
so memory is realistic for repeated names; timings: structure, build,
prepare, a few questions (first call and cached), conflicts, save and load.
"""

import datetime
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

import dnnd
from dnnd.corpus import ArticleSummary

DEV = (
    Path(os.environ.get("DNND_DEV_DIR") or Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "dev")
    / "texts"
)


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(n: int) -> None:
    base = list(dnnd.Corpus(dnnd.seeds()).articles)
    if DEV.is_dir():
        base += dnnd.Corpus.from_paths(sorted(DEV.glob("*.txt"))).articles
    raw = [dnnd.converter.unstructure(a) for a in base]
    t = time.perf_counter()
    arts = []
    for i in range(n):
        d = dict(raw[i % len(raw)])
        d["source"] = f"a{i:07d}.txt"
        arts.append(dnnd.converter.structure(d, ArticleSummary))
    print(f"{len(base)} distinct articles; structure {n}: {time.perf_counter() - t:.1f} s, peak RSS {rss_mb():.0f} MB")
    t = time.perf_counter()
    corpus = dnnd.Corpus(arts)
    del arts
    print(f"build: {time.perf_counter() - t:.1f} s, peak RSS {rss_mb():.0f} MB")
    t = time.perf_counter()
    corpus.prepare()
    print(f"prepare: {time.perf_counter() - t:.1f} s, peak RSS {rss_mb():.0f} MB")
    questions = {
        "citations 12-CT/TW": lambda: corpus.citations("12-CT/TW"),
        "seminars 2022 in Bắc Giang": lambda: corpus.events(
            kind="seminar", start=datetime.date(2022, 1, 1), end=datetime.date(2022, 12, 31), place="Bắc Giang"
        ),
        "holders of VUFO": lambda: corpus.holders("VUFO", "Chủ tịch"),
        "friendship unions in Bắc Giang": lambda: corpus.organisations(kind="friendship_union", locality="Bắc Giang"),
        "positions of Nguyễn Văn Doanh": lambda: corpus.positions_of("Nguyễn Văn Doanh"),
        "conflicts": corpus.conflicts,
    }
    for name, ask in questions.items():
        t = time.perf_counter()
        answer = ask()
        first = time.perf_counter() - t
        t = time.perf_counter()
        ask()
        again = time.perf_counter() - t
        print(f"{name}: {first * 1000:.2f} ms, again {again * 1000:.2f} ms, {len(answer)} answers")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "kb.jsonl"
        t = time.perf_counter()
        corpus.save(path)
        print(f"save: {time.perf_counter() - t:.1f} s, {path.stat().st_size / 1e6:.0f} MB")
        corpus = dnnd.Corpus()  # let the built one go before loading
        t = time.perf_counter()
        dnnd.Corpus.load(path)
        print(f"load: {time.perf_counter() - t:.1f} s, peak RSS {rss_mb():.0f} MB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)

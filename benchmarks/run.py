"""dnnd benchmarks: throughput, scaling, parallel speed-up, regex safety, corpus.

    PYTHONPATH=src python benchmarks/run.py                 # everything (about 12 minutes)
    PYTHONPATH=src python benchmarks/run.py --quick         # smaller inputs, under a minute
    PYTHONPATH=src python benchmarks/run.py --only parse,jobs --json results.json

Every section runs in a fresh Python process, so its peak RSS
(``resource.getrusage``) is its own. Inputs come from
``benchmarks/generate.py`` (deterministic recombinations of real articles).
Timings are the best of a few repetitions, after a warm-up parse (which
loads the registry and compiles the patterns once per process).

Sections:

``machine``      CPU model, cores, Python, dnnd version
``parse``        ``dnnd.parse`` on one core over N generated articles
``scaling``      one article of 10 k, 100 k and 1 M characters (cost linear in size?)
``underthesea``  ``underthesea.word_tokenize`` on the same texts, when installed, and the ratio:
                 generated articles, then the real corpora in two groups (seeds+dev:
                 long and mixed; dev2+unlabelled: short news), both tools run in
                 turn, best CPU time of ``--real-repeat`` runs; per-article fixed cost
``jobs``         ``dnnd.parse_many(jobs=1)`` vs ``jobs=2`` and ``dnnd extract --jobs`` on files
``adversarial``  1 MB hostile inputs vs 1 MB of ordinary text (ratio of times)
``corpus``       building a ``dnnd.Corpus`` of 1k/10k/100k articles and a dozen queries
                 (skipped with a message while ``dnnd.Corpus`` does not exist)
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402

SECTIONS = ["machine", "parse", "scaling", "underthesea", "jobs", "adversarial", "corpus"]


# ------------------------------------------------------------------ helpers


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def children_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def best_of(fn: Callable[[], Any], repeat: int) -> float:
    """The best wall-clock time of *repeat* runs (see also :func:`cpu_of`)."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def cpu_of(fn: Callable[[], Any], repeat: int) -> float:
    """The best CPU time of this process over *repeat* runs.

    On a shared machine other processes stretch the wall clock; the CPU time
    a single-threaded run uses is much steadier.
    """
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        fn()
        best = min(best, time.process_time() - t0)
    return best


def total_cpu() -> float:
    """CPU seconds of this process and its finished children."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def load() -> float:
    return os.getloadavg()[0]


def texts(n: int) -> list[str]:
    return [t for _, t in generate.articles(n)]


def warm() -> None:
    import dnnd

    for t in texts(5):
        dnnd.parse(t)


# ------------------------------------------------------------------ sections


def s_machine(_: argparse.Namespace) -> dict[str, Any]:
    import dnnd

    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count()
    pool = generate.load_pool()
    return {
        "cpu": model,
        "cores": os.cpu_count(),
        "usable_cores": usable,
        "memory_gb": mem,
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "dnnd": dnnd.__version__,
        "source_articles": pool.sources,
        "source_paragraphs": len(pool.bodies),
    }


def s_parse(args: argparse.Namespace) -> dict[str, Any]:
    import dnnd

    warm()
    docs = texts(args.articles)
    chars = sum(map(len, docs))
    rss_before = peak_rss_mb()

    def run() -> None:
        for t in docs:
            dnnd.parse(t)

    load_before = load()
    dt = best_of(run, args.repeat)
    cpu = cpu_of(run, args.repeat)
    # memory of one parse of the largest article, measured by tracemalloc
    import tracemalloc

    biggest = max(docs, key=len)
    tracemalloc.start()
    dnnd.parse(biggest)
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "articles": len(docs),
        "chars": chars,
        "seconds": dt,
        "chars_per_s": chars / dt,
        "articles_per_s": len(docs) / dt,
        "ms_per_article": 1000 * dt / len(docs),
        "cpu_seconds": cpu,
        "chars_per_cpu_s": chars / cpu,
        "articles_per_cpu_s": len(docs) / cpu,
        "load_average": load_before,
        "peak_rss_mb": peak_rss_mb(),
        "rss_before_parsing_mb": rss_before,
        "largest_article_chars": len(biggest),
        "largest_article_traced_peak_mb": traced_peak / 2**20,
    }


def s_scaling(args: argparse.Namespace) -> dict[str, Any]:
    import dnnd

    warm()
    pool = generate.load_pool()
    sizes = [10_000, 100_000, 1_000_000] if not args.quick else [10_000, 100_000, 300_000]
    rows = []
    for size in sizes:
        text = generate.long_article(size, pool=pool)
        reps = max(1, args.repeat if size <= 100_000 else 2)
        dt = best_of(lambda text=text: dnnd.parse(text), reps)
        cpu = cpu_of(lambda text=text: dnnd.parse(text), reps)
        rows.append({"chars": len(text), "seconds": dt, "chars_per_s": len(text) / dt, "chars_per_cpu_s": len(text) / cpu})
    return {"sizes": rows, "peak_rss_mb": peak_rss_mb()}


#: the real article groups compared with underthesea: long and mixed articles
#: (seeds and dev), short ones (dev2 and the unlabelled corpus)
REAL_GROUPS: dict[str, tuple[str, ...]] = {
    "seeds+dev": ("seeds", "dev"),
    "dev2+unlabelled": ("dev2", "unlabelled"),
}


def corpus_root(arg: Path | None) -> Path | None:
    """The folder of real corpora (``--corpus-dir``, else ``../shared/corpus`` next to the project)."""
    candidates = [arg] if arg else [HERE.parents[1] / "shared" / "corpus", HERE.parents[2] / "shared" / "corpus"]
    for c in candidates:
        if c is not None and c.is_dir():
            return c
    return None


def real_texts(root: Path, names: tuple[str, ...]) -> list[str]:
    out: list[str] = []
    for name in names:
        out += [p.read_text(encoding="utf-8") for p in sorted((root / name / "texts").glob("*.txt"))]
    return out


def interleaved(fns: dict[str, Callable[[], Any]], repeat: int) -> dict[str, dict[str, float]]:
    """Best CPU and wall time of each function, the functions run in turn *repeat* times.

    Running them in turn (A B A B ...) rather than one after the other
    (A A A B B B) exposes both to the same moments of a shared machine.
    """
    best = {k: {"cpu": float("inf"), "wall": float("inf")} for k in fns}
    for _ in range(repeat):
        for name, fn in fns.items():
            c0, w0 = time.process_time(), time.perf_counter()
            fn()
            c1, w1 = time.process_time(), time.perf_counter()
            best[name]["cpu"] = min(best[name]["cpu"], c1 - c0)
            best[name]["wall"] = min(best[name]["wall"], w1 - w0)
    return best


def fixed_cost(parse: Callable[[str], Any], docs: list[str], repeat: int) -> dict[str, float]:
    """Per-article fixed cost: the intercept of CPU time against length.

    Each article's best CPU time over *repeat* parses, fitted by least
    squares to ``a + b * chars``: ``a`` is what an article costs whatever
    its length, ``1 / b`` the rate on the rest.
    """
    xs, ys = [], []
    for t in docs:
        best = float("inf")
        for _ in range(repeat):
            c0 = time.process_time()
            parse(t)
            best = min(best, time.process_time() - c0)
        xs.append(len(t))
        ys.append(best)
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    b = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sxx if sxx else 0.0
    a = my - b * mx
    return {"fixed_ms": 1000 * a, "chars_per_cpu_s_beyond_fixed": 1 / b if b else float("inf"), "mean_ms": 1000 * my}


def s_underthesea(args: argparse.Namespace) -> dict[str, Any]:
    try:
        import underthesea  # type: ignore[import-not-found]
    except ImportError:
        return {"skipped": "underthesea is not installed (pip install underthesea to compare)"}
    import dnnd

    warm()
    underthesea.word_tokenize(texts(1)[0])  # warm-up: loads its model

    def compare(docs: list[str], repeat: int) -> dict[str, Any]:
        chars = sum(map(len, docs))

        def tok() -> None:
            for t in docs:
                underthesea.word_tokenize(t)

        def parse() -> None:
            for t in docs:
                dnnd.parse(t)

        best = interleaved({"tok": tok, "dnnd": parse}, repeat)
        c_tok, c_dnnd = best["tok"]["cpu"], best["dnnd"]["cpu"]
        t_tok, t_dnnd = best["tok"]["wall"], best["dnnd"]["wall"]
        return {
            "articles": len(docs),
            "chars": chars,
            "word_tokenize_chars_per_cpu_s": chars / c_tok,
            "word_tokenize_articles_per_cpu_s": len(docs) / c_tok,
            "dnnd_parse_chars_per_cpu_s": chars / c_dnnd,
            "dnnd_parse_articles_per_cpu_s": len(docs) / c_dnnd,
            "dnnd_parse_ms_per_article": 1000 * c_dnnd / len(docs),
            "cpu_ratio_dnnd_over_tokenizer": c_tok / c_dnnd,
            "word_tokenize_chars_per_s": chars / t_tok,
            "dnnd_parse_chars_per_s": chars / t_dnnd,
            "ratio_dnnd_over_tokenizer": t_tok / t_dnnd,
        }

    out: dict[str, Any] = {"underthesea": getattr(underthesea, "__version__", "?"), "load_average_start": load()}
    out["generated"] = compare(texts(args.compare_articles), max(1, min(args.repeat, 3)))
    root = corpus_root(args.corpus_dir)
    groups: dict[str, Any] = {}
    if root is None:
        out["real_skipped"] = "no corpus folder (../shared/corpus or --corpus-dir): real articles not compared"
    else:
        for label, names in REAL_GROUPS.items():
            docs = real_texts(root, names)
            if not docs:
                continue
            groups[label] = compare(docs, args.real_repeat)
            groups[label]["fixed"] = fixed_cost(dnnd.parse, docs, max(3, args.real_repeat // 2))
    out["real"] = groups
    out["load_average"] = load()
    out["peak_rss_mb"] = peak_rss_mb()
    return out


def s_jobs(args: argparse.Namespace) -> dict[str, Any]:
    import dnnd

    warm()
    n = args.jobs_articles
    out: dict[str, Any] = {"articles": n}
    with tempfile.TemporaryDirectory(prefix="dnnd-bench-") as tmp:
        paths = generate.write(n, Path(tmp))
        chars = sum(len(p.read_text(encoding="utf-8")) for p in paths)
        out["chars"] = chars
        timings: dict[int, float] = {}
        cpu: dict[int, float] = {}
        for jobs in (1, 2):
            def run(jobs: int = jobs) -> None:
                for result in dnnd.parse_many(paths, jobs=jobs):
                    assert not isinstance(result, dnnd.DnndError), result

            timings[jobs] = best_of(run, max(1, min(args.repeat, 2)))
            c0 = total_cpu()
            run()
            cpu[jobs] = total_cpu() - c0
            out[f"parse_many_jobs{jobs}_cpu_s"] = cpu[jobs]
            out[f"parse_many_jobs{jobs}_s"] = timings[jobs]
            out[f"parse_many_jobs{jobs}_articles_per_s"] = n / timings[jobs]
            out[f"parse_many_jobs{jobs}_chars_per_s"] = chars / timings[jobs]
        out["parse_many_speedup"] = timings[1] / timings[2]
        # the work two processes do for what one does alone: on two idle cores
        # the speed-up is about 2 x this efficiency
        out["parallel_efficiency"] = cpu[1] / cpu[2]
        # control: how much parallelism does the machine give right now? Two
        # independent one-process parses of half the files, alone and together.
        half = [str(p) for p in paths[: n // 2]]
        code = "import sys, dnnd\nfor p in sys.argv[1:]: dnnd.read(p)"
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", code, *half], check=True)
        alone = time.perf_counter() - t0
        t0 = time.perf_counter()
        procs = [subprocess.Popen([sys.executable, "-c", code, *half]) for _ in range(2)]
        for proc in procs:
            proc.wait()
        together = time.perf_counter() - t0
        out["control_machine_speedup"] = 2 * alone / together
        cli: dict[int, float] = {}
        for jobs in (1, 2):
            cmd = [sys.executable, "-m", "dnnd", "extract", "--jobs", str(jobs), *map(str, paths)]
            t0 = time.perf_counter()
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env={**os.environ})
            cli[jobs] = time.perf_counter() - t0
            out[f"cli_jobs{jobs}_s"] = cli[jobs]
            out[f"cli_jobs{jobs}_articles_per_s"] = n / cli[jobs]
        out["cli_speedup"] = cli[1] / cli[2]
    out["load_average"] = load()
    out["peak_rss_mb"] = peak_rss_mb()
    out["children_peak_rss_mb"] = children_rss_mb()
    return out


#: 1 MB inputs built to trip backtracking regexes (the issue's list, and a few more)
ADVERSARIAL: dict[str, Callable[[int], str]] = {
    "Chỉ thị x N": lambda n: _fill("Chỉ thị ", n),
    "Nguyễn Văn x N": lambda n: _fill("Nguyễn Văn ", n),
    "Hội hữu nghị Việt Nam - x N": lambda n: _fill("Hội hữu nghị Việt Nam - ", n),
    "digit-slash run 1/2/3/...": lambda n: _fill("".join(f"{i % 10}/" for i in range(1000)), n),
    "one line, no spaces": lambda n: _fill("ĐạihộiXIIIChỉthị12-CT/TWNguyễnVănDoanh", n),
    "Liên hiệp các tổ chức hữu nghị x N": lambda n: _fill("Liên hiệp các tổ chức hữu nghị ", n),
    "Ủy ban MTTQ tỉnh x N": lambda n: _fill("Ủy ban MTTQ tỉnh ", n),
    "ngày 1 tháng 1 năm x N": lambda n: _fill("ngày 1 tháng 1 năm ", n),
    "Phó Chủ tịch x N": lambda n: _fill("Phó Chủ tịch ", n),
    "Sáng 14/7, tại x N": lambda n: _fill("Sáng 14/7, tại ", n),
    "Đại hội lần thứ x N": lambda n: _fill("Đại hội lần thứ ", n),
    "spaces, one line": lambda n: HEADLINE + "Chỉ thị" + " " * (n - 15 - len(HEADLINE)) + "12-CT/TW",
    "capitalised words x N": lambda n: _fill("Hà Nội Bắc Giang Quảng Nam ", n),
    "12-CT/TW x N": lambda n: _fill("12-CT/TW ", n),
    "events in one sentence x N": lambda n: _fill("ngày 14/7 hội nghị tại Hà Nội do Sở Ngoại vụ tổ chức, ", n),
    "people and titles x N": lambda n: _fill("ông Nguyễn Văn Doanh, Phó Chủ tịch Liên hiệp các tổ chức hữu nghị Việt Nam, ", n),
}


#: hostile text goes in the body, under an ordinary headline (a first line
#: alone would be the article's title, which finders do not mine)
HEADLINE = "Liên hiệp các tổ chức hữu nghị tỉnh Bắc Giang tổ chức hội nghị tổng kết\n\n"


def _fill(unit: str, n: int) -> str:
    body = n - len(HEADLINE)
    return HEADLINE + (unit * (body // len(unit) + 1))[:body]


def s_adversarial(args: argparse.Namespace) -> dict[str, Any]:
    import dnnd

    warm()
    size = 1_000_000 if not args.quick else 200_000
    ordinary = generate.long_article(size)
    # CPU time: a ratio of two runs that other processes cannot skew much
    base = cpu_of(lambda: dnnd.parse(ordinary), 2)
    rows = []
    for name, make in ADVERSARIAL.items():
        text = make(size)
        try:
            dt = cpu_of(lambda text=text: dnnd.parse(text), 1)
            rows.append({"input": name, "seconds": dt, "ratio": dt / base})
        except dnnd.DnndError as err:
            rows.append({"input": name, "error": str(err)})
    return {"chars": size, "ordinary_seconds": base, "inputs": rows, "peak_rss_mb": peak_rss_mb()}


# ------------------------------------------------------------------ corpus


def corpus_available() -> bool:
    import dnnd

    return hasattr(dnnd, "Corpus")


def s_corpus(args: argparse.Namespace) -> dict[str, Any]:
    """Build corpora of growing size and time typical queries on the largest.

    Written against the Corpus API of issue 5 (``Corpus()``, ``add``, and
    the query methods below); enabled as soon as ``dnnd.Corpus`` exists.
    """
    import dnnd

    if not corpus_available():
        return {"skipped": "dnnd.Corpus is not on this branch yet (issue 5); corpus benchmarks skipped"}
    sizes = [int(s) for s in args.corpus_sizes.split(",")]
    pool = generate.load_pool()
    out: dict[str, Any] = {"builds": []}
    corpus = None
    for size in sizes:
        corpus = dnnd.Corpus()
        t_parse = t_add = 0.0
        t0 = time.perf_counter()
        stream = dnnd.parse_many((t for _, t in generate.articles(size, pool=pool)), jobs=args.corpus_jobs)
        while True:
            t1 = time.perf_counter()
            art = next(stream, None)
            t2 = time.perf_counter()
            if art is None:
                break
            t_parse += t2 - t1
            corpus.add(art)
            t_add += time.perf_counter() - t2
        total = time.perf_counter() - t0
        out["builds"].append(
            {
                "articles": size,
                "seconds": total,
                "articles_per_s": size / total,
                "add_seconds": t_add,
                "add_articles_per_s": size / t_add if t_add else None,
                "waiting_for_parse_seconds": t_parse,
                "peak_rss_mb": peak_rss_mb(),
            }
        )
    assert corpus is not None
    queries: dict[str, Callable[[], Any]] = {
        "document by number": lambda: corpus.documents(number="12-CT/TW"),
        "documents of a kind": lambda: corpus.documents(kind="directive"),
        "citations of a document": lambda: corpus.citations("12-CT/TW"),
        "organisation by name": lambda: corpus.organisation("Liên hiệp các tổ chức hữu nghị Việt Nam"),
        "friendship unions of a province": lambda: corpus.organisations(kind="friendship_union", locality="Bắc Giang"),
        "person by name": lambda: corpus.person("Nguyễn Văn Doanh"),
        "people with a title": lambda: corpus.people(title="Chủ tịch"),
        "holders of an organisation": lambda: corpus.holders("Liên hiệp các tổ chức hữu nghị Việt Nam"),
        "events of a kind in a year": lambda: corpus.events(kind="conference", start="2022", end="2022"),
        "events in a place": lambda: corpus.events(place="Hà Nội"),
        "events by organiser": lambda: corpus.events(organiser="Liên hiệp các tổ chức hữu nghị tỉnh Bắc Giang"),
        "conflicts": lambda: corpus.conflicts(),
    }
    rows = []
    for name, q in queries.items():
        try:
            first = best_of(q, 1)
            again = best_of(q, 5)
            result = q()
            count = len(result) if isinstance(result, list | tuple) else int(result is not None)
            rows.append({"query": name, "first_ms": first * 1000, "repeat_ms": again * 1000, "results": count})
        except Exception as err:  # the API may differ: report, do not stop
            rows.append({"query": name, "error": f"{type(err).__name__}: {err}"})
    out["queries_on"] = sizes[-1]
    out["queries"] = rows
    return out


FUNCS: dict[str, Callable[[argparse.Namespace], dict[str, Any]]] = {
    "machine": s_machine,
    "parse": s_parse,
    "scaling": s_scaling,
    "underthesea": s_underthesea,
    "jobs": s_jobs,
    "adversarial": s_adversarial,
    "corpus": s_corpus,
}


# ------------------------------------------------------------------ report


def report(name: str, r: dict[str, Any]) -> None:
    def p(text: str = "") -> None:
        print(text, flush=True)

    if "skipped" in r:
        p(f"[{name}] skipped: {r['skipped']}")
        return
    if name == "machine":
        p(f"[machine] {r['cpu']}, {r['cores']} cores ({r['usable_cores']} usable), {r['memory_gb']} GB; "
          f"{r['implementation']} {r['python']}; dnnd {r['dnnd']}; {r['platform']}")
        p(f"          corpus generated from {r['source_articles']} articles, {r['source_paragraphs']} body paragraphs")
    elif name == "parse":
        p(f"[parse] dnnd.parse, one core: {r['articles']} articles, {r['chars']:,} chars in {r['seconds']:.2f} s")
        p(f"        CPU time: {r['chars_per_cpu_s']:,.0f} chars per CPU-second, {r['articles_per_cpu_s']:,.0f} articles per CPU-second "
          f"(load average {r['load_average']:.1f})")
        p(f"        wall clock: {r['chars_per_s']:,.0f} chars/s, {r['articles_per_s']:,.0f} articles/s, {r['ms_per_article']:.2f} ms/article; "
          f"peak RSS {r['peak_rss_mb']:.0f} MB (of which {r['rss_before_parsing_mb']:.0f} MB before parsing); "
          f"one {r['largest_article_chars']:,}-char article peaks at {r['largest_article_traced_peak_mb']:.1f} MB (tracemalloc)")
    elif name == "scaling":
        rates = [row["chars_per_s"] for row in r["sizes"]]
        for row in r["sizes"]:
            p(f"[scaling] one article of {row['chars']:>9,} chars: {row['seconds'] * 1000:8.1f} ms, {row['chars_per_s']:,.0f} chars/s "
              f"({row['chars_per_cpu_s']:,.0f} per CPU-second)")
        cpu_rates = [row["chars_per_cpu_s"] for row in r["sizes"]]
        p(f"[scaling] slowest/fastest rate {min(cpu_rates) / max(cpu_rates):.2f} in CPU time, {min(rates) / max(rates):.2f} wall "
          f"(1.00 = perfectly linear); peak RSS {r['peak_rss_mb']:.0f} MB")
    elif name == "underthesea":
        p(f"[underthesea {r['underthesea']}] word_tokenize vs dnnd.parse on the same texts, in turn, best of several runs "
          f"(load average {r['load_average_start']:.1f} -> {r['load_average']:.1f})")
        rows = [("generated", r["generated"]), *r.get("real", {}).items()]
        for label, g in rows:
            p(f"  {label:<16} {g['articles']:>4} articles, {g['chars']:>9,} chars: "
              f"word_tokenize {g['word_tokenize_chars_per_cpu_s']:>9,.0f} chars/CPU-s; "
              f"dnnd.parse {g['dnnd_parse_chars_per_cpu_s']:>9,.0f} chars/CPU-s, {g['dnnd_parse_articles_per_cpu_s']:,.0f} articles/CPU-s "
              f"-> {g['cpu_ratio_dnnd_over_tokenizer']:.2f}x in CPU time ({g['ratio_dnnd_over_tokenizer']:.2f}x wall)")
            if "fixed" in g:
                f = g["fixed"]
                p(f"  {'':<16} dnnd.parse per article: {f['mean_ms']:.2f} ms on average, of which about {f['fixed_ms']:.2f} ms fixed "
                  f"(intercept of CPU time against length; {f['chars_per_cpu_s_beyond_fixed']:,.0f} chars/CPU-s beyond it)")
        if "real_skipped" in r:
            p(f"  {r['real_skipped']}")
    elif name == "jobs":
        p(f"[jobs] {r['articles']} files, {r['chars']:,} chars")
        p(f"       parse_many jobs=1: {r['parse_many_jobs1_s']:.2f} s ({r['parse_many_jobs1_articles_per_s']:,.0f} articles/s); "
          f"jobs=2: {r['parse_many_jobs2_s']:.2f} s ({r['parse_many_jobs2_articles_per_s']:,.0f} articles/s) -> {r['parse_many_speedup']:.2f}x")
        p(f"       control: two independent dnnd processes together do {r['control_machine_speedup']:.2f}x the work of one "
          f"in the same time (2.00 = two free cores); parse_many jobs=2 reached "
          f"{r['parse_many_speedup'] / r['control_machine_speedup']:.0%} of that")
        p(f"       CPU seconds, all processes: jobs=1 {r['parse_many_jobs1_cpu_s']:.2f}, jobs=2 {r['parse_many_jobs2_cpu_s']:.2f} "
          f"-> parallel efficiency {r['parallel_efficiency']:.2f} (on two idle cores, speed-up about {2 * r['parallel_efficiency']:.2f}x)")
        p(f"       dnnd extract --jobs 1: {r['cli_jobs1_s']:.2f} s; --jobs 2: {r['cli_jobs2_s']:.2f} s -> {r['cli_speedup']:.2f}x "
          f"(whole command, interpreter start-up included)")
        p(f"       peak RSS parent {r['peak_rss_mb']:.0f} MB, largest child {r['children_peak_rss_mb']:.0f} MB; "
          f"load average {r['load_average']:.1f} (a speed-up needs two idle cores)")
    elif name == "adversarial":
        p(f"[adversarial] {r['chars']:,}-char inputs (CPU seconds); ordinary text of that size: {r['ordinary_seconds']:.2f} s")
        for row in r["inputs"]:
            if "error" in row:
                p(f"              {row['input']:<36} refused: {row['error']}")
            else:
                flag = "" if row["ratio"] <= 3 else "   <-- over 3x"
                p(f"              {row['input']:<36} {row['seconds']:6.2f} s  {row['ratio']:5.2f}x{flag}")
    elif name == "corpus":
        for b in r["builds"]:
            p(f"[corpus] {b['articles']:>7,} articles: {b['seconds']:.1f} s ({b['articles_per_s']:,.0f} articles/s end to end; "
              f"Corpus.add {b['add_articles_per_s'] or 0:,.0f} articles/s); peak RSS {b['peak_rss_mb']:.0f} MB")
        for q in r["queries"]:
            if "error" in q:
                p(f"[query on {r['queries_on']:,}] {q['query']:<34} error: {q['error']}")
            else:
                p(f"[query on {r['queries_on']:,}] {q['query']:<34} first {q['first_ms']:8.2f} ms, repeated {q['repeat_ms']:8.2f} ms, {q['results']} results")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="dnnd benchmarks (see the module docstring)")
    ap.add_argument("--only", help=f"comma-separated sections of {','.join(SECTIONS)}")
    ap.add_argument("--quick", action="store_true", help="smaller inputs (a smoke run)")
    ap.add_argument("--articles", type=int, help="articles for the one-core parse (default 2000; quick 300)")
    ap.add_argument("--compare-articles", type=int, help="articles for the underthesea comparison (default 200; quick 40)")
    ap.add_argument("--jobs-articles", type=int, help="files for the --jobs comparison (default 3000; quick 400)")
    ap.add_argument("--corpus-sizes", default="1000,10000,100000")
    ap.add_argument("--corpus-jobs", type=int, default=0, help="processes that parse for the corpus builds (0: every core)")
    ap.add_argument("--repeat", type=int, default=3, help="repetitions; the best one counts")
    ap.add_argument("--real-repeat", type=int, default=7, help="runs of each tool over each real corpus group (best counts)")
    ap.add_argument("--corpus-dir", type=Path, help="folder of the real corpora (seeds, dev, dev2, unlabelled); default ../shared/corpus")
    ap.add_argument("--json", type=Path, help="also write every figure to this JSON file")
    ap.add_argument("--section", help=argparse.SUPPRESS)  # internal: run one section here
    args = ap.parse_args(argv)
    args.articles = args.articles or (300 if args.quick else 2000)
    args.compare_articles = args.compare_articles or (40 if args.quick else 200)
    args.jobs_articles = args.jobs_articles or (400 if args.quick else 3000)
    if args.quick and args.corpus_sizes == "1000,10000,100000":
        args.corpus_sizes = "100,1000"

    if args.section:
        print(json.dumps(FUNCS[args.section](args)))
        return 0

    wanted = SECTIONS if not args.only else [s.strip() for s in args.only.split(",")]
    unknown = [s for s in wanted if s not in FUNCS]
    if unknown:
        ap.error(f"unknown section(s): {', '.join(unknown)}")
    passthrough = list(argv if argv is not None else sys.argv[1:])
    results: dict[str, Any] = {}
    for name in wanted:
        cmd = [sys.executable, str(Path(__file__).resolve()), *_strip(passthrough), "--section", name]
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode != 0:
            print(f"[{name}] FAILED\n{proc.stderr}", file=sys.stderr)
            results[name] = {"failed": proc.stderr[-2000:]}
            continue
        results[name] = json.loads(proc.stdout.strip().splitlines()[-1])
        report(name, results[name])
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0 if all("failed" not in r for r in results.values()) else 1


def _strip(args: list[str]) -> list[str]:
    """Drop ``--only X`` / ``--json X`` (with a separate value) from the arguments passed to sections."""
    out: list[str] = []
    skip = False
    for a in args:
        if skip:
            skip = False
            continue
        if a in ("--only", "--json"):
            skip = True
            continue
        if a.startswith(("--only=", "--json=")):
            continue
        out.append(a)
    return out


if __name__ == "__main__":
    raise SystemExit(main())

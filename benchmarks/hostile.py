"""Throughput and peak memory of ``dnnd.read`` on the worst linear inputs the default limits accept.

    PYTHONPATH=src python benchmarks/hostile.py                  # 1 MiB per input (a few minutes)
    PYTHONPATH=src python benchmarks/hostile.py --mib 10         # the default limit, 10 MiB (long)
    PYTHONPATH=src python benchmarks/hostile.py --only "VUFO lines" --json out.json

Each input is a file of one unit repeated up to the size, read and parsed
in a fresh Python process (so its memory is its own) after a warm-up parse
(of the seeds and of the input's first 4 KiB, so that compiling patterns is
not counted). For each it prints MB/s (input bytes per second of CPU time, the steadier
figure on a shared machine; wall clock too) and the peak memory per input
byte: the traced Python allocations (``tracemalloc``) during the parse, and
the growth of the process's peak RSS. The goals (issue 15): at least
0.5 MB/s and at most 50 bytes of peak memory per input byte for every input
the default limits accept. Results are in ``docs/robustness.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

#: a headline above a body paragraph (so the paragraph is read as body, not taken for a headline itself)
HEADLINE = "Liên hiệp các tổ chức hữu nghị tỉnh Bắc Giang tổ chức hội nghị tổng kết\n\n"

#: one unit per input, repeated to the size (or (before, unit, after)): the shapes that cost the most per byte
UNITS: dict[str, str | tuple[str, str, str] | None] = {
    "ordinary text": None,  # the seed articles, repeated
    "VUFO lines": "VUFO\n",
    "one-letter lines": "a\n",
    "blank-separated paragraphs": "Hội.\n\n",
    "dates per line": "ngày 14/7/2022,\n",
    "document numbers": "12-CT/TW ",
    "capitalised syllables": "Nguyễn Văn ",
    "title chain": "Phó Chủ tịch ",
    "spaces in a body paragraph": ("Tiêu đề\n\nĐoạn mở đầu của bài.\n\nChỉ thị", " ", "12-CT/TW."),
    "digits and slashes": "1/",
    "organisation heads": "Liên hiệp các tổ chức hữu nghị ",
    # one endless sentence of whole phrases (the units of tests/test_regex_safety.py that cost the most per byte):
    # each repeat is a mention (or several), and the sentence never ends, so a window holds a hundred of them
    "events in one sentence": (HEADLINE, "ngày 14/7 hội nghị tại Hà Nội do Sở Ngoại vụ tổ chức, ", ""),
    "front committees": (HEADLINE, "Ủy ban MTTQ tỉnh ", ""),
    "organ prefixes": (HEADLINE, "Ban Thường vụ ", ""),
    "people and titles": (HEADLINE, "ông Nguyễn Văn Doanh, Phó Chủ tịch Liên hiệp các tổ chức hữu nghị Việt Nam, ", ""),
    "open-class names": (HEADLINE, "Trung tâm Văn hóa, Thông tin và ", ""),
    "bare units": (HEADLINE, "UBND huyện và ", ""),
    "embassy lists": (HEADLINE, "Đại sứ quán các nước Lào, ", ""),
    "association heads": (HEADLINE, "Hội hữu nghị Việt Nam - ", ""),
    # varied: every line different, so nothing can be saved by having seen a line before
    "registry names per line": "registry",
    "numbered dates per line": "dates",
    "numbered citations": "citations",
    "numbered lines": "numbers",
}


def varied(kind: str) -> str:
    """One cycle of a varied input: lines that differ from each other (see UNITS)."""
    if kind == "registry":
        sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
        from dnnd import registry

        names = [n for o in registry.organisations() for n in (o.name, *o.aliases, o.abbreviation) if n]
        return "".join(f"{n} {i}\n" for i, n in enumerate(names * 20))
    if kind == "dates":
        return "".join(f"ngày {d}/{m}/{y},\n" for y in range(1990, 2030) for m in range(1, 13) for d in range(1, 29))
    if kind == "citations":
        codes = ["CT/TW", "NQ/TW", "QĐ-TTg", "NĐ-CP", "KH-UBND", "TB-LHHN", "CT/TU", "QĐ/TW"]
        return "".join(f"{n}-{codes[n % len(codes)]} " for n in range(1, 40_000))
    if kind == "numbers":
        return "".join(f"Dòng {i}\n" for i in range(1, 200_000))
    raise ValueError(kind)

CHILD = r"""
import json, os, resource, sys, time, tracemalloc
import dnnd
path = sys.argv[1]
# warm-up: the registry and the patterns (compiled when first needed: a cost per process, not per byte), on the
# bundled seeds and on the first 4 KiB of the input itself
for seed in dnnd.seeds():
    dnnd.parse(seed.text)
with open(path, encoding="utf-8", errors="ignore") as f:
    dnnd.parse(f.read(4096))
size = os.path.getsize(path)
rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
c0, t0 = time.process_time(), time.perf_counter()
article = dnnd.read(path)
cpu, wall = time.process_time() - c0, time.perf_counter() - t0
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
del article
tracemalloc.start()
article = dnnd.read(path)
_, peak = tracemalloc.get_traced_memory()
tracemalloc.stop()
print(json.dumps({"bytes": size, "cpu": cpu, "wall": wall, "traced_peak": peak, "rss_growth": max(0, rss - rss0)}))
"""


def make(unit: str | tuple[str, str, str] | None, size: int, folder: Path) -> Path:
    before, after = b"", b""
    if unit is None:
        sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
        import dnnd

        text = "\n\n".join(a.text for a in dnnd.seeds())
    elif isinstance(unit, tuple):
        before, after = unit[0].encode("utf-8"), unit[2].encode("utf-8")
        text = unit[1]
    elif unit in ("registry", "dates", "citations", "numbers"):
        text = varied(unit)
    else:
        text = unit
    data = text.encode("utf-8")
    body = size - len(before) - len(after)
    data = (data * (body // len(data) + 1))[:body]
    data = before + data[: len(data.decode("utf-8", "ignore").encode("utf-8"))] + after  # whole characters only
    path = folder / "input.txt"
    path.write_bytes(data)
    return path


def measure(path: Path) -> dict[str, Any]:
    env = dict(os.environ)
    src = str(Path(__file__).resolve().parents[1] / "src")
    env["PYTHONPATH"] = src + os.pathsep + env.get("PYTHONPATH", "")
    proc = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, env=env, check=True)
    return json.loads(proc.stdout)  # type: ignore[no-any-return]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mib", type=float, default=1.0, help="size of each input in MiB (default 1)")
    ap.add_argument("--only", help="comma-separated input names")
    ap.add_argument("--json", help="also write the results here")
    args = ap.parse_args()
    size = int(args.mib * 1024 * 1024)
    names = args.only.split(",") if args.only else list(UNITS)
    results = []
    print(f"{'input':<28} {'MB/s (CPU)':>10} {'MB/s (wall)':>11} {'traced B/B':>10} {'RSS B/B':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            path = make(UNITS[name], size, Path(tmp))
            r = measure(path)
            r["input"] = name
            r["mb_per_s"] = r["bytes"] / r["cpu"] / 1e6
            r["bytes_per_byte"] = r["traced_peak"] / r["bytes"]
            results.append(r)
            print(
                f"{name:<28} {r['mb_per_s']:>10.2f} {r['bytes'] / r['wall'] / 1e6:>11.2f} "
                f"{r['bytes_per_byte']:>10.0f} {r['rss_growth'] / r['bytes']:>8.0f}",
                flush=True,
            )
    worst_speed = min(results, key=lambda r: r["mb_per_s"])
    worst_memory = max(results, key=lambda r: r["bytes_per_byte"])
    print(f"\nslowest: {worst_speed['input']} at {worst_speed['mb_per_s']:.2f} MB/s (goal >= 0.5)")
    print(f"most memory: {worst_memory['input']} at {worst_memory['bytes_per_byte']:.0f} B per input byte (goal <= 50)")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()

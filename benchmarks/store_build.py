"""`dnnd build` against `dnnd extract` on the same generated articles (issue 13's target: build < 2x extract).

    python benchmarks/store_build.py 10000 --jobs 2            # generates the articles in a temporary folder
    python benchmarks/store_build.py 10000 --folder /tmp/gen   # re-uses (or fills) a folder

Both commands run as a user runs them, as subprocesses with ``--jobs N``;
the build's standard error is a pseudo-terminal, so it draws its progress
bar, and the script checks that it did. Prints wall-clock seconds,
articles/s and the peak memory of each, the ratio, the time of a second
build of the same folder (every article unchanged) and the size of the
knowledge base. The load of the machine (``uptime``) is printed before
and after: the machine is shared, so re-run when it is high.
"""

from __future__ import annotations

import argparse
import os
import pty
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DNND = [sys.executable, "-m", "dnnd"]


def uptime() -> str:
    try:
        return Path("/proc/loadavg").read_text().split(" ", 3)[:3].__str__()
    except OSError:
        return "?"


def children_peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(args: list[str], *, terminal: bool = False) -> tuple[float, str]:
    """Run *args*; return the wall-clock seconds and (with *terminal*) what it drew on its standard error."""
    if not terminal:
        start = time.perf_counter()
        subprocess.run(args, stdout=subprocess.DEVNULL, check=True)
        return time.perf_counter() - start, ""
    leader, follower = pty.openpty()
    drawn: list[bytes] = []

    def drain() -> None:
        while True:
            try:
                chunk = os.read(leader, 1 << 16)
            except OSError:
                return
            if not chunk:
                return
            drawn.append(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    start = time.perf_counter()
    subprocess.run(args, stdout=subprocess.DEVNULL, stderr=follower, check=True)
    seconds = time.perf_counter() - start
    os.close(follower)
    reader.join(timeout=5)
    os.close(leader)
    return seconds, b"".join(drawn).decode("utf-8", "replace")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, help="number of articles")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--folder", type=Path, help="where the generated articles are (or go)")
    args = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="dnnd-store-bench-"))
    folder = args.folder or work / "articles"
    if not folder.is_dir() or len(list(folder.glob("*.txt"))) < args.n:
        subprocess.run([sys.executable, str(HERE / "generate.py"), str(args.n), str(folder)], check=True)
    files = sorted(folder.glob("*.txt"))[: args.n]
    n, chars = len(files), sum(f.stat().st_size for f in files)
    listing = work / "files"
    listing.mkdir(exist_ok=True)
    for f in files:  # a folder holding exactly the n files
        target = listing / f.name
        if not target.exists():
            os.symlink(f, target)
    db = work / "kb.sqlite"
    print(f"{n:,} articles, {chars / 1e6:.1f} MB, --jobs {args.jobs}; load before: {uptime()}")

    cpu0 = children_cpu()
    extract_s, _ = timed([*DNND, "extract", "--jobs", str(args.jobs), str(listing)])
    cpu1 = children_cpu()
    extract_peak = children_peak_mib()
    build_s, drawn = timed([*DNND, "build", "--jobs", str(args.jobs), str(listing), "-o", str(db)], terminal=True)
    cpu2 = children_cpu()
    again_s, _ = timed([*DNND, "build", "--jobs", str(args.jobs), str(listing), "-o", str(db)])
    peak = children_peak_mib()
    bar = "dnnd build" in drawn and f"{n}/{n}" in drawn and "100%" in drawn
    mb = chars / 1e6
    print(
        f"extract : {extract_s:7.1f} s  {n / extract_s:7.1f} articles/s  {mb / extract_s:5.2f} MB/s  CPU {cpu1 - cpu0:6.1f} s"
    )
    print(
        f"build   : {build_s:7.1f} s  {n / build_s:7.1f} articles/s  {mb / build_s:5.2f} MB/s  CPU {cpu2 - cpu1:6.1f} s"
        f"  (progress bar drawn: {bar})"
    )
    print(f"ratio   : {build_s / extract_s:.2f} x wall clock, {(cpu2 - cpu1) / (cpu1 - cpu0):.2f} x CPU  (target < 2)")
    print(f"re-build: {again_s:7.1f} s  (every article unchanged, none parsed)")
    print(
        f"file    : {db.stat().st_size / 1e6:.0f} MB; peak memory of a child: extract {extract_peak:.0f} MiB, any {peak:.0f} MiB"
    )
    print(f"load after: {uptime()}")
    return 0 if bar else 1


if __name__ == "__main__":
    raise SystemExit(main())

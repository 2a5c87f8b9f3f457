"""A deterministic corpus of realistic articles for the benchmarks.

Articles are recombined from the paragraphs of real ones: the five seed
texts bundled with dnnd (``src/dnnd/_seeds``) and, when it is there, the
development corpus (``../shared/corpus/dev/texts``). Each generated article
has a headline and a timestamp line taken from a source article, 3 to 12
body paragraphs drawn from the whole pool, sometimes a caption and a byline,
and, one time in three, the site furniture block that ends a real page
("Tin liên quan" ...), so the layout and chrome detection work as on real
captures. No network; a fixed random seed: the same N gives the same corpus.

    python benchmarks/generate.py 1000 /tmp/dnnd-bench      # writes 1000 .txt files
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "src" / "dnnd" / "_seeds"
DEV_CANDIDATES = [ROOT.parent / "shared" / "corpus" / "dev" / "texts", ROOT.parents[1] / "shared" / "corpus" / "dev" / "texts"]
SEED = 20251123


@dataclass
class Pool:
    """The pieces real articles are made of."""

    titles: list[str] = field(default_factory=list)
    stamps: list[str] = field(default_factory=list)
    bodies: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    bylines: list[str] = field(default_factory=list)
    tails: list[str] = field(default_factory=list)
    sources: int = 0

    @property
    def chars(self) -> int:
        return sum(len(p) for p in self.bodies)


def source_paths() -> list[Path]:
    paths = sorted(SEEDS.glob("*.txt"))
    for folder in DEV_CANDIDATES:
        if folder.is_dir():
            paths += sorted(folder.glob("*.txt"))
            break
    return paths


def load_pool(paths: list[Path] | None = None) -> Pool:
    """Split the source articles into their parts with dnnd's own layout."""
    from dnnd._layout import segment
    from dnnd._text import normalise
    from dnnd.model import SegmentKind

    pool = Pool()
    for path in paths or source_paths():
        text = path.read_text(encoding="utf-8")
        canon = normalise(text).canonical
        layout = segment(canon)
        tail: list[str] = []
        in_tail = False
        seen_body = False
        for ln in layout.lines:
            piece = canon[ln.start : ln.end]
            if ln.kind is SegmentKind.TITLE:
                pool.titles.append(piece)
            elif ln.kind is SegmentKind.PUBLISHED:
                pool.stamps.append(piece)
            elif ln.kind is SegmentKind.BODY:
                pool.bodies.append(piece)
                seen_body = True
            elif ln.kind is SegmentKind.CAPTION:
                pool.captions.append(piece)
            elif ln.kind is SegmentKind.BYLINE:
                pool.bylines.append(piece)
            elif ln.kind is SegmentKind.CHROME and seen_body:
                in_tail = True
            if in_tail:
                tail.append(piece)
        if tail:
            pool.tails.append("\n".join(tail))
        pool.sources += 1
    if not pool.bodies:
        raise SystemExit("no source paragraphs found")
    return pool


def articles(n: int, *, seed: int = SEED, pool: Pool | None = None) -> Iterator[tuple[str, str]]:
    """``n`` generated articles as ``(name, text)``, the same for the same ``n`` and ``seed``."""
    pool = pool or load_pool()
    rng = random.Random(seed)
    for i in range(n):
        parts = [rng.choice(pool.titles)]
        if pool.stamps and rng.random() < 0.8:
            parts.append(rng.choice(pool.stamps))
        body = rng.sample(pool.bodies, k=min(len(pool.bodies), rng.randint(3, 12)))
        if pool.captions and rng.random() < 0.5:
            body.insert(rng.randrange(len(body) + 1), rng.choice(pool.captions))
        parts += body
        if pool.bylines and rng.random() < 0.5:
            parts.append(rng.choice(pool.bylines))
        if pool.tails and rng.random() < 1 / 3:
            parts.append(rng.choice(pool.tails))
        yield f"gen{i:06d}.txt", "\n\n".join(parts) + "\n"


def long_article(size: int, *, seed: int = SEED, pool: Pool | None = None) -> str:
    """One article of about ``size`` characters: a headline and body paragraphs, no furniture.

    The "ordinary text of the same size" the adversarial inputs are compared with.
    """
    pool = pool or load_pool()
    rng = random.Random(seed)
    parts = [rng.choice(pool.titles)]
    total = len(parts[0])
    while total < size:
        para = rng.choice(pool.bodies)
        parts.append(para)
        total += len(para) + 2
    return "\n\n".join(parts)[:size]


def write(n: int, folder: Path, *, seed: int = SEED) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for name, text in articles(n, seed=seed):
        path = folder / name
        path.write_text(text, encoding="utf-8")
        out.append(path)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, help="number of articles")
    ap.add_argument("folder", type=Path, help="where to write them (created)")
    ap.add_argument("--seed", type=int, default=SEED)
    args = ap.parse_args(argv)
    paths = write(args.n, args.folder, seed=args.seed)
    chars = sum(len(p.read_text(encoding="utf-8")) for p in paths)
    pool = load_pool()
    print(
        f"{len(paths)} articles, {chars:,} characters in {args.folder} "
        f"(from {pool.sources} source articles, {len(pool.bodies)} body paragraphs)",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

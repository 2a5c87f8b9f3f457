"""Measure dnnd on your own annotated corpus before trusting its numbers.

Usage:
    python examples/evaluate_on_your_corpus.py TEXTS_DIR GOLD_DIR [--verbose]

TEXTS_DIR holds the articles (<id>.txt, any supported encoding); GOLD_DIR
holds one gold record <id>.json per article, written by hand following the
extraction contract. With no arguments the bundled seeds and their gold
records are used, so the script shows what to expect.

This does in Python what these two commands do:

    dnnd extract TEXTS_DIR/*.txt -o predictions.jsonl
    dnnd evaluate GOLD_DIR predictions.jsonl
"""

from __future__ import annotations

import sys
from pathlib import Path

import dnnd
from dnnd import evaluate


def main(argv: list[str]) -> int:
    verbose = "--verbose" in argv
    args = [a for a in argv if a != "--verbose"]
    if args and len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    if args:
        texts, gold_dir = Path(args[0]), Path(args[1])
        paths = sorted(texts.glob("*.txt"))
    else:
        gold_dir = Path(dnnd.__file__).parent / "_seeds" / "gold"
        paths = [Path(str(p)) for p in dnnd.seed_paths()]

    try:
        gold = evaluate.load_gold(gold_dir)
    except dnnd.DnndError as err:
        print(f"cannot use the gold records: {err}", file=sys.stderr)
        return 2

    predicted = {}
    for path in paths:
        try:
            predicted[path.stem] = dnnd.to_record(dnnd.read(path))
        except dnnd.DnndError as err:
            print(f"skipped {err}", file=sys.stderr)

    report = evaluate.score_records(gold, predicted)
    print(report.format(verbose=verbose))
    worst = min(evaluate.FIELDS, key=lambda f: report.fields[f].f1)
    print(f"\nweakest field: {worst} (F1 {report.fields[worst].f1:.3f}); run with --verbose to see every miss")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

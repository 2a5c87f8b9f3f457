"""The ``dnnd`` command line: the only place that prints or exits.

Commands:

``dnnd extract PATH...``
    one contract record per input, as JSON Lines (``--format json`` for one
    pretty array, ``-o FILE`` to write a file atomically, ``--jobs N`` to
    parse on N processes, the output still in input order);
``dnnd report [PATH...]``
    a readable summary; with no PATH, of the bundled seed articles;
``dnnd evaluate GOLD_DIR PREDICTIONS``
    score records against gold annotations (see :mod:`dnnd.evaluate`);
``dnnd query WHAT [options] [PATH...]``
    answer questions across articles (see :mod:`dnnd.corpus`): ``events``
    (``--kind``, ``--from``, ``--to``, ``--place``, ``--organiser``),
    ``documents`` (``--number``, ``--kind``), ``people``
    (``--organisation``, ``--title``, ``--name``), ``organisations``
    (``--kind``, ``--locality``) and ``conflicts``; with no PATH, over the
    bundled seeds (or ``--corpus FILE``, a corpus saved by
    :meth:`dnnd.Corpus.save`). ``--format table`` (the default on a
    terminal) or ``--format jsonl`` (the default otherwise).

Exit codes: 0 when every input was fine; 1 when some input failed (one line
on stderr names the file and the problem; every other input is still
processed and printed); 2 for bad usage.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TextIO

import attrs

from . import __version__, seed_paths
from ._atomic import write_atomic
from ._io import read
from ._parallel import default_jobs, map_ordered
from .errors import DnndError
from .model import Article
from .serialize import to_record

__all__ = ["main", "write_atomic"]


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="dnnd",
        description="Extract typed records from Vietnamese people's-diplomacy articles.",
    )
    ap.add_argument("--version", action="version", version=f"dnnd {__version__}")
    sub = ap.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    ex = sub.add_parser("extract", help="print one contract record per input")
    ex.add_argument("paths", nargs="+", metavar="PATH", help="text files (UTF-8, UTF-16 or a legacy Vietnamese encoding)")
    ex.add_argument("--format", choices=("jsonl", "json"), default="jsonl", help="JSON Lines (default) or one pretty array")
    ex.add_argument("-o", "--output", metavar="FILE", help="write to FILE (atomically) instead of standard output")
    ex.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=1,
        metavar="N",
        help="parse on N processes (0: every core; default 1); output order is input order",
    )

    rp = sub.add_parser("report", help="a readable summary of articles (the bundled seeds by default)")
    rp.add_argument("paths", nargs="*", metavar="PATH")

    _query_parser(sub)

    ev = sub.add_parser("evaluate", help="score extraction records against gold annotations", add_help=False)
    ev.add_argument("args", nargs=argparse.REMAINDER)
    return ap


def _jobs(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of processes: {text!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError("the number of processes cannot be negative")
    return n


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list[:1] == ["evaluate"]:
        from .evaluate import main as evaluate_main

        return evaluate_main(args_list[1:])
    args = _parser().parse_args(args_list)
    try:
        if args.command == "extract":
            return _extract(args.paths, args.format, args.output, args.jobs)
        if args.command == "query":
            from ._query_cli import run_query

            return run_query(args, sys.stdout, sys.stderr)
        return _report(args.paths)
    except BrokenPipeError:  # e.g. `dnnd extract ... | head`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("dnnd: interrupted", file=sys.stderr)
        return 130


def _articles(paths: Iterable[str | os.PathLike[str]]) -> tuple[list[Article], int]:
    """Parse every path; report failures on stderr and keep going."""
    articles: list[Article] = []
    failures = 0
    for path in paths:
        try:
            articles.append(read(path, source=str(path)))
        except DnndError as err:
            print(f"dnnd: {err}", file=sys.stderr)
            failures += 1
    return articles, failures


def _record_of(path: str) -> dict[str, Any]:
    """Read one file and return its contract record (runs in a worker)."""
    return to_record(read(path, source=path))


def _records(paths: list[str], jobs: int, failures: list[str]) -> Iterator[dict[str, Any]]:
    """Contract records of *paths* in input order, one at a time.

    A failure is reported on stderr (and appended to *failures*) in its
    place; the other paths still come.
    """
    if jobs == 1:
        results: Iterable[dict[str, Any] | DnndError] = map(_record_or_error, paths)
    else:
        results = map_ordered(_record_of, paths, jobs=jobs or None, chunksize=_chunksize(len(paths), jobs))
    for result in results:
        if isinstance(result, DnndError):
            print(f"dnnd: {result}", file=sys.stderr)
            failures.append(str(result))
        else:
            yield result


def _record_or_error(path: str) -> dict[str, Any] | DnndError:
    try:
        return _record_of(path)
    except DnndError as err:
        return err


def _chunksize(n: int, jobs: int) -> int:
    """Chunks small enough that every worker gets several, at most 16 files."""
    workers = jobs or default_jobs()
    return max(1, min(16, n // (4 * workers)))


def _extract(paths: list[str], fmt: str, output: str | None, jobs: int = 1) -> int:
    failures: list[str] = []
    if fmt == "jsonl" and not output:
        # JSON Lines to standard output: stream, one record at a time
        for record in _records(paths, jobs, failures):
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        sys.stdout.flush()
        return 1 if failures else 0
    records = list(_records(paths, jobs, failures))
    if fmt == "json":
        text = json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    else:
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    if output:
        try:
            write_atomic(output, text)
        except OSError as err:
            print(f"dnnd: {output}: cannot write ({err.strerror or err})", file=sys.stderr)
            return 1
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
    return 1 if failures else 0


def _report(paths: list[str]) -> int:
    if paths:
        articles, failures = _articles(paths)
    else:
        articles, failures = _articles(seed_paths())
    _print_report(articles, sys.stdout)
    _print_conflicts(articles, sys.stdout)
    return 1 if failures else 0


def _print_conflicts(articles: Sequence[Article], out: TextIO) -> None:
    from .corpus import Corpus

    conflicts = Corpus(articles).conflicts()
    names = {a.source: os.path.basename(a.source) for a in articles if a.source}
    if len(set(names.values())) == len(names):  # file names alone are unambiguous: print them
        conflicts = [
            attrs.evolve(c, claims=tuple(attrs.evolve(x, source=names.get(x.source, x.source)) for x in c.claims))
            for c in conflicts
        ]
    out.write("\n" + "=" * 78 + "\n")
    out.write(f"Conflicts ({len(conflicts)}): facts the articles and the registry disagree on\n")
    for c in conflicts:
        out.write(f"  - {c}\n")
    if not conflicts:
        out.write("  (none found)\n")


def _query_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from ._query_cli import add_query_parser

    add_query_parser(sub)


def _print_report(articles: Sequence[Article], out: TextIO) -> None:
    def line(text: str = "") -> None:
        out.write(text + "\n")

    line(f"dnnd report: {len(articles)} article(s)")
    for art in articles:
        line()
        line("=" * 78)
        line(f"{art.source}  [{art.published.iso if art.published else 'undated'}]")
        if art.title:
            line(f"  {art.title}")
        if art.documents:
            line("  Documents cited:")
            for d in art.documents:
                extra = ", ".join(x for x in (d.issuer, d.date.iso if d.date else None) if x)
                line(f"    - {d.kind.value:<10} {d.number or '(no number)'}" + (f"  ({extra})" if extra else ""))
                if d.title:
                    line(f"        {d.title}")
        if art.congress_resolutions:
            line("  Party congresses:")
            for c in art.congress_resolutions:
                where = "national" if c.scope == "national" else c.party_body
                line(f"    - Đại hội {_roman(c.ordinal)} ({c.ordinal}), {where}" + (f", nhiệm kỳ {c.term}" if c.term else ""))
        if art.organisations:
            line("  Organisations:")
            for o in art.organisations:
                abbr = f" ({o.abbreviation})" if o.abbreviation else ""
                line(f"    - {o.name}{abbr}  [{o.kind.value}]")
        if art.people:
            line("  People:")
            for p in art.people:
                posts = "; ".join(f"{x.title}" + (f", {x.organisation}" if x.organisation else "") for x in p.positions)
                line(f"    - {p.name}" + (f": {posts}" if posts else ""))
        if art.events:
            line("  Events (timeline):")
            for e in sorted(art.events, key=lambda e: e.date.sort_key if e.date else (0, 0, 0)):
                when = e.date.iso if e.date else "?"
                if e.end_date:
                    when += f" to {e.end_date.iso}"
                where = f" @ {e.location}" if e.location else ""
                line(f"    - {when:<24} {e.kind.value:<10}{where}")
                if e.title:
                    line(f"        {e.title}")
                if e.organisers:
                    line(f"        organised by: {', '.join(e.organisers)}")


def _roman(n: int) -> str:
    vals = [(50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for v, s in vals:
        while n >= v:
            out += s
            n -= v
    return out

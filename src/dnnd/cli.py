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
processed and printed) or the output could not be written; 2 for bad usage;
130 when interrupted. ``docs/cli-errors.md`` lists every message.

Input files larger than ``--max-bytes`` (default 10 MiB) are refused. With
``-o FILE`` the output is written to a temporary file in the same folder,
flushed to disk and renamed over FILE, so FILE is always either its old
content or the complete new one, whatever happens to the run.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import json
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TextIO, cast

import attrs

from . import __version__, seed_paths
from ._atomic import write_atomic
from ._io import DEFAULT_MAX_BYTES, read
from ._names import visible_name
from ._parallel import default_jobs, map_ordered
from .errors import DnndError, InputError, InputTooLargeError, WorkerError
from .model import Article
from .serialize import to_record

__all__ = ["main"]


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
    _max_bytes_option(ex)
    ex.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=1,
        metavar="N",
        help="parse on N processes (0: every core; default 1; at most the number of cores); output order is input order",
    )

    rp = sub.add_parser("report", help="a readable summary of articles (the bundled seeds by default)")
    rp.add_argument("paths", nargs="*", metavar="PATH")
    _max_bytes_option(rp)

    _query_parser(sub)

    ev = sub.add_parser("evaluate", help="score extraction records against gold annotations", add_help=False)
    ev.add_argument("args", nargs=argparse.REMAINDER)
    return ap


def _max_bytes_option(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "--max-bytes",
        type=_byte_count,
        default=DEFAULT_MAX_BYTES,
        metavar="N",
        help=f"refuse input files larger than N bytes (default {DEFAULT_MAX_BYTES:,}; 0 for no limit)",
    )


def _byte_count(text: str) -> int | None:
    try:
        n = int(text.replace("_", "").replace(",", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of bytes: {text!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError("the number of bytes cannot be negative")
    return n or None


def _jobs(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of processes: {text!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError("the number of processes cannot be negative")
    return n


class _OutputFailed(Exception):
    """Standard output could not be written (a full disk behind ``>``): carries the :class:`OSError`."""

    def __init__(self, error: OSError) -> None:
        super().__init__(error)
        self.error = error


class _GuardedStdout:
    """Standard output for the length of a command: a failed write becomes :class:`_OutputFailed`.

    So every command (``extract``, ``report``, ``query``, ``evaluate``) turns
    an :class:`OSError` on its output into one line, while an ``OSError``
    anywhere else is never mistaken for one. A closed pipe stays a
    :class:`BrokenPipeError` (``dnnd ... | head`` is not an error).
    """

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            raise
        except OSError as err:
            raise _OutputFailed(err) from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise
        except OSError as err:
            raise _OutputFailed(err) from None

    def isatty(self) -> bool:
        return self._stream.isatty()

    def fileno(self) -> int:
        return self._stream.fileno()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    real_stdout = sys.stdout
    try:
        with contextlib.redirect_stdout(cast(TextIO, _GuardedStdout(real_stdout))):
            code = _run(args_list)
            sys.stdout.flush()
        return code
    except _OutputFailed as failed:  # e.g. a full disk behind a redirection
        return _stdout_failed(failed.error)
    except BrokenPipeError:  # e.g. `dnnd extract ... | head`
        os.dup2(os.open(os.devnull, os.O_WRONLY), real_stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("dnnd: interrupted", file=sys.stderr)
        return 130


def _run(args_list: list[str]) -> int:
    if args_list[:1] == ["evaluate"]:
        from .evaluate import main as evaluate_main

        return evaluate_main(args_list[1:])
    args = _parser().parse_args(args_list)
    if args.command == "extract":
        return _extract(args.paths, args.format, args.output, args.max_bytes, args.jobs)
    if args.command == "query":
        from ._query_cli import run_query

        return run_query(args, sys.stdout, sys.stderr)
    return _report(args.paths, args.max_bytes)


def _articles(
    paths: Iterable[str | os.PathLike[str]], max_bytes: int | None = DEFAULT_MAX_BYTES
) -> tuple[list[Article], int]:
    """Parse every path; report failures on stderr, one line each, and keep going."""
    articles: list[Article] = []
    failures = 0
    for path in paths:
        try:
            articles.append(read(path, source=_label(path), max_bytes=max_bytes))
        except DnndError as err:
            _complain(path, err)
            failures += 1
        except Exception as err:  # a bug in dnnd: still one line, and the other inputs go on
            _complain(path, f"internal error ({type(err).__name__}: {err}); please report it with this file")
            failures += 1
    return articles, failures


def _label(path: str | os.PathLike[str]) -> str:
    r"""The path as text; bytes that are not UTF-8 shown as ``\xNN``."""
    return visible_name(path)


def _display(path: str | os.PathLike[str]) -> str:
    """:func:`_label` with control characters escaped, so a message stays on one line."""
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in _label(path))


def _complain(path: str | os.PathLike[str], problem: DnndError | str) -> None:
    if isinstance(problem, InputError):
        text = problem.reason
        if isinstance(problem, InputTooLargeError) and "bytes" in text:
            text += " (raise it with --max-bytes)"
    else:
        text = str(problem)
    text = " ".join(str(text).split())  # one line, whatever the message holds
    print(f"dnnd: {_display(path)}: {text}", file=sys.stderr)


def _record_of(path: str, max_bytes: int | None = DEFAULT_MAX_BYTES) -> dict[str, Any] | str:
    """Read one file and return its contract record (runs in a worker).

    A :class:`DnndError` is raised (and carried back by the worker pool); any
    other exception is a bug, returned as the text of its one-line message so
    that the other files still come.
    """
    try:
        return to_record(read(path, source=_label(path), max_bytes=max_bytes))
    except DnndError:
        raise
    except Exception as err:
        return f"internal error ({type(err).__name__}: {err}); please report it with this file"


def _records(
    paths: list[str], jobs: int, failures: list[str], max_bytes: int | None = DEFAULT_MAX_BYTES
) -> Iterator[dict[str, Any]]:
    """Contract records of *paths* in input order, one at a time.

    A failure is reported on stderr (one line naming the file, and appended
    to *failures*) in its place; the other paths still come.
    """
    work = functools.partial(_record_of, max_bytes=max_bytes)
    chunks = _chunksize(len(paths), jobs) if jobs != 1 else None
    told: set[int] = set()
    results = map_ordered(work, paths, jobs=jobs or None, chunksize=chunks, label=_display)
    for path, result in zip(paths, results, strict=True):
        if isinstance(result, WorkerError):  # one line for the whole chunk the dead worker held
            if id(result) not in told:
                told.add(id(result))
                print(f"dnnd: {result}", file=sys.stderr)
            failures.append(path)
        elif isinstance(result, (DnndError, str)):
            _complain(path, result)
            failures.append(path)
        else:
            yield result


def _chunksize(n: int, jobs: int) -> int:
    """Chunks small enough that every worker gets several, at most 16 files."""
    workers = min(jobs or default_jobs(), default_jobs())
    return max(1, min(16, n // (4 * workers)))


def _extract(
    paths: list[str], fmt: str, output: str | None, max_bytes: int | None = DEFAULT_MAX_BYTES, jobs: int = 1
) -> int:
    failures: list[str] = []
    if fmt == "jsonl" and not output:
        # JSON Lines to standard output: stream, one record at a time
        for record in _records(paths, jobs, failures, max_bytes):
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        sys.stdout.flush()
        return 1 if failures else 0
    records = list(_records(paths, jobs, failures, max_bytes))
    if fmt == "json":
        text = json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    else:
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    if output:
        try:
            write_atomic(output, text)
        except OSError as err:
            print(f"dnnd: {_display(output)}: cannot write ({err.strerror or err})", file=sys.stderr)
            return 1
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
    return 1 if failures else 0


def _stdout_failed(err: OSError) -> int:
    with contextlib.suppress(OSError, ValueError):  # nothing more to flush at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    print(f"dnnd: standard output: cannot write ({err.strerror or err})", file=sys.stderr)
    return 1


def _report(paths: list[str], max_bytes: int | None = DEFAULT_MAX_BYTES) -> int:
    if paths:
        articles, failures = _articles(paths, max_bytes)
    else:
        articles, failures = _articles(seed_paths(), max_bytes)
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
        for heading, events in (
            ("Events (timeline):", [e for e in art.events if e.reported]),
            ("Mentioned (history, anniversaries, plans):", [e for e in art.events if not e.reported]),
        ):
            if not events:
                continue
            line(f"  {heading}")
            for e in sorted(events, key=lambda e: e.date.sort_key if e.date else (0, 0, 0)):
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

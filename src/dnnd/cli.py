"""The ``dnnd`` command line: the only place that prints or exits.

Commands:

``dnnd extract PATH...``
    one contract record per input, as JSON Lines (``--format json`` for one
    pretty array, ``-o FILE`` to write a file atomically, ``--jobs N`` to
    parse on N processes, the output still in input order);
``dnnd build PATH... -o KB.sqlite``
    add the articles to a SQLite knowledge base (see :mod:`dnnd.store`):
    new files are parsed (``--jobs N``), unchanged ones skipped, changed
    ones replaced; ``--datasette-metadata FILE`` writes Datasette's labels
    and facets for it;
``dnnd report [PATH...]``
    a report of the articles (with no PATH, of the bundled seed articles;
    ``--corpus FILE``: of a knowledge base or a saved corpus) as text
    (``--format text``, the default), Markdown (``md``) or one
    self-contained HTML page (``html``: timeline, network, documents,
    conflicts and every article with its facts highlighted); ``-o FILE``;
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

A PATH that is a folder stands for the article files beneath it (``.txt``,
``.html``, ``.htm``, read recursively, in path order). A long run draws a
progress bar on standard error when it is a terminal.

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
from collections.abc import Iterator, Sequence
from typing import Any, TextIO, cast

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
    ex.add_argument(
        "paths", nargs="+", metavar="PATH", help="text files (UTF-8, UTF-16 or a legacy Vietnamese encoding)"
    )
    ex.add_argument(
        "--format", choices=("jsonl", "json"), default="jsonl", help="JSON Lines (default) or one pretty array"
    )
    ex.add_argument("-o", "--output", metavar="FILE", help="write to FILE (atomically) instead of standard output")
    _max_bytes_option(ex)
    _jobs_option(ex)

    bd = sub.add_parser("build", help="add articles to a SQLite knowledge base (incremental)")
    bd.add_argument("paths", nargs="+", metavar="PATH", help="text files or folders (read recursively)")
    bd.add_argument("-o", "--output", metavar="KB", required=True, help="the knowledge base file (created if missing)")
    bd.add_argument(
        "--datasette-metadata",
        metavar="FILE",
        help="also write Datasette metadata (labels, facets, search) for the knowledge base to FILE",
    )
    _max_bytes_option(bd)
    _jobs_option(bd)

    rp = sub.add_parser("report", help="a report of articles as text, Markdown or one HTML page (the seeds by default)")
    rp.add_argument("paths", nargs="*", metavar="PATH", help="text files or folders (default: the bundled seeds)")
    rp.add_argument("--corpus", metavar="FILE", help="a knowledge base (.sqlite) or a saved corpus (.json, .jsonl)")
    rp.add_argument("--format", choices=("text", "md", "html"), default="text", help="text (default), md or html")
    rp.add_argument("-o", "--output", metavar="FILE", help="write to FILE (atomically) instead of standard output")
    rp.add_argument("--title", help="the report's title")
    _max_bytes_option(rp)
    _jobs_option(rp)

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


def _jobs_option(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=1,
        metavar="N",
        help="parse on N processes (0: every core; default 1; at most the number of cores); output order is input order",
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
    if args.command == "build":
        return _build(args)
    return _report(args)


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
    """Contract records of *paths* (folders read recursively) in input order, one at a time.

    A failure is reported on stderr (one line naming the file, and appended
    to *failures*) in its place; the other paths still come. A progress bar
    is drawn when standard error is a terminal and standard output is not.
    """
    from ._files import expand_paths
    from ._progress import terminal_bar

    entries = expand_paths(paths)
    files = [os.fspath(e) for e in entries if not isinstance(e, InputError)]
    work = functools.partial(_record_of, max_bytes=max_bytes)
    chunks = _chunksize(len(files), jobs) if jobs != 1 else None
    results = map_ordered(work, files, jobs=jobs or None, chunksize=chunks, label=_display)
    told: set[int] = set()
    # no bar over records printed on the terminal itself
    with terminal_bar("dnnd extract", enabled=not _is_tty(sys.stdout)) as bar:
        for done, entry in enumerate(entries, 1):
            if isinstance(entry, InputError):
                _complain(entry.source or "", entry)
                failures.append(entry.source or "")
                continue
            path = os.fspath(entry)
            result = next(results)
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
            bar(done, len(entries))


def _is_tty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


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


def _build(args: argparse.Namespace) -> int:
    """``dnnd build``: add the articles to the knowledge base; one line per unreadable input."""
    from ._progress import terminal_bar
    from .errors import StoreError
    from .store import build, datasette_metadata

    try:
        with terminal_bar("dnnd build") as bar:
            result = build(args.paths, args.output, jobs=args.jobs or None, max_bytes=args.max_bytes, progress=bar)
    except StoreError as err:
        print(f"dnnd: {err}", file=sys.stderr)
        return 1
    for failure in result.failures:
        _complain_line(failure.message)
    print(result)
    if args.datasette_metadata:
        name = os.path.splitext(os.path.basename(args.output))[0]
        text = json.dumps(datasette_metadata(name), ensure_ascii=False, indent=2) + "\n"
        try:
            write_atomic(args.datasette_metadata, text)
        except OSError as err:
            print(f"dnnd: {_display(args.datasette_metadata)}: cannot write ({err.strerror or err})", file=sys.stderr)
            return 1
    return 1 if result.failures else 0


def _complain_line(message: str) -> None:
    print("dnnd: " + " ".join(message.split()), file=sys.stderr)


def _is_sqlite(path: str) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def _report(args: argparse.Namespace) -> int:
    """``dnnd report``: read the articles (or a knowledge base, or a saved corpus) and write the report."""
    from collections.abc import Mapping

    from ._folder import read_each
    from ._progress import terminal_bar
    from .corpus import ArticleSummary, Corpus, ReadFailure
    from .errors import CorpusFileError
    from .report import render

    failures = 0
    texts: Mapping[str, str] | None = None
    corpus = Corpus()
    if args.corpus:
        try:
            if _is_sqlite(args.corpus):
                from . import store

                corpus, texts = store.load(args.corpus), store.texts(args.corpus)
            else:
                corpus = Corpus.load(args.corpus)
        except CorpusFileError as err:
            print(f"dnnd: {err}", file=sys.stderr)
            return 1
    if args.paths or not args.corpus:
        paths = args.paths or [str(p) for p in seed_paths()]
        read: dict[str, str] = dict(texts or {})
        summaries: list[ArticleSummary] = []
        errors: list[ReadFailure] = list(corpus.errors)
        with terminal_bar("dnnd report") as bar:
            for path, item in read_each(paths, jobs=args.jobs or None, max_bytes=args.max_bytes, progress=bar):
                if isinstance(item, Article):
                    summaries.append(ArticleSummary.of(item))
                    read[item.source or path] = item.text
                else:
                    _complain(path, item)
                    errors.append(ReadFailure(source=path, message=str(item)))
                    failures += 1
        corpus = Corpus([*corpus.articles, *summaries], errors=errors)
        texts = read
    text = render(corpus, args.format, texts=texts, title=args.title)
    if args.output:
        try:
            write_atomic(args.output, text)
        except OSError as err:
            print(f"dnnd: {_display(args.output)}: cannot write ({err.strerror or err})", file=sys.stderr)
            return 1
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
    return 1 if failures else 0


def _query_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from ._query_cli import add_query_parser

    add_query_parser(sub)

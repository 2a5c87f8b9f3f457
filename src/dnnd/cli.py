"""The ``dnnd`` command line: the only place that prints or exits.

Commands:

``dnnd extract PATH...``
    one contract record per input, as JSON Lines (``--format json`` for one
    pretty array, ``-o FILE`` to write a file atomically);
``dnnd report [PATH...]``
    a readable summary; with no PATH, of the bundled seed articles;
``dnnd evaluate GOLD_DIR PREDICTIONS``
    score records against gold annotations (see :mod:`dnnd.evaluate`).

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
import json
import os
import stat
import sys
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TextIO

from . import __version__, seed_paths
from ._io import DEFAULT_MAX_BYTES, read
from .errors import DnndError, InputError, InputTooLargeError
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
    _max_bytes_option(ex)

    rp = sub.add_parser("report", help="a readable summary of articles (the bundled seeds by default)")
    rp.add_argument("paths", nargs="*", metavar="PATH")
    _max_bytes_option(rp)

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


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list[:1] == ["evaluate"]:
        from .evaluate import main as evaluate_main

        return evaluate_main(args_list[1:])
    args = _parser().parse_args(args_list)
    try:
        if args.command == "extract":
            return _extract(args.paths, args.format, args.output, args.max_bytes)
        return _report(args.paths, args.max_bytes)
    except BrokenPipeError:  # e.g. `dnnd extract ... | head`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("dnnd: interrupted", file=sys.stderr)
        return 130


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
    return os.fsdecode(path).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


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


_TMP_SUFFIX = ".dnnd-tmp"


def write_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Write *text* to *path* (UTF-8) so that *path* is never half-written.

    The text goes to a temporary file in the same folder, is flushed to disk
    (``fsync``) and renamed over *path*; the folder is then synced so the
    rename itself survives a crash. *path* therefore holds either its old
    content or the complete new one, whenever the process dies. The new file
    keeps the permission bits of the file it replaces (a new file gets the
    usual ``0o666`` minus the umask, not the ``0o600`` of a temporary file).
    A symbolic link is followed: the file it points to is replaced, the link
    kept. On any error the temporary file is removed and the error raised;
    temporary files left by a killed run (their process is gone) are removed
    by the next write to the same path.
    """
    data = text.encode("utf-8")  # fails, if it must, before anything is touched
    target = Path(os.path.realpath(path))
    folder = target.parent
    _remove_stale_temporaries(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=_TMP_SUFFIX, dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            if hasattr(os, "fchmod"):
                os.fchmod(fh.fileno(), _mode_for(target))
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_folder(folder)


def _mode_for(target: Path) -> int:
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


def _fsync_folder(folder: Path) -> None:
    if not hasattr(os, "O_DIRECTORY"):  # Windows: a rename cannot be synced this way
        return
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems refuse to sync a folder; the data itself is synced
    finally:
        os.close(fd)


def _remove_stale_temporaries(target: Path) -> None:
    """Remove ``.NAME.PID.*.dnnd-tmp`` files whose process no longer exists."""
    prefix = f".{target.name}."
    try:
        names = os.listdir(target.parent)
    except OSError:
        return
    for name in names:
        if not (name.startswith(prefix) and name.endswith(_TMP_SUFFIX)):
            continue
        pid = name[len(prefix) :].split(".", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            with contextlib.suppress(OSError):
                os.unlink(target.parent / name)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # it exists (or we cannot tell): leave its file alone
    return True


def _extract(paths: list[str], fmt: str, output: str | None, max_bytes: int | None = DEFAULT_MAX_BYTES) -> int:
    articles, failures = _articles(paths, max_bytes)
    records = [to_record(a) for a in articles]
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
        try:
            sys.stdout.write(text)
            sys.stdout.flush()
        except BrokenPipeError:
            raise
        except OSError as err:  # e.g. a full disk behind a redirection
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # nothing more to flush at exit
            print(f"dnnd: standard output: cannot write ({err.strerror or err})", file=sys.stderr)
            return 1
    return 1 if failures else 0


def _report(paths: list[str], max_bytes: int | None = DEFAULT_MAX_BYTES) -> int:
    if paths:
        articles, failures = _articles(paths, max_bytes)
    else:
        articles, failures = _articles(seed_paths(), max_bytes)
    _print_report(articles, sys.stdout)
    return 1 if failures else 0


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

"""The command line under bad input, table-driven.

Every row is one input file next to a good one: the exit code, the one line
on stderr (naming the file) and the records on stdout are all checked. The
messages are the ones listed in docs/cli-errors.md (checked at the end).
"""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest

import dnnd
from dnnd._decode import encode_legacy
from dnnd.cli import main

ROOT = Path(__file__).resolve().parents[1]
GOOD_TEXT = dnnd.seed_paths()[4].read_text(encoding="utf-8")
# TCVN3 and VISCII have no curly quotes: the same article with straight ones
PLAIN_TEXT = GOOD_TEXT.translate(str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "…": "..."}))


def record_of(text: str, source: str) -> dict:
    return dnnd.to_record(attrs.evolve(dnnd.parse(text), source=source))


def write(name: str, data: bytes) -> Callable[[Path], Path]:
    def make(d: Path) -> Path:
        p = d / name
        p.write_bytes(data)
        return p

    return make


def sparse(name: str, size: int) -> Callable[[Path], Path]:
    def make(d: Path) -> Path:
        p = d / name
        with p.open("wb") as fh:
            fh.truncate(size)
        return p

    return make


def unreadable(d: Path) -> Path:
    p = d / "secret.txt"
    p.write_text(GOOD_TEXT, encoding="utf-8")
    p.chmod(0)
    return p


@attrs.frozen
class Row:
    id: str
    make: Callable[[Path], Path]
    code: int  # exit code with the good file alongside
    message: str | None  # the stderr line after "dnnd: FILE: " (None: the input succeeds)
    same_as: str | None = None  # for a success: the text whose extraction it must equal
    args: tuple[str, ...] = ()
    root_skips: bool = False


MiB = 1024 * 1024

ROWS = [
    Row("empty file", write("empty.txt", b""), 1, "no text (empty or only white space)"),
    Row("whitespace only", write("blank.txt", b" \n\t\r\n \xc2\xa0 \n"), 1, "no text (empty or only white space)"),
    Row("binary file", write("image.bin", bytes(range(256)) * 8), 1, "binary data (NUL bytes)"),
    Row("binary without NUL", write("noise.bin", bytes(range(1, 32)) * 64), 1, "binary data (control characters)"),
    Row("UTF-8 with NUL bytes", write("nul.txt", GOOD_TEXT.encode().replace(b"\n", b"\n\x00", 2)), 1, "binary data (NUL bytes)"),
    Row(
        "broken UTF-8",
        write("broken.txt", GOOD_TEXT.encode()[:500] + b"\xff\xfe\xfd" + GOOD_TEXT.encode()[500:]),
        1,
        "not valid UTF-8",
    ),
    Row("UTF-32", write("utf32.txt", GOOD_TEXT.encode("utf-32")), 1, "UTF-32 text is not supported"),
    Row(
        "directory", lambda d: (d / "folder").mkdir() or d / "folder", 1, "is a directory with no article files (.txt, .html, .htm) in it"
    ),
    Row("missing path", lambda d: d / "missing.txt", 1, "no such file"),
    Row("missing, newline in the name", lambda d: d / "two\nlines.txt", 1, "no such file"),
    Row("unreadable (chmod 000)", unreadable, 1, "permission denied", root_skips=True),
    Row(
        "50 MB file",
        sparse("huge.txt", 50 * MiB),
        1,
        f"{50 * MiB:,} bytes is more than the maximum of {10 * MiB:,} (raise it with --max-bytes)",
    ),
    Row(
        "--max-bytes lowers the limit",
        write("padded.txt", GOOD_TEXT.encode() + b" " * 2000),
        1,
        f"{len(GOOD_TEXT.encode()) + 2000:,} bytes is more than the maximum of {len(GOOD_TEXT.encode()) + 1000:,} (raise it with --max-bytes)",
        args=("--max-bytes", str(len(GOOD_TEXT.encode()) + 1000)),
    ),
    Row(
        "--max-bytes 0 lifts the limit",
        write("blank-11MiB.txt", b" " * (11 * MiB)),
        1,
        "no text (empty or only white space)",
        args=("--max-bytes", "0"),
    ),
    # inputs that must succeed and extract
    Row("UTF-8", write("utf8.txt", GOOD_TEXT.encode()), 0, None, GOOD_TEXT),
    Row("UTF-8 with BOM", write("bom.txt", GOOD_TEXT.encode("utf-8-sig")), 0, None, GOOD_TEXT),
    Row("UTF-16 LE with BOM", write("utf16.txt", GOOD_TEXT.encode("utf-16")), 0, None, GOOD_TEXT),
    Row("UTF-16 BE with BOM", write("utf16be.txt", b"\xfe\xff" + GOOD_TEXT.encode("utf-16-be")), 0, None, GOOD_TEXT),
    Row("TCVN3", write("tcvn3.txt", encode_legacy(PLAIN_TEXT, "tcvn3")), 0, None, PLAIN_TEXT),
    Row("VNI", write("vni.txt", encode_legacy(PLAIN_TEXT, "vni-windows")), 0, None, PLAIN_TEXT),
    Row("VISCII", write("viscii.txt", encode_legacy(PLAIN_TEXT, "viscii")), 0, None, PLAIN_TEXT),
    Row("Windows-1258", write("cp1258.txt", encode_legacy(PLAIN_TEXT, "windows-1258")), 0, None, PLAIN_TEXT),
    Row("NFD", write("nfd.txt", unicodedata.normalize("NFD", GOOD_TEXT).encode()), 0, None, GOOD_TEXT),
    Row("CRLF line ends", write("crlf.txt", GOOD_TEXT.replace("\n", "\r\n").encode()), 0, None, GOOD_TEXT),
]


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str], list[dict]]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, err.splitlines(), [json.loads(line) for line in out.splitlines()]


@pytest.mark.parametrize("row", ROWS, ids=[r.id for r in ROWS])
def test_one_input_next_to_a_good_one(row: Row, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if row.root_skips and os.geteuid() == 0:
        pytest.skip("running as root: file permissions do not stop root from reading")
    bad = row.make(tmp_path)
    good = tmp_path / "good.txt"
    good.write_text(GOOD_TEXT, encoding="utf-8")
    code, err, records = _run(capsys, "extract", *row.args, str(bad), str(good))
    assert code == row.code
    if row.message is None:
        assert err == []
        assert [r["source"] for r in records] == [str(bad), str(good)]
        assert row.same_as is not None
        assert records[0] == record_of(row.same_as, str(bad))
        assert records[0]["organisations"] and records[0]["events"]
    else:
        shown = str(bad).replace("\n", "\\n")
        assert err == [f"dnnd: {shown}: {row.message}"] or (
            len(err) == 1 and err[0].startswith(f"dnnd: {shown}: ") and row.message in err[0]
        ), err
        assert [r["source"] for r in records] == [str(good)]
    assert records[-1] == record_of(GOOD_TEXT, str(good))


def test_a_mixed_batch_keeps_every_good_input_in_order(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths: list[tuple[Path, bool]] = []
    for i, row in enumerate(r for r in ROWS if not r.args and not r.root_skips):
        folder = tmp_path / f"{i:02d}"
        folder.mkdir()
        paths.append((row.make(folder), row.message is None))
    code, err, records = _run(capsys, "extract", *(str(p) for p, _ in paths))
    assert code == 1
    bad = [p for p, ok in paths if not ok]
    assert len(err) == len(bad)
    for line, p in zip(err, bad, strict=True):
        shown = str(p).replace("\n", "\\n")
        assert line.startswith(f"dnnd: {shown}: ")
    assert [r["source"] for r in records] == [str(p) for p, ok in paths if ok]


def test_a_file_name_that_is_not_utf8_is_shown_escaped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    name = os.fsdecode(b"b\xe1o-c\xe1o.txt")  # Latin-1 bytes: not UTF-8
    (tmp_path / name).write_text(GOOD_TEXT, encoding="utf-8")
    code, err, records = _run(capsys, "extract", str(tmp_path / name), str(tmp_path / os.fsdecode(b"\xffmissing")))
    assert code == 1
    assert records[0]["source"] == str(tmp_path / "b\\xe1o-c\\xe1o.txt")
    assert err == [f"dnnd: {tmp_path}/\\xffmissing: no such file"]


def _fifo(d: Path) -> Path:
    os.mkfifo(d / "pipe.txt")  # no writer: open() would block for ever
    return d / "pipe.txt"


def _socket(d: Path) -> Path:
    import socket

    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.bind(str(d / "sock.txt"))
    sock.close()  # the node stays
    return d / "sock.txt"


def _char_device(d: Path) -> Path:
    os.mknod(d / "zero.txt", 0o666 | stat.S_IFCHR, os.makedev(1, 5))  # an endless device, in a temporary folder
    return d / "zero.txt"


NOT_REGULAR = [
    ("named pipe with no writer", _fifo, "is a named pipe (FIFO), not a regular file"),
    ("socket", _socket, "is a socket, not a regular file"),
    ("character device (mknod)", _char_device, "is a character device, not a regular file"),
]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_inputs_that_are_not_regular_files_are_refused_at_once_and_the_batch_goes_on(tmp_path: Path) -> None:
    """A FIFO with no writer once blocked ``open()`` for ever; devices and sockets are refused too."""
    good = tmp_path / "good.txt"
    good.write_text(GOOD_TEXT, encoding="utf-8")
    rows = [r for r in NOT_REGULAR if r[1] is not _char_device or os.geteuid() == 0]  # mknod needs root
    nodes = [make(tmp_path) for _, make, _ in rows]
    args = [str(good), *map(str, nodes), *(["/dev/zero"] if os.path.exists("/dev/zero") else []), str(good)]
    proc = subprocess.run(
        [sys.executable, "-m", "dnnd", "extract", *args], capture_output=True, text=True, timeout=120
    )
    expected = [f"dnnd: {n}: {message}" for n, (_, _, message) in zip(nodes, rows, strict=True)]
    if "/dev/zero" in args:
        expected.append("dnnd: /dev/zero: is a character device, not a regular file")
    assert proc.stderr.splitlines() == expected
    assert proc.returncode == 1
    assert [json.loads(x)["source"] for x in proc.stdout.splitlines()] == [str(good), str(good)]
    for node in nodes:  # nothing was replaced or removed
        assert not node.is_file() and node.exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_fifo_is_refused_by_the_library_too(tmp_path: Path) -> None:
    with pytest.raises(dnnd.errors.InputError, match="is a named pipe"):
        dnnd.read(_fifo(tmp_path))


def test_report_shares_the_messages_and_the_size_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.txt"
    good.write_text(GOOD_TEXT, encoding="utf-8")
    code = main(["report", "--max-bytes", "100", str(good), str(tmp_path / "missing.txt")])
    out, err = capsys.readouterr()
    assert code == 1
    assert err.splitlines() == [
        f"dnnd: {good}: {good.stat().st_size:,} bytes is more than the maximum of 100 (raise it with --max-bytes)",
        f"dnnd: {tmp_path / 'missing.txt'}: no such file",
    ]
    assert out.startswith("dnnd report: 0 article(s)")


@pytest.mark.parametrize("value", ["-1", "ten", "1e6"])
def test_a_bad_max_bytes_is_bad_usage(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["extract", "--max-bytes", value, "x.txt"])
    assert info.value.code == 2
    assert "--max-bytes" in capsys.readouterr().err


def test_output_that_cannot_be_written_is_one_line_and_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.txt"
    good.write_text(GOOD_TEXT, encoding="utf-8")
    for target in (tmp_path / "no-such-folder" / "out.jsonl", tmp_path):
        code = main(["extract", "-o", str(target), str(good)])
        out, err = capsys.readouterr()
        assert code == 1 and out == ""
        assert err.startswith(f"dnnd: {target}: cannot write (") and err.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["good.txt"]  # no temporary file left


def test_an_internal_error_is_one_line_and_the_batch_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import dnnd.cli

    good, boom = tmp_path / "good.txt", tmp_path / "boom.txt"
    good.write_text(GOOD_TEXT, encoding="utf-8")
    boom.write_text(GOOD_TEXT, encoding="utf-8")
    real = dnnd.cli.read

    def flaky(path, **kwargs):
        if Path(path).name == "boom.txt":
            raise RuntimeError("finder\nexploded")
        return real(path, **kwargs)

    monkeypatch.setattr(dnnd.cli, "read", flaky)
    code, err, records = _run(capsys, "extract", str(boom), str(good))
    assert code == 1
    assert err == [f"dnnd: {boom}: internal error (RuntimeError: finder exploded); please report it with this file"]
    assert [r["source"] for r in records] == [str(good)]


def test_the_command_runs_as_a_process_with_a_bad_input(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(GOOD_TEXT, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "dnnd", "extract", str(tmp_path / "nope.txt"), str(good)], capture_output=True, text=True
    )
    assert proc.returncode == 1
    assert proc.stderr == f"dnnd: {tmp_path / 'nope.txt'}: no such file\n"
    assert [json.loads(x)["source"] for x in proc.stdout.splitlines()] == [str(good)]


def test_docs_list_every_message() -> None:
    doc = (ROOT / "docs" / "cli-errors.md").read_text(encoding="utf-8")
    for message in [*(r.message for r in ROWS), *(m for _, _, m in NOT_REGULAR)]:
        if message is not None:
            generic = re.sub(r"[\d,]{3,}", "N", message)
            assert generic in re.sub(r"[\d,]{3,}", "N", doc), message


def test_a_file_name_with_a_nul_is_an_input_error() -> None:
    with pytest.raises(dnnd.errors.InputError, match="is not a usable file name"):
        dnnd.read("bad\x00name.txt")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
def test_a_full_disk_behind_stdout_is_one_line_and_exit_1(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(GOOD_TEXT, encoding="utf-8")
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-m", "dnnd", "extract", str(good)], stdout=full, stderr=subprocess.PIPE, text=True)
    assert proc.returncode == 1
    assert proc.stderr == "dnnd: standard output: cannot write (No space left on device)\n"


def test_bad_inputs_with_several_processes_give_the_same_lines(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(GOOD_TEXT, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    args = [str(tmp_path / "missing.txt"), str(good), str(tmp_path / "empty.txt"), str(good)]
    proc = subprocess.run([sys.executable, "-m", "dnnd", "extract", "-j", "2", *args], capture_output=True, text=True)
    assert proc.returncode == 1
    assert proc.stderr.splitlines() == [
        f"dnnd: {tmp_path / 'missing.txt'}: no such file",
        f"dnnd: {tmp_path / 'empty.txt'}: no text (empty or only white space)",
    ]
    assert [json.loads(x)["source"] for x in proc.stdout.splitlines()] == [str(good), str(good)]


def test_a_file_name_that_is_not_utf8_gives_a_source_that_serialises(tmp_path: Path) -> None:
    """``dnnd.read``, ``parse_many`` and ``Corpus.from_paths`` once left a lone surrogate in ``source``."""
    good = tmp_path / os.fsdecode(b"b\xe1o-c\xe1o.txt")
    good.write_text(GOOD_TEXT, encoding="utf-8")
    missing = tmp_path / os.fsdecode(b"\xffmissing.txt")
    shown = str(tmp_path / "b\\xe1o-c\\xe1o.txt")
    assert dnnd.read(good).source == "b\\xe1o-c\\xe1o.txt"
    assert dnnd.read(good, source=str(good)).source == shown
    (article,) = dnnd.parse_many([good], jobs=1)
    assert isinstance(article, dnnd.Article) and article.source == shown
    json.dumps(dnnd.to_record(article), ensure_ascii=False).encode("utf-8")
    (failure,) = dnnd.parse_many([missing], jobs=1)
    assert isinstance(failure, dnnd.errors.InputError) and str(failure).encode("utf-8")
    corpus = dnnd.Corpus.from_paths([good, missing])
    assert [a.source for a in corpus.articles] == [shown]
    assert [e.source for e in corpus.errors] == [str(tmp_path / "\\xffmissing.txt")]
    corpus.save(tmp_path / "kb.jsonl")
    assert dnnd.Corpus.load(tmp_path / "kb.jsonl") == corpus
    assert dnnd.parse("Chỉ thị 12-CT/TW.", source="x\udce1").source == "x\\xe1"


FULL_DISK_COMMANDS = [
    ["report"],
    ["query", "events"],
    ["query", "conflicts", "--format", "table"],
    ["query", "people", "--organisation", "VUFO"],
    ["evaluate", str(ROOT / "seeds" / "gold"), str(ROOT / "seeds" / "gold")],
]


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
@pytest.mark.parametrize("command", FULL_DISK_COMMANDS, ids=[" ".join(c[:2]) for c in FULL_DISK_COMMANDS])
def test_every_command_turns_a_full_disk_into_one_line(command: list[str]) -> None:
    """``report`` and ``query`` once printed an OSError traceback onto a full disk."""
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-m", "dnnd", *command], stdout=full, stderr=subprocess.PIPE, text=True)
    assert proc.stderr == "dnnd: standard output: cannot write (No space left on device)\n"
    assert proc.returncode == 1


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
def test_evaluate_json_onto_a_full_disk_is_one_line(tmp_path: Path) -> None:
    gold = str(ROOT / "seeds" / "gold")
    proc = subprocess.run(
        [sys.executable, "-m", "dnnd", "evaluate", gold, gold, "--json", "/dev/full"], capture_output=True, text=True
    )
    assert proc.stderr == "error: /dev/full: cannot write (No space left on device)\n"
    assert proc.returncode == 2

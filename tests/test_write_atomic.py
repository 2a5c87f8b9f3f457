"""Nothing lost on write: ``-o FILE`` is atomic, keeps sane modes, leaves no debris."""

from __future__ import annotations

import errno
import json
import os
import random
import shutil
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import dnnd
from dnnd import cli
from dnnd.cli import write_atomic


def debris(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".dnnd.tmp"))


def test_a_new_file_gets_the_usual_mode(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        write_atomic(tmp_path / "out.jsonl", "{}\n")
    finally:
        os.umask(old)
    assert (tmp_path / "out.jsonl").stat().st_mode & 0o777 == 0o640
    assert (tmp_path / "out.jsonl").read_text(encoding="utf-8") == "{}\n"
    assert debris(tmp_path) == []


def test_a_replaced_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o604)
    write_atomic(target, "new\n")
    assert target.stat().st_mode & 0o777 == 0o604
    assert target.read_text(encoding="utf-8") == "new\n"


def test_a_symbolic_link_is_followed_and_kept(tmp_path: Path) -> None:
    real = tmp_path / "real.jsonl"
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.jsonl"
    link.symlink_to(real)
    write_atomic(link, "new\n")
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "new\n"


def test_text_is_utf8_with_unix_line_ends(tmp_path: Path) -> None:
    write_atomic(tmp_path / "o.txt", "Đại hội\nXIII\n")
    assert (tmp_path / "o.txt").read_bytes() == "Đại hội\nXIII\n".encode()


def test_a_failure_while_writing_keeps_the_old_file_and_leaves_no_debris(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("old\n", encoding="utf-8")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError):
        write_atomic(target, "new\n" * 1000)
    assert target.read_text(encoding="utf-8") == "old\n"
    assert debris(tmp_path) == []


def test_text_that_cannot_be_encoded_touches_nothing(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("old\n", encoding="utf-8")
    with pytest.raises(UnicodeEncodeError):
        write_atomic(target, "\udc80")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert debris(tmp_path) == []


def test_temporaries_of_dead_runs_are_swept_and_live_ones_kept(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead = int(done.stdout)
    stale = tmp_path / f".out.jsonl.{dead}.abcd.dnnd.tmp"
    live = tmp_path / ".out.jsonl.1.abcd.dnnd.tmp"  # pid 1 always exists
    other = tmp_path / f".other.jsonl.{dead}.abcd.dnnd.tmp"  # another target: not ours to touch
    longer = tmp_path / f".out.jsonl.{dead}.{dead}.abcd.dnnd.tmp"  # target "out.jsonl.<n>", not ours
    for p in (stale, live, other, longer):
        p.write_text("partial", encoding="utf-8")
    write_atomic(tmp_path / "out.jsonl", "new\n")
    assert debris(tmp_path) == sorted([live.name, other.name, longer.name])


def test_a_normal_run_leaves_only_the_output(tmp_path: Path, seed_dir: Path) -> None:
    out = tmp_path / "out.json"
    code = cli.main(["extract", "--format", "json", "-o", str(out), *map(str, sorted(seed_dir.glob("*.txt")))])
    assert code == 0
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]
    assert len(json.loads(out.read_text(encoding="utf-8"))) == 5


def test_sigkill_at_any_moment_never_leaves_a_half_written_file(tmp_path: Path) -> None:
    """Kill ``dnnd extract -o FILE`` at random moments: FILE is always old or new, whole."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    paths = []
    for i in range(3):
        for seed in dnnd.seed_paths():
            p = inputs / f"{i:02d}-{seed.name}"
            shutil.copyfile(seed, p)
            paths.append(str(p))
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / "records.json"
    cmd = [sys.executable, "-m", "dnnd", "extract", "--format", "json", "-o", str(target)]

    subprocess.run([*cmd, paths[0]], check=True)
    old = target.read_bytes()
    t0 = time.monotonic()
    subprocess.run([*cmd, *paths], check=True)
    full_run = time.monotonic() - t0
    new = target.read_bytes()
    assert old != new and len(json.loads(new)) == len(paths)

    rng = random.Random(20261123)
    outcomes = []
    for _ in range(6):
        target.write_bytes(old)
        proc = subprocess.Popen([*cmd, *paths], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.3, 1.05) * full_run)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        content = target.read_bytes()
        assert content in (old, new), f"half-written file after SIGKILL ({len(content)} bytes)"
        outcomes.append("old" if content == old else "new")
    assert "old" in outcomes  # some kill did land mid-run

    # the next normal run writes the whole file and sweeps what the killed runs left
    subprocess.run([*cmd, *paths], check=True)
    assert target.read_bytes() == new
    assert debris(out_dir) == []
    assert [p.name for p in out_dir.iterdir()] == ["records.json"]


# ------------------------------------------------ only regular files are replaced
# `-o` once took the real path and renamed a regular file over whatever it
# found: a named pipe or a device node (run as root, `-o /dev/null` would
# have replaced the system's /dev/null). Anything that is not a regular file
# is now written through, as a shell redirection would, and left a node.


def _read_fifo_in_background(fifo: Path) -> tuple[threading.Thread, list[bytes]]:
    got: list[bytes] = []

    def reader() -> None:
        with open(fifo, "rb") as fh:
            got.append(fh.read())

    thread = threading.Thread(target=reader, daemon=True)
    thread.start()
    return thread, got


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_output_onto_a_fifo_with_a_reader_goes_through_and_the_fifo_stays(tmp_path: Path, seed_dir: Path) -> None:
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    seed = str(sorted(seed_dir.glob("*.txt"))[0])
    thread, got = _read_fifo_in_background(fifo)
    proc = subprocess.run(
        [sys.executable, "-m", "dnnd", "extract", "-o", str(fifo), seed], capture_output=True, text=True, timeout=120
    )
    thread.join(timeout=60)
    assert (proc.returncode, proc.stderr) == (0, "")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert [json.loads(line)["source"] for line in got[0].decode().splitlines()] == [seed]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.fifo"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() != 0, reason="mknod of a character device needs root")
def test_output_onto_a_character_device_writes_through_and_keeps_the_node(tmp_path: Path, seed_dir: Path) -> None:
    node = tmp_path / "null"
    os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # a null device of our own, never the system's
    before = node.lstat()
    seed = str(sorted(seed_dir.glob("*.txt"))[0])
    assert cli.main(["extract", "-o", str(node), seed]) == 0
    after = node.lstat()
    assert stat.S_ISCHR(after.st_mode) and (after.st_rdev, after.st_ino) == (before.st_rdev, before.st_ino)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["null"]  # no temporary file either


def test_dev_stdout_writes_through_the_descriptor_even_when_it_appends(tmp_path: Path, seed_dir: Path) -> None:
    if not os.path.exists("/dev/stdout"):
        pytest.skip("no /dev/stdout")
    seed = str(sorted(seed_dir.glob("*.txt"))[0])
    log = tmp_path / "log.jsonl"
    log.write_text("earlier line\n", encoding="utf-8")
    inode = log.stat().st_ino
    with log.open("a") as fh:  # `>> log.jsonl`: the record must be appended, not replace the file
        proc = subprocess.run(
            [sys.executable, "-m", "dnnd", "extract", "-o", "/dev/stdout", seed], stdout=fh, stderr=subprocess.PIPE
        )
    assert proc.returncode == 0, proc.stderr
    lines = log.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "earlier line" and json.loads(lines[1])["source"] == seed
    assert log.stat().st_ino == inode
    piped = subprocess.run(
        [sys.executable, "-m", "dnnd", "extract", "-o", "/dev/stdout", seed], capture_output=True, text=True
    )
    assert piped.returncode == 0 and json.loads(piped.stdout)["source"] == seed


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_corpus_save_onto_a_fifo_writes_through(tmp_path: Path) -> None:
    fifo = tmp_path / "kb.jsonl"
    os.mkfifo(fifo)
    thread, got = _read_fifo_in_background(fifo)
    corpus = dnnd.Corpus(dnnd.seeds())
    corpus.save(fifo)
    thread.join(timeout=60)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    copy = tmp_path / "copy.jsonl"
    copy.write_bytes(got[0])
    assert dnnd.Corpus.load(copy) == corpus

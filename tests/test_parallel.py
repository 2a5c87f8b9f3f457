"""parse_many and ``dnnd extract --jobs``: same results as one core, in input order."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import dnnd
from dnnd import DnndError
from dnnd._parallel import default_jobs, map_ordered
from dnnd.errors import EmptyInputError, InputError


def _seed_paths(seed_dir: Path) -> list[Path]:
    return sorted(seed_dir.glob("*.txt"))


@pytest.mark.parametrize("jobs", [1, 2])
def test_parse_many_matches_read_in_input_order(seed_dir, jobs):
    paths = _seed_paths(seed_dir) * 3
    results = list(dnnd.parse_many(paths, jobs=jobs, chunksize=2))
    assert [r.source for r in results] == [str(p) for p in paths]
    for path, art in zip(paths, results, strict=True):
        assert dnnd.to_record(art) == dnnd.to_record(dnnd.read(path, source=str(path)))


def test_strings_are_texts_and_paths_are_files(seed_dir):
    path = _seed_paths(seed_dir)[3]
    text = path.read_text(encoding="utf-8")
    from_text, from_path = dnnd.parse_many([text, path], jobs=1)
    assert from_text.source is None and from_path.source == str(path)
    assert from_text.documents == from_path.documents


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_bad_input_yields_its_error_and_the_rest_still_comes(tmp_path, seed_dir, jobs):
    good = _seed_paths(seed_dir)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    items = [good[0], tmp_path / "missing.txt", good[1], empty, "   ", good[2]]
    results = list(dnnd.parse_many(items, jobs=jobs, chunksize=1))
    assert len(results) == len(items)
    kinds = [type(r) for r in results]
    assert kinds[0] is dnnd.Article and kinds[2] is dnnd.Article and kinds[5] is dnnd.Article
    missing, empty_err, blank = results[1], results[3], results[4]
    assert isinstance(missing, InputError) and missing.source == str(tmp_path / "missing.txt")
    assert "no such file" in str(missing)
    assert isinstance(empty_err, EmptyInputError) and empty_err.source == str(empty)
    assert isinstance(blank, EmptyInputError) and blank.source is None


def test_wrong_item_type_is_a_programming_error():
    with pytest.raises(TypeError):
        list(dnnd.parse_many([b"bytes"], jobs=1))


def _boom(x: int) -> int:
    if x == 3:
        raise DnndError("three")
    return x * 2


def test_map_ordered_streams_an_iterator_in_order():
    out = list(map_ordered(_boom, iter(range(50)), jobs=2, chunksize=3))
    assert [o for o in out if not isinstance(o, DnndError)] == [x * 2 for x in range(50) if x != 3]
    assert isinstance(out[3], DnndError) and str(out[3]) == "three"
    assert list(map_ordered(_boom, [], jobs=2)) == []


def test_stopping_early_does_not_hang():
    it = map_ordered(_boom, range(10_000), jobs=2, chunksize=4)
    assert next(it) == 0
    it.close()


def test_cli_jobs_gives_the_same_output_and_errors(tmp_path, seed_dir):
    paths = [str(p) for p in _seed_paths(seed_dir)]
    missing = str(tmp_path / "missing.txt")
    args = [*paths[:2], missing, *paths[2:]]

    def run(*extra):
        return subprocess.run([sys.executable, "-m", "dnnd", "extract", *extra, *args], capture_output=True, text=True)

    one, two = run(), run("--jobs", "2")
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout
    assert [json.loads(line)["source"] for line in two.stdout.splitlines()] == paths
    assert two.stderr.strip().splitlines() == one.stderr.strip().splitlines() == [f"dnnd: {missing}: no such file"]
    bad = subprocess.run([sys.executable, "-m", "dnnd", "extract", "--jobs", "x", paths[0]], capture_output=True, text=True)
    assert bad.returncode == 2


# ------------------------------------------------------------ process faults
# Once: a killed worker gave a 23-line BrokenProcessPool traceback and lost
# the rest of the stream; a killed parent left its workers running; Ctrl-C
# printed a traceback per worker; --jobs 64 started 64 workers on 2 cores.

several_cores = pytest.mark.skipif(default_jobs() < 2, reason="needs two cores (jobs are capped at the cores)")


def _die_on_seven(x: int) -> int:
    if x == 7:
        os.kill(os.getpid(), signal.SIGKILL)
    return x * 2


def _pid(_: int) -> int:
    time.sleep(0.01)
    return os.getpid()


@several_cores
def test_a_dead_worker_costs_only_its_chunk_and_names_it():
    from dnnd.errors import WorkerError

    out = list(map_ordered(_die_on_seven, range(20), jobs=2, chunksize=3))
    assert len(out) == 20
    lost = out[6:9]  # the chunk 6, 7, 8 was held by the worker that died
    assert all(isinstance(e, WorkerError) for e in lost) and lost[0] is lost[1] is lost[2]
    assert lost[0].inputs == ("input #7", "input #8", "input #9")
    assert str(lost[0]) == "a worker process died (killed by SIGKILL) while parsing 3 inputs: input #7, input #8, input #9"
    assert [o for i, o in enumerate(out) if i not in (6, 7, 8)] == [x * 2 for x in range(20) if x not in (6, 7, 8)]


def test_jobs_are_capped_at_the_cores():
    pids = set(map_ordered(_pid, range(64), jobs=64, chunksize=1))
    assert len(pids) <= default_jobs()


def _children(pid: int) -> set[int]:
    """Live (not zombie) child processes of *pid*, from /proc."""
    out = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                out.add(int(entry.name))
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _start_extract(
    tmp_path: Path, seed_dir: Path, settle: float = 0.5, **popen: object
) -> tuple[subprocess.Popen, set[int], list[str]]:
    paths = [str(p) for p in _seed_paths(seed_dir)] * 60
    proc = subprocess.Popen(
        [sys.executable, "-m", "dnnd", "extract", "--jobs", "2", *paths],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **popen,
    )
    deadline = time.monotonic() + 60
    workers: set[int] = set()
    while len(workers) < 2 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
        workers = _children(proc.pid)
    assert len(workers) == 2, "the workers did not start"
    time.sleep(settle)  # well into the batch
    return proc, workers, paths


linux_only = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")


@linux_only
@several_cores
def test_cli_a_killed_worker_is_one_line_and_the_other_inputs_still_come(tmp_path, seed_dir):
    proc, workers, paths = _start_extract(tmp_path, seed_dir)
    os.kill(min(workers), signal.SIGKILL)
    out, err = proc.communicate(timeout=300)
    lines = err.splitlines()
    assert len(lines) <= 1, err  # one line, no traceback (none if it died between two chunks)
    sources = [json.loads(x)["source"] for x in out.splitlines()]
    if lines:
        assert proc.returncode == 1
        assert lines[0].startswith("dnnd: a worker process died (killed by SIGKILL) while parsing ")
        held = int(lines[0].split(" while parsing ")[1].split(" input")[0])
        assert 1 <= held <= 16 and len(sources) == len(paths) - held
    else:
        assert proc.returncode == 0 and sources == paths
    # what came is in input order: the paths with one stretch left out
    i = next((k for k, (a, b) in enumerate(zip(sources, paths, strict=False)) if a != b), len(sources))
    assert sources[i:] == paths[len(paths) - len(sources) + i :]


@linux_only
@several_cores
def test_cli_the_workers_die_with_their_parent(tmp_path, seed_dir):
    proc, workers, _ = _start_extract(tmp_path, seed_dir)
    proc.kill()
    proc.wait()  # not communicate(): orphaned workers would hold the pipes open
    deadline = time.monotonic() + 20
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    orphans = [w for w in workers if _alive(w)]
    for w in orphans:  # leave nothing behind, even when the test fails
        os.kill(w, signal.SIGKILL)
    proc.stdout.close()
    proc.stderr.close()
    assert not orphans, "orphaned workers still running"


@linux_only
@several_cores
def test_cli_ctrl_c_is_one_line(tmp_path, seed_dir):
    # by then the unread output fills the pipe: the parent waits to write, the workers wait for work
    # (idle workers once printed a KeyboardInterrupt traceback each)
    proc, workers, _ = _start_extract(tmp_path, seed_dir, settle=4.0, start_new_session=True)
    os.killpg(proc.pid, signal.SIGINT)  # what the terminal does: the whole process group
    _, err = proc.communicate(timeout=60)
    assert err == "dnnd: interrupted\n"
    assert proc.returncode == 130
    assert not any(_alive(w) for w in workers)


def test_workers_started_without_fork_still_work(seed_dir):
    """With another thread alive, workers come from a fork server or a spawner, not from this process."""
    import threading

    stop = threading.Event()
    thread = threading.Thread(target=stop.wait, daemon=True)
    thread.start()
    try:
        paths = _seed_paths(seed_dir) * 2
        results = list(dnnd.parse_many(paths, jobs=2, chunksize=2))
    finally:
        stop.set()
        thread.join()
    assert [r.source for r in results] == [str(p) for p in paths]

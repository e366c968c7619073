"""Workers end with their parent, however it ends, and no file is ever half-written (issue 13).

A batch of 500 article files (copies of fixtures/articles) is cleaned in place by two workers;
the parent is killed (SIGKILL), terminated (SIGTERM) or interrupted (SIGINT to its process
group, as Ctrl-C does) at a random moment. Every worker must be gone within a second, every
file must hold its original or its cleaned bytes, and an interrupted run must count exactly the
files it rewrote.
"""

import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import textfix

REPO = Path(__file__).resolve().parent.parent
ARTICLES = sorted((REPO / "fixtures" / "articles").glob("*.dirty.txt"))
COPIES = 300  # x 5 articles: a batch of 1500 files (at least 500), cleaned for a few seconds

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


def _batch(folder: Path) -> dict[str, tuple[bytes, bytes]]:
    """Write the batch; file name -> (original bytes, cleaned bytes)."""
    folder.mkdir()
    expected = {}
    for article in ARTICLES:
        data = article.read_bytes()
        cleaned = textfix.clean(data.decode("utf-8")).text.encode("utf-8")
        assert cleaned != data, article.name  # a file left alone would prove nothing
        for copy in range(COPIES):
            name = f"{copy:03d}-{article.name}"
            (folder / name).write_bytes(data)
            expected[name] = (data, cleaned)
    assert len(expected) >= 500
    return expected


def _children(pid: int) -> set[int]:
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.add(int(entry))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


def _start(folder: Path, jobs: int = 2):
    env = dict(os.environ, PYTHONPATH=str(REPO))
    proc = subprocess.Popen([sys.executable, "-m", "textfix", "clean", "--in-place", "--jobs", str(jobs), str(folder)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 60
    workers: set[int] = set()
    while len(workers) < jobs:  # the pool starts its workers when the first files are sent
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "workers did not start"
        workers = _children(proc.pid)
        time.sleep(0.01)
    return proc, workers


def _files_are_whole(folder: Path, expected: dict) -> int:
    """Assert every file holds its original or its cleaned bytes; the number cleaned."""
    cleaned = 0
    for name, (original, clean) in expected.items():
        data = (folder / name).read_bytes()
        assert data in (original, clean), f"{name} is neither its original nor its cleaned text"
        cleaned += data == clean
    return cleaned


def _workers_end_within_a_second(workers: set[int]) -> None:
    deadline = time.monotonic() + 1.0
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.01)
    survivors = [pid for pid in workers if _alive(pid)]
    for pid in survivors:  # do not leave them running whatever the outcome
        os.kill(pid, signal.SIGKILL)
    assert not survivors, f"workers {survivors} outlived their parent"


def _temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".textfix-tmp"))


def test_sigkill_of_the_parent_ends_its_workers_and_leaves_every_file_whole(tmp_path):
    folder = tmp_path / "batch"
    expected = _batch(folder)
    seed = random.randrange(1 << 30)
    proc, workers = _start(folder)
    time.sleep(random.Random(seed).uniform(0.0, 1.0))  # a random moment of the run (seed in the message)
    assert proc.poll() is None, f"the run ended before the kill (seed {seed})"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    proc.stdout.close(), proc.stderr.close()
    _workers_end_within_a_second(workers)
    _files_are_whole(folder, expected)
    # Any leftover is an atomic writer's temporary beside its target, never a file of the batch.
    assert all(re.fullmatch(r"\..+\.textfix-tmp", name) for name in _temporaries(folder))
    rerun = subprocess.run([sys.executable, "-m", "textfix", "clean", "--in-place", "-q", "--jobs", "2", str(folder)],
                           env=dict(os.environ, PYTHONPATH=str(REPO)), capture_output=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert _files_are_whole(folder, expected) == len(expected)


@pytest.mark.parametrize("how", ["SIGTERM", "SIGINT"])
def test_stopped_runs_end_their_workers_and_count_what_they_wrote(tmp_path, how):
    folder = tmp_path / "batch"
    expected = _batch(folder)
    proc, workers = _start(folder)
    time.sleep(random.uniform(0.2, 1.0))
    assert proc.poll() is None, "the run ended before it was stopped"
    if how == "SIGINT":
        os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C: the whole process group
    else:
        os.kill(proc.pid, signal.SIGTERM)
    _out, err = proc.communicate(timeout=60)
    err = err.decode()
    assert proc.returncode == (130 if how == "SIGINT" else 128 + signal.SIGTERM), err
    assert "Traceback" not in err
    _workers_end_within_a_second(workers)
    written = _files_are_whole(folder, expected)
    assert _temporaries(folder) == []  # a stop, unlike a kill, lets running writes finish
    counted = re.search(r"(?:interrupted|terminated); (\d+) files?: (\d+) changed", err)
    assert counted, err
    assert int(counted[2]) == written, err


MIDDLE = """
import multiprocessing, sys, time
from textfix.lifetime import ParentWatch, watch_parent

def worker(args):
    watch_parent(*args)
    time.sleep(60)  # only the watch can end it early

watch = ParentWatch()
child = multiprocessing.get_context("fork").Process(target=worker, args=(watch.worker_args(),))
child.start()
print(child.pid, flush=True)
time.sleep(60)
"""


def test_the_pipe_watch_alone_ends_a_worker_whose_parent_was_killed(tmp_path):
    """The fallback for systems without prctl: no PDEATHSIG is asked for here."""
    proc = subprocess.Popen([sys.executable, "-c", MIDDLE], env=dict(os.environ, PYTHONPATH=str(REPO)),
                            stdout=subprocess.PIPE, start_new_session=True)
    worker = int(proc.stdout.readline())
    time.sleep(0.2)
    assert _alive(worker)  # the watch does not end a worker whose parent lives
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    proc.stdout.close()
    _workers_end_within_a_second({worker})

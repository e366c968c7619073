"""Batch throughput of ``textfix clean --check`` with one job and with several, on a folder corpus.

Two corpora:

* ``--copies N`` (default): every NAME.dirty.txt in the folder given, copied N times into a
  temporary tree. Each worker finds most lines in its caches, so this measures the batch machinery.
* ``--distinct N``: the first N distinct dirty pages (by content) found under the folder given,
  in sorted path order, e.g. the shared ``data`` folder (articles, Readability and WCXB pages).
  Every page is new to every cache: what a batch of new pages costs (issue 15's measure).

Each setting runs ``--repeat`` times; the best time counts. Prints files/s and MB/s per job count
and the speed-up over the first job count. The command is the textfix of this interpreter
(``python -m textfix``), so a source tree on PYTHONPATH is what is measured.

Usage: python benchmarks/batch_throughput.py FOLDER [--copies N | --distinct N] [--jobs 1 2] [--repeat R]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def copied_corpus(articles: Path, copies: int, into: Path) -> tuple[int, float]:
    files = sorted(articles.glob("*.dirty.txt"))
    size = 0
    for n in range(copies):
        folder = into / f"copy{n:03d}"
        folder.mkdir(parents=True)
        for path in files:
            shutil.copyfile(path, folder / path.name)
            size += path.stat().st_size
    return len(files) * copies, size / 1e6


def distinct_corpus(folder: Path, wanted: int, into: Path) -> tuple[int, float]:
    """The first ``wanted`` dirty pages under ``folder`` whose contents differ, copied flat."""
    seen: set[bytes] = set()
    size = 0
    for path in sorted(folder.rglob("*.dirty.txt")):
        data = path.read_bytes()
        digest = hashlib.sha256(data).digest()
        if digest in seen:
            continue
        seen.add(digest)
        (into / f"{len(seen):05d}.txt").write_bytes(data)
        size += len(data)
        if len(seen) == wanted:
            break
    if len(seen) < wanted:
        raise SystemExit(f"only {len(seen)} distinct dirty pages under {folder}, not {wanted}")
    return len(seen), size / 1e6


def timed(command: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        proc = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        best = min(best, time.perf_counter() - started)
        if proc.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(command)} failed: {proc.stderr.strip()[-300:]}")
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="NAME.dirty.txt files (searched recursively with --distinct)")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--copies", type=int, default=10, help="copies of the folder's pages")
    group.add_argument("--distinct", type=int, default=0, metavar="N", help="N distinct pages instead")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    command = [sys.executable, "-m", "textfix", "clean", "--check", "-q"]
    env_note = os.environ.get("PYTHONPATH", "")
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp)
        if args.distinct:
            files, megabytes = distinct_corpus(args.folder, args.distinct, corpus)
            kind = "distinct pages"
        else:
            files, megabytes = copied_corpus(args.folder, args.copies, corpus)
            kind = f"pages, each {args.copies} times"
        print(f"corpus: {files} files ({kind}), {megabytes:.1f} MB; os.cpu_count() {os.cpu_count()}, "
              f"load {os.getloadavg()[0]:.1f}{'; PYTHONPATH set' if env_note else ''}")
        base = None
        for jobs in args.jobs:
            seconds = timed([*command, "--jobs", str(jobs), tmp], args.repeat)
            base = base or seconds
            print(f"--jobs {jobs}: {seconds:7.2f} s  {files / seconds:7.1f} files/s  {megabytes / seconds:5.2f} MB/s"
                  f"  speed-up {base / seconds:.2f}x", flush=True)


if __name__ == "__main__":
    main()

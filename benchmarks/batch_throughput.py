"""Batch throughput of ``textfix clean --check`` with one job and with several, on a folder corpus.

The corpus is every NAME.dirty.txt in the folder given, copied ``--copies`` times into a temporary
tree (so start-up is a small share of the run). Each setting runs ``--repeat`` times; the best
time counts. Prints files/s and MB/s per job count and the speed-up over one job.

Usage: python benchmarks/batch_throughput.py ARTICLES_DIR [--copies N] [--jobs 1 2]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
import time
from pathlib import Path


def build_corpus(articles: Path, copies: int, into: Path) -> tuple[int, float]:
    files = sorted(articles.glob("*.dirty.txt"))
    size = 0
    for n in range(copies):
        folder = into / f"copy{n:03d}"
        folder.mkdir(parents=True)
        for path in files:
            shutil.copyfile(path, folder / path.name)
            size += path.stat().st_size
    return len(files) * copies, size / 1e6


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
    parser.add_argument("articles", type=Path, help="folder with NAME.dirty.txt files")
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    textfix = shutil.which("textfix")
    if textfix is None:
        raise SystemExit("the textfix command is not installed")
    with tempfile.TemporaryDirectory() as tmp:
        files, megabytes = build_corpus(args.articles, args.copies, Path(tmp))
        print(f"corpus: {files} files, {megabytes:.1f} MB")
        base = None
        for jobs in args.jobs:
            seconds = timed([textfix, "clean", "--check", "-q", "--jobs", str(jobs), tmp], args.repeat)
            base = base or seconds
            print(f"--jobs {jobs}: {seconds:6.2f} s  {files / seconds:7.1f} files/s  {megabytes / seconds:5.2f} MB/s"
                  f"  speed-up {base / seconds:.2f}x")


if __name__ == "__main__":
    main()

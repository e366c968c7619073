"""Throughput of textfix.clean (default cleaners) against ftfy.fix_text on the same corpus.

The corpus is every NAME.dirty.txt in the folder given, each cleaned as one document. Both
tools run in this process, after one warm-up pass (imports, word lists, regex compilation),
so the figures compare steady-state speed. Also times one ``echo hello | textfix clean -``
start-up when the ``textfix`` command is installed.

Usage: python benchmarks/speed.py ARTICLES_DIR [--repeat N]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import time
from pathlib import Path


DEBRIS_CLEANERS = ["encoding", "entities", "numbers", "punctuation", "whitespace"]


def throughput(function, documents: list[str], repeat: int) -> float:
    """Best-of-``repeat`` megabytes (of UTF-8 input) per second."""
    size = sum(len(d.encode("utf-8")) for d in documents) / 1e6
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        for document in documents:
            function(document)
        best = min(best, time.perf_counter() - started)
    return size / best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", type=Path, help="folder with NAME.dirty.txt files")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    import ftfy

    import textfix

    documents = [p.read_text(encoding="utf-8") for p in sorted(args.articles.glob("*.dirty.txt"))]
    pipeline = textfix.make_pipeline()
    # The debris cleaners alone (what ftfy's job compares to: no boilerplate or spin analysis).
    debris = textfix.make_pipeline(select=DEBRIS_CLEANERS)
    for document in documents:  # warm-up
        pipeline.run(document)
        debris.run(document)
        ftfy.fix_text(document)
    size = sum(len(d.encode("utf-8")) for d in documents) / 1e6
    print(f"corpus: {len(documents)} documents, {size:.2f} MB")
    ours = throughput(pipeline.run, documents, args.repeat)
    ours_debris = throughput(debris.run, documents, args.repeat)
    theirs = throughput(ftfy.fix_text, documents, args.repeat)
    print(f"textfix.clean (default cleaners): {ours:8.2f} MB/s")
    print(f"textfix.clean (debris cleaners):  {ours_debris:8.2f} MB/s   ({', '.join(DEBRIS_CLEANERS)})")
    print(f"ftfy.fix_text:                    {theirs:8.2f} MB/s")
    print(f"ratio textfix/ftfy:               {ours / theirs:8.2f}x")
    print(f"ratio debris cleaners/ftfy:       {ours_debris / theirs:8.2f}x")
    print("seconds per cleaner (all runs):")
    for code, counter in pipeline.stats.items():
        print(f"  {code:12s} {counter['seconds']:7.3f}")

    command = shutil.which("textfix")
    if command is None:
        print("textfix command not installed: start-up time skipped")
        return
    started = time.perf_counter()
    done = subprocess.run([command, "clean", "-"], input="hello\n", capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    print(f"echo hello | textfix clean -: {elapsed:.3f} s (exit {done.returncode})")


if __name__ == "__main__":
    main()

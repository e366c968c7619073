"""Throughput of textfix.clean (default cleaners) against ftfy.fix_text on the same corpus.

The corpus is every NAME.dirty.txt in the folder given, each cleaned as one document. Both
tools run in this process. textfix keeps per-line and per-word caches (a batch sees the same
menu lines and the same words again and again), so timing it on pages it has just cleaned
would flatter it. Each half of the corpus is therefore timed on a cold start of those caches
warmed on the *other* half only: the data files are loaded and common words and site furniture
are cached, as in a long batch, but no measured page has been seen before. ftfy is timed the
same way (it has no such caches). Also times one ``echo hello | textfix clean -`` start-up
when the ``textfix`` command is installed.

Usage: python benchmarks/speed.py ARTICLES_DIR [--repeat N]
"""

from __future__ import annotations

import argparse
import functools
import shutil
import subprocess
import sys
import time
from collections import Counter
from statistics import median
from pathlib import Path

DEBRIS_CLEANERS = ["encoding", "entities", "numbers", "punctuation", "whitespace"]


def clear_text_caches() -> None:
    """Empty every bounded ``lru_cache`` in textfix: those hold results per line, word or text.

    Caches of size 1 or unbounded ones hold loaded data files, which a warm process keeps.
    """
    for name, module in list(sys.modules.items()):
        if name == "textfix" or name.startswith("textfix."):
            for value in list(vars(module).values()):
                if isinstance(value, functools._lru_cache_wrapper):
                    if value.cache_parameters()["maxsize"] not in (1, None):
                        value.cache_clear()


def cross_warm_seconds(function, documents: list[str]) -> float:
    """Seconds for one pass over ``documents``, each half measured cold after warming on the
    other half."""
    halves = (documents[0::2], documents[1::2])
    total = 0.0
    for measured, other in (halves, halves[::-1]):
        clear_text_caches()
        for document in other:
            function(document)
        started = time.perf_counter()
        for document in measured:
            function(document)
        total += time.perf_counter() - started
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", type=Path, help="folder with NAME.dirty.txt files")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    import ftfy

    import textfix

    documents = [p.read_text(encoding="utf-8") for p in sorted(args.articles.glob("*.dirty.txt"))]
    size = sum(len(d.encode("utf-8")) for d in documents) / 1e6
    print(f"corpus: {len(documents)} documents, {size:.2f} MB")
    pipelines = {
        "default cleaners": textfix.make_pipeline(),
        "without spin": textfix.make_pipeline(ignore=["spin"]),
        "debris cleaners": textfix.make_pipeline(select=DEBRIS_CLEANERS),
    }
    for pipeline in pipelines.values():
        pipeline.preload()
    runs = {"ftfy": ftfy.fix_text, **{label: pipeline.run for label, pipeline in pipelines.items()}}
    # Interleaved: each round times every contender once, so a machine that speeds up or slows
    # down during the run (other jobs, clock changes) moves them all, not one of them.
    timings: dict[str, list[float]] = {label: [] for label in runs}
    for _ in range(args.repeat):
        for label, function in runs.items():
            timings[label].append(cross_warm_seconds(function, documents))
    theirs = size / min(timings["ftfy"])
    print(f"ftfy.fix_text:                       {theirs:6.2f} MB/s")
    print("textfix.clean, best of each and the median of the rounds' ratios (each round times both):")
    for label in pipelines:
        ours = size / min(timings[label])
        ratios = [ftfy_time / our_time for ftfy_time, our_time in zip(timings["ftfy"], timings[label])]
        print(f"  {label + ':':18s} {ours:6.2f} MB/s   {ours / theirs:5.2f}x ftfy   median {median(ratios):5.2f}x")
    default = pipelines["default cleaners"]
    passes = 2 * args.repeat  # each repeat ran the corpus twice: a warm-up half and a timed half, twice
    print("seconds per pass over the corpus, per cleaner (default cleaners):")
    seconds = Counter({code: counter["seconds"] / passes for code, counter in default.stats.items()})
    for code, value in seconds.items():
        print(f"  {code:12s} {value:7.3f}")

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

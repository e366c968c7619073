"""Throughput of ``textfix clean --engine dask`` with 1 and 2 workers against ``--jobs 1/2`` locally.

Builds a JSONL corpus in a temporary folder: every NAME.dirty.txt of the folder given is one
record, the whole set repeated until the corpus reaches --megabytes, written as --shards shards.
Then cleans it to an output folder with each engine, checks that every run wrote the same bytes,
and prints records/s and MB/s (of input) per run, plus the overhead of Dask against the local
engine with as many processes.

Dask is timed three ways: the whole command, which starts (and stops) a local cluster; a run on a
cluster started beforehand (``--scheduler``), whose workers still import textfix and build the
pipeline; and a second run there, with warm workers, closest to what a long job on a real
cluster pays per record. Every command also pays its own start-up (importing Dask, connecting).

Usage: python benchmarks/dask_throughput.py ARTICLES_DIR [--megabytes 20] [--shards 8] [--workers 1,2]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def build_corpus(articles: Path, folder: Path, megabytes: float, shards: int) -> tuple[int, int]:
    """Write the shards; return (records, bytes)."""
    documents = [p.read_text(encoding="utf-8") for p in sorted(articles.glob("*.dirty.txt"))]
    if not documents:
        raise SystemExit(f"no *.dirty.txt in {articles}")
    lines, size, copy = [], 0, 0
    while size < megabytes * 1e6:
        for i, document in enumerate(documents):
            line = json.dumps({"id": f"{copy}-{i}", "text": document}, ensure_ascii=False) + "\n"
            lines.append(line)
            size += len(line.encode("utf-8"))
        copy += 1
    per_shard = -(-len(lines) // shards)
    for s in range(shards):
        (folder / f"shard-{s:03d}.jsonl").write_text("".join(lines[s * per_shard:(s + 1) * per_shard]),
                                                     encoding="utf-8")
    return len(lines), size


def timed(args: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "textfix", "clean", *args], cwd=cwd, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return time.perf_counter() - started


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", type=Path, help="folder with NAME.dirty.txt files")
    parser.add_argument("--megabytes", type=float, default=20, help="corpus size [20]")
    parser.add_argument("--shards", type=int, default=8, help="number of JSONL shards [8]")
    parser.add_argument("--workers", default="1,2", help="worker/job counts to try [1,2]")
    args = parser.parse_args()

    from textfix.dask_engine import local_cluster

    counts = [int(n) for n in args.workers.split(",")]
    with tempfile.TemporaryDirectory(prefix="textfix-dask-bench-") as tmp:
        work = Path(tmp)
        (work / "data").mkdir()
        records, size = build_corpus(args.articles, work / "data", args.megabytes, args.shards)
        print(f"corpus: {records} records, {size / 1e6:.1f} MB in {args.shards} shards")
        common = ["--jsonl", "--include", "*.jsonl", "data", "--quiet"]
        runs: dict[str, float] = {}
        for n in counts:
            runs[f"local --jobs {n}"] = timed([*common, "--output-dir", f"out-local-{n}", "-j", str(n)], work)
            runs[f"dask, {n} worker(s), cluster started by the command"] = timed(
                [*common, "--output-dir", f"out-dask-{n}", "--engine", "dask", "-j", str(n)], work)
            with local_cluster(n) as cluster:
                for state in ("cold", "warm"):  # warm: the workers have imported textfix and built the pipeline
                    runs[f"dask, {n} worker(s), running cluster, {state}"] = timed(
                        [*common, "--output-dir", f"out-sched-{n}-{state}", "--engine", "dask", "--scheduler",
                         cluster.scheduler_address], work)
        outputs = [tree(p) for p in sorted(work.glob("out-*"))]
        same = all(o == outputs[0] for o in outputs)
        print(f"outputs identical across the {len(outputs)} runs: {same}")
        for name, seconds in runs.items():
            print(f"{name:50s} {seconds:6.2f} s  {records / seconds:8.1f} records/s  {size / 1e6 / seconds:6.2f} MB/s")
        print("overhead (time of dask / time of local with as many processes):")
        for n in counts:
            local = runs[f"local --jobs {n}"]
            ratios = ", ".join(f"{what} {runs[f'dask, {n} worker(s), {what}'] / local:.2f}x" for what in
                               ("cluster started by the command", "running cluster, cold", "running cluster, warm"))
            print(f"  {n} worker(s): {ratios}")
        if not same:
            sys.exit(1)


if __name__ == "__main__":
    main()

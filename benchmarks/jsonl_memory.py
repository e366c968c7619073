"""Peak memory of ``textfix clean --jsonl`` on a large JSONL file: streaming, never held whole.

Builds a JSONL file of about ``--megabytes`` MB (records made from the NAME.dirty.txt pages in the
folder given, repeated), cleans it to an output folder, and prints the input size, the time, and
the peak resident memory of the textfix process and of its largest worker.

Usage: python benchmarks/jsonl_memory.py ARTICLES_DIR [--megabytes 1000] [--jobs 2]
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import tempfile
import time
from pathlib import Path


def build_jsonl(articles: Path, megabytes: int, path: Path) -> int:
    pages = [p.read_text(encoding="utf-8") for p in sorted(articles.glob("*.dirty.txt"))]
    target = megabytes * 1_000_000
    records = 0
    with open(path, "w", encoding="utf-8") as f:
        while f.tell() < target:
            page = pages[records % len(pages)]
            f.write(json.dumps({"id": records, "url": f"https://example.org/{records}", "text": page},
                               ensure_ascii=False) + "\n")
            records += 1
    return records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", type=Path, help="folder with NAME.dirty.txt files")
    parser.add_argument("--megabytes", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    textfix = shutil.which("textfix")
    if textfix is None:
        raise SystemExit("the textfix command is not installed")
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "data.jsonl"
        records = build_jsonl(args.articles, args.megabytes, source)
        size = source.stat().st_size / 1e6
        print(f"input: {size:.0f} MB, {records} records")
        command = ["/usr/bin/time", "-f", "%M"] if Path("/usr/bin/time").exists() else []
        started = time.perf_counter()
        proc = subprocess.run(command + [textfix, "clean", "--jsonl", "-q", "--jobs", str(args.jobs),
                                         "--output-dir", str(Path(tmp) / "out"), str(source)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        seconds = time.perf_counter() - started
        if proc.returncode != 0:
            raise SystemExit(f"textfix failed: {proc.stderr.strip()[-300:]}")
        # ru_maxrss of children: the largest resident set of any waited-for descendant (KiB on Linux).
        largest_child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        main_rss = float(proc.stderr.strip().splitlines()[-1]) / 1024 if command else float("nan")
        print(f"time: {seconds:.1f} s  ({size / seconds:.2f} MB/s, --jobs {args.jobs})")
        print(f"peak memory: textfix process {main_rss:.0f} MB; largest process {largest_child:.0f} MB")
        print(f"peak memory / input size: {max(main_rss, largest_child) / size:.3f}")


if __name__ == "__main__":
    main()

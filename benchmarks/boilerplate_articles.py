#!/usr/bin/env python3
"""Score textfix's default pipeline on scraped pages with known article bodies.

    python benchmarks/boilerplate_articles.py DATA_DIR [--scorer SCORE_SCRIPT] [-v] [--via-cli]

DATA_DIR holds NAME.dirty.txt / NAME.gold.txt pairs and index.tsv (name, lang). The metric is
the scorer's own (word 4-shingle precision/recall/F1, macro over pages): by default the scorer
script at DATA_DIR/../../eval/score_articles.py is imported and its ``prf`` used, so the figures
match it exactly while the pipeline runs in this process. Prints macro figures for all pages,
for English, for the two halves of the pages (split on the name's first hex digit, to watch
for over-fitting), the idempotence check (cleaning the output again changes nothing) and the
time taken. ``--via-cli`` instead runs the scorer script itself on ``textfix clean -``.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import subprocess
import sys
import time
from pathlib import Path


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("score_articles", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def macro(rows):
    n = len(rows) or 1
    return tuple(sum(r[i] for r in rows) / n for i in (2, 3, 4))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data_dir", type=Path)
    ap.add_argument("--scorer", type=Path, help="score_articles.py (default: DATA_DIR/../../eval/score_articles.py)")
    ap.add_argument("--via-cli", action="store_true", help="run the scorer script on `textfix clean -`")
    ap.add_argument("-v", "--verbose", action="store_true", help="one line per page, worst first")
    args = ap.parse_args()
    scorer = args.scorer or args.data_dir / ".." / ".." / "eval" / "score_articles.py"
    if not scorer.exists():
        sys.exit(f"scorer not found: {scorer} (give --scorer)")

    if args.via_cli:
        cmd = f"{sys.executable} -m textfix clean -"
        for lang in (None, "en"):
            extra = ["--lang", lang] if lang else []
            print(f"# scorer on {'all pages' if lang is None else lang}")
            subprocess.run([sys.executable, str(scorer), str(args.data_dir), "--cmd", cmd, *extra], check=False)
        return 0

    import textfix

    prf = load_scorer(scorer).prf
    with (args.data_dir / "index.tsv").open(encoding="utf-8") as f:
        langs = {row["name"]: row["lang"] for row in csv.DictReader(f, delimiter="\t")}
    rows, unstable = [], []
    seconds = 0.0
    for name, lang in sorted(langs.items()):
        dirty = (args.data_dir / f"{name}.dirty.txt").read_text(encoding="utf-8")
        gold = (args.data_dir / f"{name}.gold.txt").read_text(encoding="utf-8")
        started = time.perf_counter()
        out = textfix.clean(dirty).text
        seconds += time.perf_counter() - started
        if textfix.clean(out).text != out:
            unstable.append(name)
        p, r, f1, *_ = prf(out, gold)
        rows.append((name, lang, p, r, f1))

    if args.verbose:
        for row in sorted(rows, key=lambda r: r[4]):
            print("{}\t{}\tP={:.3f}\tR={:.3f}\tF1={:.3f}".format(*row))
    groups = [
        ("all", rows),
        ("en", [r for r in rows if r[1] == "en"]),
        ("other languages", [r for r in rows if r[1] != "en"]),
        ("half A (even first digit)", [r for r in rows if int(r[0][0], 16) % 2 == 0]),
        ("half B (odd first digit)", [r for r in rows if int(r[0][0], 16) % 2 == 1]),
    ]
    for label, group in groups:
        print("macro {:<26} pages={:<3} P={:.3f} R={:.3f} F1={:.3f}".format(label, len(group), *macro(group)))
    print(f"idempotent: {len(rows) - len(unstable)}/{len(rows)} pages" + (f" (not: {', '.join(unstable)})" if unstable else ""))
    print(f"time: {seconds:.2f} s for {len(rows)} pages ({1000 * seconds / max(len(rows), 1):.0f} ms a page)")
    return 1 if unstable else 0


if __name__ == "__main__":
    sys.exit(main())

"""Whole pages cleaned twice: how many are not a fixpoint, and which cleaner moves on pass 2.

Every ``*.txt`` file under the folders given (dirty pages and gold bodies alike) is cleaned with
the default options and with ``unsafe=True``; the output is then cleaned again with the same
options. A page fails when the second pass makes an edit or the first pass raises (a run that
does not settle within its rounds is an error, see ``textfix.errors.NotConverged``). The script
prints, per option set, the number of pages checked and failed, and for each failure the page,
the cleaners and rules of the second pass and the first changed words.

Usage: python benchmarks/idempotence.py DIR [DIR ...] [--jobs N] [--max N] [--options default,unsafe]
e.g.   python benchmarks/idempotence.py ../shared/data --jobs 2
Exit status: 0 when every page settles, 1 otherwise.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

OPTION_SETS = {"default": {}, "unsafe": {"unsafe": True}}


def second_pass(job: tuple[str, str]) -> tuple[str, str, list[str]]:
    """Clean one file twice under one option set: ``(path, option set, problems)``.

    A problem is ``"error: ..."`` for an exception, or ``"cleaner/rule: 'old' -> 'new'"`` for
    each edit of the second pass.
    """
    import textfix

    path, option_set = job
    text = Path(path).read_text(encoding="utf-8", errors="replace")
    opts = OPTION_SETS[option_set]
    try:
        first = textfix.clean(text, **opts)
        second = textfix.clean(first.text, **opts)
    except Exception as error:  # the benchmark reports every failure, whatever its kind
        return path, option_set, [f"error: {type(error).__name__}: {error}"]
    problems = [f"{e.cleaner}/{e.rule}: {e.before[:40]!r} -> {e.after[:40]!r}" for e in second.edits]
    if not problems and second.text != first.text:
        problems = ["output changed without an edit"]
    return path, option_set, problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dirs", nargs="+", type=Path)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--max", type=int, default=0, help="first N files only (0: all)")
    parser.add_argument("--options", default="default,unsafe", help="option sets: default, unsafe")
    args = parser.parse_args(argv)
    sets = [name for name in args.options.split(",") if name]
    unknown = [name for name in sets if name not in OPTION_SETS]
    if unknown:
        parser.error(f"unknown option set: {', '.join(unknown)}")
    missing = [str(d) for d in args.dirs if not d.is_dir()]
    if missing:
        sys.exit(f"not a folder: {', '.join(missing)}")
    files = sorted(str(p) for d in args.dirs for p in d.rglob("*.txt"))
    if args.max:
        files = files[: args.max]
    if not files:
        sys.exit("no .txt files found")
    jobs = [(path, name) for name in sets for path in files]
    failed: dict[str, list[tuple[str, list[str]]]] = {name: [] for name in sets}
    by_cleaner: Counter = Counter()
    with ProcessPoolExecutor(args.jobs) as pool:
        for path, name, problems in pool.map(second_pass, jobs, chunksize=8):
            if problems:
                failed[name].append((path, problems))
                by_cleaner.update({p.split(":")[0].split("/")[0] for p in problems})
    for name in sets:
        print(f"{name}: {len(failed[name])} of {len(files)} pages change on a second pass")
        for path, problems in failed[name]:
            print(f"  {path}")
            for problem in problems[:3]:
                print(f"    {problem}")
    if by_cleaner:
        print("pages with second-pass edits, by cleaner: " + ", ".join(f"{c} {n}" for c, n in by_cleaner.most_common()))
    return 1 if any(failed.values()) else 0


if __name__ == "__main__":
    sys.exit(main())

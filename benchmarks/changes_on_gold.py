"""How many edits the default pipeline makes on text an editor already cleaned.

Every edit on a gold article body is a candidate false positive. Prints edits per cleaner/rule
and, with --show N, up to N examples per rule with some context.

Usage: python benchmarks/changes_on_gold.py ARTICLES_DIR [--show N] [--select CODE ...] [--glob '*.dirty.txt']
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from pathlib import Path

import textfix


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", type=Path, help="folder with NAME.gold.txt files")
    parser.add_argument("--show", type=int, default=0, help="examples to print per rule")
    parser.add_argument("--select", nargs="*", help="only these cleaners or rules")
    parser.add_argument("--glob", default="*.gold.txt", help="which files (e.g. '*.dirty.txt' for whole pages)")
    args = parser.parse_args()

    pipeline = textfix.make_pipeline(select=args.select)
    counts: Counter = Counter()
    documents: Counter = Counter()
    examples = defaultdict(list)
    paths = sorted(args.articles.glob(args.glob))
    for path in paths:
        text = path.read_text(encoding="utf-8")
        result = pipeline.run(text, path=str(path))
        seen = set()
        for edit in result.edits:
            key = f"{edit.cleaner}/{edit.rule}"
            counts[key] += 1
            seen.add(key)
            if len(examples[key]) < args.show:
                left = text[max(0, edit.orig_start - 30) : edit.orig_start]
                right = text[edit.orig_end : edit.orig_end + 30]
                examples[key].append(f"{path.name}:{edit.line}: {left!r} [{edit.original!r} -> {edit.after!r}] {right!r}")
        documents.update(seen)
    print(f"{len(paths)} files ({args.glob}), {sum(counts.values())} edits")
    for key, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"{n:6d}  {key}  (in {documents[key]} documents)")
        for line in examples[key]:
            print("        " + line)


if __name__ == "__main__":
    main()

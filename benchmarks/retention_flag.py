"""Does the "lost most of its prose" flag catch the pages where textfix lost the article?

For every ``NAME.dirty.txt`` with a ``NAME.gold.txt`` in the folders given, cleans the dirty page
and asks two questions: did the clean keep under half of the gold's words (the truth: the article
was lost), and did textfix flag the file (``kept.lost_prose``)? Prints the counts per split:
pages are split by a hash of their name, one in four to validation; figures quoted in README are
the validation ones. Measures and prints only; asserts nothing.

    python benchmarks/retention_flag.py FOLDER... [--show]
"""

from __future__ import annotations

import argparse
import hashlib
import re
from collections import Counter
from pathlib import Path

import textfix
from textfix.retention import result_retention

WORD = re.compile(r"\w+")


def split_of(name: str) -> str:
    """``validation`` for one page name in four, by hash; ``train`` for the rest."""
    return "validation" if hashlib.blake2b(name.encode(), digest_size=4).digest()[0] % 4 == 0 else "train"


def gold_recall(gold: str, cleaned: str) -> float:
    """Share of the gold's words (as a multiset, lower-cased) that the clean text still has."""
    want = Counter(w.lower() for w in WORD.findall(gold))
    have = Counter(w.lower() for w in WORD.findall(cleaned))
    total = sum(want.values())
    return sum(min(n, have[w]) for w, n in want.items()) / total if total else 1.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+", type=Path, help="folders of NAME.dirty.txt and NAME.gold.txt")
    parser.add_argument("--show", action="store_true", help="list the pages flagged or lost")
    args = parser.parse_args()
    pipeline = textfix.make_pipeline()
    tally = {"train": Counter(), "validation": Counter()}
    for folder in args.folders:
        for dirty in sorted(folder.glob("*.dirty.txt")):
            gold_path = dirty.with_name(dirty.name.replace(".dirty.txt", ".gold.txt"))
            if not gold_path.exists():
                continue
            name = f"{folder.name}/{dirty.name[:-len('.dirty.txt')]}"
            gold = gold_path.read_text(encoding="utf-8")
            if gold_recall(gold, dirty.read_text(encoding="utf-8")) < 0.8:
                continue  # the scrape itself lost the article; nothing a clean could keep
            result = pipeline.run(dirty.read_text(encoding="utf-8"))
            kept = result_retention(result)
            lost = gold_recall(gold, result.text) < 0.5
            split = split_of(name)
            tally[split][(lost, kept.lost_prose)] += 1
            if args.show and (lost or kept.lost_prose):
                print(f"{split:<10} {name:<40} gold words kept {gold_recall(gold, result.text):.2f}  "
                      f"flag {kept.lost_prose}  words {kept.words:.2f}  prose {kept.prose_kept}/{kept.prose_lines}")
    for split, t in tally.items():
        pages = sum(t.values())
        hit, miss, false = t[(True, True)], t[(True, False)], t[(False, True)]
        print(f"{split}: {pages} pages; article lost on {hit + miss}, flagged {hit} of them; "
              f"{false} flagged that kept their article (of {pages - hit - miss})")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Texts holding several pages: does the boilerplate cleaner keep each article?

    python benchmarks/boilerplate_several.py SHARED_DATA_DIR [--per 3 9] [--copies 20 100] [--half validation]

SHARED_DATA_DIR is the shared ``data`` folder. The pages are the English article pages of the
article benchmark, Readability's test pages and WCXB's article pages, in one half of the fixed
split (``dev_split.in_validation``; validation by default). Two tests, with the boilerplate
cleaner alone:

* **Concatenated pages.** Consecutive pages are joined, ``--per`` at a time (a blank line
  between), and the joined text is cleaned. For each article, its gold recall in the joined
  output (the scorer's word 4-shingle recall) is compared with its recall when its page is
  cleaned alone. Printed: mean recall alone and joined, the share of articles whose joined
  recall falls under half of their recall alone (lost), and the joined outputs' mean F1 against
  the joined golds.
* **Copies of one page.** A page repeated ``--copies`` times is one text; kept is the output's
  words over N times the words kept from the page alone (1.0: every copy kept as the page alone
  was). Printed per N: the mean kept share and the share of pages under 0.9.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from boilerplate_pages import load_pages, mean
from dev_split import load_scorer

ARTICLE_GROUPS = ("articles", "readability", "wcxb-dev/article")


def english_articles(scorer, data_dir: Path, validation: bool, limit: int) -> list[tuple[str, str, str]]:
    """(key, dirty, gold) of the English article pages in one half, in the sets' order."""
    from textfix.language import detect_language
    from dev_split import in_validation

    found = []
    for group, key, dirty, gold, language in load_pages(scorer, data_dir, 0):
        if group not in ARTICLE_GROUPS or in_validation(key) != validation:
            continue
        english = language == "en" if group == "articles" else detect_language(gold) == "en"
        if english:
            found.append((key, dirty, gold))
    return found[:limit] if limit else found


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data_dir", type=Path)
    ap.add_argument("--per", type=int, nargs="+", default=[3, 9], help="pages joined into one text")
    ap.add_argument("--copies", type=int, nargs="+", default=[20, 100], help="copies of one page in one text")
    ap.add_argument("--copy-pages", type=int, default=30, help="pages tested as copies")
    ap.add_argument("--half", choices=("train", "validation"), default="validation")
    ap.add_argument("--max", type=int, default=0, help="at most N pages (0: all of the half)")
    args = ap.parse_args()

    import textfix

    scorer = load_scorer(args.data_dir)
    pages = english_articles(scorer, args.data_dir, args.half == "validation", args.max)
    if not pages:
        sys.exit("no English article pages found")
    pipeline = textfix.make_pipeline(select=["boilerplate"])
    started = time.perf_counter()
    alone = [pipeline.run(dirty).text for _, dirty, _ in pages]
    recall_alone = [scorer.prf(out, gold)[1] for out, (_, _, gold) in zip(alone, pages)]
    print(f"{len(pages)} English article pages ({args.half} half); cleaner: boilerplate only")
    print(f"alone: mean recall {mean(recall_alone):.3f}")

    print("\n# concatenated pages")
    print(f"{'per text':>8} {'texts':>5} {'recall alone':>12} {'recall joined':>13} {'lost':>6} {'joined F1':>9}")
    for per in args.per:
        joined_recall, alone_recall, lost, f1s = [], [], 0, []
        for start in range(0, len(pages) - per + 1, per):
            members = pages[start : start + per]
            out = pipeline.run("\n\n".join(dirty for _, dirty, _ in members)).text
            f1s.append(scorer.prf(out, "\n\n".join(gold for _, _, gold in members))[2])
            for offset, (_, _, gold) in enumerate(members):
                r = scorer.prf(out, gold)[1]
                joined_recall.append(r)
                alone_recall.append(recall_alone[start + offset])
                lost += r < 0.5 * recall_alone[start + offset]
        print(f"{per:>8} {len(f1s):>5} {mean(alone_recall):>12.3f} {mean(joined_recall):>13.3f}"
              f" {lost / max(len(joined_recall), 1):>6.1%} {mean(f1s):>9.3f}")

    print("\n# copies of one page in one text")
    print(f"{'copies':>6} {'pages':>5} {'kept share':>10} {'under 0.9':>9}")
    for copies in args.copies:
        shares = []
        for (_, dirty, _), out in list(zip(pages, alone))[: args.copy_pages]:
            words_alone = len(scorer.WORD.findall(out))
            if not words_alone:
                continue
            text = "\n\n".join([dirty] * copies)
            words = len(scorer.WORD.findall(pipeline.run(text).text))
            shares.append(words / (copies * words_alone))
        print(f"{copies:>6} {len(shares):>5} {mean(shares):>10.3f} {sum(s < 0.9 for s in shares) / max(len(shares), 1):>9.1%}")
    print(f"\n{time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""The spin cleaner's language model against the shipped word-pair counts. Usage::

    python benchmarks/spin_lm.py SHARED_DIR [--max N] [--half train]

For every single-word substitution of the forward-spun pairs (``spin_pairs.py``, rate 0.5, each
spinner table) it asks which of the two words, the original or the spinner's, fits better
between the same neighbours, and prints the share of substitutions where the original wins
(ties count half):

- ``trigram``: :func:`textfix.spin.lm.span_score` (two words either side, the word and the
  words after it given their histories);
- ``pairs``: the log counts of the word pairs with the left and the right neighbour in the
  shipped pair list (``textfix.spin.stats.bigram``; pairs below its floor count 0).

Then the model's load time (fresh process, textfix imported already; pocketsphinx's import counted) and the cost of one query once loaded.
"""

from __future__ import annotations

import argparse
import math
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import spin_pairs  # noqa: E402
from textfix.spin import evidence, lm, stats  # noqa: E402
from textfix.spin.text import token_keys, tokenize  # noqa: E402


def pair_support(left: list[str], word: str, right: list[str]) -> float:
    total = 0.0
    if left and left[-1] != lm.START:
        total += math.log10(1 + stats.bigram(left[-1], word))
    if right and right[0] != "</s>":
        total += math.log10(1 + stats.bigram(word, right[0]))
    return total


def compare(shared: Path, half: str, max_docs: int) -> None:
    model = lm.default_model()
    print(f"{'table':<9} {'subs':>5} {'trigram':>8} {'pairs':>7}   (share where the original fits better)")
    for name in spin_pairs.TABLE_NAMES:
        wins = {"trigram": 0.0, "pairs": 0.0}
        n = 0
        for pair in spin_pairs.pairs(shared, name, 0.5, half, max_docs):
            tokens = tokenize(pair.spun)
            keys = token_keys(pair.spun, tokens)
            by_start = {t.start: i for i, t in enumerate(tokens)}
            for sub in pair.substitutions:
                i = by_start.get(sub.start)
                if i is None or " " in sub.original or tokens[i].end != sub.end:
                    continue
                left, right = evidence.context(tokens, keys, i)
                original, spun = sub.original.lower(), keys[i]
                for label, score in (
                    ("trigram", lambda w: lm.span_score(model, left, [w], right)),
                    ("pairs", lambda w: pair_support(left, w, right)),
                ):
                    a, b = score(original), score(spun)
                    wins[label] += 1.0 if a > b else 0.5 if a == b else 0.0
                n += 1
        print(f"{name:<9} {n:>5} {100 * wins['trigram'] / max(n, 1):>7.1f}% {100 * wins['pairs'] / max(n, 1):>6.1f}%")


def timing() -> None:
    code = ("import time; from textfix.spin import lm; t=time.perf_counter(); lm.default_model(); "
            "print(time.perf_counter()-t)")
    loads = sorted(float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                        check=True).stdout) for _ in range(5))
    model = lm.default_model()
    words = ["the", "new", "party", "drug", "called", "ketamine", "is", "taken", "at", "raves"]
    queries = [(words[i], tuple(words[max(0, i - 2):i]), k) for k in range(2000) for i in range(len(words))]
    started = time.perf_counter()
    for word, history, k in queries:
        model._query((word, *reversed(history), str(k)))  # distinct, uncached queries
    uncached = (time.perf_counter() - started) / len(queries)
    started = time.perf_counter()
    for word, history, _ in queries:
        model.prob(word, history)
    cached = (time.perf_counter() - started) / len(queries)
    print(f"\nload (fresh process, 5 runs): {1000 * loads[0]:.0f}-{1000 * loads[-1]:.0f} ms; "
          f"one query: {1e6 * uncached:.1f} us uncached, {1e6 * cached:.1f} us cached")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("shared", type=Path)
    parser.add_argument("--max", type=int, default=40, help="at most N bodies (0: all)")
    parser.add_argument("--half", default="train", choices=("train", "validation"))
    args = parser.parse_args()
    if spin_pairs.lacks_articles(args.shared, "spin_lm"):
        return 2
    compare(args.shared, args.half, args.max)
    timing()
    return 0


if __name__ == "__main__":
    sys.exit(main())

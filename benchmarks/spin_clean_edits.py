#!/usr/bin/env python3
"""What the spin cleaner changes in clean English bodies, fast. Usage::

    python benchmarks/spin_clean_edits.py SHARED_DIR [--max N] [--halves train,validation]
                                                     [--sources thesaurus,phrases] [--show N]

The bodies are the gold bodies ``spin_pairs.py`` spins (fixed SHA-256 split). Each is cleaned with
``select=["spin"]``, by default and with unsafe fixes; per half it prints the changed words per
1000 (word edit distance of output to input, as in ``spin_eval.py``), how many bodies are judged
spun, and then every distinct applied spin edit as ``rule: before -> after`` with its count and documents, so false
repairs can be studied (``--show N`` lists at most N per half and mode; 0: none). Every change on
these bodies is a false repair: they were never spun.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import spin_pairs  # noqa: E402
import textfix  # noqa: E402
from spin_eval import word_errors, words  # noqa: E402


def changes(text: str, unsafe: bool, options: dict) -> tuple[int, bool, list]:
    """Changed words, judged spun, and the applied spin edits of one clean body.

    >>> changes("The cat sat on the mat.", False, {})[0]
    0
    """
    result = textfix.clean(text, select=["spin"], unsafe=unsafe, options=options or None)
    spun = bool(result.notes.get("spin", {}).get("spun"))
    edits = [(e.rule, e.before, e.after) for e in result.edits if e.applied]
    return word_errors(text, result.text), spun, edits


def grouped(listed: list) -> list:
    """The same change (rule, before -> after, case aside) once, with its count and documents,
    most frequent first.

    >>> grouped([("a/1", "r", "X y", "X z"), ("a/2", "r", "x y", "x z")])
    [(('r', 'x y', 'x z'), 2, ['a/1', 'a/2'])]
    """
    counts: Counter = Counter()
    documents: dict = {}
    for key, rule, before, after in listed:
        change = (rule, before.lower(), after.lower())
        counts[change] += 1
        documents.setdefault(change, dict.fromkeys([]))[key] = None
    return sorted(((c, n, list(documents[c])) for c, n in counts.items()), key=lambda t: (-t[1], t[0]))


def report_half(chosen: list, options: dict, show: int, half: str) -> None:
    total = sum(len(words(b.text)) for b in chosen)
    for unsafe in (False, True):
        changed, judged, listed, rules = 0, 0, [], Counter()
        for body in chosen:
            n, spun, edits = changes(body.text, unsafe, options)
            changed += n
            judged += spun
            rules.update(rule for rule, _, _ in edits)
            listed.extend((body.key, rule, before, after) for rule, before, after in edits)
        mode = "unsafe " if unsafe else "default"
        print(f"{half:<10} {mode} {len(chosen):>4} bodies, {total} words: {changed} changed words, "
              f"{1000 * changed / max(total, 1):.2f} per 1000; judged spun {judged}; "
              f"rules: {', '.join(f'{r} {k}' for r, k in rules.most_common()) or 'none'}")
        changes_seen = grouped(listed)
        for (rule, before, after), n, keys in changes_seen[:show]:
            where = ", ".join(keys[:3]) + (f" +{len(keys) - 3}" if len(keys) > 3 else "")
            print(f"    {n:>3}x {rule}: {before!r} -> {after!r}  ({where})")
        if len(changes_seen) > show:
            print(f"    ... {len(changes_seen) - show} more distinct changes (--show)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("shared", type=Path)
    parser.add_argument("--max", type=int, default=0, help="at most N bodies per half (0: all)")
    parser.add_argument("--halves", default="train,validation")
    parser.add_argument("--sources", default="", help="candidate sources, comma-separated (default: the cleaner's)")
    parser.add_argument("--show", type=int, default=40, help="distinct changes listed per half and mode")
    args = parser.parse_args()
    if spin_pairs.lacks_articles(args.shared, "spin_clean_edits"):
        return 2
    halves = [h for h in args.halves.split(",") if h]
    if not halves or set(halves) - {"train", "validation"}:
        print(f"spin_clean_edits: --halves takes train and/or validation, not {args.halves!r}", file=sys.stderr)
        return 2
    sources = [s for s in args.sources.split(",") if s]
    options = {"spin": {"candidate_sources": sources}} if sources else {}
    found = spin_pairs.bodies(args.shared)
    for half in halves:
        chosen = [b for b in found if b.half == half]
        report_half(chosen[: args.max] if args.max else chosen, options, args.show, half)
    return 0


if __name__ == "__main__":
    sys.exit(main())

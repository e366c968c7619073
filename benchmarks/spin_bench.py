#!/usr/bin/env python3
"""Measure the spin cleaner. Usage::

    python benchmarks/spin_bench.py SHARED_DIR [--folds 5] [--verbose]

SHARED_DIR holds seeds/, data/articles/ and data/tortured-phrases/pairs.tsv. Prints:

(a) seed 001: how many occurrences of the hand-identified substitutions
    (benchmarks/seed001_substitutions.tsv) are repaired, and how many other words it changed;
(b) tortured phrases, k-fold hold-out: each fold's pairs are removed from the phrase table while
    they are scored, so only the statistical path can restore them (exact match of the phrase);
(c) changed words per 1000 on the gold article bodies (clean professional text);
plus the data load time and the cost of a 5 KB article once the data is loaded.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

import textfix
from textfix.spin import stats
from textfix.spin.phrases import PhraseTable, default_table, normalize
from textfix.spin.repair import analyse, applies

HERE = Path(__file__).resolve().parent


def norm(s: str) -> str:
    return " ".join(normalize(s))


def seed_score(shared: Path, verbose: bool) -> None:
    text = (shared / "seeds").glob("001_*.txt").__next__().read_text(encoding="utf-8")
    lines = (HERE / "seed001_substitutions.tsv").read_text(encoding="utf-8").splitlines()
    listed = PhraseTable.from_lines(lines, "seed001_substitutions.tsv")
    pairs = {" ".join(key): norm(entry.candidates[0]) for key, entry in listed.entries.items()}
    # Occurrences of the spun phrases, matched the way the cleaner tokenizes.
    total = sum(1 for _ in listed.matches(text))
    result = textfix.clean(text, select=["spin"])
    repaired = other = 0
    for edit in result.edits:
        before, after = norm(edit.before), norm(edit.after)
        if pairs.get(before) == after:
            repaired += 1
            continue
        # An edit may repair a listed substitution inside a longer phrase (drug works -> ...).
        hit = False
        for b, a in zip(before.split(), after.split()):
            if pairs.get(b) == a:
                repaired += 1
                hit = True
        if not hit:
            other += 1
            if verbose:
                print(f"    other: {edit.before!r} -> {edit.after!r} ({edit.rule}, {edit.confidence})")
    print(f"(a) seed 001: {repaired} of {total} identified substitutions repaired "
          f"({100 * repaired / total:.0f}%); {other} other edits; "
          f"{len(result.suggestions)} suggestions; spin score {result.notes['spin']['score']}")


def tortured_score(shared: Path, folds: int, verbose: bool) -> None:
    rows = []
    for line in (shared / "data/tortured-phrases/pairs.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        spun, _, original = line.partition("\t")
        if spun.strip() and original.strip():
            rows.append((spun.strip(), original.strip()))
    random.Random(0).shuffle(rows)
    full = default_table()
    restored = changed_wrong = 0
    for fold in range(folds):
        held = rows[fold::folds]
        table = full.without(spun for spun, _ in held)
        for spun, original in held:
            # The phrase alone, through the real cleaner with default options: it must judge
            # the phrase spun by itself before it repairs anything.
            result = textfix.clean(spun, select=["spin"], options={"spin": {"table": table}})
            out = result.text
            if norm(out) == norm(original):
                restored += 1
            elif result.edits:
                changed_wrong += 1
                if verbose and changed_wrong <= 30:
                    print(f"    wrong: {spun!r} -> {out!r} (expected {original!r})")
    n = len(rows)
    two = [r for r in rows if len(r[0].split()) == 2]
    print(f"(b) tortured phrases alone, default options, {folds}-fold hold-out: {restored} of {n} restored "
          f"({100 * restored / n:.1f}%); {changed_wrong} changed to something else "
          f"({len(two)} of the pairs are two-word phrases)")
    table_hits = sum(
        1 for spun, original in rows[:500]
        if norm(_apply_all(spun, full)) == norm(original)
    )
    print(f"    with the pairs in the table (sanity, first 500): {table_hits} of 500")


def _apply_all(text: str, table) -> str:
    analysis = analyse(text, table)
    for r in sorted((r for r in analysis.repairs if applies(r, True, 0.6)), key=lambda r: -r.start):
        text = text[: r.start] + r.replacement + text[r.end :]
    return text


def gold_score(shared: Path, verbose: bool) -> None:
    words = changed = spun_docs = 0
    for path in sorted((shared / "data/articles").glob("*.gold.txt")):
        text = path.read_text(encoding="utf-8")
        words += len(re.findall(r"\w+", text))
        result = textfix.clean(text, select=["spin"])
        note = result.notes.get("spin", {})
        spun_docs += bool(note.get("spun"))
        for edit in result.edits:
            changed += max(len(edit.before.split()), len(edit.after.split()))
            if verbose:
                print(f"    {path.name}: {edit.before!r} -> {edit.after!r} ({edit.rule})")
    print(f"(c) gold bodies: {changed} changed words in {words} = {1000 * changed / words:.2f} per 1000 "
          f"(limit 0.2); {spun_docs} documents judged spun")


def timing(shared: Path) -> None:
    stats._bigram_rows.cache_clear(), stats._unigram_rows.cache_clear(), stats._thesaurus_rows.cache_clear()
    default_table.cache_clear()
    started = time.perf_counter()
    stats.load()
    default_table()
    load = time.perf_counter() - started
    seed = next((shared / "seeds").glob("001_*.txt")).read_text(encoding="utf-8")[:5000]
    textfix.clean(seed, select=["spin"])  # warm caches of the language check etc.
    articles = sorted((shared / "data/articles").glob("*.gold.txt"))
    samples = [seed] + [p.read_text(encoding="utf-8")[:5000] for p in articles[:10]]
    from textfix.cleaner import Document
    from textfix.cleaners.spin import SpinCleaner

    cleaner = SpinCleaner()
    costs = []
    for text in samples:
        started = time.perf_counter()
        list(cleaner.find_edits(text, Document(text)))
        costs.append(time.perf_counter() - started)
    print(f"data load {1000 * load:.0f} ms; one 5 KB article: median {1000 * sorted(costs)[len(costs) // 2]:.0f} ms, "
          f"max {1000 * max(costs):.0f} ms (spin seed: {1000 * costs[0]:.0f} ms)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("shared", type=Path)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--verbose", "-v", action="store_true")
    args = parser.parse_args()
    timing(args.shared)
    seed_score(args.shared, args.verbose)
    tortured_score(args.shared, args.folds, args.verbose)
    gold_score(args.shared, args.verbose)


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Boilerplate removal on every dev set, with a fixed train/validation split.

    python benchmarks/boilerplate_pages.py SHARED_DATA_DIR [--max N] [--worst N] [--only boilerplate]

SHARED_DATA_DIR is the shared ``data`` folder (``../shared/data`` from the repository root). Its
sets: ``articles`` (NAME.dirty.txt / NAME.gold.txt, languages in index.tsv), ``pages/readability``
and ``pages/wcxb-dev`` (NAME.json gives ``usable`` and ``page_type``; wcxb-dev is scored per page
type). Pages are read and scored by the shared scorer itself (``SHARED_DATA_DIR/../eval/
score_pages.py`` is imported: its ``pages`` and ``prf``), so every F1 here is the scorer's macro
word-4-shingle F1; the cleaner runs in this process.

The split is fixed: a page is in the validation half when the first byte of the SHA-256 of
``SET/NAME`` is odd. Tune on train, quote validation. Printed per set and page type, for train
and validation: pages, keep-everything F1, F1, precision, recall, pages under F1 0.3 whose gold
has over 100 words (and how many of them the report warns about); then the worst validation
pages; then the gold bodies cleaned as input (words lost per 1000, bodies losing over 1%); the
idempotence check (cleaning the output again changes nothing) and the boilerplate cleaner's own
time per page.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from dev_split import in_validation, load_scorer

ENGLISH_ARTICLES = "en articles (articles en + readability + wcxb article)"
LOW_F1 = 0.3
LOW_F1_GOLD_WORDS = 100
LOSS_SHARE = 0.01


def article_languages(folder: Path) -> dict[str, str]:
    index = folder / "index.tsv"
    if not index.exists():
        return {}
    rows = index.read_text(encoding="utf-8").splitlines()[1:]
    return {row.split("\t")[0]: row.split("\t")[1] for row in rows if row.strip()}


def load_pages(scorer, data_dir: Path, limit: int):
    """(group, set/name, dirty, gold, language or None) for every usable page with a gold text."""
    languages = article_languages(data_dir / "articles")
    folders = [data_dir / "articles", data_dir / "pages" / "readability", data_dir / "pages" / "wcxb-dev"]
    taken: Counter = Counter()
    found = []
    for folder in folders:
        if not folder.exists():
            sys.exit(f"missing set: {folder}")
        for set_name, name, dirty, gold, meta in scorer.pages([folder], None, 0):
            if gold is None or not gold.strip() or not meta.get("usable", True):
                continue
            group = set_name if set_name != "wcxb-dev" else f"wcxb-dev/{meta.get('page_type')}"
            key = (group, in_validation(f"{set_name}/{name}"))
            if limit and taken[key] >= limit:
                continue
            taken[key] += 1
            found.append((group, f"{set_name}/{name}", dirty, gold, languages.get(name)))
    return found


class Timed:
    """Wraps a cleaner's ``find_edits`` to add up the time it takes."""

    def __init__(self, cleaner):
        self.seconds = 0.0
        self.calls = 0
        inner = cleaner.find_edits

        def find_edits(text, doc):
            started = time.perf_counter()
            try:
                return list(inner(text, doc))
            finally:
                self.seconds += time.perf_counter() - started
                self.calls += 1

        cleaner.find_edits = find_edits


def words_lost(scorer, gold: str, out: str) -> tuple[int, int]:
    """(words of ``gold`` missing from ``out`` as a multiset, words of ``gold``), scorer's tokens."""
    before = Counter(w.lower() for w in scorer.WORD.findall(gold))
    after = Counter(w.lower() for w in scorer.WORD.findall(out))
    return sum((before - after).values()), sum(before.values())


def warned(result) -> bool:
    """The report flags this text: retention says it lost its prose, or the boilerplate cleaner
    left a warning in its note."""
    from textfix.retention import result_retention

    note = result.notes.get("boilerplate", {}) if hasattr(result, "notes") else {}
    return result_retention(result).lost_prose or bool(note.get("warning"))


def mean(values) -> float:
    values = list(values)
    return sum(values) / len(values) if values else 0.0


def print_table(rows, title: str) -> None:
    print(f"\n# {title}")
    print(f"{'group':<58} {'half':<5} {'pages':>5} {'keep-all':>8} {'F1':>6} {'P':>6} {'R':>6} {'low':>4} {'warned':>6}")
    groups = defaultdict(list)
    for row in rows:
        groups[(row["group"], row["validation"])].append(row)
        if row["group_en"]:
            groups[(ENGLISH_ARTICLES, row["validation"])].append(row)
    for (group, validation), members in sorted(groups.items(), key=lambda kv: (kv[0][0] == ENGLISH_ARTICLES, kv[0])):
        low = [m for m in members if m["f1"] < LOW_F1 and m["gold_words"] > LOW_F1_GOLD_WORDS]
        print(
            f"{group:<58} {'val' if validation else 'train':<5} {len(members):>5} {mean(m['keep'] for m in members):>8.3f}"
            f" {mean(m['f1'] for m in members):>6.3f} {mean(m['p'] for m in members):>6.3f}"
            f" {mean(m['r'] for m in members):>6.3f} {len(low):>4} {sum(m['warned'] for m in low):>6}"
        )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data_dir", type=Path, help="the shared data folder (../shared/data)")
    ap.add_argument("--max", type=int, default=0, help="at most N pages per group and half (0: all)")
    ap.add_argument("--worst", type=int, default=15, help="worst validation pages to list")
    ap.add_argument("--only", default=None, help="run only this cleaner (e.g. boilerplate) instead of the default pipeline")
    ap.add_argument("--train", action="store_true", help="list the worst train pages instead (for tuning)")
    ap.add_argument("--no-stability", action="store_true", help="skip the second-run check")
    ap.add_argument("--dump", type=Path, help="write one JSON line per page (key, half, F1, P, R) to this file")
    args = ap.parse_args()

    import textfix
    from textfix.errors import NotConverged
    from textfix.language import detect_language

    scorer = load_scorer(args.data_dir)
    pages = load_pages(scorer, args.data_dir, args.max)
    pipeline = textfix.make_pipeline(select=[args.only] if args.only else None)
    boilerplate = next((c for c in pipeline.cleaners if c.code == "boilerplate"), None)
    timer = Timed(boilerplate) if boilerplate is not None else None

    rows, gold_rows, unstable, failed = [], [], [], []

    def run(text: str, key: str):
        """The pipeline's result, or None when it reaches no fixpoint (the CLI then leaves the
        file as it was and marks it failed: counted here, its text unchanged)."""
        try:
            return pipeline.run(text)
        except NotConverged:
            failed.append(key)
            return None

    started = time.perf_counter()
    for group, key, dirty, gold, language in pages:
        calls_before = timer.seconds if timer else 0.0
        result = run(dirty, key)
        page_seconds = (timer.seconds - calls_before) if timer else 0.0
        out = dirty if result is None else result.text
        p, r, f1 = scorer.prf(out, gold)
        keep = scorer.prf(dirty, gold)[2]
        gold_words = len(scorer.WORD.findall(gold))
        if group == "articles":
            english = language == "en"
        elif group in ("readability", "wcxb-dev/article"):
            english = detect_language(gold) == "en"
        else:
            english = False
        validation = in_validation(key)
        rows.append(dict(group=group, key=key, validation=validation, language=language, group_en=english,
                         p=p, r=r, f1=f1, keep=keep, gold_words=gold_words, warned=result is None or warned(result), ms=1000 * page_seconds))
        if not args.no_stability and getattr(run(out, key), "text", out) != out:
            unstable.append(key)
        cleaned = run(gold, key)
        clean = gold if cleaned is None else cleaned.text
        lost, total = words_lost(scorer, gold, clean)
        gold_rows.append((group, key, validation, lost, total, len(gold), len(clean)))
    elapsed = time.perf_counter() - started

    if args.dump:
        with args.dump.open("w", encoding="utf-8") as f:
            for row in rows:
                f.write(json.dumps({k: row[k] for k in ("key", "group", "validation", "f1", "p", "r", "warned")}) + "\n")
    print(f"{len(rows)} pages; split: validation = first SHA-256 byte of SET/NAME odd;"
          f" cleaner: {args.only or 'default pipeline'}")
    print_table(rows, "dirty pages as input (macro word-4-shingle F1 of score_pages.py)")

    half = not args.train
    print(f"\n# worst {'validation' if half else 'train'} pages")
    for row in sorted((r for r in rows if r["validation"] == half), key=lambda r: r["f1"])[: args.worst]:
        print(f"{row['key']:<40} {row['group']:<22} F1={row['f1']:.3f} P={row['p']:.3f} R={row['r']:.3f}"
              f" keep-all={row['keep']:.3f} gold_words={row['gold_words']} warned={row['warned']}")

    print("\n# gold bodies as input: words lost per 1000, bodies losing over 1%")
    by_half = defaultdict(list)
    for group, key, validation, lost, total, before, after in gold_rows:
        by_half[("all sets", validation)].append((key, lost, total, before, after))
        by_half[(group, validation)].append((key, lost, total, before, after))
    for (group, validation), members in sorted(by_half.items()):
        lost = sum(m[1] for m in members)
        total = sum(m[2] for m in members) or 1
        losing = [m for m in members if m[2] and m[1] > LOSS_SHARE * m[2]]
        print(f"{group:<22} {'val' if validation else 'train':<5} bodies={len(members):>4} "
              f"lost/1000={1000 * lost / total:6.2f} losing>1%={len(losing)}")
    worst_gold = sorted((m for m in by_half[("all sets", half)] if m[2]), key=lambda m: -m[1] / m[2])[:5]
    for key, lost, total, before, after in worst_gold:
        if lost:
            print(f"    {key}: lost {lost}/{total} words ({before} -> {after} characters)")

    if not args.no_stability:
        print(f"\nidempotent: {len(rows) - len(unstable)}/{len(rows)} pages" + (f" (not: {', '.join(unstable[:10])})" if unstable else ""))
    print(f"no fixpoint (text left unchanged): {len(failed)}" + (f" ({', '.join(failed[:10])})" if failed else ""))
    if timer:
        print(f"boilerplate cleaner: {1000 * timer.seconds / max(timer.calls, 1):.2f} ms a call, "
              f"{mean(r['ms'] for r in rows):.2f} ms a dirty page (all rounds); whole run {elapsed:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

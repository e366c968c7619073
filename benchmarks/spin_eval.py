#!/usr/bin/env python3
"""Measure the spin cleaner on text it has never seen. Usage::

    python benchmarks/spin_eval.py SHARED_DIR [--max N] [--folds 5] [--tables stylish,tortured,moby]
                                              [--halves train,validation]

Clean English bodies are spun forward with three spinner tables at two rates
(``spin_pairs.py``: fixed train/validation split; tune on train, quote validation). Per table, rate
and half it prints:

- detection: AUROC of the per-document spin score (``notes["spin"]["score"]``) between the spun
  documents and their clean originals, and the share of spun and of clean documents judged spun
  (``notes["spin"]["spun"]``);
- word-error reduction: word-level edit distance to the original before and after cleaning
  (``select=["spin"]``), with default options and with unsafe fixes; a negative figure means the
  output has more word errors than its input. The distance is counted from difflib's alignment of
  the word sequences (each unequal block costs its longer side), an upper bound of Levenshtein
  that is exact for the isolated substitutions spinning makes;
- per half, changed words per 1000 on the clean bodies (default and unsafe).

Then: tortured phrases restored exactly under k-fold hold-out (each fold's pairs removed from
the phrase table while scored, the phrase alone through the cleaner); seed 001's hand-marked
substitutions repaired (a test case, not a tuning target); the data load time and the cost of a
5 KB article once loaded.

Hold-out of the spinner: a document spun with a table is scored with the cleaner drawing its
candidates only from its other sources when the cleaner has a ``candidate_sources`` option;
otherwise the script prints how many of the substitutions the cleaner's own tables contain.
"""

from __future__ import annotations

import argparse
import difflib
import inspect
import random
import re
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import spin_pairs  # noqa: E402
import textfix  # noqa: E402
from textfix.spin.phrases import PhraseTable, default_table, normalize  # noqa: E402

WORDS = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# The cleaner's candidate sources the spinner table overlaps with (the reverse thesaurus is
# Moby-derived; the phrase table holds the published tortured pairs).
OVERLAPPING_SOURCE = {"moby": "thesaurus", "tortured": "phrases", "stylish": None}


def words(text: str) -> list[str]:
    return [w.lower() for w in WORDS.findall(text)]


def word_errors(a: str, b: str) -> int:
    """Word edit distance of two texts (unequal aligned blocks cost their longer side).

    >>> word_errors("the big house stands", "the large house stands")
    1
    """
    x, y = words(a), words(b)
    matcher = difflib.SequenceMatcher(None, x, y, autojunk=False)
    return sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal")


def auroc(positive: list[float], negative: list[float]) -> float:
    """Probability that a spun document scores above a clean one (ties count half).

    >>> auroc([0.9, 0.8], [0.1, 0.8])
    0.875
    """
    if not positive or not negative:
        return float("nan")
    ranked = sorted([(s, 1) for s in positive] + [(s, 0) for s in negative])
    rank_sum, i = 0.0, 0
    while i < len(ranked):
        j = i
        while j < len(ranked) and ranked[j][0] == ranked[i][0]:
            j += 1
        mid = (i + j + 1) / 2  # average 1-based rank of the tie block
        rank_sum += mid * sum(lab for _, lab in ranked[i:j])
        i = j
    n_pos, n_neg = len(positive), len(negative)
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


def has_candidate_sources() -> bool:
    from textfix.cleaners.spin import SpinCleaner

    return "candidate_sources" in inspect.signature(SpinCleaner.__init__).parameters


SOURCES: tuple[str, ...] | None = None  # --sources: the cleaner's candidate sources (None: its default)


def spin_options(table_name: str) -> dict:
    """The cleaner's options for a document spun with ``table_name``: its own overlapping
    candidate source left out when the cleaner can do that."""
    if not has_candidate_sources():
        return {}
    from textfix.cleaners import spin as spin_module

    sources = SOURCES or getattr(spin_module, "CANDIDATE_SOURCES", ("thesaurus", "phrases"))
    held = OVERLAPPING_SOURCE.get(table_name)
    return {"spin": {"candidate_sources": [s for s in sources if s != held]}}


def run(text: str, unsafe: bool, options: dict):
    return textfix.clean(text, select=["spin"], unsafe=unsafe, options=options or None)


def note(result) -> tuple[float, bool]:
    spin = result.notes.get("spin", {})
    return float(spin.get("score") or 0.0), bool(spin.get("spun"))


def score_pair(job: tuple) -> tuple:  # options travel with the job: workers do not see SOURCES
    """Word errors of a spun text before and after cleaning (default, unsafe), its score and verdict."""
    original, spun_text, options = job
    default = run(spun_text, False, options)
    unsafe = run(spun_text, True, options)
    return (word_errors(spun_text, original), word_errors(default.text, original),
            word_errors(unsafe.text, original), *note(default))


_POOL = None


def pool_map(function, jobs: list) -> list:
    """``map`` over the worker processes of ``--jobs`` (in this process when 1)."""
    return _POOL.map(function, jobs, chunksize=4) if _POOL else list(map(function, jobs))


def overlap(pairs_made: list) -> tuple[int, int, int]:
    """Substitutions the cleaner's own tables could undo: (in the phrase table, in the reverse
    thesaurus, all)."""
    from textfix.spin import stats

    table = default_table()
    in_table = in_thesaurus = total = 0
    for pair in pairs_made:
        for sub in pair.substitutions:
            total += 1
            entry = table.entries.get(normalize(sub.replacement))
            if entry and any(" ".join(normalize(c)) == sub.original.lower() for c in entry.candidates):
                in_table += 1
            if " " not in sub.replacement and sub.original.lower() in stats.replaced_by(sub.replacement):
                in_thesaurus += 1
    return in_table, in_thesaurus, total


def clean_options() -> dict:
    return {"spin": {"candidate_sources": list(SOURCES)}} if SOURCES else {}


def score_clean(shared: Path, max_docs: int, halves: list[str]) -> dict:
    """Per half: clean bodies' spin scores, judged-spun count and changed words per 1000."""
    out = {}
    for half in halves:
        chosen = [b for b in spin_pairs.bodies(shared) if b.half == half]
        if max_docs:
            chosen = chosen[:max_docs]
        scores, judged, changed, total = [], 0, {False: 0, True: 0}, 0
        for body in chosen:
            total += len(words(body.text))
            for unsafe in (False, True):
                result = run(body.text, unsafe, clean_options())
                changed[unsafe] += word_errors(body.text, result.text)
                if not unsafe:
                    score, spun = note(result)
                    scores.append(score)
                    judged += spun
        out[half] = (scores, judged, changed, total, len(chosen))
        print(f"clean bodies {half:<10} {len(chosen):>4} docs: judged spun {judged} "
              f"({100 * judged / max(len(chosen), 1):.1f}%), highest score {max(scores, default=0):.2f}; changed words per 1000: "
              f"default {1000 * changed[False] / max(total, 1):.2f}, unsafe {1000 * changed[True] / max(total, 1):.2f}")
    return out


def score_spun(shared: Path, clean: dict, tables: list[str], max_docs: int, halves: list[str]) -> None:
    held_out = has_candidate_sources()
    print("\nspinner hold-out: " + ("cleaner's overlapping candidate source left out per table" if held_out
                                    else "the cleaner has no candidate_sources option: overlap shown"))
    print(f"{'table':<9} {'rate':>4} {'half':<10} {'docs':>4} {'AUROC':>6} {'spun%':>6} {'clean%':>6} "
          f"{'errors':>7} {'WER-red':>8} {'unsafe':>8}  overlap(table/thes)")
    for name in tables:
        options = spin_options(name)
        for rate in spin_pairs.RATES:
            for half in halves:
                made = spin_pairs.pairs(shared, name, rate, half, max_docs)
                scores, judged, before, after = [], 0, 0, {False: 0, True: 0}
                jobs = [(pair.original, pair.spun, options) for pair in made]
                for errors, fixed, fixed_unsafe, score, spun in pool_map(score_pair, jobs):
                    before += errors
                    after[False] += fixed
                    after[True] += fixed_unsafe
                    scores.append(score)
                    judged += spun
                clean_scores, clean_judged, _, _, n_clean = clean[half]
                red = {u: 100 * (before - after[u]) / max(before, 1) for u in (False, True)}
                in_table, in_thes, total = overlap(made)
                print(f"{name:<9} {rate:>4} {half:<10} {len(made):>4} {auroc(scores, clean_scores):>6.3f} "
                      f"{100 * judged / max(len(made), 1):>5.1f}% {100 * clean_judged / max(n_clean, 1):>5.1f}% "
                      f"{before:>7} {red[False]:>7.1f}% {red[True]:>7.1f}%  "
                      f"{100 * in_table / max(total, 1):.0f}%/{100 * in_thes / max(total, 1):.0f}% of {total}")


def candidate_recall(shared: Path, tables: list[str], max_docs: int, halves: list[str]) -> None:
    """Per table, rate and half: the share of single-word substitutions whose original is among
    the candidates of the replacement (spinner's overlapping source held out), and the share
    the language model would examine at all (the replacement unlikely where it stands)."""
    from textfix.spin import candidates, evidence
    from textfix.spin.lm import default_model
    from textfix.spin.text import token_keys, tokenize

    lm = default_model()
    print(f"\ncandidate recall (single-word substitutions; spinner's source held out)")
    print(f"{'table':<9} {'rate':>4} {'half':<10} {'subs':>6} {'examined':>9} {'cand.':>7} {'both':>7}  by source")
    for name in tables:
        names = spin_options(name).get("spin", {}).get("candidate_sources", candidates.CANDIDATE_SOURCES)
        names = list(names) + list(getattr(candidates, "OPTIONAL_SOURCES", ()))
        per_source = {n: candidates.combined([n], default_table()) for n in names}
        sources = candidates.combined(names, default_table())
        for rate in spin_pairs.RATES:
            for half in halves:
                total = examined = found = both = 0
                hits = {n: 0 for n in names}
                for pair in spin_pairs.pairs(shared, name, rate, half, max_docs):
                    tokens = tokenize(pair.spun)
                    keys = token_keys(pair.spun, tokens)
                    at = {t.start: i for i, t in enumerate(tokens)}
                    for sub in pair.substitutions:
                        i = at.get(sub.start)
                        if i is None or " " in sub.original or " " in sub.replacement or not evidence.examinable(keys[i]):
                            continue
                        total += 1
                        left, _ = evidence.context(tokens, keys, i)
                        looked = lm.prob(keys[i], tuple(left)) <= evidence.LIKELY
                        has = sub.original.lower() in sources(keys[i])
                        examined += looked
                        found += has
                        both += looked and has
                        for n in names:
                            hits[n] += sub.original.lower() in per_source[n](keys[i])
                pct = lambda k: f"{100 * k / max(total, 1):5.1f}%"
                print(f"{name:<9} {rate:>4} {half:<10} {total:>6} {pct(examined):>9} {pct(found):>7} {pct(both):>7}  "
                      + ", ".join(f"{n} {pct(k).strip()}" for n, k in hits.items()))


def norm(s: str) -> str:
    return " ".join(normalize(s))


def tortured_score(shared: Path, folds: int) -> None:
    rows = []
    for line in (shared / "data/tortured-phrases/pairs.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        spun, _, original = line.partition("\t")
        if spun.strip() and original.strip():
            rows.append((spun.strip(), original.strip()))
    random.Random(0).shuffle(rows)
    full = default_table()
    restored = wrong = 0
    for fold in range(folds):
        held = rows[fold::folds]
        table = full.without(spun for spun, _ in held)
        for spun, original in held:
            result = textfix.clean(spun, select=["spin"], options={"spin": {"table": table}})
            if norm(result.text) == norm(original):
                restored += 1
            elif result.edits:
                wrong += 1
    n = len(rows)
    print(f"\ntortured phrases alone, {folds}-fold hold-out: {restored} of {n} restored exactly "
          f"({100 * restored / n:.1f}%); {wrong} changed to something else")


def seed_score(shared: Path) -> None:
    seeds = sorted((shared / "seeds").glob("001_*.txt"))
    if not seeds:
        print("seed 001: not found")
        return
    text = seeds[0].read_text(encoding="utf-8")
    lines = (HERE / "seed001_substitutions.tsv").read_text(encoding="utf-8").splitlines()
    listed = PhraseTable.from_lines(lines, "seed001_substitutions.tsv")
    pairs = {" ".join(key): norm(entry.candidates[0]) for key, entry in listed.entries.items()}
    total = sum(1 for _ in listed.matches(text))
    result = textfix.clean(text, select=["spin"])
    repaired = other = 0
    for edit in result.edits:
        before, after = norm(edit.before), norm(edit.after)
        if pairs.get(before) == after:
            repaired += 1
            continue
        hits = sum(pairs.get(b) == a for b, a in zip(before.split(), after.split()))
        repaired += hits
        other += not hits
    score, spun = note(result)
    print(f"seed 001 (test case): {repaired} of {total} hand-marked substitutions repaired; "
          f"{other} other edits; score {score:.2f}, judged spun {spun}")


def timing(shared: Path) -> None:
    import subprocess

    # Everything the cleaner loads before its first document: tables, language model, detector.
    code = ("import time; t=time.perf_counter(); from textfix.cleaners.spin import SpinCleaner; "
            "SpinCleaner().preload(); print(time.perf_counter()-t)")
    load = float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
    samples = [b.text[:5000] for b in spin_pairs.bodies(shared)[:10]]
    run(samples[0], False, {})  # loaded and warm
    costs = []
    for text in samples:
        started = time.perf_counter()
        run(text, False, {})
        costs.append(time.perf_counter() - started)
    costs.sort()
    print(f"cost: data load {1000 * load:.0f} ms (fresh process); one 5 KB article after loading: "
          f"median {1000 * costs[len(costs) // 2]:.0f} ms, max {1000 * costs[-1]:.0f} ms")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("shared", type=Path)
    parser.add_argument("--max", type=int, default=0, help="at most N bodies per half (0: all)")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--tables", default=",".join(spin_pairs.TABLE_NAMES))
    parser.add_argument("--jobs", type=int, default=2, help="worker processes for the spun documents")
    parser.add_argument("--halves", default="train,validation", help="which halves to score")
    parser.add_argument("--sources", default="", help="candidate sources, comma-separated (default: the cleaner's)")
    parser.add_argument("--recall", action="store_true",
                        help="only print candidate recall: how often the original is among the candidates")
    args = parser.parse_args()
    halves = [h for h in args.halves.split(",") if h]
    if not halves or set(halves) - {"train", "validation"}:
        print(f"spin_eval: --halves takes train and/or validation, not {args.halves!r}", file=sys.stderr)
        return 2
    if spin_pairs.lacks_articles(args.shared, "spin_eval"):
        return 2
    tables = [t for t in args.tables.split(",") if t]
    unknown = set(tables) - set(spin_pairs.TABLE_NAMES)
    if unknown:
        print(f"spin_eval: unknown table(s) {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    global SOURCES, _POOL
    SOURCES = tuple(s for s in args.sources.split(",") if s) or None
    if args.recall:
        candidate_recall(args.shared, tables, args.max, halves)
        return 0
    timing(args.shared)
    seed_score(args.shared)
    clean = score_clean(args.shared, args.max, halves)
    if args.jobs > 1:
        import multiprocessing

        _POOL = multiprocessing.Pool(args.jobs)
    try:
        score_spun(args.shared, clean, tables, args.max, halves)
    finally:
        if _POOL:
            _POOL.close()
            _POOL = None
    tortured_score(args.shared, args.folds)
    return 0


if __name__ == "__main__":
    sys.exit(main())

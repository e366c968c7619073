#!/usr/bin/env python3
"""Calibrate the language-model restorer on the TRAIN pairs; write ``textfix/data/spin_restorer.json``.

Usage::

    python tools/fit_spin_restorer.py SHARED_DIR [--max N] [--jobs 2] [--out PATH]

Recipe:

1. Documents: the spun documents of the train half of ``benchmarks/spin_pairs.py`` (every spinner
   table at every rate; the cleaner repairs only documents judged spun). A document's candidates
   come from the cleaner's sources less the one its spinner table overlaps with, as in
   ``tools/fit_spin_detector.py``.
2. Examples: every word with a candidate leading by at least ``restore.MIN_MARGIN``
   (:func:`textfix.spin.judge.examine`). The label says whether the candidate is the word the
   spinner replaced there; a word the spinner did not touch is a negative (changing it adds an error).
3. A logistic regression on :data:`textfix.spin.restore.FEATURES` (L2 penalty :data:`PENALTY`,
   Newton's method), unweighted: its output is the probability that a repair is right.
4. Calibration: :data:`FOLDS`-fold cross-fitting by document on train; every example gets the
   probability of a model fitted without its document's fold. The reliability table (predicted
   against actual share right per probability bin) is printed.
5. ``apply_at``: the lowest probability (in steps of 0.01) from which at least
   :data:`APPLY_PRECISION` of the held-fold train repairs are right. Only those are applied by
   default; the rest (from ``restore.SUGGEST_AT``) are suggestions, applied with unsafe fixes.
   The shipped weights are fitted on all of train.

Prints the share right above a few probabilities, and the word errors removed per 100 repairs
at worst (every wrong repair counted as a new error). ``--examples PATH`` keeps the examples in
a ``.npz`` file (read when it exists) so that a refit need not examine the documents again.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tools"))

import spin_pairs  # noqa: E402
from fit_spin_detector import fit, sources_for  # noqa: E402
from textfix.spin import judge, restore  # noqa: E402

PENALTY = 1.0
# The share of default repairs that must be right on train: a wrong repair of an unspun word adds
# an error, so the default keeps to repairs that are rarely wrong. At 0.95 (apply_at 0.99) only
# 163 train repairs clear it, and default repairs are next to none. 0.85 (apply_at 0.85, 2,980
# repairs, 85.1% right) made more (validation stylish rate 0.5: 1.5% of word errors removed by
# default against 0.1%), but a second default run then changed Moby-spun documents again: the
# stability checks assume the suggestions are made too (as unsafe fixes make them), and a
# default run leaves them out, so it reads another density and other word families.
APPLY_PRECISION = 0.95
FOLDS = 5
MIN_REPAIRS = 20
BINS = (0.0, 0.5, 0.7, 0.8, 0.9, 0.95, 0.98, 1.01)


def examples(job: tuple) -> list[tuple[list[float], int]]:
    spun, substitutions, names = job
    found = judge.examine(spun, names, sample=0)  # every word: the repairs are made from each
    if found is None:
        return []
    from textfix.spin.text import token_keys, tokenize

    tokens = tokenize(spun)
    keys = token_keys(spun, tokens)
    families = restore.Families([k for k, t in zip(keys, tokens) if t.is_word])
    by_start = {start: original for start, end, original in substitutions}
    rows = []
    for slot in found.slots:
        if slot.margin < restore.MIN_MARGIN:
            continue
        original = by_start.get(tokens[slot.index].start)
        values = restore.features(slot, families, found.features["strong"])
        if values["own_family"] >= restore.OWN_FAMILY:
            continue  # never repaired
        rows.append(([values[name] for name in restore.FEATURES], int(original is not None and original == slot.best)))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("shared", type=Path)
    parser.add_argument("--max", type=int, default=0, help="at most N train bodies per table and rate (0: all)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--out", type=Path, default=ROOT / "textfix/data/spin_restorer.json")
    parser.add_argument("--examples", type=Path, help="a .npz file: examples read from it when it exists, else written to it")
    args = parser.parse_args()
    if args.examples and args.examples.exists():
        saved = np.load(args.examples)
        x, y, doc = saved["x"], saved["y"], saved["doc"]
    else:
        x, y, doc = gather(args)
        if args.examples:
            np.savez(args.examples, x=x, y=y, doc=doc)
    return report_and_write(x, y, doc, args.out)


def gather(args) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    jobs = []
    for name in spin_pairs.TABLE_NAMES:
        for rate in spin_pairs.RATES:
            for pair in spin_pairs.pairs(args.shared, name, rate, "train", args.max):
                subs = tuple((s.start, s.end, s.original.lower()) for s in pair.substitutions)
                jobs.append((pair.spun, subs, sources_for(name)))
    if args.jobs > 1:
        import multiprocessing

        with multiprocessing.Pool(args.jobs) as pool:
            per_doc = pool.map(examples, jobs, chunksize=8)
    else:
        per_doc = list(map(examples, jobs))
    rows = [(row, d) for d, found in enumerate(per_doc) for row in found]
    x = np.array([r[0][0] for r in rows])
    y = np.array([r[0][1] for r in rows], dtype=float)
    return x, y, np.array([r[1] for r in rows])


def predict(beta: np.ndarray, x: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-np.clip(beta[0] + x @ beta[1:], -40, 40)))


def cross_fitted(x: np.ndarray, y: np.ndarray, doc: np.ndarray) -> np.ndarray:
    """Each example's probability from a model fitted without its document's fold."""
    p = np.zeros(len(y))
    fold = doc % FOLDS
    for k in range(FOLDS):
        held = fold == k
        beta = fit(np.hstack([np.ones((int((~held).sum()), 1)), x[~held]]), y[~held], np.ones(int((~held).sum())), PENALTY)
        p[held] = predict(beta, x[held])
    return p


def lowest_sure(p: np.ndarray, y: np.ndarray) -> float:
    """The lowest probability (step 0.01) from which the repairs are right at least
    :data:`APPLY_PRECISION` of the time, and so are those from every higher step that has at least
    :data:`MIN_REPAIRS` (a handful of lucky repairs at one step does not set the bar)."""
    sure = 0.99
    for at in range(99, 49, -1):
        chosen = p >= at / 100
        if chosen.sum() >= MIN_REPAIRS and y[chosen].mean() < APPLY_PRECISION:
            break
        if chosen.sum() >= MIN_REPAIRS:
            sure = at / 100
    return sure


def report_and_write(x: np.ndarray, y: np.ndarray, doc: np.ndarray, out: Path) -> int:
    beta = fit(np.hstack([np.ones((len(y), 1)), x]), y, np.ones(len(y)), PENALTY)
    p = cross_fitted(x, y, doc)
    print("reliability on held folds (predicted vs actual share right):")
    for lo, hi in zip(BINS, BINS[1:]):
        inside = (p >= lo) & (p < hi)
        if inside.any():
            print(f"  p in [{lo:.2f}, {min(hi, 1):.2f}): {int(inside.sum()):>7} examples, predicted "
                  f"{100 * p[inside].mean():5.1f}%, actual {100 * y[inside].mean():5.1f}%")
    print(f"{len(y)} examples, {int(y.sum())} right candidates; weights",
          {n: round(float(b), 3) for n, b in zip(restore.FEATURES, beta[1:])}, "bias", round(float(beta[0]), 3))
    for at in (0.5, 0.7, 0.8, 0.9, 0.95, 0.98):
        chosen = p >= at
        right = y[chosen].sum()
        print(f"p >= {at}: {chosen.sum():>6} repairs, {100 * right / max(chosen.sum(), 1):5.1f}% right "
              f"(predicted {100 * p[chosen].mean() if chosen.any() else 0:5.1f}%), "
              f"errors removed per 100 repairs, at worst {100 * (2 * right - chosen.sum()) / max(chosen.sum(), 1):6.1f}")
    apply_at = lowest_sure(p, y)
    chosen = p >= apply_at
    print(f"apply_at {apply_at}: {chosen.sum()} train repairs, {100 * y[chosen].mean() if chosen.any() else 0:.1f}% right "
          f"(held folds; predicted {100 * p[chosen].mean() if chosen.any() else 0:.1f}%)")
    data = {
        "recipe": "tools/fit_spin_restorer.py on the spun documents of the train half of "
                  "benchmarks/spin_pairs.py (spinner's overlapping source held out); logistic "
                  f"regression, L2 {PENALTY}; label: the candidate is the word the spinner replaced; "
                  f"apply_at from {FOLDS}-fold cross-fitted probabilities (by document)",
        "examples": {"all": int(len(y)), "right": int(y.sum())},
        "features": list(restore.FEATURES),
        "weights": {n: round(float(b), 4) for n, b in zip(restore.FEATURES, beta[1:])},
        "bias": round(float(beta[0]), 4),
        "apply_at": apply_at,
        "apply_precision": APPLY_PRECISION,
    }
    out.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

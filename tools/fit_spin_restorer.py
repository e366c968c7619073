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
4. ``apply_at``: the lowest probability (in steps of 0.01) from which at least
   :data:`APPLY_PRECISION` of the train repairs are right. Only those are applied by default; the
   rest (from ``restore.SUGGEST_AT``) are suggestions, applied with unsafe fixes.

Prints the share right above a few probabilities, and the word errors removed per 100 repairs
at worst (every wrong repair counted as a new error).
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
# an error, so the default keeps to repairs that are rarely wrong.
APPLY_PRECISION = 0.9


def examples(job: tuple) -> list[tuple[list[float], int]]:
    spun, substitutions, names = job
    found = judge.examine(spun, names)
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
    args = parser.parse_args()
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
    rows = [row for doc in per_doc for row in doc]
    x = np.array([r[0] for r in rows])
    y = np.array([r[1] for r in rows], dtype=float)
    beta = fit(np.hstack([np.ones((len(y), 1)), x]), y, np.ones(len(y)), PENALTY)
    p = 1 / (1 + np.exp(-(beta[0] + x @ beta[1:])))
    print(f"{len(y)} examples, {int(y.sum())} right candidates; weights",
          {n: round(float(b), 3) for n, b in zip(restore.FEATURES, beta[1:])}, "bias", round(float(beta[0]), 3))
    for at in (0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
        chosen = p >= at
        right = y[chosen].sum()
        print(f"p >= {at}: {chosen.sum():>6} repairs, {100 * right / max(chosen.sum(), 1):5.1f}% right "
              f"(predicted {100 * p[chosen].mean() if chosen.any() else 0:5.1f}%), "
              f"errors removed per 100 repairs, at worst {100 * (2 * right - chosen.sum()) / max(chosen.sum(), 1):6.1f}")
    apply_at = next((at / 100 for at in range(50, 100) if (p >= at / 100).any()
                     and y[p >= at / 100].mean() >= APPLY_PRECISION), 0.99)
    chosen = p >= apply_at
    print(f"apply_at {apply_at}: {chosen.sum()} train repairs, {100 * y[chosen].mean() if chosen.any() else 0:.1f}% right")
    data = {
        "recipe": "tools/fit_spin_restorer.py on the spun documents of the train half of "
                  "benchmarks/spin_pairs.py (spinner's overlapping source held out); logistic "
                  f"regression, L2 {PENALTY}; label: the candidate is the word the spinner replaced",
        "examples": {"all": int(len(y)), "right": int(y.sum())},
        "features": list(restore.FEATURES),
        "weights": {n: round(float(b), 4) for n, b in zip(restore.FEATURES, beta[1:])},
        "bias": round(float(beta[0]), 4),
        "apply_at": apply_at,
        "apply_precision": APPLY_PRECISION,
    }
    args.out.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

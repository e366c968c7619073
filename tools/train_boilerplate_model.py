#!/usr/bin/env python3
"""Train the boilerplate cleaner's line model (``textfix/data/boilerplate-model.json``).

    python tools/train_boilerplate_model.py SHARED_DATA_DIR [--threshold P] [--out FILE]

SHARED_DATA_DIR is the shared ``data`` folder (``../shared/data`` from the repository root), the
same dev sets ``benchmarks/boilerplate_pages.py`` scores, and the same fixed split: only pages
of the TRAIN half are read (the first SHA-256 byte of ``SET/NAME`` even).

Recipe:

1. Every train page is read by the cleaner with its context rules alone (no model). The lines
   those rules would remove for where they stand (``outside-article``, ``navigation-run``) are
   the samples: the model decides only these.
2. Label: a line is main text when the gold text has it: a line of four words or more when
   half its word 4-shingles are in the gold, a shorter one when it equals a gold line.
3. Each train page's gold body is read the same way as a page of its own, every line main text:
   clean input must stay as it is. (A text that reads as a clean body, see
   ``textfix/boilerplate/page.py``, has no line judged by position, so it gives no sample; the
   shipped weights were fitted before that rule, on every gold body.)
4. Weight: a line's word count (capped at 50: the scorer counts shingles, so long lines matter
   more), gold bodies' lines twice (losing clean text is the worse mistake).
5. A logistic regression (scikit-learn, features standardised, C=1) over the features of
   ``textfix/boilerplate/features.py``; the standardisation is folded into the weights written.

The threshold (a line stays when its chance of being main text is at least this) is chosen on
the train half with the benchmark; the script prints the train error at a few thresholds.
numpy and scikit-learn are needed here only, never at run time.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from boilerplate_pages import load_pages  # noqa: E402
from dev_split import in_validation, load_scorer  # noqa: E402

from textfix.boilerplate.decision import decide  # noqa: E402
from textfix.boilerplate.features import NAMES  # noqa: E402
from textfix.boilerplate.lines import content_lines, layout  # noqa: E402
from textfix.cleaner import Document  # noqa: E402

MAX_WEIGHT = 50
GOLD_WEIGHT = 2.0
SHINGLE_SHARE = 0.5


def gold_index(scorer, gold: str):
    """The gold's word 4-shingles and its lines, as lower-cased word tuples."""
    words = [w.lower() for w in scorer.WORD.findall(gold)]
    shingles = {tuple(words[i : i + 4]) for i in range(len(words) - 3)}
    lines = {tuple(w.lower() for w in scorer.WORD.findall(line)) for line in gold.splitlines()}
    return shingles, lines


def is_main(scorer, text: str, shingles, lines) -> bool:
    words = tuple(w.lower() for w in scorer.WORD.findall(text))
    if len(words) < 4:
        return words in lines
    own = [words[i : i + 4] for i in range(len(words) - 3)]
    return sum(s in shingles for s in own) >= SHINGLE_SHARE * len(own)


def samples(scorer, text: str, gold: str, weight: float):
    """(vector, label, weight) for every line of ``text`` the context rules would remove by position."""
    lines = layout(text)
    if lines.blank.count(False) < 2:
        return
    content = content_lines(lines)
    doc = Document(text)
    decision = decide(content, doc.layer, lambda: doc.language, use_model=False)
    if decision.vectors is None:
        return
    shingles, gold_lines = gold_index(scorer, gold)
    for i, vector in decision.vectors.items():
        label = is_main(scorer, content[i].text, shingles, gold_lines)
        yield vector, label, weight * min(content[i].words, MAX_WEIGHT) + 1


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data_dir", type=Path)
    ap.add_argument("--threshold", type=float, default=0.5, help="keep threshold written to the model")
    ap.add_argument("--out", type=Path, default=ROOT / "textfix" / "data" / "boilerplate-model.json")
    ap.add_argument("--C", type=float, default=1.0, help="inverse regularisation strength")
    args = ap.parse_args()

    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    scorer = load_scorer(args.data_dir)
    rows = []
    pages = [p for p in load_pages(scorer, args.data_dir, 0) if not in_validation(p[1])]
    for _, _, dirty, gold, _ in pages:
        rows.extend(samples(scorer, dirty, gold, 1.0))
        rows.extend(samples(scorer, gold, gold, GOLD_WEIGHT))
    x = np.array([r[0] for r in rows])
    y = np.array([r[1] for r in rows], dtype=int)
    w = np.array([r[2] for r in rows])
    scaler = StandardScaler().fit(x)
    scale = np.where(scaler.scale_ > 0, scaler.scale_, 1.0)
    fit = LogisticRegression(C=args.C, max_iter=2000).fit((x - scaler.mean_) / scale, y, sample_weight=w)
    weights = fit.coef_[0] / scale
    bias = float(fit.intercept_[0] - np.dot(fit.coef_[0], scaler.mean_ / scale))
    print(f"{len(pages)} train pages, {len(rows)} lines ({y.mean():.2f} main)")
    p = 1 / (1 + np.exp(-(x @ weights + bias)))
    for t in (0.3, 0.4, 0.5, 0.6, 0.7):
        lost = w[(p < t) & (y == 1)].sum() / w[y == 1].sum()
        left = w[(p >= t) & (y == 0)].sum() / w[y == 0].sum()
        print(f"threshold {t}: main words removed {lost:.3f}, boilerplate words kept {left:.3f}")
    for name, weight in sorted(zip(NAMES, weights), key=lambda nw: -abs(nw[1] * 1))[:12]:
        print(f"  {name:<16} {weight:+.3f}")
    model = {
        "recipe": "tools/train_boilerplate_model.py on the train half of the dev sets (see its docstring)",
        "features": list(NAMES),
        "weights": [round(float(v), 5) for v in weights],
        "bias": round(bias, 5),
        "keep_threshold": args.threshold,
    }
    args.out.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(f"written {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Short clean texts through the spin cleaner: a headline, a caption, one sentence, a JSONL
field. Usage::

    python benchmarks/spin_short_texts.py SHARED_DIR [--max N] [--halves train,validation] [--show N]

A text with fewer than ``judge.MIN_WORDS`` examinable words is too short for the detector, so
the cleaner judges it from the phrase table's fingerprints and may repair an improbable word
pair from the reverse thesaurus (README, spin section, step 4): the path that turned "clean
text" into "clear text". Every change here is a false repair. The texts are the sentences of
the clean bodies ``spin_pairs.py`` spins (fixed SHA-256 split), each cleaned alone with
``select=["spin"]``, by default and with unsafe fixes, if it has 3 to MIN_WORDS - 1 examinable
words. Prints per half and mode: texts, words, changed words per 1000 (word edit distance, as in
``spin_eval.py``), texts changed, and the most frequent changes.

Then clean technical phrases from another source: the expected (original) side of the tortured
pairs (``data/tortured-phrases/pairs.tsv``, Problematic Paper Screener, CC BY 4.0), each given on
its own, split in halves by the first byte of the SHA-256 of the tortured phrase (even: train).
Printed per half: phrases, how many the default cleaner changes, and the first few changes;
then, beside them, ``spin_eval.py``'s figure for the same path: the tortured phrases restored
exactly under 5-fold hold-out of the phrase table.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import spin_pairs  # noqa: E402
import textfix  # noqa: E402
from spin_eval import tortured_score, word_errors, words  # noqa: E402
from textfix.spin import evidence, judge  # noqa: E402
from textfix.spin.text import token_keys, tokenize  # noqa: E402


# A sentence ends at a stop followed by a space and a capital or an opening quote (good enough
# to cut clean prose into short texts; an abbreviation only makes one text longer).
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"\u201c])")


def short_texts(body: str) -> list[str]:
    """The sentences (and short lines) of ``body`` too short for the detector but with a few
    content words."""
    found = []
    for line in body.split("\n"):
        for sentence in SENTENCE_END.split(line.strip()):
            keys = token_keys(sentence, tokenize(sentence))
            examinable = sum(1 for key in keys if evidence.examinable(key))
            if 3 <= examinable < judge.MIN_WORDS:
                found.append(sentence)
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("shared", type=Path)
    parser.add_argument("--max", type=int, default=0, help="at most N bodies per half (0: all)")
    parser.add_argument("--halves", default="train,validation")
    parser.add_argument("--show", type=int, default=10)
    args = parser.parse_args()
    bodies = spin_pairs.bodies(args.shared)
    for half in args.halves.split(","):
        chosen = [b for b in bodies if b.half == half]
        chosen = chosen[: args.max] if args.max else chosen
        texts = [t for b in chosen for t in short_texts(b.text)]
        total = sum(len(words(t)) for t in texts)
        for unsafe in (False, True):
            changed_words = changed_texts = 0
            seen: Counter = Counter()
            for text in texts:
                result = textfix.clean(text, select=["spin"], unsafe=unsafe)
                if result.text != text:
                    changed_texts += 1
                    changed_words += word_errors(text, result.text)
                    seen.update(f"{e.rule}: {e.before!r} -> {e.after!r}" for e in result.edits)
            mode = "unsafe" if unsafe else "default"
            print(f"{half} {mode}: {len(chosen)} bodies, {len(texts)} short texts, {total} words; "
                  f"{1000 * changed_words / max(total, 1):.2f} changed words per 1000, {changed_texts} texts changed",
                  flush=True)
            for change, n in seen.most_common(args.show):
                print(f"    {n:>3}  {change}")
    clean_phrases(args.shared, args.halves.split(","), args.show)
    tortured_score(args.shared, 5)  # what the same path restores (spin_eval.py's k-fold figure)
    return 0


def clean_phrases(shared: Path, halves: list[str], show: int) -> None:
    rows = []
    for line in (shared / "data/tortured-phrases/pairs.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        spun, _, original = line.partition("\t")
        if spun.strip() and original.strip():
            half = "train" if hashlib.sha256(spun.strip().encode()).digest()[0] % 2 == 0 else "validation"
            rows.append((half, original.strip()))
    for half in halves:
        phrases = [original for h, original in rows if h == half]
        changed = [(p, textfix.clean(p, select=["spin"]).text) for p in phrases]
        changed = [(p, out) for p, out in changed if out != p]
        print(f"clean technical phrases, {half}: {len(phrases)}, {len(changed)} changed "
              f"({100 * len(changed) / max(len(phrases), 1):.1f}%)", flush=True)
        for before, after in changed[:show]:
            print(f"    {before!r} -> {after!r}")


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Build textfix/data/spin_phrases.tsv from the curated spinner list and the tortured phrases.

    python tools/build_spin_phrases.py --curated tools/spin_curated.tsv \
        --tortured PATH/TO/tortured-phrases/pairs.tsv --out textfix/data/spin_phrases.tsv

The tortured-phrase rows (``tortured<TAB>expected`` with a header line) come from the
Problematic Paper Screener by Guillaume Cabanac, Cyril Labbé and Alexander Magazinov (CC BY 4.0).
Each gets a gate: ``always`` when it cannot be ordinary prose (none of its word pairs is a common
collocation in the shipped bigram table, and it is not two everyday words), else ``spun``. Rows are left out when they
would change a number, repeat a curated key, or chain (their replacement contains a key).
Run tools/build_spin_data.py first: the gates use its bigram table.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from textfix.spin import stats  # noqa: E402
from textfix.spin.phrases import PhraseTable, chain_problems, normalize  # noqa: E402

VERSION = "1"
HEADER = f"""\
# textfix spin phrase table
# version: {VERSION}
# Format: spun phrase<TAB>original[|alternative...]<TAB>gate (always | spun | context).
# Several alternatives make a suggestion, never a fix. Validate edits with `textfix phrases check`.
# Part 1: curated web-spinner substitutions (textfix authors, MIT).
# Part 2: tortured phrases from the Problematic Paper Screener, Guillaume Cabanac, Cyril Labbé,
#   Alexander Magazinov, "Tortured phrases: A dubious writing style emerging in science" (2021),
#   licensed CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/); gates added and rows that
#   change numbers or chain left out by tools/build_spin_phrases.py.
"""


EVERYDAY = 20_000  # thousands: words at least this common are everyday vocabulary


def plain_english(words: tuple[str, ...]) -> bool:
    """A common pair inside, or only everyday words ("fresh set"): could be ordinary prose."""
    if any(stats.bigram(a, b) >= stats.FLOOR for a, b in zip(words, words[1:])):
        return True
    return len(words) < 3 and all(stats.unigram(w) >= EVERYDAY for w in words)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--curated", type=Path, required=True)
    parser.add_argument("--tortured", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()

    curated = [l for l in args.curated.read_text(encoding="utf-8").splitlines() if l.strip()]
    keys = {normalize(l.split("\t")[0]) for l in curated if not l.startswith("#")}
    rows = []
    for line in args.tortured.read_text(encoding="utf-8").splitlines()[1:]:
        spun, _, original = line.partition("\t")
        spun, original = spun.strip(), original.strip()
        key = normalize(spun)
        if not key or not original or key in keys or "\t" in original or "|" in original:
            continue
        if re.findall(r"\d+", spun) != re.findall(r"\d+", original):
            continue
        keys.add(key)
        rows.append((key, spun, original))
    # Chains: drop rows whose replacement contains a key, until none is left.
    curated_table = PhraseTable.from_lines(curated, "curated")
    dropped = 0
    while True:
        table = curated_table.merged(PhraseTable.from_lines(
            [f"{spun}\t{original}" for _, spun, original in rows], "tortured"))
        problems = chain_problems(table)
        if any(p.source == "curated" for p in problems):
            sys.exit("curated list has chains:\n" + "\n".join(map(str, problems)))
        bad = {p.line - 1 for p in problems}
        if not bad:
            break
        dropped += len(bad)
        rows = [r for i, r in enumerate(rows) if i not in bad]
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(HEADER)
        for line in curated:
            f.write(line + "\n")
        f.write("# --- Part 2: tortured phrases (Cabanac, Labbé, Magazinov; CC BY 4.0) ---\n")
        for key, spun, original in rows:
            gate = "spun" if len(key) < 2 or plain_english(key) else "always"
            f.write(f"{spun}\t{original}\t{gate}\n")
    print(f"{args.out}: {len(curated)} curated lines, {len(rows)} tortured rows ({dropped} chained rows left out)")


if __name__ == "__main__":
    main()

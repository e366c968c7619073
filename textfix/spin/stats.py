"""The shipped statistics: word-pair counts, word counts and the reverse thesaurus.

All three are gzip TSV files under ``textfix/data`` built by ``tools/build_spin_data.py``. They
load once, on first use; a row is split into a dict only when a word is looked up, so loading
costs one decompress and one line split (well under half a second).

Counts are in thousands of occurrences in a web corpus; pairs seen fewer than 100,000 times are
not listed, so :data:`FLOOR` is the most an unlisted pair can have.
"""

from __future__ import annotations

import gc
import gzip
from functools import lru_cache
from importlib import resources

FLOOR = 100  # thousands: the corpus lists no pair below this count


def _rows(name: str) -> dict[str, str]:
    with resources.files("textfix").joinpath("data", name).open("rb") as raw:
        text = gzip.decompress(raw.read()).decode("utf-8")
    rows = dict(line.split("\t", 1) for line in text.split("\n") if line and line[0] != "#")
    # Loaded data lives as long as the process: out of the garbage collector's generations,
    # full collections stop walking it and every object (and cache) loaded before it.
    gc.freeze()
    return rows


@lru_cache(maxsize=1)
def _bigram_rows() -> dict[str, str]:
    return _rows("spin_bigrams.tsv.gz")


@lru_cache(maxsize=1)
def _unigram_rows() -> dict[str, str]:
    return _rows("spin_unigrams.tsv.gz")


@lru_cache(maxsize=1)
def _thesaurus_rows() -> dict[str, str]:
    return _rows("spin_thesaurus.tsv.gz")


def load() -> None:
    """Load every table now (otherwise each loads on first use)."""
    _bigram_rows(), _unigram_rows(), _thesaurus_rows()


@lru_cache(maxsize=50_000)
def followers(word: str) -> dict[str, int]:
    """Words seen after ``word`` and the pair counts (thousands).

    >>> followers("party")["favors"] > 0
    True
    """
    row = _bigram_rows().get(word)
    if not row:
        return {}
    parts = row.split(" ")
    return dict(zip(parts[::2], map(int, parts[1::2])))


def bigram(first: str, second: str) -> int:
    """Count (thousands) of the pair, 0 when unlisted (that is, below :data:`FLOOR`).

    >>> bigram("at", "least") > 5 * bigram("a", "minimum")
    True
    """
    return followers(first).get(second, 0)


@lru_cache(maxsize=200_000)  # looked up for every synonym of every word: parse each row once
def unigram(word: str) -> int:
    """Count (thousands) of a word, 0 for a rare or unknown word."""
    value = _unigram_rows().get(word)
    return int(value) if value else 0


# Inflections the thesaurus does not list: (suffix of the spun word, how to strip it).
_INFLECTIONS = ("s", "es", "ed", "d", "ing", "ly")


@lru_cache(maxsize=20_000)  # inflected words share their base's row; callers must not change it
def _row(word: str) -> dict[str, float]:
    row = _thesaurus_rows().get(word)
    if not row:
        return {}
    parts = row.split(" ")
    return {word: int(value) / 100 for word, value in zip(parts[::2], parts[1::2])}


@lru_cache(maxsize=200_000)  # thesaurus rows share their words: each is inflected once
def inflect(base: str, suffix: str) -> str | None:
    """``base`` with ``suffix``, spelled as English does, if the word exists.

    >>> inflect("extract", "ed"), inflect("reduce", "ed"), inflect("plan", "ing"), inflect("easy", "ly")
    ('extracted', 'reduced', 'planning', 'easily')
    """
    forms = [base + suffix]
    if base.endswith("e") and suffix[0] in "ei":
        forms.insert(0, base[:-1] + suffix)
    if base.endswith("y") and suffix in ("ly", "ed", "es"):
        forms.insert(0, base[:-1] + "i" + suffix)
    if suffix in ("ed", "ing") and len(base) > 2:
        forms.append(base + base[-1] + suffix)
    known = [form for form in forms if unigram(form)]
    return max(known, key=unigram) if known else None


@lru_cache(maxsize=50_000)
def replaced_by(word: str) -> dict[str, float]:
    """Words a thesaurus-driven spinner may have replaced with ``word``, each with how close a
    synonym it is (0..1, overlap of the two words' thesaurus entries).

    Inflected words (plurals, past tenses, -ing and -ly forms) fall back to their base form's
    entry, inflected again.

    >>> sources = replaced_by("counterfeit")
    >>> sources["artificial"] > sources["spare"]
    True
    >>> "symptoms" in replaced_by("signs"), "blocked" in replaced_by("obstructed")
    (True, True)
    """
    found = dict(_row(word))
    for suffix in _INFLECTIONS:
        if not word.endswith(suffix) or len(word) - len(suffix) < 3:
            continue
        stem = word[: -len(suffix)]
        for base in dict.fromkeys((stem, stem + "e", stem[:-1] + "y" if stem.endswith("i") else stem)):
            for head, similarity in _row(base).items():
                form = inflect(head, suffix)
                if form and form != word and form not in found:
                    found[form] = similarity
    return found

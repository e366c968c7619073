"""The shipped statistics: word-pair counts, word counts and the reverse thesaurus.

All three are gzip TSV files under ``textfix/data`` built by ``tools/build_spin_data.py``. They
load once, on first use; a row is split into a dict only when a word is looked up, so loading
costs one decompress and one line split (well under half a second).

Counts are in thousands of occurrences in a web corpus; pairs seen fewer than 100,000 times are
not listed, so :data:`FLOOR` is the most an unlisted pair can have.
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from importlib import resources

FLOOR = 100  # thousands: the corpus lists no pair below this count


def _rows(name: str) -> dict[str, str]:
    with resources.files("textfix").joinpath("data", name).open("rb") as raw:
        text = gzip.decompress(raw.read()).decode("utf-8")
    return dict(line.split("\t", 1) for line in text.split("\n") if line and line[0] != "#")


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
    return {parts[i]: int(parts[i + 1]) for i in range(0, len(parts) - 1, 2)}


def bigram(first: str, second: str) -> int:
    """Count (thousands) of the pair, 0 when unlisted (that is, below :data:`FLOOR`).

    >>> bigram("at", "least") > 5 * bigram("a", "minimum")
    True
    """
    return followers(first).get(second, 0)


def unigram(word: str) -> int:
    """Count (thousands) of a word, 0 for a rare or unknown word."""
    value = _unigram_rows().get(word)
    return int(value) if value else 0


@lru_cache(maxsize=50_000)
def replaced_by(word: str) -> dict[str, float]:
    """Words a thesaurus-driven spinner may have replaced with ``word``, each with how close a
    synonym it is (0..1, overlap of the two words' thesaurus entries).

    Plurals fall back to the singular's entry, made plural again.

    >>> sources = replaced_by("counterfeit")
    >>> sources["artificial"] > sources["spare"]
    True
    >>> "symptoms" in replaced_by("signs")
    True
    """
    row = _thesaurus_rows().get(word)
    found: dict[str, float] = {}
    if row:
        parts = row.split(" ")
        found = {parts[i]: int(parts[i + 1]) / 100 for i in range(0, len(parts) - 1, 2)}
    if word.endswith("s") and len(word) > 3:
        singular = _thesaurus_rows().get(word[:-1])
        if singular:
            parts = singular.split(" ")
            for i in range(0, len(parts) - 1, 2):
                plural = parts[i] + "s"
                if unigram(plural) and plural not in found:
                    found[plural] = int(parts[i + 1]) / 100
    return found

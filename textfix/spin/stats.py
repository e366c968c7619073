"""The shipped statistics: word-pair counts, word counts and the reverse thesaurus.

All three are gzip TSV files under ``textfix/data`` built by ``tools/build_spin_data.py``. They
load once, on first use (well under half a second each). Word counts and word pairs are parsed
when loaded; a thesaurus row is split into a dict only when its word is looked up.

Counts are in thousands of occurrences in a web corpus; pairs seen fewer than 100,000 times are
not listed, so :data:`FLOOR` is the most an unlisted pair can have.
"""

from __future__ import annotations

import bisect
import gzip
import re
from functools import lru_cache
from importlib import resources
from operator import itemgetter

FLOOR = 100  # thousands: the corpus lists no pair below this count


def _rows(name: str) -> dict[str, str]:
    with resources.files("textfix").joinpath("data", name).open("rb") as raw:
        text = gzip.decompress(raw.read()).decode("utf-8")
    rows = dict(line.split("\t", 1) for line in text.split("\n") if line and line[0] != "#")
    return rows


@lru_cache(maxsize=1)
def _bigram_rows() -> dict[str, dict[str, int]]:
    # Split into dicts when loaded (a quarter of a million pairs, some 70 ms): a document that is
    # searched for collocations asks about the followers of thousands of synonyms, and the rows
    # of common words run to a hundred thousand characters; a long batch splits them all anyway.
    table = {}
    for word, row in _rows("spin_bigrams.tsv.gz").items():
        parts = row.split(" ")
        table[word] = dict(zip(parts[::2], map(int, parts[1::2])))
    return table


@lru_cache(maxsize=1)
def _unigram_rows() -> dict[str, int]:
    # Parsed to numbers once: a cold document looks up thousands of words (inflected forms of
    # every synonym), and a number per word is cheaper than a cache entry per word.
    counts = {word: int(value) for word, value in _rows("spin_unigrams.tsv.gz").items() if value}
    return counts


@lru_cache(maxsize=1)
def _thesaurus_rows() -> dict[str, str]:
    return _rows("spin_thesaurus.tsv.gz")


def load() -> None:
    """Load every table now (otherwise each loads on first use)."""
    _bigram_rows(), _unigram_rows(), _thesaurus_rows(), _common_words()


_NO_FOLLOWERS: dict[str, int] = {}


def followers(word: str) -> dict[str, int]:
    """Words seen after ``word`` and the pair counts (thousands); callers must not change it.

    >>> followers("party")["favors"] > 0
    True
    """
    return _bigram_rows().get(word, _NO_FOLLOWERS)


def bigram(first: str, second: str) -> int:
    """Count (thousands) of the pair, 0 when unlisted (that is, below :data:`FLOOR`).

    >>> bigram("at", "least") > 5 * bigram("a", "minimum")
    True
    """
    return _bigram_rows().get(first, _NO_FOLLOWERS).get(second, 0)


def unigram(word: str) -> int:
    """Count (thousands) of a word, 0 for a rare or unknown word.

    >>> unigram("the") > unigram("celebration") > 0, unigram("qwzx")
    (True, 0)
    """
    return _unigram_rows().get(word, 0)


COMMON = 50  # thousands: a word at least this frequent is a common English word


def common_count(words) -> int:
    """How many of ``words`` are common English words (counted at least :data:`COMMON` times),
    tested in C.

    >>> common_count(["the", "qwzx", "the"])
    2
    """
    return sum(map(_common_words().__contains__, words))


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    # A set is faster to test than the counts (every word of a page's start is tested). The
    # counts file runs from the most frequent word down, so the common words are its first
    # rows (today all of them): a one-off run (a single line on the command line) is spared
    # the parse of all 80,000 counts.
    with resources.files("textfix").joinpath("data", "spin_unigrams.tsv.gz").open("rb") as raw:
        text = gzip.decompress(raw.read()).decode("utf-8")
    if int(text.rstrip("\n").rsplit("\t", 1)[1]) >= COMMON:
        return frozenset(_WORD.findall(text))
    rows = _WORD_AND_COUNT.findall(text)
    end = bisect.bisect_right(rows, -COMMON, key=lambda row: -int(row[1]))
    return frozenset(map(itemgetter(0), rows[:end]))


_WORD = re.compile(r"^([^#\t\n][^\t\n]*)\t", re.MULTILINE)
_WORD_AND_COUNT = re.compile(r"^([^#\t\n][^\t\n]*)\t(\d+)$", re.MULTILINE)


# Inflections the thesaurus does not list: (suffix of the spun word, how to strip it).
_INFLECTIONS = ("s", "es", "ed", "d", "ing", "ly")
_Y_TO_I = ("ly", "ed", "es")  # suffixes after which a final y becomes i (easily)
_DOUBLING = ("ed", "ing")  # suffixes that may double a final consonant (planning)
_PLURAL = frozenset(("s", "es"))  # one spelling each: the regular plural


class _Percent(dict):
    """Similarity of a row's stored percentage: the 101 usual strings shared, others parsed."""

    def __missing__(self, value: str) -> float:
        return int(value) / 100


_PERCENT = _Percent((str(n), n / 100) for n in range(101))


@lru_cache(maxsize=20_000)  # inflected words share their base's row; callers must not change it
def _row(word: str) -> dict[str, float]:
    row = _thesaurus_rows().get(word)
    if not row:
        return {}
    parts = row.split(" ")
    return dict(zip(parts[::2], map(_PERCENT.__getitem__, parts[1::2])))


@lru_cache(maxsize=200_000)  # thesaurus rows share their words: each is inflected once
def inflect(base: str, suffix: str) -> str | None:
    """``base`` with ``suffix``, spelled as English does, if the word exists.

    >>> inflect("extract", "ed"), inflect("reduce", "ed"), inflect("plan", "ing"), inflect("easy", "ly")
    ('extracted', 'reduced', 'planning', 'easily')
    """
    return _inflection(base, suffix, _unigram_rows())[0]


def regular_plural(word: str) -> str:
    """The regular plural (or third person) of ``word``: what ``-s`` and ``-es`` on a spun word
    ask of a candidate, whichever of the two the spun word took ("cities" -> "towns", not
    "townes"; "charges" -> "taxes").

    >>> regular_plural("town"), regular_plural("tax"), regular_plural("city"), regular_plural("day")
    ('towns', 'taxes', 'cities', 'days')
    """
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if len(word) > 1 and word[-1] == "y" and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def _spellings(base: str, suffix: str) -> tuple[str, ...]:
    """How English may spell ``base`` with ``suffix``: plurals are regular whatever the spun
    word's suffix was, and so are past tenses ("priced" -> "valued", never "pard").

    >>> _spellings("cut", "d"), _spellings("price", "ed"), _spellings("plan", "ing")
    (('cuted', 'cutted'), ('priced',), ('planing', 'planning'))
    """
    if suffix in ("s", "es"):
        return (regular_plural(base),)
    if suffix in ("d", "ed"):
        if base.endswith("e"):
            return (base + "d",)
        if len(base) > 1 and base[-1] == "y" and base[-2] not in "aeiou":
            return (base[:-1] + "ied",)
        return (base + "ed", base + base[-1] + "ed") if len(base) > 2 else (base + "ed",)
    if base.endswith("e") and suffix[0] in "ei":
        forms: tuple[str, ...] = (base[:-1] + suffix, base + suffix)
    elif base.endswith("y") and suffix in _Y_TO_I:
        forms = (base[:-1] + "i" + suffix, base + suffix)
    else:
        forms = (base + suffix,)
    if suffix in _DOUBLING and len(base) > 2:
        forms += (base + base[-1] + suffix,)
    return forms


def _inflection(base: str, suffix: str, counts: dict[str, int]) -> tuple[str | None, int]:
    """:func:`inflect`'s answer and its count (``None, 0`` if no spelling is a known word),
    uncached: the words of a thesaurus row are mostly inflected once per document."""
    best, most = None, 0
    for form in _spellings(base, suffix):  # the most frequent known form; the first of equals
        n = counts.get(form, 0)
        if n > most:
            best, most = form, n
    return best, most


def _base_rows(word: str):
    """``(suffix, row)`` for each base form of ``word`` (an inflection the thesaurus does not
    list) that has a row, in the order :func:`replaced_by` gives their words precedence."""
    for suffix in _INFLECTIONS:
        if not word.endswith(suffix) or len(word) - len(suffix) < 3:
            continue
        stem = word[: -len(suffix)]
        for base in dict.fromkeys((stem, stem + "e", stem[:-1] + "y" if stem.endswith("i") else stem)):
            row = _row(base)
            if row:
                yield suffix, row


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
    counts = _unigram_rows()
    for suffix, row in _base_rows(word):
        for head, similarity in row.items():
            form = _inflection(head, suffix, counts)[0]
            if form and form != word and form not in found:
                found[form] = similarity
    return found


def commoner_sources(word: str, min_similarity: float) -> dict[str, float]:
    """The words of :func:`replaced_by` more frequent than ``word`` and at least
    ``min_similarity`` close, found without inflecting the rest into a dict first.

    >>> all(commoner_sources(w, 0.1) == {s: v for s, v in replaced_by(w).items()
    ...     if unigram(s) > unigram(w) and v >= 0.1} for w in ("signs", "obstructed", "easily"))
    True
    """
    counts = _unigram_rows()
    get = counts.get
    floor = get(word, 0)
    found = _row(word)  # a word's own row comes first: an inflected form listed there keeps its place
    kept = {w: s for w, s in found.items() if s >= min_similarity and get(w, 0) > floor}
    # Forms no more frequent than ``word`` are never kept, so only the others need to be
    # remembered (the first listing of a form decides its similarity, as in replaced_by).
    seen = set()
    for suffix, row in _base_rows(word):
        if suffix in _PLURAL:  # one spelling, no counts to compare
            for head, similarity in row.items():
                form = regular_plural(head)
                if get(form, 0) > floor and form not in seen and form not in found:
                    seen.add(form)
                    if similarity >= min_similarity:
                        kept[form] = similarity
            continue
        for head, similarity in row.items():
            form, n = _inflection(head, suffix, counts)
            if n > floor and form not in seen and form not in found:
                seen.add(form)
                if similarity >= min_similarity:
                    kept[form] = similarity
    return kept

"""The shipped statistics: word-pair counts, word counts and the reverse thesaurus.

They ship as one read-only SQLite database, ``textfix/data/spin_stats.sqlite``, compiled by
``tools/compile_spin_stats.py`` from the gzip TSV files ``tools/build_spin_data.py`` derives.
A word's thesaurus row and word-pair row are read when the word is first asked about and kept
for the process (a document asks about a few hundred; parsing the tables whole cost 0.2-0.3 s of
every run that met a long English text); the word counts are read whole, from one row.

Counts are in thousands of occurrences in a web corpus; pairs seen fewer than 100,000 times are
not listed, so :data:`FLOOR` is the most an unlisted pair can have.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import threading
from array import array
from functools import lru_cache
from importlib import resources
from pathlib import Path

FLOOR = 100  # thousands: the corpus lists no pair below this count
DATABASE = "spin_stats.sqlite"


def database_path() -> Path:
    """Where the package keeps the database."""
    return Path(str(resources.files("textfix").joinpath("data", DATABASE)))


def _connection() -> sqlite3.Connection:
    # One connection per process (a forked worker must not use its parent's), opened read-only
    # and immutable (no locks, no journal). Threads share it where SQLite is built serialized,
    # as it usually is; elsewhere each thread opens its own.
    shared = sqlite3.threadsafety == 3
    return _connection_of(os.getpid(), 0 if shared else threading.get_ident())


@lru_cache(maxsize=64)
def _connection_of(pid: int, thread: int) -> sqlite3.Connection:
    return sqlite3.connect(f"{database_path().as_uri()}?mode=ro&immutable=1", uri=True, check_same_thread=False)


class _Table(dict):
    """One table of the database as a dict that reads a word's row on first use and keeps it
    parsed (``None`` for a word the table does not list). Only :meth:`get` and indexing are
    meant: iteration and ``in`` see only what has been read so far.

    >>> table = _Table("bigrams", _followers_row)
    >>> table.get("party", {})["favors"] > 0, table.get("qwzx", {})
    (True, {})
    """

    def __init__(self, name: str, parse):
        super().__init__()
        self._query = f"SELECT row FROM {name} WHERE word = ?"
        self._parse = parse

    def __missing__(self, word: str):
        found = _connection().execute(self._query, (word,)).fetchone()
        value = self[word] = None if found is None else self._parse(found[0])
        return value

    def get(self, word: str, default=None):
        value = self[word]
        return default if value is None else value


def _followers_row(row: str) -> dict[str, int]:
    parts = row.split(" ")
    return dict(zip(parts[::2], map(int, parts[1::2])))


@lru_cache(maxsize=1)
def _bigram_rows() -> _Table:
    return _Table("bigrams", _followers_row)


@lru_cache(maxsize=1)
def _unigram_rows() -> dict[str, int]:
    # Whole, from one row (see tools/compile_spin_stats.py): a document asks for the counts of
    # thousands of inflected synonyms, and a number per word in a dict is the cheapest answer.
    words, blob = _connection().execute("SELECT words, counts FROM unigrams").fetchone()
    counts = array("I")
    counts.frombytes(blob)  # unsigned 32-bit, little-endian (tools/compile_spin_stats.py)
    if sys.byteorder == "big":
        counts.byteswap()
    return dict(zip(words.split("\n"), counts))


@lru_cache(maxsize=1)
def _thesaurus_rows() -> _Table:
    return _Table("thesaurus", str)


def load() -> None:
    """Open the database now (otherwise it opens on first use)."""
    _connection()


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
    """How many of ``words`` are common English words (counted at least :data:`COMMON` times).

    >>> common_count(["the", "qwzx", "the"])
    2
    """
    get = _unigram_rows().get
    return sum(get(word, 0) >= COMMON for word in words)


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

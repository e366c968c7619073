"""Stop words of a language, from the maintained stopwords-iso collection (MIT).

Shipped as ``textfix/data/stop-words.tsv.gz`` (a row per set of languages and the words exactly
those lists have, every list lower-cased), written from the ``stopwordsiso`` package by ``tools/build_stop_words.py``: one small file read
in milliseconds instead of the package's JSON of every language indexed in every process. A
test checks it says what the package says.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from itertools import compress
from importlib import resources

DATA_FILE = "stop-words.tsv.gz"


@lru_cache(maxsize=1)
def stop_word_groups() -> tuple[tuple[tuple[str, ...], ...], dict[str, int]]:
    """The distinct sets of ISO 639-1 languages whose lists share a word (each sorted), and
    lower-cased stop word -> the number of its set.

    A few hundred sets for 19,000 words: a word's set is a small int, which hashes at once. The
    file has one row per set, so the words go into the index in C, a row at a time.

    >>> groups, group_of = stop_word_groups()
    >>> groups[group_of["und"]][:2], "en" in groups[group_of["the"]], "ketamine" in group_of
    (('de',), True, False)
    """
    data = resources.files("textfix").joinpath("data", DATA_FILE).read_bytes()
    groups: list[tuple[str, ...]] = []
    group_of: dict[str, int] = {}
    for row in gzip.decompress(data).decode("utf-8").split("\n"):
        if row and row[0] != "#":
            codes, *words = row.split("\t")
            group_of.update(dict.fromkeys(words, len(groups)))
            groups.append(tuple(codes.split(" ")))
    return tuple(groups), group_of


def table_lines(lists: Mapping[str, Iterable[str]]) -> list[str]:
    """The data file's rows for stop-word ``lists`` by language: one row per set of languages
    that share words, ``languages<TAB>word<TAB>word...``, words lower-cased, rows and words sorted.

    >>> table_lines({"en": ["The", "of", "a"], "de": ["der", "of"]})
    ['de\\tder', 'de en\\tof', 'en\\ta\\tthe']
    """
    found: dict[str, set[str]] = {}
    for code, words in lists.items():
        for word in words:
            found.setdefault(word.lower(), set()).add(code)
    rows: dict[str, list[str]] = {}
    for word, codes in sorted(found.items()):
        rows.setdefault(" ".join(sorted(codes)), []).append(word)
    return ["\t".join([codes, *words]) for codes, words in sorted(rows.items())]


@lru_cache(maxsize=None)
def stop_words(language: str) -> frozenset[str]:
    """Stop words of an ISO 639-1 language from the maintained stopwords-iso collection (MIT).

    >>> "the" in stop_words("en"), "und" in stop_words("de"), len(stop_words("xx"))
    (True, True, 0)
    """
    groups, group_of = stop_word_groups()
    wanted = {number for number, codes in enumerate(groups) if language in codes}
    return frozenset(compress(group_of, map(wanted.__contains__, group_of.values())))


def stop_ratio(tokens: Sequence[str], stops: frozenset[str]) -> float:
    """Share of tokens that are stop words.

    >>> round(stop_ratio("the drug is approved by the fda".split(), stop_words("en")), 2)
    0.57
    """
    if not tokens:
        return 0.0
    return sum(map(stops.__contains__, tokens)) / len(tokens)

"""Stop words of a language, from the maintained stopwords-iso collection (MIT).

Shipped as ``textfix/data/stop-words.tsv.gz`` (``word<TAB>languages``, every list lower-cased),
written from the ``stopwordsiso`` package by ``tools/build_stop_words.py``: one small file read
in milliseconds instead of the package's JSON of every language indexed in every process. A
test checks it says what the package says.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from importlib import resources

DATA_FILE = "stop-words.tsv.gz"


@lru_cache(maxsize=1)
def languages_by_word() -> dict[str, tuple[str, ...]]:
    """Lower-cased stop word -> the ISO 639-1 languages whose list has it (sorted).

    >>> languages_by_word()["und"][:2], "en" in languages_by_word()["the"]
    (('de',), True)
    """
    data = resources.files("textfix").joinpath("data", DATA_FILE).read_bytes()
    rows = gzip.decompress(data).decode("utf-8").split("\n")
    languages: dict[str, tuple[str, ...]] = {}  # one tuple per distinct set: a few thousand, not 19,000
    found = {}
    for row in rows:
        if row and row[0] != "#":
            word, _, codes = row.partition("\t")
            found[word] = languages.get(codes) or languages.setdefault(codes, tuple(codes.split(" ")))
    return found


def table_lines(lists: Mapping[str, Iterable[str]]) -> list[str]:
    """The data file's rows for stop-word ``lists`` by language: ``word<TAB>languages``, words
    lower-cased and sorted.

    >>> table_lines({"en": ["The", "of"], "de": ["der", "of"]})
    ['der\\tde', 'of\\tde en', 'the\\ten']
    """
    found: dict[str, set[str]] = {}
    for code, words in lists.items():
        for word in words:
            found.setdefault(word.lower(), set()).add(code)
    return [f"{word}\t{' '.join(sorted(codes))}" for word, codes in sorted(found.items())]


@lru_cache(maxsize=None)
def stop_words(language: str) -> frozenset[str]:
    """Stop words of an ISO 639-1 language from the maintained stopwords-iso collection (MIT).

    >>> "the" in stop_words("en"), "und" in stop_words("de"), len(stop_words("xx"))
    (True, True, 0)
    """
    return frozenset(word for word, codes in languages_by_word().items() if language in codes)


def stop_ratio(tokens: Sequence[str], stops: frozenset[str]) -> float:
    """Share of tokens that are stop words.

    >>> round(stop_ratio("the drug is approved by the fda".split(), stop_words("en")), 2)
    0.57
    """
    if not tokens:
        return 0.0
    return sum(map(stops.__contains__, tokens)) / len(tokens)

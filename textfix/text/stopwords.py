"""Stop words of a language, from the maintained stopwords-iso collection."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

@lru_cache(maxsize=None)
def stop_words(language: str) -> frozenset[str]:
    """Stop words of an ISO 639-1 language from the maintained stopwords-iso collection (MIT).

    >>> "the" in stop_words("en"), "und" in stop_words("de"), len(stop_words("xx"))
    (True, True, 0)
    """
    import stopwordsiso

    if not stopwordsiso.has_lang(language):
        return frozenset()
    return frozenset(w.lower() for w in stopwordsiso.stopwords(language))


def stop_ratio(tokens: Sequence[str], stops: frozenset[str]) -> float:
    """Share of tokens that are stop words.

    >>> round(stop_ratio("the drug is approved by the fda".split(), stop_words("en")), 2)
    0.57
    """
    if not tokens:
        return 0.0
    return sum(map(stops.__contains__, tokens)) / len(tokens)

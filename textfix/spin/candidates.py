"""Where the candidate originals of a suspect word come from: named sources, so that an
evaluation can leave out the one a test spinner was built from.

* ``thesaurus``: the shipped reverse thesaurus (Moby-derived, :mod:`.stats`): the words a
  spinner could have replaced with the word, commoner than it;
* ``phrases``: the single-word rows of the phrase table (spun word -> original);
* ``wordnet``: WordNet 3.0's synonyms (``textfix/data/spin_wordnet.tsv.gz``, built by
  ``tools/build_spin_wordnet.py``), inflected like the word: a source independent of Moby, so a
  text spun with a Moby-like table still gets candidates when the thesaurus is held out.
"""

from __future__ import annotations

import gzip
import math
from collections.abc import Callable, Iterable
from functools import lru_cache
from importlib import resources

from . import evidence, stats

CANDIDATE_SOURCES = ("thesaurus", "phrases")  # the default sources
# Sources that are used only when named: not yet calibrated in the restorer's fit (their
# candidates made some repairs unstable on a second pass).
OPTIONAL_SOURCES = ("wordnet",)
# Inflections WordNet does not list (it holds base forms): suffix of the word, as stats inflects.
_SUFFIXES = ("s", "es", "ed", "d", "ing", "ly", "er", "est")


@lru_cache(maxsize=1)
def _wordnet_rows() -> dict[str, str]:
    with resources.files("textfix").joinpath("data", "spin_wordnet.tsv.gz").open("rb") as raw:
        text = gzip.decompress(raw.read()).decode("utf-8")
    return dict(line.split("\t", 1) for line in text.split("\n") if line and line[0] != "#")


def _bases(word: str):
    """``(suffix, base)`` for each base form of ``word`` WordNet lists, the word itself first."""
    rows = _wordnet_rows()
    if word in rows:
        yield "", word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            options = (stem, stem + "e", stem[:-1] + "y" if stem.endswith("i") else stem,
                       stem[:-1] if len(stem) > 3 and stem[-1] == stem[-2] else stem)
            for base in dict.fromkeys(options):
                if base in rows and stats.inflect(base, suffix) == word:
                    yield suffix, base


@lru_cache(maxsize=50_000)
def wordnet_sources(word: str) -> tuple[str, ...]:
    """WordNet's synonyms of ``word`` in its inflection, commonest first, at most
    :data:`evidence.MAX_CANDIDATES`.

    >>> "doctors" in wordnet_sources("physicians"), "fast" in wordnet_sources("speedy")
    (True, True)
    >>> wordnet_sources("the")
    ()
    """
    found: dict[str, None] = {}
    rows = _wordnet_rows()
    for suffix, base in _bases(word):
        for synonym in rows[base].split(" "):
            form = stats.inflect(synonym, suffix) if suffix else synonym
            if form and form != word and stats.unigram(form):
                found[form] = None
    ranked = sorted(found, key=lambda w: (-math.log(1 + stats.unigram(w)), w))
    return tuple(ranked[: evidence.MAX_CANDIDATES])


def unknown_sources(names: Iterable[str]) -> list[str]:
    """The names that are not sources.

    >>> unknown_sources(["thesaurus", "wordnet", "moby"])
    ['moby']
    """
    return [name for name in names if name not in CANDIDATE_SOURCES + OPTIONAL_SOURCES]


def combined(names: Iterable[str], table=None) -> Callable[[str], tuple[str, ...]]:
    """``sources(word)``: the candidates of the named sources, table rows first, no repeats.

    >>> from textfix.spin.phrases import PhraseTable
    >>> table = PhraseTable.from_lines(["clients\\tpatients\\tcontext"])
    >>> combined(["phrases"], table)("clients"), combined([], table)("clients")
    (('patients',), ())
    >>> "party" in combined(["thesaurus"])("celebration")
    True
    """
    names = tuple(names)
    single: dict[str, tuple[str, ...]] = {}
    if "phrases" in names and table is not None:
        for key, entry in table.entries.items():
            if len(key) == 1:
                originals = tuple(c.lower() for c in entry.candidates if " " not in c)
                if originals:
                    single[key[0]] = originals
    thesaurus, wordnet = "thesaurus" in names, "wordnet" in names

    def sources(word: str) -> tuple[str, ...]:
        found = single.get(word, ())
        if thesaurus:
            found = tuple(dict.fromkeys(found + evidence.thesaurus_sources(word)))
        if wordnet:
            found = tuple(dict.fromkeys(found + wordnet_sources(word)))
        return found

    return sources

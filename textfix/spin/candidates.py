"""Where the candidate originals of a suspect word come from: named sources, so that an
evaluation can leave out the one a test spinner was built from.

* ``thesaurus``: the shipped reverse thesaurus (Moby-derived, :mod:`.stats`): the words a
  spinner could have replaced with the word, commoner than it;
* ``phrases``: the single-word rows of the phrase table (spun word -> original).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from . import evidence

CANDIDATE_SOURCES = ("thesaurus", "phrases")


def unknown_sources(names: Iterable[str]) -> list[str]:
    """The names that are not sources.

    >>> unknown_sources(["thesaurus", "wordnet"])
    ['wordnet']
    """
    return [name for name in names if name not in CANDIDATE_SOURCES]


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
    thesaurus = "thesaurus" in names

    def sources(word: str) -> tuple[str, ...]:
        found = single.get(word, ())
        if thesaurus:
            found = tuple(dict.fromkeys(found + evidence.thesaurus_sources(word)))
        return found

    return sources

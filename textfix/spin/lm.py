"""The language model behind spin detection and repair, behind one small interface.

Any object with :meth:`LanguageModel.ngram` (the log-probability of a word given the words
before it, nearest first, the order n-gram models look them up in), :meth:`LanguageModel.prob`
(the same, history in reading order) and :meth:`LanguageModel.known` works; :func:`logprob` and
:func:`span_score` build everything else from them, so a better model can be swapped in
without touching the callers.

The shipped model is the general US-English trigram model that the PyPI package
``pocketsphinx`` installs (``model/en-us/en-us.lm.bin``, CMU Sphinx, BSD licence), read
memory-mapped on first use (some 40-60 ms) and then about a microsecond a query. Its words are
lower case; a word it does not know scores :data:`UNKNOWN`, not minus infinity, so one rare
name does not outweigh a sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Protocol

UNKNOWN = -16.0  # natural log: a word the model does not know (its rarest words score about -14)
START = "<s>"  # the sentence start, as a history word


class LanguageModel(Protocol):
    def ngram(self, words: tuple[str, ...]) -> float:
        """Natural-log probability (at most 0) of ``words[0]`` after ``words[1:]``, nearest word
        first (only the model's order minus one nearest words count)."""

    def prob(self, word: str, history: tuple[str, ...]) -> float:
        """Natural-log probability of ``word`` after ``history`` (earlier words first; only
        the model's order minus one last words count)."""

    def known(self, word: str) -> bool:
        """Whether the model has the word in its vocabulary."""


class TrigramModel:
    """A pocketsphinx n-gram model file (ARPA or binary), read memory-mapped.

    >>> lm = default_model()
    >>> lm.prob("intelligence", ("artificial",)) > lm.prob("consciousness", ("counterfeit",))
    True
    >>> lm.known("drug"), lm.known("qwzxv")
    (True, False)
    """

    def __init__(self, path: str):
        from pocketsphinx import Config, LogMath, NGramModel

        # The package's own option for its log output (its model loader reports every step).
        config = Config(hmm=None, lm=None, dict=None, mmap=True, loglevel="FATAL")
        logmath = LogMath()
        self._model = NGramModel(config, logmath, path)
        self._zero = logmath.get_zero()
        self._to_ln = logmath.log_to_ln
        # pocketsphinx takes the word first and then its history, nearest word first; the
        # cached query is the instance's ``ngram`` itself: the span scores call it per word.
        self.ngram = lru_cache(maxsize=200_000)(self._query)

    def _query(self, words: tuple[str, ...]) -> float:
        raw = self._model.prob(words)
        if raw <= self._zero:
            return UNKNOWN
        ln = self._to_ln(raw)
        return ln if ln > UNKNOWN else UNKNOWN

    def prob(self, word: str, history: tuple[str, ...] = ()) -> float:
        return self.ngram((word,) + history[:-3:-1])

    def known(self, word: str) -> bool:
        return self._model.prob((word,)) > self._zero


def model_path() -> str:
    """Where pocketsphinx keeps its US-English trigram model."""
    from importlib import resources

    return str(resources.files("pocketsphinx").joinpath("model", "en-us", "en-us.lm.bin"))


@lru_cache(maxsize=1)
def default_model() -> TrigramModel:
    """The shipped model, loaded on first use."""
    return TrigramModel(model_path())


def logprob(lm: LanguageModel, words: Sequence[str], start: int = 0) -> float:
    """Log-probability of ``words[start:]``, each word given the two before it (the words
    before ``start`` are context only).

    >>> lm = default_model()
    >>> logprob(lm, ["at", "least"]) > logprob(lm, ["a", "minimum"])
    True
    """
    return span_score(lm, words[:start], words[start:], ())


def span_score(lm: LanguageModel, left: Sequence[str], span: Sequence[str], right: Sequence[str]) -> float:
    """How well ``span`` fits between ``left`` and ``right``: the log-probability of the span and
    of the (up to) two words after it, given the two words before it. Two spans scored with the
    same context compare directly: the rest of the sentence scores the same for both.

    >>> lm = default_model()
    >>> span_score(lm, ["a", "new"], ["party"], ["drug", "called"]) > span_score(lm, ["a", "new"], ["celebration"], ["drug", "called"])
    True
    >>> span_score(lm, ["a", "new"], ["party"], []) == lm.prob("party", ("a", "new"))
    True
    """
    return span_scores(lm, left, [span], right)[0]


def span_scores(lm: LanguageModel, left: Sequence[str], spans: Sequence[Sequence[str]], right: Sequence[str]) -> list[float]:
    """The :func:`span_score` of each of ``spans`` in one context (a word's candidates).

    >>> lm = default_model()
    >>> party, celebration = span_scores(lm, ["a", "new"], [["party"], ["celebration"]], ["drug", "called"])
    >>> party > celebration, party == span_score(lm, ["a", "new"], ["party"], ["drug", "called"])
    (True, True)
    """
    # Each window read backwards: each predicted word followed by its history, nearest first,
    # is one slice (this runs some millions of times a page set; the sum keeps reading order).
    after = tuple(right[:2])[::-1]
    before = tuple(left[:-3:-1])
    ngram = lm.ngram
    scores = []
    for span in spans:
        backwards = (*after, *span[::-1], *before)
        total = 0.0
        for i in range(len(after) + len(span) - 1, -1, -1):
            total += ngram(backwards[i : i + 3])
        scores.append(total)
    return scores

"""Per-word evidence of spinning from the language model: how much better a word the spinner
could have replaced fits where a word stands.

A spinner swaps a word for a thesaurus neighbour ("party drug" -> "celebration drug"). Read
backwards, the words a spinner could have replaced with "celebration" are its reverse-thesaurus
sources; when one of them fits the context on both sides far better than the word itself, the
word is suspect. That margin (natural-log units) is the evidence both the detector and the
restorer use; it does not depend on which spinner table made the text.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from . import lm as lm_module
from . import stats
from .text import STOPWORDS, Token

MAX_CANDIDATES = 20  # the likeliest sources only: cost, and far synonyms are noise
# Sources rank by how common they are and how close: a spinner replaces a common word more often
# than a rare one (on the train pairs this keeps the original among the first 20 more often
# than closeness or frequency alone).
SIMILARITY_WEIGHT = 5.0
MIN_LENGTH = 3
SENTENCE_END = frozenset(".!?")
# A word already this likely where it stands is not examined (most words of clean prose):
# no source could beat it by a margin that counts. Natural log, given the two words before.
LIKELY = -4.0


@dataclass(frozen=True)
class Slot:
    index: int  # token index
    word: str  # the token's key
    own: float  # span score of the word where it stands
    best: str  # the best-fitting source ("" when none)
    margin: float  # best source's span score minus the word's
    runner_up: float  # best source's lead over the next source (margin when only one)
    lift: float = 0.0  # the word's log-probability after its left context minus on its own
    left_gain: float = 0.0  # the part of ``margin`` from the left context alone


def context(tokens: list[Token], keys: list[str], i: int) -> tuple[list[str], list[str]]:
    """Up to two words either side of token i within its clause, with ``<s>`` / ``</s>`` at a
    sentence's edges (commas and other marks end the context: the model saw no punctuation).

    >>> from textfix.spin.text import tokenize, token_keys
    >>> text = "It works. The new party drug, they say."
    >>> tokens = tokenize(text)
    >>> context(tokens, token_keys(text, tokens), 5)
    (['the', 'new'], ['drug'])
    >>> context(tokens, token_keys(text, tokens), 3)
    (['<s>'], ['new', 'party'])
    """
    left: list[str] = []
    k = i - 1
    while k >= 0 and len(left) < 2:
        if tokens[k].is_word:
            left.insert(0, keys[k])
        else:
            if keys[k] in SENTENCE_END:
                left.insert(0, lm_module.START)
            break
        k -= 1
    if k < 0 and len(left) < 2:
        left.insert(0, lm_module.START)
    right: list[str] = []
    k = i + 1
    while k < len(tokens) and len(right) < 2:
        if tokens[k].is_word:
            right.append(keys[k])
        else:
            if keys[k] in SENTENCE_END:
                right.append("</s>")
            break
        k += 1
    return left, right


@lru_cache(maxsize=50_000)
def thesaurus_sources(word: str) -> tuple[str, ...]:
    """The shipped reverse thesaurus's sources of ``word`` more frequent than it, likeliest first.

    >>> "party" in thesaurus_sources("celebration"), len(thesaurus_sources("celebration")) <= MAX_CANDIDATES
    (True, True)
    """
    found = stats.commoner_sources(word, 0.0)
    ranked = sorted(found, key=lambda w: (-(math.log(1 + stats.unigram(w)) + SIMILARITY_WEIGHT * found[w]), w))
    return tuple(ranked[:MAX_CANDIDATES])


def examinable(key: str) -> bool:
    """A lower-case content word a spinner would swap (not a function word).

    >>> examinable("celebration"), examinable("the"), examinable("Paris")
    (True, False, False)
    """
    return len(key) >= MIN_LENGTH and key.isalpha() and key.islower() and key not in STOPWORDS


def slot(lm, tokens, keys, i: int, sources) -> Slot | None:
    """The evidence at token i, or ``None`` when the word is likely where it stands or has no
    source. ``sources(word)`` gives the candidate originals.

    >>> from textfix.spin.text import tokenize, token_keys
    >>> text = "Ketamine is a celebration drug that people take at raves."
    >>> tokens = tokenize(text)
    >>> s = slot(lm_module.default_model(), tokens, token_keys(text, tokens), 3, thesaurus_sources)
    >>> s.best, s.margin > 2
    ('party', True)
    """
    word = keys[i]
    left, right = context(tokens, keys, i)
    fit = lm.prob(word, tuple(left))
    if fit > LIKELY:
        return None
    candidates = sources(word)
    if not candidates:
        return None
    return weighed(lm, i, word, left, right, fit, lm_module.span_score(lm, left, [word], right), candidates)


def weighed(lm, i: int, word: str, left: list[str], right: list[str], fit: float, own: float, candidates) -> Slot:
    """The evidence at token i, its ``word`` already scored as :func:`slot` and the judge both
    score it: ``fit`` after ``left``, span score ``own``; ``candidates`` is not empty.

    >>> model = lm_module.default_model()
    >>> left, right = ["is", "a"], ["drug", "that"]
    >>> own = lm_module.span_score(model, left, ["celebration"], right)
    >>> s = weighed(model, 3, "celebration", left, right, model.prob("celebration", ("is", "a")), own, ("party", "festival"))
    >>> s.word, s.best, s.margin > 2, s.runner_up > 0
    ('celebration', 'party', True, True)
    >>> weighed(model, 3, "celebration", left, right, -9.0, own, ("party",)).runner_up == s.margin
    True
    """
    history = tuple(left)
    # Scoring each candidate's first word alone first, to skip the ones that could not reach the
    # runner-up, skipped too few to pay for itself (on wcxb-dev train pages).
    scored = sorted(zip(lm_module.span_scores(lm, left, [(c,) for c in candidates], right), candidates))
    best_score, best = scored[-1]
    margin = best_score - own
    runner_up = best_score - scored[-2][0] if len(scored) > 1 else margin
    return Slot(i, word, own, best, margin, runner_up, fit - lm.prob(word, ()), lm.prob(best, history) - fit)


def slots(text: str, tokens, keys, protected, sources=thesaurus_sources, lm=None) -> list[Slot]:
    """The evidence at every unprotected content word of a text (see :func:`slot`)."""
    lm = lm or lm_module.default_model()
    indices = [i for i, key in enumerate(keys) if examinable(key)]
    found = []
    for i in protected.unprotected(indices):
        s = slot(lm, tokens, keys, i, sources)
        if s is not None:
            found.append(s)
    return found

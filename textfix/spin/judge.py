"""Whether a document is spun: a calibrated probability from evidence any spinner leaves.

Features (per examined word: lower-case content words that are not protected):

* ``margin``: mean lead of the best-fitting candidate original over the word itself
  (:mod:`.evidence`, natural log, negative leads count 0);
* ``strong``: share of words a candidate beats by more than :data:`STRONG` (natural log);
* ``misfit``: share of words the model finds unlikely after their two neighbours on the left
  (:data:`textfix.spin.evidence.LIKELY`) although they are common words on their own: a spinner's
  synonym sits where another word was expected;
* ``rare``: share of rare words (fewer than :data:`RARE` thousand occurrences in the word counts);
* ``surprise``: mean surprisal of a word and the words after it where it stands (per predicted word);
* ``lift``: mean gain of a word's log-probability from its left context over the word alone;
* ``fingerprints``: the phrase table's spinner fingerprints per 100 words (:mod:`.detect`);
* ``onward``: mean gain of the next word's log-probability from the word (and the word before
  it) over the next word alone: a swapped word predicts its right neighbour less well (added for
  the clean tail, train bodies of modern web prose judged spun: train stylish rate-0.5 documents
  judged spun at 1.5% of clean bodies 39.6% without it, 44.2% with it). The spread of ``lift``
  did more on train (49.6%) but judged short clean excerpts likelier spun (0.39 for a
  fixtures/spin excerpt), so it is not a feature.

The weights are fitted by ``tools/fit_spin_detector.py`` on the train pairs of
``benchmarks/spin_pairs.py`` and shipped in ``textfix/data/spin_detector.json`` with the recipe;
the probability from which a document is judged spun is chosen there too.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from . import evidence, stats

STRONG = 4.0
RARE = 1000  # thousands of occurrences
FEATURES = ("margin", "strong", "misfit", "rare", "surprise", "lift", "fingerprints", "onward")
MIN_WORDS = 20  # fewer examined words say too little: such a text is never judged spun by the model
# The verdict reads at most this many examinable words, evenly spread over the document: the
# features are shares and means, and a sample this size estimates them well enough (chosen on
# train, see the README's spin section), while the evidence of every word is gathered only for a
# document judged spun (its repairs need it). Most input is clean: this is most of the judge's time.
SAMPLE = 300


@dataclass(frozen=True)
class Evidence:
    """A document's features and the word-level evidence behind them."""

    features: dict[str, float]
    examined: int
    slots: tuple  # :class:`~textfix.spin.evidence.Slot` of the words that have candidates
    all_examined: int = 0  # the examinable words of the whole text, when ``slots`` cover them all
    # The share of words a candidate beats clearly (``strong``) over the whole text, when
    # ``slots`` cover it all: the restorer's density, as tools/fit_spin_restorer.py reads it.
    density: float | None = None


def spread(indices: list[int], most: int) -> list[int]:
    """At most ``most`` of ``indices``, evenly spread from the first on (all of them when
    ``most`` is 0 or they are no more).

    >>> spread(list(range(10)), 4), spread([3, 5], 4), spread([3, 5], 0)
    ([0, 2, 5, 7], [3, 5], [3, 5])
    """
    if not most or len(indices) <= most:
        return list(indices)
    return [indices[k * len(indices) // most] for k in range(most)]


def gather(tokens, keys, protected, sources, lm, fingerprints: float, sample: int = SAMPLE) -> Evidence:
    """The features of one document (see the module docstring), read from :func:`spread`'s
    ``sample`` of its examinable words (0: all of them)."""
    from . import lm as lm_module
    from .lm import span_score

    indices = protected.unprotected([i for i, key in enumerate(keys) if evidence.examinable(key)])
    indices = spread(indices, sample)
    margin = strong = misfit = rare = surprise = lift = onward = 0.0
    followed = 0
    found = []
    for i in indices:
        word = keys[i]
        left, right = evidence.context(tokens, keys, i)
        fit = lm.prob(word, tuple(left))
        common = stats.unigram(word)
        rare += common < RARE
        lift += fit - lm.prob(word, ())
        if right and right[0] != "</s>":
            followed += 1
            onward += lm.prob(right[0], (left[-1] if left else lm_module.START, word)) - lm.prob(right[0], ())
        own = span_score(lm, left, [word], right)
        surprise -= own / (1 + len(right))
        if fit > evidence.LIKELY:
            continue
        misfit += common >= RARE
        candidates = sources(word)
        if not candidates:
            continue
        # The word's context and scores above are the slot's too: not computed twice.
        s = evidence.weighed(lm, i, word, left, right, fit, own, candidates)
        found.append(s)
        margin += max(0.0, s.margin)
        strong += s.margin > STRONG
    n = max(len(indices), 1)
    features = {"margin": margin / n, "strong": strong / n, "misfit": misfit / n, "rare": rare / n,
                "surprise": surprise / n, "lift": lift / n, "fingerprints": fingerprints,
                "onward": onward / max(followed, 1)}
    return Evidence(features, len(indices), tuple(found))


FINGERPRINT_WEIGHTS = {"always": 1.0, "spun": 1.0, "context": 0.2}


def fingerprints(text, tokens, keys, protected, table) -> float:
    """The phrase table's fingerprints per 100 words (a context-gated real word weighs little).

    >>> from textfix.spin.phrases import PhraseTable
    >>> from textfix.spin.repair import Protection
    >>> from textfix.spin.text import tokenize, token_keys
    >>> text = "We saw a bogus positive and a bogus positive."
    >>> tokens = tokenize(text)
    >>> table = PhraseTable.from_lines(["bogus positive\\tfalse positive\\talways"])
    >>> fingerprints(text, tokens, token_keys(text, tokens), Protection(text, tokens), table)
    2.0
    """
    if table is None:
        return 0.0
    weight = 0.0
    for i, j, entry in table.matches(text, tokens, keys):
        if not any(k in protected for k in range(i, j)):
            weight += FINGERPRINT_WEIGHTS.get(entry.gate, 0.0)
    words = sum(1 for t in tokens if t.is_word)
    return round(100 * weight / max(words, 100), 3)


def examine(text: str, source_names=None, table=None, lm=None, sample: int = SAMPLE) -> Evidence | None:
    """The evidence of a text, candidates drawn from ``source_names`` (default: all;
    ``table`` is the phrase table the ``phrases`` source and the fingerprints come from), read
    from a ``sample`` of its words (0: every word, as repairs need); ``None`` for a text
    :func:`too_short` to judge.

    >>> clean = ("The party drug was once an anesthetic for animals and people. Now doctors prescribe "
    ...          "it as a medication for severe depression, and patients report quick relief from symptoms "
    ...          "that other treatments did not touch. Researchers still debate how the drug works in the brain.")
    >>> spun = ("The celebration drug was once an anesthetic for animals and people. Now physicians prescribe "
    ...         "it as a medication for serious despondency, and patients report speedy relief from indications "
    ...         "that other treatments did not touch. Scientists still debate how the drug functions in the brain.")
    >>> examine(spun).features["margin"] > examine(clean).features["margin"]
    True
    >>> examine("Already clean text.") is None  # too short: the model is not asked
    True
    """
    from . import candidates
    from . import lm as lm_module
    from .repair import Protection
    from .text import token_keys, tokenize

    names = candidates.CANDIDATE_SOURCES if source_names is None else tuple(source_names)
    if table is None and "phrases" in names:
        from .phrases import default_table

        table = default_table()
    tokens = tokenize(text)
    keys = token_keys(text, tokens)
    if too_short(tokens, keys):
        return None
    protected = Protection(text, tokens)
    printed = fingerprints(text, tokens, keys, protected, table if "phrases" in names else None)
    sources = candidates.combined(names, table)
    return gather(tokens, keys, protected, sources, lm or lm_module.default_model(), printed, sample)


@dataclass(frozen=True)
class Detector:
    weights: dict[str, float]
    bias: float
    means: dict[str, float]
    scales: dict[str, float]
    threshold: float

    def probability(self, features: dict[str, float]) -> float:
        """The calibrated probability that the document is spun.

        >>> d = Detector({"margin": 2.0}, -1.0, {"margin": 0.5}, {"margin": 0.25}, 0.5)
        >>> round(d.probability({"margin": 1.0}), 3), round(d.probability({"margin": 0.25}), 3)
        (0.953, 0.047)
        """
        z = self.bias + sum(w * (features.get(name, 0.0) - self.means[name]) / self.scales[name]
                            for name, w in self.weights.items())
        return 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, z))))

    def main_evidence(self, features: dict[str, float]) -> dict[str, float]:
        """Each feature's push on the log-odds, largest first, rounded (for the report).

        >>> d = Detector({"margin": 2.0, "rare": 1.0}, 0.0, {"margin": 0.5, "rare": 0.1}, {"margin": 0.25, "rare": 0.1}, 0.5)
        >>> d.main_evidence({"margin": 1.0, "rare": 0.1})
        {'margin': 4.0, 'rare': 0.0}
        """
        pushes = {name: round(w * (features.get(name, 0.0) - self.means[name]) / self.scales[name], 2)
                  for name, w in self.weights.items()}
        return dict(sorted(pushes.items(), key=lambda item: -abs(item[1])))


@lru_cache(maxsize=1)
def default_detector() -> Detector:
    """The shipped detector (``textfix/data/spin_detector.json``)."""
    with resources.files("textfix").joinpath("data", "spin_detector.json").open("r", encoding="utf-8") as f:
        data = json.load(f)
    return Detector(data["weights"], data["bias"], data["means"], data["scales"], data["threshold"])


def too_short(tokens, keys) -> bool:
    """Fewer than :data:`MIN_WORDS` content words: the model is not asked (nor loaded).

    >>> from textfix.spin.text import tokenize, token_keys
    >>> too_short(tokenize("hello"), ["hello"])
    True
    """
    return sum(1 for key in keys if evidence.examinable(key)) < MIN_WORDS

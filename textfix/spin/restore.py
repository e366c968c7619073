"""Restoration from the language model: put back the word a spinner replaced, where the best
candidate original fits the context on both sides by a clear margin.

The evidence of a word is its :class:`~textfix.spin.evidence.Slot` (best candidate, its lead over
the word and over the next candidate) and the document's own word families: a candidate whose
family is elsewhere in the document ("depressed", "antidepressant" beside a lone "despondency")
is likelier. A logistic model fitted on the train pairs by ``tools/fit_spin_restorer.py``
(``textfix/data/spin_restorer.json``) turns that evidence into the probability that the repair
restores the original word; the cleaner applies it by default from the restorer's ``apply_at`` (the probability from which
nine in ten train repairs are right) and its own ``threshold``, and offers it as an unsafe fix
from :data:`SUGGEST_AT`.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from . import consistency, evidence, stats
from .repair import SPEECH_VERBS, Repair
from .text import carry_case

RULE = "spin-lm-word"
FEATURES = ("margin", "lead", "family", "commoner", "lift", "rarity", "own_family", "both_sides", "density")
# A word whose own family is used this often elsewhere in the document is its vocabulary, not a
# spinner's swap (and a restored key term is never swapped again on a second pass).
OWN_FAMILY = 2
MIN_MARGIN = 1.0  # natural log: a smaller lead is never a repair, not even a suggestion
SUGGEST_AT = 0.5  # probability from which a repair is offered at all (applied with unsafe fixes)
# A repair stays only if no word around it comes within this much of SUGGEST_AT once it is made:
# a second pass also counts the repaired words among the document's word families, which moves
# a neighbour's probability a little, and one just under the line would be repaired then.
RECHECK_BAND = 0.05


@dataclass(frozen=True)
class Restorer:
    weights: dict[str, float]
    bias: float
    apply_at: float = 0.0  # the probability from which a repair is applied by default

    def probability(self, features: dict[str, float]) -> float:
        """The calibrated probability that a repair with these features restores the original.

        >>> Restorer({"margin": 1.0}, -3.0).probability({"margin": 3.0})
        0.5
        """
        z = self.bias + sum(w * features.get(name, 0.0) for name, w in self.weights.items())
        return 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, z))))


@lru_cache(maxsize=1)
def default_restorer() -> Restorer:
    """The shipped restorer (``textfix/data/spin_restorer.json``)."""
    with resources.files("textfix").joinpath("data", "spin_restorer.json").open("r", encoding="utf-8") as f:
        data = json.load(f)
    return Restorer(data["weights"], data["bias"], data.get("apply_at", 0.0))


def chance(slot, families: Families, density: float, restorer: Restorer) -> float | None:
    """The probability that repairing a slot restores the original, or None when it is never
    a repair (too small a margin, a speech verb, a word of the document's own vocabulary)."""
    if slot.margin < MIN_MARGIN or slot.word in SPEECH_VERBS:
        return None
    found = features(slot, families, density)
    return None if found["own_family"] >= OWN_FAMILY else restorer.probability(found)


def sure_enough(slot, families: Families, density: float, restorer: Restorer, at: float = SUGGEST_AT) -> bool:
    """Whether a slot is repaired or suggested at all (see :func:`repairs`): its probability
    reaches ``at``."""
    found = chance(slot, families, density, restorer)
    return found is not None and found >= at


class Recheck:
    """The words around a set of repairs examined again with the repairs made: a repair after
    which its own word or a neighbour would be repaired in turn is unstable (a second run would
    change the text again) and is dropped.
    """

    def __init__(self, lm, tokens, keys, sources, examinable_at):
        self.lm, self.tokens, self.keys, self.sources = lm, tokens, keys, sources
        self.examinable_at = examinable_at  # token index -> whether the word may be examined

    def stable(self, chosen: list, would_repair) -> list:
        for _ in range(3):
            keys = list(self.keys)
            for slot in chosen:
                keys[slot.index] = slot.best
            unstable = set()
            for slot in chosen:
                for k in range(slot.index - 2, slot.index + 3):
                    if 0 <= k < len(keys) and self.examinable_at(k) and evidence.examinable(keys[k]):
                        again = evidence.slot(self.lm, self.tokens, keys, k, self.sources)
                        if again is not None and would_repair(again):
                            unstable.add(slot.index)
                            break
            if not unstable:
                return chosen
            chosen = [slot for slot in chosen if slot.index not in unstable]
        return chosen

    def without_family_echoes(self, chosen: list, slots: list, chance, at: float, families: Families) -> list:
        """``chosen`` without the repairs that would make another word of the document a repair
        on a second run: a restored word joins the document's word families, and a slot far
        away whose best candidate is of that family may then clear the threshold ("find"
        restored in one sentence makes "jewel" -> "find" likelier in another).
        ``chance(slot, families)`` is the slot's probability of being a repair (None: never
        one); an echo is a slot the families after the repairs make likelier, to ``at`` or more;
        ``families`` are the document's as it stands."""
        before = {slot.index: chance(slot, families) or 0.0 for slot in slots}
        for _ in range(3):
            if not chosen:
                break
            after = self.families_after(chosen)
            repaired = {slot.index for slot in chosen}
            echoed = []
            for slot in slots:
                if slot.index not in repaired:
                    likelier = chance(slot, after) or 0.0
                    if likelier >= at and likelier > before[slot.index]:
                        echoed.append(slot.best)
            if not echoed:
                break
            chosen = [slot for slot in chosen
                      if not any(Families([slot.best]).members(best) for best in echoed)]
        return chosen

    def families_after(self, chosen: list) -> "Families":
        """The document's word families once ``chosen`` are repaired."""
        keys = list(self.keys)
        for slot in chosen:
            keys[slot.index] = slot.best
        return Families([key for key, token in zip(keys, self.tokens) if token.is_word])


class Families:
    """How many words of a candidate's family a document has, not counting the word itself.

    >>> f = Families(["the", "depressed", "patients", "took", "antidepressant", "pills"])
    >>> f.members("depression"), f.members("sadness")
    (2, 0)
    """

    def __init__(self, words):
        self.counts = Counter(words)
        self.index = consistency.family_index(self.counts)

    def members(self, candidate: str) -> int:
        root = consistency.stem(candidate)
        if len(root) < consistency.MIN_ROOT:
            return self.counts.get(candidate, 0)
        return consistency.family(self.counts, root, set(), self.index)[0]


def features(slot: evidence.Slot, families: Families, density: float = 0.0) -> dict[str, float]:
    """The restorer's features of one slot; ``density`` is the document's share of words a
    candidate beats clearly (the detector's ``strong`` feature): a densely spun document makes
    every suspect word likelier spun.

    >>> s = evidence.Slot(3, "celebration", -20.0, "party", 4.0, 1.5, -2.0)
    >>> features(s, Families(["a", "party", "was", "held"]))["family"]
    1.0
    """
    word_count, best_count = stats.unigram(slot.word), stats.unigram(slot.best)
    return {
        "margin": slot.margin,
        "lead": min(slot.runner_up, slot.margin),
        "family": float(families.members(slot.best) > 0),
        "commoner": math.log10((1 + best_count) / (1 + word_count)),
        "lift": slot.lift,
        "rarity": -math.log10(1 + word_count),
        "own_family": float(min(families.members(slot.word) - 1, 5)),
        # The candidate must fit better on both sides: the left context alone, and the rest.
        "both_sides": min(slot.left_gain, slot.margin - slot.left_gain),
        "density": density,
    }


def density_after(density: float, chosen, examined: int) -> float:
    """The share of words a candidate beats clearly (the detector's ``strong``) once ``chosen``
    are repaired, in a document of ``examined`` examinable words (0: unknown, ``density``).

    >>> s = evidence.Slot(3, "celebration", -20.0, "party", 6.0, 1.5, -2.0)
    >>> round(density_after(0.3, [s], 100), 3), density_after(0.3, [s], 0)
    (0.29, 0.3)
    """
    from .judge import STRONG

    if not examined:
        return density
    return max(0.0, density - sum(slot.margin > STRONG for slot in chosen) / examined)


def repairs(text: str, tokens, slots, families: Families, density: float = 0.0,
            restorer: Restorer | None = None, recheck=None, examined: int = 0) -> list[Repair]:
    """The repairs of the slots that clear :data:`MIN_MARGIN` and :data:`SUGGEST_AT`, each with
    its probability as confidence.

    >>> from textfix.spin.text import tokenize, token_keys
    >>> from textfix.spin import lm
    >>> text = "Ketamine is a celebration drug that people take at raves."
    >>> tokens = tokenize(text)
    >>> keys = token_keys(text, tokens)
    >>> found = [evidence.slot(lm.default_model(), tokens, keys, 3, evidence.thesaurus_sources)]
    >>> sure = Restorer({"margin": 1.0}, -2.0)  # a margin of 2 is even odds
    >>> [(r.replacement, r.rule) for r in repairs(text, tokens, found, Families(keys), restorer=sure)]
    [('party', 'spin-lm-word')]
    >>> repairs(text, tokens, found, Families(keys), restorer=Restorer({"margin": 1.0}, -9.0))
    []
    """
    restorer = restorer or default_restorer()
    chosen = [slot for slot in slots if sure_enough(slot, families, density, restorer)]
    if recheck is not None:
        band = SUGGEST_AT - RECHECK_BAND
        chosen = recheck.stable(chosen, lambda s: sure_enough(s, families, density, restorer, at=band))
        # The families' effect is what a second run sees exactly; the band is for the context's.
        # A second run reads the document's density of spun words from the repaired text: the
        # repaired words no longer count, and the echoes are judged at that density.
        later = density_after(density, chosen, examined)
        chosen = recheck.without_family_echoes(
            chosen, slots, lambda s, f: chance(s, f, density if f is families else later, restorer),
            SUGGEST_AT, families)
    found = []
    for slot in chosen:
        confidence = restorer.probability(features(slot, families, density))
        token = tokens[slot.index]
        found.append(Repair(
            token.start, token.end, carry_case(token.text, slot.best), RULE,
            f"{token.text!r}: {slot.best!r} fits its context better by {slot.margin:.1f} (log-probability)",
            round(confidence, 3),
        ))
    return found

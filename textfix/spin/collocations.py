"""Repairs no table lists: a word pair that the web corpus never shows, where putting back a word
the spinner's thesaurus could have replaced gives a common collocation.

"celebration drug" is unlisted; "party" is a headword whose thesaurus entry lists "celebration";
"party drug" would be chosen if the corpus listed it often enough. Both words may have been
swapped ("counterfeit consciousness" → "artificial intelligence").
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from . import stats
from .text import STOPWORDS

# Tuned on the shared tortured-phrase pairs (benchmarks/spin_eval.py): looser settings restore
# a few more pairs but mostly with wrong collocations.
MIN_COUNT = stats.FLOOR  # the restored pair must be listed among the common pairs
MIN_SIMILARITY = 0.1  # a changed word must be a reasonably close synonym
SECOND_CHANGE = 0.3  # log10 units: changing both words needs a stronger collocation
MIN_SCORE = -0.5  # below this nothing is proposed, not even a suggestion
PMI_WEIGHT = 0.4
MIN_ASSOCIATION = 1.0  # log10: a restored pair must occur at least ten times more than chance
CORPUS_SIZE = 1e9  # thousands of words in the corpus behind the counts
EVERYDAY = 20_000  # thousands: words at least this common are everyday vocabulary


def ordinary_pair(first: str, second: str) -> bool:
    """Whether clean prose may say the pair as it stands: it is listed, or both words are
    everyday words that chance alone would pair fewer than :data:`~textfix.spin.stats.FLOOR`
    times, so its absence from the list (which stops there) is no evidence against it.
    Neither a table key nor a collocation guess may rewrite such a pair.

    >>> ordinary_pair("clean", "text"), ordinary_pair("fresh", "set"), ordinary_pair("breast", "milk")
    (True, True, True)
    >>> ordinary_pair("rather", "of"), ordinary_pair("bosom", "milk")  # expected often / a rare word
    (False, False)
    """
    if stats.bigram(first, second):
        return True
    a, b = stats.unigram(first), stats.unigram(second)
    return a >= EVERYDAY and b >= EVERYDAY and a * b / CORPUS_SIZE < stats.FLOOR


# Natural log: a word pair the language model finds this much likelier together than apart
# (e^2, about 7 times) is one it has seen as a pair; apart, its back-off makes the lift at most
# about zero. Measured on the train clean bodies (benchmarks/spin_clean_edits.py): the tortured
# row "cloud computing" -> "cloud environment" made 98 of their 105 changed words.
COLLOCATION_LIFT = 2.0


def model_collocation(words: tuple[str, ...], lm=None) -> bool:
    """A phrase the language model knows as a collocation: every word pair known to it and
    likelier together than apart by :data:`COLLOCATION_LIFT`. The web-pair list stops at its
    floor and misses such phrases; a table row whose spun side is one would rewrite clean text.

    >>> model_collocation(("cloud", "computing")), model_collocation(("malignant", "growth"))
    (True, True)
    >>> model_collocation(("counterfeit", "consciousness")), model_collocation(("computing",))
    (False, False)
    """
    if lm is None:
        from .lm import default_model

        lm = default_model()
    if len(words) < 2 or not all(lm.known(w) for w in words):
        return False
    return all(lm.prob(b, (a,)) - lm.prob(b) >= COLLOCATION_LIFT for a, b in zip(words, words[1:]))


@dataclass(frozen=True)
class PairFix:
    first: str
    second: str
    count: int  # thousands
    similarity: float  # product of the changed words' synonym similarities
    changed: int = 1

    @property
    def association(self) -> float:
        """Pointwise mutual information of the restored pair (log10): how much more often the
        two words go together than chance; raw counts would favour merely frequent words."""
        expected = (stats.unigram(self.first) or 1) * (stats.unigram(self.second) or 1) / CORPUS_SIZE
        return math.log10(self.count / expected)

    @property
    def score(self) -> float:
        """Collocation strength against how loose the synonyms are (log10 units)."""
        penalty = SECOND_CHANGE if self.changed == 2 else 0.0
        return PMI_WEIGHT * self.association + math.log10(self.similarity) - penalty

    @property
    def confidence(self) -> float:
        """0.6 at a score of -0.4, the cleaner's default threshold."""
        return round(max(0.0, min(0.9, 0.7 + 0.25 * self.score)), 3)


# Degree adverbs and other glue words go with nearly anything ("totally different", "simply
# means"), so a pair with one of them is no evidence about the other word.
GLUE = frozenset("""
    absolutely actually almost already always certainly clearly completely definitely easily
    entirely especially even ever exactly extremely fairly fully generally greatly highly however
    indeed just largely less likely mainly merely mostly much nearly never often only perhaps
    possibly pretty probably quite rather really simply slightly so still such surely then thus
    too totally truly usually very well yet nobody somebody anybody everybody something anything
    nothing everything someone anyone everyone new many several various other another
""".split())


@lru_cache(maxsize=100_000)  # asked for every word of every document
def candidate_word(word: str) -> bool:
    """Words a spinner swaps: lower-case letters, not function or glue words, not tiny."""
    return (len(word) > 2 and word.isalpha() and word.islower()
            and word not in STOPWORDS and word not in GLUE)


@lru_cache(maxsize=10_000)  # every word of every document asks; a few KB each, so fewer than replaced_by
def _commoner_sources(word: str) -> dict[str, float]:
    """Thesaurus sources of ``word`` that are more common than it: spinners swap everyday words
    for rarer synonyms (celebration for party), seldom the other way round. Only those at least
    :data:`MIN_SIMILARITY` close: no repair is built from a looser synonym."""
    if not candidate_word(word):
        return {}
    return stats.commoner_sources(word, MIN_SIMILARITY)


@lru_cache(maxsize=50_000)
def repair_pair(first: str, second: str, both: bool = True) -> PairFix | None:
    """The best common collocation reachable by un-spinning one or both words, if any.

    >>> fix = repair_pair("counterfeit", "consciousness")
    >>> fix.first, fix.second
    ('artificial', 'intelligence')
    >>> repair_pair("artificial", "intelligence") is None  # a listed pair is left alone
    True
    >>> repair_pair("clean", "text") is None  # "clear text" is listed, but nothing says "clean text" is odd
    True
    >>> repair_pair("immune", "reaction") is None  # unlisted, but the language model knows the pair
    True
    """
    # A pair the language model knows as a collocation is one too, listed or not ("immune
    # reaction" is no spun "immune response"): as for the phrase table's keys.
    if ordinary_pair(first, second) or model_collocation((first, second)):
        return None
    best: PairFix | None = None

    def consider(x: str, y: str, count: int, *similarities: float) -> None:
        nonlocal best
        if count < MIN_COUNT or min(similarities) < MIN_SIMILARITY:
            return
        fix = PairFix(x, y, count, math.prod(similarities), len(similarities))
        if fix.association >= MIN_ASSOCIATION and fix.score >= MIN_SCORE and (best is None or fix.score > best.score):
            best = fix

    first_sources = _commoner_sources(first)
    second_sources = _commoner_sources(second)
    for x, sim_x in first_sources.items():
        row = stats.followers(x)
        if second in row:
            consider(x, second, row[second], sim_x)
        # Candidates are met in the sources' own order, never a set's: on a tie the first wins,
        # and that must not depend on string hashing (PYTHONHASHSEED).
        if both and second_sources:
            for y, sim_y in second_sources.items():
                if y in row:
                    consider(x, y, row[y], sim_x, sim_y)
    if second_sources:
        row = stats.followers(first)
        for y, sim_y in second_sources.items():
            if y in row:
                consider(first, y, row[y], sim_y)
    return best


MAX_CANDIDATES = 40  # per word in a run, the closest synonyms first: keeps a run's search small


@dataclass(frozen=True)
class RunFix:
    changes: tuple[tuple[int, str], ...]  # (position in the run, restored word)
    score: float

    @property
    def confidence(self) -> float:
        per_change = self.score / max(1, len(self.changes))
        return round(max(0.0, min(0.9, 0.7 + 0.25 * per_change)), 3)


def _association(x: str, y: str, count: int) -> float:
    return PairFix(x, y, count, 1.0).association


def repair_run(words) -> RunFix | None:
    """Un-spin a run of three or more content words jointly: every restored word must make a
    listed pair with a neighbour, and pairs that were listed must stay listed.

    >>> repair_run("carbon dioxide secretions".split()).changes
    ((2, 'emissions'),)
    """
    return _repair_run(tuple(words))


@lru_cache(maxsize=20_000)  # the answer depends on the words alone; documents repeat runs
def _repair_run(words: tuple[str, ...]) -> RunFix | None:
    n = len(words)
    # Only a word out of place may change: one that makes an odd pair with a neighbour. A word
    # whose pairs are ordinary on both sides gives no evidence of a swap ("previously shown").
    ordinary = [ordinary_pair(a, b) or model_collocation((a, b)) for a, b in zip(words, words[1:])]
    options: list[list[tuple[str, float]]] = []
    for i, word in enumerate(words):
        odd = (i > 0 and not ordinary[i - 1]) or (i < n - 1 and not ordinary[i])
        sources = sorted(_commoner_sources(word).items(), key=lambda kv: -kv[1]) if odd else ()
        options.append([(word, 1.0)] + [(w, s) for w, s in sources if s >= MIN_SIMILARITY][:MAX_CANDIDATES])
    listed_before = [stats.bigram(a, b) > 0 for a, b in zip(words, words[1:])]
    # state: (candidate index, changed word already supported) -> (score, changes so far)
    states: dict[tuple[int, bool], tuple[float, tuple]] = {}
    for ci, (cand, sim) in enumerate(options[0]):
        changed = ci > 0
        states[(ci, not changed)] = (math.log10(sim) if changed else 0.0, ((0, cand),) if changed else ())
    for i in range(1, n):
        new_states: dict[tuple[int, bool], tuple[float, tuple]] = {}
        for (pi, supported), (score, changes) in states.items():
            prev, _ = options[i - 1][pi]
            prev_changed = pi > 0
            row = stats.followers(prev)
            for ci, (cand, sim) in enumerate(options[i]):
                changed = ci > 0
                count = row.get(cand, 0)
                if count and count < MIN_COUNT:
                    count = 0
                if (prev_changed or changed) and listed_before[i - 1] and not count:
                    continue  # would break a pair that was fine
                # A listed pair supports a restored word only if it is a real collocation.
                association = _association(prev, cand, count) if count and (changed or prev_changed) else 0.0
                supports = association >= MIN_ASSOCIATION
                if prev_changed and not supported and not supports:
                    continue  # the previous restored word would stay unsupported
                total = score
                if changed:
                    total += math.log10(sim)
                    if prev_changed:
                        total -= SECOND_CHANGE
                if supports:
                    total += PMI_WEIGHT * association
                key = (ci, (not changed) or supports)
                if key not in new_states or total > new_states[key][0]:
                    new_states[key] = (total, changes + (((i, cand),) if changed else ()))
        states = new_states
    best = max(
        ((score, changes) for (ci, supported), (score, changes) in states.items() if supported and changes),
        default=None,
    )
    if best is None or best[0] / len(best[1]) < MIN_SCORE:
        return None
    return RunFix(best[1], best[0])

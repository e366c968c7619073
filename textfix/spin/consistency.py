"""A key term replaced everywhere: the spinner turned every "depression" into "anxiety", but
could not touch "antidepressant", "depressive" or "depressed". The surviving word family is the
evidence for putting the term back.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from . import stats
from .text import STOPWORDS

MIN_OCCURRENCES = 3  # a key term: used at least this often
MIN_FAMILY = 3  # members of the original's family still in the document
MIN_FORMS = 2  # ... in at least this many different forms (depressed, antidepressant)
MIN_ROOT = 6  # shorter stems match unrelated words (opera- in operating)
MIN_SIMILARITY = 0.2  # close synonyms only: the spinner's swap is a thesaurus neighbour
MAX_TERM_COUNT = 30_000  # thousands: everyday words (works, people) are not swapped-in terms
SUFFIXES = ("ations", "ation", "ions", "ion", "ives", "ive", "ities", "ity", "ness", "ments", "ment",
            "ings", "ing", "ed", "es", "s", "al", "y", "e")


def stem(word: str) -> str:
    """A crude stem, long enough to name a word family.

    >>> stem("depression"), stem("anxiety"), stem("patients")
    ('depress', 'anxiet', 'patient')
    """
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 5:
            return word[: -len(suffix)]
    return word


def plural(word: str) -> str:
    """The regular English plural of ``word``: the form a restored term takes where the plural
    of the spinner's word stood.

    >>> plural("depression"), plural("seriousness"), plural("study"), plural("day")
    ('depressions', 'seriousnesses', 'studies', 'days')
    """
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


@dataclass(frozen=True)
class TermFix:
    term: str  # the spinner's word, as it appears (lower case)
    original: str  # the word to restore
    family: int  # how many family members of ``original`` the document still has
    confidence: float


PREFIXES = ("", "anti", "non", "un", "re", "pre", "post", "over", "under", "hyper", "hypo", "dis", "co", "self-", "anti-", "non-")
_PREFIXES_BY_INITIAL = {p[:1]: ("",) + tuple(q for q in PREFIXES if q[:1] == p[:1]) for p in PREFIXES if p}


def related(word: str, root: str) -> bool:
    """Whether ``word`` is ``root`` with a suffix and at most a common prefix.

    >>> related("antidepressant", "depress"), related("interview", "intern")
    (True, False)
    """
    at = word.find(root)
    return at >= 0 and word[:at] in PREFIXES and (len(word) - at - len(root) <= 5)


def family(counts: Counter, root: str, exclude: set[str], index: dict[str, list[str]] | None = None) -> tuple[int, int]:
    """Occurrences and distinct forms of the words derived from ``root``; ``index`` (from
    :func:`family_index` over ``counts``) narrows the words to look at.

    >>> counts = Counter("depressed depressive antidepressant depressed expressive".split())
    >>> family(counts, "depress", set()), family(counts, "depress", set(), family_index(counts))
    ((4, 3), (4, 3))
    """
    words = counts if index is None else index.get(root, ())
    members = [counts[word] for word in words if word not in exclude and related(word, root)]
    return sum(members), len(members)


MAX_SUFFIX = 5  # what :func:`related` allows after the root


def family_index(counts: Counter) -> dict[str, list[str]]:
    """Every root a word could be :func:`related` to -> the words, in ``counts`` order: a word
    is its root behind a listed prefix, with at most five letters after it. Looking a root up
    here instead of scanning the vocabulary keeps a document's word-family search linear.

    >>> family_index(Counter(["undone"]))["done"]
    ['undone']
    """
    index: dict[str, list[str]] = {}
    for word in counts:
        for prefix in _PREFIXES_BY_INITIAL.get(word[:1], ("",)):
            if not word.startswith(prefix):
                continue
            rest = word[len(prefix):]
            for size in range(max(1, len(rest) - MAX_SUFFIX), len(rest) + 1):
                bucket = index.setdefault(rest[:size], [])
                if not bucket or bucket[-1] != word:
                    bucket.append(word)
    return index


def find_term_fixes(words: list[str]) -> list[TermFix]:
    """Terms to restore, from the lower-case word tokens of one document.

    >>> words = ("anxiety " * 4 + "antidepressant antidepressants depressive depressed").split()
    >>> find_term_fixes(words)
    [TermFix(term='anxiety', original='depression', family=4, confidence=0.85)]
    >>> find_term_fixes(("anxiety " * 4 + "anxious patients").split())
    []
    """
    counts = Counter(words)
    index = family_index(counts)
    fixes = []
    for term, n in counts.items():
        if n < MIN_OCCURRENCES or len(term) < 5 or term in STOPWORDS or not term.isalpha():
            continue
        if stats.unigram(term) > MAX_TERM_COUNT:
            continue
        own, _ = family(counts, stem(term), {term, term + "s"}, index)
        best = None
        for original, similarity in stats.replaced_by(term).items():
            if counts[original] or counts[original + "s"] or similarity < MIN_SIMILARITY:
                continue
            root = stem(original)
            if len(root) < MIN_ROOT or root in term:
                continue
            found, forms = family(counts, root, {term}, index)
            if (found >= MIN_FAMILY and forms >= MIN_FORMS and found > 2 * own
                    and (best is None or found > best.family)):
                best = TermFix(term, original, found, 0.85)
        if best:
            fixes.append(best)
    # One original, one term: the most frequent spun-in word is the one that replaced it.
    claimed: dict[str, TermFix] = {}
    for fix in fixes:
        if fix.original not in claimed or counts[fix.term] > counts[claimed[fix.original].term]:
            claimed[fix.original] = fix
    return sorted(claimed.values(), key=lambda f: f.term)

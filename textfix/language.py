"""Language identification, seeded so that the same text always gets the same answer.

langdetect is accurate but slow (it reads every character n-gram of the sample), so two cheap
tests come first and answer only when the answer is beyond doubt:

1. the script: letters that only one language langdetect knows is written in (Hangul is Korean,
   kana is Japanese, Thai, Greek, Hebrew, ...);
2. a stop-word vote: running text is full of function words, and a clear majority of them
   from one language's list (stopwords-iso) names the language.

Anything closer (mixed text, related languages, too few function words) goes to langdetect.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from functools import lru_cache
from typing import Iterable

import regex

from .text.tokens import BEYOND_BMP, ascii_letter_count, bmp_class

# Characters looked at. langdetect's cost grows with its sample; on the benchmark pages (and
# windows of them) 5,000 characters give the same answers as 20,000.
_SAMPLE = 5_000
# The stop-word vote needs this many hits for its winner and this share of the sample's words,
# and no other language may have more than this share of the winner's hits in words the winner's
# list lacks; otherwise langdetect decides.
VOTE_MIN_HITS = 20
VOTE_MIN_SHARE = 0.2
VOTE_AGAINST = 0.1
# Share of a sample's letters that must be in a script for the script to name the language.
SCRIPT_SHARE = 0.9
KANA_SHARE = 0.2  # Japanese mixes kana with kanji; Chinese has none

LETTER = regex.compile(r"\p{L}")
ASCII_LETTERS = bytes(range(65, 91)) + bytes(range(97, 123))
# Letters only: some lists have digits in them, and tables of numbers are in no language.
WORD = regex.compile(r"[^\W\d_]+")
# Scripts written by exactly one of the languages langdetect knows.
SCRIPT_LANGUAGES = {
    "ko": regex.compile(r"\p{Hangul}"),
    "th": regex.compile(r"\p{Thai}"),
    "el": regex.compile(r"\p{Greek}"),
    "he": regex.compile(r"\p{Hebrew}"),
    "gu": regex.compile(r"\p{Gujarati}"),
    "bn": regex.compile(r"\p{Bengali}"),
    "kn": regex.compile(r"\p{Kannada}"),
    "ml": regex.compile(r"\p{Malayalam}"),
    "ta": regex.compile(r"\p{Tamil}"),
    "te": regex.compile(r"\p{Telugu}"),
    "pa": regex.compile(r"\p{Gurmukhi}"),
}
KANA = regex.compile(r"[\p{Hiragana}\p{Katakana}]")
HAN = regex.compile(r"\p{Han}")
# Scripts whose languages are told apart by their function words.
VOTING_SCRIPT = regex.compile(r"[\p{Latin}\p{Cyrillic}\p{Arabic}]")


@lru_cache(maxsize=1)
def _factory():
    """A langdetect factory of our own, seeded through its public API: the answers are the same
    for the same text in every run, and langdetect's own module-level factory is left alone."""
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.set_seed(0)
    return factory


@lru_cache(maxsize=1)
def _stop_word_groups() -> tuple[list[tuple[str, ...]], dict[str, int]]:
    """The stop words' sets of languages (:func:`~textfix.text.stopwords.stop_word_groups`)
    with only the languages langdetect knows: a set left empty votes for none."""
    from .text.stopwords import stop_word_groups

    known = _langdetect_languages()
    groups, group_of = stop_word_groups()
    return [tuple(code for code in codes if code in known) for codes in groups], group_of


def _langdetect_languages() -> set[str]:
    """The languages langdetect has a profile for, read from its file names: loading the
    profiles takes a third of a second, which the fast tests are there to save."""
    from importlib.util import find_spec

    (folder,) = find_spec("langdetect").submodule_search_locations
    return {name.split("-")[0] for name in os.listdir(os.path.join(folder, "profiles"))}


def language_by_script(sample: str) -> str | None:
    """The language a sample's script names, when nearly all its letters are in that script.

    >>> language_by_script("정덕현 칼럼니스트는 이렇게 말했다"), language_by_script("東京は日本の首都です")
    ('ko', 'ja')
    >>> language_by_script("Ketamine can relieve depression") is None
    True
    """
    if sample.isascii():
        return None
    # Every script here is outside ASCII: past one ASCII letter for nine other characters, no
    # script can have nine letters in ten (the common case of English with curly quotes).
    ascii_part = sample.encode("ascii", "ignore")
    ascii_letters = len(ascii_part) - len(ascii_part.translate(None, ASCII_LETTERS))
    if ascii_letters * 9 > len(sample) - len(ascii_part):
        return None
    letters = len(LETTER.findall(sample))
    if not letters:
        return None
    for language, script in SCRIPT_LANGUAGES.items():
        if len(script.findall(sample)) >= SCRIPT_SHARE * letters:
            return language
    kana = len(KANA.findall(sample))
    if kana >= KANA_SHARE * letters and kana + len(HAN.findall(sample)) >= SCRIPT_SHARE * letters:
        return "ja"
    return None


@lru_cache(maxsize=1)
def _bmp_letter_words() -> re.Pattern:
    return re.compile(f"[{bmp_class(WORD.pattern)}]+")


def letter_words(text: str) -> list[str]:
    """WORD's matches, found by the standard library's quicker engine unless ``text`` has
    characters past the Basic Multilingual Plane (its class is regex's, letter for letter).

    >>> letter_words("l'été 2024, x2 o_o")
    ['l', 'été', 'x', 'o', 'o']
    """
    if BEYOND_BMP.search(text):
        return WORD.findall(text)
    return _bmp_letter_words().findall(text)


def language_by_stop_words(sample: str) -> str | None:
    """The language whose stop words clearly outnumber every other's in the sample, or None.

    >>> language_by_stop_words("The study was small, and the results of it need to be replicated "
    ...     "before anyone can say that the drug works for most of the people who take it.")
    'en'
    >>> language_by_stop_words("The study was small.") is None  # too few words to vote
    True
    """
    tokens = letter_words(sample.lower())
    hits = _stop_word_hits(tokens)
    winner = _winner(hits, len(tokens))
    if winner is None:
        return None
    top, count = winner
    # Evidence against the winner: function words its list lacks, per other language. A second
    # language's own words in quantity mean mixed text, which langdetect weighs differently.
    against = _tally(hit for hit in hits if top not in hit[0])
    if against and max(against.values()) > VOTE_AGAINST * count:
        return None
    return top


def majority_stop_words(tokens: Iterable[str]) -> str | None:
    """The language whose stop words are the most frequent among lower-cased ``tokens``, when
    they are frequent enough to be running text; None otherwise.

    Unlike the document vote it names the majority even when another language's function words
    are mixed in: it answers which stop-word list fits a text best, not what the page is in.

    >>> majority_stop_words("the study was small and the results of it need to be replicated "
    ...     "before anyone can say that the drug works for most of the people who take it".split())
    'en'
    >>> majority_stop_words(["ketamine", "relief"]) is None
    True
    """
    tokens = list(tokens)
    winner = _winner(_stop_word_hits(tokens), len(tokens))
    return winner[0] if winner else None


def _stop_word_hits(tokens: list[str]) -> list[tuple[tuple[str, ...], int]]:
    """(languages whose lists have it, occurrences) per set of such languages, in the order of
    their first stop word in ``tokens`` (which decides ties).

    Stop words are picked out and counted in C, per numbered set of languages (a few hundred
    sets: small ints hash at once, tuples of languages do not); a set without a language
    langdetect knows comes back empty and votes for none.
    """
    groups, group_of = _stop_word_groups()
    counts = Counter(map(group_of.__getitem__, filter(group_of.__contains__, tokens)))
    return [(groups[group], n) for group, n in counts.items()]


def _winner(hits: list[tuple[tuple[str, ...], int]], tokens: int) -> tuple[str, int] | None:
    """The language with the most stop-word hits and its count, when they are enough to be
    running text (VOTE_MIN_HITS, and VOTE_MIN_SHARE of ``tokens`` words); otherwise None."""
    votes = _tally(hits)
    if not votes:
        return None
    top = max(votes, key=votes.__getitem__)  # the first language to reach the top count wins
    if votes[top] < VOTE_MIN_HITS or votes[top] < VOTE_MIN_SHARE * tokens:
        return None
    return top, votes[top]


def _tally(hits) -> dict[str, int]:
    """Votes per language from (languages, count) pairs, languages in order of first vote.

    >>> _tally([(("en", "de"), 2), (("de",), 1)])
    {'en': 2, 'de': 3}
    """
    votes: dict[str, int] = {}
    get = votes.get
    for languages, n in hits:
        for language in languages:
            votes[language] = get(language, 0) + n
    return votes


def detect_language(text: str) -> str:
    """Return the ISO 639-1 code of ``text``'s main language, or ``"unknown"``.

    >>> detect_language("The study was small and the results need to be replicated.")
    'en'
    """
    sample = text[:_SAMPLE]
    # ASCII letters, counted in C, are enough for most samples: the sum only when they are not.
    head = sample[:2000]
    if ascii_letter_count(head) < 20 and sum(map(str.isalpha, head)) < 20:
        return "unknown"
    fast = language_by_script(sample)
    if fast is None and VOTING_SCRIPT.search(sample):
        fast = language_by_stop_words(sample)
    if fast is not None:
        return fast
    return _langdetect(sample)


def _langdetect(sample: str) -> str:
    from langdetect.lang_detect_exception import LangDetectException

    detector = _factory().create()
    detector.append(sample)
    try:
        lang = detector.detect()
    except LangDetectException:
        return "unknown"
    # langdetect names Chinese variants zh-cn / zh-tw; keep the ISO 639-1 part.
    return lang.split("-")[0]


def preload(profiles: bool = True) -> None:
    """Load the stop-word index and, unless ``profiles`` is false, langdetect's profiles now
    (see ``Cleaner.preload``). Cleaners that only seldom need langdetect leave its profiles
    (a third of a second) to the first document that does."""
    _stop_word_groups()
    if profiles:
        _factory()

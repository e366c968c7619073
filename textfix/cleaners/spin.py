"""Spun wording: text an article spinner or a paper mill rewrote with thesaurus synonyms.

The cleaner first scores how spun the document looks (``doc.notes["spin"]``); repairs that
depend on context are applied only in a document judged spun and only above the confidence
``threshold``; everything else it finds is reported as a suggestion. Proper names, title-case
headings, numbers and URLs are never changed; non-English documents are skipped.

Options: ``threshold`` (float, default 0.6), ``phrases`` (extra phrase-table paths),
``assume_spun`` (skip the judgement), ``table`` (a :class:`~textfix.spin.phrases.PhraseTable`
used instead of the shipped one: for evaluation from Python).
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass, field

from ..cleaner import Cleaner
from ..edits import SAFE, UNSAFE, Edit

DEFAULT_THRESHOLD = 0.6
FIRST_PASS_ONLY = frozenset({"spin-collocation", "spin-consistency"})
_LETTERS = re.compile(r"[^\W\d_]+")


def looks_english(text: str, doc) -> bool:
    """Most words are English words: decided from the shipped word list, which also works for a
    phrase too short for statistical language identification; langdetect only when in doubt.

    >>> looks_english("counterfeit consciousness", None)
    True
    >>> looks_english("Die Digitalisierung zieht sich durch fast alle Branchen.", None)
    False
    """
    from ..spin.stats import common_count

    words = _LETTERS.findall(text[:5000].lower())
    if not words:
        return False
    known = common_count(words) / len(words)
    if known >= 0.85:
        return True
    if known < 0.7 or doc is None:
        return False
    return doc.language == "en"


class _DocState:
    """What the cleaner keeps per document between rounds."""

    def __init__(self):
        self.guessed: set[tuple[str, str]] = set()  # statistical repairs of the first pass
        self.text: str | None = None  # the text last analysed, and its analysis
        self.analysis = None


@dataclass(frozen=True)
class SpinOptions:
    """The spin cleaner's options (see the module docstring)."""

    threshold: float = DEFAULT_THRESHOLD
    phrases: tuple[str, ...] = ()
    assume_spun: bool = False
    table: object = field(default=None, metadata={"config": False})

    def __post_init__(self):
        if not 0 <= self.threshold <= 1:
            raise ValueError(f"threshold must be a number in [0, 1], not {self.threshold!r}")


class SpinCleaner(Cleaner):
    code = "spin"
    summary = "Spun wording (synonym-swapped text, tortured phrases) restored to the usual phrase."
    stage = 70
    safety = UNSAFE
    Options = SpinOptions
    rules = {
        "spin-phrase": "a spun phrase from the phrase table (research study -> study)",
        "spin-context-word": "a word spinners put in, where its neighbours support the original (clients -> patients)",
        "spin-ambiguous": "a spun phrase with several possible originals (always a suggestion)",
        "spin-collocation": "an improbable word pair that un-spinning turns into a common collocation",
        "spin-consistency": "a key term replaced throughout, restored from its word family (anxiety -> depression)",
    }

    def __init__(self, threshold: float = DEFAULT_THRESHOLD, phrases=(), assume_spun: bool = False, table=None,
                 **options):
        from ..errors import TextfixError

        if options:
            raise TextfixError(f"spin: unknown option(s) {', '.join(sorted(options))} "
                               "(known: threshold, phrases, assume_spun, table)")
        super().__init__(threshold=threshold, phrases=phrases, assume_spun=assume_spun)
        self.table = table
        try:
            self.threshold = float(threshold)
        except (TypeError, ValueError):
            raise TextfixError(f"spin: threshold must be a number, not {threshold!r}") from None
        self.phrase_files = tuple(str(p) for p in ([phrases] if isinstance(phrases, str) else phrases))
        self.assume_spun = bool(assume_spun)
        self._passes: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
        self._not_english: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # doc -> text
        if self.phrase_files:  # a broken user table fails now, before any document
            from ..spin.phrases import table_with

            table_with(self.phrase_files)

    def preload(self) -> None:
        from ..language import preload as preload_language
        from ..spin import stats
        from ..spin.phrases import table_with

        stats.load()
        table_with(self.phrase_files)
        preload_language(profiles=False)  # the shipped word list settles most texts' language

    def find_edits(self, text, doc):
        from ..spin.phrases import table_with
        from ..spin.repair import analyse, applies, shown

        notes = doc.notes.setdefault("spin", {})
        state = self._passes.get(doc)
        unchanged = state is not None and state.text == text  # analysed already: English
        if not unchanged and (self._not_english.get(doc) == text or not looks_english(text, doc)):
            self._not_english[doc] = text  # a later round with the same text is skipped at once
            language = doc.prose_language or doc.language
            notes.update({"skipped": f"language {language!r}: spin repair is English only"})
            return
        table = self.table if self.table is not None else table_with(self.phrase_files)
        # The judgement is made once, on the text as the spin cleaner first saw it: later rounds
        # see repaired (less spun) text and must not change their mind about the document.
        judged = "spun" in notes
        first_pass = state is None
        if state is None:
            state = self._passes[doc] = _DocState()
        if unchanged:
            analysis = state.analysis  # an unchanged text in a later round: same repairs
        else:
            # Only what will be shown is searched for: in a document not judged spun that is
            # the table's fingerprints, plus what its score counts on the first pass.
            spun = notes["spun"] if judged else (True if self.assume_spun else None)
            analysis = analyse(text, table, spun=spun, lazy=True, scored=not judged)
            state.text, state.analysis = text, analysis
        if not judged:
            notes.update(analysis.score.to_dict())
            notes["threshold"] = self.threshold
            notes["table_version"] = table.version
            if self.assume_spun:
                notes["spun"] = True
        spun = notes["spun"]
        # Statistical repairs (collocations, word families) are made in the first pass only:
        # a restored word makes new pairs and new word counts, and guesses built on guesses
        # drift ("brand-new paper" -> "new paper" -> "new version"). Later passes repeat the
        # first pass's statistical suggestions (the report keeps the last pass's) and no others.
        guessed = state.guessed
        for repair in analysis.repairs:
            if not shown(repair, spun):
                continue
            statistical = repair.rule in FIRST_PASS_ONLY
            key = (text[repair.start : repair.end].lower(), repair.replacement.lower())
            if statistical and first_pass:
                guessed.add(key)
            elif statistical and key not in guessed:
                continue
            safe = applies(repair, spun, self.threshold) and (first_pass or not statistical)
            yield Edit(
                repair.start, repair.end, repair.replacement, repair.rule, repair.message,
                SAFE if safe else UNSAFE, repair.confidence,
            )

"""Spun wording: text an article spinner or a paper mill rewrote with thesaurus synonyms.

The cleaner first judges whether the document is spun (``doc.notes["spin"]``: ``score``, the
probability from :mod:`textfix.spin.judge`; ``spun``; ``evidence``, the features that pushed the
score most); repairs that depend on context are applied only in a document judged spun and only
above the confidence ``threshold``; everything else it finds is reported as a suggestion. Proper
names, title-case headings, numbers and URLs are never changed; non-English documents are skipped.
A text with too few content words for the model (a phrase, a line) is judged from the phrase
table's fingerprints alone, and the language model is not loaded for it.

Options: ``threshold`` (float, default 0.6), ``phrases`` (extra phrase-table paths),
``assume_spun`` (skip the judgement), ``candidate_sources`` (names from
:data:`CANDIDATE_SOURCES`, default all: where candidate originals come from), ``table`` (a
:class:`~textfix.spin.phrases.PhraseTable` used instead of the shipped one: for evaluation from
Python).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..cleaner import Cleaner
from ..edits import SAFE, UNSAFE, Edit
from ..spin.candidates import CANDIDATE_SOURCES

DEFAULT_THRESHOLD = 0.6
FIRST_PASS_ONLY = frozenset({"spin-collocation", "spin-consistency", "spin-lm-word"})
# The candidate source each rule draws its replacements from (see :data:`CANDIDATE_SOURCES`).
RULE_SOURCE = {"spin-phrase": "phrases", "spin-context-word": "phrases", "spin-ambiguous": "phrases",
               "spin-collocation": "thesaurus", "spin-consistency": "thesaurus", "spin-lm-word": "any"}
# A repair of the collocation and word-family paths is made only when the language model finds
# the repaired words this much likelier in their context, per word changed (natural log: some
# twenty times).
PHRASE_GAIN = 3.0
# A word-family restoration replaces a term at every place it stands: it is made only when the
# language model, on average over those places, finds the restored word this much likelier
# (natural log, some seven times). The surviving family says which word is missing; the model
# says whether it fits where the term stands (clean prose has families and synonyms too:
# "supports" beside "authentication" is not a spun "authenticates").
FAMILY_GAIN = 2.0
_LETTERS = re.compile(r"[^\W\d_]+")


def changed_words(text: str, repair) -> int:
    """How many words a repair changes (at least one).

    >>> from textfix.spin.repair import Repair
    >>> changed_words("pure oxygen", Repair(0, 11, "natural gas", "spin-collocation", "", 0.7))
    2
    """
    old = _LETTERS.findall(text[repair.start : repair.end].lower())
    new = _LETTERS.findall(repair.replacement.lower())
    return max(1, len(set(new) - set(old)))


def model_gain(text: str, repair) -> float:
    """How much likelier (natural log) the language model finds the repaired words between the
    same two words either side (within the clause) than the words as they stand.

    >>> from textfix.spin.repair import Repair
    >>> model_gain("counterfeit consciousness", Repair(0, 25, "artificial intelligence", "spin-collocation", "", 0.7)) > PHRASE_GAIN
    True
    >>> model_gain("clean text", Repair(0, 5, "clear", "spin-collocation", "", 0.7)) < PHRASE_GAIN
    True
    """
    from ..spin.lm import START, default_model, span_score

    before = _CLAUSE_END.split(text[max(0, repair.start - 80) : repair.start])
    after = _CLAUSE_END.split(text[repair.end : repair.end + 80])
    left = _LETTERS.findall(before[-1].lower())[-2:]
    right = _LETTERS.findall(after[0].lower())[:2]
    if len(left) < 2 and (len(before) > 1 or repair.start <= 80):
        left = [START, *left]
    if len(right) < 2 and (len(after) > 1 or repair.end + 80 >= len(text)):
        right = [*right, "</s>"]
    model = default_model()
    old = _LETTERS.findall(text[repair.start : repair.end].lower())
    new = _LETTERS.findall(repair.replacement.lower())
    return span_score(model, left, new, right) - span_score(model, left, old, right)


_CLAUSE_END = re.compile(r"[.!?;:,()\"“”]|\n\s*\n")


def families_kept(text: str, repairs) -> set[tuple[str, str]]:
    """The (term, restored word) pairs of the word-family repairs in ``repairs`` that the
    language model supports: a mean :func:`model_gain` of at least :data:`FAMILY_GAIN` over
    every place the term stands. The same test on the same text gives the same answer, in
    every round and every run.

    >>> from textfix.spin.repair import Repair
    >>> def kept(text, term, original):
    ...     spans = [(m.start(), m.end()) for m in re.finditer(term, text)]
    ...     return families_kept(text, [Repair(a, b, original, "spin-consistency", "", 0.85) for a, b in spans])
    >>> kept("Patients with severe anxiety took the drug. Their anxiety lifted within hours, and "
    ...      "clinical anxiety scores fell.", "anxiety", "depression")
    {('anxiety', 'depression')}
    >>> kept("The product supports single sign-on. Authentication is fast, and it supports two factors.",
    ...      "supports", "authenticates")
    set()
    """
    gains: dict[tuple[str, str], list[float]] = {}
    for repair in repairs:
        if repair.rule == "spin-consistency":
            key = (text[repair.start : repair.end].lower(), repair.replacement.lower())
            gains.setdefault(key, []).append(model_gain(text, repair))
    return {key for key, found in gains.items() if sum(found) / len(found) >= FAMILY_GAIN}


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
    """What the cleaner learns about a document between rounds (kept in ``doc.working``)."""

    def __init__(self):
        self.guessed: set[tuple[str, str]] = set()  # statistical repairs of the first pass
        self.text: str | None = None  # the text last analysed, and its analysis
        self.analysis = None
        self.not_english: str | None = None  # a text found not English (later rounds skip it)
        self.evidence = None  # the language model's evidence on the first text (judge.Evidence)


@dataclass(frozen=True)
class SpinOptions:
    """The spin cleaner's options (see the module docstring)."""

    threshold: float = DEFAULT_THRESHOLD
    phrases: tuple[str, ...] = ()
    assume_spun: bool = False
    candidate_sources: tuple[str, ...] = CANDIDATE_SOURCES
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
        "spin-lm-word": "a word the language model finds improbable where a word it could have replaced fits clearly better",
    }

    def __init__(self, threshold: float = DEFAULT_THRESHOLD, phrases=(), assume_spun: bool = False, table=None,
                 candidate_sources=CANDIDATE_SOURCES, **options):
        from ..errors import TextfixError
        from ..spin.candidates import unknown_sources

        if options:
            raise TextfixError(f"spin: unknown option(s) {', '.join(sorted(options))} "
                               "(known: threshold, phrases, assume_spun, candidate_sources, table)")
        names = (candidate_sources,) if isinstance(candidate_sources, str) else tuple(candidate_sources)
        unknown = unknown_sources(names)
        if unknown:
            raise TextfixError(f"spin: unknown candidate source(s) {', '.join(map(repr, unknown))} "
                               f"(known: {', '.join(CANDIDATE_SOURCES)})")
        super().__init__(threshold=threshold, phrases=phrases, assume_spun=assume_spun, candidate_sources=names)
        self.candidate_sources = names
        self.table = table
        try:
            self.threshold = float(threshold)
        except (TypeError, ValueError):
            raise TextfixError(f"spin: threshold must be a number, not {threshold!r}") from None
        self.phrase_files = tuple(str(p) for p in ([phrases] if isinstance(phrases, str) else phrases))
        self.assume_spun = bool(assume_spun)
        if self.phrase_files:  # a broken user table fails now, before any document
            from ..spin.phrases import table_with

            table_with(self.phrase_files)

    def _table(self):
        """The phrase table in use: none when the ``phrases`` source is left out."""
        from ..spin.phrases import PhraseTable, table_with

        if "phrases" not in self.candidate_sources:
            return PhraseTable()
        return self.table if self.table is not None else table_with(self.phrase_files)

    def _judge(self, text: str, table, notes: dict):
        """Judge the document from the language-model evidence into ``notes`` and return the
        evidence; ``None`` when the text is too short for the model (the caller judges it from
        the table instead)."""
        from ..spin import judge
        from ..spin.repair import analyse

        found = judge.examine(text, self.candidate_sources, table)
        if found is None:
            return None
        detector = judge.default_detector()
        probability = detector.probability(found.features)
        if probability >= detector.threshold or self.assume_spun:
            # The verdict read a sample of the words; the repairs need the evidence of each.
            every = judge.examine(text, self.candidate_sources, table, sample=0)
            found = judge.Evidence(found.features, found.examined, every.slots, every.examined,
                                   every.features["strong"])
        # The table's fingerprint counts stay in the report beside the model's verdict.
        fingerprints = analyse(text, table, spun=False, lazy=True, scored=False).score.to_dict()
        notes.update({
            "score": round(probability, 4), "spun": probability >= detector.threshold,
            "spun_at": detector.threshold, "evidence": detector.main_evidence(found.features),
            "words": fingerprints["words"], "fingerprints": fingerprints["fingerprints"],
            "examined": found.examined, "threshold": self.threshold, "table_version": table.version,
        })
        return found

    def preload(self) -> None:
        from ..language import preload as preload_language
        from ..spin import stats
        from ..spin.judge import default_detector
        from ..spin.lm import default_model
        from ..spin.phrases import table_with

        stats.load()
        table_with(self.phrase_files)
        default_model()
        default_detector()
        preload_language(profiles=False)  # the shipped word list settles most texts' language

    def find_edits(self, text, doc):
        from ..spin.repair import analyse, applies, shown

        notes = doc.notes.setdefault("spin", {})
        state = doc.working.get(self.code)
        first_pass = state is None or state.text is None
        if state is None:
            state = doc.working[self.code] = _DocState()
        unchanged = state.text == text  # analysed already: English
        if not unchanged and (state.not_english == text or not looks_english(text, doc)):
            state.not_english = text  # a later round with the same text is skipped at once
            language = doc.prose_language or doc.language
            notes.update({"skipped": f"language {language!r}: spin repair is English only"})
            return
        table = self._table()
        # The judgement is made once, on the text as the spin cleaner first saw it: later rounds
        # see repaired (less spun) text and must not change their mind about the document.
        judged = "spun" in notes
        if first_pass and not judged:
            state.evidence = self._judge(text, table, notes)
            judged = state.evidence is not None and not self.assume_spun
        if unchanged:
            analysis = state.analysis  # an unchanged text in a later round: same repairs
        else:
            # Only what will be shown is searched for: in a document not judged spun that is
            # the table's fingerprints, plus what its score counts on the first pass.
            spun = notes["spun"] if judged else (True if self.assume_spun else None)
            analysis = analyse(text, table, spun=spun, lazy=True, scored=not judged)
            state.text, state.analysis = text, analysis
        if not judged:  # a text too short for the model: judged from the table's fingerprints
            notes.update(analysis.score.to_dict())
            notes["threshold"] = self.threshold
            notes["table_version"] = table.version
            if self.assume_spun:
                notes["spun"] = True
        spun = notes["spun"]
        repairs = analysis.repairs
        if spun and state.evidence is not None:
            repairs = self._with_model_repairs(text, state, repairs, first_pass)
        # Statistical repairs (collocations, word families, the model's) are made in the first
        # pass only: a restored word makes new pairs and new word counts, and guesses built on
        # guesses drift ("brand-new paper" -> "new paper" -> "new version"). Later passes repeat
        # the first pass's statistical suggestions (the report keeps the last pass's) and no others.
        guessed = state.guessed
        families = families_kept(text, repairs)
        for repair in repairs:
            if not shown(repair, spun) or RULE_SOURCE[repair.rule] not in self.candidate_sources + ("any",):
                continue
            statistical = repair.rule in FIRST_PASS_ONLY
            key = (text[repair.start : repair.end].lower(), repair.replacement.lower())
            if statistical and first_pass:
                # The model must agree with a guess of the collocation and word-family paths.
                if repair.rule == "spin-collocation" and not self._collocation_kept(text, repair, state):
                    continue
                guessed.add(key)
            elif statistical and key not in guessed:
                continue
            if repair.rule == "spin-context-word" and not self._context_word_kept(text, repair, state):
                continue
            if repair.rule == "spin-consistency" and key not in families:
                continue
            safe = applies(repair, spun, self._threshold_for(repair.rule)) and (first_pass or not statistical)
            yield Edit(
                repair.start, repair.end, repair.replacement, repair.rule, repair.message,
                SAFE if safe else UNSAFE, repair.confidence,
            )

    def _threshold_for(self, rule: str) -> float:
        """The confidence from which a repair of ``rule`` is applied by default: the model's word
        repairs also need the restorer's own ``apply_at``, fitted on train."""
        if rule == "spin-lm-word":
            from ..spin.restore import default_restorer

            return max(self.threshold, default_restorer().apply_at)
        return self.threshold

    def _collocation_kept(self, text: str, repair, state: "_DocState") -> bool:
        """A collocation guess is kept when the language model agrees with it, and only in a text
        too short for the model to judge: where it has judged, its own word repairs are the
        better ones (on train the collocation path's default repairs there changed more unspun
        words than it restored: "whilst" -> "while", "intelligent" -> "bright")."""
        if state.evidence is not None:
            return False
        return model_gain(text, repair) >= PHRASE_GAIN * changed_words(text, repair)

    @staticmethod
    def _context_word_kept(text: str, repair, state: "_DocState") -> bool:
        """A table word that is also ordinary English ("huge" for "big") is repaired, in a text the
        model has judged, only where the model finds the original clearly likelier there."""
        if state.evidence is None:
            return True
        return model_gain(text, repair) >= PHRASE_GAIN * changed_words(text, repair)

    def _with_model_repairs(self, text: str, state: "_DocState", repairs: list, first_pass: bool) -> list:
        """``repairs`` and the language model's word repairs where none of them is: on the first
        pass from the judgement's evidence, later only for words it repaired or suggested then."""
        from ..spin import candidates, evidence, restore
        from ..spin.lm import default_model
        from ..spin.text import token_keys, tokenize

        tokens = tokenize(text)
        keys = token_keys(text, tokens)
        sources = candidates.combined(self.candidate_sources, self._table())
        lm = default_model()
        if first_pass:
            slots = state.evidence.slots
        else:
            words = {before for before, _ in state.guessed}
            slots = [s for i, key in enumerate(keys) if key in words
                     for s in (evidence.slot(lm, tokens, keys, i, sources),) if s is not None]
        families = restore.Families([k for k, t in zip(keys, tokens) if t.is_word])
        taken = [(r.start, r.end) for r in repairs]
        merged = list(repairs)
        from ..spin.repair import Protection

        protection = Protection(text, tokens)
        recheck = restore.Recheck(lm, tokens, keys, sources, lambda k: k not in protection)
        # A document judged spun was examined whole (see _judge): its density is over every word.
        for found in restore.repairs(text, tokens, slots, families, state.evidence.density,
                                     recheck=recheck, examined=state.evidence.all_examined):
            if not any(start < found.end and found.start < end for start, end in taken):
                merged.append(found)
        merged.sort(key=lambda r: r.start)
        return merged

"""How spun a document looks: density of spinner fingerprints and of improbable word pairs.

The score is weighted evidence per 100 words. A multi-word spinner phrase from the table
("has actually", "research study", "a minimum of") weighs 1, a real word a spinner likes
("states", "clients") weighs little, an unlisted word pair that un-spinning turns into a common
collocation weighs in between. Clean professional prose scores well below :data:`SPUN_AT`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

WEIGHTS = {"always": 1.0, "spun": 1.0, "context": 0.2, "pair": 0.1}
SPUN_AT = 1.0  # score from which a document is judged spun
# ... and at least this many table fingerprints (or ten spinner words), so that one odd phrase
# in a short text is not enough. Improbable pairs alone never are: they occur in any prose.
MIN_EVIDENCE = 3
MIN_CONTEXT_WORDS = 10
# A bare phrase (a few words, not a sentence) has too few words for a density: it is judged spun
# when at least one pair in every WORDS_PER_PAIR words is a fingerprint or an improbable pair.
# A sentence, however short, needs the same table evidence as any document.
PHRASE_WORDS = 8
WORDS_PER_PAIR = 3


@dataclass
class SpinScore:
    words: int = 0
    fingerprints: dict[str, int] = field(default_factory=dict)  # kind -> count
    phrase: bool = False  # the whole text is one bare phrase (see :func:`is_phrase`)
    # Judged by :func:`cannot_be_spun` before the improbable pairs were counted: they are not.
    prescreened: bool = False

    def add(self, kind: str) -> None:
        self.fingerprints[kind] = self.fingerprints.get(kind, 0) + 1

    @property
    def score(self) -> float:
        """Weighted fingerprints per 100 words.

        >>> s = SpinScore(words=200, fingerprints={"spun": 2, "context": 5})
        >>> s.score
        1.5
        """
        evidence = sum(WEIGHTS[kind] * n for kind, n in self.fingerprints.items())
        return round(100 * evidence / max(self.words, 100), 3)

    @property
    def spun(self) -> bool:
        """Judged spun?

        >>> SpinScore(words=2, fingerprints={"pair": 1}, phrase=True).spun  # "counterfeit consciousness"
        True
        >>> SpinScore(words=3, fingerprints={"pair": 1}).spun  # "Already clean text."
        False
        """
        strong = self.fingerprints.get("always", 0) + self.fingerprints.get("spun", 0)
        if self.phrase:
            evidence = strong + self.fingerprints.get("pair", 0)
            return evidence >= 1 and evidence * WORDS_PER_PAIR >= self.words
        enough = strong >= MIN_EVIDENCE or self.fingerprints.get("context", 0) >= MIN_CONTEXT_WORDS
        return self.score >= SPUN_AT and enough

    def to_dict(self) -> dict:
        """The notes; a prescreened score counts table fingerprints only (``"pairs": None``).

        >>> SpinScore(words=200, fingerprints={"spun": 2}, prescreened=True).to_dict()
        {'score': 1.0, 'spun': False, 'words': 200, 'fingerprints': {'spun': 2}, 'pairs': None, 'prescreened': True}
        """
        return {"score": self.score, "spun": self.spun, "words": self.words,
                "fingerprints": dict(sorted(self.fingerprints.items())),
                **({"phrase": True} if self.phrase else {}),
                **({"pairs": None, "prescreened": True} if self.prescreened else {})}


def cannot_be_spun(strong: int, context: int, phrase: bool) -> bool:
    """Whether a text is judged not spun whatever its improbable pairs: given at most ``strong``
    table fingerprints gated always/spun and at most ``context`` gated context, it lacks the
    evidence :attr:`SpinScore.spun` demands of a text that is not a bare phrase, and pairs
    never count towards that evidence (they only raise the score, which alone is not enough).

    >>> cannot_be_spun(2, 9, False), cannot_be_spun(3, 0, False), cannot_be_spun(0, 0, True)
    (True, False, False)
    """
    return not phrase and strong < MIN_EVIDENCE and context < MIN_CONTEXT_WORDS


def is_phrase(text: str, words: int) -> bool:
    """One short line that is not a sentence: a term or phrase given on its own.

    >>> is_phrase("counterfeit consciousness\\n", 2), is_phrase("Already clean text.", 3)
    (True, False)
    """
    body = text.strip()
    return 0 < words <= PHRASE_WORDS and "\n" not in body and body[-1:] not in ".!?:;…\"”'’"

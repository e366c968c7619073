"""Whether a text starts its sentences with capitals, as edited prose does.

A lower-case word after a full stop means little in a forum post, a code listing or chat, which
often do not capitalise; in prose that does, it is a sign that the stop does not end a sentence.
"""

from __future__ import annotations

import regex

SENTENCE_START = regex.compile(r"[.!?][ ]+(?P<letter>\p{L})")
# A text counts as prose that capitalises its sentences when at most this share of the letters
# after a stop are lower case, out of at least MIN_SENTENCES (forum posts, code and chat do not).
MAX_LOWER_STARTS = 0.1
MIN_SENTENCES = 5


def capitalises_sentences(text: str, stray: int = 0) -> bool:
    """Whether the text starts its sentences with a capital, as edited prose does, not counting
    ``stray`` lower-case starts (the stops being judged).

    >>> capitalises_sentences("One. Two. Three. Four. Five. Six. Seven. Eight. Nine. Ten. eleven")
    True
    >>> capitalises_sentences("i went. then i ate. ok. fine. great. sure.")
    False
    """
    lower_starts = [m["letter"].islower() for m in SENTENCE_START.finditer(text)]
    upper = lower_starts.count(False)
    lower = max(0, lower_starts.count(True) - stray)
    return upper >= MIN_SENTENCES and lower <= MAX_LOWER_STARTS * (lower + upper)

"""The shared per-document text layer: tokens, sentence shape, script, stop words, and the facts
about a document's original text that every cleaner reads (:class:`TextLayer`).

Cleaners import what they need from here instead of from each other.
"""

from .layer import TextLayer, prose_language
from .scripts import script, uses_script
from .sentences import ends_sentence, has_inner_sentence, headline_case, sentence_shaped
from .stopwords import stop_ratio, stop_words
from .tokens import ascii_letter_count, word_count, words

__all__ = [
    "TextLayer", "ascii_letter_count", "ends_sentence", "has_inner_sentence", "headline_case",
    "prose_language", "script", "sentence_shaped", "stop_ratio", "stop_words", "uses_script",
    "word_count", "words",
]

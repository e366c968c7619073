"""What one document's text is, decided once from its original text: its script and the
language of its running text.

Every round of the pipeline and every cleaner sees the same answers, whatever earlier rounds
removed: a page whose menus go in the first round does not change language in the second.
"""

from __future__ import annotations

from functools import cached_property
from itertools import islice

from .scripts import words_script
from .sentences import sentence_shaped
from .stopwords import stop_words
from .tokens import word_count, words

# Characters looked at to find the document's script.
SCRIPT_SAMPLE = 50_000
# Words of sentence-shaped lines that vote on the stop-word language: enough for a clear
# majority, few enough to stay cheap on a long page.
LANGUAGE_SAMPLE = 500


class TextLayer:
    """Per-document facts about the original text, each computed on first use.

    >>> layer = TextLayer("Menu\\nThe study was small, and the results of it need to be replicated before anyone "
    ...     "can say that the drug works for most of the people who take it every day.\\n" * 3)
    >>> layer.script, layer.prose_language, "the" in layer.prose_stop_words
    ('LATIN', 'en', True)
    """

    def __init__(self, original: str):
        self.original = original

    @cached_property
    def script(self) -> str | None:
        """The script most words of the text are in (see :func:`textfix.text.scripts.words_script`)."""
        return words_script(self.original, sample=SCRIPT_SAMPLE)

    @cached_property
    def prose_language(self) -> str | None:
        """The language whose stop words are the majority in the lines shaped like sentences
        (the article is in them, the menus are not); None when they have too few."""
        return prose_language(self.original.splitlines())

    @cached_property
    def prose_stop_words(self) -> frozenset[str]:
        """Stop words of :attr:`prose_language` (empty when it is not known)."""
        return stop_words(self.prose_language) if self.prose_language else frozenset()


def sentence_words(lines):
    """Lower-cased letter words of the lines shaped like sentences, in order.

    >>> list(sentence_words(["Home", "It was a small study, and it found that the drug works."]))[:4]
    ['it', 'was', 'a', 'small']
    """
    for line in lines:
        tokens = words(line)
        if sentence_shaped(line, word_count(line, tokens)):
            # Words only: some stop-word lists have numbers in them.
            yield from filter(str.isalpha, tokens)


def prose_language(lines) -> str | None:
    """The stop-word majority language of the sentence-shaped ``lines`` (a sample is enough).

    >>> prose_language(["Startseite", "Die Studie war klein, und die Ergebnisse müssen erst bestätigt werden, "
    ...     "bevor jemand sagen kann, dass das Mittel bei den meisten Menschen wirkt, die es nehmen."] * 2)
    'de'
    """
    from ..language import majority_stop_words

    return majority_stop_words(islice(sentence_words(lines), LANGUAGE_SAMPLE))

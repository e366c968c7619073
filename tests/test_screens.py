"""The cheap tests (screens) in front of the debris cleaners' rules never change what they find.

Each screen only proves that a rule has nothing to do. Here every screen is switched off (a
pattern that always matches, or the wider test it replaced) and the cleaner must find exactly
the same edits on random strings built from the pieces its rules react to. The encoding
screen has its own tests in test_encoding.py.
"""

import random
import re

import pytest

from textfix.cleaner import Document
from textfix.cleaners import entities, numbers, punctuation, whitespace

ANYTHING = re.compile("")  # matches every text: a screen that never rules anything out

# Words, spaces, line breaks, quotes, dashes, digits, entities and the odd characters the
# rules look for, so that random strings of them hit every rule now and then.
PIECES = list("aeisTtdmlrv") + [
    "they gave placebo to", "the study", "it", "don", "clients", "treat", "ment", "well", "known",
    "Chapter", "step", "Ketamine", "” “states", "gave placebo to 1\n\n2 adult", "clients ’ signs",
    "didn’ t", "ketamine ’ s", "It works. We know. Ask them. So do we. It helps. Not now. We tried. It is effective. by the end", "treat- ment", "you´ll", "´", "I' m", "we’ re", "it ' s here", "é", "П",
    " ", " ", "  ", "\t", "\n", "\n\n", "\r\n", "\n\n\n\n", "\xa0", "\u2009", "\u202f", "\u200b", "\u00ad", "\ufeff",
    "’", "'", "“", "”", "‘", '"', "„", "‚", "–", "—", "-", "-\n", ".", ",", ";", "!", "?", ")", "(",
    "1", "12", "123", "2019", '11"', "( 19659002)",
    "&", "#", "&#39;", "&amp;", "&amp;#39;", "&#x 27;", "& #39;", "&#8217", "&amp ", "&rsquo;", "&bogus;", "x27",
    "s", "t", "ll", "re",
]


def random_texts(count: int, seed: int):
    rng = random.Random(seed)
    for _ in range(count):
        yield "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 30)))


def spans(edits):
    return [(e.start, e.end, e.replacement, e.rule, e.confidence) for e in edits]


def unscreened(monkeypatch, module, **patterns) -> None:
    for name, pattern in patterns.items():
        monkeypatch.setattr(module, name, pattern)


def test_generated_texts_exercise_every_rule():
    """The random strings below make edits of every debris rule, so the comparisons can fail."""
    rules = set()
    for cleaner in (entities.EntitiesCleaner(), numbers.NumbersCleaner(), punctuation.PunctuationCleaner()):
        for text in random_texts(6000, seed=1):
            rules.update(e.rule for e in cleaner.find_edits(text, Document(text)))
    expected = set(entities.EntitiesCleaner.rules) | set(numbers.NumbersCleaner.rules)
    expected |= set(punctuation.PunctuationCleaner.rules)
    assert rules == expected


@pytest.mark.parametrize(
    "cleaner, module, switched_off",
    [
        (entities.EntitiesCleaner(), entities, {"ENTITY_START": re.compile("&")}),
        (
            numbers.NumbersCleaner(),
            numbers,
            {"NUMBER_STARTS_LINE": ANYTHING, "HYPHEN_AT_LINE_END": ANYTHING},
        ),
        (
            punctuation.PunctuationCleaner(),
            punctuation,
            {
                "SPACE_AFTER": {ch: ANYTHING for ch in punctuation.SPACE_AFTER},
                "SPACE_BEFORE": {ch: ANYTHING for ch in punctuation.SPACE_BEFORE},
                "SPACES_AROUND_APOSTROPHE": ANYTHING,
                "SPACED_CURLY_APOSTROPHE": ANYTHING,
                "SPACED_STRAIGHT_APOSTROPHE": ANYTHING,
                "QUOTE_PAIR": [ANYTHING],
                "ONE_SIDED_DASH": [ANYTHING],
                "STRAIGHT_QUOTE_GAP": re.compile('"'),  # every line with a quote
            },
        ),
    ],
    ids=["entities", "numbers", "punctuation"],
)
def test_screens_change_nothing(monkeypatch, cleaner, module, switched_off):
    texts = list(random_texts(6000, seed=2))
    screened = [spans(cleaner.find_edits(text, Document(text))) for text in texts]
    unscreened(monkeypatch, module, **switched_off)
    assert [spans(cleaner.find_edits(text, Document(text))) for text in texts] == screened


@pytest.mark.parametrize(
    "fixer, pattern",
    [
        (whitespace.trailing_space, whitespace.TRAILING),
        (whitespace.blank_lines, whitespace.BLANK_RUN),
        (whitespace.invisible_characters, whitespace.INVISIBLE),
        (whitespace.odd_spaces, whitespace.ODD_SPACE),
        (whitespace.inner_spaces, whitespace.INNER_SPACES),
    ],
    ids=lambda value: getattr(value, "__name__", ""),
)
def test_whitespace_screens_change_nothing(fixer, pattern):
    """Every match of a whitespace rule's pattern is an edit, screen or no screen."""
    for text in random_texts(6000, seed=3):
        assert [(e.start, e.end) for e in fixer(text)] == [m.span() for m in pattern.finditer(text)], repr(text)

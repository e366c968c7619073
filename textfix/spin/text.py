"""Tokens and the small text facts the spin repairs need (sentence starts, title lines, case)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import partial
from itertools import accumulate
from typing import NamedTuple

# Words keep inner apostrophes and hyphens (sanctuary’t, brand-new); any other character is a
# token of its own so that table keys with commas still match token by token.
TOKEN = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*|\d+(?:[.,]\d+)*(?:st|nd|rd|th|s)?|[^\w\s]")
APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})

STOPWORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had
    has have having he her here hers herself him himself his how i if in into is it its itself just
    me more most my myself no nor not now of off on once only or other our ours ourselves out over
    own same she should so some such than that the their theirs them themselves then there these
    they this those through to too under until up very was we were what when where which while who
    whom why will with would you your yours yourself yourselves also may might must shall one""".split()
)


class Token(NamedTuple):  # a tuple: a page makes thousands, and a dataclass is slower to build
    text: str
    start: int
    end: int

    @property
    def key(self) -> str:
        """Lower case with typographic apostrophes folded, as table keys are written."""
        return self.text.lower().translate(APOSTROPHES)

    @property
    def is_word(self) -> bool:
        return self.text[0].isalpha()


def tokenize(text: str) -> list[Token]:
    """Word, number and punctuation tokens with their offsets.

    >>> [t.text for t in tokenize("Opioids sanctuary’t stopped, brand-new 2.4 times.")]
    ['Opioids', 'sanctuary’t', 'stopped', ',', 'brand-new', '2.4', 'times', '.']
    """
    new = tuple.__new__
    return [new(Token, (m.group(), m.start(), m.end())) for m in TOKEN.finditer(text)]


def token_keys(text: str, tokens: list[Token]) -> list[str]:
    """Every token's :attr:`Token.key`, folded once for the whole text where that is the same
    as token by token: no character changes length in lower case and no capital sigma (whose
    lower case depends on the next letter) is in the text.

    >>> token_keys("Sanctuary’t İstanbul", tokenize("Sanctuary’t İstanbul"))
    ["sanctuary't", 'i̇stanbul']
    """
    folded = fold(text)
    if folded is None:
        return [t.key for t in tokens]
    return [folded[t.start : t.end] for t in tokens]


def fold(text: str) -> str | None:
    """The text as :func:`token_keys` folds it, when that keeps every character in place (else
    ``None``): then the folded text splits into the same tokens at the same offsets, each its key.

    >>> fold("Sanctuary’t"), fold("İstanbul")
    ("sanctuary't", None)
    """
    folded = text.lower().replace("’", "'").replace("‘", "'")
    if len(folded) != len(text) or "Σ" in text:
        return None
    return folded


_SPLIT = re.compile(f"({TOKEN.pattern})")  # gaps and tokens alternating, split in C
# Where lower-casing would join tokens: a number's ordinal suffix is matched in lower case only
# ("2ND" is "2" and "ND"), and only the folded ‘ is an inner apostrophe ("a‘b" is three tokens).
_CASED_SUFFIX = re.compile(r"\d(?:S|sT|N[Dd]|nD|R[Dd]|rD|T[Hh]|tH)")
_INNER_LEFT_QUOTE = re.compile(r"[^\W\d_]‘[^\W\d_]")


def has_inner_left_quote(text: str) -> bool:
    """Whether a ‘ stands between two letters: tried only where ‘ is (a search of the whole
    text for the pattern tests every character, and ‘ is rare).

    >>> has_inner_left_quote("Nation‘s"), has_inner_left_quote("‘quoted’ text"), has_inner_left_quote("a‘")
    (True, False, False)
    """
    at = text.find("‘", 1)
    while at >= 0:
        if _INNER_LEFT_QUOTE.match(text, at - 1):
            return True
        at = text.find("‘", at + 1)
    return False


class LazyTokens(Sequence):
    """The :func:`tokenize` tokens of a text, built only when indexed: a page's keys come from
    one split of its :func:`fold`, and most pages need only a few tokens (the table's matches).

    >>> text = "Research study, sanctuary’t"
    >>> tokens, keys = LazyTokens.of(text)
    >>> list(tokens) == tokenize(text), keys == token_keys(text, tokenize(text))
    (True, True)
    """

    def __init__(self, text: str, parts: list[str]):
        self.text = text
        self.parts = parts
        self._offsets: list[int] | None = None

    @property
    def offsets(self) -> list[int]:
        """Start, end of token 0, start of token 1, ...: summed when a token is first needed."""
        if self._offsets is None:
            self._offsets = list(accumulate(map(len, self.parts)))
        return self._offsets

    @classmethod
    def of(cls, text: str) -> tuple["LazyTokens", list[str]] | None:
        """Tokens and keys of ``text``, or ``None`` when :func:`fold` cannot fold it in place or
        folding would join tokens.

        >>> LazyTokens.of("the 2ND time"), LazyTokens.of("Nation‘s")
        (None, None)
        """
        folded = fold(text)
        if folded is None or _CASED_SUFFIX.search(text) or has_inner_left_quote(text):
            return None
        parts = _SPLIT.split(folded)
        return cls(text, parts), parts[1::2]

    def __len__(self) -> int:
        return len(self.parts) // 2

    def tolist(self) -> list[Token]:
        """Every token, built in C (as :func:`tokenize` would give them).

        >>> LazyTokens.of("Research study, sanctuary’t")[0].tolist() == tokenize("Research study, sanctuary’t")
        True
        """
        offsets, text = self.offsets, self.text
        starts, ends = offsets[0::2], offsets[1::2]  # a trailing start (the text's end) is left over
        spans = map(slice, starts, ends)
        return list(map(partial(tuple.__new__, Token), zip(map(text.__getitem__, spans), starts, ends)))

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        start, end = self.offsets[2 * i], self.offsets[2 * i + 1]
        return tuple.__new__(Token, (self.text[start:end], start, end))


def joined(text: str, tokens: list[Token], i: int, j: int) -> bool:
    """Whether tokens i..j-1 form one run: only spaces (at most one line break) between them."""
    for a, b in zip(tokens[i : j - 1], tokens[i + 1 : j]):
        gap = text[a.end : b.start]
        if gap.count("\n") > 1 or (gap and not gap.isspace()):
            return False
    return True


SENTENCE_END = re.compile(r"(?:^|[.!?:;…\"“”‘’'(\[—–-])\s*$")


def at_sentence_start(text: str, start: int, line_start: int | None = None) -> bool:
    """Whether ``start`` begins a sentence, a line or a quotation (a capital there says nothing).

    >>> at_sentence_start("He left. Research study", 9), at_sentence_start("the Research Triangle", 4)
    (True, False)
    """
    if line_start is None:
        line_start = text.rfind("\n", max(0, start - 200), start) + 1
    before = text[max(line_start, start - 40) : start]
    if not before.strip():
        return True
    return bool(SENTENCE_END.search(before))


def line_starts(text: str) -> list[int]:
    """Offsets where lines start (for bisecting; rfind per token is quadratic on a long line)."""
    return [0] + [m.end() for m in re.finditer("\n", text)]


SMALL_WORDS = frozenset("a an and as at but by for from if in into like nor of on or over so the to up vs via with".split())


def is_title_line(line: str) -> bool:
    """A heading in title case: most words capitalized, no sentence punctuation inside.

    >>> is_title_line("What if Ketamine Actually Works Like an Opioid?")
    True
    >>> is_title_line("Few drugs are as two-faced as ketamine. By day, it works.")
    False
    """
    words = capitalized = 0
    for match in _LINE_WORD.finditer(line):
        word = match.group()
        if word.lower() in SMALL_WORDS:
            continue
        words += 1
        capitalized += word[0].isupper()
        # Stop early on running text: over 20 words, or over 6 lower-case ones (never 70%).
        if words > 20 or words - capitalized > 6:
            return False
    return words > 0 and capitalized >= max(2, 0.7 * words)


_LINE_WORD = re.compile(r"[^\W\d_][\w'’\-]*")


def carry_case(source: str, replacement: str) -> str:
    """Give ``replacement`` the capitalization of the ``source`` it replaces.

    >>> carry_case("Research study", "study"), carry_case("A MINIMUM OF", "at least")
    ('Study', 'AT LEAST')
    >>> carry_case("counterfeit consciousness", "artificial intelligence")
    'artificial intelligence'
    """
    letters = [c for c in source if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    if source[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def apostrophe_like(source: str, replacement: str) -> str:
    """Use the apostrophe style of the source text in the replacement.

    >>> apostrophe_like("sanctuary’t", "haven't")
    'haven’t'
    """
    if "’" in source:
        return replacement.replace("'", "’")
    return replacement

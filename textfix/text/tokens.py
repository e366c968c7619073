"""Word tokens of a line: lower-cased words, word counts (two characters a word in scripts
written without spaces), and the quick paths that answer exactly as the Unicode expressions do."""

from __future__ import annotations

import re
import sys
from array import array
from collections.abc import Sequence
from functools import lru_cache
from types import SimpleNamespace

import regex

WORD = regex.compile(r"\w+")

# Scripts written without spaces between words: count characters, not tokens.
UNSPACED = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}]")

# The same tests without a regex search, answering exactly as the expressions above do
# (tests/test_boilerplate.py checks every claim below against every code point).
# ASCII bytes -> the byte itself for a lower-case letter, digit or "_" (ASCII \w, which is regex's
# \w there), its lower case for a capital, a space for anything else: one translate, one split.
ASCII_WORD_BYTES = bytes(
    c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 or 48 <= c <= 57 or c == 95 else 32 for c in range(256)
)

ASCII_LETTER_BYTES = bytes(range(65, 91)) + bytes(range(97, 123))

# Past the Basic Multilingual Plane (emoji, rare CJK) the standard library's engine is not asked.
BEYOND_BMP = re.compile(r"[\U00010000-\U0010ffff]")

# Lower-casing a whole line equals lower-casing its words one by one except for capital sigma,
# which becomes a final sigma depending on the characters around it.
WORDS_NEED_REGEX = re.compile(r"[\u03a3\U00010000-\U0010ffff]")


def bmp_class(expression: str) -> str:
    """The inside of a ``re`` character class holding exactly the characters of the Basic
    Multilingual Plane that ``expression`` (one character, in regex's syntax) matches.

    The standard library's engine is two to three times quicker on these searches but knows no
    ``\\p{..}``, and its ``\\w``, ``\\s`` and ``\\d`` follow Python's own Unicode tables, not regex's:
    asking regex about every BMP character once makes the two agree there by construction.

    >>> bmp_class("[à-å]"), bmp_class(r"\\p{Ll}")[:5], bmp_class("[ab]") == "a-b"
    ('à-å', 'a-zµß', True)
    """
    parts = []
    for run in regex.finditer(f"(?:{expression})+", _bmp_characters()):
        first, last = re.escape(run.group()[0]), re.escape(run.group()[-1])
        parts.append(first if run.end() - run.start() == 1 else f"{first}-{last}")
    return "".join(parts)


@lru_cache(maxsize=1)
def _bmp_characters() -> str:
    """Every character of the Basic Multilingual Plane, in order, surrogates included.

    Decoded from the code points as 32-bit units (in C; as UTF-16 the surrogates would pair up)
    rather than joined from 65,536 ``chr`` calls, a few times slower.

    >>> plane = _bmp_characters()
    >>> len(plane), plane[65], plane[0xD800] == chr(0xD800), plane[-1] == chr(0xFFFF)
    (65536, 'A', True, True)
    """
    units = array("I", range(0x10000)).tobytes()  # a C unsigned int: 4 bytes wherever Python runs
    return units.decode(f"utf-32-{sys.byteorder[0]}e", "surrogatepass")


@lru_cache(maxsize=1)
def bmp_expressions() -> SimpleNamespace:
    """WORD, UNSPACED and SENTENCE_INSIDE for ``re``, for text without characters past the BMP
    (built once, on first use: some tens of milliseconds, mostly ``re`` compiling the classes)."""
    word = bmp_class(r"\w")
    lower_or_digit, space, upper = bmp_class(r"[\p{Ll}\d]"), bmp_class(r"\s"), bmp_class(r"\p{Lu}")
    return SimpleNamespace(
        word=re.compile(f"[{word}]+"),
        sentence_inside=re.compile(f"[{lower_or_digit}]{{3}}[.!?。][\"'”’»)]*[{space}]+[{upper}]"),
        # Anything past the BMP may be unspaced too: the caller asks regex then.
        maybe_unspaced=re.compile(f"[{bmp_class(UNSPACED.pattern)}\U00010000-\U0010ffff]"),
    )


def words(line: str) -> list[str]:
    """Lower-cased word tokens.

    >>> words("The U.S. study, published Wednesday")
    ['the', 'u', 's', 'study', 'published', 'wednesday']
    """
    if line.isascii():  # lower-case and mark the word boundaries in one pass, in C
        return line.encode().translate(ASCII_WORD_BYTES).decode().split()
    if WORDS_NEED_REGEX.search(line):
        return list(map(str.lower, WORD.findall(line)))
    # Lower-casing keeps every character a word character or not (the tests check every code
    # point), so the words of the lower-cased line are the lower-cased words.
    return bmp_expressions().word.findall(line.lower())


def _token_count(line: str) -> int:
    if line.isascii():
        return len(line.encode().translate(ASCII_WORD_BYTES).split())
    if BEYOND_BMP.search(line):
        return len(WORD.findall(line))
    return len(bmp_expressions().word.findall(line))


def word_count(line: str, tokens: Sequence[str] | None = None) -> int:
    """Words in a line; in Chinese, Japanese or Thai two characters count as one word.

    >>> word_count("It works faster than antidepressants."), word_count("东京是日本的首都")
    (5, 4)
    """
    if line.isascii() or not bmp_expressions().maybe_unspaced.search(line):
        # The unspaced scripts are all outside ASCII; lower-casing changes no token count.
        return _token_count(line) if tokens is None else len(tokens)
    tokens = words(line) if tokens is None else tokens
    unspaced = len(UNSPACED.findall(line))
    if not unspaced:
        return len(tokens)
    return sum(1 for t in tokens if not UNSPACED.search(t)) + (unspaced + 1) // 2


def ascii_letter_count(text: str) -> int:
    """ASCII letters in ``text``, counted in C.

    >>> ascii_letter_count("Ça coûte 3 €")
    5
    """
    ascii_part = text.encode("ascii", "ignore")
    return len(ascii_part) - len(ascii_part.translate(None, ASCII_LETTER_BYTES))

"""What a single line looks like: words, sentence punctuation, stop words, script."""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

import re

import regex

WORD = regex.compile(r"\w+")
# The standard library's engine is quicker on short ASCII lines; on ASCII these expressions
# match exactly what the Unicode ones above and below do (\s spelled out: re's \s also takes
# the separators \x1c-\x1f, which are not white space for the regex module).
ASCII_WORD = re.compile(r"\w+")
ASCII_LONG_WORD_INITIAL = re.compile(r"\b([A-Za-z])\w\w")
ASCII_SENTENCE_INSIDE = re.compile(r"[a-z0-9]{3}[.!?][\"')]*[ \t\n\x0b\x0c\r]+[A-Z]")
# Closing quotes and brackets may follow the full stop: 'he said."' or '(in 2019.)'.
SENTENCE_END = regex.compile(r"[.!?…。！？:;][\"'”’»)\]]*\s*$")
# The word before the stop has three lower-case letters or digits: "St. Paul", "Mr. Smith" and
# "Gov. Noem" are abbreviations, not sentence ends.
SENTENCE_INSIDE = regex.compile(r"[\p{Ll}\d]{3}[.!?。][\"'”’»)]*\s+\p{Lu}")
# Scripts written without spaces between words: count characters, not tokens.
UNSPACED = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}]")
# Letters of these Unicode name prefixes are one family for our purpose (Japanese mixes them).
SCRIPT_FAMILY = {"HIRAGANA": "CJK", "KATAKANA": "CJK", "HALFWIDTH": "CJK", "FULLWIDTH": "LATIN"}


@lru_cache(maxsize=None)
def stop_words(language: str) -> frozenset[str]:
    """Stop words of an ISO 639-1 language from the maintained stopwords-iso collection (MIT).

    >>> "the" in stop_words("en"), "und" in stop_words("de"), len(stop_words("xx"))
    (True, True, 0)
    """
    import stopwordsiso

    if not stopwordsiso.has_lang(language):
        return frozenset()
    return frozenset(w.lower() for w in stopwordsiso.stopwords(language))


def words(line: str) -> list[str]:
    """Lower-cased word tokens.

    >>> words("The U.S. study, published Wednesday")
    ['the', 'u', 's', 'study', 'published', 'wednesday']
    """
    if line.isascii():  # lower-casing ASCII changes no word boundary: one pass, in C
        return ASCII_WORD.findall(line.lower())
    return list(map(str.lower, WORD.findall(line)))


def word_count(line: str, tokens: Sequence[str] | None = None) -> int:
    """Words in a line; in Chinese, Japanese or Thai two characters count as one word.

    >>> word_count("It works faster than antidepressants."), word_count("东京是日本的首都")
    (5, 4)
    """
    tokens = words(line) if tokens is None else tokens
    if line.isascii():  # the unspaced scripts are all outside ASCII
        return len(tokens)
    unspaced = len(UNSPACED.findall(line))
    if not unspaced:
        return len(tokens)
    return sum(1 for t in tokens if not UNSPACED.search(t)) + (unspaced + 1) // 2


def stop_ratio(tokens: Sequence[str], stops: frozenset[str]) -> float:
    """Share of tokens that are stop words.

    >>> round(stop_ratio(words("the drug is approved by the FDA"), stop_words("en")), 2)
    0.57
    """
    if not tokens:
        return 0.0
    return sum(map(stops.__contains__, tokens)) / len(tokens)


def ends_sentence(line: str) -> bool:
    """The line ends like a sentence does.

    >>> ends_sentence('He asked for it."'), ends_sentence("Most Popular Videos")
    (True, False)
    """
    return bool(SENTENCE_END.search(line))


def has_inner_sentence(line: str) -> bool:
    """Two sentences in one line: a full stop followed by a capital.

    >>> has_inner_sentence("It works. But not for long"), has_inner_sentence("police in St. Paul said")
    (True, False)
    """
    if line.isascii():
        return ASCII_SENTENCE_INSIDE.search(line) is not None
    return bool(SENTENCE_INSIDE.search(line))


ASCII_RUN = regex.compile(r"[\x00-\x7F]+")
ASCII_LETTERS = regex.compile(r"[A-Za-z]+")
THREE_ASCII_LETTERS = regex.compile(r"[A-Za-z][^A-Za-z]*[A-Za-z][^A-Za-z]*[A-Za-z]")


@lru_cache(maxsize=8192)
def _script_of(ch: str) -> str:
    name = unicodedata.name(ch, "")
    first = name.split(" ", 1)[0]
    return SCRIPT_FAMILY.get(first, first)


def script(text: str, sample: int = 4000) -> str | None:
    """The script most letters of ``text`` are written in (a Unicode name prefix), or None.

    >>> script("قالب وردپرس درنا توس"), script("Ketamine can relieve depression"), script("1 / 2")
    ('ARABIC', 'LATIN', None)
    >>> script("Ŋa ŋa ŋa bb ключ"), script("ab ключ"), script("abcd ключ")
    ('LATIN', 'CYRILLIC', 'LATIN')
    """
    text = text[:sample]
    # The common cases, without a name look-up per letter: all ASCII, or ASCII letters with
    # typographic punctuation (curly quotes, dashes) around them.
    if text.isascii():
        return "LATIN" if THREE_ASCII_LETTERS.search(text) else None
    other = ASCII_RUN.sub("", text)
    if not any(map(str.isalpha, other)):
        return "LATIN" if THREE_ASCII_LETTERS.search(text) else None
    # Count the non-ASCII characters in C and name the few distinct ones; ASCII letters are
    # Latin. Each script keeps the offset of its first letter, so that ties go the same way as
    # counting letter by letter would (to the script seen first).
    counts: dict[str, list[int]] = {}
    for ch, n in Counter(other).items():
        if ch.isalpha():
            name = _script_of(ch)
            if name in counts:
                counts[name][0] += n
            else:
                counts[name] = [n, text.find(ch)]
    ascii_letters = len(text) - len(ASCII_LETTERS.sub("", text))
    if ascii_letters:
        first = ASCII_LETTERS.search(text).start()
        if "LATIN" in counts:
            counts["LATIN"][0] += ascii_letters
            counts["LATIN"][1] = min(counts["LATIN"][1], first)
        else:
            counts["LATIN"] = [ascii_letters, first]
    if sum(n for n, _ in counts.values()) < 3:
        return None
    in_order = sorted(counts.items(), key=lambda item: item[1][1])
    return max(in_order, key=lambda item: item[1][0])[0]


def headline_case(line: str) -> bool:
    """Title Case: nearly every word of three or more letters starts with a capital.

    >>> headline_case("Military Armored Car Massively Misjudges Its Speed, Careens Into A House")
    True
    >>> headline_case("Testing the silicon"), headline_case("NASA"), headline_case("Battery life")
    (False, False, False)
    """
    if line.isascii():
        initials = ASCII_LONG_WORD_INITIAL.findall(line)
        return len(initials) >= 3 and sum(map(str.isupper, initials)) >= 0.8 * len(initials)
    long_words = [w for w in WORD.findall(line) if len(w) >= 3 and w[0].isalpha()]
    if len(long_words) < 3:
        return False
    capitalized = sum(w[0].isupper() for w in long_words)
    return capitalized >= 0.8 * len(long_words)


def uses_script(text: str, name: str) -> bool:
    """Some letter of ``text`` is written in script ``name``.

    >>> uses_script("정덕현 칼럼니스트 thekian1@entermedia.co.kr", "HANGUL"), uses_script("Facebook", "HANGUL")
    (True, False)
    """
    return any(_script_of(ch) == name for ch in text if ch.isalpha())

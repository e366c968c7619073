"""What a single line looks like: words, sentence punctuation, stop words, script."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from types import SimpleNamespace

import regex

WORD = regex.compile(r"\w+")
# The standard library's engine is quicker on short ASCII lines; on ASCII these expressions
# match exactly what the Unicode ones above and below do (\s spelled out: re's \s also takes
# the separators \x1c-\x1f, which are not white space for the regex module).
ASCII_LONG_WORD_INITIAL = re.compile(r"\b([A-Za-z])\w\w")
ASCII_SENTENCE_INSIDE = re.compile(r"[a-z0-9]{3}[.!?][\"')]*[ \t\n\x0b\x0c\r]+[A-Z]")
# Closing quotes and brackets may follow the full stop: 'he said."' or '(in 2019.)'.
SENTENCE_END = regex.compile(r"[.!?…。！？:;][\"'”’»)\]]*\s*$")
# The word before the stop has three lower-case letters or digits: "St. Paul", "Mr. Smith" and
# "Gov. Noem" are abbreviations, not sentence ends.
SENTENCE_INSIDE = regex.compile(r"[\p{Ll}\d]{3}[.!?。][\"'”’»)]*\s+\p{Lu}")
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
# What regex's \s matches: str.rstrip() would also strip \x1c-\x1f, which regex does not count
# as white space.
REGEX_SPACE = "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
SENTENCE_MARKS = tuple(".!?…。！？:;")
SENTENCE_CLOSERS = "\"'”’»)]"
# Past the Basic Multilingual Plane (emoji, rare CJK) the standard library's engine is not asked.
BEYOND_BMP = re.compile(r"[\U00010000-\U0010ffff]")
# Lower-casing a whole line equals lower-casing its words one by one except for capital sigma,
# which becomes a final sigma depending on the characters around it.
WORDS_NEED_REGEX = re.compile(r"[\u03a3\U00010000-\U0010ffff]")
ASCII_RUN_RE = re.compile(r"[\x00-\x7f]+")
NON_ASCII_WORD_CHARACTER = re.compile(r"[^\W\d_\x00-\x7f]")
ASCII_LETTER_RE = re.compile("[A-Za-z]")
THREE_ASCII_LETTERS = re.compile("[A-Za-z][^A-Za-z]*[A-Za-z][^A-Za-z]*[A-Za-z]")  # stops at the third


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
    return "".join(map(chr, range(0x10000)))


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
    # SENTENCE_END anchored at the end: white space, then closing marks, then the stop itself
    # (the three sets share no character, so stripping them in turn finds the only candidate).
    return line.rstrip(REGEX_SPACE).rstrip(SENTENCE_CLOSERS).endswith(SENTENCE_MARKS)


def has_inner_sentence(line: str) -> bool:
    """Two sentences in one line: a full stop followed by a capital.

    >>> has_inner_sentence("It works. But not for long"), has_inner_sentence("police in St. Paul said")
    (True, False)
    """
    # Most lines (menus, headings, captions) have no stop at all: four substring tests say so.
    if "." not in line and "!" not in line and "?" not in line and "。" not in line:
        return False
    if line.isascii():
        return ASCII_SENTENCE_INSIDE.search(line) is not None
    if BEYOND_BMP.search(line):
        return bool(SENTENCE_INSIDE.search(line))
    return bmp_expressions().sentence_inside.search(line) is not None


def ascii_letter_count(text: str) -> int:
    """ASCII letters in ``text``, counted in C.

    >>> ascii_letter_count("Ça coûte 3 €")
    5
    """
    ascii_part = text.encode("ascii", "ignore")
    return len(ascii_part) - len(ascii_part.translate(None, ASCII_LETTER_BYTES))


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
    # Without a letter outside ASCII (typographic punctuation only), ASCII letters decide. The
    # search is a superset of those letters: re's word characters outside ASCII that are not
    # digits take in every letter (and a few other numerals, which only send us the long way).
    if text.isascii() or not NON_ASCII_WORD_CHARACTER.search(text):
        return "LATIN" if THREE_ASCII_LETTERS.search(text) else None
    other = ASCII_RUN_RE.sub("", text)
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
    # Counting the ASCII letters is one more pass over the text: skip it when no number of them
    # (at most one per ASCII character) can change the winner, or bring the total below three.
    latin = counts["LATIN"][0] if "LATIN" in counts else 0
    rival = max((n for name, (n, _) in counts.items() if name != "LATIN"), default=0)
    ascii_chars = len(text) - len(other)
    settled = sum(n for n, _ in counts.values()) >= 3 and (latin > rival or latin + ascii_chars < rival)
    if not settled:
        ascii_letters = ascii_letter_count(text)
        if ascii_letters:
            first = ASCII_LETTER_RE.search(text).start()
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
    tokens = WORD.findall(line) if BEYOND_BMP.search(line) else bmp_expressions().word.findall(line)
    initials = [w[0] for w in tokens if len(w) >= 3 and w[0].isalpha()]
    return len(initials) >= 3 and sum(map(str.isupper, initials)) >= 0.8 * len(initials)


def uses_script(text: str, name: str) -> bool:
    """Some letter of ``text`` is written in script ``name``.

    >>> uses_script("정덕현 칼럼니스트 thekian1@entermedia.co.kr", "HANGUL"), uses_script("Facebook", "HANGUL")
    (True, False)
    """
    return any(_script_of(ch) == name for ch in set(text) if ch.isalpha())  # each letter once

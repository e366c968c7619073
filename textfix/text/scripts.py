"""The script a text is written in (a Unicode name prefix: LATIN, CYRILLIC, CJK ...)."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

from .tokens import ascii_letter_count

ASCII_RUN_RE = re.compile(r"[\x00-\x7f]+")

NON_ASCII_WORD_CHARACTER = re.compile(r"[^\W\d_\x00-\x7f]")

ASCII_LETTER_RE = re.compile("[A-Za-z]")

THREE_ASCII_LETTERS = re.compile("[A-Za-z][^A-Za-z]*[A-Za-z][^A-Za-z]*[A-Za-z]")  # stops at the third

# A letter outside ASCII with no letter on either side: mojibake debris ("â€™"), a symbol-like
# letter ("µ", "º") or an initial, not a word of the page's language.
LONE_LETTER = re.compile(r"(?<![^\W\d_])[^\W\d_\x00-\x7f](?![^\W\d_])")

# Letters of these Unicode name prefixes are one family for our purpose (Japanese mixes them).
SCRIPT_FAMILY = {"HIRAGANA": "CJK", "KATAKANA": "CJK", "HALFWIDTH": "CJK", "FULLWIDTH": "LATIN"}


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


def words_script(text: str, sample: int = 4000) -> str | None:
    """The script of the words of ``text``: :func:`script` without the letters outside ASCII
    that stand alone. Mojibake leaves such letters around punctuation (``â€™`` for ``’``), and
    repairing it must not change what a page is written in.

    >>> script("cases .'â€™ Ú Новости"), words_script("cases .'â€™ Ú Новости")
    ('LATIN', 'CYRILLIC')
    >>> words_script("Ketamine relieves dépression"), words_script("Новости: café")
    ('LATIN', 'CYRILLIC')
    """
    text = text[:sample]
    if not text.isascii():
        text = LONE_LETTER.sub(" ", text)
    return script(text, sample)


def uses_script(text: str, name: str) -> bool:
    """Some letter of ``text`` is written in script ``name``.

    >>> uses_script("정덕현 칼럼니스트 thekian1@entermedia.co.kr", "HANGUL"), uses_script("Facebook", "HANGUL")
    (True, False)
    """
    return any(_script_of(ch) == name for ch in set(text) if ch.isalpha())  # each letter once

"""How a line reads: it ends like a sentence, holds two, or is set in Title Case; and whether a
text starts its sentences with capitals, as edited prose does.

A lower-case word after a full stop means little in a forum post, a code listing or chat, which
often do not capitalise; in prose that does, it is a sign that the stop does not end a sentence.
"""

from __future__ import annotations

import re

import regex

from .tokens import BEYOND_BMP, WORD, bmp_expressions

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

# What regex's \s matches: str.rstrip() would also strip \x1c-\x1f, which regex does not count
# as white space.
REGEX_SPACE = "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"

SENTENCE_MARKS = tuple(".!?…。！？:;")

SENTENCE_CLOSERS = "\"'”’»)]"


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


# A teaser cut short for a list of other stories ("... may soon..."), not a paragraph.
TRUNCATED = regex.compile(r"\w[,;]?\s*(\.\.\.|…)\s*$")
SHAPED_MIN_WORDS = 8  # shorter lines are headings, menu items, captions
SHAPED_LONG_WORDS = 20  # a line this long is running text even without a stop


def sentence_shaped(text: str, count: int) -> bool:
    """Long enough and punctuated like sentences, not a teaser cut short: the half of the prose
    test that needs no language (``count``: the line's word count).

    >>> sentence_shaped("Ketamine can relieve depression within hours, a small study found.", 10)
    True
    >>> sentence_shaped("Ketamine can relieve depression within hours, a small study...", 10)
    False
    """
    # TRUNCATED can only match a line ending in an ellipsis: skip the search that tries every position.
    if count < SHAPED_MIN_WORDS or (text.rstrip().endswith(("...", "…")) and TRUNCATED.search(text)):
        return False
    return ends_sentence(text) or has_inner_sentence(text) or count >= SHAPED_LONG_WORDS


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

"""Whitespace: invisible and misplaced spaces, without touching paragraph structure."""

from __future__ import annotations

import regex

from ..cleaner import Cleaner
from ..edits import Edit

TRAILING = regex.compile(r"[ \t\u00a0]+(?=\r?\n|\Z)")
BLANK_RUN = regex.compile(r"(?:\r?\n){4,}")  # three or more blank lines
# Zero-width space, word joiner and a BOM inside the text carry nothing. ZWNJ/ZWJ are kept:
# they change shaping in Persian, Indic scripts and emoji.
INVISIBLE = regex.compile(r"[\u200b\u2060\ufeff\u00ad]+")
# A no-break or odd-width space between two letters is an HTML &nbsp; leftover. Next to a digit
# (10 km) or French punctuation (« mot », oui !) it is deliberate typography and stays.
ODD_SPACE = regex.compile(r"(?<=\p{L}[.,]?)[\u00a0\u2000-\u200a\u202f\u205f\u3000](?=\p{L})")
INNER_SPACES = regex.compile(r"(?<=\S) {2,}(?=\S)")


def trailing_space(text: str):
    """Spaces at the end of a line.

    >>> [e.start for e in trailing_space("end.  \\nnext")]
    [4]
    """
    for m in TRAILING.finditer(text):
        yield Edit(m.start(), m.end(), "", "trailing-space", "remove trailing spaces")


def blank_lines(text: str):
    """Three or more blank lines in a row become one.

    >>> [e.replacement for e in blank_lines("a\\n\\n\\n\\n\\nb")]
    ['\\n\\n']
    """
    for m in BLANK_RUN.finditer(text):
        newline = "\r\n" if "\r" in m.group() else "\n"
        yield Edit(m.start(), m.end(), newline * 2, "blank-lines", "collapse a run of blank lines")


def invisible_characters(text: str):
    """Zero-width spaces, word joiners, stray BOMs and soft hyphens.

    >>> [e.rule for e in invisible_characters("treat\\u00adment")]
    ['invisible-character']
    """
    for m in INVISIBLE.finditer(text):
        yield Edit(m.start(), m.end(), "", "invisible-character", "remove invisible characters")


def odd_spaces(text: str):
    """No-break and other odd spaces between words become plain spaces.

    >>> [e.replacement for e in odd_spaces("de\\u00a0la")]
    [' ']
    """
    for m in ODD_SPACE.finditer(text):
        yield Edit(m.start(), m.end(), " ", "odd-space", "plain space for a no-break space between words")


def inner_spaces(text: str):
    """Runs of spaces between two words; indentation at the start of a line stays.

    >>> [e.replacement for e in inner_spaces("the  study")]
    [' ']
    """
    for m in INNER_SPACES.finditer(text):
        yield Edit(m.start(), m.end(), " ", "repeated-space", "collapse repeated spaces")


FIXERS = (trailing_space, blank_lines, invisible_characters, odd_spaces, inner_spaces)


class WhitespaceCleaner(Cleaner):
    code = "whitespace"
    summary = "Trailing and repeated spaces, runs of blank lines, invisible characters, no-break spaces."
    stage = 90
    rules = {
        "trailing-space": "spaces at the end of a line",
        "blank-lines": "three or more blank lines in a row",
        "invisible-character": "zero-width space, word joiner, stray BOM, soft hyphen",
        "odd-space": "no-break or odd-width space between two words",
        "repeated-space": "two or more spaces between words",
    }

    def find_edits(self, text, doc):
        for fixer in FIXERS:
            yield from fixer(text)

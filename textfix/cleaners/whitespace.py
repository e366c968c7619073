"""Whitespace: invisible and misplaced spaces, without touching paragraph structure."""

from __future__ import annotations

import re

import regex

from ..cleaner import Cleaner
from ..edits import Edit
from ._lines import has_any

# Each rule first makes a cheap test that proves it has nothing to do, if it can: most texts
# (and every text the pipeline checks a second time) have nothing for most rules, and the
# rules' own patterns have to stop at every space or every letter.
# A match starts only where a run of spaces starts and never gives characters back: tried at
# every space of a long run that does not end a line, it would take time quadratic in the run.
TRAILING = regex.compile(r"(?<![ \t\u00a0])[ \t\u00a0]++(?=\r?\n|\Z)")
# The cheap test: jumps from line break to line break and looks at the character before.
SPACE_BEFORE_LINE_BREAK = re.compile(r"\n(?:(?<=[ \t\u00a0]\n)|(?<=[ \t\u00a0]\r\n))")
BLANK_RUN = regex.compile(r"(?:\r?\n){4,}")  # three or more blank lines
# Zero-width space, word joiner and a BOM inside the text carry nothing. ZWNJ/ZWJ are kept:
# they change shaping in Persian, Indic scripts and emoji.
INVISIBLE_CHARACTERS = "\u200b\u2060\ufeff\u00ad"
INVISIBLE = regex.compile(f"[{INVISIBLE_CHARACTERS}]+")
# A no-break or odd-width space between two letters is an HTML &nbsp; leftover. Next to a digit
# (10 km) or French punctuation (« mot », oui !) it is deliberate typography and stays.
ODD_SPACES = "\u00a0" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"  # U+2000-U+200A: quads etc.
ODD_SPACE = regex.compile(f"(?<=\\p{{L}}[.,]?)[{ODD_SPACES}](?=\\p{{L}})")
INNER_SPACES = regex.compile(r"(?<=\S) {2,}(?=\S)")


def trailing_space(text: str):
    """Spaces at the end of a line.

    >>> [e.start for e in trailing_space("end.  \\nnext")]
    [4]
    """
    if not (text.endswith((" ", "\t", "\u00a0")) or SPACE_BEFORE_LINE_BREAK.search(text)):
        return
    for m in TRAILING.finditer(text):
        yield Edit(m.start(), m.end(), "", "trailing-space", "remove trailing spaces")


def blank_lines(text: str):
    """Three or more blank lines in a row become one.

    >>> [e.replacement for e in blank_lines("a\\n\\n\\n\\n\\nb")]
    ['\\n\\n']
    """
    if "\n\n\n\n" not in text and "\r" not in text:
        return
    for m in BLANK_RUN.finditer(text):
        newline = "\r\n" if "\r" in m.group() else "\n"
        yield Edit(m.start(), m.end(), newline * 2, "blank-lines", "collapse a run of blank lines")


def invisible_characters(text: str):
    """Zero-width spaces, word joiners, stray BOMs and soft hyphens.

    >>> [e.rule for e in invisible_characters("treat\\u00adment")]
    ['invisible-character']
    """
    if not has_any(text, INVISIBLE_CHARACTERS):
        return
    for m in INVISIBLE.finditer(text):
        yield Edit(m.start(), m.end(), "", "invisible-character", "remove invisible characters")


def odd_spaces(text: str):
    """No-break and other odd spaces between words become plain spaces.

    >>> [e.replacement for e in odd_spaces("de\\u00a0la")]
    [' ']
    """
    if not has_any(text, ODD_SPACES):
        return
    for m in ODD_SPACE.finditer(text):
        yield Edit(m.start(), m.end(), " ", "odd-space", "plain space for a no-break space between words")


def inner_spaces(text: str):
    """Runs of spaces between two words; indentation at the start of a line stays.

    >>> [e.replacement for e in inner_spaces("the  study")]
    [' ']
    """
    if "  " not in text:
        return
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

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
# Zero-width space, word joiner and a BOM inside the text carry nothing. ZWNJ/ZWJ are kept:
# they change shaping in Persian, Indic scripts and emoji.
INVISIBLE_CHARACTERS = "\u200b\u2060\ufeff\u00ad"
# The spaces of a run count the invisible characters in it as part of it ("Metro \ufeff" at a
# line end, "Expert \u200b in"): removing those characters must not leave trailing or doubled
# spaces for a second round to find.
# A match starts only where a run of spaces starts and never gives characters back: tried at
# every space of a long run that does not end a line, it would take time quadratic in the run.
TRAILING = regex.compile(
    rf"(?<![ \t\u00a0{INVISIBLE_CHARACTERS}])(?=[{INVISIBLE_CHARACTERS}]*+[ \t\u00a0])"
    rf"[ \t\u00a0{INVISIBLE_CHARACTERS}]++(?=\r?\n|\Z)"
)
# The cheap test: jumps from line break to line break and looks at the character before.
SPACE_BEFORE_LINE_BREAK = re.compile(
    rf"\n(?:(?<=[ \t\u00a0{INVISIBLE_CHARACTERS}]\n)|(?<=[ \t\u00a0{INVISIBLE_CHARACTERS}]\r\n))"
)
LINE_END_SPACES = (" ", "\t", "\u00a0", *INVISIBLE_CHARACTERS)
BLANK_RUN = regex.compile(r"(?:\r?\n){4,}")  # three or more blank lines
INVISIBLE = regex.compile(f"[{INVISIBLE_CHARACTERS}]+")
# A no-break or odd-width space between two letters is an HTML &nbsp; leftover. Next to a digit
# (10 km) or French punctuation (« mot », oui !) it is deliberate typography and stays.
ODD_SPACES = "\u00a0" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"  # U+2000-U+200A: quads etc.
ODD_SPACE = regex.compile(
    f"(?<=\\p{{L}}[.,]?[{INVISIBLE_CHARACTERS}]*)[{ODD_SPACES}](?=[{INVISIBLE_CHARACTERS}]*\\p{{L}})"
)
INNER_SPACES = regex.compile(  # two spaces or more, invisible characters among them
    rf"(?<=[^\s{INVISIBLE_CHARACTERS}])(?=[{INVISIBLE_CHARACTERS}]*+ [{INVISIBLE_CHARACTERS}]*+ )"
    rf"[ {INVISIBLE_CHARACTERS}]++(?=[^\s{INVISIBLE_CHARACTERS}])"
)


def trailing_space(text: str):
    """Spaces at the end of a line, with the invisible characters among them.

    >>> [e.start for e in trailing_space("end.  \\nnext")], [e.end for e in trailing_space("Metro \\ufeff\\n")]
    ([4], [7])
    >>> list(trailing_space("word\\u200b\\nnext"))  # no space: the invisible character's own rule
    []
    """
    if not (text.endswith(LINE_END_SPACES) or SPACE_BEFORE_LINE_BREAK.search(text)):
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
    """Runs of spaces between two words, with the invisible characters among them;
    indentation at the start of a line stays.

    >>> [(e.start, e.end) for e in inner_spaces("the  study; Expert \\u200b in")]
    [(3, 5), (18, 21)]
    >>> list(inner_spaces("the \\u200bstudy"))  # one space: the invisible character's own rule
    []
    """
    if "  " not in text and not has_any(text, INVISIBLE_CHARACTERS):
        return
    for m in INNER_SPACES.finditer(text):
        yield Edit(m.start(), m.end(), " ", "repeated-space", "collapse repeated spaces")


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
        """Every fixer's edits; an invisible character inside a run of spaces goes with the
        run's edit, so that one round leaves nothing for the next."""
        runs = sorted([*trailing_space(text), *inner_spaces(text)], key=lambda edit: edit.start)
        yield from runs
        yield from blank_lines(text)
        yield from odd_spaces(text)
        k = 0  # both in text order: the first run that does not end before the edit
        for edit in invisible_characters(text):
            while k < len(runs) and runs[k].end <= edit.start:
                k += 1
            if k == len(runs) or edit.end <= runs[k].start:
                yield edit

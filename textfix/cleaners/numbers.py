"""Numbers and words that scrapers split or tagged: ``1\\n\\n2 adult patients``, ``( 19659002)``,
``treat-\\nment``.
"""

from __future__ import annotations

import gzip
import re
from functools import lru_cache
from importlib import resources

import regex

from ..cleaner import Cleaner
from ..edits import Edit

# A paragraph that stops on a bare number and a next one that starts with a number and goes
# on in lower case: ``placebo to 1\n\n2 adult patients``. Both parts short, so years, page
# numbers and numbered lists ("1.") never qualify.
SPLIT_NUMBER = regex.compile(
    r"(?<=[ ])(?<![\d.,])(?P<left>\d{1,3})[ \t]*(?P<gap>(?:\r?\n[ \t]*){1,2})(?P<right>\d{1,3})(?=[ ]\p{Ll})"
)
# What SPLIT_NUMBER needs after its line break, as a cheap test that starts on the line break
# (``[^\W\d_A-Z]`` is wider than ``\p{Ll}``).
NUMBER_STARTS_LINE = re.compile(r"\n[ \t]*\d{1,3} [^\W\d_A-Z]")
WORD = regex.compile(r"\p{L}+")
# Words that number things: "Chapter 1" / "2 weeks later" is a heading and a new paragraph.
NUMBERING_WORDS = frozenset(
    "chapter fig figure table step page part section vol volume no number episode season "
    "article appendix round game level issue lesson week day".split()
)
# 8-digit markers starting 196590 that one scraper family inserts where paragraphs were.
MARKER = regex.compile(r"(?P<lead>[ \t]*)[(\[][ \t]*196590\d\d[ \t]*[)\]](?P<trail>[ \t]*)")
# Starts on the hyphen and looks back for the word, so the engine skips from hyphen to hyphen.
HYPHENATED = regex.compile(
    r"-(?<=(?P<left>\p{L}+)-)[ \t]*(?P<newline>\r?\n)[ \t]*(?P<right>\p{Ll}+)(?P<rest>\S*)(?P<trail>[ \t]*)"
)
# A word broken by a hyphen and a space on one line, where a line break used to be:
# ``antici- pation``. Starts on the hyphen; the halves are whole words, the first one after a
# space, a line start or an opening bracket or quote (not ``\n- Eat`` from escaped text).
SPACED_HYPHEN = regex.compile(
    r"-(?<=(?:^|(?<=[\s(\[\"'“‘]))(?P<left>\p{L}+)-)(?P<space>[ ]+)(?P<right>\p{L}+)(?![\p{L}\p{N}\-])"
)
# The same shape, wider (``\w``), as a cheap test that proves HYPHENATED finds nothing.
HYPHEN_AT_LINE_END = re.compile(r"-(?<=\w-)[ \t]*\r?\n[ \t]*\w")


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """The lower-case English words of ``data/english-words.txt.gz`` (built by tools/).

    >>> "treatment" in english_words(), "wellknown" in english_words()
    (True, False)
    """
    data = resources.files("textfix").joinpath("data/english-words.txt.gz").read_bytes()
    return frozenset(gzip.decompress(data).decode("utf-8").split())


def split_numbers(text: str):
    """Join a number a scraper split across a paragraph break.

    >>> [e.rule for e in split_numbers("they gave placebo to 1\\n\\n2 adult patients")]
    ['split-number']
    >>> list(split_numbers("Chapter 1\\n\\n2 weeks later")), list(split_numbers("in 2019\\n\\n2 men"))
    ([], [])

    A single line break counts only in a text without blank lines, where it is the paragraph
    break; elsewhere it is line wrapping, and a wrapped line may well end on a number.
    """
    if not NUMBER_STARTS_LINE.search(text):
        return
    blank_line_paragraphs = "\n\n" in text or "\n\r\n" in text
    for m in SPLIT_NUMBER.finditer(text):
        if blank_line_paragraphs and m["gap"].count("\n") < 2:
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        words = WORD.findall(text, line_start, m.start())
        # A sentence that runs on, not a heading or label like "Step 1".
        if len(words) < 4 or not any(w.islower() for w in words) or words[-1].lower() in NUMBERING_WORDS:
            continue
        yield Edit(
            m.end("left"), m.start("right"), "", "split-number",
            f"join {m['left']} and {m['right']} split across lines", confidence=0.8,
        )


def scraper_markers(text: str):
    """Remove ``( 19659002)``-style markers; one that stood for a paragraph break becomes one.

    >>> [e.replacement for e in scraper_markers("A.\\n\\nthe effects ( 19659002) Ketamine is; a [19659001] b")]
    ['\\n\\n', ' ']
    """
    paragraph = "\n\n" if "\n\n" in text else "\n"
    for m in MARKER.finditer(text):
        before = text[m.start() - 1] if m.start() else "\n"
        after = text[m.end()] if m.end() < len(text) else "\n"
        if before == "\n" or after in "\r\n":
            replacement = ""  # at a line's start or end: nothing to join
        elif after in ".,;:!?)]":
            replacement = ""
        elif (before.isalnum() or before in ".!?\"”’)") and (after.isupper() or after in "“\"‘"):
            replacement = paragraph
        else:
            replacement = " "
        yield Edit(m.start(), m.end(), replacement, "scraper-marker", f"remove scraper marker {m.group().strip()!r}")


def line_end_hyphens(text: str):
    """A word hyphenated at a line end: joined when the halves make a word, else kept hyphenated.

    The remainder of the word moves up to the first line, so the line structure stays.

    >>> [e.replacement for e in line_end_hyphens("the treat-\\nment of well-\\nknown cases")]
    ['ment\\n', '-known\\n']
    >>> list(line_end_hyphens("Zusammen-\\narbeit"))
    []
    """
    if not HYPHEN_AT_LINE_END.search(text):
        return
    words = None
    for m in HYPHENATED.finditer(text):
        words = words or english_words()
        left, right = m["left"].lower(), m["right"].lower()
        if left + right in words:
            joined, how, confidence = m["right"] + m["rest"], "join", 0.9
        elif left in words and right in words:
            joined, how, confidence = "-" + m["right"] + m["rest"], "keep the hyphen of", 1.0
        else:
            continue
        at_line_end = m.end() == len(text) or text[m.end()] in "\r\n"
        replacement = joined if at_line_end else joined + m["newline"]
        yield Edit(
            m.end("left"), m.end(), replacement, "line-end-hyphen",
            f"{how} {m['left']}-{m['right']} hyphenated at a line end", confidence=confidence,
        )


def spaced_hyphens(text: str):
    """A word broken by a hyphen and a space on one line, joined when the halves make a word
    and the second half is no word of its own (``antici- pation``, ``plant- ing``).

    A suspended compound (``pre- and post-war``, ``short- and long-term``), a prefix before a
    word (``non- native``: ``non-native`` or ``nonnative``?) or a grade (``an A- on``) stays.

    >>> [e.start for e in spaced_hyphens("shiver with antici- pation, plant- ing non- native trees")]
    [18, 33]
    >>> list(spaced_hyphens("pre- and post-war, an A- on the test, 555- 1234, antici-pation, \\\\n- Eat"))
    []
    """
    if "- " not in text:
        return
    words = None  # loaded on the first candidate: most texts with "- " have spaced dashes only
    for m in SPACED_HYPHEN.finditer(text):
        words = words or english_words()
        left, right = m["left"].lower(), m["right"].lower()
        if right in words or left + right not in words:
            continue
        yield Edit(
            m.end("left"), m.start("right"), "", "spaced-hyphen",
            f"join {m['left']}- {m['right']}, a word broken across a lost line end", confidence=0.8,
        )


class NumbersCleaner(Cleaner):
    code = "numbers"
    summary = "Numbers and words split by scrapers, and the numeric markers some scrapers insert."
    stage = 40
    rules = {
        "split-number": "a number split across a paragraph break (to 1 / 2 adult patients)",
        "scraper-marker": "a (19659002)-style marker a scraper inserted",
        "line-end-hyphen": "a word hyphenated at a line end (treat-/ment)",
        "spaced-hyphen": "a word broken by a hyphen and a space on one line (antici- pation)",
    }

    def preload(self) -> None:
        english_words()

    def find_edits(self, text, doc):
        edits: list[Edit] = []
        if "\n" in text:
            edits.extend(split_numbers(text))
            if "-" in text:
                edits.extend(line_end_hyphens(text))
        if "196590" in text:
            edits.extend(scraper_markers(text))
        edits.extend(spaced_hyphens(text))
        return edits

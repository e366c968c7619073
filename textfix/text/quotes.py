"""The document's apostrophe style, and putting a new or repaired apostrophe into it.

A page written with curly apostrophes (``it’s``) should not come out of cleaning with straight
ones (``it's``) where an entity or a split contraction was repaired, nor the other way round.
The style is measured on the text a cleaner is given (each round's), so that the cleaned text's
own style asks for no further change: apostrophes and single quotes next to a letter, of either
shape. One shape is the style when it makes at least two thirds of at least
three marks; otherwise the document has no style and every mark stays as it is.
"""

from __future__ import annotations

import regex

CURLY = "’"
STRAIGHT = "'"
# An apostrophe or single quote touching a letter: ``it’s``, ``‘Oh``, ``clients’ signs``,
# ``didn' t``. Next to digits (``5'11"``, ``the ’90s``) it may be a foot mark or stand for
# digits, so it does not count.
SINGLE_MARK = regex.compile(r"['‘’](?:(?<=\p{L}.)|(?=\p{L}))")
# An apostrophe between two letters: inside a contraction or a name (``it's``, ``O'Brien``).
INNER_APOSTROPHE = regex.compile(r"(?<=\p{L})['’](?=\p{L})")
MIN_MARKS = 3
MIN_SHARE = 2 / 3


def apostrophe_style(text: str) -> str | None:
    """``"’"`` or ``"'"``, the apostrophe most of the text's single marks use, or None.

    >>> apostrophe_style("it’s, didn’t, ‘Oh’ and it's"), apostrophe_style("it's, can't, we'll")
    ('’', "'")
    >>> apostrophe_style("it’s and it's"), apostrophe_style("no marks at all") is None
    (None, True)
    """
    curly = straight = 0
    for m in SINGLE_MARK.finditer(text):
        if m.group() == STRAIGHT:
            straight += 1
        else:
            curly += 1
    total = curly + straight
    if total < MIN_MARKS:
        return None
    if curly >= MIN_SHARE * total:
        return CURLY
    if straight >= MIN_SHARE * total:
        return STRAIGHT
    return None


def in_style(apostrophe: str, style: str | None) -> str:
    """The apostrophe a cleaner is about to write, in the document's style.

    Only the two apostrophes change; anything else (a quote, an empty string) is returned as is.

    >>> in_style("'", "’"), in_style("’", "'"), in_style("'", None), in_style("“", "'")
    ('’', "'", "'", '“')
    """
    if style is None or apostrophe not in (CURLY, STRAIGHT):
        return apostrophe
    return style


def off_style_apostrophes(text: str, style: str | None):
    """(start, end) of each apostrophe between two letters that is not in ``style``.

    >>> list(off_style_apostrophes("it’s and it's, the ’90s, 'quoted'", "’"))
    [(11, 12)]
    >>> list(off_style_apostrophes("it's and it's", None))
    []
    """
    if style is None:
        return
    other = STRAIGHT if style == CURLY else CURLY
    if other not in text:
        return
    for m in INNER_APOSTROPHE.finditer(text):
        if m.group() == other:
            yield m.start(), m.end()


# The spacing acute accent typed for an apostrophe or a single quote (``you´ll``, ``´funny´``).
# Only next to ASCII letters: after a non-ASCII letter it is more likely part of mojibake
# (``HÃ´tel``) or of a script's own marks, which other cleaners or nobody should touch.
ACUTE_MARK = regex.compile(
    r"´(?:(?<=[A-Za-z]´)(?P<inner>(?=[A-Za-z]))"
    r"|(?<=(?:^|[\s(\[])´)(?P<opening>(?=[A-Za-z]))"
    r"|(?<=[A-Za-z.,!?]´)(?P<closing>(?=[\s.,;:!?)\]]|$)))",
    regex.M,
)


def acute_marks(text: str, style: str | None):
    """(start, end, mark) for each acute accent standing for an apostrophe or single quote.

    The mark is the document's style; with none, the straight one, which fits any style.

    >>> [m for _, _, m in acute_marks("you´ll see ´funny´ ones, HÃ´tel", None)]
    ["'", "'", "'"]
    >>> [m for _, _, m in acute_marks("you´ll see ´funny´ ones", CURLY)]
    ['’', '‘', '’']
    """
    if "´" not in text:
        return
    for m in ACUTE_MARK.finditer(text):
        if style != CURLY:
            mark = STRAIGHT
        else:
            mark = "‘" if m["opening"] is not None else CURLY
        yield m.start(), m.end(), mark

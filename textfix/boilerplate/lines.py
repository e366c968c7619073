"""Line features: every line of a text with its offsets, and what a line looks like on its own
(words, a listed pattern, sentence shape) and in the page's language (prose or not)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, groupby
from operator import not_

import regex

from ..text import ends_sentence, headline_case, scripts, sentence_shaped, stop_ratio, tokens
from . import tuning
from .layout import Layout, layout
from .patterns import match_line

# A byline and a dateline: the lines a clean body may have between its title and its prose.
BYLINE = regex.compile(r"(by|von|di|por|par|oleh|door|av|от|автор|글|기자)\s+\S.{0,80}", regex.IGNORECASE)
MONTHS = (
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|januar|februar|märz|mai|juni|juli|oktober|dezember"
    r"|gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre"
    r"|janeiro|fevereiro|março|abril|maio|junho|julho|setembro|outubro|dezembro|januari|februari|maret"
    r"|agustus|desember|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
)
DATELINE = regex.compile(
    rf"(?=.*(\d{{1,4}}[./-]\d{{1,2}}[./-]\d{{1,4}}|\b\d{{1,2}}:\d\d\b|\d{{4}}\s*년|\b({MONTHS})\w*\.?\s+\d|\d\s+({MONTHS})\w*\b)).{{4,90}}",
    regex.IGNORECASE,
)


def byline(text: str) -> bool:
    """A short line naming who wrote the text ("By Jane Doe, Reuters").

    >>> byline("By Jane Doe, Reuters"), byline("Bylines in the news")
    (True, False)
    """
    text = text.strip()
    return len(text) <= tuning.BYLINE_MAX_CHARACTERS and BYLINE.fullmatch(text) is not None


def dateline(text: str) -> bool:
    """A short line holding a date or a time ("August 11, 2025 · 12 minute read").

    >>> dateline("Sun Dec 17, 2023 11:23 am"), dateline("Home")
    (True, False)
    """
    text = text.strip()
    return len(text) <= tuning.BYLINE_MAX_CHARACTERS and DATELINE.fullmatch(text) is not None


@dataclass(slots=True)
class Line:
    """A line with text in it, and what it looks like on its own."""

    index: int  # among all lines, blank ones included
    start: int  # offset of the first character
    end: int  # offset just past the line's newline (or the end of the text)
    text: str
    words: int
    tokens: int  # word tokens (a line in Chinese has fewer tokens than words)
    norm: tuple[str, ...]  # its lower-cased word tokens, for comparing lines
    listed: object  # the matching Pattern, if any
    shaped: bool  # long enough and punctuated like sentences (see sentence_shaped)
    after_blank: bool  # a blank line (or the start of the text) above
    spaced: bool  # a blank line above and below: its own paragraph, not a menu item
    prose: bool = False  # set once the document's language is known

    def rule(self) -> str | None:
        """The listed rule of the line, or None."""
        return None if self.listed is None else self.listed.rule


def content_lines(lines: Layout, features=None) -> list[Line]:
    """The lines with text in them, with what they look like. ``features`` is a dict that
    keeps each line's :func:`line_features` for the document (its next decisions and rounds see
    mostly the same lines); without it the process-wide cache of recent lines serves.

    >>> [(line.text, line.words, line.rule()) for line in content_lines(layout("Share this:\\n\\nIt works."))]
    [('Share this:', 2, 'share-prompt'), ('It works.', 2, None)]
    """
    blank, texts, starts, ends = lines.blank, lines.texts, lines.starts, lines.ends
    last = len(texts) - 1
    content = []
    for i in compress(range(len(texts)), map(not_, blank)):
        text = texts[i]
        found = None if features is None else features.get(text)
        if found is None:
            found = line_features(text)
            if features is not None:
                features[text] = found
        words, count, listed, shaped = found
        after_blank = i == 0 or blank[i - 1]
        spaced = after_blank and (i == last or blank[i + 1])
        content.append(Line(i, starts[i], ends[i], text, count, len(words), words, listed, shaped, after_blank, spaced))
    return content


# The separators a breadcrumb trail shares with a table row.
CELL_SEPARATORS = ("|", "/", "›", "»", ">")


def unlist_table_rows(content: list[Line]) -> None:
    """A line listed as a breadcrumb trail that has a neighbour with as many cells (the same
    count of the same separator) is a row of a table, not a trail: it is no longer listed.

    >>> rows = content_lines(layout("Home › News › Sport\\nIt rained.\\nSize | Cost | Movers\\nStudio | $500 | 2"))
    >>> [line.rule() for line in rows]
    ['breadcrumb', None, 'breadcrumb', None]
    >>> unlist_table_rows(rows); [line.rule() for line in rows]
    ['breadcrumb', None, None, None]
    """
    counts = [_cells(line.text) for line in content]
    for i, line in enumerate(content):
        if line.rule() != "breadcrumb" or counts[i] is None:
            continue
        around = counts[i - 1] if i > 0 else None, counts[i + 1] if i + 1 < len(content) else None
        if counts[i] in around:
            line.listed = None


# "- Graphics: Nvidia RTX 4050": a field of a list of specifications, its label and its value.
FIELD = regex.compile(r"[-–—•*\s]*(\p{L}[\p{L}\p{N} &/().-]{0,30}?)\s*:\s+\S.*")
# Listed rules whose patterns take a label and a colon for their line ("Photo: ...", "Image: ...").
FIELD_RULES = frozenset({"image-credit"})


def unlist_field_rows(content: list[Line]) -> None:
    """A line listed for its label ("Graphics: ...", "image: postgres") right above or under a
    line with another label and a value (no blank line between) is a row of a list of fields (a
    specification sheet, a configuration file), not a credit: it is no longer listed. A caption
    ("Above: ...") a paragraph away from its credit is no such neighbour.

    >>> rows = content_lines(layout("- Memory: 16 GB\\n- Graphics: Nvidia RTX 4050\\n\\nIt rained.\\n\\nPhoto: Jane Doe/AP"))
    >>> [line.rule() for line in rows]
    [None, 'image-credit', None, 'image-credit']
    >>> unlist_field_rows(rows); [line.rule() for line in rows]
    [None, None, None, 'image-credit']
    """
    labels = [_field_label(line.text) for line in content]
    for i, line in enumerate(content):
        if line.rule() not in FIELD_RULES or labels[i] is None:
            continue
        above = labels[i - 1] if i > 0 and not line.after_blank else None
        below = labels[i + 1] if i + 1 < len(content) and not content[i + 1].after_blank else None
        if any(label is not None and label != labels[i] for label in (above, below)):
            line.listed = None


def _field_label(text: str) -> str | None:
    """The lower-cased label of a "Label: value" line of at most four words of label, or None."""
    found = FIELD.fullmatch(text)
    return found.group(1).lower() if found and len(found.group(1).split()) <= 4 else None


def _cells(text: str) -> tuple[str, int] | None:
    """The separator a line is split by most often and how many times, or None."""
    found = max(((text.count(sep), sep) for sep in CELL_SEPARATORS), default=(0, ""))
    return (found[1], found[0]) if found[0] else None


def has_function_words(text: str, words: Sequence[str], count: int, stops: frozenset[str]) -> bool:
    """The half of the prose test that needs the language: at least some of a short line's
    words are stop words (a long line is prose by its length).

    >>> from textfix.text import stop_words, word_count, words
    >>> stops = stop_words("en")
    >>> def check(s): return has_function_words(s, words(s), word_count(s), stops)
    >>> check("The small study was published Wednesday in the American Journal of Psychiatry.")
    True
    >>> check("Ketamine, esketamine, psilocybin, MDMA, LSD and ayahuasca trials expand worldwide.")
    False
    """
    # Stop words are whole tokens: a language written without spaces has none to count.
    if stops and count < tuning.STOP_WORDS_UP_TO and (text.isascii() or not tokens.UNSPACED.search(text)):
        return stop_ratio(words, stops) >= tuning.MIN_STOP_RATIO
    return True


def mark_prose(content: list[Line], stops: frozenset[str]) -> None:
    """Set each line's ``prose``: not listed, shaped like sentences, with function words."""
    for line in content:
        line.prose = line.listed is None and line.shaped and _has_function_words(line.text, stops)


# Listed rules whose patterns take a line for a word it mentions ("newsletter", "read more"):
# a sentence between two paragraphs that mentions it is the article's own.
SENTENCE_RULES = frozenset({"newsletter-line", "related-block"})


def unlist_inner_sentences(content: list[Line], stops: frozenset[str]) -> None:
    """A line listed by a rule of :data:`SENTENCE_RULES` that is itself a sentence of the
    page's language (shaped like one, with its function words, ``tuning.INNER_SENTENCE_WORDS``
    words or more) between two prose lines is prose, not a prompt: it is no longer listed.
    Run after :func:`mark_prose`.

    >>> from textfix.text import stop_words
    >>> text = ("We built the tool over a long winter and tested it on our own data.\\n"
    ...         "I also read every issue of the newsletter that I had saved over the years.\\n"
    ...         "It helped more than I expected, and we kept going until the spring came.\\n\\n"
    ...         "Sign up for our newsletter to get the best stories in your inbox.")
    >>> rows = content_lines(layout(text)); mark_prose(rows, stop_words("en"))
    >>> unlist_inner_sentences(rows, stop_words("en")); [line.rule() for line in rows]
    [None, None, None, 'newsletter-line']
    """
    for i in range(1, len(content) - 1):
        line = content[i]
        if line.rule() not in SENTENCE_RULES or line.words < tuning.INNER_SENTENCE_WORDS or not line.shaped:
            continue
        if content[i - 1].prose and content[i + 1].prose and _has_function_words(line.text, stops):
            line.listed = None
            line.prose = True


def short_enough(line: Line) -> bool:
    """A listed line short enough for its rule to remove it (a long match is prose)."""
    return line.words <= tuning.LONG_LISTED_RULES.get(line.listed.rule, tuning.MAX_LISTED_WORDS)


def short_runs(content: list[Line]) -> list[int]:
    """For each line, the length of the run of short link-text lines it belongs to (0: none).

    >>> short_runs(content_lines(layout("News\\nSport\\nWeather\\nIt rained all day in the city.")))
    [3, 3, 3, 0]
    """
    short = [not l.prose and l.words <= tuning.NAVIGATION_MAX_WORDS and not ends_sentence(l.text) for l in content]
    runs: list[int] = []
    for is_short, group in groupby(short):
        size = len(tuple(group))
        runs.extend([size if is_short else 0] * size)
    return runs


# Per line, for the pipeline's next round, which sees mostly the same lines again; a few
# thousand lines hold a long page without keeping a batch's worth of token tuples alive.
LINE_CACHE = 1 << 12


@lru_cache(maxsize=LINE_CACHE)
def line_features(text: str) -> tuple[tuple[str, ...], int, object, bool]:
    """A line's word tokens, word count, listed pattern (None if none) and whether it is shaped
    like sentences: one look-up per line for what needs no context."""
    words = tuple(tokens.words(text))
    count = tokens.word_count(text, words)
    return words, count, match_line(text), sentence_shaped(text, count)


# Only a few lines are ever asked for their script or case.
line_script = lru_cache(maxsize=LINE_CACHE)(scripts.script)
line_headline_case = lru_cache(maxsize=LINE_CACHE)(headline_case)


@lru_cache(maxsize=LINE_CACHE)
def _has_function_words(text: str, stops: frozenset[str]) -> bool:
    words, count, *_ = line_features(text)
    return has_function_words(text, words, count, stops)

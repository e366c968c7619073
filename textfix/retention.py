"""How much of a text a clean kept: the share of its words, and of its prose lines.

A reviewer's first question about a clean is not which spaces moved but whether the article is
still there. A boilerplate cleaner that mistakes the article for a menu removes whole paragraphs;
the figures here make that visible in the report, the summary line, CI and the review page.

A *prose line* is a line that reads like running text: at least :data:`PROSE_MIN_WORDS` words and
the shape of a sentence (it ends like one, or holds two). A prose line counts as removed when
deletions cover at least half of its visible characters. A text *lost most of its prose* when it
had at least :data:`FLAG_MIN_PROSE_LINES` prose lines and kept under half of their words: weighing
lines by their words lets a page lose its many one-sentence teasers and comments without a flag,
while losing the article's paragraphs raises it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .text import ends_sentence, has_inner_sentence, word_count

PROSE_MIN_WORDS = 10
FLAG_MIN_PROSE_LINES = 3  # a note with one or two sentences has no article to lose


@dataclass(frozen=True)
class Kept:
    """What a clean kept of one text: word counts before and after, prose lines and survivors."""

    words_before: int
    words_after: int
    prose_lines: int
    prose_kept: int
    prose_words: int = 0
    prose_words_kept: int = 0
    # Why the boilerplate cleaner doubted the article body it found (it then kept more), or "".
    doubt: str = ""

    @property
    def words(self) -> float:
        """Share of the original's words that the clean text still has (at most 1).

        >>> Kept(200, 50, 10, 2).words
        0.25
        """
        if not self.words_before:
            return 1.0
        return min(1.0, self.words_after / self.words_before)

    @property
    def prose(self) -> float:
        """Share of the original's prose lines kept; 1 when it had none.

        >>> Kept(200, 50, 10, 2).prose, Kept(3, 3, 0, 0).prose
        (0.2, 1.0)
        """
        return self.prose_kept / self.prose_lines if self.prose_lines else 1.0

    @property
    def lost_prose(self) -> bool:
        """Most of the prose is gone: enough prose lines to speak of an article, under half its words kept.

        >>> Kept(200, 50, 10, 2, 150, 30).lost_prose, Kept(200, 190, 10, 4, 150, 120).lost_prose
        (True, False)
        >>> Kept(20, 0, 2, 0, 20, 0).lost_prose
        False
        """
        return self.prose_lines >= FLAG_MIN_PROSE_LINES and 2 * self.prose_words_kept < self.prose_words

    def to_dict(self) -> dict:
        """The report's ``kept`` entry.

        >>> Kept(200, 50, 10, 2, 150, 30).to_dict()["prose_lines"], Kept(200, 50, 10, 2, 150, 30).to_dict()["lost_prose"]
        (0.2, True)
        """
        return {"words": round(self.words, 3), "prose_lines": round(self.prose, 3),
                "words_before": self.words_before, "words_after": self.words_after,
                "prose_lines_before": self.prose_lines, "prose_lines_after": self.prose_kept,
                "prose_words_before": self.prose_words, "prose_words_after": self.prose_words_kept,
                "lost_prose": self.lost_prose, **({"doubt": self.doubt} if self.doubt else {})}


def percent(share: float) -> str:
    """A share as a whole percentage, never rounded up to 100 or down to 0.

    >>> percent(0.999), percent(0.0004), percent(0.5), percent(1.0)
    ('99%', '<1%', '50%', '100%')
    """
    if 0 < share < 0.01:
        return "<1%"
    value = round(100 * share)
    if value == 100 and share < 1:
        value = 99
    return f"{value}%"


def is_prose_line(line: str) -> bool:
    """The line reads like running text: enough words, shaped like a sentence.

    >>> is_prose_line("The study followed 120 patients for two years and found no difference.")
    True
    >>> is_prose_line("Home | News | Sport | Weather | Business | Culture | Travel | Video | Audio | Live")
    False
    >>> is_prose_line("Short, but a sentence.")
    False
    """
    return word_count(line) >= PROSE_MIN_WORDS and (ends_sentence(line) or has_inner_sentence(line))


def line_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every line, without its line break.

    >>> line_spans("ab\\n\\ncd")
    [(0, 2), (3, 3), (4, 6)]
    """
    spans, start = [], 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def deleted_spans(edits) -> list[tuple[int, int]]:
    """Merged spans of the original that applied deletions removed (replacement blank).

    >>> from textfix.edits import RecordedEdit as R
    >>> e = lambda a, b, after="": R("c", "r", "", "safe", 1.0, "", after, a, b)
    >>> deleted_spans([e(10, 20), e(0, 4), e(15, 30), e(40, 41, "x")])
    [(0, 4), (10, 30)]
    """
    spans = sorted((e.orig_start, e.orig_end) for e in edits
                   if e.applied and e.orig_end > e.orig_start and not e.after.strip())
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _covered(text: str, start: int, end: int, deleted: list[tuple[int, int]], first: int) -> tuple[int, int]:
    """Visible characters of ``text[start:end]`` that ``deleted`` covers; and the next span to look at."""
    covered = 0
    i = first
    while i < len(deleted) and deleted[i][1] <= start:
        i += 1
    j = i
    while j < len(deleted) and deleted[j][0] < end:
        a, b = max(start, deleted[j][0]), min(end, deleted[j][1])
        covered += len(text[a:b].replace(" ", "").replace("\t", ""))
        j += 1
    return covered, i


def retention(original: str, cleaned: str, edits) -> Kept:
    """What the clean of ``original`` into ``cleaned`` by ``edits`` kept.

    >>> from textfix.edits import RecordedEdit as R
    >>> text = "Menu\\n" + "This line is a sentence of running text with a dozen words in it.\\n" * 4
    >>> cut = R("boilerplate", "run", "", "safe", 1.0, "", "", 5, len(text) - 67)
    >>> kept = retention(text, text[:5] + text[-67:], [cut])
    >>> kept.prose_lines, kept.prose_kept, kept.prose_words, kept.lost_prose
    (4, 1, 56, True)
    """
    deleted = deleted_spans(edits)
    lines = prose = words = words_kept = 0
    cursor = 0
    for start, end in line_spans(original):
        line = original[start:end]
        if not is_prose_line(line):
            continue
        lines += 1
        size = word_count(line)
        words += size
        covered, cursor = _covered(original, start, end, deleted, cursor)
        visible = len(line.replace(" ", "").replace("\t", ""))
        if 2 * covered < visible:
            prose += 1
            words_kept += size
    return Kept(word_count(original), word_count(cleaned), lines, prose, words, words_kept)


def result_retention(result) -> Kept:
    """:func:`retention` of a :class:`textfix.Result`, with the boilerplate cleaner's doubt
    about the article body when it left one in its note."""
    kept = retention(result.original, result.text, result.edits)
    doubt = result.notes.get("boilerplate", {}).get("warning", "")
    return replace(kept, doubt=doubt) if doubt else kept


class RetentionTally:
    """Retention over a run's files, for the summary line: words kept in all, files that lost prose."""

    def __init__(self):
        self.words_before = self.words_after = 0
        self.lost: list[str] = []
        self.doubted: list[str] = []

    def add(self, path: str, kept: Kept | None) -> None:
        if kept is None:
            return
        self.words_before += kept.words_before
        self.words_after += min(kept.words_after, kept.words_before)
        if kept.lost_prose:
            self.lost.append(path)
        if kept.doubt:
            self.doubted.append(path)

    def phrase(self) -> str:
        """The summary line's ending: words kept in all, and how many files lost most of their prose.

        >>> tally = RetentionTally()
        >>> tally.phrase()
        ''
        >>> tally.add("a.txt", Kept(1000, 980, 20, 20, 400, 400)); tally.add("b.txt", Kept(1000, 100, 30, 3, 600, 60))
        >>> tally.phrase()
        '; kept 54% of words; 1 file lost most of its prose: b.txt'
        >>> tally.add("c.txt", Kept(10, 10, 0, 0, doubt="the body found holds 9% of the prose"))
        >>> tally.phrase().split("; ")[-1]
        '1 file with an unsure article body (more kept): c.txt'
        """
        if not self.words_before:
            return ""
        text = f"; kept {percent(self.words_after / self.words_before)} of words"
        if self.lost:
            names = _names(self.lost)
            text += (f"; {_count_files(self.lost)} lost most of "
                     f"{'its' if len(self.lost) == 1 else 'their'} prose: {names}")
        if self.doubted:
            text += f"; {_count_files(self.doubted)} with an unsure article body (more kept): {_names(self.doubted)}"
        return text


def _count_files(paths: list[str]) -> str:
    return f"{len(paths)} file{'s' if len(paths) != 1 else ''}"


def _names(paths: list[str]) -> str:
    """The first three paths, and how many more.

    >>> _names(["a", "b", "c", "d"])
    'a, b, c and 1 more'
    """
    return ", ".join(paths[:3]) + (f" and {len(paths) - 3} more" if len(paths) > 3 else "")

"""Body search: where the article is among a page's lines.

Each prose line scores its word count (a quarter of it when it stands alone among headlines,
like a teaser), every other line a small penalty and a listed line a large one; the run with
the highest total (a maximum-sum segment) is the body. A comment section or an 'About <name>'
bio after a real article ends it, and a legal footer around a late copyright line is no body.
The run is widened over an inline box that cut off its first or last paragraphs, over a
numbered list after it and over one or two short closing sentences. Further runs of article
size are bodies too (a text holding several articles keeps each). When the bodies hold a small
share of the page's prose, or sit at its end after more prose, the search says why it doubts them.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..text import ends_sentence
from . import tuning
from .lines import Line, line_headline_case, short_enough
from .patterns import ANY

NUMBERED = regex.compile(r"\s*(\d{1,3})[.)]\s+\S")
# Listed lines that sites drop into the middle of an article ...
INLINE_BOX_RULES = frozenset({"related-block", "advert-marker", "image-credit", "newsletter-line", "share-prompt"})
# ... and those that never end one (after a share bar or a 'Related' list, prose is as likely
# to be teasers or comments).
TAIL_BOX_RULES = frozenset({"newsletter-line", "advert-marker", "image-credit"})
INLINE_ITEM = regex.compile(r":\s*\S+\s+\S+")  # "Related: Another story", a whole box in one line
# "Jane · March 10, 2017 at 1:26 am", "Shamsa 4/2/2023 at 11:59pm": a reader's comment signed
# with its date and time of day (a name of up to three words before it); an article's own
# dateline seldom gives the minute.
COMMENT_STAMP = regex.compile(
    r"([^\W\d][\w.'-]*\s+){0,3}([·|—–-]\s*)?"
    r"([^\W\d]{3,9}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[^\W\d]{3,9}\.?,?\s+\d{4}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}),?"
    r"\s+at\s+\d{1,2}:\d\d\s*[ap]\.?m\.?",
    regex.IGNORECASE,
)
# "— Rep. Ilhan Omar (@Ilhan) November 19, 2019": the last line of a tweet quoted in the article.
TWEET_SIGNATURE = regex.compile(r"[—–-]\s*[^()]{1,80}\(@\w{1,30}\)\s+\w+\.?\s+\d{1,2},?\s+\d{4}")


@dataclass(frozen=True)
class Bodies:
    """The article bodies found, as ``(first, last)`` content indices in order, and why they are
    doubted ("" when they are not)."""

    runs: tuple[tuple[int, int], ...]
    doubt: str = ""
    comments: tuple[tuple[int, int], ...] = ()  # (first, last) of each comment section after the body

    @property
    def first(self) -> int:
        return self.runs[0][0]

    @property
    def last(self) -> int:
        return self.runs[-1][1]

    def inside(self) -> set[int]:
        """Content indices of every line of every body."""
        return {i for first, last in self.runs for i in range(first, last + 1)}


def find_bodies(content: list[Line]) -> Bodies | None:
    """The bodies of a page whose lines' ``prose`` is set; None when no run is article-sized."""
    scores = footer_scores(content, line_scores(content))
    sections = comment_sections(content)
    first, last, total, limit = article_run(content, scores, {start for start, _ in sections})
    if total < tuning.MIN_BODY_WORDS:
        return None
    first = lead_paragraph(content, first)
    last = closing_sentences(content, numbered_list(content, tail_paragraph(content, last)))
    # The readers' comments after the body are prose of article size, but no further article;
    # the comment heading just above them opens their section. (Below a listed comment heading
    # alone there may be one: an article's own "Comments" line is no section.)
    comments = [(start, end) for start, end in sections if start > last]
    if comments and limit <= comments[0][0] and comments[0][0] - limit <= tuning.COMMENT_GAP:
        comments[0] = (max(limit, last + 1), comments[0][1])
    others = [*other_bodies(content, scores, 0, first)]
    # The lines right after the comments are their form and the site's footer: another article
    # (in a text of several pages) starts further down, below the next page's own header.
    tails = [(start, end + tuning.COMMENT_GAP) for start, end in comments]
    for lo, hi in _outside_comments(last + 1, len(content), tails):
        others.extend(other_bodies(content, scores, lo, hi))
    runs = tuple(sorted([(first, last), *others]))
    # Nor are the comments part of the prose the bodies are weighed against, nor what follows
    # them (a site's sidebar and footer, or in a text of several pages the next ones, which
    # have bodies of their own).
    ignored = range(comments[0][0], len(content)) if comments else range(0)
    return Bodies(runs, doubt(content, runs, ignored) or "", tuple(comments))


def body_runs(scores: list[float]) -> list[tuple[int, int, float]]:
    """For each prefix ``scores[:i + 1]``, its maximum-sum segment ``(first, last, sum)``.

    Kadane's algorithm; on ties the earlier, shorter segment wins.

    >>> body_runs([-3, 20, -3, 15, -30, 4])[-1]
    (1, 3, 32.0)
    """
    found = []
    best = (0, -1, 0.0)
    start, total = 0, 0.0
    for i, score in enumerate(scores):
        if total <= 0:
            start, total = i, 0.0
        total += score
        if total > best[2]:
            best = (start, i, total)
        found.append(best)
    return found


def line_scores(content: list[Line]) -> list[float]:
    """Prose scores its words; a prose line alone between non-prose lines (a teaser under a
    headline) a quarter of them; other lines a penalty, larger for listed ones."""
    scores = []
    for i, line in enumerate(content):
        if line.prose:
            alone = (i == 0 or not content[i - 1].prose) and (i + 1 == len(content) or not content[i + 1].prose)
            scores.append(line.words * tuning.ALONE_FACTOR if alone else line.words)
        elif line.listed is not None and short_enough(line):
            scores.append(-tuning.SECTION_PENALTY if line.listed.rule in tuning.SECTION_RULES else -tuning.LISTED_PENALTY)
        elif line.tokens >= 3 and line_headline_case(line.text):  # three capitalised words at least
            scores.append(-tuning.HEADLINE_PENALTY)
        elif line.spaced:
            scores.append(-tuning.SPACED_PENALTY)
        else:
            scores.append(-tuning.SHORT_PENALTY)
    return scores


def footer_scores(content: list[Line], scores: list[float]) -> list[float]:
    """The scores with a legal footer's prose scored as other lines: the sentences around a
    copyright line in the last lines of a page ("The information provided on this website
    ...", "© 2019 ... All rights reserved.") read like prose but are the site's, not an article's."""
    start = int(len(content) * (1 - tuning.FOOTER_SHARE))
    notice = next((i for i in range(len(content) - 1, start - 1, -1) if content[i].rule() == "copyright-line"), None)
    if notice is None:
        return scores
    top = end = notice
    while top > 0 and content[top - 1].listed is None and content[top - 1].shaped:
        top -= 1
    while end + 1 < len(content) and content[end + 1].listed is None and content[end + 1].shaped:
        end += 1
    return [-tuning.SHORT_PENALTY if top <= i <= end else score for i, score in enumerate(scores)]


def comment_sections(content: list[Line]) -> list[tuple[int, int]]:
    """The ``(first, last)`` content indices of each run of readers' comments known by their
    stamps: at least ``tuning.COMMENT_STAMPS`` of them, each within ``tuning.COMMENT_GAP`` lines
    of the one before, from the first stamp to the prose under the last one (the last comment).
    A text holding several pages has a run for each page with comments.

    >>> from textfix.boilerplate.lines import content_lines, layout
    >>> stamps = ["Amy September 11, 2008 at 2:06 PM", "Bob · July 31, 2018 at 2:41 pm", "May 5, 2019 at 9:15 am"]
    >>> comment_sections(content_lines(layout("Title\\n" + "\\nNice.\\n".join(stamps) + "\\nLast one.\\nFooter")))
    [(1, 6)]
    >>> comment_sections(content_lines(layout("Title\\nPublished September 11, 2008 at 2:06 PM\\nIt rained.")))
    []
    >>> numeric = ["Shamsa 4/2/2023 at 11:59pm", "Lee 5/2/2023 at 8:01am", "Kim 14 July 2023 at 9:30 pm"]
    >>> comment_sections(content_lines(layout("Title\\n" + "\\nThanks!\\n".join(numeric) + "\\nSame here.")))
    [(1, 6)]
    """
    stamps = [i for i, line in enumerate(content) if line.words <= tuning.COMMENT_STAMP_WORDS
              and _ends_with_time_of_day(line.text) and COMMENT_STAMP.fullmatch(line.text.strip())]
    groups: list[list[int]] = []
    for i in stamps:
        if groups and i - groups[-1][-1] <= tuning.COMMENT_GAP:
            groups[-1].append(i)
        else:
            groups.append([i])
    sections = []
    for group in groups:
        if len(group) >= tuning.COMMENT_STAMPS:
            end = group[-1] + 1  # the last comment: the line under its stamp and the prose after it
            while end + 1 < len(content) and content[end + 1].prose:
                end += 1
            sections.append((group[0], min(end, len(content) - 1)))
    return sections


def _ends_with_time_of_day(text: str) -> bool:
    """Cheaply, whether a line may be a comment stamp: it ends in "am" or "pm" (most lines
    are not tried with the stamp's expression at all).

    >>> _ends_with_time_of_day("May 5, 2019 at 9:15 am"), _ends_with_time_of_day("It rained.")
    (True, False)
    """
    return text.rstrip(" .").endswith(("m", "M")) and ":" in text


def _outside_comments(lo: int, hi: int, comments: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The ``[lo, hi)`` ranges of content indices between ``lo`` and ``hi`` outside the comment
    sections.

    >>> _outside_comments(10, 100, [(20, 30), (60, 70)])
    [(10, 20), (31, 60), (71, 100)]
    """
    ranges, start = [], lo
    for first, last in comments:
        if last < lo or first >= hi:
            continue
        if first > start:
            ranges.append((start, first))
        start = max(start, last + 1)
    if start < hi:
        ranges.append((start, hi))
    return ranges


def article_run(content: list[Line], scores: list[float], stamps=frozenset()) -> tuple[int, int, float, int]:
    """The body run ``(first, last, score, limit)``, looked for before the comment section
    when there is an article there (``limit``: where that section starts, or the end). The
    section starts at a listed comment or bio heading, or at one of ``stamps``, the first lines
    of the comment sections (see :func:`comment_sections`).

    Readers' comments are prose too, and on a busy thread there is more of it than article.
    """
    best_before = body_runs(scores)
    overall = best_before[-1]
    for i, line in enumerate(content):
        if i > 0 and (line.rule() in tuning.SECTION_RULES or i in stamps):
            before = best_before[i - 1]
            # A 'Comments' menu item under a teaser is not the end of an article.
            if before[2] >= max(2 * tuning.MIN_BODY_WORDS, tuning.SECTION_SHARE * overall[2]):
                return (*before, i)
    return (*overall, len(content))


def other_bodies(content: list[Line], scores: list[float], lo: int, hi: int) -> list[tuple[int, int]]:
    """Further article-size runs of prose in ``content[lo:hi]``, with enough lines that end like
    sentences (a list of long teasers does not): a text holding several articles keeps each."""
    if hi - lo <= 0:
        return []
    first, last, total = body_runs(scores[lo:hi])[-1]
    if total < tuning.OTHER_BODY_WORDS:
        return []
    first, last = first + lo, last + lo
    found = other_bodies(content, scores, lo, first)
    sentences = sum(1 for line in content[first : last + 1] if line.prose and ends_sentence(line.text))
    if sentences >= tuning.OTHER_BODY_SENTENCES:
        found.append((first, last))
    return found + other_bodies(content, scores, last + 1, hi)


def doubt(content: list[Line], runs, ignored=range(0)) -> str | None:
    """Why the bodies found may not be the article, or None: they hold a small share of the
    page's prose (the lines ``ignored``, readers' comments, not counted), or start in its last
    lines after more prose than they hold."""
    prose_words = sum(line.words for i, line in enumerate(content) if line.prose and i not in ignored)
    if not prose_words:
        return None
    kept = sum(content[i].words for first, last in runs for i in range(first, last + 1) if content[i].prose)
    if kept < tuning.KEPT_PROSE_SHARE * prose_words:
        return (f"the body found holds {round(100 * kept / prose_words)}% of the prose: lines around it"
                " are kept unless they look like boilerplate")
    before = sum(line.words for line in content[: runs[0][0]] if line.prose)
    if runs[0][0] >= (1 - tuning.FOOTER_SHARE) * len(content) and before > kept:
        return ("the body found is at the end of the page, after more prose: lines before it are kept"
                " unless they look like boilerplate")
    return None


def lead_paragraph(content: list[Line], first: int) -> int:
    """Move the body start up over an inline box (related links, a newsletter form, an
    advert) that cut the first paragraphs off from the rest.

    The box's penalty outweighs a paragraph or two, so the maximum-sum run starts after it.
    """
    while True:
        above = next((j for j in range(first - 1, max(-1, first - 1 - tuning.LEAD_GAP), -1) if content[j].prose), None)
        if above is None:
            return first
        between = range(above + 1, first)
        if not any(content[k].rule() in INLINE_BOX_RULES for k in between):
            return first
        # Every line of the gap must be explained by the box: listed, or an item under its heading.
        if not all(content[k].listed is not None or under_related_heading(content, k) for k in between):
            return first
        top = above
        while top > 0 and content[top - 1].prose:
            top -= 1
        if sum(line.words for line in content[top : above + 1]) < tuning.BOX_PARAGRAPH_WORDS:
            return first
        first = top


def tail_paragraph(content: list[Line], last: int) -> int:
    """Move the body end down over a promotion or advert line that cut the last paragraphs off."""
    while True:
        below = next((j for j in range(last + 1, min(len(content), last + 1 + tuning.LEAD_GAP)) if content[j].prose), None)
        if below is None:
            return last
        between = content[last + 1 : below]
        if not between or not all(b.rule() in TAIL_BOX_RULES for b in between):
            return last
        end = below
        while end + 1 < len(content) and content[end + 1].prose:
            end += 1
        if sum(line.words for line in content[below : end + 1]) < tuning.BOX_PARAGRAPH_WORDS:
            return last
        last = end


def closing_sentences(content: list[Line], last: int) -> int:
    """Move the body end down over one or two short sentences that close the article
    ("Colombia had lost to Belgium on Monday."): too short to count as prose on their own,
    or the signature line of a quoted tweet."""
    for j in range(last + 1, min(len(content), last + 1 + tuning.CLOSING_LINES)):
        line = content[j]
        if TWEET_SIGNATURE.fullmatch(line.text.strip()):
            last = j
            continue
        if line.listed is not None or line.prose or line.words < 3 or not ends_sentence(line.text):
            break
        if line_headline_case(line.text) or line.text.rstrip().endswith(":"):
            break
        last = j
    return last


def numbered_list(content: list[Line], last: int) -> int:
    """Move the body end down over a numbered list that follows it ("1) ...", "2) ...")."""
    expected, end, j = 1, last, last + 1
    while j < len(content) and j - end <= tuning.NUMBERED_GAP:
        m = NUMBERED.match(content[j].text)
        if m and int(m.group(1)) == expected:
            expected += 1
            end = j
        elif m or content[j].prose:
            break
        j += 1
    return end if expected > tuning.NUMBERED_ITEMS else last


def under_related_heading(content: list[Line], i: int) -> bool:
    """A line in the list under a 'Related' heading: the items follow the heading and each
    other line by line, and none is paragraph-length."""
    for j in range(i - 1, max(-1, i - tuning.RELATED_WINDOW), -1):
        above, below = content[j], content[j + 1]
        if above.rule() == "related-block" and above.listed.scope == ANY:
            if INLINE_ITEM.search(above.text):
                return False
            if j + 1 == i and below.after_blank:
                # A first item set off by a blank line must have a second one under it.
                after = content[i + 1] if i + 1 < len(content) else None
                return after is not None and not after.after_blank and after.words <= tuning.RELATED_ITEM_WORDS
            return True
        if below.after_blank or above.words > tuning.RELATED_ITEM_WORDS:
            return False
    return False

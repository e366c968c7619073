"""Boilerplate: keep the article, drop the site around it, from the plain text alone.

How a page is read:

1. Every line that matches a listed pattern (share prompts, comment prompts, credits, cookie
   notices ... see ``textfix/data/boilerplate-patterns.tsv``) is boilerplate wherever it stands,
   as long as it is short.
2. The article body is the densest run of prose lines (long enough, punctuated, with enough
   stop words of the page's language, the majority of function words in its sentence-shaped
   lines): each prose line scores its word count (a quarter of it
   when it stands alone among headlines, like a teaser), every other line a small penalty and a
   listed line a large one, and the run with the highest total (a maximum-sum segment) is the
   body. A comment section or an 'About <name>' bio after a real article ends it. Short lines
   between two body paragraphs (subheadings, one-sentence paragraphs) are inside that run.
3. The run is widened over an inline box (related links, a newsletter form, an advert) that cut
   off its first or last paragraphs, over a numbered list after it, and over one or two short
   closing sentences.
4. Inside the body only listed lines, a repeated title and the story list under a 'Related'
   heading go. Before it, the title (a heading that repeats the page's first line, usually the
   HTML title) and the byline/dateline under it stay; everything else around the body goes,
   named by what it looks like (a navigation run, a line in another script, or its position).

Edits: one per run of adjacent lines removed by the same rule, so a menu is one entry.

Confidence: 0.95 for listed lines and a repeated title, 0.9 for a line in another script, 0.75
for navigation runs and related-story items, 0.6 for lines judged by their position alone. All
are SAFE: on the benchmark pages they cost far less article text than they remove (see README),
and each rule can be turned off with ``--ignore``.

Stability: the decisions hang on the body run, and the run of the cleaned text is the whole
cleaned body (removing lines with negative scores from inside or around a maximum-sum segment
leaves it the maximum), so a second pass proposes nothing; the tests and the benchmark check it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, chain, compress, groupby, islice
from operator import not_

import regex

from ..boilerplate import features
from ..boilerplate.patterns import ANY, match_line
from ..cleaner import Cleaner
from ..edits import SAFE, Edit

PATTERN_CONFIDENCE = 0.95
FOREIGN_CONFIDENCE = 0.9
NAVIGATION_CONFIDENCE = 0.75
POSITION_CONFIDENCE = 0.6

# Below these sizes a text is a snippet, not a page: only listed lines are removed, and the
# language is never detected (that costs ~0.3 s).
MIN_LINES_FOR_CONTEXT = 4
MIN_WORDS_FOR_CONTEXT = 50
MIN_BODY_WORDS = 30
# A listed line inside the body is only removed while it is short: a long line that happens
# to match (a sentence about cookies) is prose.
MAX_LISTED_WORDS = 15
# ... except a photo caption ending in its credit ("... July 25, 2019. J. Scott Applewhite / AP").
LONG_LISTED_RULES = {"image-credit": 45, "newsletter-line": 30, "related-block": 25, "markup-line": 200}
LISTED_PENALTY = 30
SHORT_PENALTY = 3
SPACED_PENALTY = 1
ALONE_FACTOR = 0.25
# Title Case lines are other stories' headlines far more often than the article's subheadings.
HEADLINE_PENALTY = 4
# A comment section or an 'About <name>' heading ends the article: prose after it is readers'
# comments or a bio, not the article.
SECTION_RULES = frozenset({"comment-prompt", "author-bio"})
SECTION_PENALTY = 200
SECTION_SHARE = 0.25  # the article before a section heading has at least this share of the best run
# A second run of prose scoring this much is another article in the same text, kept too.
OTHER_BODY_WORDS = 100
OTHER_BODY_SENTENCES = 3  # ... with at least this many prose lines ending like a sentence
# Bodies holding less than this share of the page's prose words are not trusted: all is kept.
KEPT_PROSE_SHARE = 0.3
# A copyright line in this last share of a page's lines ends the page: the prose around it is its footer.
FOOTER_SHARE = 0.15
SCRIPT_SAMPLE = 50_000  # characters looked at to find the document's script
LANGUAGE_SAMPLE = 500  # words of sentence-shaped lines that vote on the stop-word language
TITLE_WINDOW = 15
FOREIGN_MAX_WORDS = 12  # a longer line in another script is a quotation, not a template line
NAVIGATION_RUN = 3

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


# A teaser cut short for a list of other stories ("... may soon..."), not a paragraph.
TRUNCATED = regex.compile(r"\w[,;]?\s*(\.\.\.|…)\s*$")


NUMBERED = regex.compile(r"\s*(\d{1,3})[.)]\s+\S")
# Listed lines that sites drop into the middle of an article.
INLINE_BOX_RULES = frozenset({"related-block", "advert-marker", "image-credit", "newsletter-line", "share-prompt"})
LEAD_GAP = 8
TAIL_BOX_RULES = frozenset({"newsletter-line", "advert-marker", "image-credit"})
# Other stories' headlines under a 'Related' heading are at most this long.
RELATED_ITEM_WORDS = 20
INLINE_ITEM = regex.compile(r":\s*\S+\s+\S+")
# "— Rep. Ilhan Omar (@Ilhan) November 19, 2019": the last line of a tweet quoted in the article.
TWEET_SIGNATURE = regex.compile(r"[—–-]\s*[^()]{1,80}\(@\w{1,30}\)\s+\w+\.?\s+\d{1,2},?\s+\d{4}")


@dataclass(slots=True)
class Line:
    """A line with text in it, and what it looks like on its own."""

    index: int  # among all lines, blank ones included
    start: int  # offset of the first character
    end: int  # offset just past the line's newline (or the end of the text)
    text: str
    words: int
    tokens: int  # word tokens (a line in Chinese has fewer tokens than words)
    listed: object  # the matching Pattern, if any
    shaped: bool  # long enough and punctuated like sentences (see sentence_shaped)
    after_blank: bool  # a blank line (or the start of the text) above
    spaced: bool  # a blank line above and below: its own paragraph, not a menu item
    prose: bool = False  # set once the document's language is known


@dataclass(slots=True)
class Layout:
    """Every line of a text, blank ones too: offsets, text without the line break, blankness."""

    starts: list[int]
    ends: list[int]  # just past the line break
    texts: list[str]
    blank: list[bool]


def layout(text: str) -> Layout:
    """Split ``text`` into lines with their offsets.

    >>> layout("a\\n\\nb")
    Layout(starts=[0, 2, 3], ends=[2, 3, 4], texts=['a', '', 'b'], blank=[False, True, False])
    """
    raws = text.splitlines(keepends=True)
    ends = list(accumulate(map(len, raws)))
    # Only "\r" and "\n" are taken off: a line ending in another break keeps it in its text.
    texts = [raw.rstrip("\r\n") for raw in raws]
    return Layout([0, *ends[:-1]], ends, texts, [not t.strip() for t in texts])


def content_lines(lines: Layout) -> list[Line]:
    """The lines with text in them, with what they look like (cached per line)."""
    blank, texts, starts, ends = lines.blank, lines.texts, lines.starts, lines.ends
    last = len(texts) - 1
    content = []
    for i in compress(range(len(texts)), map(not_, blank)):
        text = texts[i]
        tokens, words, listed, shaped = _line_features(text)
        after_blank = i == 0 or blank[i - 1]
        spaced = after_blank and (i == last or blank[i + 1])
        content.append(Line(i, starts[i], ends[i], text, words, len(tokens), listed, shaped, after_blank, spaced))
    return content


def sentence_shaped(text: str, count: int) -> bool:
    """Half of the prose test, the half that needs no language: long enough and punctuated
    like sentences, not a teaser cut short (a line is prose when it is this and
    :func:`has_function_words`).

    >>> sentence_shaped("Ketamine can relieve depression within hours, a small study found.", 10)
    True
    >>> sentence_shaped("Ketamine can relieve depression within hours, a small study...", 10)
    False
    """
    # TRUNCATED can only match a line ending in an ellipsis: skip the search that tries every position.
    if count < 8 or (text.rstrip().endswith(("...", "…")) and TRUNCATED.search(text)):
        return False
    return features.ends_sentence(text) or features.has_inner_sentence(text) or count >= 20


def has_function_words(text: str, tokens: Sequence[str], count: int, stops: frozenset[str]) -> bool:
    """The other half of the prose test, the half that needs the language: at least some of a
    short line's words are stop words (a long line is prose by its length).

    >>> stops = features.stop_words("en")
    >>> def check(s): return has_function_words(s, features.words(s), features.word_count(s), stops)
    >>> check("The small study was published Wednesday in the American Journal of Psychiatry.")
    True
    >>> check("Ketamine, esketamine, psilocybin, MDMA, LSD and ayahuasca trials expand worldwide.")
    False
    """
    # Stop words are whole tokens: a language written without spaces has none to count.
    if stops and count < 40 and (text.isascii() or not features.UNSPACED.search(text)):
        return features.stop_ratio(tokens, stops) >= 0.15
    return True


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


# Per line, for the pipeline's next round, which sees mostly the same lines again; a few
# thousand lines hold a long page without keeping a batch's worth of token tuples alive.
LINE_CACHE = 1 << 12


@lru_cache(maxsize=LINE_CACHE)
def _line_features(text: str) -> tuple[tuple[str, ...], int, object, bool]:
    """A line's word tokens, word count, listed pattern (None if none) and whether it is shaped
    like sentences: one look-up per line for what needs no context."""
    tokens = tuple(features.words(text))
    count = features.word_count(text, tokens)
    return tokens, count, match_line(text), sentence_shaped(text, count)


# Only a few lines are ever asked for their script (see _foreign).
_line_script = lru_cache(maxsize=LINE_CACHE)(features.script)


@lru_cache(maxsize=LINE_CACHE)
def _has_function_words(text: str, stops: frozenset[str]) -> bool:
    tokens, count, *_ = _line_features(text)
    return has_function_words(text, tokens, count, stops)


_headline_case = lru_cache(maxsize=LINE_CACHE)(features.headline_case)


@lru_cache(maxsize=64)  # the next round of the same page votes on the same words
def _majority_stop_words(tokens: tuple[str, ...]) -> str | None:
    from ..language import majority_stop_words

    return majority_stop_words(tokens)


def _short_enough(line: Line) -> bool:
    return line.words <= LONG_LISTED_RULES.get(line.listed.rule, MAX_LISTED_WORDS)


def _norm(text: str) -> tuple[str, ...]:
    return _line_features(text)[0]


def _similar_title(candidate: tuple[str, ...], reference: tuple[str, ...]) -> bool:
    """A heading that the page's first line (often the HTML title) repeats, maybe with a site name."""
    if not candidate or not reference:
        return False
    if candidate == reference:
        return True
    if len(candidate) < 3:
        return False
    shared = len(set(candidate) & set(reference))
    return shared >= 0.8 * len(set(candidate))


class BoilerplateCleaner(Cleaner):
    code = "boilerplate"
    summary = "Site navigation, share and comment prompts, related stories and footers around the article."
    stage = 30
    rules = {
        "share-prompt": "share and follow prompts, lone social network names",
        "source-link": "'Source link', 'Read more: https://...', bare URLs around the article",
        "comment-prompt": "'Leave a Reply', comment counts and forms",
        "related-block": "related / most read / recommended headings and the story list under them",
        "breadcrumb": "'Home / Section / Title' trails",
        "navigation-line": "menu items, sign-in, search, gallery and pager lines",
        "navigation-run": "a run of short link-text lines outside the article (judged by context)",
        "newsletter-line": "newsletter and subscription prompts",
        "cookie-notice": "cookie, privacy and terms lines",
        "image-credit": "photo and image credits",
        "copyright-line": "copyright footers",
        "advert-marker": "'Advertisement' and 'continue reading below' markers",
        "markup-line": "HTML or shortcode left in the text, 'requires JavaScript' notices",
        "foreign-template-line": "a site-template line in another script than the article",
        "duplicate-title": "the title repeated right after itself",
        "author-bio": "an 'About <name>' heading after the article (author or company bio)",
        "outside-article": "other lines before or after the article body (judged by position)",
    }

    def preload(self) -> None:
        from ..boilerplate.patterns import preload as preload_patterns
        from ..language import preload as preload_language

        preload_patterns()
        # The page's own stop-word vote names the language of nearly every page: langdetect's
        # profiles wait for the first page that needs them.
        preload_language(profiles=False)

    def find_edits(self, text, doc):
        lines = layout(text)
        if lines.blank.count(False) < 2:  # a one-line text stays as it is
            return []
        content = content_lines(lines)
        decisions = self._decide(text, content, doc)
        return list(self._edits(lines, content, decisions))

    # -- deciding -------------------------------------------------------------------------

    def _decide(self, text: str, content: list[Line], doc) -> dict[int, tuple[str, float]]:
        """Map a line's index in ``content`` -> (rule, confidence) for every line to remove."""
        main_script = features.script(text, sample=SCRIPT_SAMPLE)
        use_context = len(content) >= MIN_LINES_FOR_CONTEXT and sum(line.words for line in content) >= MIN_WORDS_FOR_CONTEXT
        language = None
        if use_context:
            found = self._prose_language(content)
            if found and doc.prose_language is None:
                doc.prose_language = found  # for the cleaners after this one
            language = found or doc.language
        stops = features.stop_words(language) if use_context else frozenset()
        if use_context:
            for line in content:
                line.prose = line.listed is None and line.shaped and _has_function_words(line.text, stops)

        remove: dict[int, tuple[str, float]] = {}  # content index -> (rule, confidence)
        first, last = 0, len(content) - 1
        bodies: list[tuple[int, int]] = []
        warning = None
        if use_context:
            scores = self._footer_scores(content, self._scores(content))
            first, last, total, limit = self._article_run(content, scores)
            if total < MIN_BODY_WORDS:
                first, last = 0, len(content) - 1
                use_context = False
            else:
                first = self._lead_paragraph(content, first)
                last = self._numbered_list(content, self._tail_paragraph(content, last))
                last = self._closing_sentences(content, last)
                others = [*self._other_bodies(content, scores, 0, first), *self._other_bodies(content, scores, last + 1, len(content))]
                bodies = sorted([(first, last), *others])
                # Decided afresh each round, as a new run on this text would: the pipeline's
                # rounds then reach the text a second run leaves as it is.
                warning = self._doubt(content, bodies)
                first, last = bodies[0][0], bodies[-1][1]

        if use_context:
            note = doc.notes.setdefault(self.code, {"language": language})
            if text == doc.original:  # then line numbers are the input's, worth reporting
                note["body_lines"] = [text.count("\n", 0, content[k].start) + 1 for k in (first, last)]
            if warning:
                note.setdefault("warning", warning)
        keep_before = self._title_and_byline(content, first, main_script) if use_context else set()
        for b_first, _ in bodies[1:]:  # another article's title and byline just above it
            keep_before.update(j for j in range(max(0, b_first - 2), b_first) if content[j].listed is None and content[j].words <= 30)
        title = _norm(content[min(keep_before)].text) if keep_before else None
        runs = self._short_runs(content)
        inside = set()
        for b_first, b_last in bodies or [(first, last)]:
            inside.update(range(b_first, b_last + 1))
        for i, line in enumerate(content):
            if i in inside:
                decision = self._inside(content, i, main_script, at_edge=not use_context)
            elif i in keep_before:
                decision = self._inside(content, i, main_script, at_edge=not use_context)
            else:
                decision = self._outside(line, main_script, title if i < first else None, runs[i])
                if warning and decision[0] == "outside-article":
                    decision = None  # unsure of the body: a line goes only for what it looks like
            if decision:
                remove[i] = decision
        if len(remove) == len(content):  # never empty a document
            return {}
        return remove

    @staticmethod
    def _other_bodies(content: list[Line], scores: list[float], lo: int, hi: int) -> list[tuple[int, int]]:
        """Further article-size runs of prose in ``content[lo:hi]``, with enough lines that end
        like sentences (a list of long teasers does not): a text holding several articles keeps each."""
        if hi - lo <= 0:
            return []
        first, last, total = body_runs(scores[lo:hi])[-1]
        if total < OTHER_BODY_WORDS:
            return []
        first, last = first + lo, last + lo
        found = BoilerplateCleaner._other_bodies(content, scores, lo, first)
        sentences = sum(1 for line in content[first : last + 1] if line.prose and features.ends_sentence(line.text))
        if sentences >= OTHER_BODY_SENTENCES:
            found.append((first, last))
        return found + BoilerplateCleaner._other_bodies(content, scores, last + 1, hi)

    @staticmethod
    def _footer_scores(content: list[Line], scores: list[float]) -> list[float]:
        """The scores with a legal footer's prose scored as other lines: the sentences around a
        copyright line in the last lines of a page ("The information provided on this website
        ...", "© 2019 ... All rights reserved.") read like prose but are the site's, not the article's."""
        start = int(len(content) * (1 - FOOTER_SHARE))
        notice = next((i for i in range(len(content) - 1, start - 1, -1) if content[i].listed is not None and content[i].listed.rule == "copyright-line"), None)
        if notice is None:
            return scores
        top = notice
        while top > 0 and content[top - 1].listed is None and (content[top - 1].prose or content[top - 1].shaped):
            top -= 1
        end = notice
        while end + 1 < len(content) and content[end + 1].listed is None and (content[end + 1].prose or content[end + 1].shaped):
            end += 1
        return [-SHORT_PENALTY if top <= i <= end else score for i, score in enumerate(scores)]

    @staticmethod
    def _doubt(content: list[Line], bodies: list[tuple[int, int]]) -> str | None:
        """Why the bodies found may not be the article, or None: they hold a small share of the
        page's prose, or miss its longest run of prose lines."""
        prose_words = sum(line.words for line in content if line.prose)
        if not prose_words:
            return None
        kept = sum(content[i].words for a, b in bodies for i in range(a, b + 1) if content[i].prose)
        if kept < KEPT_PROSE_SHARE * prose_words:
            return f"the body found holds {round(100 * kept / prose_words)}% of the prose: lines around it are kept unless they look like boilerplate"
        # A body in the page's last lines with more prose before it is a footer's legal sentences.
        before = sum(line.words for line in content[: bodies[0][0]] if line.prose)
        if bodies[0][0] >= (1 - FOOTER_SHARE) * len(content) and before > kept:
            return "the body found is at the end of the page, after more prose: lines before it are kept unless they look like boilerplate"
        return None

    @staticmethod
    def _prose_language(content: list[Line]) -> str | None:
        """The language whose stop words tell prose from the rest: the majority of function words
        in the lines shaped like sentences (the article is in them, the menus are not); None when
        they have too few."""
        tokens = chain.from_iterable(
            _norm(line.text) for line in content if line.listed is None and line.shaped
        )
        # Words only (some stop-word lists have numbers in them), and a sample is enough.
        return _majority_stop_words(tuple(islice(filter(str.isalpha, tokens), LANGUAGE_SAMPLE)))

    @staticmethod
    def _article_run(content: list[Line], scores: list[float]) -> tuple[int, int, float, int]:
        """The body run ``(first, last, score, limit)``, looked for before the comment section
        when there is an article there (``limit``: where that section starts, or the end).

        Readers' comments are prose too, and on a busy thread there is more of it than article.
        """
        best_before = body_runs(scores)
        overall = best_before[-1]
        for i, line in enumerate(content):
            if line.listed is not None and line.listed.rule in SECTION_RULES and i > 0:
                before = best_before[i - 1]
                # A 'Comments' menu item under a teaser is not the end of an article.
                if before[2] >= max(2 * MIN_BODY_WORDS, SECTION_SHARE * overall[2]):
                    return (*before, i)
        return (*overall, len(content))

    def _lead_paragraph(self, content: list[Line], first: int) -> int:
        """Move the body start up over an inline box (related links, a newsletter form, an
        advert) that cut the first paragraphs off from the rest.

        The box's penalty outweighs a paragraph or two, so the maximum-sum run starts after it.
        """
        while True:
            above = next((j for j in range(first - 1, max(-1, first - 1 - LEAD_GAP), -1) if content[j].prose), None)
            if above is None:
                return first
            between = range(above + 1, first)
            if not any(content[k].listed is not None and content[k].listed.rule in INLINE_BOX_RULES for k in between):
                return first
            # Every line of the gap must be explained by the box: listed, or an item under its heading.
            if not all(content[k].listed is not None or self._under_related_heading(content, k) for k in between):
                return first
            top = above
            while top > 0 and content[top - 1].prose:
                top -= 1
            if sum(line.words for line in content[top : above + 1]) < 15:
                return first
            first = top

    @staticmethod
    def _tail_paragraph(content: list[Line], last: int) -> int:
        """Move the body end down over a promotion or advert line that cut the last paragraphs off.

        Only boxes that never end an article qualify: after a share bar or a 'Related' list,
        the prose that follows is as likely to be teasers or comments.
        """
        while True:
            below = next((j for j in range(last + 1, min(len(content), last + 1 + LEAD_GAP)) if content[j].prose), None)
            if below is None:
                return last
            between = content[last + 1 : below]
            if not between or not all(b.listed is not None and b.listed.rule in TAIL_BOX_RULES for b in between):
                return last
            end = below
            while end + 1 < len(content) and content[end + 1].prose:
                end += 1
            if sum(line.words for line in content[below : end + 1]) < 15:
                return last
            last = end

    @staticmethod
    def _closing_sentences(content: list[Line], last: int) -> int:
        """Move the body end down over one or two short sentences that close the article
        ("Colombia had lost to Belgium on Monday."): too short to count as prose on their own,
        or the signature line of a quoted tweet."""
        for j in range(last + 1, min(len(content), last + 3)):
            line = content[j]
            if TWEET_SIGNATURE.fullmatch(line.text.strip()):
                last = j
                continue
            if line.listed is not None or line.prose or line.words < 3 or not features.ends_sentence(line.text):
                break
            if _headline_case(line.text) or line.text.rstrip().endswith(":"):
                break
            last = j
        return last

    @staticmethod
    def _numbered_list(content: list[Line], last: int) -> int:
        """Move the body end down over a numbered list that follows it ("1) ...", "2) ...")."""
        expected, end, j = 1, last, last + 1
        while j < len(content) and j - end <= 3:
            m = NUMBERED.match(content[j].text)
            if m and int(m.group(1)) == expected:
                expected += 1
                end = j
            elif m or content[j].prose:
                break
            j += 1
        return end if expected > 3 else last

    @staticmethod
    def _scores(content: list[Line]) -> list[float]:
        """Prose scores its words; a prose line alone between non-prose lines (a teaser under a
        headline) half of them; other lines a penalty, larger for listed ones."""
        scores = []
        for i, line in enumerate(content):
            if line.prose:
                alone = (i == 0 or not content[i - 1].prose) and (i + 1 == len(content) or not content[i + 1].prose)
                scores.append(line.words * ALONE_FACTOR if alone else line.words)
            elif line.listed is not None and _short_enough(line):
                scores.append(-SECTION_PENALTY if line.listed.rule in SECTION_RULES else -LISTED_PENALTY)
            elif line.tokens >= 3 and _headline_case(line.text):  # three capitalised words at least
                scores.append(-HEADLINE_PENALTY)
            elif line.spaced:
                scores.append(-SPACED_PENALTY)
            else:
                scores.append(-SHORT_PENALTY)
        return scores

    def _inside(self, content, i, main_script, at_edge):
        """Inside the body only listed lines, a repeated title and related-story lists go."""
        line = content[i]
        if line.listed is not None and line.listed.scope == ANY and _short_enough(line):
            return line.listed.rule, PATTERN_CONFIDENCE
        if i > 0 and line.words <= 25 and _norm(line.text) == _norm(content[i - 1].text):
            return "duplicate-title", PATTERN_CONFIDENCE
        if at_edge and i in (0, len(content) - 1) and self._foreign(line, main_script):
            return "foreign-template-line", FOREIGN_CONFIDENCE
        if not at_edge and line.words <= RELATED_ITEM_WORDS and self._under_related_heading(content, i):
            return "related-block", NAVIGATION_CONFIDENCE
        return None

    @staticmethod
    def _under_related_heading(content, i) -> bool:
        """A line in the list under a 'Related' heading: the items follow the heading and each
        other line by line, and none is paragraph-length."""
        for j in range(i - 1, max(-1, i - 12), -1):
            above, below = content[j], content[j + 1]
            if above.listed is not None and above.listed.rule == "related-block" and above.listed.scope == ANY:
                if INLINE_ITEM.search(above.text):
                    return False  # "Related: Another story" is a whole box in one line
                if j + 1 == i and below.after_blank:
                    # A first item set off by a blank line must have a second one under it.
                    after = content[i + 1] if i + 1 < len(content) else None
                    return after is not None and not after.after_blank and after.words <= RELATED_ITEM_WORDS
                return True
            if below.after_blank or above.words > RELATED_ITEM_WORDS:
                return False
        return False

    def _outside(self, line, main_script, title, run):
        """A line outside the body, named by what it looks like; ``title``: the kept title's
        words when the line stands above it, ``run``: its run of short link-text lines."""
        if line.listed is not None:
            return line.listed.rule, PATTERN_CONFIDENCE
        if self._foreign(line, main_script):
            return "foreign-template-line", FOREIGN_CONFIDENCE
        if title is not None and _norm(line.text) == title:
            return "duplicate-title", PATTERN_CONFIDENCE
        if run >= NAVIGATION_RUN:
            return "navigation-run", NAVIGATION_CONFIDENCE
        return "outside-article", POSITION_CONFIDENCE

    @staticmethod
    def _foreign(line: Line, main_script) -> bool:
        """A short line with no letter in the document's script (a byline with an e-mail
        address is mostly Latin, but not foreign)."""
        if not main_script or line.words > FOREIGN_MAX_WORDS:
            return False
        text = line.text
        # Settled without naming the line's script: an ASCII line is Latin or has no script;
        # a line with a letter in the document's script is not foreign whatever most letters are.
        if (main_script == "LATIN" and text.isascii()) or features.uses_script(text, main_script):
            return False
        script = _line_script(text)
        return script is not None and script != main_script

    @staticmethod
    def _short_runs(content: list[Line]) -> list[int]:
        """For each line, the length of the run of short link-text lines it belongs to (0: none)."""
        short = [not l.prose and l.words <= 6 and not features.ends_sentence(l.text) for l in content]
        runs: list[int] = []
        for is_short, group in groupby(short):
            size = len(tuple(group))
            runs.extend([size if is_short else 0] * size)
        return runs

    def _title_and_byline(self, content, first, main_script) -> set[int]:
        """Indices of the title and the byline/dateline lines between it and the body."""
        reference = None
        for line in content[:first]:
            if line.listed is None and not self._foreign(line, main_script):
                reference = _norm(line.text)
                break
        if reference is None:
            return set()
        title = None
        for i in range(first - 1, max(-1, first - 1 - TITLE_WINDOW), -1):
            line = content[i]
            if line.listed is not None or self._foreign(line, main_script):
                continue
            if line.prose and (line.words > 20 or line.text.rstrip().endswith(".")):
                continue
            if 2 <= line.words <= 30 and _similar_title(_norm(line.text), reference):
                title = i
                break
        if title is None:
            return set()
        keep = {title}
        for i in range(title + 1, first):
            text = content[i].text.strip()
            if content[i].listed is None and len(text) <= 100 and (BYLINE.fullmatch(text) or DATELINE.fullmatch(text)):
                if _norm(text) != _norm(content[i - 1].text):
                    keep.add(i)
        return keep

    # -- editing --------------------------------------------------------------------------

    @staticmethod
    def _edits(lines: Layout, content: list[Line], remove: dict[int, tuple[str, float]]):
        """One edit per run of adjacent lines removed by the same rule (a menu, a share bar, a
        footer), taking along the blank lines their removal would orphan. Its ``before`` holds
        every line of the run; the message names how many.

        >>> text = "Share this:\\n\\nBody.\\n\\nAdvertisement\\n\\nMore body.\\n\\nSource link\\nLike this:"
        >>> lines = layout(text)
        >>> content = content_lines(lines)
        >>> gone = {k: ("x", 1.0) for k, line in enumerate(content) if "ody." not in line.text}
        >>> edits = list(BoilerplateCleaner._edits(lines, content, gone))
        >>> [edit.message for edit in edits][1:]
        ['remove x: Advertisement', 'remove the blank lines left at the edge', 'remove x: 2 lines, Source link ... Like this:']
        >>> from textfix.edits import apply_edits
        >>> apply_edits(text, edits)
        'Body.\\n\\nMore body.\\n'
        """
        starts, blank = lines.starts, lines.blank
        n = len(starts)
        kept_lines = [line.index for k, line in enumerate(content) if k not in remove]
        first_kept = kept_lines[0] if kept_lines else n
        last_kept = kept_lines[-1] if kept_lines else -1
        kept = set(kept_lines)
        first_text = content[0].index if content else n
        text_end = lines.ends[-1] if n else 0
        run: _Run | None = None  # the adjacent lines removed so far by one rule
        for k in sorted(remove):
            line = content[k]
            i = line.index
            rule, confidence = remove[k]
            nxt = content[k + 1].index if k + 1 < len(content) else n  # the next line with text
            start, end = line.start, line.end
            if nxt not in kept:
                end = starts[nxt] if nxt < n else text_end
                previous = content[k - 1].index if k > 0 else -1
                if previous in kept and last_kept < nxt:
                    # The tail of the document goes: so do the blank lines above it.
                    start = starts[previous + 1]
            elif first_kept >= i or blank[i - 1]:
                end = starts[nxt]
            if first_text >= i:
                start = 0
            if run is not None and not run.continued_by(start, rule, confidence, line):
                yield run.edit()
                run = None
            if start < line.start:
                # Reported apart, so that the line's own edit points at the line.
                yield Edit(start, line.start, "", rule, "remove the blank lines left at the edge", SAFE, confidence)
            if run is None:
                run = _Run(line.start, end, rule, confidence, line, line)
            else:
                run.end, run.last, run.lines = end, line, run.lines + 1
        if run is not None:
            yield run.edit()


@dataclass(slots=True)
class _Run:
    """Adjacent lines removed by one rule: they make one edit."""

    start: int
    end: int
    rule: str
    confidence: float
    first: Line
    last: Line
    lines: int = 1

    def continued_by(self, start: int, rule: str, confidence: float, line: Line) -> bool:
        # A line whose blank lines above are reported apart starts a run of its own.
        return start == self.end and rule == self.rule and confidence == self.confidence and start == line.start

    def edit(self) -> Edit:
        what = f"remove {self.rule.replace('-', ' ')}: "
        if self.lines == 1:
            message = what + self.first.text.strip()[:60]
        else:
            message = f"{what}{self.lines} lines, {self.first.text.strip()[:30]} ... {self.last.text.strip()[:30]}"
        return Edit(self.start, self.end, "", self.rule, message, SAFE, self.confidence)

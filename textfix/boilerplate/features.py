"""Line features for the learned line model: what a line looks like, where it stands, and the
page around it (density of its neighbours, repetition, how much of the page the rules doubt).

The same function feeds the training script (``tools/train_boilerplate_model.py``) and the
cleaner, so the model sees at run time exactly what it was trained on.
"""

from __future__ import annotations

from collections import Counter
from itertools import accumulate
from math import log1p

import regex

from ..text import ends_sentence, stop_ratio
from .lines import Line, line_headline_case

DIGITS = regex.compile(r"\d")
NEIGHBOURS = 3  # lines either side whose density a line is compared with

# A page with at least this share of listed lines is plainly a scraped page, not a clean body:
# each feature counts a second time on such pages, with its own weight (a linear model's
# cheapest interaction: the same short line means different things on the two kinds of page).
LISTED_PAGE = 0.02

# In the order of the vector; the model file lists them too, and loading checks they agree.
LINE_NAMES = (
    "words", "prose", "shaped", "ends_sentence", "headline", "spaced", "after_blank", "stop_ratio",
    "digit_share", "ends_colon", "has_url", "listed", "in_body", "before_body", "after_body",
    "distance", "position", "repeated", "short_run", "prev_prose", "next_prose", "window_prose",
    "window_words", "contrast", "page_lines", "page_listed", "page_outside", "page_prose", "doubted",
    "rule_position", "rule_navigation", "rule_other", "kept_heading",
)
NAMES = LINE_NAMES + tuple(f"listed_page*{name}" for name in LINE_NAMES)


def line_vectors(content: list[Line], which, stops: frozenset[str], in_body: set[int], runs: list[int],
                 proposed: dict[int, str], keep: set[int], doubted: bool) -> dict[int, list[float]]:
    """A feature vector, in :data:`NAMES` order, for each line of ``content`` whose index is in
    ``which`` (the lines' ``prose`` set); ``in_body``: indices of body lines, ``runs``: short-run
    lengths, ``proposed``: the rule the context rules give each line they would remove,
    ``keep``: the kept title and byline."""
    n = len(content)
    body = sorted(in_body)
    first, last = (body[0], body[-1]) if body else (n, -1)
    counts = Counter(line.norm for line in content)
    prose = [line.prose for line in content]
    words = [line.words for line in content]
    prose_sum = [0, *accumulate(prose)]  # prefix sums, for the neighbour windows
    words_sum = [0, *accumulate(words)]
    page = [
        log1p(n),
        sum(map(_pattern_listed, content)) / n,
        1 - len(in_body) / n,
        sum(prose) / n,
        float(doubted),
    ]
    listed_page = page[1] >= LISTED_PAGE
    vectors = {}
    for i in which:
        line = content[i]
        text = line.text.strip()
        lo, hi = max(0, i - NEIGHBOURS), min(n, i + NEIGHBOURS + 1)
        around = hi - lo - 1
        window_words = (words_sum[hi] - words_sum[lo] - words[i]) / around if around else 0.0
        rule = proposed.get(i)
        distance = 0 if i in in_body else min(abs(i - first), abs(i - last))
        vector = [
            log1p(line.words),
            float(line.prose),
            float(line.shaped),
            float(ends_sentence(text)),
            float(line.tokens >= 3 and line_headline_case(line.text)),
            float(line.spaced),
            float(line.after_blank),
            stop_ratio(line.norm, stops) if stops else 0.0,
            len(DIGITS.findall(text)) / max(len(text), 1),
            float(text.endswith(":")),
            float("http" in text or "www." in text),
            float(_pattern_listed(line)),
            float(i in in_body),
            float(i < first),
            float(i > last),
            log1p(distance),
            i / max(n - 1, 1),
            float(counts[line.norm] > 1),
            log1p(runs[i]),
            float(i > 0 and prose[i - 1]),
            float(i + 1 < n and prose[i + 1]),
            (prose_sum[hi] - prose_sum[lo] - prose[i]) / around if around else 0.0,
            log1p(window_words),
            log1p(line.words) - log1p(window_words),
            *page,
            float(rule == "outside-article"),
            float(rule == "navigation-run"),
            float(rule is not None and rule not in ("outside-article", "navigation-run")),
            float(i in keep),
        ]
        vectors[i] = vector + (vector if listed_page else [0.0] * len(vector))
    return vectors


def _pattern_listed(line: Line) -> bool:
    """A line a shipped pattern lists. Site-template lines (learned per site, optional) are not
    counted: the model was trained without them, and a page's many template lines would make
    it look like a page of another kind."""
    return line.listed is not None and line.listed.rule != "site-template"

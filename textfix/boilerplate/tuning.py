"""Every tuned constant of the boilerplate cleaner, in one place, each with what it is for.

Tuned on the train half of the dev sets only (``benchmarks/boilerplate_pages.py`` prints both
halves); the README quotes the validation half.
"""

from __future__ import annotations

# -- confidence of each kind of decision (reported with every removed line) ----------------
PATTERN_CONFIDENCE = 0.95  # a listed line, a repeated title
FOREIGN_CONFIDENCE = 0.9  # a short line in another script than the page's
NAVIGATION_CONFIDENCE = 0.75  # a run of short link-text lines, a related-story item
POSITION_CONFIDENCE = 0.6  # a line outside the body, judged by its position alone
# A line judged by its position that the line model lets go reports the model's chance of it
# being boilerplate, up to this: never as sure as a listed line.
CONTEXT_MAX_CONFIDENCE = 0.85

# -- when the page context is used at all ---------------------------------------------------
# Below these sizes a text is a snippet, not a page: only listed lines are removed, and the
# language is never detected (that costs ~0.3 s).
MIN_LINES_FOR_CONTEXT = 4
MIN_WORDS_FOR_CONTEXT = 50
MIN_BODY_WORDS = 30  # a best run scoring less is no body: the text is judged line by line

# -- listed lines ----------------------------------------------------------------------------
# A listed line inside the body is only removed while it is short: a long line that happens
# to match (a sentence about cookies) is prose.
MAX_LISTED_WORDS = 15
# ... except a photo caption ending in its credit ("... July 25, 2019. J. Scott Applewhite / AP").
LONG_LISTED_RULES = {"image-credit": 45, "newsletter-line": 30, "related-block": 25, "markup-line": 200}

# -- line scores for the body search (a prose line scores its word count) -----------------
LISTED_PENALTY = 30  # a short listed line
SHORT_PENALTY = 3  # any other line that is not prose
SPACED_PENALTY = 1  # ... set off by blank lines above and below: a paragraph of its own
ALONE_FACTOR = 0.25  # a prose line alone among non-prose lines (a teaser under a headline)
# Title Case lines are other stories' headlines far more often than the article's subheadings.
HEADLINE_PENALTY = 4
# A comment section or an 'About <name>' heading ends the article: prose after it is readers'
# comments or a bio, not the article.
SECTION_RULES = frozenset({"comment-prompt", "author-bio"})
SECTION_PENALTY = 200
SECTION_SHARE = 0.25  # the article before a section heading has at least this share of the best run
# A page with this many comment stamps ("Amy · March 10, 2017 at 1:26 am") has a comment
# section from the first of them on (one or two are an article's datelines) ...
COMMENT_STAMPS = 3
COMMENT_STAMP_WORDS = 12  # ... a stamp being at most this long (a name and the date)
# ... each within this many lines of the one before (a long comment's paragraphs); no further
# body is looked for within as many lines after the last comment either (the comment form, the
# site's footer).
COMMENT_GAP = 40
# A newsletter or 'Read more' line of this many words or more that is a sentence between two
# paragraphs is the article's own (it mentions the word, it is no prompt).
INNER_SENTENCE_WORDS = 8
# A short line needs this share of stop words of the page's language to be prose.
MIN_STOP_RATIO = 0.15
STOP_WORDS_UP_TO = 40  # longer lines are prose by their length alone

# -- several bodies, and doubt about the body -----------------------------------------------
# A further run of prose scoring this much is another article in the same text, kept too ...
OTHER_BODY_WORDS = 100
OTHER_BODY_SENTENCES = 3  # ... with at least this many prose lines ending like a sentence
# Bodies holding less than this share of the page's prose words are doubted: every line that
# does not look like boilerplate is kept, and the note says why.
KEPT_PROSE_SHARE = 0.3
# A copyright line in this last share of a page's lines ends the page: the prose around it is
# its footer; a body starting there with more prose before it is doubted.
FOOTER_SHARE = 0.15

# A doubted body's page with fewer frame lines (see PLAIN_FRAME_RULES) than this share of its
# lines keeps its runs of short lines: on the train half, gold documentation pages have under
# 1% (their 'next' and 'Search' are words of the text), scraped pages with a doubted body 1.1%
# and more.
SPARSE_FRAME_SHARE = 0.01

# -- widening the body ----------------------------------------------------------------------
LEAD_GAP = 8  # lines of an inline box the body start moves up over
BOX_PARAGRAPH_WORDS = 15  # ... when the paragraphs beyond it have at least this many words
CLOSING_LINES = 2  # short closing sentences the body end moves down over
NUMBERED_ITEMS = 3  # a numbered list after the body with more items than this joins it
NUMBERED_GAP = 3  # ... with at most this many lines between items

# -- around the body ------------------------------------------------------------------------
TITLE_WINDOW = 15  # lines above the body where the title is looked for
TITLE_MAX_WORDS = 30
TITLE_SHARED_WORDS = 0.8  # share of a heading's words the page's first line must repeat
BYLINE_MAX_CHARACTERS = 100
OTHER_TITLE_LINES = 2  # lines kept above a further body (its title and byline)
FOREIGN_MAX_WORDS = 12  # a longer line in another script is a quotation, not a template line
NAVIGATION_RUN = 3  # this many short link-text lines in a row are a menu
NAVIGATION_MAX_WORDS = 6  # ... each at most this long
RELATED_ITEM_WORDS = 20  # other stories' headlines under a 'Related' heading are at most this long
RELATED_WINDOW = 12  # lines under a 'Related' heading that may be its items
DUPLICATE_MAX_WORDS = 25  # a line repeating the one above it is a repeated title up to this long

# -- a text that already reads as a clean body (then only listed lines go) --------------------
# Listed rules of a site's frame (menus, trails, share bars, newsletter forms, cookie and
# copyright lines): on the train half, the dirty pages with none of them are nearly all pages
# whose position rules cut no more than they saved, while most gold bodies have none.
PLAIN_FRAME_RULES = frozenset({"navigation-line", "breadcrumb", "share-prompt", "newsletter-line",
                               "cookie-notice", "copyright-line"})
PLAIN_MAX_FRAME_LINES = 0  # ... this many short ones at most
# Lines before the first prose line, dates not counted: a clean body has its title and a byline
# or its author there, a scraped page its site's header. Two cost no train page type any F1;
# three gain next to nothing more on the train gold bodies.
PLAIN_MAX_LEAD_LINES = 2

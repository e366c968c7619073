"""Boilerplate: keep the article, drop the site around it, from the plain text alone.

How a page is read (each step is a module of :mod:`textfix.boilerplate`):

1. ``lines``: every line with what it looks like. A line that matches a listed pattern (share
   prompts, comment prompts, credits, cookie notices ... see
   ``textfix/data/boilerplate-patterns.tsv``) is boilerplate wherever it stands, as long as it
   is short. A line is prose when it is long enough, punctuated like sentences and has enough
   stop words of the page's language (decided once, from the original text: see
   :mod:`textfix.text`).
2. ``body``: the article body is the densest run of prose lines (a maximum-sum segment of line
   scores), widened over inline boxes, a numbered list and short closing sentences; further
   article-size runs are bodies too. When the bodies hold little of the page's prose, the
   search says why it doubts them.
3. ``decision``: inside a body only listed lines, a repeated title and a 'Related' story list
   go; around it everything but the title and byline goes, named by what it looks like or by
   its position, unless the line model (:mod:`textfix.boilerplate.model`, trained by
   ``tools/train_boilerplate_model.py``) finds a line removed by position alone likely main
   text. Doubted bodies keep every line around them that does not look like
   boilerplate, and the note says so (the summary and the report flag the file). A text that
   already reads as a clean body (``page``: no line of a site's frame, prose within its first
   lines) loses only its listed lines, and the note says ``reads_as_body``.
4. ``audit``: one edit per run of adjacent lines removed by the same rule, with its confidence.

Confidence: 0.95 for listed lines and a repeated title, 0.9 for a line in another script, 0.75
for navigation runs and related-story items, 0.6 for lines judged by their position alone
(when the line model judges one, its chance of being boilerplate, at most 0.85). All
are SAFE: on the benchmark pages they cost far less article text than they remove (see README),
and each rule can be turned off with ``--ignore``.

Stability: the decisions hang on the body run, and the run of the cleaned text is the whole
cleaned body (removing lines with negative scores from inside or around a maximum-sum segment
leaves it the maximum), so a second pass proposes nothing; the page's script and language come
from the original text, so no round changes its mind about them. The tests and the benchmark
check it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..boilerplate.layout import layout
from ..cleaner import Cleaner
from ..edits import apply_edits

# How many times the cleaner decides again on what its removals leave before it gives up on
# settling within one round (the pipeline's round cap then reports the text).
SETTLE_ROUNDS = 8


@dataclass(frozen=True)
class BoilerplateOptions:
    """``templates``: site-template files learned by ``textfix templates learn``."""

    templates: tuple[str, ...] = ()


class BoilerplateCleaner(Cleaner):
    code = "boilerplate"
    summary = "Site navigation, share and comment prompts, related stories and footers around the article."
    stage = 30
    Options = BoilerplateOptions
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
        "site-template": "a line the site repeats on many of its pages (learned: --templates FILE)",
    }

    def preload(self) -> None:
        from ..boilerplate.patterns import preload as preload_patterns
        from ..language import preload as preload_language

        preload_patterns()
        # The page's own stop-word vote names the language of nearly every page: langdetect's
        # profiles wait for the first page that needs them.
        preload_language(profiles=False)

    def find_edits(self, text, doc):
        """The removals that leave a text this cleaner keeps whole.

        A decision hangs on the lines around it (a body, a run of short lines, the page's
        share of listed lines), so what one set of removals leaves can call for more: the
        cleaner decides again on its own remainder, up to ``SETTLE_ROUNDS`` times, and removes
        what every decision took. Only the removals the run applies count (``doc.wants``), so
        the remainder is the text the run goes on with, and the next round, given that
        remainder, finds nothing to do without deciding again.
        """
        working = doc.working.setdefault(self.code, {})
        if working.get("remainder") == text:  # the text this cleaner settled on
            return []
        lines = layout(text)
        if lines.blank.count(False) < 2:  # a one-line text stays as it is
            return []
        # The modules that read a page load with the first text of two lines: a one-shot
        # command on one line, or a batch of titles, returns above without them.
        from ..boilerplate.audit import edits
        from ..boilerplate.lines import content_lines

        # Each line's features, kept for the document: its later decisions and rounds read
        # mostly the same lines, more of them than a process-wide cache of recent lines holds.
        features = working.setdefault("features", {})
        content = content_lines(lines, features)
        decision = self._decide(content, doc)
        if decision.bodies is not None:
            self._note(text, content, decision, doc)
        remove = decision.remove
        found = list(edits(lines, content, remove))
        for _ in range(SETTLE_ROUNDS):
            if not found:
                break
            remainder = apply_edits(text, found)
            kept = [k for k in range(len(content)) if k not in remove]
            rest = content_lines(layout(remainder), features)
            more = self._decide(rest, doc).remove if len(rest) > 1 else {}
            if not more:
                working["remainder"] = remainder
                break
            # The remainder's lines are the kept lines, in order: removals map back by position.
            remove = {**remove, **{kept[k]: removal for k, removal in more.items()}}
            found = list(edits(lines, content, remove))
        return found

    def _decide(self, content, doc):
        """The decision about ``content`` (site templates included), keeping only the removals
        the run will apply."""
        from ..boilerplate.decision import decide

        template = self._template_lines(content, doc)
        # Judged on the first text this cleaner reads, then kept: a page whose menus go in the
        # first decision must not be taken for a clean body in the next.
        working = doc.working.setdefault(self.code, {})
        decision = decide(content, doc.layer, lambda: doc.language, reads_as_body=working.get("reads_as_body"))
        if decision.reads_as_body is not None:
            working.setdefault("reads_as_body", decision.reads_as_body)
        if template and len(template) < len(content):  # wherever they stand; never the whole text
            decision.remove.update((i, ("site-template", score)) for i, score in template.items())
        decision.remove = {i: removal for i, removal in decision.remove.items() if doc.wants(self.code, removal[0])}
        return decision

    def _template_lines(self, content, doc) -> dict[int, float]:
        """The site's template lines (option ``templates``: learned files), marked as listed so
        the body search counts them as boilerplate too. A document with a known site (a JSONL
        record's url) is matched against that site's lines only, a file against its folder's."""
        paths = self.options.get("templates")
        if not paths:
            return {}
        from ..boilerplate.patterns import ANY, Pattern
        from ..templates.matching import load, site_templates, template_lines
        from ..templates.sources import site_of_path

        templates = load(tuple(paths))
        if doc.site is not None:
            sites = [templates.sites[doc.site]] if doc.site in templates.sites else []
        else:
            sites = site_templates(templates, site_of_path(doc.path) if doc.path else None)
        found = template_lines(sites, [line.text for line in content])
        for i in found:
            if content[i].listed is None:
                content[i].listed = Pattern("site-template", ANY, None)
        return found

    def _note(self, text, content, decision, doc) -> None:
        """The report's note: where the body was found (first round only: then line numbers are
        the input's), the language of the prose, and why the body was doubted, if it was."""
        note = doc.notes.setdefault(self.code, {"language": decision.language})
        bodies = decision.bodies
        if text == doc.original:
            note["body_lines"] = [text.count("\n", 0, content[k].start) + 1 for k in (bodies.first, bodies.last)]
            if decision.reads_as_body:
                note["reads_as_body"] = True  # why no line went for its position
        if bodies.doubt:
            note.setdefault("warning", bodies.doubt)

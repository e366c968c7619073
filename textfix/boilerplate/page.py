"""Page-level evidence: whether a text already reads as a clean body.

A scraped page carries its site's frame: a menu or a breadcrumb trail above the title, a share
bar, a newsletter form, cookie and copyright lines. An article's own text seldom matches those
rules (it does match others: a photo credit, a 'Related' heading, an 'About the author' line are
part of many articles as people keep them). And a scraped page seldom starts with its article:
its first lines are the site's header, while a clean body starts with its title, perhaps a
byline or an author and a date, and then prose; nor does it repeat its title. A text with no
frame line and prose within its first lines reads as a clean body, unless the body search
ended at a readers' comments or author bio heading (an article with its comments is a page):
the position rules (``outside-article``, ``navigation-run``) then stand aside, since all they
would cut is the article's own headings, lists and closing lines. A frame line standing inside
the body counts for nothing: a site drops its boxes between the paragraphs, but an article's own
sentence about a newsletter or a cookie sits there too, and the frame of a scraped page is
around its article.

When the body is doubted (it holds little of the page's prose: a documentation page, a product
page, a thread), the page's type is unclear; a page with few frame lines for its size is then
read as main text with a frame it barely has, and a run of short lines stays too
(:attr:`PageEvidence.sparse_frame`).
"""

from __future__ import annotations

from dataclasses import dataclass

from . import tuning
from .lines import Line, dateline, short_enough


@dataclass(frozen=True)
class PageEvidence:
    """What the page as a whole looks like: how many of its lines are listed by a rule of the
    site's frame, how many lines other than dates stand before its first prose line, whether
    the line right after its body opens a comment section or an author bio, and whether a line
    before the prose repeats the one above it."""

    frame_lines: int
    lead_lines: int
    section_after: bool = False
    repeated_lead: bool = False
    lines: int = 0  # the page's lines with text

    @property
    def sparse_frame(self) -> bool:
        """Fewer frame lines than a small share of the page's lines: a doubted body's page
        keeps its runs of short lines then.

        >>> PageEvidence(frame_lines=4, lead_lines=9, lines=800).sparse_frame, PageEvidence(frame_lines=9, lead_lines=9, lines=500).sparse_frame
        (True, False)
        """
        return self.frame_lines < tuning.SPARSE_FRAME_SHARE * self.lines

    @property
    def reads_as_body(self) -> bool:
        """No frame line, prose after at most a title and a byline (and dates), no title
        repeated, and no comment section or bio where the body ends.

        >>> PageEvidence(frame_lines=0, lead_lines=1).reads_as_body
        True
        >>> PageEvidence(frame_lines=1, lead_lines=1).reads_as_body, PageEvidence(frame_lines=0, lead_lines=9).reads_as_body
        (False, False)
        """
        return (self.frame_lines <= tuning.PLAIN_MAX_FRAME_LINES and self.lead_lines <= tuning.PLAIN_MAX_LEAD_LINES
                and not self.section_after and not self.repeated_lead)


def page_evidence(content: list[Line], body: tuple[int, int] | None = None) -> PageEvidence:
    """The evidence of a page whose lines' ``prose`` is set; ``body``: the content indices
    where its body starts and ends (None: no body).

    >>> from textfix.boilerplate.lines import content_lines, layout
    >>> content = content_lines(layout("Home\\nNews\\nShare this:\\nTitle\\nIt rained all day in the city."))
    >>> content[-1].prose = True
    >>> page_evidence(content)
    PageEvidence(frame_lines=1, lead_lines=4, section_after=False, repeated_lead=False, lines=5)
    >>> page_evidence(content, (2, 4)).frame_lines  # 'Share this:' inside the body
    0
    """
    inside = range(body[0], body[1] + 1) if body is not None else range(0)
    frame = sum(1 for i, line in enumerate(content)
                if i not in inside and line.rule() in tuning.PLAIN_FRAME_RULES and short_enough(line))
    first = next((i for i, line in enumerate(content) if line.prose), len(content))
    # Dates are not counted: a forum post opens with its author and its date, then the prose.
    lead = sum(1 for line in content[:first] if not dateline(line.text))
    repeated = any(content[i].norm == content[i - 1].norm for i in range(1, first))
    after = content[body[1] + 1] if body is not None and body[1] + 1 < len(content) else None
    section = after is not None and after.rule() in tuning.SECTION_RULES
    return PageEvidence(frame, lead, section, repeated, len(content))

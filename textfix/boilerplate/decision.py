"""The line decision: which lines go, each with its rule and confidence.

Inside a body only listed lines, a repeated title and the story list under a 'Related' heading
go. Before the first body, the title (a heading that repeats the page's first line, usually the
HTML title) and the byline/dateline under it stay; above a further body its title and byline
stay; everything else outside the bodies goes, named by what it looks like (a listed line, a line
in another script, a navigation run) or by its position. When the bodies are doubted, a line
outside them goes only for what it looks like, never for its position alone. A text that
already reads as a clean body (see :mod:`textfix.boilerplate.page`) is judged as one body.

The page's script and the language of its prose come from the document's text layer: decided
once, from the original text, so that every round decides the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..text import uses_script
from . import tuning
from .body import Bodies, find_bodies, under_related_heading
from .features import line_vectors
from .lines import (Line, byline, dateline, line_script, mark_prose, short_enough, short_runs, unlist_field_rows,
                    unlist_inner_sentences, unlist_table_rows)
from .model import load_model
from .page import page_evidence
from .patterns import ANY

# Rules that judge a line by where it stands rather than by what it says: the line model may
# overrule them.
CONTEXT_RULES = frozenset({"outside-article", "navigation-run"})
# Listed headings that open a section which is not the article (readers' comments, the author's
# bio, related stories): below such a heading after the body, the lines go with it, whatever
# the line model makes of each one (a comment is prose, and reads like main text).
SECTION_HEADINGS = frozenset({"comment-prompt", "author-bio", "related-block"})

Removal = tuple[str, float]  # (rule, confidence)


@dataclass
class Decision:
    """What the cleaner decided about a text: content index -> (rule, confidence) for every line
    to remove, the bodies found (None: judged line by line) and the language used."""

    remove: dict[int, Removal] = field(default_factory=dict)
    bodies: Bodies | None = None
    language: str | None = None
    vectors: dict[int, list[float]] | None = None  # model features of the lines it judges
    # Whether the text already reads as a clean body (then no line goes for its position);
    # None when the text was judged line by line and the question never came up.
    reads_as_body: bool | None = None


def decide(content: list[Line], layer, fallback_language, use_model: bool = True,
           reads_as_body: bool | None = None) -> Decision:
    """The decision for ``content``, the lines of a text of the document whose text layer is
    ``layer``; ``fallback_language()`` names its language when its prose does not.
    ``use_model=False``: the context rules alone (what the line model is trained to correct).
    ``reads_as_body``: whether the document reads as a clean body, when an earlier round
    judged it (every round then decides the same way); None: judged from ``content``."""
    main_script = layer.script
    unlist_table_rows(content)
    unlist_field_rows(content)
    words = sum(line.words for line in content)
    if len(content) < tuning.MIN_LINES_FOR_CONTEXT or words < tuning.MIN_WORDS_FOR_CONTEXT:
        return Decision(_snippet(content, main_script))
    language = layer.prose_language or fallback_language()
    stops = layer.prose_stop_words if layer.prose_language else _stop_words(language)
    mark_prose(content, stops)
    unlist_inner_sentences(content, stops)
    bodies = find_bodies(content)
    if bodies is None:
        return Decision(_snippet(content, main_script), None, language)
    evidence = page_evidence(content, (bodies.first, bodies.last))
    if reads_as_body is None:
        reads_as_body = evidence.reads_as_body
    if reads_as_body:
        return Decision(_as_one_body(content), bodies, language, reads_as_body=True)
    remove, keep = _around_bodies(content, bodies, main_script, bodies.doubt and evidence.sparse_frame)
    claimed = _under_section_heading(content, bodies) | _title_copies(content, keep)
    judged = [i for i, (rule, _) in remove.items() if rule in CONTEXT_RULES and i not in claimed]
    runs = short_runs(content)
    vectors = line_vectors(content, judged, stops, bodies.inside(), runs,
                           {i: rule for i, (rule, _) in remove.items()}, keep, bool(bodies.doubt))
    if use_model:
        remove = _model_vetoes(remove, vectors, runs)
    return Decision(_never_all(content, remove), bodies, language, vectors, reads_as_body=False)


def _model_vetoes(remove: dict[int, Removal], vectors: dict[int, list[float]], runs: list[int]) -> dict[int, Removal]:
    """A line that the context rules remove for where it stands (outside the body, in a run of
    short lines) stays when the line model finds it likely main text: clean text stays clean,
    and a product page's or a forum's short lines are not taken for a menu. The lines of one
    run of short lines are judged together, by their mean chance (a menu goes or stays whole,
    so that removing part of it never changes how the rest of it looks). Each removal the model
    lets through carries its chance of being boilerplate as its confidence (capped: a line
    judged by where it stands is never as sure as a listed one)."""
    model = load_model()
    main = {i: model.main_probability(vector) for i, vector in vectors.items()}
    for group in _run_groups(sorted(main), runs):
        if len(group) > 1:
            shared = sum(main[i] for i in group) / len(group)
            main.update(dict.fromkeys(group, shared))
    kept = {}
    for i, (rule, confidence) in remove.items():
        if i in main:
            if main[i] >= model.keep_threshold:
                continue
            confidence = round(min(1 - main[i], tuning.CONTEXT_MAX_CONFIDENCE), 2)
        kept[i] = (rule, confidence)
    return kept


def _title_copies(content: list[Line], keep: set[int]) -> set[int]:
    """Indices of the lines above the kept title that repeat it (the page's HTML title, often
    with the site's name): the line model does not judge them, the title is kept once."""
    if not keep:
        return set()
    top = min(keep)
    title = content[top].norm
    return {i for i in range(top) if similar_title(content[i].norm, title)}


def _under_section_heading(content: list[Line], bodies: Bodies) -> set[int]:
    """Indices of the lines after the bodies that stand below a listed heading opening a
    section that is not the article, or in a comment section known by its stamps."""
    claimed = {i for first, last in bodies.comments for i in range(first, last + 1)}
    for i in range(bodies.last + 1, len(content)):
        if content[i].rule() in SECTION_HEADINGS:
            return claimed | set(range(i + 1, len(content)))
    return claimed


def _run_groups(judged: list[int], runs: list[int]):
    """The judged lines grouped by the run of short lines they stand in (a line in none is a
    group of its own). The run goes on over the listed lines in it, which are not judged."""
    group: list[int] = []
    for i in judged:
        if group and all(runs[k] for k in range(group[-1], i + 1)):
            group.append(i)
            continue
        if group:
            yield group
        group = [i]
    if group:
        yield group


def _stop_words(language: str) -> frozenset[str]:
    from ..text import stop_words

    return stop_words(language)


def _snippet(content: list[Line], main_script) -> dict[int, Removal]:
    """A text too small to have a body: listed lines go, and the lines in another script at
    either end (all of them at once: the next round must find nothing more to do)."""
    remove = {}
    for i, line in enumerate(content):
        decision = inside(content, i, main_script, in_body=False)
        if decision:
            remove[i] = decision
    for edge in (range(len(content)), range(len(content) - 1, -1, -1)):
        for i in edge:
            if not foreign(content[i], main_script):
                break
            remove.setdefault(i, ("foreign-template-line", tuning.FOREIGN_CONFIDENCE))
    return _never_all(content, remove)


def _as_one_body(content: list[Line]) -> dict[int, Removal]:
    """A text that already reads as a clean body: only its listed lines go, never a line for
    where it stands (nor a line repeating the one above it, nor the list under a 'Related'
    heading: in a clean body they are the article's own). Every line this removes, the page
    rules remove too, wherever it stands: a page cleaned once and read again as a clean body
    loses nothing more."""
    remove = {}
    for i, line in enumerate(content):
        if line.listed is not None and line.listed.scope == ANY and short_enough(line):
            remove[i] = (line.listed.rule, tuning.PATTERN_CONFIDENCE)
    return _never_all(content, remove)


def _around_bodies(content: list[Line], bodies: Bodies, main_script,
                   keep_runs: bool = False) -> tuple[dict[int, Removal], set[int]]:
    """The context rules' decision around the bodies, and the title and byline lines kept.
    ``keep_runs``: a run of short lines stays too (a doubted body on a page with hardly any
    frame lines: its type is unclear, and its short lines are as likely its own)."""
    keep = title_and_byline(content, bodies.first, main_script)
    title = content[min(keep)].norm if keep else None
    for first, _ in bodies.runs[1:]:  # a further article's title and byline, just above it
        keep.update(j for j in range(max(0, first - tuning.OTHER_TITLE_LINES), first)
                    if content[j].listed is None and content[j].words <= tuning.TITLE_MAX_WORDS)
    in_body = bodies.inside()
    runs = short_runs(content)
    remove = {}
    for i, line in enumerate(content):
        if i in in_body or i in keep:
            decision = inside(content, i, main_script, in_body=True)
        else:
            decision = outside(line, main_script, title if i < bodies.first else None, runs[i])
            if bodies.doubt and decision[0] == "outside-article":
                decision = None  # unsure of the body: a line goes only for what it looks like
            elif keep_runs and decision[0] == "navigation-run":
                decision = None
        if decision:
            remove[i] = decision
    return remove, keep


def _never_all(content: list[Line], remove: dict[int, Removal]) -> dict[int, Removal]:
    """Never empty a document: a decision to remove every line is no decision."""
    return {} if len(remove) == len(content) else remove


def inside(content: list[Line], i: int, main_script, in_body: bool) -> Removal | None:
    """A line of the body (or of a text without one): only listed lines, a repeated title and
    related-story lists go."""
    line = content[i]
    if line.listed is not None and line.listed.scope == ANY and short_enough(line):
        return line.listed.rule, tuning.PATTERN_CONFIDENCE
    if i > 0 and line.words <= tuning.DUPLICATE_MAX_WORDS and line.norm == content[i - 1].norm:
        return "duplicate-title", tuning.PATTERN_CONFIDENCE
    if in_body and line.words <= tuning.RELATED_ITEM_WORDS and under_related_heading(content, i):
        return "related-block", tuning.NAVIGATION_CONFIDENCE
    return None


def outside(line: Line, main_script, title, run: int) -> Removal:
    """A line outside the bodies, named by what it looks like; ``title``: the kept title's
    words when the line stands above it, ``run``: its run of short link-text lines."""
    if line.listed is not None:
        return line.listed.rule, tuning.PATTERN_CONFIDENCE
    if foreign(line, main_script):
        return "foreign-template-line", tuning.FOREIGN_CONFIDENCE
    if title is not None and line.norm == title:
        return "duplicate-title", tuning.PATTERN_CONFIDENCE
    if run >= tuning.NAVIGATION_RUN:
        return "navigation-run", tuning.NAVIGATION_CONFIDENCE
    return "outside-article", tuning.POSITION_CONFIDENCE


def foreign(line: Line, main_script) -> bool:
    """A short line with no letter in the document's script (a byline with an e-mail address
    is mostly Latin, but not foreign)."""
    if not main_script or line.words > tuning.FOREIGN_MAX_WORDS:
        return False
    text = line.text
    # Settled without naming the line's script: an ASCII line is Latin or has no script; a
    # line with a letter in the document's script is not foreign whatever most letters are.
    if (main_script == "LATIN" and text.isascii()) or uses_script(text, main_script):
        return False
    script = line_script(text)
    return script is not None and script != main_script


def similar_title(candidate: tuple[str, ...], reference: tuple[str, ...]) -> bool:
    """A heading that the page's first line (often the HTML title) repeats, maybe with a site name.

    >>> similar_title(("ketamine", "eases", "depression"), ("ketamine", "eases", "depression", "news", "site"))
    True
    >>> similar_title(("more", "news"), ("ketamine", "eases", "depression"))
    False
    """
    if not candidate or not reference:
        return False
    if candidate == reference:
        return True
    if len(candidate) < 3:
        return False
    return len(set(candidate) & set(reference)) >= tuning.TITLE_SHARED_WORDS * len(set(candidate))


def title_and_byline(content: list[Line], first: int, main_script) -> set[int]:
    """Indices of the title and the byline/dateline lines between it and the body."""
    reference = next((line.norm for line in content[:first] if line.listed is None and not foreign(line, main_script)), None)
    if reference is None:
        return set()
    title = None
    for i in range(first - 1, max(-1, first - 1 - tuning.TITLE_WINDOW), -1):
        line = content[i]
        if line.listed is not None or foreign(line, main_script):
            continue
        if line.prose and (line.words > 20 or line.text.rstrip().endswith(".")):
            continue
        if 2 <= line.words <= tuning.TITLE_MAX_WORDS and similar_title(line.norm, reference):
            title = i
            break
    if title is None:
        return set()
    keep = {title}
    for i in range(title + 1, first):
        line = content[i]
        if line.listed is None and (byline(line.text) or dateline(line.text)) and line.norm != content[i - 1].norm:
            keep.add(i)
    return keep

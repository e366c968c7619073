"""Which lines of a text are template lines of its site, and how sure that is."""

from __future__ import annotations

from functools import lru_cache

from .counting import RUN_SEPARATOR, SHORT_LINE_WORDS, line_key
from .fileformat import Site, TemplateSet, read_templates

MIN_CONFIDENCE = 0.6
MAX_CONFIDENCE = 0.95


def confidence(count: int, documents: int) -> float:
    """From the share of the site's documents the key was in: 0.6 for a rare one, 0.95 for one on
    every page.

    >>> confidence(10, 10), confidence(3, 10)
    (0.95, 0.7)
    """
    share = min(1.0, count / documents) if documents else 0.0
    return round(MIN_CONFIDENCE + (MAX_CONFIDENCE - MIN_CONFIDENCE) * share, 2)


@lru_cache(maxsize=8)
def load(paths: tuple[str, ...]) -> TemplateSet:
    """The template files ``paths`` read once per process (every worker reads them itself)."""
    templates = TemplateSet()
    for path in paths:
        templates.update(read_templates(path))
    return templates


def site_templates(templates: TemplateSet, site: str | None) -> list[Site]:
    """The sites whose templates apply: the named one if the file has it, else every site (a
    document whose site is not known, such as a JSONL record, is matched against them all)."""
    if site is not None and site in templates.sites:
        return [templates.sites[site]]
    return list(templates.sites.values())


def template_lines(sites: list[Site], texts: list[str]) -> dict[int, float]:
    """Index -> confidence of the ``texts`` (a document's non-blank lines, in order) that are
    template lines: their key is a learned line, or they and a neighbour form a learned run.

    >>> site = Site(10, {"share this": 9}, {"home | news": 4})
    >>> template_lines([site], ["Home", "News", "Share this", "Home sweet home is a film."])
    {0: 0.74, 1: 0.74, 2: 0.92}
    """
    keys = [line_key(text) for text in texts]
    found: dict[int, float] = {}
    for site in sites:
        for i, key in enumerate(keys):
            count = site.lines.get(key)
            if count:
                found[i] = max(found.get(i, 0.0), confidence(count, site.documents))
        if not site.runs:
            continue
        for i in range(len(keys) - 1):
            if len(keys[i].split()) > SHORT_LINE_WORDS or len(keys[i + 1].split()) > SHORT_LINE_WORDS:
                continue
            count = site.runs.get(keys[i] + RUN_SEPARATOR + keys[i + 1])
            if count:
                score = confidence(count, site.documents)
                for j in (i, i + 1):
                    found[j] = max(found.get(j, 0.0), score)
    return dict(sorted(found.items()))

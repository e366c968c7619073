"""Listed boilerplate lines: share prompts, comment prompts, credits, cookie notices ...

The expressions live in ``textfix/data/boilerplate-patterns.tsv`` so they can be read and
extended without touching code. Each names a rule and a scope (see the file's header).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import regex

DATA_FILE = "boilerplate-patterns.tsv"
ANY = "any"
EDGE = "edge"
# Bullets and arrows before a line, or brackets around all of it ("[ 167 comments ]",
# "» Related"), are decoration; a closing bracket alone is part of the text ("(Image: Getty)").
LEADING = regex.compile(r"^[\s•·»«>*#\-–—]+")
TRAILING = regex.compile(r"[\s•·»«<*#\-–—]+$")
ENCLOSED = regex.compile(r"^(?:\[\s*([^\[\]]*?)\s*\]|\(\s*([^()]*?)\s*\)|\|\s*([^|]*?)\s*\|)$")


@dataclass(frozen=True)
class Pattern:
    rule: str
    scope: str
    expression: regex.Pattern


@lru_cache(maxsize=1)
def load_patterns() -> tuple[Pattern, ...]:
    """The listed patterns, in file order (the first that matches names the line)."""
    source = resources.files("textfix").joinpath("data", DATA_FILE).read_text(encoding="utf-8")
    found = []
    for number, row in enumerate(source.splitlines(), 1):
        if not row.strip() or row.startswith("#"):
            continue
        rule, scope, expression = row.split("\t", 2)
        if scope not in (ANY, EDGE):
            raise ValueError(f"{DATA_FILE}:{number}: unknown scope {scope!r}")
        found.append(Pattern(rule, scope, regex.compile(expression, regex.IGNORECASE | regex.V0)))
    return tuple(found)


@lru_cache(maxsize=1 << 16)  # the pipeline reruns on mostly the same lines until nothing changes
def match_line(line: str) -> Pattern | None:
    """The first listed pattern the whole (stripped) line matches, or None.

    >>> match_line("Please follow and like us:").rule
    'share-prompt'
    >>> match_line("Home / Health / Ketamine can relieve depression").rule
    'breadcrumb'
    >>> match_line("[ 167 comments ]").rule
    'comment-prompt'
    >>> match_line("Protesters have worn masks (Image: GETTY )").rule
    'image-credit'
    >>> match_line("Share prices fell sharply on Monday.") is None
    True
    """
    stripped = TRAILING.sub("", LEADING.sub("", line))
    enclosed = ENCLOSED.fullmatch(stripped)
    if enclosed:
        stripped = next(group for group in enclosed.groups() if group is not None)
    if not stripped or len(stripped) > 400:
        return None
    for pattern in load_patterns():
        if pattern.expression.fullmatch(stripped):
            return pattern
    return None


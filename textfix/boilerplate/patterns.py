"""Listed boilerplate lines: share prompts, comment prompts, credits, cookie notices ...

The expressions live in ``textfix/data/boilerplate-patterns.tsv`` so they can be read and
extended without touching code. Each names a rule and a scope (see the file's header).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import regex

from ..text.sentences import REGEX_SPACE
from . import regex_syntax

DATA_FILE = "boilerplate-patterns.tsv"
ANY = "any"
EDGE = "edge"
# Bullets and arrows before a line, or brackets around all of it ("[ 167 comments ]",
# "» Related"), are decoration; a closing bracket alone is part of the text ("(Image: Getty)").
# White space is regex's ``\s`` (REGEX_SPACE), so str.lstrip / str.rstrip can take these off:
# quicker than a substitution that tries every position.
LEADING_DECORATION = REGEX_SPACE + "•·»«>*#-–—"
TRAILING_DECORATION = REGEX_SPACE + "•·»«<*#-–—"
LEADING = regex.compile(f"^[{regex.escape(LEADING_DECORATION)}]+")
TRAILING = regex.compile(f"[{regex.escape(TRAILING_DECORATION)}]+$")
ENCLOSED = regex.compile(r"^(?:\[\s*([^\[\]]*?)\s*\]|\(\s*([^()]*?)\s*\)|\|\s*([^|]*?)\s*\|)$")
# Patterns are tried only where they can match: a line's first characters must be able to start
# the expression, and a line must contain one of the strings the expression cannot match without.
PREFIX = 2
CASED_NON_ASCII = regex.compile(r"(?V1)[\p{Cased}--\p{ASCII}]")


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


def required_strings(expression: str) -> tuple[tuple[str, ...], ...]:
    """Sets of lower-cased strings such that every match of ``expression`` contains one string
    of each set, most selective first (at most ``MAX_SETS``); empty when none is known.

    Read from the expression's syntax (:mod:`.regex_syntax`; an expression it cannot read gets
    no pre-filter).

    >>> required_strings(r".{0,80}\\b(newsletters?|e-?mail address|inbox)\\b.{0,80}")
    (('inbox', 'mail address', 'newsletter'),)
    >>> required_strings(r".{0,80}\\b(join|follow) our\\b.{0,80}")
    ((' our',), ('follow', 'join'))
    >>> required_strings(r"(about|\\d+) us"), required_strings(r"(about|\\d+)\\W*")
    (((' us',),), ())
    """
    items = _syntax_tree(expression)
    if items is None:
        return ()
    found = sorted({frozenset(strings) for strings in _required_in(items)}, key=_selectivity)
    return tuple(tuple(sorted(strings)) for strings in found[:MAX_SETS])


def max_length(expression: str) -> int | None:
    """The longest text ``expression`` can match, or None when unbounded or unknown.

    >>> max_length(r"(share|print) this\\W{0,3}"), max_length(r"share\\W*") is None
    (13, True)
    """
    items = _syntax_tree(expression)
    return None if items is None else regex_syntax.width(items)


@lru_cache(maxsize=256)  # each listed expression is read for several properties
def _syntax_tree(expression: str):
    try:
        return regex_syntax.parse(expression)
    except regex_syntax.Unsupported:
        return None


def _selectivity(strings) -> tuple[int, int]:
    # Longer shortest string first, then fewer strings: " our" tests less than "follow"/"join".
    return -min(map(len, strings)), len(strings)


# A character class of at most this many plain characters ("[/›»>|]") is read as that many
# alternatives, and a run of literals through classes as at most this many strings.
CLASS_CHARACTERS = 8
MAX_STRINGS = 32
MAX_SETS = 3


def _required_in(sequence) -> list[set[str]]:
    """Sets of strings the sequence's every match contains one of (each set on its own)."""
    found: list[set[str]] = []

    def consider(candidates):
        if candidates and all(candidates):
            found.append(candidates)

    run = {""}  # consecutive literal characters (or small classes of them) are required strings
    for item in sequence:
        characters = _class_characters(item)
        if characters and len(run) * len(characters) <= MAX_STRINGS:
            run = {prefix + ch for prefix in run for ch in characters}
            continue
        if isinstance(item, regex_syntax.Empty):
            continue  # zero-width: the characters around it are still adjacent
        consider(run)
        run = {""}
        if isinstance(item, regex_syntax.Group):
            if len(item.alternatives) == 1:
                found.extend(_required_in(item.alternatives[0]))
                continue
            # Every alternative must bring a set: their union is then required.
            best = [min(_required_in(a), key=_selectivity, default=None) for a in item.alternatives]
            if all(best):
                consider(set().union(*best))
        elif isinstance(item, regex_syntax.Repeat) and item.low >= 1:
            found.extend(_required_in((item.item,)))
    consider(run)
    return found


def _class_characters(item) -> set[str] | None:
    """The lower-cased characters a small class of plain characters stands for, or None."""
    if not isinstance(item, regex_syntax.Char) or item.chars is None or len(item.chars) > CLASS_CHARACTERS:
        return None
    return {ch.lower() for ch in item.chars}


@lru_cache(maxsize=1)
def _required() -> tuple[tuple[tuple[str, ...], ...] | None, ...]:
    """Per listed pattern, the sets of strings of which a line must contain one each (None: no test).

    The test runs on lower-cased lines without cased letters outside ASCII; a string that such
    a line could match without containing it (a letter some non-ASCII letter folds to) is no test.
    """
    found = []
    for pattern in load_patterns():
        # An expression that must start with given words fails fast by itself; the test pays
        # for the ones that can start anywhere (".{0,300}(credit|photo)...").
        if pattern.expression.fullmatch("\0", partial=True) is None:
            found.append(None)
            continue
        # A string is a fair test only if matching it case-insensitively means containing it
        # lower-cased: none of its letters folds onto an ASCII one or folds apart from its lower case.
        sets = tuple(
            strings
            for strings in required_strings(pattern.expression.pattern)
            if not any(_folds_to_ascii(ch) or ch.casefold() != ch for string in strings for ch in string if not ch.isascii())
        )
        found.append(sets or None)
    return tuple(found)


@lru_cache(maxsize=1)
def _matchers() -> tuple:
    """Per listed pattern, its expression's ``fullmatch``."""
    return tuple(pattern.expression.fullmatch for pattern in load_patterns())


@lru_cache(maxsize=1)
def _lengths() -> tuple[int | None, ...]:
    """Per listed pattern, the longest line it can match (None: no limit known)."""
    return tuple(max_length(pattern.expression.pattern) for pattern in load_patterns())


def _folds_to_ascii(ch: str) -> bool:
    single = regex.compile(regex.escape(ch), regex.IGNORECASE | regex.V0)
    return any(single.fullmatch(chr(code)) for code in range(128))


@lru_cache(maxsize=None)  # a table with one row per character that starts a line
def _first_candidates(first: str) -> tuple[int, ...]:
    """Indices of the listed patterns that some line starting with character ``first`` could match."""
    return tuple(
        i for i, pattern in enumerate(load_patterns()) if pattern.expression.fullmatch(first, partial=True) is not None
    )


@lru_cache(maxsize=1 << 14)
def _candidates(prefix: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Indices of the listed patterns that some line starting with ``prefix`` could match: all
    of them, and those without required strings. Narrowed from those of its first character."""
    patterns, required, open_start = load_patterns(), _required(), _open_start()
    found = tuple(
        i
        for i in _first_candidates(prefix[:1])
        if open_start[i] or patterns[i].expression.fullmatch(prefix, partial=True) is not None
    )
    return found, tuple(i for i in found if required[i] is None)


@lru_cache(maxsize=1)
def _open_start() -> tuple[bool, ...]:
    """Per listed pattern: it starts with ``.{0,n}`` (n >= PREFIX), so any line's first
    characters can start a match and the partial test can be skipped."""
    found = []
    for pattern in load_patterns():
        items = _syntax_tree(pattern.expression.pattern)
        first = items[0] if items else None
        found.append(
            isinstance(first, regex_syntax.Repeat)
            and first.low == 0
            and (first.high is None or first.high >= PREFIX)
            and first.item == regex_syntax.Char(None, anything=True)
        )
    return tuple(found)


@lru_cache(maxsize=1)
def _required_finder():
    """An Aho-Corasick automaton that finds every required string in a line in one pass, and
    per pattern its required sets as sets of the automaton's string numbers."""
    import ahocorasick

    strings = sorted({string for sets in _required() if sets for group in sets for string in group})
    finder = ahocorasick.Automaton()
    for number, string in enumerate(strings):
        finder.add_word(string, number)
    finder.make_automaton()
    numbered = {string: number for number, string in enumerate(strings)}
    sets = tuple(
        None if groups is None else tuple(frozenset(numbered[string] for string in group) for group in groups)
        for groups in _required()
    )
    return finder, sets


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
    stripped = line.lstrip(LEADING_DECORATION).rstrip(TRAILING_DECORATION)
    enclosed = ENCLOSED.fullmatch(stripped) if stripped[:1] in ("[", "(", "|") else None
    if enclosed:
        stripped = next(group for group in enclosed.groups() if group is not None)
    if not stripped or len(stripped) > 400:
        return None
    patterns, lengths, matchers = load_patterns(), _lengths(), _matchers()
    every, unconditional = _candidates(stripped[:PREFIX])
    lowered = stripped.lower()
    # Lower-casing stands in for case-insensitive matching where every letter lower-cases to
    # what it folds to (the long s folds to "s" but stays "ſ"; final sigma folds to "σ"); a line
    # with another letter gets every pattern.
    if not stripped.isascii() and CASED_NON_ASCII.search(stripped) and lowered != stripped.casefold():
        return next((patterns[i] for i in every if matchers[i](stripped)), None)
    finder, required = _required_finder()
    size = len(stripped)
    found = finder.iter(lowered)
    first = next(found, None)
    if first is None:  # no required string: only the patterns that need none can match (most lines)
        for i in unconditional:
            longest = lengths[i]
            if (longest is None or size <= longest) and matchers[i](stripped):
                return patterns[i]
        return None
    present = {first[1], *(number for _, number in found)}
    for i in every:
        longest = lengths[i]
        if longest is not None and size > longest:
            continue
        groups = required[i]
        if groups is not None:
            missing = False
            for group in groups:  # one string of each group must be in the line
                if present.isdisjoint(group):
                    missing = True
                    break
            if missing:
                continue
        if matchers[i](stripped):
            return patterns[i]
    return None


def preload() -> None:
    """Compile the listed patterns and build their look-up tables now (see ``Cleaner.preload``)."""
    _required_finder(), _matchers(), _lengths(), _open_start()

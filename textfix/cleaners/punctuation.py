"""Punctuation: spaces scrapers and spinners put inside contractions, quotes and before stops.

Quote style is the document's: straight quotes stay straight, curly stay curly. The spacing of
``!``, ``?``, ``:`` and ``;`` is never touched, so French typography (« Oui ! ») is safe without
knowing the language. Opening and closing quotes are told apart by their shape where they are
curly, and by what stands on either side of them otherwise.
"""

from __future__ import annotations

import re

import regex

from ..cleaner import Cleaner
from ..edits import UNSAFE, Edit
from ..text.quotes import acute_marks, apostrophe_style, in_style, off_style_apostrophes
from ..text.sentences import capitalises_sentences
from ._lines import line_bounds

# What follows the apostrophe of a contraction or a possessive: it's, don't, they're, we'll...
CONTRACTION_ENDINGS = r"(?:s|t|re|ll|ve|d|m)"
CONTRACTION_SUFFIX = CONTRACTION_ENDINGS + r"(?![\p{L}\p{N}\-])"
# Patterns start on the rare character (quote, stop, dash) and look back from there: the regex
# engine then skips ahead to that character instead of trying a lookbehind at every position.
#
# ``Organization’ s``, ``ketamine ’ s``, ``didn' t``. A straight apostrophe with spaces on both
# sides (``it ' s``) may as well be a quote mark, so there the contraction must go on with a word.
CONTRACTION_SPACE = regex.compile(
    r"(?:’(?<=\p{L}(?P<before>[ ]*)’)(?P<after>[ ]*)(?=" + CONTRACTION_SUFFIX + ")"
    r"|'(?<=\p{L}')(?P<after>[ ]+)(?=" + CONTRACTION_SUFFIX + ")"
    r"|'(?<=\p{L}(?P<before>[ ]+)')(?P<after>[ ]+)(?=" + CONTRACTION_ENDINGS + r"[ ]+\p{L}))"
)
# ``clients ’ depressive``: a plural possessive apostrophe pushed off its word.
POSSESSIVE_SPACE = regex.compile(r"’(?<=\p{L}[sSzZxX](?P<space>[ ]+)’)(?=[ ]+\p{L})")
# An opening curly quote followed by spaces: ``“ One`` -> ``“One``.
OPENING_SPACE = regex.compile(r"[“‘](?<=(?:^|[\s(\[–—])[“‘])(?P<space>[ ]+)(?=[\p{L}\p{N}])", regex.M)
# A closing curly quote after spaces: ``paper, ”`` -> ``paper,”``; a closing ’ only after a stop
# (after a letter it may be an apostrophe, see above).
CLOSING_SPACE = regex.compile(
    r"(?:”(?<=\S(?P<space>[ ]+)”)|’(?<=[.,!?](?P<space>[ ]+)’))(?=[\s.,;:!?)\]”’\"]|$)", regex.M
)
# ``ketamine .`` -> ``ketamine.``: only ``.`` and ``,``, only after a word of two letters or
# more, a digit or a closing bracket or quote, and only when the stop ends the word: ``3 .5``,
# ``example .com``, ``a . b`` and ``wait ...`` stay.
SPACE_BEFORE_STOP = regex.compile(
    r"[.,](?<=(?:\p{L}\p{L}|\p{N}|[)\]”’\"%])(?P<space>[ ]+)[.,])(?=[\s”’\")\]]|$)", regex.M
)
# A full stop between two lower-case words where the second goes on a sentence rather than
# starting one: ``partially effective. by activation``. The first word is a whole word of three
# letters or more (``U.S. by``, ``e.g. by``, ``no. of`` never qualify), the second a preposition
# or relative word that joins a phrase to what came before; prose starts a sentence with a
# capital, so a lower-case one there means the stop is stray.
STRAY_STOP = regex.compile(
    r"\.(?<=(?<![\p{L}\p{N}.@/_\-])(?P<word>\p{Ll}{3,})\.)(?P<space>[ ])"
    r"(?=(?:by|of|with|from|than|whose|whom|which|into|onto|upon|via|within|without|through|throughout"
    r"|among|between|against|towards|toward|during|including)[ ]\p{L})"
)
# Abbreviations that are also words in the word list: ``10 min. from``, ``approx. by``.
ABBREVIATIONS = frozenset("approx est etc fig figs incl max min misc ref refs sec temp vol".split())
# Two or more double quote marks in a row (``“”Ketamine``, ``receptors.””``) are one quote.
QUOTE_RUN = regex.compile(r"[“”\"]{2,}")
# An opening quote right after a closing one, before a lower-case word: ``,” “states``.
REOPENED = regex.compile(r"“(?<=”[ ]+“)(?=\p{Ll})")
DOUBLE_QUOTES = regex.compile(r"[“”\"]+")
# A straight double quote with a space on both sides: its role comes from its place in the line.
SPACED_STRAIGHT_QUOTE = regex.compile(
    r'(?<=\S)[ ]+"[ ]+(?=\S)|(?<=^|[ ])"[ ]+(?=\S)|(?<=\S)[ ]+"(?=[ ]|$|[.,;:!?)])', regex.M
)
# A dash between two words, with the spaces on either side of it.
DASH_BETWEEN_WORDS = regex.compile(r"[–—](?<=\p{L}(?P<before>[ ]*)[–—])(?P<after>[ ]*)(?=\p{L})")
STRAIGHT_QUOTE = re.compile('"')

# Cheap tests that prove a rule has nothing to do: most texts, and every text the pipeline
# checks a second time, have nothing for most rules. Each test starts on one literal character,
# which the regex engine skips to about as fast as str.find (a class of several characters
# costs a check at every position).
SPACE_AFTER = {ch: re.compile(f"{ch}(?= )") for ch in "“‘”"}
SPACE_BEFORE = {ch: re.compile(f"{re.escape(ch)}(?<= {re.escape(ch)})") for ch in "’”.,"}
SPACES_AROUND_APOSTROPHE = re.compile("’(?<= ’)(?= )")
# An apostrophe with spaces before or after it and a contraction ending after them.
SPACED_CURLY_APOSTROPHE = re.compile(r"’(?:(?<= ’) *| +)(?:[stdm]|re|ll|ve)")
SPACED_STRAIGHT_APOSTROPHE = re.compile(r"' +(?:[stdm]|re|ll|ve)")
QUOTE_PAIR = [re.compile(f"{ch}[“”\"]") for ch in "“”\""]  # two double quotes in a row
# What each branch of SPACED_STRAIGHT_QUOTE needs: a quote after a space and before a space, a
# stop or the line end, or a quote at the start of a line before a space.
STRAIGHT_QUOTE_GAP = re.compile(r'"(?:(?<= ")(?=[ .,;:!?)]|$)|(?<=^")(?= ))', re.MULTILINE)
# A dash with a space on one side and a letter on the other (``\w`` is wider than ``\p{L}``).
ONE_SIDED_DASH = [re.compile(f"{dash}(?:(?<=\\w{dash})[ ]|(?<=[ ]{dash})\\w)") for dash in "–—"]


def _found(text: str, *screens) -> bool:
    """Whether any of the ``screens`` finds something in ``text``.

    >>> _found("“ One”", SPACE_AFTER["“"], SPACE_BEFORE["”"]), _found("“One”", SPACE_AFTER["“"])
    (True, False)
    """
    return any(screen.search(text) for screen in screens)


def contraction_space(text: str):
    """Spaces around the apostrophe of a contraction or possessive ``'s``.

    >>> [e.start for e in contraction_space("didn’ t, ketamine ’ s, it' s, rock ’n’ roll, the ’90s")]
    [4, 17, 25]
    >>> [e.start for e in contraction_space("it ' s here, but the letters ' s ' and ' t '")]
    [2]
    """
    # Only a match with a space in it makes an edit.
    if not _found(text, SPACED_CURLY_APOSTROPHE, SPACED_STRAIGHT_APOSTROPHE):
        return
    for m in CONTRACTION_SPACE.finditer(text):
        if m["before"] or m["after"]:
            start = m.start("before") if m["before"] else m.start()
            apostrophe = text[m.start()]
            yield Edit(start, m.end(), apostrophe, "contraction-space", "join a contraction split by spaces")


def possessive_space(text: str):
    """A plural possessive apostrophe with a space before it.

    >>> [e.replacement for e in possessive_space("the clients ’ depressive signs")]
    ['’']
    """
    if not SPACES_AROUND_APOSTROPHE.search(text):
        return
    for m in POSSESSIVE_SPACE.finditer(text):
        yield Edit(m.start("space"), m.end(), "’", "possessive-space", "glue a plural possessive apostrophe to its word")


def quote_spacing(text: str):
    """Spaces inside curly quotes: after an opening one, before a closing one.

    Where the text has German-style low quotes („so“), “ and ‘ close rather than open, so only
    the closing rule applies.

    >>> [(e.start, e.end) for e in quote_spacing("“ One thing, ” he said.")]
    [(1, 2), (12, 13)]
    >>> list(quote_spacing("„Wort “ sagte er"))
    []
    """
    low_quotes = "„" in text or "‚" in text
    spaced_opening = _found(text, SPACE_AFTER["“"], SPACE_AFTER["‘"])
    openings = OPENING_SPACE.finditer(text) if spaced_opening and not low_quotes else ()
    for m in openings:
        yield Edit(m.start("space"), m.end("space"), "", "quote-space", "remove the space after an opening quote")
    closings = CLOSING_SPACE.finditer(text) if _found(text, SPACE_BEFORE["”"], SPACE_BEFORE["’"]) else ()
    for m in closings:
        yield Edit(m.start("space"), m.end("space"), "", "quote-space", "remove the space before a closing quote")


def space_before_stop(text: str):
    """A space before a full stop or comma that ends a word.

    >>> [e.start for e in space_before_stop("in centers . Then 3 .5 and example .com, wait ...")]
    [10]
    """
    if not _found(text, SPACE_BEFORE["."], SPACE_BEFORE[","]):
        return
    for m in SPACE_BEFORE_STOP.finditer(text):
        yield Edit(m.start("space"), m.end("space"), "", "space-before-stop", "remove the space before a full stop or comma")


def stray_full_stops(text: str):
    """A full stop that splits a sentence before a lower-case preposition, in prose that
    capitalises its sentences.

    >>> prose = "It works. It is cheap. It helps. We know. We tried. So do they. Ask them. " * 2
    >>> [e.start for e in stray_full_stops(prose + "It is effective. by activation of receptors.")]
    [163]
    >>> list(stray_full_stops(prose + "In the U.S. by law, e.g. by mail, 10 min. from here, the no. of cases."))
    []
    """
    if ". " not in text:
        return
    candidates = list(STRAY_STOP.finditer(text))
    if not candidates or not capitalises_sentences(text, stray=len(candidates)):
        return
    from .numbers import english_words

    words = english_words()
    for m in candidates:
        word = m["word"]
        before = text[: m.start("word")].rstrip(" ")
        if word in ABBREVIATIONS or word not in words or before[-1:].isdigit():
            continue  # an abbreviation, or a unit after a number (``5 min. by car``)
        yield Edit(m.start(), m.start("space"), "", "stray-full-stop", f"remove a full stop inside a sentence ({word}. {text[m.end():m.end() + 12].split(' ')[0]})", confidence=0.8)


def _quote_role(text: str, start: int, end: int) -> str | None:
    """``open`` or ``close`` from the characters on either side of ``text[start:end]``.

    A quote opens before a word, after a space or an opening bracket or dash; it closes after a
    word or a stop, before a space or a stop. Anything else (``print("")``) has no role.
    """
    before = text[start - 1] if start else "\n"
    after = text[end] if end < len(text) else "\n"
    if (before.isspace() or before in "([–—") and (after.isalnum() or after in "‘'"):
        return "open"
    if (before.isalnum() or before in ".,;:!?…’'") and (after.isspace() or after in ".,;:!?)]"):
        return "close"
    return None


def doubled_quotes(text: str):
    """Two or more double quotes in a row become the one quote their place calls for.

    >>> [e.replacement for e in doubled_quotes('said “”It did. And so.”” Then x = "" ok')]
    ['“', '”']
    """
    if not _found(text, *QUOTE_PAIR):
        return
    for m in QUOTE_RUN.finditer(text):
        role = _quote_role(text, m.start(), m.end())
        if role is None:
            continue
        if '"' in m.group() and not ("“" in m.group() or "”" in m.group()):
            mark = '"'
        else:
            mark = "“" if role == "open" else "”"
        yield Edit(m.start(), m.end(), mark, "doubled-quote", f"one {role}ing quote for {m.group()!r}")


def straight_quote_spacing(text: str):
    """Spaces inside straight double quotes, where pairing the quotes of the line tells which opens.

    Quotes pair up in order within a line (odd ones open, even ones close); a line with an odd
    number of them, or with a quote right after a digit (5' 11"), is left alone.

    >>> [(e.start, e.end) for e in straight_quote_spacing('He said " hello " and " bye ".')]
    [(9, 10), (15, 16), (23, 24), (27, 28)]
    >>> list(straight_quote_spacing('a 12" pizza and " more'))
    []
    """
    pos = 0
    while True:
        gap = STRAIGHT_QUOTE_GAP.search(text, pos)  # a line without one has nothing to fix
        if gap is None:
            return
        start, end = line_bounds(text, gap.start())
        pos = end + 1
        line = text[start:end]
        quotes = [m.start() for m in STRAIGHT_QUOTE.finditer(line)]
        if len(quotes) % 2 or any(i and line[i - 1].isdigit() for i in quotes):
            continue
        opening = set(quotes[0::2])
        for m in SPACED_STRAIGHT_QUOTE.finditer(line):
            at = m.start() + m.group().index('"')
            if at in opening:
                if m.end() > at + 1:  # a space after the opening quote (a space before it stays)
                    yield Edit(start + at + 1, start + m.end(), "", "quote-space",
                               "remove the space after an opening quote")
            elif m.start() < at:
                yield Edit(start + m.start(), start + at, "", "quote-space", "remove the space before a closing quote")


def reopened_quotes(text: str):
    """An opening quote right after a closing one that nothing closes before the next opening.

    ``“A,” “states B. “C.”`` has one opening quote too many: the one before ``states``. A list
    of quoted words (``“yes,” “no,” and``) keeps its quotes, since each one is closed.

    >>> [e.start for e in reopened_quotes('“Yes,” “states B. “More.”')]
    [7]
    >>> list(reopened_quotes('“Yes,” “no,” and “maybe.”'))
    []
    """
    if not SPACE_AFTER["”"].search(text):
        return
    line_end = -1
    for m in REOPENED.finditer(text):
        if m.start() > line_end:  # one look for the line's end per line, not per match
            line_end = line_bounds(text, m.start())[1]
        # The search stops at the next quote mark, so the text between two matches is read once.
        following = DOUBLE_QUOTES.search(text, m.end(), line_end)
        if following and following.group().startswith("“"):
            yield Edit(m.start(), m.end(), "", "stray-quote", "remove an opening quote that is never closed")


def _dash_styles(dashes: list) -> dict[str, str]:
    """Per dash, ``spaced`` or ``glued``: what the document mostly does between two words.

    With no majority an en dash is spaced (``a – b``) and an em dash glued (``a—b``), the
    common newspaper and book styles.
    """
    spaced = {"–": 0, "—": 0}
    glued = {"–": 0, "—": 0}
    for m in dashes:
        if m["before"] and m["after"]:
            spaced[m.group(0)[0]] += 1
        elif not m["before"] and not m["after"]:
            glued[m.group(0)[0]] += 1
    return {
        "–": "glued" if glued["–"] > spaced["–"] else "spaced",
        "—": "spaced" if spaced["—"] > glued["—"] else "glued",
    }


def dash_spacing(text: str):
    """A dash between words spaced on one side only takes the document's style for that dash.

    >>> [e.replacement for e in dash_spacing("anxiety– like it – and")]
    [' – ']
    >>> list(dash_spacing("pages 10– 12"))
    []
    """
    if not _found(text, *ONE_SIDED_DASH):
        return
    dashes = list(DASH_BETWEEN_WORDS.finditer(text))
    one_sided = [m for m in dashes if bool(m["before"]) != bool(m["after"])]
    if not one_sided:
        return
    styles = _dash_styles(dashes)
    for m in one_sided:
        dash = m.group(0)[0]
        start = m.start("before") if m["before"] else m.start()
        replacement = f" {dash} " if styles[dash] == "spaced" else dash
        yield Edit(start, m.end(), replacement, "dash-spacing", f"{styles[dash]} {dash} as elsewhere in the text")


FIXERS = (
    contraction_space, possessive_space, quote_spacing, reopened_quotes, space_before_stop,
    doubled_quotes, straight_quote_spacing, dash_spacing, stray_full_stops,
)


def apostrophe_style_edits(text: str, style: str | None):
    """Apostrophes between letters in the shape the rest of the document does not use.

    The writer put them there, and code or a quoted source may keep its own, so these are
    suggestions (applied with ``unsafe``); apostrophes a cleaner writes take the style anyway.

    >>> [(e.replacement, e.safety) for e in apostrophe_style_edits("it’s, didn’t, can't", "’")]
    [('’', 'unsafe')]
    """
    for start, end in off_style_apostrophes(text, style):
        yield Edit(
            start, end, style, "apostrophe-style", f"{style} as in the rest of the text", safety=UNSAFE, confidence=0.9
        )


def acute_accent_quotes(text: str, style: str | None):
    """An acute accent typed for an apostrophe or single quote becomes one, in the document's style.

    >>> [e.replacement for e in acute_accent_quotes("you´ll see ´funny´ ones", None)]
    ["'", "'", "'"]
    """
    for start, end, mark in acute_marks(text, style):
        yield Edit(start, end, mark, "acute-as-quote", f"{mark!r} for an acute accent used as a quote mark")


# The rules whose replacement is an apostrophe they write, which then takes the document's style.
WRITES_APOSTROPHE = ("contraction-space", "possessive-space")


class PunctuationCleaner(Cleaner):
    code = "punctuation"
    summary = "Spaces inside contractions and quotes, before stops, one-sided dashes, doubled quotes."
    stage = 50
    rules = {
        "contraction-space": "spaces around the apostrophe of a contraction (didn’ t, ketamine ’ s)",
        "possessive-space": "a space before a plural possessive apostrophe (clients ’ signs)",
        "quote-space": "a space after an opening or before a closing curly quote",
        "space-before-stop": "a space before a full stop or comma (centers .)",
        "doubled-quote": "two or more double quotes in a row (“”Ketamine)",
        "stray-quote": "an opening quote right after a closing one that is never closed",
        "dash-spacing": "a dash between words spaced on one side only (anxiety– like)",
        "stray-full-stop": "a full stop splitting a sentence before a lower-case preposition (effective. by)",
        "acute-as-quote": "an acute accent typed for an apostrophe or single quote (you´ll, ´word´)",
        "apostrophe-style": "an apostrophe in the shape the rest of the document does not use (it's among it’s)",
    }

    def find_edits(self, text, doc):
        edits: list[Edit] = []
        for fixer in FIXERS:
            edits.extend(fixer(text))
        # The style is measured on the text this round sees, not on the original: the output
        # is then a text whose own style asks for nothing more, so a second run changes nothing.
        style = apostrophe_style(text)
        edits.extend(acute_accent_quotes(text, style))
        if style:
            edits = [
                e._replace(replacement=in_style(e.replacement, style)) if e.rule in WRITES_APOSTROPHE else e
                for e in edits
            ]
            edits.extend(apostrophe_style_edits(text, style))
        return edits

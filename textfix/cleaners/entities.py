"""HTML entities: well-formed ones a scraper forgot to decode, and the debris of broken ones.

Scrapers leave ``&#39;``, double-escape it (``&amp;#39;``), drop its semicolon (``&#8217``) or
break it with spaces (``&#x 27;``), and often keep the apostrophe the entity stood for as well
(``we'&#x 27; ll``). An ampersand that is text (AT&T, Q&A, ``?a=1&b=2``) never matches: every
pattern needs ``&`` followed by ``#`` or by a known entity name.
"""

from __future__ import annotations

import html
import re
import unicodedata
from html.entities import html5

import regex

from ..cleaner import Cleaner
from ..edits import Edit
from ..text.quotes import apostrophe_style, in_style
from .punctuation import CONTRACTION_SUFFIX

# ``&amp;`` layers in front of an entity mean it was escaped more than once.
_AMPS = r"&(?:amp;)*"
# The same, taken possessively, for patterns where what follows the layers can never start
# with ``amp;`` (a ``#``, a space, another name): giving a layer back never helps there, and
# trying to takes time quadratic in the layers.
_ALL_AMPS = r"&(?:amp;)*+"
# Leading zeros do not count towards a number's length (``&#0000065;`` is ``A``).
WELL_FORMED = regex.compile(_AMPS + r"(?:#[xX]0*[0-9a-fA-F]{1,6}|#0*[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});")
# A numeric entity with a space inside (``&#x 27;``, ``& #39;``) needs its semicolon to count;
# without a space the semicolon may be missing, as HTML5 parsers also accept (``&#8217``).
# The first branch also matches well-formed entities; malformed_entities() skips those.
MALFORMED_NUMERIC = regex.compile(
    _ALL_AMPS
    + r"(?:[ ]?\#[ ]?(?:[xX][ ]?[0-9a-fA-F]{1,6}|[0-9]{1,7})[ ]?;"
    r"|\#(?:[xX][0-9a-fA-F]{2,6}(?![0-9a-fA-F;])|[0-9]{2,7}(?![0-9;])))"
)
# Named entities without a semicolon are decoded only for a few common names and only before
# a space or the end of the text: ``&copy=1`` in a URL query and ``&ampersand`` stay.
# The name ends before a space, never before a layer's ``;``.
BARE_NAMED = regex.compile(_ALL_AMPS + r"(amp|lt|gt|quot|nbsp|copy|reg)(?=[ \t\r\n]|\Z)")
# The other names HTML also accepts without a semicolon (``&eacute``, ``&Ntilde``, ``&frac12``),
# when the name ends the word: before white space, a stop or a closing bracket, or at the end.
# ``&notit`` and ``&noti;`` run on into a longer name, so they are text. All-capital names
# (``&ETH``, ``&REG``) spell acronyms too (``BTC&ETH``), so they count only after a non-letter.
LEGACY_NAMES = sorted(
    (name for name in html5 if not name.endswith(";") and name not in {"amp", "lt", "gt", "quot", "nbsp", "copy", "reg"}),
    key=len, reverse=True,
)
LEGACY_NAMED = regex.compile(
    r"&(?P<name>" + "|".join(LEGACY_NAMES) + r")(?=[\s.,!?)\]]|\Z)"
)
# An apostrophe entity inside a contraction, with the spaces and the duplicate apostrophe
# scrapers leave around it: ``it &#x 27; s``, ``we'&#x 27; ll``, ``doesn&amp;#39;t``.
_APOSTROPHE_ENTITY = (
    _ALL_AMPS + r"(?:[ ]?\#[ ]?(?:[xX][ ]?0*(?:27|2019)|0*(?:39|8217))[ ]?;?|(?:apos|rsquo);)"
)
CONTRACTION = regex.compile(
    r"(?<=\p{L})(?P<before>[ ]?['\u2019]?[ ]?)(?P<entity>" + _APOSTROPHE_ENTITY + r")"
    r"(?P<after>[ ]?)(?=" + CONTRACTION_SUFFIX + ")"
)
SPACES = regex.compile(r"[ ]+")
AMP_LAYERS = re.compile(r"&(?:amp;)+")
# How every pattern above goes on after its ``&``: a cheap test that proves a text has no
# entity (``Q & A`` and a lone ``&`` have none).
ENTITY_START = re.compile(r"&(?:[ ]?#|[A-Za-z])")


def _without_amp_layers(entity: str) -> str:
    """``entity`` without the ``amp;`` layers after its ``&``, in one cut however many there are;
    ``&amp;`` itself (all layers, nothing after) keeps one.

    >>> _without_amp_layers("&amp;amp;#39;"), _without_amp_layers("&amp;amp;"), _without_amp_layers("&#39;")
    ('&#39;', '&amp;', '&#39;')
    """
    layers = AMP_LAYERS.match(entity)
    if layers is None:
        return entity
    rest = entity[layers.end() :]
    return "&" + rest if rest else "&amp;"


def decode_entity(entity: str) -> str | None:
    """The character(s) an entity stands for, or None when it is not a usable entity.

    Spaces, missing semicolons and ``&amp;`` layers are forgiven; control characters (other
    than tab and newline), surrogates and unknown names are refused.

    >>> decode_entity("&amp;#x 27;"), decode_entity("&rsquo;"), decode_entity("&#8217")
    ("'", '’', '’')
    >>> decode_entity("&bogus;") is None, decode_entity("&#0;") is None
    (True, True)
    """
    core = _without_amp_layers(SPACES.sub("", entity))
    if core.startswith("&#"):
        body = core[2:].rstrip(";")
        try:
            code = int(body[1:], 16) if body[:1] in "xX" else int(body)
        except ValueError:
            return None
        if code == 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
            return None
        decoded = html.unescape("&#%d;" % code)  # maps &#146; etc. to what browsers show
        if not decoded:
            return None  # a control or noncharacter code html drops: keep the visible reference
    else:
        name = core[1:]
        if not name.endswith(";"):
            name += ";"
        decoded = html5.get(name)
        if decoded is None:
            return None
    if any(unicodedata.category(ch) == "Cc" and ch not in "\t\n" for ch in decoded):
        return None
    return decoded


def contraction_entities(text: str):
    """An apostrophe entity in a contraction, plus the spaces and stray apostrophe around it.

    >>> [e.replacement for e in contraction_entities("it &#x 27; s and we'&#x 27; ll")]
    ["'", "'"]
    """
    for m in CONTRACTION.finditer(text):
        apostrophe = decode_entity(m["entity"])
        if apostrophe is None:
            continue
        yield Edit(
            m.start(), m.end(), apostrophe, "entity-apostrophe",
            f"decode {m['entity']!r} inside a contraction and drop the debris around it",
        )


def well_formed_entities(text: str):
    """``&#39;``, ``&#x2019;``, ``&eacute;``; ``&amp;#39;`` (escaped twice) decodes fully.

    >>> [(e.replacement, e.rule) for e in well_formed_entities("a &eacute; b &amp;#39; c &bogus;")]
    [('é', 'html-entity'), ("'", 'double-escaped-entity')]
    """
    for m in WELL_FORMED.finditer(text):
        decoded = decode_entity(m.group())
        if decoded is None:
            if m.group().startswith("&amp;"):  # &amp;bogus; -> &bogus;, which then stays
                yield Edit(m.start(), m.start() + 5, "&", "html-entity", "decode '&amp;'")
            continue
        twice = m.group().startswith("&amp;") and len(m.group()) > 5
        rule = "double-escaped-entity" if twice else "html-entity"
        yield Edit(m.start(), m.end(), decoded, rule, f"decode {m.group()!r}")


def malformed_entities(text: str):
    """Numeric entities broken by spaces or missing their semicolon.

    >>> [e.replacement for e in malformed_entities("x &#x 27; y & #39; z &#8217s")]
    ["'", "'", '’']
    """
    for m in MALFORMED_NUMERIC.finditer(text):
        if " " not in m.group() and m.group().endswith(";"):
            continue  # well-formed: well_formed_entities() has it
        decoded = decode_entity(m.group())
        if decoded is None:
            continue
        yield Edit(m.start(), m.end(), decoded, "malformed-entity", f"decode broken entity {m.group()!r}")


def bare_named_entities(text: str):
    """``&amp`` and a few other common names without their semicolon, before a space.

    >>> [e.replacement for e in bare_named_entities("Q&A, AT&T, fish &amp chips, ?a=1&copy=2")]
    ['&']
    """
    for m in BARE_NAMED.finditer(text):
        decoded = decode_entity(m.group())
        if decoded is None:
            continue
        yield Edit(
            m.start(), m.end(), decoded, "entity-without-semicolon", f"decode {m.group()!r} (no semicolon)"
        )


def legacy_named_entities(text: str):
    """The other names HTML accepts without a semicolon, where the name ends the word.

    >>> [e.replacement for e in legacy_named_entities("caf&eacute and &frac12, I'm &notit, BTC&ETH, &ETH")]
    ['é', '½', 'Ð']
    """
    for m in LEGACY_NAMED.finditer(text):
        name = m["name"]
        if name.isupper() and m.start() and text[m.start() - 1].isalnum():
            continue
        yield Edit(
            m.start(), m.end(), html5[name], "entity-without-semicolon", f"decode {m.group()!r} (no semicolon)"
        )


def apostrophe_in_style(edit: Edit, text: str, style: str | None) -> Edit:
    """An edit that writes an apostrophe, with the document's apostrophe ``style``.

    A decoded ``'`` or ``’`` counts as an apostrophe in a contraction, or between two letters;
    elsewhere it may be a quote mark and keeps its shape.

    >>> text = "it&#39;s &#39;so&#39;"
    >>> [apostrophe_in_style(e, text, "’").replacement for e in well_formed_entities(text)]
    ['’', "'", "'"]
    """
    if edit.replacement not in ("'", "’"):
        return edit
    between_letters = 0 < edit.start and edit.end < len(text) and text[edit.start - 1].isalpha() and text[edit.end].isalpha()
    if edit.rule != "entity-apostrophe" and not between_letters:
        return edit
    return edit._replace(replacement=in_style(edit.replacement, style))


# Earlier fixers win where spans overlap: the contraction rule covers its entity and debris.
FIXERS = (contraction_entities, well_formed_entities, malformed_entities, bare_named_entities, legacy_named_entities)


class EntitiesCleaner(Cleaner):
    code = "entities"
    summary = "Undecoded, double-escaped and broken HTML entities, and the debris around them."
    stage = 20
    rules = {
        "html-entity": "a well-formed HTML entity left undecoded (&#39;, &eacute;)",
        "double-escaped-entity": "an entity escaped twice (&amp;#39;)",
        "malformed-entity": "a numeric entity broken by spaces or missing its semicolon (&#x 27;, &#8217)",
        "entity-without-semicolon": "a common named entity without its semicolon before a space (&amp )",
        "entity-apostrophe": "an apostrophe entity in a contraction with spaces or a duplicate apostrophe",
    }

    def find_edits(self, text, doc):
        if not ENTITY_START.search(text):
            return []
        edits: list[Edit] = []
        taken_until = -1
        candidates = sorted(
            ((e.start, rank, e) for rank, fixer in enumerate(FIXERS) for e in fixer(text)),
            key=lambda item: item[:2],
        )
        for _, _, edit in candidates:
            if edit.start >= taken_until:
                edits.append(edit)
                taken_until = edit.end
        style = apostrophe_style(text)  # of this text, as in the punctuation cleaner
        return [apostrophe_in_style(edit, text, style) for edit in edits] if style else edits


"""Encoding: mojibake (``doesnÃ¢â‚¬â„¢t``), C1 controls and terminal escapes, through ftfy.

ftfy runs only on lines that show signs of trouble, with everything but its encoding repair
switched off: curly quotes stay curly, no Unicode normalization, no width or ligature changes,
no HTML unescaping (the entities cleaner does that) and no line-break changes. Each repaired
line is compared with the original character by character so every edit covers only what
changed.
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache

import regex

from ..cleaner import Cleaner
from ..edits import Edit
from ._lines import line_bounds

# What ftfy's remove_terminal_escapes and fix_surrogates act on. Other control characters are
# left alone, as ftfy's own fix_encoding does (its test cases expect U+001A to stay).
_ESCAPES = r"\x1b\ud800-\udfff"
# Characters that mojibake is made of: Latin-1 and Windows-1252 letters and symbols, box and
# math symbols from DOS and Mac code pages, Greek and Cyrillic from their 8-bit code pages, and
# the replacement character. A line without any of them cannot be mojibake, so ftfy's own
# (costlier) badness check runs only on lines that have one.
_MATERIAL = (
    r"\x80-\xff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u0391-\u03c9"
    r"\u0401-\u045f\u0490\u0491\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2116\u2122"
    r"\u2219-\u221e\u2248\u2260\u2264\u2265\u2500-\u25a0\ufffd"
)
CONTROLS = regex.compile(f"[{_ESCAPES}]")
C1_CONTROLS = regex.compile(r"[\x80-\x9f]")
MOJIBAKE_MATERIAL = regex.compile(f"[{_MATERIAL}]")
TRIGGER = regex.compile(f"[{_ESCAPES}{_MATERIAL}]")  # any reason at all to look at a line

# The ftfy badness heuristic that badness_screen() was worked out from: the sha256 of
# ftfy.badness.BADNESS_RE.pattern in ftfy 6.3.1, and that version's character categories
# (ftfy.badness.MOJIBAKE_CATEGORIES, Apache License 2.0) the screen is built from. They are kept
# here so that building the screen does not import ftfy, which costs more than cleaning a short
# article: most pages have no line the screen lets through, and then never need ftfy at all.
# The screen is only as good as that derivation, so with any other ftfy every line with a
# TRIGGER character goes to ftfy (tests/test_encoding.py checks the data against ftfy's own).
SCREENED_FTFY = "6.3.1"
SCREENED_BADNESS = "9dcc0f2ac90d9ae3c85eb7b9b2c0b8a8e8126153847c2b30c91a0bb263f3b8c4"
SCREEN_CATEGORIES = {
    "c1": "\x80-\x9f",
    "bad": "¦¤¨¬¯¸ƒˆˇ˘˛˜†‡‰⌐◊\ufffdªº",
    "upper_accented": "À-ÑØÜÝĂĀĄĆČĎĐĘĚĒĖĞĢİĪĶĹĽŁĻŃŇŅŒŘŚŞŠŢŤŮŰŸŹŻŽҐ",
    "currency": "¢£¥₧€",
    "box": "│┌┐┘├┤┬┼═-╬▀▄█▌▐░▒▓",
    "start_punctuation": "¡«¿©΄΅‘‚“„•‹\uf8ff",
    "end_punctuation": "®»˝”›™",
    "numeric": "²³¹±¼½¾×µ÷⁄∂∆∏∑√∞∩∫≈≠≡≤≥№",
    "lower_accented": "ßà-ñăąāćčďđęěēėğģįīķĺľłļœŕśşšťüźżžґﬁﬂ",
}

# How many characters of a line and of its repair a character diff compares at once: a diff
# takes time quadratic in its input or worse, so a long line is compared a window at a time
# (ftfy's longest repairs, of a few dozen characters, fit in one).
DIFF_WINDOW = 256
FIRST_WINDOW = 32  # most repairs fit in a small one, which is much cheaper
MIN_ANCHOR = 4  # unchanged characters that end a repair for sure

# What ftfy says it did -> our rule id.
FTFY_STEPS = {
    "fix_c1_controls": "c1-controls",
    "remove_terminal_escapes": "terminal-escapes",
    "fix_surrogates": "surrogates",
}


@lru_cache(maxsize=1)
def _ftfy():
    """ftfy, its badness check and the conservative configuration, imported on first use."""
    import ftfy
    from ftfy.badness import is_bad

    config = ftfy.TextFixerConfig(
        unescape_html=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        remove_control_chars=False,
        normalization=None,
        explain=True,
    )
    return ftfy.fix_and_explain, is_bad, config


@lru_cache(maxsize=1)
def badness_screen():
    """A pattern that matches in every line ``suspicious()`` can accept, and in few others.

    ftfy's badness check is an alternation of short character sequences, and each of them needs
    one of these shapes inside its match: an escape, a C1 control, Ã, Â, Œ or œ; a "bad",
    accented capital, currency or box character next to any other non-ASCII character; or a
    punctuation or numeric sign next to the kind of character that some alternative pairs it
    with (``”é``, ``“½``, ``”“``, ``×²``, ``вЂ``, ``В«Р``...). Plain text in any alphabet, with
    curly quotes, accents, £5 and Über, rarely has one, so most lines never reach the costlier
    check. Each lookaround below stands for the alternatives noted beside it; the tests sample
    every alternative to keep it honest. Built with ``re``: a pattern that starts with a
    character set lets it skip through text at C speed.

    >>> screen = badness_screen()
    >>> screen.search("Привет, «мир» – “café” ½ × 2, £5 Über") is None
    True
    >>> [m.group() for m in screen.finditer("doesnÃ¢â‚¬â„¢t")]
    ['Ã', '¢', '¬', '¢']
    """
    from ..distributions import version

    # Read from its metadata: ftfy itself is not imported (its badness tables are costly).
    if version("ftfy") != SCREENED_FTFY:
        return TRIGGER
    category = SCREEN_CATEGORIES
    single = category["c1"] + "ÃÂŒœ" + _ESCAPES  # suspicious() sends lines with escapes to ftfy too
    odd = "".join(category[name] for name in ("bad", "upper_accented", "currency", "box")) + "Ù"
    start, end = category["start_punctuation"], category["end_punctuation"]
    numeric, lower = category["numeric"], category["lower_accented"]
    return re.compile(
        f"[{single}{odd}{start}{end}{numeric}°Ђ](?:"
        f"(?<=[{single}])"
        f"|(?<=[^\\x00-\\x7f][{odd}])|(?<=[{odd}])(?=[^\\x00-\\x7f])"  # the bulk of them
        f"|(?<=[{end}{numeric}])(?=[{lower}])"  # end punctuation or numeric + lower accented
        f"|(?<=[{start}])(?=[{numeric}])"  # accented or currency + start punctuation + numeric
        f"|(?<=[{end}{numeric}][{start}])"  # end + start punctuation; numeric + start punctuation
        f"|(?<=[{lower}][{start}{end}])(?=\\w)"  # accented + start or end punctuation + letter
        f"|(?<=×)(?=[²³])|(?<=à[²µ¹¼½¾])|(?<=≈)(?=[°¢])|(?<=‚)(?=[âó])"  # two-character specials
        f"|(?<=√)(?=[±∂†≠®™´≤≥¥µø])"  # MacRoman
        f"|(?<=[вВ]Ђ)"  # вЂ and ГўВЂВ.
        f"|(?<=[ВГРС][{start}{end}°µ])(?=[ВГРС])"  # Windows-1251 three-character sequences
        f"|(?<=[ΒΓΞΟ][{start}{end}°])(?=[ΒΓΞΟ])"  # Windows-1253 three-character sequences
        ")"
    )


def suspicious(line: str) -> bool:
    """Whether a line may hold mojibake or escapes worth handing to ftfy.

    >>> suspicious("plain ASCII"), suspicious("café “quoted”"), suspicious("doesnÃ¢â‚¬â„¢t")
    (False, False, True)
    """
    if line.isascii():
        return CONTROLS.search(line) is not None
    if CONTROLS.search(line) or C1_CONTROLS.search(line):
        return True
    if not MOJIBAKE_MATERIAL.search(line):
        return False
    _, is_bad, _ = _ftfy()
    return is_bad(line)


def _rule_for(before: str, steps) -> str:
    if before and all(C1_CONTROLS.match(ch) for ch in before):
        return "c1-controls"
    for action, _ in steps:
        if action in ("encode", "decode", "transcode"):
            return "mojibake"
    for _, parameter in steps:
        if parameter in FTFY_STEPS:
            return FTFY_STEPS[parameter]
    return "mojibake"


def _describe(steps) -> str:
    return "ftfy: " + ", ".join(f"{action} {parameter}" for action, parameter in steps)


def _window_changes(a: str, b: str):
    """``(i1, i2, j1, j2)`` of each change from ``a`` to ``b``, by a character diff.

    >>> list(_window_changes("it\x92s", "it’s"))
    [(2, 3, 2, 3)]
    """
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            yield i1, i2, j1, j2


def common_prefix(a: str, i: int, b: str, j: int) -> int:
    """Length of the common prefix of ``a[i:]`` and ``b[j:]``, by comparing slices (at C speed)
    of doubling, then halving length.

    >>> common_prefix("the cat sat", 4, "a cat sits", 2)
    5
    """
    limit = min(len(a) - i, len(b) - j)
    n, step = 0, 16
    while n + step <= limit and a[i + n : i + n + step] == b[j + n : j + n + step]:
        n, step = n + step, step * 2
    while step > 1:
        step //= 2
        if n + step <= limit and a[i + n : i + n + step] == b[j + n : j + n + step]:
            n += step
    return n


def _anchor(opcode, size: int, widest: bool) -> bool:
    """Whether a diff of two ``size`` windows may be cut inside this opcode: an unchanged stretch
    in the first half, long enough not to be a chance match inside a long repair (in the widest
    window, any unchanged stretch will do)."""
    tag, i1, i2, _, _ = opcode
    return tag == "equal" and 0 < i1 <= size // 2 and (widest or i2 - i1 >= MIN_ANCHOR)


def changes(a: str, b: str, window: int = DIFF_WINDOW):
    """``(i1, i2, j1, j2)`` of each change from ``a`` to ``b``, in time linear in their length.

    A character diff takes time quadratic (or worse) in its input, so it only ever sees one
    window of each text: from the next difference on, up to the middle of the window's last
    unchanged stretch (of ``MIN_ANCHOR`` characters or more) that starts in its first half (the window doubles, up to ``window``,
    until it has one); what lies between differences is skipped by comparing slices. ftfy's repairs are short and local, so this finds the changes a diff
    of the whole line finds.

    >>> list(changes("a\x93b\x94 " * 3, "a“b” " * 3, window=8))
    [(1, 2, 1, 2), (3, 4, 3, 4), (6, 7, 6, 7), (8, 9, 8, 9), (11, 12, 11, 12), (13, 14, 13, 14)]
    >>> list(changes("same", "same")), list(changes("abc", "")), list(changes("", "x"))
    ([], [(0, 3, 0, 0)], [(0, 0, 0, 1)])
    """
    i = j = 0
    while True:
        same = common_prefix(a, i, b, j)
        i, j = i + same, j + same
        if i == len(a) and j == len(b):
            return
        size = FIRST_WINDOW
        while True:  # the smallest window with an unchanged stretch in its first half
            a_part, b_part = a[i : i + size], b[j : j + size]
            opcodes = difflib.SequenceMatcher(None, a_part, b_part, autojunk=False).get_opcodes()
            last_window = i + size >= len(a) and j + size >= len(b)
            widest = size >= window
            kept = [op for op in opcodes if _anchor(op, size, widest)]
            if last_window or kept or widest:
                break
            size *= 2
        if last_window or not kept:  # all of it, or one change over the whole window
            if not last_window:
                opcodes = [("replace", 0, len(a_part), 0, len(b_part))]
            for tag, i1, i2, j1, j2 in opcodes:
                if tag != "equal":
                    yield i + i1, i + i2, j + j1, j + j2
            if last_window:
                return
            i, j = i + len(a_part), j + len(b_part)
            continue
        _, e1, e2, f1, _ = kept[-1]
        for tag, i1, i2, j1, j2 in opcodes:
            if i1 >= e1:
                break
            if tag != "equal":
                yield i + i1, i + i2, j + j1, j + j2
        # Go on from the middle of the unchanged stretch (past the window start: always forward).
        cut = e1 + (e2 - e1) // 2
        i, j = i + cut, j + f1 + (cut - e1)


def _line_edits(line: str, offset: int):
    fix_and_explain, _, config = _ftfy()
    fixed, steps = fix_and_explain(line, config)
    if fixed == line:
        return
    steps = steps or []
    message = _describe(steps)
    for i1, i2, j1, j2 in changes(line, fixed):
        yield Edit(offset + i1, offset + i2, fixed[j1:j2], _rule_for(line[i1:i2], steps), message)


def mojibake(text: str):
    """Repair the suspicious lines of ``text`` with ftfy, as minimal edits.

    >>> [(e.start, e.end, e.replacement, e.rule) for e in mojibake("a\\nLa rÃ©gion “x”")]
    [(6, 8, 'é', 'mojibake')]
    """
    # Jump from one screen match to the next instead of visiting every line.
    screen = badness_screen()
    pos = 0
    while True:
        m = screen.search(text, pos)
        if m is None:
            return
        start, end = line_bounds(text, m.start())
        line = text[start:end]
        if suspicious(line):
            yield from _line_edits(line, start)
        pos = end + 1


class EncodingCleaner(Cleaner):
    code = "encoding"
    summary = "Mojibake, C1 controls and terminal escapes, repaired by ftfy on the lines that need it."
    stage = 10
    rules = {
        "mojibake": "text decoded with the wrong character encoding (Ã©, â€™)",
        "c1-controls": "C1 control characters that stand for Windows-1252 punctuation",
        "terminal-escapes": "terminal colour escape sequences",
        "surrogates": "unpaired UTF-16 surrogates",
    }

    def find_edits(self, text, doc):
        if text.isascii() and "\x1b" not in text:
            return []  # the common case, decided without a regex
        return list(mojibake(text))

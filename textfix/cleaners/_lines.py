"""Small text helpers the cleaners share."""

from __future__ import annotations


def line_bounds(text: str, pos: int) -> tuple[int, int]:
    """Start and end (without the newline) of the line holding ``text[pos]``.

    >>> line_bounds("ab\\ncd\\nef", 4)
    (3, 5)
    """
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end == -1 else end


def has_any(text: str, chars: str) -> bool:
    """Whether ``text`` holds any of ``chars``.

    One substring search per character: for a few rare characters that is far cheaper than a
    regex over the whole text, and a character wider than any in the text is ruled out at once.

    >>> has_any("de\u00a0la", "\u00a0\u202f"), has_any("de la", "\u00a0\u202f")
    (True, False)
    """
    return any(ch in text for ch in chars)

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

"""A text's lines with their offsets: all the boilerplate cleaner reads of a text of one line.

Kept apart from :mod:`.lines` (line features, listed patterns, the text layer) so that a text
the cleaner leaves alone at once loads none of those.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import accumulate


@dataclass(slots=True)
class Layout:
    """Every line of a text, blank ones too: offsets, text without the line break, blankness."""

    starts: list[int]
    ends: list[int]  # just past the line break
    texts: list[str]
    blank: list[bool]


def layout(text: str) -> Layout:
    """Split ``text`` into lines with their offsets.

    >>> layout("a\\n\\nb")
    Layout(starts=[0, 2, 3], ends=[2, 3, 4], texts=['a', '', 'b'], blank=[False, True, False])
    """
    raws = text.splitlines(keepends=True)
    ends = list(accumulate(map(len, raws)))
    # Only "\r" and "\n" are taken off: a line ending in another break keeps it in its text.
    texts = [raw.rstrip("\r\n") for raw in raws]
    return Layout([0, *ends[:-1]], ends, texts, [not t.strip() for t in texts])

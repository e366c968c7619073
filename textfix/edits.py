"""The edit model: what a cleaner proposes, and how edits map back to the original input.

A cleaner never returns a new string. It returns :class:`Edit` objects — spans of the text it
was given plus a replacement — and the pipeline applies them. Because later cleaners see text
that earlier cleaners already changed, :class:`SourceMap` keeps the correspondence between the
current text and the original input so every edit can be reported at its original position.
"""

from __future__ import annotations

import bisect
from itertools import accumulate
from operator import add, itemgetter
from dataclasses import dataclass, field
from typing import NamedTuple

SAFE = "safe"
UNSAFE = "unsafe"


class Edit(NamedTuple):
    """Replace ``text[start:end]`` with ``replacement``.

    An immutable value; a named tuple because a page's boilerplate alone can make hundreds.

    >>> Edit(2, 7, "'", rule="numeric-entity", message="decode &#39;").apply("it&#39;s")
    "it's"
    """

    start: int
    end: int
    replacement: str
    rule: str
    message: str = ""
    safety: str = SAFE
    confidence: float = 1.0

    def apply(self, text: str) -> str:
        return text[: self.start] + self.replacement + text[self.end :]


@dataclass(slots=True)
class RecordedEdit:
    """An edit the pipeline applied (or kept as a suggestion), with where it came from."""

    cleaner: str
    rule: str
    message: str
    safety: str
    confidence: float
    before: str
    after: str
    orig_start: int
    orig_end: int
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    applied: bool = True
    round: int = 1
    original: str = ""  # the original input text under orig_start:orig_end

    def to_dict(self) -> dict:
        return {
            "cleaner": self.cleaner,
            "rule": self.rule,
            "message": self.message,
            "safety": self.safety,
            "confidence": round(self.confidence, 3),
            "applied": self.applied,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "offset": self.orig_start,
            "end_offset": self.orig_end,
            "before": self.before,
            "after": self.after,
            "original": self.original,
        }


_span = itemgetter(0, 1)  # (start, end) of an Edit


def check_edits(edits: list[Edit], length: int) -> list[Edit]:
    """Sort edits and drop any that overlap an earlier one or fall outside the text.

    Cleaners are expected to produce disjoint edits; this is a guard so one bad rule cannot
    corrupt the text.
    """
    kept: list[Edit] = []
    last_end = -1
    for edit in sorted(edits, key=_span):
        if edit.start < 0 or edit.end > length or edit.start > edit.end:
            continue
        if edit.start < last_end:
            continue
        kept.append(edit)
        last_end = edit.end
    return kept


def is_no_op(edit: Edit, text: str) -> bool:
    """Whether ``edit`` would leave ``text`` as it is (nothing replaced by nothing, a span by
    itself): not a change, so it must not count as one, or the text would never settle.

    >>> is_no_op(Edit(3, 3, "", "r"), "abc def"), is_no_op(Edit(0, 3, "abc", "r"), "abc def")
    (True, True)
    >>> is_no_op(Edit(3, 4, "", "r"), "abc def")
    False
    """
    return text[edit.start : edit.end] == edit.replacement


def apply_edits(text: str, edits: list[Edit]) -> str:
    """Apply sorted, disjoint edits in one pass."""
    parts = []
    pos = 0
    for edit in edits:
        parts.append(text[pos : edit.start])
        parts.append(edit.replacement)
        pos = edit.end
    parts.append(text[pos:])
    return "".join(parts)


@dataclass(slots=True)
class _Piece:
    # A run of the current text [cur, cur_end) that came from original [orig, orig_end).
    # ``exact`` pieces are verbatim copies, so positions inside them map one to one.
    cur: int
    cur_end: int
    orig: int
    orig_end: int
    exact: bool


@dataclass
class SourceMap:
    """Maps offsets in the current (edited) text back to offsets in the original input."""

    pieces: list[_Piece] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list)
    # Nothing edited yet: every offset is its own original (most edits of a page land here,
    # in the first round, so this path skips the piece look-ups).
    _identity: bool = False

    @classmethod
    def identity(cls, length: int) -> "SourceMap":
        m = cls([_Piece(0, length, 0, length, True)], _identity=True)
        m._index()
        return m

    @property
    def is_identity(self) -> bool:
        """Nothing edited yet: every offset is its own original."""
        return self._identity

    def _index(self) -> None:
        self._starts = [p.cur for p in self.pieces]

    def _piece_at(self, pos: int) -> _Piece:
        i = bisect.bisect_right(self._starts, pos) - 1
        i = max(0, min(i, len(self.pieces) - 1))
        piece = self.pieces[i]
        # Empty pieces (deletions) share their start with the next piece; prefer a non-empty one.
        while piece.cur == piece.cur_end and i + 1 < len(self.pieces) and self.pieces[i + 1].cur == pos:
            i += 1
            piece = self.pieces[i]
        return piece

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original span covering current span [start, end)."""
        if self._identity:
            return start, end
        a = self._piece_at(start)
        o_start = a.orig + (start - a.cur) if a.exact else a.orig
        if end == start:
            return o_start, (o_start if a.exact else a.orig_end)
        b = self._piece_at(end - 1)
        o_end = b.orig + (end - b.cur) if b.exact else b.orig_end
        return o_start, max(o_start, o_end)

    def after_edits(self, edits: list[Edit]) -> "SourceMap":
        """The map for the text produced by applying ``edits`` (sorted, disjoint) to the current text."""
        if self._identity:
            return self._first_edits(edits)
        new: list[_Piece] = []
        shift = 0
        pos = 0

        def copy_range(a: int, b: int) -> None:
            # Carry the current range [a, b) over unchanged, splitting pieces at its ends.
            if a >= b:
                return
            i = bisect.bisect_right(self._starts, a) - 1
            while i < len(self.pieces) and self.pieces[i].cur < b:
                p = self.pieces[i]
                lo, hi = max(a, p.cur), min(b, p.cur_end)
                if lo < hi or (p.cur == p.cur_end and a <= p.cur < b):
                    if p.exact:
                        new.append(_Piece(lo + shift, hi + shift, p.orig + lo - p.cur, p.orig + hi - p.cur, True))
                    else:
                        new.append(_Piece(lo + shift, hi + shift, p.orig, p.orig_end, False))
                i += 1

        for edit in edits:
            copy_range(pos, edit.start)
            o_start, o_end = self.to_original(edit.start, edit.end)
            new_start = edit.start + shift
            new.append(_Piece(new_start, new_start + len(edit.replacement), o_start, o_end, False))
            shift += len(edit.replacement) - (edit.end - edit.start)
            pos = edit.end
        total = self.pieces[-1].cur_end if self.pieces else 0
        copy_range(pos, total)
        merged = SourceMap(new or [_Piece(0, 0, 0, 0, True)])
        merged._index()
        return merged

    def _first_edits(self, edits: list[Edit]) -> "SourceMap":
        """``after_edits`` of the identity map: each edit and each stretch between two edits is a piece."""
        new: list[_Piece] = []
        shift = pos = 0
        for edit in edits:
            start, end, replacement = edit.start, edit.end, edit.replacement
            if pos < start:
                new.append(_Piece(pos + shift, start + shift, pos, start, True))
            new.append(_Piece(start + shift, start + shift + len(replacement), start, end, False))
            shift += len(replacement) - (end - start)
            pos = end
        total = self.pieces[-1].cur_end
        if pos < total:
            new.append(_Piece(pos + shift, total + shift, pos, total, True))
        merged = SourceMap(new or [_Piece(0, 0, 0, 0, True)])
        merged._index()
        return merged


class LineIndex:
    """Turns offsets of one text into 1-based (line, column) pairs."""

    def __init__(self, text: str):
        # Line k starts after k newlines and the k lines before it: sums computed in C.
        lengths = accumulate(map(len, text.split("\n")), initial=0)
        self.starts = list(map(add, lengths, range(text.count("\n") + 1)))  # offset of each line

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

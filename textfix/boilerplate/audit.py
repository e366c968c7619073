"""The audit trail: one edit per run of adjacent lines removed by the same rule (a menu is one
entry), each with its rule, its confidence and a message naming the lines it removes."""

from __future__ import annotations

from dataclasses import dataclass

from ..edits import SAFE, Edit
from .layout import Layout
from .lines import Line


def edits(lines: Layout, content: list[Line], remove: dict[int, tuple[str, float]]):
    """One edit per run of adjacent lines removed by the same rule (a menu, a share bar, a
    footer), taking along the blank lines their removal would orphan. Its ``before`` holds
    every line of the run; the message names how many.

    >>> text = "Share this:\\n\\nBody.\\n\\nAdvertisement\\n\\nMore body.\\n\\nSource link\\nLike this:"
    >>> from textfix.boilerplate.lines import content_lines, layout
    >>> lines = layout(text)
    >>> content = content_lines(lines)
    >>> gone = {k: ("x", 1.0) for k, line in enumerate(content) if "ody." not in line.text}
    >>> found = list(edits(lines, content, gone))
    >>> [edit.message for edit in found][1:]
    ['remove x: Advertisement', 'remove the blank lines left at the edge', 'remove x: 2 lines, Source link ... Like this:']
    >>> from textfix.edits import apply_edits
    >>> apply_edits(text, found)
    'Body.\\n\\nMore body.\\n'
    """
    starts, blank = lines.starts, lines.blank
    n = len(starts)
    kept_lines = [line.index for k, line in enumerate(content) if k not in remove]
    first_kept = kept_lines[0] if kept_lines else n
    last_kept = kept_lines[-1] if kept_lines else -1
    kept = set(kept_lines)
    first_text = content[0].index if content else n
    text_end = lines.ends[-1] if n else 0
    run: _Run | None = None  # the adjacent lines removed so far by one rule
    for k in sorted(remove):
        line = content[k]
        i = line.index
        rule, confidence = remove[k]
        nxt = content[k + 1].index if k + 1 < len(content) else n  # the next line with text
        start, end = line.start, line.end
        if nxt not in kept:
            end = starts[nxt] if nxt < n else text_end
            previous = content[k - 1].index if k > 0 else -1
            if previous in kept and last_kept < nxt:
                # The tail of the document goes: so do the blank lines above it.
                start = starts[previous + 1]
        elif first_kept >= i or blank[i - 1]:
            end = starts[nxt]
        if first_text >= i:
            start = 0
        if run is not None and not run.continued_by(start, rule, confidence, line):
            yield run.edit()
            run = None
        if start < line.start:
            # Reported apart, so that the line's own edit points at the line.
            yield Edit(start, line.start, "", rule, "remove the blank lines left at the edge", SAFE, confidence)
        if run is None:
            run = _Run(line.start, end, rule, confidence, line, line)
        else:
            run.end, run.last, run.lines = end, line, run.lines + 1
    if run is not None:
        yield run.edit()


@dataclass(slots=True)
class _Run:
    """Adjacent lines removed by one rule: they make one edit."""

    start: int
    end: int
    rule: str
    confidence: float
    first: Line
    last: Line
    lines: int = 1

    def continued_by(self, start: int, rule: str, confidence: float, line: Line) -> bool:
        # A line whose blank lines above are reported apart starts a run of its own.
        return start == self.end and rule == self.rule and confidence == self.confidence and start == line.start

    def edit(self) -> Edit:
        what = f"remove {self.rule.replace('-', ' ')}: "
        if self.lines == 1:
            message = what + self.first.text.strip()[:60]
        else:
            message = f"{what}{self.lines} lines, {self.first.text.strip()[:30]} ... {self.last.text.strip()[:30]}"
        return Edit(self.start, self.end, "", self.rule, message, SAFE, self.confidence)

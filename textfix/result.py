"""The outcome of cleaning one document: the clean text and the record of every change."""

from __future__ import annotations

import difflib
from collections import Counter
from dataclasses import dataclass, field

from .edits import RecordedEdit
from .printable import printable


@dataclass
class Result:
    original: str
    text: str
    edits: list[RecordedEdit] = field(default_factory=list)
    suggestions: list[RecordedEdit] = field(default_factory=list)
    notes: dict[str, dict] = field(default_factory=dict)
    path: str | None = None
    rounds: int = 1
    record: int | None = None  # a JSONL record's line in its file (``path`` is then FILE:LINE)

    @property
    def changed(self) -> bool:
        return self.text != self.original

    def counts(self) -> dict[str, int]:
        """Applied edits per cleaner."""
        return dict(sorted(Counter(e.cleaner for e in self.edits).items()))

    def rule_counts(self) -> dict[str, int]:
        return dict(sorted(Counter(f"{e.cleaner}/{e.rule}" for e in self.edits).items()))

    def diff(self, name: str | None = None, context: int = 3) -> str:
        """A unified diff from the original to the cleaned text."""
        name = printable(name or self.path or "text")  # a file name may hold terminal controls
        lines = difflib.unified_diff(
            self.original.splitlines(keepends=True),
            self.text.splitlines(keepends=True),
            fromfile=f"{name} (original)",
            tofile=f"{name} (cleaned)",
            n=context,
        )
        out = []
        for line in lines:
            out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
        return "".join(out)

    def to_dict(self) -> dict:
        return {
            "path": self.path,
            "changed": self.changed,
            "counts": self.counts(),
            "rules": self.rule_counts(),
            "notes": self.notes,
            "edits": [e.to_dict() for e in self.edits],
            "suggestions": [e.to_dict() for e in self.suggestions],
        }

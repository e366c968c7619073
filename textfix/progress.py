"""A one-line progress bar on stderr for batches: redrawn in place, at most ten times a second."""

from __future__ import annotations

import sys
import time


class ProgressBar:
    """``with ProgressBar(total) as bar: bar.update(1)``; the line is cleared-and-ended on exit."""

    WIDTH = 30

    def __init__(self, total: int, label: str = "cleaning", stream=None):
        self.total = max(total, 1)
        self.label = label
        self.stream = stream or sys.stderr
        self.done = 0
        self._drawn = 0.0
        self._terminal = hasattr(self.stream, "isatty") and self.stream.isatty()
        self._tenths = 0

    def __enter__(self) -> "ProgressBar":
        self._draw()
        return self

    def update(self, steps: int = 1) -> None:
        self.done += steps
        if time.monotonic() - self._drawn >= 0.1 or self.done >= self.total:
            self._draw()

    def _draw(self) -> None:
        filled = self.WIDTH * min(self.done, self.total) // self.total
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        if not self._terminal:  # no redrawing in place: whole lines, one per tenth done, between messages
            if self.done * 10 // self.total > self._tenths or self.done == 0:
                self._tenths = self.done * 10 // self.total
                self.stream.write(f"{self.label} [{bar}] {self.done}/{self.total}\n")
            self._drawn = time.monotonic()
            return
        self.stream.write(f"\r{self.label} [{bar}] {self.done}/{self.total}")
        self.stream.flush()
        self._drawn = time.monotonic()

    def __exit__(self, *exc) -> None:
        self._draw()
        if self._terminal:
            self.stream.write("\n")
        self.stream.flush()

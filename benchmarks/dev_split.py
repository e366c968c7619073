"""What the benchmarks over the shared data have in common: its scorer and the fixed split.

Imported by the benchmark scripts beside it (``python benchmarks/NAME.py`` puts this folder on
the import path).
"""

from __future__ import annotations

import hashlib
import importlib.util
import sys
from pathlib import Path


def load_scorer(data_dir: Path):
    """The shared ``eval/score_pages.py`` beside the data folder, imported as a module."""
    path = data_dir / ".." / "eval" / "score_pages.py"
    if not path.exists():
        sys.exit(f"scorer not found: {path}")
    spec = importlib.util.spec_from_file_location("score_pages", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def in_validation(key: str) -> bool:
    """The fixed split: a key (``SET/NAME``, or a site's host) is in the validation half when
    the first byte of its SHA-256 is odd. Tune on the other half.

    >>> in_validation("articles/042bb7b5feda") in (True, False)
    True
    """
    return hashlib.sha256(key.encode()).digest()[0] % 2 == 1

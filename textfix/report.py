"""The JSON change report: one object per input plus totals. The schema is documented in README."""

from __future__ import annotations

from collections import Counter

from . import __version__

SCHEMA_VERSION = 1


def summarize(results: list) -> dict:
    """Totals over many results: files, changed files, edits, suggestions, applied edits per cleaner
    and per ``cleaner/rule``. Shared by the JSON report and the HTML review page."""
    counts: Counter = Counter()
    rules: Counter = Counter()
    for result in results:
        counts.update(result.counts())
        rules.update(result.rule_counts())
    return {
        "files": len(results),
        "changed": sum(r.changed for r in results),
        "edits": sum(len(r.edits) for r in results),
        "suggestions": sum(len(r.suggestions) for r in results),
        "counts": dict(sorted(counts.items())),
        "rules": dict(sorted(rules.items())),
    }


def build_report(results: list) -> dict:
    return {
        "textfix": __version__,
        "schema": SCHEMA_VERSION,
        "summary": summarize(results),
        "files": [r.to_dict() for r in results],
    }

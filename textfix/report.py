"""The JSON change report: one object per input plus totals. The schema is documented in README."""

from __future__ import annotations

from collections import Counter

from . import __version__

SCHEMA_VERSION = 1


def build_report(results: list) -> dict:
    totals: Counter = Counter()
    for result in results:
        totals.update(result.counts())
    return {
        "textfix": __version__,
        "schema": SCHEMA_VERSION,
        "summary": {
            "files": len(results),
            "changed": sum(r.changed for r in results),
            "edits": sum(len(r.edits) for r in results),
            "suggestions": sum(len(r.suggestions) for r in results),
            "counts": dict(sorted(totals.items())),
        },
        "files": [r.to_dict() for r in results],
    }

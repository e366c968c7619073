"""Reports: the JSON change report (schema in README) and the choice of report format."""

from __future__ import annotations

import json
import os
from collections import Counter

from . import __version__
from .io import atomic_write
from .retention import result_retention

SCHEMA_VERSION = 1
FORMATS = ("json", "html")


def summarize(results: list, failures: list | None = None) -> dict:
    """Totals over many results: files, changes, edits and suggestions per cleaner and rule."""
    counts: Counter = Counter()
    rules: Counter = Counter()
    words_before = words_after = 0
    lost = []
    for result in results:
        counts.update(result.counts())
        rules.update(result.rule_counts())
        kept = result_retention(result)
        words_before += kept.words_before
        words_after += min(kept.words_after, kept.words_before)
        if kept.lost_prose:
            lost.append(result.path)
    return {
        "files": len(results) + len(failures or []),
        "changed": sum(r.changed for r in results),
        "failed": len(failures or []),
        "edits": sum(len(r.edits) for r in results),
        "suggestions": sum(len(r.suggestions) for r in results),
        "counts": dict(sorted(counts.items())),
        "rules": dict(sorted(rules.items())),
        "kept": {"words": round(words_after / words_before, 3) if words_before else 1.0, "lost_prose": lost},
    }


def build_report(results: list, failures: list | None = None) -> dict:
    return {
        "textfix": __version__,
        "schema": SCHEMA_VERSION,
        "summary": summarize(results, failures),
        "files": [{**r.to_dict(), "kept": result_retention(r).to_dict()} for r in results],
        "errors": list(failures or []),
    }


def report_json(results: list, failures: list | None = None) -> str:
    from .jsonl_record import json_text_safe

    return json_text_safe(json.dumps(build_report(results, failures), ensure_ascii=False, indent=2)) + "\n"


def report_format_for(path: str, explicit: str | None = None) -> str:
    """The format named by ``--report-format``, else the one the file suffix suggests."""
    if explicit:
        return explicit
    return "html" if os.path.splitext(path)[1].lower() in (".html", ".htm") else "json"


def write_report(path: str, results: list, failures: list | None = None, fmt: str | None = None) -> None:
    fmt = report_format_for(path, fmt)
    if fmt == "html":
        from .review import render_html

        atomic_write(path, render_html(results, failures))
    else:
        atomic_write(path, report_json(results, failures))

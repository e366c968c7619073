"""The HTML review page: one self-contained file a reviewer reads instead of the JSON report.

The summary is rendered here as escaped HTML; the per-file views are built by the page's script
from data embedded as JSON, and only when a file is opened, so a page with thousands of files and
tens of thousands of edits stays quick to open. Nothing from the input is ever parsed as HTML:
the script inserts it as text nodes, and the embedded JSON is escaped so that ``</script>`` in an
article cannot end the script element.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import os
from functools import lru_cache
from importlib import resources

from . import __version__
from .report import summarize
from .retention import percent, result_retention

_JSON_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026",
                 0x2028: "\\u2028", 0x2029: "\\u2029"}


@lru_cache(maxsize=None)
def _asset(name: str) -> str:
    return resources.files("textfix").joinpath("data", "review", name).read_text(encoding="utf-8")


def script_json(data) -> str:
    """JSON that is safe inside a ``<script>`` element: no ``<``, ``>`` or ``&`` survive literally.

    >>> script_json({"a": "</script><!--"})
    '{"a":"\\\\u003c/script\\\\u003e\\\\u003c!--"}'
    """
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_JSON_ESCAPES)


class _Strings:
    """Interns repeated strings (cleaner codes, rules, messages) so each is stored once."""

    def __init__(self):
        self.table: list[str] = []
        self._index: dict[str, int] = {}

    def __call__(self, s: str) -> int:
        i = self._index.get(s)
        if i is None:
            i = self._index[s] = len(self.table)
            self.table.append(s)
        return i


def merge_regions(edits: list) -> list[tuple[int, int, list[int]]]:
    """Group edits whose original spans overlap or touch into regions ``(start, end, [indexes])``.

    Later rounds can edit what an earlier round produced, so their spans overlap in the original;
    one region per group shows each change once, with every edit that made it.

    >>> from textfix.edits import RecordedEdit as R
    >>> e = lambda a, b: R("c", "r", "", "safe", 1.0, "", "", a, b)
    >>> merge_regions([e(0, 6), e(0, 7), e(9, 9), e(9, 10), e(20, 21)])
    [(0, 7, [0, 1]), (9, 10, [2, 3]), (20, 21, [4])]
    """
    order = sorted(range(len(edits)), key=lambda i: (edits[i].orig_start, edits[i].orig_end))
    regions: list[tuple[int, int, list[int]]] = []
    for i in order:
        start, end = edits[i].orig_start, edits[i].orig_end
        if regions and start <= regions[-1][1]:
            last = regions[-1]
            regions[-1] = (last[0], max(last[1], end), last[2] + [i])
        else:
            regions.append((start, end, [i]))
    return regions


def _cleaned_spans(result, regions, edits) -> list[str] | None:
    """The cleaned text each region became, or None if the texts do not line up.

    Outside the regions the cleaned text is a verbatim copy of the original, and each applied edit
    changes the length of its own region only, so walking both texts gives every region's output.
    """
    original, cleaned = result.original, result.text
    out = []
    p = q = 0
    for start, end, members in regions:
        gap = start - p
        if cleaned[q : q + gap] != original[p:start]:
            return None
        q += gap
        size = end - start + sum(len(edits[i].after) - len(edits[i].before) for i in members if edits[i].applied)
        if size < 0:
            return None
        out.append(cleaned[q : q + size])
        q += size
        p = end
    if cleaned[q:] != original[p:]:
        return None
    return out


def _proposal(original: str, start: int, end: int, suggestions: list) -> str | None:
    """The region's text with its suggestions applied, when they do not overlap each other."""
    parts, pos = [], start
    for s in sorted(suggestions, key=lambda s: (s.orig_start, s.orig_end)):
        if s.orig_start < pos:
            return None
        parts.append(original[pos : s.orig_start])
        parts.append(s.after)
        pos = s.orig_end
    parts.append(original[pos:end])
    return "".join(parts)


def _file_data(result, number: int, strings: _Strings) -> dict:
    edits = list(result.edits) + list(result.suggestions)
    regions = merge_regions(edits)
    spans = _cleaned_spans(result, regions, edits)
    if spans is None:
        # Should not happen; show the whole changed middle as one region rather than a wrong view.
        original, cleaned = result.original, result.text
        head = len(os.path.commonprefix([original, cleaned]))
        tail = len(os.path.commonprefix([original[head:][::-1], cleaned[head:][::-1]]))
        regions = [(head, len(original) - tail, list(range(len(edits))))] if edits else []
        spans = [cleaned[head : len(cleaned) - tail]] if edits else []
    packed_regions = []
    for (start, end, members), after in zip(regions, spans):
        if not any(edits[i].applied for i in members):
            after = _proposal(result.original, start, end, [edits[i] for i in members])
        packed_regions.append([start, end, after, sorted(members, key=lambda i: (edits[i].round, i))])
    spin = (result.notes or {}).get("spin") or {}
    score = spin.get("score") if isinstance(spin, dict) else None
    kept = result_retention(result)
    return {
        "p": result.path or f"text {number}",
        "ch": result.changed,
        "n": len(result.edits),
        "s": len(result.suggestions),
        "k": result.counts(),
        "spin": score if isinstance(score, (int, float)) else None,
        # share of words kept, prose lines kept and before, lost most of its prose
        "kept": [round(kept.words, 4), kept.prose_kept, kept.prose_lines, int(kept.lost_prose)],
        "o": result.original,
        "r": packed_regions,
        # cleaner, rule, message, safety, confidence, applied, line, column, before, after, round,
        # end line, end column, start and end offset in the original
        "e": [[strings(e.cleaner), strings(e.rule), strings(e.message), strings(e.safety),
               round(e.confidence, 3), int(e.applied), e.line, e.column, e.before, e.after, e.round,
               e.end_line, e.end_column, e.orig_start, e.orig_end]
              for e in edits],
    }


def _bars(counts: dict[str, int], cleaner_of, classes: dict[str, int]) -> str:
    if not counts:
        return '<p class="muted">No edits.</p>'
    top = max(counts.values())
    rows = []
    for key, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        width = max(1.0, 100.0 * n / top)
        cls = classes.get(cleaner_of(key), 0)
        rows.append(
            f'<div class="bar-row"><span class="bar-label">{html.escape(key)}</span>'
            f'<span class="bar"><span class="bar-fill c{cls}" style="width:{width:.1f}%"></span></span>'
            f'<span class="bar-n">{n}</span></div>'
        )
    return "\n".join(rows)


def _lost_html(files: list[dict]) -> str:
    """The files that lost most of their prose, least kept first: the first thing a reviewer should see."""
    lost = sorted((f for f in files if f["kept"][3]), key=lambda f: f["kept"][0])
    if not lost:
        return ""
    items = "".join(f'<li><b>{html.escape(f["p"])}</b>: kept {percent(f["kept"][0])} of words, '
                    f'{f["kept"][1]} of {f["kept"][2]} prose lines</li>' for f in lost[:20])
    more = f"<li>and {len(lost) - 20} more (filter below)</li>" if len(lost) > 20 else ""
    return (f'<div class="lost-list"><h2>Lost most of their prose ({len(lost)})</h2>'
            f'<p>Check these first: the clean removed most of their running text.</p><ul>{items}{more}</ul></div>')


def _summary_html(summary: dict, spins: list[tuple[str, float]], classes: dict[str, int], failures: list,
                  files: list[dict]) -> str:
    def stat(label, value):
        return f'<div class="stat"><div class="stat-n">{value}</div><div class="stat-l">{label}</div></div>'

    parts = [
        '<section id="summary"><div class="stats">',
        stat("files", summary["files"]),
        stat("changed", summary["changed"]),
        stat("edits", summary["edits"]),
        stat("suggestions", summary["suggestions"]),
        stat("failed", summary["failed"]) if summary.get("failed") else "",
        stat("of words kept", percent(summary["kept"]["words"])),
        stat("lost most prose", len(summary["kept"]["lost_prose"])),
        "</div>",
        _lost_html(files),
        '<div class="charts"><div><h2>Edits per cleaner</h2>',
        _bars(summary["counts"], lambda k: k, classes),
        "</div><div><h2>Edits per rule</h2>",
        _bars(summary["rules"], lambda k: k.split("/", 1)[0], classes),
        "</div></div>",
    ]
    if failures:
        parts.append("<h2>Not cleaned</h2><ul class=\"failures\">")
        for failure in failures:
            parts.append(f"<li><b>{html.escape(str(failure.get('path', '')))}</b>: "
                         f"{html.escape(str(failure.get('error', '')))}</li>")
        parts.append("</ul>")
    if spins:
        scores = [s for _, s in spins]
        parts.append(
            f"<h2>Spin scores</h2><p>{len(scores)} files scored, mean {sum(scores) / len(scores):.2f}, "
            f"max {max(scores):.2f}.</p><table class=\"spin\"><tr><th>file</th><th>score</th></tr>"
        )
        for path, score in sorted(spins, key=lambda ps: -ps[1])[:10]:
            parts.append(f"<tr><td>{html.escape(path)}</td><td>{score:.2f}</td></tr>")
        parts.append("</table>")
    parts.append("</section>")
    return "".join(parts)


def render_html(results: list, failures: list | None = None, title: str = "textfix review") -> str:
    """One self-contained HTML page reviewing ``results`` (a list of :class:`textfix.Result`).

    ``failures`` are the inputs that could not be cleaned, as ``{"path", "error"}`` dicts.
    """
    strings = _Strings()
    files = [_file_data(r, i + 1, strings) for i, r in enumerate(results)]
    summary = summarize(results, failures)
    cleaners = sorted(set(summary["counts"]) | {strings.table[e[0]] for f in files for e in f["e"]})
    classes = {code: i % 8 for i, code in enumerate(cleaners)}
    rules = sorted({f"{strings.table[e[0]]}/{strings.table[e[1]]}" for f in files for e in f["e"]})
    spins = [(f["p"], float(f["spin"])) for f in files if f["spin"] is not None]
    data = {"strings": strings.table, "cleaners": cleaners, "rules": rules, "files": files}
    options_c = "".join(f'<option value="{html.escape(c)}">{html.escape(c)}</option>' for c in cleaners)
    options_r = "".join(f'<option value="{html.escape(r)}">{html.escape(r)}</option>' for r in rules)
    script = "\n" + _asset("render.js") + "\n" + _asset("review.js") + "\n"
    # Only this exact script may run: even a mistake in escaping could not execute injected code.
    script_hash = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    legend = "".join(f'<span class="legend c{classes[c]}">{html.escape(c)}</span>' for c in cleaners)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{script_hash}'">
<title>{html.escape(title)}</title>
<style>
{_asset("review.css")}
</style>
</head>
<body>
<header><h1>{html.escape(title)}</h1><span class="muted">textfix {html.escape(__version__)}</span></header>
{_summary_html(summary, spins, classes, failures or [], files)}
<section id="controls">
<label>Cleaner <select id="f-cleaner"><option value="">all</option>{options_c}</select></label>
<label>Rule <select id="f-rule"><option value="">all</option>{options_r}</select></label>
<label><input type="checkbox" id="f-changed"> only files with changes</label>
<label><input type="checkbox" id="f-lost"> only files that lost most of their prose</label>
<label>Order <select id="f-order"><option value="">as given</option><option value="kept">least kept first</option></select></label>
<span id="legend">{legend}<span class="legend sg-legend">suggestion (not applied)</span>
<span class="legend merged-legend" title="a change that several edits made together, in one or more rounds">
change<sup class="count">2</sup> = made by 2 edits (click for each)</span>
<span class="legend ws-legend">␣ space, ↵ line break, ⇥ tab, ⍽ no-break space</span>
<span class="muted">j / k: next / previous change</span></span>
<span id="shown" class="muted"></span>
</section>
<noscript><p>The per-file views need JavaScript; the summary above is complete without it.</p></noscript>
<main id="files"></main>
<aside id="detail" hidden></aside>
<script type="application/json" id="textfix-data">{script_json(data)}</script>
<script>{script}</script>
</body>
</html>
"""

"""What ``--output-format github`` prints: annotations that fit GitHub's limits, and a job summary.

GitHub shows at most 10 warning (and 10 notice) annotations per step and 50 per run, so a run
gives **one annotation per file** (counts per rule, the lines where changes start, what the clean
kept) and per-edit annotations only for the first :data:`EDIT_ANNOTATIONS` edits of the whole run,
each with a short excerpt (at most :data:`EXCERPT` characters, whitespace shown as symbols). With
``$GITHUB_STEP_SUMMARY`` set, the run also appends a Markdown table of files, retention and rules.
"""

from __future__ import annotations

import re
from collections import Counter

from .errors import TextfixError
from .printable import printable
from .retention import Kept, percent, result_retention

EDIT_ANNOTATIONS = 10  # per run: GitHub would not show more of one level in a step
EXCERPT = 80
START_LINES = 8  # line numbers listed in a file's annotation
SUMMARY_ROWS = 200  # files in the job summary table (GitHub caps a step's summary at 1 MiB)
_VISIBLE = str.maketrans({" ": "\u2423", "\n": "\u21b5", "\t": "\u21e5", "\r": "\u240d", "\u00a0": "\u237d"})
_NOT_SPACE = str.maketrans({"\n": "\u21b5", "\t": "\u21e5", "\r": "\u240d", "\u00a0": "\u237d"})


def escape_data(value: str) -> str:
    """A workflow command's message, escaped as GitHub reads it.

    >>> escape_data("50% off\\nnow")
    '50%25 off%0Anow'
    """
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """A workflow command's property (file, title): also ``:`` and ``,`` escaped.

    >>> escape_property("a,b: c.txt")
    'a%2Cb%3A c.txt'
    """
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def shorten(text: str, limit: int = EXCERPT) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis in the middle.

    >>> shorten("abcdefghij", 7)
    'abc…hij'
    >>> shorten("short", 7)
    'short'
    """
    if len(text) <= limit:
        return text
    head = (limit - 1) // 2 + (limit - 1) % 2
    return text[:head] + "\u2026" + text[len(text) - (limit - 1 - head):]


def excerpt(text: str, limit: int = EXCERPT) -> str:
    """One short line showing ``text``, with the white space that matters as symbols.

    Line breaks become ↵; spaces at the edges, runs of spaces, tabs and no-break spaces show as
    ␣, ⇥ and ⍽; single spaces between words stay spaces. Nothing at all shows as ∅.

    >>> excerpt(" ’ "), excerpt("word  word"), excerpt("Home\\nNews\\nSport"), excerpt("")
    ('␣’␣', 'word␣␣word', 'Home↵News↵Sport', '∅')
    >>> len(excerpt("word " * 100))
    80
    """
    if not text:
        return "\u2205"
    core = text.strip(" ")
    lead = len(text) - len(text.lstrip(" "))
    trail = len(text) - len(text.rstrip(" ")) if core else 0
    core = re.sub(r"  +", lambda m: m.group().translate(_VISIBLE), core).translate(_NOT_SPACE)
    return shorten("\u2423" * lead + core + "\u2423" * trail, limit)


def file_of(result) -> tuple[str, int | None]:
    """The file a result came from, and its line when it is a JSONL record (whose path is
    ``FILE:LINE``); a file whose own name ends in a colon and digits is still a file.

    >>> from textfix.result import Result
    >>> file_of(Result("", "", path="shards/a.jsonl:12", record=12)), file_of(Result("", "", path="notes:12"))
    (('shards/a.jsonl', 12), ('notes:12', None))
    >>> file_of(Result("", ""))
    ('', None)
    """
    path = result.path or ""
    if result.record is None:
        return path, None
    return path[: -len(f":{result.record}")], result.record


def kept_phrase(kept: Kept) -> str:
    """What a clean kept, in words.

    >>> kept_phrase(Kept(200, 50, 10, 2, 150, 30))
    'kept 25% of words, 2 of 10 prose lines'
    """
    return f"kept {percent(kept.words)} of words, {kept.prose_kept} of {kept.prose_lines} prose lines"


def lost_prose_warning(path: str, kept: Kept) -> str:
    """The stderr line for a file that lost most of its prose.

    >>> lost_prose_warning("a.txt", Kept(200, 50, 10, 2, 150, 30))
    'textfix: warning: a.txt lost most of its prose (kept 25% of words, 2 of 10 prose lines); check the boilerplate edits'
    """
    return f"textfix: warning: {path} lost most of its prose ({kept_phrase(kept)}); check the boilerplate edits"


def _rule_counts(result, limit: int = START_LINES) -> str:
    """Edits per rule, most first, then suggestions per rule; the first ``limit`` rules named."""
    counts = Counter(f"{e.cleaner}/{e.rule}" for e in result.edits)
    suggested = Counter(f"{e.cleaner}/{e.rule}" for e in result.suggestions)
    parts = [f"{rule} {n}" for rule, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    parts += [f"{rule} {n} suggested" for rule, n in sorted(suggested.items(), key=lambda kv: (-kv[1], kv[0]))]
    return ", ".join(parts[:limit]) + (f" and {len(parts) - limit} more rules" if len(parts) > limit else "")


def start_lines(result, limit: int = START_LINES) -> str:
    """The distinct lines where changes start, the first ``limit`` of them."""
    lines = sorted({e.line for e in list(result.edits) + list(result.suggestions)})
    shown = ", ".join(map(str, lines[:limit]))
    return shown + (f" and {len(lines) - limit} more" if len(lines) > limit else "")


def file_annotation(result, kept: Kept) -> str | None:
    """The one annotation of a file: counts per rule, where changes start, what was kept.

    None for a file with nothing to say. A file that lost most of its prose says so in its title.
    """
    if not result.edits and not result.suggestions:
        return None
    path, record_line = file_of(result)
    first = record_line or min(e.line for e in list(result.edits) + list(result.suggestions)) or 1
    edits, suggestions = len(result.edits), len(result.suggestions)
    title = f"textfix: {edits} edit{'s' if edits != 1 else ''}"
    if suggestions:
        title += f", {suggestions} suggestion{'s' if suggestions != 1 else ''}"
    if kept.lost_prose:
        title = "textfix: lost most of its prose"
    where = f"record at line {record_line}" if record_line else f"changes start at lines {start_lines(result)}"
    message = f"{_rule_counts(result)}. {where[0].upper() + where[1:]}. {kept_phrase(kept).capitalize()}."
    level = "warning" if result.edits else "notice"
    return f"::{level} file={escape_property(printable(path))},line={first},title={escape_property(title)}::{escape_data(message)}"


def edit_annotation(edit, path: str) -> str:
    """A per-edit notice: the rule in its title, a short excerpt of what changed (never a repr).

    >>> from textfix.edits import RecordedEdit as R
    >>> run = R("boilerplate", "navigation-run", "", "safe", 1.0, "", "", 0, 9, 1, 1, 3, 1, original="Home\\nNews\\n")
    >>> edit_annotation(run, "a.txt")
    '::notice file=a.txt,line=1,col=1,endLine=3,endColumn=1,title=textfix boilerplate/navigation-run::removed: Home↵News'
    """
    before = edit.original or edit.before
    if edit.after or not before.strip() or "\n" not in before:
        change = f"{excerpt(before, EXCERPT // 2 - 1)} \u2192 {excerpt(edit.after, EXCERPT // 2 - 1)}"
    else:
        change = "removed: " + excerpt(before.strip("\n"), EXCERPT - len("removed: "))
    title = f"textfix {edit.cleaner}/{edit.rule}" + ("" if edit.applied else " (suggestion)")
    location = f"line={edit.line},col={edit.column},endLine={edit.end_line},endColumn={edit.end_column}"
    return f"::notice file={escape_property(printable(path))},{location},title={escape_property(title)}::{escape_data(change)}"


class GithubAnnotations:
    """The annotations of a run, file by file: keeps count of the per-edit ones given so far."""

    def __init__(self, edit_limit: int = EDIT_ANNOTATIONS):
        self.edit_limit = edit_limit
        self.edits_shown = 0

    def lines(self, result, kept: Kept) -> list[str]:
        head = file_annotation(result, kept)
        if head is None:
            return []
        out = [head]
        path, record_line = file_of(result)
        for edit in list(result.edits) + list(result.suggestions):
            if self.edits_shown >= self.edit_limit or record_line:
                break
            out.append(edit_annotation(edit, path))
            self.edits_shown += 1
        return out


def _cell(text: str) -> str:
    """Text safe in a Markdown table cell.

    >>> _cell("a|b\\nc")
    'a\\\\|b c'
    """
    return printable(" ".join(text.replace("\\", "\\\\").replace("|", "\\|").replace("`", "\\`").split()))


def job_summary(rows: list[tuple[str, Kept, dict[str, int]]], limit: int = SUMMARY_ROWS) -> str:
    """A Markdown table for ``$GITHUB_STEP_SUMMARY``: files (least kept first), retention and rules.

    ``rows`` are ``(path, kept, rule counts)``.

    >>> print(job_summary([("a.txt", Kept(100, 99, 5, 5, 80, 80), {"whitespace/trailing-space": 3})]))
    ### textfix
    <BLANKLINE>
    1 file, 1 changed; 0 lost most of their prose.
    <BLANKLINE>
    | file | words kept | prose lines kept | edits per rule |
    |---|---:|---:|---|
    | a.txt | 99% | 5/5 | whitespace/trailing-space 3 |
    <BLANKLINE>
    """
    changed = sum(1 for _, _, rules in rows if rules)
    lost = sum(1 for _, kept, _ in rows if kept.lost_prose)
    lines = ["### textfix", "",
             f"{len(rows)} file{'s' if len(rows) != 1 else ''}, {changed} changed; {lost} lost most of their prose.", "",
             "| file | words kept | prose lines kept | edits per rule |", "|---|---:|---:|---|"]
    ordered = sorted(rows, key=lambda row: (not row[1].lost_prose, row[1].words, row[0]))
    for path, kept, rules in ordered[:limit]:
        flag = " **lost most of its prose**" if kept.lost_prose else ""
        per_rule = ", ".join(f"{rule} {n}" for rule, n in sorted(rules.items(), key=lambda kv: (-kv[1], kv[0])))
        lines.append(f"| {_cell(path)}{flag} | {percent(kept.words)} | {kept.prose_kept}/{kept.prose_lines} | "
                     f"{_cell(per_rule) or 'none'} |")
    if len(ordered) > limit:
        lines.append(f"\n{len(ordered) - limit} more files not listed.")
    return "\n".join(lines) + "\n"


def job_summary_from(path: str, results: list) -> None:
    """Append the job summary of ``results`` to ``path`` (what ``$GITHUB_STEP_SUMMARY`` names)."""
    rows = [(r.path or "", result_retention(r), r.rule_counts()) for r in results]
    try:
        with open(path, "a", encoding="utf-8") as f:
            f.write(job_summary(rows))
    except OSError as e:
        raise TextfixError(f"{path}: cannot write the job summary ({e.strerror or e})") from None

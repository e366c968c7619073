"""JSONL datasets: clean one text field of every record, streaming, keeping every other field.

The file is read in chunks of lines that workers clean in order; only a few chunks are in memory
at a time. A line that is not a JSON object with a string text field is reported with its line
number and passed through unchanged (or skipped, by option) — never dropped silently.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections import Counter
from contextlib import nullcontext
from dataclasses import dataclass, field

from .errors import TextfixError
from .io import AtomicWriter, display_name
from .jsonl_record import BOM, RawRecord
from .parallel import WorkerPool, worker_pipeline
from .result import Result

CHUNK_LINES = 200
PASS, SKIP = "pass", "skip"


@dataclass(frozen=True)
class JsonlOptions:
    text_field: str = "text"
    stats_field: str | None = None
    bad_records: str = PASS
    keep_results: bool = False
    site_field: str = "url"  # the record's site, for its site's templates (a URL's host, or the value)


NOT_UTF8, NOT_JSON, NOT_OBJECT, NO_FIELD, INTERNAL = "not UTF-8", "malformed JSON", "not an object", "no field", "internal"


@dataclass
class Problem:
    line: int
    message: str
    kind: str = NOT_JSON


@dataclass
class ProblemTally:
    """The bad lines of one JSONL file summed up: one message per kind of problem, naming its
    first line and how many more there are, instead of a line per record.

    >>> tally = ProblemTally()
    >>> tally.add([Problem(2, "no string field 'body'", NO_FIELD), Problem(3, "no string field 'body'", NO_FIELD)])
    >>> tally.warnings("a.jsonl", "passed through")
    ["textfix: warning: a.jsonl:2: no string field 'body'; passed through (and 1 more line like it)"]
    >>> tally.failure("a.jsonl", "body", records=0)
    "a.jsonl: no record has a string field 'body' (2 JSON objects; --text-field names the field)"
    """

    first: dict = field(default_factory=dict)  # kind -> its first Problem
    counts: Counter = field(default_factory=Counter)

    def add(self, problems) -> None:
        for problem in problems:
            self.first.setdefault(problem.kind, problem)
            self.counts[problem.kind] += 1

    def warnings(self, name: str, action: str) -> list[str]:
        out = []
        for kind, problem in sorted(self.first.items(), key=lambda item: item[1].line):
            more = self.counts[kind] - 1
            tail = f" (and {more} more line{'s' if more != 1 else ''} like it)" if more else ""
            out.append(f"textfix: warning: {name}:{problem.line}: {problem.message}; {action}{tail}")
        return out

    def failure(self, name: str, text_field: str, records: int) -> str | None:
        """Why a file with bad lines and no cleaned record fails (exit 2), or None."""
        if records or not self.counts:
            return None
        objects = self.counts[NO_FIELD]
        if objects:
            return (f"{name}: no record has a string field {text_field!r} ({objects} JSON object"
                    f"{'s' if objects != 1 else ''}; --text-field names the field)")
        if not self.counts[INTERNAL]:
            lines = sum(self.counts.values())
            return f"{name}: not JSONL: none of its {lines} non-blank line{'s' if lines != 1 else ''} is a JSON object"
        return None


@dataclass
class ChunkOutcome:
    lines: list[bytes]  # the chunk's output lines, exactly as they are to be written
    problems: list[Problem] = field(default_factory=list)
    records: int = 0
    changed: int = 0
    edits: int = 0
    counts: Counter = field(default_factory=Counter)
    results: list[Result] = field(default_factory=list)
    outputs: list[str] = field(default_factory=list)  # per-record diffs, in diff mode


@dataclass(frozen=True)
class ChunkTask:
    """Consecutive raw lines of one JSONL file, numbered from ``first_line``, to clean as ``options`` say."""

    name: str
    first_line: int
    lines: list[bytes]
    options: JsonlOptions
    want_diff: bool = False


def _parse_line(raw: bytes, text_field: str) -> tuple[RawRecord | None, Problem | None]:
    """The record on one raw line, or why it cannot be cleaned."""
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        return None, Problem(0, f"not UTF-8 (byte {e.start + 1})", NOT_UTF8)
    try:
        record = json.loads(line.removeprefix(BOM))  # a file's byte order mark stays in its first line
    except json.JSONDecodeError as e:
        return None, Problem(0, f"malformed JSON ({e.msg} at column {e.colno})", NOT_JSON)
    if not isinstance(record, dict):
        return None, Problem(0, f"a JSON {type(record).__name__}, not an object", NOT_OBJECT)
    if not isinstance(record.get(text_field), str):
        return None, Problem(0, f"no string field {text_field!r}", NO_FIELD)
    return RawRecord.parse(line), None


def record_stats(result: Result) -> dict:
    return {"changed": result.changed, "edits": len(result.edits), "counts": result.counts()}


def clean_record(pipeline, record: dict, options: JsonlOptions, path: str | None = None) -> Result:
    """Clean the text field of a parsed record (a dict) in place, and add the stats field if
    asked for: the Python API's records, which have no raw line to keep. The record's site
    (from ``options.site_field``) decides which site's templates apply."""
    from .templates.sources import site_of_value  # here: the templates package costs start-up time

    result = pipeline.run(record[options.text_field], path=path, site=site_of_value(record.get(options.site_field)))
    if result.changed or options.stats_field:
        record[options.text_field] = result.text
        if options.stats_field:
            record[options.stats_field] = record_stats(result)
    return result


def clean_chunk(task: ChunkTask) -> ChunkOutcome:
    """Clean the records of one chunk. Runs in a worker process; never raises.

    Only the text field's string token of a changed record is rewritten (and the stats field,
    if asked for); an unchanged record, a blank line and a bad line keep their exact bytes.
    """
    from .templates.sources import site_of_value

    options = task.options
    pipeline = worker_pipeline()
    out = ChunkOutcome(lines=[])
    for offset, raw in enumerate(task.lines):
        line_no = task.first_line + offset
        if not raw.strip():
            out.lines.append(raw)
            continue
        record, problem = _parse_line(raw, options.text_field)
        if problem is None:
            name = f"{task.name}:{line_no}"
            try:
                site = record.fields.get(options.site_field)
                result = pipeline.run(record.fields[options.text_field].value, path=name,
                                      site=site_of_value(site.value if site else None))
                result.record = line_no
            except Exception as e:  # a bug in one cleaner fails this record, not the shard
                problem = Problem(0, f"internal error: {type(e).__name__}: {e}", INTERNAL)
        if problem is not None:
            problem.line = line_no
            out.problems.append(problem)
            if options.bad_records == PASS:
                out.lines.append(raw)
            continue
        out.records += 1
        if result.changed:
            out.changed += 1
            out.edits += len(result.edits)
            out.counts.update(result.counts())
            if task.want_diff:
                out.outputs.append(result.diff(name))
        if options.keep_results:
            out.results.append(result)
        if result.changed or options.stats_field:
            stats = record_stats(result) if options.stats_field else None
            line = record.with_values(options.text_field, result.text if result.changed else None,
                                      options.stats_field, stats)
            out.lines.append(line.encode("utf-8"))
        else:
            out.lines.append(raw)
    return out


def line_batches(lines, size: int = CHUNK_LINES):
    """Consecutive lists of at most ``size`` lines, each with the 1-based number of its first line.

    >>> list(line_batches(["a", "b", "c"], size=2))
    [(1, ['a', 'b']), (3, ['c'])]
    """
    batch, first = [], 1
    for line in lines:
        batch.append(line)
        if len(batch) >= size:
            yield first, batch
            first += len(batch)
            batch = []
    if batch:
        yield first, batch


def _hashed(stream, hasher):
    for raw in stream:
        hasher.update(raw)
        yield raw


def _chunks(stream, name: str, options: JsonlOptions, want_diff: bool, hasher):
    for first, batch in line_batches(_hashed(stream, hasher)):
        yield ChunkTask(name, first, batch, options, want_diff)


def clean_jsonl(path: str, mode: str, out_path: str | None, options: JsonlOptions, pool: WorkerPool,
                on_chunk=None) -> dict:
    """Stream one JSONL file through the pipeline on ``pool``; returns totals for the summary.

    ``mode``: stdout, check, diff, in-place or output. ``on_chunk`` sees each ChunkOutcome (for
    problems, progress and reports) in file order.
    """
    name = display_name(path)
    hasher = hashlib.blake2b(digest_size=16)
    totals = Counter()
    if mode == "in-place":
        writer = AtomicWriter(path)
    elif mode == "output":
        writer = AtomicWriter(out_path, make_dirs=True)
    else:
        writer = nullcontext()
    try:
        stream = sys.stdin.buffer if path == "-" else open(path, "rb")
    except OSError as e:
        raise TextfixError(f"{name}: cannot read ({e.strerror or e})") from None
    try:
        with writer as sink:
            chunks = _chunks(stream, name, options, mode == "diff", hasher)
            for outcome in pool.map(clean_chunk, chunks):
                totals["records"] += outcome.records
                totals["changed"] += outcome.changed
                totals["edits"] += outcome.edits
                totals["problems"] += len(outcome.problems)
                if sink is not None:
                    sink.write_bytes(b"".join(outcome.lines))
                elif mode == "stdout":
                    sys.stdout.buffer.write(b"".join(outcome.lines))
                elif mode == "diff":  # a record's lone surrogate is shown as its escape
                    sys.stdout.buffer.write("".join(outcome.outputs).encode("utf-8", "backslashreplace"))
                if on_chunk:
                    on_chunk(outcome)
            if mode == "output" and not totals["records"] and totals["problems"]:
                sink.cancel()  # no record cleaned (a wrong --text-field, a file that is not JSONL): write nothing
            if mode == "in-place":
                if not totals["changed"] and not options.stats_field:
                    sink.cancel()  # nothing changed: leave the file exactly as it is
                elif not _same_digest(path, hasher.hexdigest()):
                    raise TextfixError(f"{name} changed while being cleaned; left as it is")
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()
    return totals


def _same_digest(path: str, digest: str) -> bool:
    hasher = hashlib.blake2b(digest_size=16)
    try:
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                hasher.update(block)
    except OSError:
        return False
    return hasher.hexdigest() == digest

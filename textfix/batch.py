"""Cleaning many files: one task per file, run in order-preserving parallel, with per-file outcomes.

A failure in one file (unreadable, binary, changed on disk meanwhile, a cleaner bug) is reported
and counted; the rest of the batch goes on.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field

from .discovery import Source
from .errors import TextfixError
from .io import atomic_write, decode, display_name, read_bytes
from .parallel import worker_pipeline
from .result import Result
from .retention import Kept, result_retention
from .spec import Mode

CHANGED, UNCHANGED, FAILED = "changed", "unchanged", "failed"


@dataclass(frozen=True)
class FileTask:
    """What a worker needs to clean one file. ``mode`` is stdout, check, diff, in-place or output."""

    source: Source
    mode: Mode
    out_path: str | None = None
    encoding: str | None = None
    max_bytes: int = 64_000_000
    keep_result: bool = True
    name: str | None = None  # the path shown in messages and reports, when read under another (absolute) one
    # Stdin is read once in the parent: a worker process has no (or another) stdin.
    data: bytes | None = None
    read_error: str | None = None


@dataclass
class Outcome:
    path: str
    status: str
    error: str | None = None
    results: list[Result] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)
    edits: int = 0
    documents: int = 1
    output: str | None = None  # text or diff for stdout
    kept: Kept | None = None


def _digest(data: bytes) -> str:
    import hashlib  # only --in-place needs it: not loaded on every start-up

    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _unchanged_on_disk(path: str, digest: str) -> bool:
    try:
        with open(path, "rb") as f:
            return _digest(f.read()) == digest
    except OSError:
        return False


def clean_file(task: FileTask) -> Outcome:
    """Clean one file as ``task`` says. Runs in a worker process; never raises."""
    path = task.source.path
    name = task.name or display_name(path)
    if task.read_error is not None:
        return Outcome(name, FAILED, error=task.read_error)
    try:
        data = task.data if task.data is not None else read_bytes(path, task.max_bytes, name)
        text, encoding = decode(data, name, task.encoding)
        result = worker_pipeline().run(text, path=name)
        if task.mode == Mode.IN_PLACE and result.changed:
            # Never overwrite a file that changed while we cleaned it with a stale result.
            if not _unchanged_on_disk(path, _digest(data)):
                raise TextfixError(f"{name} changed or vanished while being cleaned; left as it is")
            atomic_write(path, result.text, encoding)
        elif task.mode == Mode.OUTPUT:
            atomic_write(task.out_path, result.text, make_dirs=True, like=None if path == "-" else path)
        output = None
        if task.mode == Mode.STDOUT:
            output = result.text
        elif task.mode == Mode.DIFF and result.changed:
            output = result.diff(name)
        counts = Counter(result.counts())
        return Outcome(name, CHANGED if result.changed else UNCHANGED,
                       results=[result] if task.keep_result else [], counts=counts,
                       edits=len(result.edits), output=output, kept=result_retention(result))
    except TextfixError as e:
        return Outcome(name, FAILED, error=str(e))
    except Exception as e:  # a bug in one cleaner must not sink the whole batch
        return Outcome(name, FAILED, error=f"internal error: {type(e).__name__}: {e}")


def read_stdin_task(task: FileTask) -> FileTask:
    """``task`` with stdin's bytes (or the error reading them) in it, read here in the parent."""
    from dataclasses import replace

    try:
        return replace(task, data=read_bytes("-", task.max_bytes, task.name or display_name("-")))
    except TextfixError as e:
        return replace(task, read_error=str(e))


def output_path(source: Source, output_dir: str) -> str:
    """Where --output-dir puts the cleaned copy of ``source``: the input tree, mirrored."""
    return os.path.join(output_dir, source.relative)

"""JSONL shards on Dask: byte ranges of a shard (cut at line ends) cleaned and written by workers.

A block is cleaned by :func:`clean_block` on a worker, which reads the shard and writes the
block's lines atomically to a deterministic name: a task that runs twice (its worker died)
rewrites the same file with the same bytes, so every record ends up written exactly once. A
shard cut into several blocks is joined by :func:`assemble_shard`, on a worker too. Only small
outcomes travel back to the client; :func:`clean_shards` merges them into the run in input order,
through the run's public accounting methods.
"""

from __future__ import annotations

import math
import os
import stat
from collections import Counter, deque
from contextlib import nullcontext
from dataclasses import dataclass

from .batch import output_path
from .discovery import Source
from .errors import TextfixError
from .io import AtomicWriter, display_name
from .jsonl import ChunkOutcome, ChunkTask, JsonlOptions, clean_chunk, line_batches
from .lifetime import HeldInterrupts
from .parallel import use_pipeline
from .spec import Mode, PipelineSpec

BLOCK_BYTES = 32_000_000  # a JSONL shard larger than this is cleaned in several partitions


@dataclass(frozen=True)
class Block:
    """Lines of one shard that start in bytes [start, end) (``end`` None: to the end of the file).

    Paths are absolute (a worker's working folder is not the client's); ``name`` is the path as
    the user gave it, for messages and reports.
    """

    path: str
    name: str
    index: int
    count: int
    start: int
    end: int | None
    out_path: str | None  # where this block's cleaned lines go (the shard's output, or a part of it)


@dataclass
class BlockOutcome:
    chunk: ChunkOutcome  # merged over the block's chunks; ``lines`` stay on the worker
    lines: int = 0  # lines read, to number the next block's lines
    error: str | None = None


def _part_path(out_path: str, index: int) -> str:
    folder, name = os.path.split(out_path)
    return os.path.join(folder, f".{name}.part-{index:05d}.textfix-tmp")


def shard_blocks(path: str, out_path: str | None, block_bytes: int = BLOCK_BYTES) -> list[Block]:
    """Cut one shard into blocks of about ``block_bytes``. A pipe or other stream is one block."""
    name = display_name(path)
    path = os.path.abspath(path)
    out_path = os.path.abspath(out_path) if out_path else None
    try:
        info = os.stat(path)
    except OSError:
        info = None
    # Every block writes a part, even a shard's only one: the output appears once the client
    # knows the shard did not fail (a shard in which no record has the text field writes nothing).
    if info is None or not stat.S_ISREG(info.st_mode) or info.st_size <= block_bytes:
        return [Block(path, name, 0, 1, 0, None, _part_path(out_path, 0) if out_path else None)]
    count = math.ceil(info.st_size / block_bytes)
    return [Block(path, name, i, count, i * block_bytes, None if i == count - 1 else (i + 1) * block_bytes,
                  _part_path(out_path, i) if out_path else None) for i in range(count)]


def _block_lines(stream, start: int, end: int | None):
    """The lines that start inside [start, end): a line belongs to the block its first byte is in."""
    if start:
        stream.seek(start - 1)
        stream.readline()  # the rest of the line that began in the previous block (or just its "\n")
        position = stream.tell()
    else:
        position = 0
    while end is None or position < end:
        line = stream.readline()
        if not line:
            return
        position += len(line)
        yield line


def _merge_chunk(total: ChunkOutcome, chunk: ChunkOutcome) -> None:
    total.problems.extend(chunk.problems)
    total.records += chunk.records
    total.changed += chunk.changed
    total.edits += chunk.edits
    total.counts.update(chunk.counts)
    total.results.extend(chunk.results)


def clean_block(block: Block, options: JsonlOptions, spec: PipelineSpec) -> BlockOutcome:
    """Clean one block of a shard and write it atomically to ``block.out_path``. Runs on a worker.

    Line numbers in the outcome count from the block's first line; the client shifts them.
    """
    use_pipeline(spec)
    name = block.name
    outcome = BlockOutcome(ChunkOutcome(lines=[]))
    try:
        stream = open(block.path, "rb")
    except OSError as e:
        outcome.error = f"{name}: cannot read ({e.strerror or e})"
        return outcome
    try:
        with stream, (AtomicWriter(block.out_path, make_dirs=True) if block.out_path else nullcontext()) as sink:
            for _first, batch in line_batches(_block_lines(stream, block.start, block.end)):
                _clean_batch(name, batch, outcome, options, sink)
    except TextfixError as e:
        outcome.error = str(e)
    except OSError as e:
        outcome.error = f"{name}: cannot read ({e.strerror or e})"
    except Exception as e:  # a cleaner bug fails this shard, not the run
        outcome.error = f"{name}: internal error: {type(e).__name__}: {e}"
    return outcome


def _clean_batch(name: str, batch: list[bytes], outcome: BlockOutcome, options: JsonlOptions, sink) -> None:
    chunk = clean_chunk(ChunkTask(name, outcome.lines + 1, batch, options))
    outcome.lines += len(batch)
    _merge_chunk(outcome.chunk, chunk)
    if sink is not None:
        sink.write_bytes(b"".join(chunk.lines))


def assemble_shard(out_path: str, parts: list[str]) -> None:
    """Concatenate a shard's parts into its output, atomically, then remove them. Runs on a worker.

    Idempotent: the output is renamed into place before any part is removed, so a rerun that
    finds a part missing knows the output is already complete.
    """
    if not all(os.path.exists(p) for p in parts) and os.path.exists(out_path):
        _remove(parts)
        return
    with AtomicWriter(out_path, make_dirs=True) as sink:
        for part in parts:
            with open(part, "rb") as f:  # the block's lines, byte for byte
                sink.write_bytes(f.read())
    _remove(parts)


def _remove(paths: list[str]) -> None:
    for path in paths:
        try:
            os.unlink(path)
        except FileNotFoundError:
            pass


def _shift_lines(name: str, chunk: ChunkOutcome, offset: int) -> None:
    """Number a block's problems and results from the start of its shard."""
    if not offset:
        return
    for problem in chunk.problems:
        problem.line += offset
    for result in chunk.results:
        result.record += offset
        result.path = f"{name}:{result.record}"


def remove_stale_temporaries(folder: str, names: list[str]) -> int:
    """Remove temporary files a killed worker left beside these outputs. Runs on a worker.

    An atomic write goes through ``.NAME.*.textfix-tmp``; a worker killed mid-write cannot
    remove its own, and the rerun of its task wrote the output under a new one. A block's part
    (``.NAME.part-N.textfix-tmp``, see :func:`_part_path`) is written the same way.

    >>> import tempfile
    >>> folder = tempfile.mkdtemp()
    >>> for left in ("..a.jsonl.part-00000.textfix-tmp.x1.textfix-tmp", ".a.jsonl.x2.textfix-tmp", "a.jsonl", ".b.jsonl.x3.textfix-tmp"):
    ...     open(os.path.join(folder, left), "w").close()
    >>> remove_stale_temporaries(folder, ["a.jsonl"]), sorted(os.listdir(folder))
    (2, ['.b.jsonl.x3.textfix-tmp', 'a.jsonl'])
    """
    # NAME's own temporaries, and those of its parts (whose names start with a dot themselves).
    prefixes = tuple(prefix for name in names for prefix in (f".{name}.", f"..{name}.part-"))
    removed = 0
    try:
        entries = os.listdir(folder)
    except OSError:
        return 0
    for entry in entries:
        if entry.endswith(".textfix-tmp") and entry.startswith(prefixes):
            try:
                os.unlink(os.path.join(folder, entry))
                removed += 1
            except OSError:
                pass
    return removed



def sweep(client, outputs: list[str]) -> None:
    """After the run: remove what killed workers left half-written beside the outputs."""
    folders: dict[str, list[str]] = {}
    for path in outputs:
        folder, name = os.path.split(path)
        folders.setdefault(folder, []).append(name)
    futures = [client.submit(remove_stale_temporaries, folder, names, pure=False)
               for folder, names in folders.items()]
    client.gather(futures)


def clean_shards(run, sources: list[Source], client, block_bytes: int = BLOCK_BYTES) -> None:
    """Clean JSONL ``sources`` block by block on ``client``'s cluster, accounted for in ``run``
    (a :class:`textfix.runner.Run`) shard by shard, in input order."""
    spec = run.spec
    jsonl = run.jsonl_options()
    shards = []
    for source in sources:
        out = os.path.abspath(output_path(source, spec.output_dir)) if spec.mode == Mode.OUTPUT else None
        shards.append((source.path, out, shard_blocks(source.path, out, block_bytes)))
    blocks = [block for _, _, shard in shards for block in shard]
    if not blocks:
        return
    # One future per block, sent in order: the scheduler runs them first come, first served.
    futures = deque(client.submit(clean_block, block, jsonl, spec.pipeline, pure=False) for block in blocks)
    outputs = [out for _, out, _ in shards if out]
    remaining = deque(shards)
    try:
        with run.progress(len(shards)) as advance:
            while remaining:
                path, out, shard = remaining[0]
                outcomes = [future.result() for future in list(futures)[:len(shard)]]
                with HeldInterrupts():  # a stop now would leave the shard written and not counted
                    remaining.popleft()
                    for _ in shard:
                        futures.popleft()
                    _shard_done(run, client, display_name(path), out, outcomes, shard)
                    advance(1)
    except KeyboardInterrupt:
        _stopped(run, client, remaining, futures)
        sweep(client, outputs)
        raise
    sweep(client, outputs)


STOP_TIMEOUT = 30.0  # seconds a stopped run waits for each task a worker is running


def started_on(client, futures: list) -> list:
    """Of ``futures``, those finished or running on a worker; the others are cancelled."""
    processing = {key for keys in client.processing().values() for key in keys}
    started = []
    for future in futures:
        if future.done() or future.key in processing:
            started.append(future)
        else:
            future.cancel()
    return started


def _stopped(run, client, shards: deque, futures: deque) -> None:
    """After Ctrl-C: let the blocks being cleaned finish, cancel the rest, and account, in
    order, for every shard whose blocks all finished (its output is written)."""
    started = set(started_on(client, list(futures)))
    kept = [future in started for future in futures]
    finished = []
    for future, keep in zip(futures, kept):
        try:
            finished.append(future.result(timeout=STOP_TIMEOUT) if keep else None)
        except Exception:  # noqa: BLE001 - a lost worker or a timeout: that block is not written
            finished.append(None)
    for path, out, shard in shards:
        outcomes, finished = finished[:len(shard)], finished[len(shard):]
        if any(outcome is None for outcome in outcomes):
            if out and len(shard) > 1:
                client.submit(_remove, [block.out_path for block in shard], pure=False).result()
            continue
        _shard_done(run, client, display_name(path), out, outcomes, shard)


def _shard_done(run, client, name: str, out: str | None, outcomes: list[BlockOutcome], shard: list[Block]) -> None:
    """Merge the outcomes of a shard's blocks, in order, and join its parts."""
    totals, offset, error = Counter(), 0, None
    for outcome in outcomes:
        if outcome.error:
            error = outcome.error
            break
        _shift_lines(name, outcome.chunk, offset)
        offset += outcome.lines
        run.jsonl_chunk_done(name, outcome.chunk)
        for key in ("records", "changed", "edits"):
            totals[key] += getattr(outcome.chunk, key)
        totals["problems"] += len(outcome.chunk.problems)
    parts = [block.out_path for block in shard] if out else []
    error = error or run.jsonl_file_failure(name, totals["records"])
    if parts and not error:  # later shards' blocks go on meanwhile
        try:
            client.submit(assemble_shard, out, parts, pure=False).result()
        except (OSError, TextfixError) as e:
            error = str(e) if isinstance(e, TextfixError) else f"{out}: cannot write ({e.strerror or e})"
    if error:
        if parts:
            client.submit(_remove, parts, pure=False).result()
        run.jsonl_file_failed(name, error)
        return
    run.jsonl_file_done(name, totals)

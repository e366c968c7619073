"""Scale-out on Dask: the same pipeline over sharded datasets, on a local or a remote cluster.

``textfix clean --engine dask`` splits the inputs into partitions: byte ranges of JSONL shards
(cut at line ends) or groups of text files. Each partition is cleaned on a Dask worker by the
code the single-machine run uses (:func:`textfix.jsonl.clean_chunk`, :func:`textfix.batch.clean_file`)
and written by the worker to a deterministic name, atomically. A task that runs twice — because
its worker died and the scheduler ran it again elsewhere — rewrites the same file with the same
bytes, so every record ends up written exactly once. Only small outcomes (counts, problems and,
with a report, the edit records) travel back to the client, which merges them in input order
into the same summary and report as the single-machine run.

Workers read the inputs and write the outputs under the same paths as the client: on a real
cluster that means a shared file system. Dask is imported only here, and only when used, so
textfix without the ``dask`` extra never imports it.

For data already in Dask, :func:`clean_bag` and :func:`clean_dataframe` clean a bag or a
DataFrame lazily, with the same pipeline.
"""

from __future__ import annotations

import math
import os
import stat
from collections import Counter, deque
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, replace

from .batch import FileTask, Outcome, clean_file, output_path
from .discovery import Skipped, Source
from .errors import TextfixError
from .io import AtomicWriter, display_name
from .jsonl import ChunkOutcome, JsonlOptions, clean_chunk, clean_record, line_batches
from .parallel import default_jobs, use_pipeline, worker_pipeline
from .runner import Run
from .spec import Mode, PipelineSpec, RunSpec

NEEDS_EXTRA = "--engine dask needs the dask extra: pip install 'textfix[dask]'"
BLOCK_BYTES = 32_000_000  # a JSONL shard larger than this is cleaned in several partitions
MAX_FILES_PER_PARTITION = 1000


def require_dask() -> None:
    """Fail with one line (exit 2 in the CLI) when the ``dask`` extra is not installed."""
    try:
        import dask.bag  # noqa: F401
        import distributed  # noqa: F401
    except ImportError:
        raise TextfixError(NEEDS_EXTRA) from None


# --- JSONL shards: blocks of lines ---------------------------------------------------------------

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
    if info is None or not stat.S_ISREG(info.st_mode) or info.st_size <= block_bytes:
        return [Block(path, name, 0, 1, 0, None, out_path)]
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
    chunk = clean_chunk((name, outcome.lines + 1, batch, options, False))
    outcome.lines += len(batch)
    _merge_chunk(outcome.chunk, chunk)
    if sink is not None:
        sink.write("".join(chunk.lines))


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
            with open(part, encoding="utf-8") as f:  # written as UTF-8 by clean_block: same bytes back
                sink.write(f.read())
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
        line = int(result.path.rsplit(":", 1)[1])
        result.path = f"{name}:{line + offset}"


def remove_stale_temporaries(folder: str, names: list[str]) -> int:
    """Remove temporary files a killed worker left beside these outputs. Runs on a worker.

    An atomic write goes through ``.NAME.*.textfix-tmp``; a worker killed mid-write cannot
    remove its own, and the rerun of its task wrote the output under a new one.
    """
    prefixes = tuple(f".{name}." for name in names)
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


# --- text files: groups of files ---------------------------------------------------------------

def clean_files(tasks: list[FileTask], spec: PipelineSpec) -> list[Outcome]:
    """Clean a partition of text files with :func:`textfix.batch.clean_file`. Runs on a worker."""
    use_pipeline(spec)
    return [clean_file(task) for task in tasks]


# --- the run --------------------------------------------------------------------------------------

class DaskRun(Run):
    """A :class:`textfix.runner.Run` whose partitions are cleaned on a Dask cluster.

    Outcomes are merged in input order by the same methods as the single-machine run, so the
    summary, messages and report are the same.
    """

    def __init__(self, spec: RunSpec, client, block_bytes: int = BLOCK_BYTES):
        super().__init__(spec)
        self.client = client
        self.block_bytes = block_bytes

    def _sweep(self, outputs: list[str]) -> None:
        """After the run: remove what killed workers left half-written beside the outputs."""
        folders: dict[str, list[str]] = {}
        for path in outputs:
            folder, name = os.path.split(path)
            folders.setdefault(folder, []).append(name)
        futures = [self.client.submit(remove_stale_temporaries, folder, names, pure=False)
                   for folder, names in folders.items()]
        self.client.gather(futures)

    @contextmanager
    def _bar(self, total: int):
        """The run's progress bar (when it shows one), advanced by the number of items merged."""
        bar = self._progress(total)
        if bar is None:
            yield lambda n: None
            return
        with bar:
            yield bar.update

    def _threads(self) -> int:
        return max(1, sum(self.client.nthreads().values()))

    def _run_files(self, sources: list[Source]) -> None:
        import dask.bag as db

        tasks = [replace(task, source=Source(os.path.abspath(task.source.path)), name=task.source.path,
                         out_path=task.out_path and os.path.abspath(task.out_path))
                 for task in self._tasks(sources)]
        if not tasks:
            return
        partitions = min(len(tasks), max(4 * self._threads(), math.ceil(len(tasks) / MAX_FILES_PER_PARTITION)))
        bag = db.from_sequence(tasks, npartitions=partitions).map_partitions(clean_files, self.spec.pipeline)
        futures = deque(self.client.compute(bag.to_delayed()))
        with self._bar(len(tasks)) as advance:
            while futures:  # popped as merged, so the cluster forgets each outcome once it is used
                outcomes = futures.popleft().result()
                for outcome in outcomes:
                    self._file_done(outcome)
                advance(len(outcomes))
        self._sweep([task.out_path for task in tasks if task.out_path])

    def _run_jsonl(self, sources: list[Source]) -> None:
        import dask.bag as db

        opts = self.spec
        jsonl = self._jsonl_options()
        shards = []
        for source in sources:
            out = os.path.abspath(output_path(source, opts.output_dir)) if opts.mode == Mode.OUTPUT else None
            shards.append((source.path, out, shard_blocks(source.path, out, self.block_bytes)))
        blocks = [block for _, _, shard in shards for block in shard]
        if not blocks:
            return
        bag = db.from_sequence(blocks, partition_size=1).map(clean_block, jsonl, self.spec.pipeline)
        futures = deque(self.client.compute(bag.to_delayed()))
        with self._bar(len(shards)) as advance:
            for path, out, shard in shards:
                self._shard_done(display_name(path), out, [futures.popleft().result()[0] for _ in shard], shard)
                advance(1)
        self._sweep([out for _, out, _ in shards if out])

    def _shard_done(self, name: str, out: str | None, outcomes: list[BlockOutcome], shard: list[Block]) -> None:
        """Merge the outcomes of a shard's blocks, in order, and join its parts."""
        self.summary.files += 1
        totals, offset, error = Counter(), 0, None
        for outcome in outcomes:
            if outcome.error:
                error = outcome.error
                break
            _shift_lines(name, outcome.chunk, offset)
            offset += outcome.lines
            self._jsonl_chunk_done(name, outcome.chunk)
            totals["records"] += outcome.chunk.records
            totals["changed"] += outcome.chunk.changed
            totals["edits"] += outcome.chunk.edits
            totals["problems"] += len(outcome.chunk.problems)
        parts = [block.out_path for block in shard] if out and len(shard) > 1 else []
        if parts and not error:  # later shards' blocks go on meanwhile
            try:
                self.client.submit(assemble_shard, out, parts, pure=False).result()
            except (OSError, TextfixError) as e:
                error = str(e) if isinstance(e, TextfixError) else f"{out}: cannot write ({e.strerror or e})"
        if error:
            if parts:
                self.client.submit(_remove, parts, pure=False).result()
            self._failed(name, error)
            return
        self._jsonl_file_done(name, totals)


def start_client(scheduler: str | None, workers: int):
    """A client of the cluster at ``scheduler``, or of a new local cluster of ``workers`` processes.

    The local cluster listens on the loopback interface only and has no dashboard.
    """
    from distributed import Client

    if scheduler:
        try:
            return Client(scheduler, timeout="30s"), None
        except OSError as e:
            raise TextfixError(f"cannot reach the Dask scheduler at {scheduler}: {e}") from None
        except TypeError as e:  # a tls:// address without the client's certificate in Dask's config
            if "ssl_context" not in str(e):
                raise
            raise TextfixError(f"the Dask scheduler at {scheduler} takes TLS: set distributed.comm.tls.ca-file, "
                               "distributed.comm.tls.client.cert and .client.key in Dask's configuration") from None
    cluster = local_cluster(workers)
    return Client(cluster), cluster


def local_cluster(workers: int):
    """A ``distributed.LocalCluster`` of single-threaded worker processes on the loopback interface.

    Its scheduler and workers take only TLS connections with a certificate made for this run
    (``Security.temporary()``): another local user can reach the port but not run code on it.
    No dashboard; the scheduler's small HTTP server (health checks) takes a free port rather than
    8787, which another cluster on the machine may hold.
    """
    from distributed import LocalCluster, Security

    return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                        protocol="tls://", security=Security.temporary(), dashboard_address=None,
                        scheduler_kwargs={"dashboard": False, "dashboard_address": "127.0.0.1:0"})


def run_dask(options: RunSpec, sources: list[Source], skipped: list[Skipped],
             missing: list[Skipped], scheduler: str | None = None, client=None,
             block_bytes: int = BLOCK_BYTES) -> int:
    """``textfix clean --engine dask``: the run on a cluster; returns the exit code.

    Without ``client`` or ``scheduler`` a local cluster of ``options.jobs`` workers is started
    (and stopped at the end).
    """
    require_dask()
    if options.mode not in (Mode.OUTPUT, Mode.CHECK) or options.output_file:
        raise TextfixError("--engine dask writes to --output-dir, or only checks with --check")
    if any(source.path == "-" for source in sources):
        raise TextfixError("--engine dask reads files, not stdin")
    cluster = None
    if client is None:
        client, cluster = start_client(scheduler, options.jobs or default_jobs())
        owned = client
    else:
        owned = None
    try:
        return DaskRun(options, client, block_bytes).run(sources, skipped, missing)
    finally:
        if owned is not None:
            owned.close()
        if cluster is not None:
            cluster.close()


# --- the Python API for data already in Dask -----------------------------------------------------

def _pipeline_spec(select, ignore, unsafe, options) -> PipelineSpec:
    return PipelineSpec.make(select, ignore, unsafe, options)


def _clean_items(items, text_field: str, stats_field: str | None, spec: PipelineSpec) -> list:
    use_pipeline(spec)
    pipeline = worker_pipeline()
    record_options = JsonlOptions(text_field, stats_field)
    out = []
    for item in items:
        if isinstance(item, str):
            out.append(pipeline.run(item).text)
        elif isinstance(item, dict) and isinstance(item.get(text_field), str):
            record = dict(item)
            clean_record(pipeline, record, record_options)
            out.append(record)
        else:  # not a document: passed through, as malformed JSONL records are
            out.append(item)
    return out


def clean_bag(bag, text_field: str = "text", stats_field: str | None = None, select=None, ignore=None,
              unsafe: bool = False, options: dict | None = None):
    """Clean every item of a Dask bag, lazily: a new bag.

    Strings are cleaned as documents; dicts (records, e.g. ``bag.map(json.loads)``) are copied
    with ``text_field`` cleaned and, with ``stats_field``, per-record edit counts added, as
    ``textfix clean --jsonl`` does. Other items pass through unchanged. The pipeline is built
    once per worker thread.
    """
    args = _pipeline_spec(select, ignore, unsafe, options)
    return bag.map_partitions(_clean_items, text_field, stats_field, args)


def _clean_frame(frame, column: str, stats_column: str | None, spec: PipelineSpec):
    frame = frame.copy()
    texts, edits = [], []
    if len(frame):
        use_pipeline(spec)
        pipeline = worker_pipeline()
    for value in frame[column]:
        if isinstance(value, str):
            result = pipeline.run(value)
            texts.append(result.text)
            edits.append(len(result.edits))
        else:  # missing values stay missing
            texts.append(value)
            edits.append(0)
    import pandas as pd

    frame[column] = pd.Series(texts, index=frame.index, dtype=frame[column].dtype)
    if stats_column:
        frame[stats_column] = pd.Series(edits, index=frame.index, dtype="int64")
    return frame


def clean_dataframe(df, column: str = "text", stats_column: str | None = None, select=None, ignore=None,
                    unsafe: bool = False, options: dict | None = None):
    """Clean one text column of a Dask DataFrame, lazily: a new DataFrame.

    With ``stats_column``, the number of edits made to each row is added as an integer column.
    """
    if column not in df.columns:
        raise TextfixError(f"no column {column!r} (columns: {', '.join(map(str, df.columns))})")
    args = _pipeline_spec(select, ignore, unsafe, options)
    meta = _clean_frame(df._meta, column, stats_column, args)
    return df.map_partitions(_clean_frame, column, stats_column, args, meta=meta)

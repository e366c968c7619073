"""Scale-out on Dask: the same pipeline over sharded datasets, on a local or a remote cluster.

``textfix clean --engine dask`` splits the inputs into partitions: byte ranges of JSONL shards
(cut at line ends) or groups of text files. Each partition is cleaned on a Dask worker by the
code the single-machine run uses (:func:`textfix.jsonl.clean_chunk`, :func:`textfix.batch.clean_file`)
and written by the worker to a deterministic name, atomically (JSONL blocks: :mod:`textfix.dask_shards`). A task that runs twice — because
its worker died and the scheduler ran it again elsewhere — rewrites the same file with the same
bytes, so every record ends up written exactly once. Only small outcomes (counts, problems and,
with a report, the edit records) travel back to the client, which merges them in input order
into the same summary and report as the single-machine run.

Workers read the inputs and write the outputs under the same paths as the client: on a real
cluster that means a shared file system. Dask is imported only here, and only when used, so
textfix without the ``dask`` extra never imports it.

The run itself is the single-machine :class:`textfix.runner.Run`: text files go through
:class:`DaskExecutor`, one of three interchangeable executors (with one process, or a process
pool, :class:`textfix.parallel.WorkerPool`), and JSONL shards through
:func:`textfix.dask_shards.clean_shards`. For data already in Dask, :func:`clean_bag` and
:func:`clean_dataframe` (:mod:`textfix.dask_api`) clean a bag or a DataFrame lazily.
"""

from __future__ import annotations

from collections import deque
from functools import partial
from typing import Callable, Iterable

from .dask_api import clean_bag, clean_dataframe  # noqa: F401 - the engine's public API
from .dask_shards import (BLOCK_BYTES, STOP_TIMEOUT, _block_lines, assemble_shard, clean_shards,  # noqa: F401
                          shard_blocks, started_on, sweep)
from .discovery import Skipped, Source
from .errors import TextfixError
from .parallel import OrderedResults, default_jobs, use_pipeline
from .spec import Mode, PipelineSpec, RunSpec

NEEDS_EXTRA = "--engine dask needs the dask extra: pip install 'textfix[dask]'"
FILES_PER_TASK = 50  # text files cleaned by one Dask task: fewer round trips to the scheduler


def require_dask() -> None:
    """Fail with one line (exit 2 in the CLI) when the ``dask`` extra is not installed."""
    try:
        import dask.bag  # noqa: F401
        import distributed  # noqa: F401
    except ImportError:
        raise TextfixError(NEEDS_EXTRA) from None


def run_tasks(func: Callable, spec: PipelineSpec, items: list) -> list:
    """``func`` over ``items`` with ``spec``'s pipeline. Runs on a Dask worker."""
    use_pipeline(spec)
    return [func(item) for item in items]


class _Batched:
    """Dask futures of ``FILES_PER_TASK`` items each, as an executor :class:`OrderedResults` maps over."""

    def __init__(self, client, spec: PipelineSpec, size: int):
        self.client, self.spec, self.size = client, spec, size

    def submit(self, func: Callable, items: list):
        return self.client.submit(run_tasks, func, self.spec, items, pure=False)


class DaskExecutor:
    """Maps a task function over tasks on a Dask cluster, in order, a few futures ahead.

    Interchangeable with :class:`textfix.parallel.WorkerPool`: a context manager whose
    :meth:`map` returns results in input order, and whose results' ``stop()`` cancels what has
    not started. Tasks go in groups of ``FILES_PER_TASK``; each future is forgotten by the
    cluster once its results are in hand.
    """

    def __init__(self, client, spec: PipelineSpec, window: int = 4, size: int = FILES_PER_TASK):
        self.client, self.spec, self.window, self.size = client, spec, window, size

    def __enter__(self) -> "DaskExecutor":
        return self

    def __exit__(self, *exc) -> None:
        pass

    def map(self, func: Callable, items: Iterable):
        threads = max(1, sum(self.client.nthreads().values()))
        groups = _groups(items, self.size)
        return _Flattened(OrderedResults(_Batched(self.client, self.spec, self.size), func, groups,
                                         threads * self.window, started=partial(started_on, self.client),
                                         stop_timeout=STOP_TIMEOUT))


def _groups(items: Iterable, size: int):
    group = []
    for item in items:
        group.append(item)
        if len(group) >= size:
            yield group
            group = []
    if group:
        yield group


class _Flattened:
    """The items of ordered lists of results, one by one; :meth:`stop` as :class:`OrderedResults`'."""

    def __init__(self, groups: OrderedResults):
        self._groups, self._ready = groups, deque()

    def __iter__(self) -> "_Flattened":
        return self

    def __next__(self):
        while not self._ready:
            self._ready.extend(next(self._groups))
        return self._ready.popleft()

    def stop(self) -> list:
        finished = list(self._ready)
        self._ready.clear()
        return finished + [item for group in self._groups.stop() for item in group]


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
    import signal
    import threading

    from distributed import LocalCluster, Security

    if threading.current_thread() is not threading.main_thread():
        return _local_cluster(LocalCluster, Security, workers)
    # Started with Ctrl-C ignored, the cluster's processes keep ignoring it (an ignored signal
    # stays ignored across exec): Ctrl-C reaches textfix alone, which stops the run and closes
    # the cluster, instead of every worker printing a traceback.
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        return _local_cluster(LocalCluster, Security, workers)
    finally:
        signal.signal(signal.SIGINT, previous)


def _local_cluster(LocalCluster, Security, workers: int):
    return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                        protocol="tls://", security=Security.temporary(), dashboard_address=None,
                        scheduler_kwargs={"dashboard": False, "dashboard_address": "127.0.0.1:0"})


def run_dask(spec: RunSpec, sources: list[Source], skipped: list[Skipped], missing: list[Skipped],
             scheduler: str | None = None, client=None, block_bytes: int = BLOCK_BYTES) -> int:
    """``textfix clean --engine dask``: the run on a cluster; returns the exit code.

    Without ``client`` or ``scheduler`` a local cluster of ``spec.jobs`` workers is started
    (and stopped at the end).
    """
    from .runner import Run

    require_dask()
    if spec.mode not in (Mode.OUTPUT, Mode.CHECK) or spec.output_file:
        raise TextfixError("--engine dask writes to --output-dir, or only checks with --check")
    if any(source.path == "-" for source in sources):
        raise TextfixError("--engine dask reads files, not stdin")
    cluster = owned = None
    if client is None:
        client, cluster = start_client(scheduler, spec.jobs or default_jobs())
        owned = client
    try:
        run = Run(spec, executor=DaskExecutor(client, spec.pipeline),
                  shards=partial(clean_shards, client=client, block_bytes=block_bytes))
        code = run.run(sources, skipped, missing)
        if not spec.jsonl:
            sweep(client, run.outputs)
        return code
    finally:
        if owned is not None:
            owned.close()
        if cluster is not None:
            cluster.close()

"""An ordered, bounded parallel map over a process pool, with a pipeline built once per worker.

Results come back in input order whatever the number of jobs, so output, reports and summaries
are deterministic. Only a few tasks per worker are in flight at a time, so a stream (a huge JSONL
file) is never held in memory whole. Workers ignore Ctrl-C: the parent decides, lets running
tasks finish their atomic writes, counts them (:meth:`OrderedResults.stop`), and drops the rest.
Workers end with the parent even when it is killed (:mod:`textfix.lifetime`).
"""

from __future__ import annotations

import os
import signal
import threading
from collections import deque
from typing import Callable, Iterable, Iterator

# Per thread: a Dask worker may run several tasks at once in threads of one process.
_state = threading.local()


def init_pipeline(spec) -> None:
    """Use :class:`~textfix.spec.PipelineSpec` ``spec`` in this process (a worker, or the
    parent when jobs == 1); the pipeline is built on first use."""
    _state.spec = spec
    _state.pipeline = None


def use_pipeline(spec) -> None:
    """Like :func:`init_pipeline`, but keep the pipeline already built for an equal spec.

    For long-lived workers (Dask) that receive the spec with every task.
    """
    if getattr(_state, "spec", None) != spec:
        init_pipeline(spec)


def worker_pipeline():
    if getattr(_state, "pipeline", None) is None:
        from .spec import PipelineSpec

        _state.pipeline = (getattr(_state, "spec", None) or PipelineSpec()).build()
    return _state.pipeline


def _init_worker(spec, watch: tuple[int, int, int] | None) -> None:
    from .lifetime import die_with_parent, watch_parent

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if watch is not None:
        die_with_parent(watch[2])
        watch_parent(*watch)
    init_pipeline(spec)


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class OrderedResults:
    """The results of ``func`` over ``items`` on an executor, in input order, with at most
    ``limit`` tasks submitted and not yet consumed."""

    def __init__(self, executor, func: Callable, items: Iterable, limit: int, started=None,
                 stop_timeout: float | None = None):
        self._executor, self._func, self._items, self._limit = executor, func, iter(items), limit
        self._started, self._stop_timeout = started, stop_timeout
        self._pending: deque = deque()

    def __iter__(self) -> "OrderedResults":
        return self

    def __next__(self):
        while len(self._pending) < self._limit:
            item = next(self._items, _END)
            if item is _END:
                break
            self._pending.append(self._executor.submit(self._func, item))
        if not self._pending:
            raise StopIteration
        result = self._pending[0].result()  # popped only once it is in hand: a Ctrl-C here loses nothing
        self._pending.popleft()
        return result

    def stop(self) -> list:
        """Cancel the tasks that have not started; the results of those that had, in order.

        After an interruption the caller accounts for these too: their files are written. A
        process pool knows which tasks run (they refuse to be cancelled); for a cluster,
        ``started(futures)`` cancels those not started and returns the others, each then waited
        for ``stop_timeout`` seconds at most.
        """
        pending = list(self._pending)
        self._pending.clear()
        if self._started is None:
            for future in pending:
                future.cancel()
            wait_for = [future for future in pending if not future.cancelled()]
        else:
            wait_for = self._started(pending)
        finished = []
        for future in wait_for:
            try:
                finished.append(future.result(timeout=self._stop_timeout))
            except Exception:  # noqa: BLE001 - a broken pool or a lost worker while stopping: nothing to count
                pass
        return finished


class _InProcess:
    """The executor of a one-job pool: each task runs here, when it is submitted."""

    def submit(self, func: Callable, item):
        from concurrent.futures import Future

        future = Future()
        future.set_result(func(item))
        return future


_END = object()


class WorkerPool:
    """Processes that each build the pipeline once; :meth:`map` yields results in input order.

    With ``jobs <= 1`` everything runs in this process. Use as a context manager; one pool can
    serve many maps (every file of a JSONL batch), so workers start once per run.
    """

    def __init__(self, jobs: int, spec, window: int = 4):
        self.jobs = jobs
        self.spec = spec
        self.window = window
        self._executor = None
        self._watch = None

    def __enter__(self) -> "WorkerPool":
        if self.jobs <= 1:
            init_pipeline(self.spec)
        return self

    def __exit__(self, *exc) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
        if self._watch is not None:
            self._watch.close()
            self._watch = None

    def _pool(self):
        if self._executor is None:
            import multiprocessing

            # Loaded here, the data is inherited by forked workers instead of loaded by each.
            init_pipeline(self.spec)
            worker_pipeline().preload()
            from concurrent.futures import ProcessPoolExecutor

            # fork is cheap and inherits imported modules; fall back to the platform default elsewhere.
            methods = multiprocessing.get_all_start_methods()
            fork = "fork" in methods
            context = multiprocessing.get_context("fork" if fork else None)
            if fork:  # a watched pipe reaches the workers only through a fork
                from .lifetime import ParentWatch

                self._watch = ParentWatch()
            self._executor = ProcessPoolExecutor(
                self.jobs, mp_context=context, initializer=_init_worker,
                initargs=(self.spec, self._watch.worker_args() if self._watch else None))
        return self._executor

    def map(self, func: Callable, items: Iterable) -> OrderedResults:
        """``map(func, items)`` on the workers, in order, with few tasks in flight at a time."""
        if self.jobs <= 1:
            return OrderedResults(_InProcess(), func, items, 1)
        return OrderedResults(self._pool(), func, items, self.jobs * self.window)

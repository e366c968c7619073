"""An ordered, bounded parallel map over a process pool, with a pipeline built once per worker.

Results come back in input order whatever the number of jobs, so output, reports and summaries
are deterministic. Only a few tasks per worker are in flight at a time, so a stream (a huge JSONL
file) is never held in memory whole. Workers ignore Ctrl-C: the parent decides, lets running
tasks finish their atomic writes, and drops the rest.
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


def _init_worker(spec) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    init_pipeline(spec)


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


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

    def __enter__(self) -> "WorkerPool":
        if self.jobs <= 1:
            init_pipeline(self.spec)
        return self

    def __exit__(self, *exc) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def _pool(self):
        if self._executor is None:
            import multiprocessing

            # Loaded here, the data is inherited by forked workers instead of loaded by each.
            init_pipeline(self.spec)
            worker_pipeline().preload()
            from concurrent.futures import ProcessPoolExecutor

            # fork is cheap and inherits imported modules; fall back to the platform default elsewhere.
            methods = multiprocessing.get_all_start_methods()
            context = multiprocessing.get_context("fork" if "fork" in methods else None)
            self._executor = ProcessPoolExecutor(self.jobs, mp_context=context, initializer=_init_worker,
                                                 initargs=(self.spec,))
        return self._executor

    def map(self, func: Callable, items: Iterable) -> Iterator:
        """``map(func, items)`` on the workers, in order, with few tasks in flight at a time."""
        if self.jobs <= 1:
            for item in items:
                yield func(item)
            return
        pool = self._pool()
        pending: deque = deque()
        try:
            for item in items:
                pending.append(pool.submit(func, item))
                if len(pending) >= self.jobs * self.window:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()


def ordered_map(func: Callable, items: Iterable, jobs: int, spec, window: int = 4) -> Iterator:
    """``map(func, items)`` on a pool of ``jobs`` processes made for this one map."""
    with WorkerPool(jobs, spec, window) as pool:
        yield from pool.map(func, items)

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


def init_pipeline(select, ignore, unsafe, options) -> None:
    """Build this process's pipeline (in a worker, or in the parent when jobs == 1)."""
    _state.args = (select, ignore, unsafe, options)
    _state.pipeline = None


def use_pipeline(pipeline_args: tuple) -> None:
    """Like :func:`init_pipeline`, but keep the pipeline already built for the same arguments.

    For long-lived workers (Dask) that receive the arguments with every task.
    """
    if getattr(_state, "args", None) != tuple(pipeline_args):
        init_pipeline(*pipeline_args)


def worker_pipeline():
    if getattr(_state, "pipeline", None) is None:
        from . import make_pipeline

        select, ignore, unsafe, options = getattr(_state, "args", None) or (None, None, False, None)
        _state.pipeline = make_pipeline(select, ignore, unsafe, options)
    return _state.pipeline


def _init_worker(*args) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    init_pipeline(*args)


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def ordered_map(func: Callable, items: Iterable, jobs: int, pipeline_args: tuple, window: int = 4) -> Iterator:
    """``map(func, items)`` on ``jobs`` processes, yielding results in order."""
    if jobs <= 1:
        init_pipeline(*pipeline_args)
        for item in items:
            yield func(item)
        return
    from concurrent.futures import ProcessPoolExecutor
    import multiprocessing

    # fork is cheap and inherits imported modules; fall back to the platform default elsewhere.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=_init_worker, initargs=pipeline_args)
    pending: deque = deque()
    try:
        iterator = iter(items)
        for item in iterator:
            pending.append(pool.submit(func, item))
            if len(pending) >= jobs * window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    except BaseException:
        for future in pending:
            future.cancel()
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)

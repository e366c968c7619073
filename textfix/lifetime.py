"""Worker processes that end with their parent, however the parent ends.

A parent that exits, fails or is stopped shuts its pool down itself. One that is killed
(SIGKILL, the OOM killer) cannot: its workers would be re-parented and run on forever, holding
the pool's pipes. So each worker also

- asks Linux to kill it when its parent dies (``prctl(PR_SET_PDEATHSIG, SIGKILL)``), and
- watches a pipe whose only writer is the parent: when the parent dies, the pipe reads as closed
  and the worker exits (for systems without ``prctl``).

Between the fork and the ``prctl`` call the parent may already have died; the worker then sees
another parent process id and exits at once.
"""

from __future__ import annotations

import os
import signal
import sys
import threading

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


class Terminated(KeyboardInterrupt):
    """SIGTERM, turned by the command line into an interruption: the run stops as on Ctrl-C."""


def interrupted_exit_code(stop: KeyboardInterrupt) -> int:
    """128 + the signal: 130 for Ctrl-C (SIGINT), 143 for SIGTERM."""
    return 128 + (signal.SIGTERM if isinstance(stop, Terminated) else signal.SIGINT)


class ParentWatch:
    """The parent's end of the pipe its workers watch; :meth:`close` once the workers are gone."""

    def __init__(self):
        self.read_fd, self.write_fd = os.pipe()
        self.parent = os.getpid()

    def worker_args(self) -> tuple[int, int, int]:
        return self.read_fd, self.write_fd, self.parent

    def close(self) -> None:
        for fd in (self.read_fd, self.write_fd):
            try:
                os.close(fd)
            except OSError:
                pass


def die_with_parent(parent: int) -> bool:
    """In a worker: be sent SIGKILL when the parent dies (Linux only). False when unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        ok = libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)
    return ok


def watch_parent(read_fd: int, write_fd: int, parent: int) -> None:
    """In a forked worker: exit as soon as the parent's end of the pipe closes.

    The worker closes its inherited copy of the write end first (so do its siblings): then only
    the parent holds it, and its death ends the blocking read.
    """
    os.close(write_fd)
    if os.getppid() != parent:
        os._exit(1)

    def wait() -> None:
        try:
            while os.read(read_fd, 1):
                pass
        except OSError:
            pass
        os._exit(1)

    threading.Thread(target=wait, name="textfix-parent-watch", daemon=True).start()

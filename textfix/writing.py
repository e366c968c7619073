"""The write policy: how textfix replaces a file, and which outputs a run may write at all.

- Every write is atomic where the file system allows it: a temporary ``.NAME.XXXXXXXX.textfix-tmp``
  in the target's folder, fsync, then rename over the target. Readers see the old or the new file.
- A symbolic link is written through: its target gets the text, the link stays a link.
- Rewriting a file (``--in-place``) keeps it the same file: its mode, owner and group. When the
  new file cannot take them over (it has other hard links, or an owner we cannot give it), the
  cleaned text is first made durable in the temporary file and then copied into the file's own
  inode; if that copy fails, the temporary file is kept under a name the sweep leaves alone.
- A copy (``-o``, ``--output-dir``) is a new file with the input's permission bits.
- A temporary file is locked while it is written; one whose writer died (a killed run) is
  unlocked and is swept by the next run that writes into that folder.
- A disk that fills up gives a one-line error and leaves no temporary file behind.
"""

from __future__ import annotations

import os
import shutil
import secrets
import stat

from .errors import TextfixError

TMP_SUFFIX = ".textfix-tmp"
RESCUE_SUFFIX = ".textfix-rescued"


def _lock(fd: int, blocking: bool = True) -> bool:
    """Take an exclusive advisory lock on ``fd``; False when another process holds it."""
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock, and the sweep below leaves such files alone
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
    except OSError:
        return False
    return True


def _cannot_write(name: str, error: OSError) -> TextfixError:
    return TextfixError(f"{name}: cannot write ({error.strerror or error})")


class AtomicWriter:
    """Write a file so that readers see the old file or the new one, never half of one.

    ``like`` names the file whose permission bits a new copy takes (the input of ``-o``);
    without it an existing target keeps its own mode, owner, group and hard links. On any
    failure (or Ctrl-C) the temporary file is removed and the target is untouched::

        with AtomicWriter("out.txt") as w:
            w.write("text")
    """

    def __init__(self, path: str, encoding: str = "utf-8", make_dirs: bool = False, like: str | None = None,
                 errors: str = "strict"):
        self.path = path
        self.encoding = encoding
        self.errors = errors
        self.make_dirs = make_dirs
        self.like = like
        self._tmp: str | None = None
        self._file = None
        self._cancelled = False

    def __enter__(self) -> "AtomicWriter":
        self.target = os.path.realpath(self.path)  # a symlink is written through and stays a link
        folder = os.path.dirname(self.target)
        try:
            if self.make_dirs:
                os.makedirs(folder, exist_ok=True)
            try:
                self._existing = os.stat(self.target)
            except FileNotFoundError:
                self._existing = None
            if self._existing is not None and not stat.S_ISREG(self._existing.st_mode):
                raise TextfixError(f"{self.path}: cannot write (not a regular file)")
            if self.like is not None:
                self._mode = stat.S_IMODE(os.stat(self.like).st_mode)
            elif self._existing is not None:
                self._mode = stat.S_IMODE(self._existing.st_mode)
            else:  # a new file: the mode open() would give it, which its temporary already has
                self._mode = None
            self._file = self._locked_temporary(folder)
        except OSError as e:
            self._discard()
            raise _cannot_write(self.path, e) from None
        except BaseException:  # Ctrl-C between making the temporary file and entering the block
            self._discard()
            raise
        return self

    def _locked_temporary(self, folder: str):
        # Made like open() makes a new file (0o666 less the umask), not like mkstemp (0o600):
        # a new output gets the usual mode without reading the umask, which can only be read by
        # setting it, a process-wide change.
        prefix = f".{os.path.basename(self.target)}."
        flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOFOLLOW", 0)
        while True:
            self._tmp = os.path.join(folder, f"{prefix}{secrets.token_hex(4)}{TMP_SUFFIX}")
            try:
                fd = os.open(self._tmp, flags, 0o666)
            except FileExistsError:
                continue
            file = os.fdopen(fd, "w+b")
            _lock(fd)
            if os.fstat(fd).st_nlink:
                return file
            file.close()  # another run's sweep took it between its creation and the lock

    def write(self, text: str) -> None:
        try:
            self._file.write(text.encode(self.encoding, self.errors))
        except UnicodeEncodeError as e:
            raise TextfixError(f"{self.path}: the cleaned text cannot be written as {self.encoding} ({e.reason})") from None
        except OSError as e:
            raise _cannot_write(self.path, e) from None

    def write_bytes(self, data: bytes) -> None:
        """Write bytes as they are (JSONL lines kept byte for byte)."""
        try:
            self._file.write(data)
        except OSError as e:
            raise _cannot_write(self.path, e) from None

    def cancel(self) -> None:
        """Leave the target as it was: the temporary file is removed on exit."""
        self._cancelled = True

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is not None or self._cancelled:
            self._discard()
            return
        try:
            self._file.flush()
            os.fsync(self._file.fileno())
            if self._keeps_inode():
                self._copy_into_target()
                return
            if self._mode is not None:
                os.fchmod(self._file.fileno(), self._mode)
            self._file.close()
            os.replace(self._tmp, self.target)
            self._tmp = None
        except OSError as e:
            self._discard()
            raise _cannot_write(self.path, e) from None

    def _keeps_inode(self) -> bool:
        """Whether the target must stay its own inode: it has other names, or an owner we cannot give."""
        existing = self._existing
        if existing is None or self.like is not None:
            return False
        if existing.st_nlink > 1:
            return True
        mine = os.fstat(self._file.fileno())
        if (mine.st_uid, mine.st_gid) == (existing.st_uid, existing.st_gid):
            return False
        try:
            os.fchown(self._file.fileno(), existing.st_uid, existing.st_gid)
        except PermissionError:
            return True
        return False

    def _copy_into_target(self) -> None:
        """Rewrite the target's own inode from the (durable) temporary file, then drop the copy."""
        try:
            with open(self.target, "r+b") as target:
                self._file.seek(0)
                shutil.copyfileobj(self._file, target, 1 << 20)
                target.truncate()
                target.flush()
                os.fsync(target.fileno())
        except PermissionError as e:  # nothing of the target was touched
            self._discard()
            raise _cannot_write(self.path, e) from None
        except BaseException as e:
            rescued = self._rescue()
            if isinstance(e, OSError):
                raise TextfixError(f"{self.path}: rewriting it in place failed ({e.strerror or e}); "
                                   f"its cleaned text is kept in {rescued}") from None
            raise
        self._discard()

    def _rescue(self) -> str:
        """Keep the temporary file (the whole cleaned text) under a name no sweep removes."""
        self._file.close()
        rescued = self._tmp[: -len(TMP_SUFFIX)] + RESCUE_SUFFIX
        os.replace(self._tmp, rescued)
        self._tmp = None
        return rescued

    def _discard(self) -> None:
        """Close and remove the temporary file; a failing close (a full disk) must not stop the unlink."""
        try:
            if self._file is not None and not self._file.closed:
                self._file.close()
        except OSError:
            pass
        finally:
            if self._tmp is not None:
                try:
                    os.unlink(self._tmp)
                except OSError:
                    pass
                self._tmp = None


def atomic_write(path: str, text: str, encoding: str = "utf-8", make_dirs: bool = False,
                 like: str | None = None) -> None:
    """Replace ``path`` with ``text`` atomically (see :class:`AtomicWriter`)."""
    with AtomicWriter(path, encoding, make_dirs, like) as writer:
        writer.write(text)


def is_temporary(name: str) -> bool:
    """Whether a file name is one of textfix's temporary files.

    >>> is_temporary(".a.txt.k3j_9x2q.textfix-tmp"), is_temporary("a.txt"), is_temporary("x.textfix-tmp")
    (True, False, False)
    """
    return name.startswith(".") and name.endswith(TMP_SUFFIX)


def sweep_temporaries(folder: str) -> list[str]:
    """Remove the temporary files a killed run left in ``folder``; the paths removed.

    A temporary file is locked for as long as its writer lives, so one that can be locked has
    no writer left: a run in progress keeps its own.
    """
    try:
        names = sorted(n for n in os.listdir(folder) if is_temporary(n))
    except OSError:
        return []
    removed = []
    for name in names:
        path = os.path.join(folder, name)
        try:
            fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0))
        except OSError:
            continue
        try:
            if stat.S_ISREG(os.fstat(fd).st_mode) and _lock(fd, blocking=False):
                os.unlink(path)
                removed.append(path)
        except OSError:
            pass
        finally:
            os.close(fd)
    return removed


def prepare_writes(sources: list, in_place: bool, output_file: str | None, output_dir: str | None) -> list[str]:
    """Refuse a run whose outputs collide or overwrite an input, before anything is written; then
    sweep the stale temporary files in the folders it writes into. Returns the paths swept.

    ``sources`` are :class:`textfix.discovery.Source`; with ``--output-dir`` each goes to the
    mirrored path :func:`textfix.batch.output_path` gives.
    """
    from .batch import output_path
    from .discovery import special_file

    inputs = {os.path.realpath(s.path): s.path for s in sources if s.path != "-"}
    targets: dict[str, str] = {}
    for source in sources:
        if in_place:
            out = source.path
            if source.path != "-" and (kind := special_file(source.path)):
                raise TextfixError(f"--in-place rewrites regular files; {source.path} is {kind}")
        else:
            out = output_file or output_path(source, output_dir)
            key = os.path.realpath(out)
            if key in inputs:
                flag = f"-o {out}" if output_file else f"--output-dir {output_dir}"
                raise TextfixError(f"{flag} would overwrite the input {inputs[key]}; nothing written "
                                   f"(use --in-place to rewrite inputs)")
            if key in targets:
                raise TextfixError(f"{targets[key]} and {_shown(source.path)} would both be written to {out}; "
                                   f"nothing written (name a folder holding both: --output-dir mirrors its tree)")
            targets[key] = _shown(source.path)
        targets.setdefault(os.path.realpath(out), _shown(source.path))
    swept = []
    for folder in sorted({os.path.dirname(target) for target in targets}):
        swept += sweep_temporaries(folder)
    return swept


def _shown(path: str) -> str:
    return "<stdin>" if path == "-" else path

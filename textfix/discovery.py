"""Which files a batch cleans: files, folders (walked), and globs, with include/exclude and .gitignore."""

from __future__ import annotations

import fnmatch
import glob
import os
import stat
from dataclasses import dataclass


# Folders nobody wants scanned for articles.
SKIP_DIRS = {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox", ".mypy_cache",
             ".pytest_cache", ".ruff_cache"}


@dataclass(frozen=True)
class Source:
    """One input to clean. ``root`` is the folder argument it was found under (for --output-dir)."""

    path: str
    root: str | None = None

    @property
    def relative(self) -> str:
        if self.path == "-":
            return "stdin"
        if self.root is None:
            return os.path.basename(self.path)
        return os.path.relpath(self.path, self.root)


@dataclass(frozen=True)
class Skipped:
    path: str
    reason: str


def _matches(path: str, patterns: list[str]) -> str | None:
    """The first glob that matches the path's name or any tail of it, else None."""
    norm = path.replace(os.sep, "/")
    name = os.path.basename(norm)
    for pattern in patterns:
        if fnmatch.fnmatch(name, pattern) or fnmatch.fnmatch(norm, pattern) or fnmatch.fnmatch(norm, f"*/{pattern}"):
            return pattern
    return None


class _GitIgnores:
    """The .gitignore files that apply to a folder, from the repository root down."""

    def __init__(self):
        self._cache: dict[str, object] = {}

    def _spec(self, folder: str):
        if folder not in self._cache:
            spec = None
            path = os.path.join(folder, ".gitignore")
            if os.path.isfile(path):
                import pathspec

                try:
                    with open(path, encoding="utf-8", errors="replace") as f:
                        spec = pathspec.GitIgnoreSpec.from_lines(f)
                except OSError:
                    spec = None
            self._cache[folder] = spec
        return self._cache[folder]

    def ignored(self, path: str, is_dir: bool = False) -> str | None:
        """The .gitignore that excludes ``path``, if any."""
        path = os.path.abspath(path)
        folder = os.path.dirname(path)
        while True:
            spec = self._spec(folder)
            if spec is not None:
                rel = os.path.relpath(path, folder).replace(os.sep, "/") + ("/" if is_dir else "")
                if spec.match_file(rel):
                    return os.path.join(folder, ".gitignore")
            if os.path.isdir(os.path.join(folder, ".git")):
                return None
            parent = os.path.dirname(folder)
            if parent == folder:
                return None
            folder = parent


def kind_of(mode: int) -> str:
    """What a file that is not a regular one is, in words.

    >>> kind_of(stat.S_IFIFO), kind_of(stat.S_IFCHR)
    ('a FIFO', 'a character device')
    """
    for test, words in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
                        (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return words
    return "a special file"


def special_file(path: str) -> str | None:
    """What ``path`` is when it is neither a regular file nor a folder (a FIFO, a device, a socket).

    Such a file is never opened: reading a FIFO would wait for a writer forever. None for a
    regular file, a folder, or a path that cannot be examined (reading it reports why).
    """
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    return None if stat.S_ISREG(mode) or stat.S_ISDIR(mode) else kind_of(mode)


def _has_glob(text: str) -> bool:
    return any(ch in text for ch in "*?[")


def discover(paths: list[str], include: list[str], exclude: list[str], respect_gitignore: bool = True,
             force_exclude: bool = False) -> tuple[list[Source], list[Skipped], list[Skipped]]:
    """Expand command-line paths into sources, in a stable order.

    Returns (sources, skipped, missing): skipped paths carry the reason (for ``-v``); missing are
    paths that do not exist, reported as failures by the caller. A FIFO, socket or device found in
    a folder or by a glob is skipped and never opened; one named explicitly is read, as the user
    asked (a pipe of JSONL records, say).
    """
    gitignores = _GitIgnores() if respect_gitignore else None
    sources: list[Source] = []
    skipped: list[Skipped] = []
    missing: list[Skipped] = []
    seen: set[str] = set()

    def add(source: Source) -> None:
        key = source.path if source.path == "-" else os.path.realpath(source.path)
        if key not in seen:
            seen.add(key)
            sources.append(source)

    def excluded(path: str, is_dir: bool) -> str | None:
        pattern = _matches(path, exclude)
        if pattern:
            return f"matches --exclude {pattern!r}"
        if gitignores is not None:
            ignore_file = gitignores.ignored(path, is_dir)
            if ignore_file:
                return f"ignored by {ignore_file}"
        return None

    def add_named(path: str) -> None:
        # Named explicitly: cleaned even if excluded, unless --force-exclude (as black and ruff do).
        reason = excluded(path, False) if force_exclude else None
        if reason:
            skipped.append(Skipped(path, reason))
        else:
            add(Source(path))

    for arg in paths:
        if arg == "-":
            add(Source("-"))
            continue
        if not os.path.lexists(arg) and _has_glob(arg):
            matched = sorted(glob.glob(arg, recursive=True))
            if not matched:
                missing.append(Skipped(arg, "no file matches this pattern"))
            for path in matched:
                if kind := special_file(path):
                    skipped.append(Skipped(path, f"{kind}, not a regular file (never opened)"))
                elif os.path.isfile(path):
                    add_named(path)
            continue
        if os.path.isdir(arg):
            _walk(arg, include, excluded, add, skipped)
        elif os.path.lexists(arg):
            add_named(arg)
        else:
            missing.append(Skipped(arg, "no such file or folder"))
    return sources, skipped, missing


def _walk(root: str, include, excluded, add, skipped) -> None:
    found = []
    for folder, dirs, files in os.walk(root, followlinks=False):
        kept_dirs = []
        for d in sorted(dirs):
            path = os.path.join(folder, d)
            if d in SKIP_DIRS:
                skipped.append(Skipped(path, "tool or version-control folder"))
            elif os.path.islink(path):
                skipped.append(Skipped(path, "symbolic link to a folder (not followed)"))
            elif reason := excluded(path, True):
                skipped.append(Skipped(path, reason))
            else:
                kept_dirs.append(d)
        dirs[:] = kept_dirs
        for name in sorted(files):
            path = os.path.join(folder, name)
            if not _matches(path, include):
                skipped.append(Skipped(path, "not matched by include " + ", ".join(include)))
            elif kind := special_file(path):
                skipped.append(Skipped(path, f"{kind}, not a regular file (never opened)"))
            elif reason := excluded(path, False):
                skipped.append(Skipped(path, reason))
            else:
                found.append(path)
    for path in sorted(found):  # one stable order for output, reports and summaries
        add(Source(path, root))

"""The entry points of one group, reading only the metadata of distributions that declare it.

``importlib.metadata.entry_points(group=...)`` imports the email parser and parses the metadata
of every installed distribution; on a machine with a hundred packages that is a good part of a
one-shot ``textfix clean``'s start-up, and almost none of them declare textfix plugins. Here the
metadata folders on ``sys.path`` are listed and only the ``entry_points.txt`` files are read; the
few distributions that name the group are then loaded with :mod:`importlib.metadata` itself, so
the entry points are the very objects it would give. Where the path holds something this scan
does not read (a zip file, a finder that supplies distributions of its own), the full scan runs.
"""

from __future__ import annotations

import os
import re
import sys

METADATA_SUFFIXES = (".dist-info", ".egg-info")


def normalized_name(folder_name: str) -> str:
    """The distribution name of a metadata folder, normalized as importlib.metadata compares them.

    >>> normalized_name("Shout.Plugin-1.0.dist-info"), normalized_name("shout_plugin-2.0.egg-info")
    ('shout_plugin', 'shout_plugin')
    """
    stem = os.path.splitext(folder_name)[0]
    return re.sub(r"[-_.]+", "_", stem.partition("-")[0]).lower()


def declares_group(entry_points_text: str, group: str) -> bool:
    """Whether an ``entry_points.txt`` has a section for ``group``.

    >>> declares_group("[console_scripts]\\ntool = tool:main\\n", "textfix.cleaners")
    False
    >>> declares_group("[textfix.cleaners]\\nshout = shout:Cleaner\\n", "textfix.cleaners")
    True
    """
    header = f"[{group}]"
    return any(line.strip() == header for line in entry_points_text.splitlines())


def _read(path: str) -> str:
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return f.read()
    except OSError:  # no entry points, or unreadable: importlib.metadata would find none either
        return ""


def declaring_folders(path_entries: list[str], group: str) -> list[str] | None:
    """The metadata folders on ``path_entries`` whose entry points declare ``group``, in path order.

    A distribution is taken from the first entry that holds one of its name, as importlib.metadata
    does, so an older copy further down the path cannot add plugins. None when an entry is a file
    (a zip archive) or an egg, which only the full scan reads.
    """
    seen: set[str] = set()
    found = []
    for entry in path_entries:
        folder = entry or "."
        if os.path.isfile(folder) or folder.endswith(".egg"):  # an archive, or an egg's EGG-INFO
            return None
        try:
            names = sorted(os.listdir(folder))
        except OSError:  # a missing folder or a finder's placeholder holds no distributions
            continue
        for name in names:
            if not name.lower().endswith(METADATA_SUFFIXES):
                continue
            key = normalized_name(name)
            if key in seen:
                continue
            seen.add(key)
            if declares_group(_read(os.path.join(folder, name, "entry_points.txt")), group):
                found.append(os.path.join(folder, name))
    return found


def _only_path_finders() -> bool:
    """Whether every finder that can supply distributions is the standard path finder."""
    from importlib.machinery import PathFinder

    return all(finder is PathFinder or not hasattr(finder, "find_distributions") for finder in sys.meta_path)


def entry_points(group: str) -> list:
    """Every entry point in ``group``, as ``importlib.metadata.entry_points(group=group)`` lists them."""
    folders = declaring_folders(sys.path, group) if _only_path_finders() else None
    if folders == []:
        return []
    import importlib.metadata
    from pathlib import Path

    if folders is None:
        return list(importlib.metadata.entry_points(group=group))
    return [ep for folder in folders
            for ep in importlib.metadata.PathDistribution(Path(folder)).entry_points.select(group=group)]

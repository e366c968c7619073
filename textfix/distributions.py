"""What is installed: entry points of one group and a distribution's version, read cheaply.

``importlib.metadata`` imports the email parser, and ``entry_points(group=...)`` parses the
metadata of every installed distribution; on a machine with a hundred packages that is a good
part of a one-shot ``textfix clean``'s start-up, and almost none of them declare textfix
plugins. Here the metadata folders on ``sys.path`` are listed and only the files asked about are
read: ``entry_points.txt``, or the head of one ``METADATA``. The few distributions that declare
the group are then loaded with :mod:`importlib.metadata` itself, so the entry points are the
very objects it would give. Where the path holds something this scan does not read (a zip file,
an egg, a finder that supplies distributions of its own), importlib.metadata answers.
"""

from __future__ import annotations

import os
import re
import sys

METADATA_SUFFIXES = (".dist-info", ".egg-info")


def normalized(name: str) -> str:
    """A distribution name as importlib.metadata compares them.

    >>> normalized("Zope.Interface"), normalized("shout-plugin")
    ('zope_interface', 'shout_plugin')
    """
    return re.sub(r"[-_.]+", "_", name).lower()


def folder_distribution(folder_name: str) -> str:
    """The normalized distribution name of a metadata folder.

    >>> folder_distribution("Shout.Plugin-1.0.dist-info"), folder_distribution("shout_plugin-2.0.egg-info")
    ('shout_plugin', 'shout_plugin')
    """
    return normalized(os.path.splitext(folder_name)[0].partition("-")[0])


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


def metadata_folders(path_entries: list[str]) -> dict[str, str] | None:
    """The metadata folder of each distribution on ``path_entries``, by normalized name.

    A distribution is taken from the first entry that holds one of its name, as importlib.metadata
    does, so an older copy further down the path is hidden. None when an entry is a file (a zip
    archive) or an egg, which only importlib.metadata reads.
    """
    found: dict[str, str] = {}
    for entry in path_entries:
        folder = entry or "."
        if os.path.isfile(folder) or folder.endswith(".egg"):  # an archive, or an egg's EGG-INFO
            return None
        try:
            names = sorted(os.listdir(folder))
        except OSError:  # a missing folder or a finder's placeholder holds no distributions
            continue
        for name in names:
            if name.lower().endswith(METADATA_SUFFIXES):
                found.setdefault(folder_distribution(name), os.path.join(folder, name))
    return found


def declaring_folders(path_entries: list[str], group: str) -> list[str] | None:
    """The metadata folders on ``path_entries`` whose entry points declare ``group``, in path
    order (None as for :func:`metadata_folders`)."""
    folders = metadata_folders(path_entries)
    if folders is None:
        return None
    return [folder for folder in folders.values()
            if declares_group(_read(os.path.join(folder, "entry_points.txt")), group)]


def metadata_version(metadata_text: str) -> str | None:
    """The ``Version`` field of a distribution's METADATA (or PKG-INFO) headers.

    >>> metadata_version("Metadata-Version: 2.1\\nName: ftfy\\nVersion: 6.3.1\\n\\nVersion: 1 in the body")
    '6.3.1'
    >>> metadata_version("Name: ftfy\\n") is None
    True
    """
    for line in metadata_text.splitlines():
        if not line.strip():
            return None  # the headers end at the first blank line
        key, _, value = line.partition(":")
        if key.strip().lower() == "version":
            return value.strip()
    return None


def _only_path_finders() -> bool:
    """Whether every finder that can supply distributions is the standard path finder."""
    from importlib.machinery import PathFinder

    return all(finder is PathFinder or not hasattr(finder, "find_distributions") for finder in sys.meta_path)


def entry_points(group: str) -> list:
    """Every entry point in ``group``, as ``importlib.metadata.entry_points(group=group)`` lists them."""
    folders = declaring_folders(sys.path, group) if _only_path_finders() else None
    if folders == []:  # the usual case: nothing to import
        return []
    import importlib.metadata
    from pathlib import Path

    if folders is None:
        return list(importlib.metadata.entry_points(group=group))
    return [ep for folder in folders
            for ep in importlib.metadata.PathDistribution(Path(folder)).entry_points.select(group=group)]


def version(name: str) -> str | None:
    """The installed version of distribution ``name``, None when it is not installed; as
    ``importlib.metadata.version`` gives it, without importing the package or importlib.metadata.

    >>> version("no-such-distribution-anywhere") is None
    True
    """
    folders = metadata_folders(sys.path) if _only_path_finders() else None
    if folders is not None:
        folder = folders.get(normalized(name))
        if folder is None:
            return None
        for file_name in ("METADATA", "PKG-INFO"):
            found = metadata_version(_read(os.path.join(folder, file_name)))
            if found is not None:
                return found
    import importlib.metadata

    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return None

"""Documents of a batch with their site: JSONL records (site from a field, by default the
host of ``url``) or text files (site: their folder)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from urllib.parse import urlsplit

from ..errors import TextfixError

JSONL_SUFFIXES = (".jsonl", ".ndjson")
TEXT_SUFFIXES = (".txt", ".md")


def site_of_value(value) -> str | None:
    """The site named by a field's value: a URL's host (without ``www.``), or the value itself.

    >>> site_of_value("https://www.example.com/news/1.html")
    'example.com'
    >>> site_of_value("blog-7")
    'blog-7'
    """
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    host = urlsplit(value).hostname if "//" in value else None
    site = host or value
    return site[4:] if site.startswith("www.") else site


def site_of_path(path: str) -> str:
    """A text file's site: the name of its folder."""
    return os.path.basename(os.path.dirname(os.path.abspath(path))) or "/"


def documents(paths: list[str], text_field: str = "text", site_field: str = "url") -> Iterator[tuple[str, str]]:
    """(site, text) for every document under ``paths``, streamed; records without a text or a
    site are skipped (they cannot be counted for any site)."""
    for path in _files(paths):
        if path.endswith(JSONL_SUFFIXES):
            yield from _records(path, text_field, site_field)
        else:
            try:
                with open(path, encoding="utf-8", errors="replace") as f:
                    yield site_of_path(path), f.read()
            except OSError as e:
                raise TextfixError(f"{path}: cannot read ({e.strerror or e})") from None


def _records(path: str, text_field: str, site_field: str) -> Iterator[tuple[str, str]]:
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                try:
                    record = json.loads(line)
                except ValueError:
                    continue
                if not isinstance(record, dict) or not isinstance(record.get(text_field), str):
                    continue
                site = site_of_value(record.get(site_field))
                if site is not None:
                    yield site, record[text_field]
    except OSError as e:
        raise TextfixError(f"{path}: cannot read ({e.strerror or e})") from None


def _files(paths: list[str]) -> Iterator[str]:
    for path in paths:
        if os.path.isdir(path):
            for folder, subfolders, names in os.walk(path):
                subfolders.sort()
                for name in sorted(names):
                    if name.endswith(JSONL_SUFFIXES + TEXT_SUFFIXES) and not name.startswith("."):
                        yield os.path.join(folder, name)
        elif os.path.isfile(path):
            yield path
        else:
            raise TextfixError(f"{path}: no such file or folder")


def count_batch(paths: list[str], text_field: str = "text", site_field: str = "url", cap: int | None = None):
    """One streaming pass over ``paths``: the :class:`~textfix.templates.counting.SiteCounter`."""
    from .counting import DEFAULT_CAP, SiteCounter

    counter = SiteCounter(cap=cap or DEFAULT_CAP)
    for site, text in documents(paths, text_field, site_field):
        counter.add(site, text)
    return counter

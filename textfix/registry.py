"""Finding cleaners: built-in and third-party ones register in the ``textfix.cleaners`` entry-point group.

An entry point names a :class:`~textfix.cleaner.Cleaner` subclass or any factory that returns
a cleaner instance; it is called with that cleaner's options as keyword arguments.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.metadata import entry_points

from .cleaner import Cleaner
from .errors import TextfixError

GROUP = "textfix.cleaners"


class PluginError(TextfixError):
    """A registered cleaner that cannot be found, loaded or built."""


@lru_cache(maxsize=1)
def _entry_points() -> dict:
    found = {}
    for ep in entry_points(group=GROUP):
        found.setdefault(ep.name, ep)
    return found


def cleaner_names() -> list[str]:
    return sorted(_entry_points())


@lru_cache(maxsize=None)
def _factory(name: str):
    try:
        ep = _entry_points()[name]
    except KeyError:
        raise PluginError(f"no cleaner named {name!r}") from None
    try:
        return ep.load()
    except Exception as e:  # a broken third-party plugin must not crash the run with a traceback
        raise PluginError(f"cannot load cleaner {name!r} ({ep.value}): {type(e).__name__}: {e}") from None


def make_cleaner(name: str, **options) -> Cleaner:
    cleaner = _factory(name)(**options)
    if not isinstance(cleaner, Cleaner):
        raise PluginError(f"entry point {name!r} in {GROUP} did not produce a textfix Cleaner")
    return cleaner


def make_cleaners(options: dict[str, dict] | None = None, names=None) -> list[Cleaner]:
    """Instances of the named (default: all registered) cleaners, in pipeline order."""
    options = options or {}
    cleaners = [make_cleaner(name, **options.get(name, {})) for name in (names or cleaner_names())]
    return sorted(cleaners, key=lambda c: (c.stage, c.code))


def known_codes() -> set[str]:
    """Every cleaner code and rule id that --select/--ignore may name."""
    codes = set()
    for cleaner in make_cleaners():
        codes.add(cleaner.code)
        codes.update(cleaner.rules)
    return codes

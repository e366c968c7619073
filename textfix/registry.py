"""Finding cleaners: the built-ins are listed here, in code; plugins add theirs in the
``textfix.cleaners`` entry-point group.

So a copy of textfix without install metadata (vendored, on ``PYTHONPATH``) still runs every
built-in. An entry point names a :class:`~textfix.cleaner.Cleaner` subclass or a factory that
returns a cleaner instance; it is called with that cleaner's checked options as keyword
arguments. A plugin that cannot be loaded is left out of the pipeline and reported
(:func:`broken_plugins`, and a :class:`PluginWarning`); naming it in ``--select`` is an error.
"""

from __future__ import annotations

import importlib
import warnings
from functools import lru_cache

from .cleaner import Cleaner
from .distributions import entry_points
from .errors import OptionError, TextfixError

GROUP = "textfix.cleaners"
BUILTINS = {
    "encoding": "textfix.cleaners.encoding:EncodingCleaner",
    "entities": "textfix.cleaners.entities:EntitiesCleaner",
    "boilerplate": "textfix.cleaners.boilerplate:BoilerplateCleaner",
    "punctuation": "textfix.cleaners.punctuation:PunctuationCleaner",
    "numbers": "textfix.cleaners.numbers:NumbersCleaner",
    "spin": "textfix.cleaners.spin:SpinCleaner",
    "whitespace": "textfix.cleaners.whitespace:WhitespaceCleaner",
}


class PluginError(TextfixError):
    """A registered cleaner that cannot be found, loaded or built."""


class PluginWarning(UserWarning):
    """A cleaner plugin that failed to load and was left out."""


@lru_cache(maxsize=1)
def _entry_points() -> dict:
    """Plugins by name; an entry point for a built-in's name (textfix's own metadata) is not one."""
    found = {}
    for ep in entry_points(group=GROUP):
        if ep.name not in BUILTINS:
            found.setdefault(ep.name, ep)
    return found


def cleaner_names() -> list[str]:
    return sorted(set(BUILTINS) | set(_entry_points()))


def _load_target(target: str):
    module, _, attr = target.partition(":")
    obj = importlib.import_module(module)
    for part in attr.split("."):
        obj = getattr(obj, part)
    return obj


@lru_cache(maxsize=None)
def _factory(name: str):
    if name in BUILTINS:
        return _load_target(BUILTINS[name])
    try:
        ep = _entry_points()[name]
    except KeyError:
        raise PluginError(f"no cleaner named {name!r}") from None
    try:
        return ep.load()
    except Exception as e:  # a broken third-party plugin must not crash the run with a traceback
        raise PluginError(f"cannot load cleaner plugin {name!r} ({ep.value}): {type(e).__name__}: {e}") from None


_warned: set[str] = set()


def _broken(name: str) -> str | None:
    """Why plugin ``name`` cannot be loaded, or None; warned about once per process."""
    try:
        _factory(name)
    except PluginError as e:
        if str(e) not in _warned:
            _warned.add(str(e))
            warnings.warn(str(e), PluginWarning, stacklevel=4)
        return str(e)
    return None


def broken_plugins() -> list[str]:
    """One message per plugin that failed to load (and is left out of every pipeline)."""
    return [message for name in cleaner_names() if (message := _broken(name))]


def usable_names() -> list[str]:
    """Every cleaner that loads: the built-ins and the working plugins."""
    return [name for name in cleaner_names() if _broken(name) is None]


def options_type(name: str):
    """The options dataclass that cleaner ``name`` declares (None for a factory that declares none)."""
    factory = _factory(name)
    return getattr(factory, "Options", None)


def check_cleaner_options(name: str, given: dict, where: str, from_config: bool = False):
    """Cleaner ``name``'s options checked against its declaration (see :mod:`textfix.options`).

    Messages start with ``where``, then the cleaner's name unless ``where`` is its own table
    (``[cleaners.NAME]``)."""
    from .options import check_options

    if name not in cleaner_names():
        raise OptionError(f"{where}: no cleaner named {name!r} (known: {', '.join(cleaner_names())})")
    declared = options_type(name)
    if declared is None:  # a plugin factory without a declaration checks its own keywords
        return dict(given)
    named = f"cleaners.{name}]" in where
    return check_options(declared, given, where if named else f"{where} ({name})", from_config)


def make_cleaner(name: str, options=None) -> Cleaner:
    """Cleaner ``name``, built with ``options`` (checked ones, or a dict to check now)."""
    from .options import as_keywords

    if options is None or isinstance(options, dict):
        options = check_cleaner_options(name, options or {}, "options")
    keywords = options if isinstance(options, dict) else as_keywords(options)
    cleaner = _factory(name)(**keywords)
    if not isinstance(cleaner, Cleaner):
        raise PluginError(f"entry point {name!r} in {GROUP} did not produce a textfix Cleaner")
    return cleaner


def make_cleaners(options: dict | None = None, names=None) -> list[Cleaner]:
    """Instances of the named (default: every usable) cleaner, in pipeline order.

    ``options`` maps a cleaner code to its options (a dict, or its checked options dataclass).
    """
    options = options or {}
    cleaners = [make_cleaner(name, options.get(name)) for name in (names or usable_names())]
    return sorted(cleaners, key=lambda c: (c.stage, c.code))


def known_codes() -> set[str]:
    """Every cleaner code and rule id that --select/--ignore may name: ``code``, ``rule`` and the
    reports' ``code/rule``."""
    codes = set()
    for cleaner in make_cleaners():
        codes.add(cleaner.code)
        codes.update(cleaner.rules)
        codes.update(f"{cleaner.code}/{rule}" for rule in cleaner.rules)
    return codes

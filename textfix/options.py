"""Cleaner options: each cleaner declares them as a frozen dataclass; values are checked against it.

A field's annotation is its type (``bool``, ``int``, ``float``, ``str``, ``tuple[str, ...]``,
``X | None``, or ``object`` for anything); a ``__post_init__`` that raises ``ValueError`` adds
range checks. Config files write option names with dashes (``assume-spun``), Python with
underscores; both name the same field, and giving both with different values is an error.
Fields with ``metadata={"config": False}`` (Python objects) are refused in config files.

>>> from dataclasses import dataclass
>>> @dataclass(frozen=True)
... class Shout:
...     level: float = 1.0
...     words: tuple[str, ...] = ()
>>> check_options(Shout, {"level": 2, "words": ["LOUD"]}, "here")
Shout(level=2.0, words=('LOUD',))
>>> check_options(Shout, {"lvel": 2}, "here")
Traceback (most recent call last):
...
textfix.errors.OptionError: here: unknown option 'lvel' (known: level, words)
"""

from __future__ import annotations

import types
import typing
from dataclasses import fields
from typing import Any, Mapping

from .errors import OptionError

_MISSING = object()


def _describe(hint) -> str:
    origin = typing.get_origin(hint)
    if hint is bool:
        return "true or false"
    if hint is int:
        return "an integer"
    if hint is float:
        return "a number"
    if hint is str:
        return "a string"
    if origin in (tuple, list):
        return f"a list of {_describe(typing.get_args(hint)[0]).removeprefix('a ').removeprefix('an ')}s"
    if origin in (typing.Union, types.UnionType):
        return " or ".join("nothing" if a is type(None) else _describe(a) for a in typing.get_args(hint))
    return getattr(hint, "__name__", str(hint))


def _convert(hint, value):
    """``value`` as a ``hint``, or ``_MISSING`` when it is not one (bools are not numbers)."""
    origin = typing.get_origin(hint)
    if hint in (object, Any):
        return value
    if hint is bool:
        return value if isinstance(value, bool) else _MISSING
    if hint is int:
        return value if isinstance(value, int) and not isinstance(value, bool) else _MISSING
    if hint is float:
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        return float(value) if ok else _MISSING
    if hint is str:
        return value if isinstance(value, str) else _MISSING
    if origin in (tuple, list):
        if not isinstance(value, (list, tuple)):
            return _MISSING
        item = typing.get_args(hint)[0]
        converted = [_convert(item, v) for v in value]
        return _MISSING if any(c is _MISSING for c in converted) else tuple(converted)
    if origin in (typing.Union, types.UnionType):
        if value is None and type(None) in typing.get_args(hint):
            return None
        for arg in typing.get_args(hint):
            if arg is not type(None) and (converted := _convert(arg, value)) is not _MISSING:
                return converted
        return _MISSING
    return value if isinstance(value, hint) else _MISSING


def option_names(options_type) -> list[str]:
    return [f.name for f in fields(options_type)]


def check_options(options_type, given: Mapping[str, Any], where: str, from_config: bool = False):
    """An ``options_type`` instance from ``given`` (name -> value); :class:`OptionError` naming
    ``where`` for an unknown option, a wrong type, a value out of range or disagreeing spellings."""
    if not isinstance(given, Mapping):
        raise OptionError(f"{where}: options must be a table of name = value, not {type(given).__name__}")
    hints = typing.get_type_hints(options_type)
    known = {f.name: f for f in fields(options_type)}
    values: dict[str, Any] = {}
    spelled: dict[str, str] = {}
    for key, value in given.items():
        name = key.replace("-", "_") if isinstance(key, str) else key
        if name not in known:
            listed = ", ".join(n.replace("_", "-") if from_config else n for n in known) or "none"
            raise OptionError(f"{where}: unknown option {key!r} (known: {listed})")
        if from_config and known[name].metadata.get("config", True) is False:
            raise OptionError(f"{where}: option {key!r} is for the Python API only")
        converted = _convert(hints[name], value)
        if converted is _MISSING:
            raise OptionError(f"{where}: option {key!r} must be {_describe(hints[name])}, not {value!r}")
        if name in values and values[name] != converted:
            raise OptionError(f"{where}: {spelled[name]!r} and {key!r} name the same option and disagree")
        values[name], spelled[name] = converted, key
    try:
        return options_type(**values)
    except (TypeError, ValueError) as e:
        raise OptionError(f"{where}: {e}") from None


def as_keywords(options) -> dict[str, Any]:
    """The checked options as the keyword arguments a cleaner is built with."""
    return {f.name: getattr(options, f.name) for f in fields(options)}

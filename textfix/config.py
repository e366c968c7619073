"""Settings: defaults, then ``[tool.textfix]`` in the nearest pyproject.toml (or a textfix.toml),
then the command line. Each effective value remembers where it came from (``textfix config``)."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field, fields

from .errors import OptionError, TextfixError
from .io import DEFAULT_MAX_BYTES

DEFAULT = "default"
COMMAND_LINE = "command line"
AUTO = "auto"  # templates: learn them over the batch being cleaned


@dataclass
class Settings:
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    unsafe_fixes: bool = False
    include: list[str] = field(default_factory=lambda: ["*.txt", "*.md"])
    exclude: list[str] = field(default_factory=list)
    respect_gitignore: bool = True
    force_exclude: bool = False
    phrases: list[str] = field(default_factory=list)
    templates: list[str] = field(default_factory=list)
    spin_threshold: float | None = None
    max_size: float = DEFAULT_MAX_BYTES / 1e6
    cleaners: dict[str, dict] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    def cleaner_options(self) -> dict[str, dict]:
        """Options per cleaner code, as the pipeline takes them: the ``cleaners`` tables plus the
        top-level keys that are shorthands for spin's and boilerplate's options.

        A shorthand and its long form in config files must agree (``spin-threshold`` and
        ``[tool.textfix.cleaners.spin] threshold``); ``--spin-threshold`` overrides both.
        """
        options = {code: dict(opts) for code, opts in self.cleaners.items()}
        for attr, code, name in (("phrases", "spin", "phrases"), ("templates", "boilerplate", "templates")):
            extra = getattr(self, attr)
            if extra:
                listed = list(options.get(code, {}).get(name, ()))
                options.setdefault(code, {})[name] = listed + [p for p in extra if p not in listed]
        if self.spin_threshold is not None:
            spin = options.setdefault("spin", {})
            given = {key: spin.pop(key) for key in ("threshold",) if key in spin}
            source = self.source_of("spin_threshold")
            if given and given["threshold"] != self.spin_threshold and source != COMMAND_LINE:
                raise OptionError(
                    f"spin-threshold = {self.spin_threshold!r} ({source}) and [tool.textfix.cleaners.spin] "
                    f"threshold = {given['threshold']!r} ({self.source_of('cleaners')}) disagree: keep one")
            spin["threshold"] = self.spin_threshold
        return options

    def source_of(self, name: str) -> str:
        return self.sources.get(name, DEFAULT)


# key in the file -> (attribute, checker)
def _strings(value):
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


_KEYS = {
    "select": ("select", _strings, "a list of strings"),
    "ignore": ("ignore", _strings, "a list of strings"),
    "unsafe-fixes": ("unsafe_fixes", lambda v: isinstance(v, bool), "true or false"),
    "include": ("include", _strings, "a list of glob strings"),
    "exclude": ("exclude", _strings, "a list of glob strings"),
    "respect-gitignore": ("respect_gitignore", lambda v: isinstance(v, bool), "true or false"),
    "force-exclude": ("force_exclude", lambda v: isinstance(v, bool), "true or false"),
    "phrases": ("phrases", _strings, "a list of file paths"),
    "templates": ("templates", _strings, "a list of template file paths (or \"auto\")"),
    "spin-threshold": ("spin_threshold", lambda v: isinstance(v, (int, float)) and 0 <= v <= 1, "a number in [0, 1]"),
    "max-size": ("max_size", lambda v: isinstance(v, (int, float)) and v > 0, "a positive number of megabytes"),
    "cleaners": ("cleaners", lambda v: isinstance(v, dict) and all(isinstance(t, dict) for t in v.values()),
                 "a table of tables, one per cleaner code"),
}
SETTING_NAMES = [f.name for f in fields(Settings) if f.name != "sources"]


def find_config(start: str) -> tuple[str, dict] | None:
    """The nearest textfix.toml, or pyproject.toml with a [tool.textfix] table, at or above ``start``."""
    folder = os.path.abspath(start)
    if not os.path.isdir(folder):
        folder = os.path.dirname(folder)
    while True:
        candidate = os.path.join(folder, "textfix.toml")
        if os.path.isfile(candidate):
            return candidate, _load(candidate)
        candidate = os.path.join(folder, "pyproject.toml")
        if os.path.isfile(candidate):
            table = _load(candidate).get("tool", {}).get("textfix")
            if table is not None:
                return candidate, table
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def _load(path: str) -> dict:
    # Imported here: a run in a folder without a settings file does not load the TOML parser.
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib

    try:
        with open(path, "rb") as f:
            return tomllib.load(f)
    except OSError as e:
        raise TextfixError(f"{path}: cannot read ({e.strerror or e})") from None
    except tomllib.TOMLDecodeError as e:
        raise TextfixError(f"{path}: invalid TOML ({e})") from None


def apply_table(settings: Settings, table: dict, path: str) -> None:
    """Copy a config table into ``settings``, checking every key and value."""
    # In a pyproject.toml the message says which table; any other config file is all textfix's,
    # and its path, at the start of the message, names it.
    where = " in [tool.textfix]" if os.path.basename(path) == "pyproject.toml" else ""
    base = os.path.dirname(os.path.abspath(path))
    for key, value in table.items():
        if key not in _KEYS:
            raise TextfixError(f"{path}: unknown key {key!r}{where} (known: {', '.join(sorted(_KEYS))})")
        attr, valid, expected = _KEYS[key]
        if not valid(value):
            raise TextfixError(f"{path}: {key!r}{where} must be {expected}")
        if attr in ("phrases", "templates"):  # relative to the config file, not to wherever textfix runs
            value = [p if p == AUTO else os.path.normpath(os.path.join(base, p)) for p in value]
        if attr == "cleaners":
            value = {code: _cleaner_table(code, options, path, where, base) for code, options in value.items()}
        setattr(settings, attr, value)
        settings.sources[attr] = path


def _cleaner_table(code: str, options: dict, path: str, where: str, base: str) -> dict:
    """One ``[tool.textfix.cleaners.CODE]`` table, checked against what the cleaner declares
    (unknown cleaner, unknown option, wrong type: an error naming the file); its file paths are
    made relative to the config file."""
    from .registry import check_cleaner_options

    table = f"[tool.textfix.cleaners.{code}]" if where else f"[cleaners.{code}]"
    check_cleaner_options(code, options, f"{path}: {table}", from_config=True)
    paths = {"phrases", "templates"}
    return {key: [p if p == AUTO else os.path.normpath(os.path.join(base, p)) for p in value]
            if key.replace("-", "_") in paths and isinstance(value, list) else value
            for key, value in options.items()}


def resolve(paths: list[str], overrides: dict, config_path: str | None = None) -> Settings:
    """Defaults, then the config file (``config_path`` or the nearest one), then ``overrides``.

    ``overrides`` holds only options given on the command line (``None`` means not given).
    """
    settings = Settings()
    if config_path:
        table = _load(config_path)
        if os.path.basename(config_path) == "pyproject.toml":
            table = table.get("tool", {}).get("textfix", {})
        apply_table(settings, table, config_path)
    else:
        real = [p for p in paths if p != "-"]
        start = os.path.commonpath([os.path.abspath(p) for p in real]) if real else os.getcwd()
        found = find_config(start)
        if found:
            apply_table(settings, found[1], found[0])
    for attr, value in overrides.items():
        if value is None or value == () or value == []:
            continue
        source = COMMAND_LINE
        if attr in ("ignore", "exclude", "phrases", "templates"):  # lists given on the command line extend the file's
            if getattr(settings, attr) and attr in settings.sources:
                source = f"{settings.sources[attr]} + {COMMAND_LINE}"
            value = list(getattr(settings, attr)) + [v for v in value if v not in getattr(settings, attr)]
        setattr(settings, attr, value)
        settings.sources[attr] = source
    return settings

"""What a run is asked to do, checked once and then never changed.

:class:`PipelineSpec` says which cleaners run with which options; it is all a worker needs to
build its pipeline. :class:`RunSpec` adds where the text goes and what is printed. Both are
frozen: every part of a run, and every worker, sees the same values.

>>> spec = PipelineSpec.make(select=["entities"])
>>> spec.select
('entities',)
>>> spec.build().run("It&#39;s here.").text
"It's here."
>>> PipelineSpec.make(select="entities")
Traceback (most recent call last):
...
TypeError: select must be a list of cleaner codes or rule ids, not a str (did you mean ['entities']?)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Iterable, Mapping

from .errors import OptionError
from .io import DEFAULT_MAX_BYTES


class _Choice(str, Enum):
    """A choice that prints, compares and pickles as its value."""

    def __str__(self) -> str:
        return self.value


class Mode(_Choice):
    STDOUT = "stdout"
    CHECK = "check"
    DIFF = "diff"
    IN_PLACE = "in-place"
    OUTPUT = "output"


class OutputFormat(_Choice):
    TEXT = "text"
    JSON = "json"
    GITHUB = "github"


class ReportFormat(_Choice):
    JSON = "json"
    HTML = "html"


def _choice(kind: type[_Choice], value, name: str) -> _Choice:
    try:
        return kind(value)
    except ValueError:
        raise OptionError(f"{name} must be one of {', '.join(c.value for c in kind)}, not {value!r}") from None


def _code_list(value, name: str) -> tuple[str, ...] | None:
    if value is None:
        return None
    if isinstance(value, (str, bytes)):
        raise TypeError(f"{name} must be a list of cleaner codes or rule ids, not a {type(value).__name__} "
                        f"(did you mean [{value!r}]?)")
    try:
        codes = tuple(value)
    except TypeError:
        raise TypeError(f"{name} must be a list of cleaner codes or rule ids, not {type(value).__name__}") from None
    bad = [c for c in codes if not isinstance(c, str)]
    if bad:
        raise TypeError(f"{name}: cleaner codes and rule ids are strings, not {bad[0]!r}")
    return codes


@dataclass(frozen=True)
class PipelineSpec:
    """The cleaners of a run: ``select``/``ignore`` (codes, rule ids or ``code/rule``), whether
    unsafe fixes apply, and each cleaner's checked options, as ``(code, options)`` pairs.

    Build one with :meth:`make`, which checks everything; workers call :meth:`build`.
    """

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    unsafe: bool = False
    options: tuple[tuple[str, object], ...] = ()

    @classmethod
    def make(cls, select: Iterable[str] | None = None, ignore: Iterable[str] | None = None, unsafe: bool = False,
             options: Mapping[str, Mapping] | None = None, where: str = "options",
             select_from: str = "select", ignore_from: str = "ignore") -> "PipelineSpec":
        """A checked spec. Unknown cleaners, rules or options, and options of the wrong type,
        raise :class:`~textfix.errors.OptionError` naming ``where``/``select_from``/``ignore_from``."""
        from .registry import check_cleaner_options, known_codes

        select, ignore = _code_list(select, "select"), _code_list(ignore, "ignore") or ()
        if not isinstance(unsafe, bool):
            raise TypeError(f"unsafe must be True or False, not {unsafe!r}")
        if options is not None and not isinstance(options, Mapping):
            raise TypeError(f"options must map cleaner codes to their options, not {type(options).__name__}")
        known = known_codes()
        for codes, name in ((select, select_from), (ignore, ignore_from)):
            unknown = sorted(set(codes or ()) - known)
            if unknown:
                raise OptionError(f"{name}: unknown cleaner or rule: {', '.join(unknown)} "
                                  "(see 'textfix cleaners --rules')")
        checked = tuple(sorted((code, check_cleaner_options(code, given, where))
                               for code, given in (options or {}).items()))
        return cls(select, ignore, unsafe, checked)

    def cleaner_options(self) -> dict[str, object]:
        return dict(self.options)

    def build(self):
        """The :class:`~textfix.pipeline.Pipeline` this spec describes."""
        from .pipeline import Pipeline
        from .registry import make_cleaners

        return Pipeline(make_cleaners(self.cleaner_options()), select=self.select, ignore=self.ignore,
                        unsafe=self.unsafe)


@dataclass(frozen=True)
class RunSpec:
    """A whole ``textfix clean`` run: the pipeline, where text goes, what is printed.

    ``jsonl`` is a :class:`textfix.jsonl.JsonlOptions` for JSONL inputs, None for text files.
    """

    pipeline: PipelineSpec = field(default_factory=PipelineSpec)
    mode: Mode = Mode.STDOUT
    fail_on_change: bool = False  # --check: exit 1 when anything would change
    output_file: str | None = None
    output_dir: str | None = None
    jobs: int = 1
    output_format: OutputFormat = OutputFormat.TEXT
    report_path: str | None = None
    report_format: ReportFormat | None = None
    quiet: bool = False
    verbose: bool = False
    exit_zero: bool = False
    encoding: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    jsonl: object | None = None
    progress: bool | None = None  # None: only when stderr is a terminal

    def __post_init__(self):
        set_ = object.__setattr__  # frozen: normalize once, here
        set_(self, "mode", _choice(Mode, self.mode, "mode"))
        set_(self, "output_format", _choice(OutputFormat, self.output_format, "--output-format"))
        if self.report_format is not None:
            set_(self, "report_format", _choice(ReportFormat, self.report_format, "--report-format"))
        if not isinstance(self.pipeline, PipelineSpec):
            raise TypeError(f"pipeline must be a PipelineSpec, not {type(self.pipeline).__name__}")
        if not isinstance(self.jobs, int) or self.jobs < 1:
            raise OptionError(f"--jobs must be a whole number from 1, not {self.jobs!r}")
        if not isinstance(self.max_bytes, int) or self.max_bytes < 1:
            raise OptionError(f"--max-size must be positive, not {self.max_bytes!r}")
        if self.output_file and self.output_dir:
            raise OptionError("choose one of --output and --output-dir")
        if self.mode == Mode.OUTPUT and not (self.output_file or self.output_dir):
            raise OptionError("output mode needs --output or --output-dir")
        if self.mode != Mode.OUTPUT and (self.output_file or self.output_dir):
            raise OptionError(f"--output and --output-dir write files; mode {self.mode} does not")
        if self.output_format != OutputFormat.TEXT and self.mode == Mode.STDOUT:
            raise OptionError(f"--output-format {self.output_format} needs stdout free: "
                              "add --check, --in-place or --output-dir")

    @property
    def keep_results(self) -> bool:
        """Whether each document's full result is kept for a report or machine-readable output."""
        return bool(self.report_path) or self.output_format != OutputFormat.TEXT

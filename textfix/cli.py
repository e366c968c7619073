"""The ``textfix`` command: a thin click layer over :mod:`textfix`.

Only cleaned text, diffs and machine-readable output go to stdout; messages go to stderr. Exit
codes: 0 done or nothing to change, 1 ``--check`` found changes, 2 usage or input error.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile

import click

from . import __version__
from .config import AUTO, DEFAULT
from .errors import TextfixError
from .printable import printable

EXIT_ERROR = 2
JSONL_INCLUDE = ("*.jsonl", "*.ndjson")


class _Group(click.Group):
    """Turns a :class:`TextfixError` from any command into one line on stderr and exit 2."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except TextfixError as e:
            click.echo(printable(f"textfix: error: {e}"), err=True)
            ctx.exit(EXIT_ERROR)


def _codes(values: tuple[str, ...]) -> list[str] | None:
    """Flatten ``--select a,b --select c`` into ['a', 'b', 'c']; None when not given."""
    codes = [c.strip() for v in values for c in v.split(",") if c.strip()]
    return codes or None


def settings_options(func):
    """Options that map onto :class:`textfix.config.Settings`, shared by ``clean`` and ``config``."""
    options = [
        click.option("--config", "config_path", type=click.Path(dir_okay=False, exists=True),
                     help="Read settings from this file instead of the nearest pyproject.toml/textfix.toml."),
        click.option("--select", multiple=True, metavar="CODES", help="Only these cleaners or rules (comma-separated)."),
        click.option("--ignore", multiple=True, metavar="CODES", help="Skip these cleaners or rules (comma-separated)."),
        click.option("--unsafe-fixes/--no-unsafe-fixes", default=None,
                     help="Also apply fixes marked unsafe (otherwise they are suggestions)."),
        click.option("--include", multiple=True, metavar="GLOB", help="File names to clean in folders [*.txt, *.md]."),
        click.option("--exclude", multiple=True, metavar="GLOB", help="Paths to leave out (adds to the config's)."),
        click.option("--force-exclude/--no-force-exclude", default=None,
                     help="Apply exclusions to files named on the command line too."),
        click.option("--respect-gitignore/--no-respect-gitignore", default=None, help="Skip files .gitignore ignores."),
        click.option("--phrases", multiple=True, type=click.Path(dir_okay=False), metavar="FILE",
                     help="An extra spun→original phrase table (TSV) for the spin cleaner."),
        click.option("--templates", multiple=True, metavar="FILE",
                     help="Site templates learned by 'textfix templates learn', or 'auto': learn them over these inputs first."),
        click.option("--spin-threshold", type=click.FloatRange(0, 1), default=None, metavar="X",
                     help="Confidence from which spin repairs are applied rather than suggested."),
        click.option("--max-size", type=click.FloatRange(min=0.001), default=None, metavar="MB",
                     help="Refuse inputs larger than this many megabytes [64]."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _warn_broken_plugins() -> None:
    """One line on stderr per cleaner plugin that fails to load (instead of a Python warning)."""
    import warnings

    from .registry import PluginWarning, broken_plugins

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PluginWarning)
        for message in broken_plugins():
            click.echo(printable(f"textfix: warning: {message}; left out"), err=True)


def _settings(paths, kw):
    from .config import resolve

    _warn_broken_plugins()

    select, ignore = _codes(kw.pop("select")), _codes(kw.pop("ignore"))
    overrides = {
        "select": select,
        "ignore": ignore,
        "unsafe_fixes": kw.pop("unsafe_fixes"),
        "include": list(kw.pop("include")) or None,
        "exclude": list(kw.pop("exclude")),
        "force_exclude": kw.pop("force_exclude"),
        "respect_gitignore": kw.pop("respect_gitignore"),
        "phrases": [os.path.abspath(p) for p in kw.pop("phrases")],
        "templates": [p if p == AUTO else os.path.abspath(p) for p in kw.pop("templates")],
        "spin_threshold": kw.pop("spin_threshold"),
        "max_size": kw.pop("max_size"),
    }
    settings = resolve(list(paths), overrides, kw.pop("config_path"))
    pipeline_spec(settings)  # unknown codes or options fail here, naming their file or flag
    return settings


def _where(settings, name: str, flag: str) -> str:
    source = settings.source_of(name)
    return f"{flag} (command line)" if source == "command line" else f"{name} ({source})"


def pipeline_spec(settings):
    """The checked :class:`~textfix.spec.PipelineSpec` of these settings."""
    from .spec import PipelineSpec

    return PipelineSpec.make(settings.select, settings.ignore, settings.unsafe_fixes, settings.cleaner_options(),
                             where=f"cleaner options ({settings.source_of('cleaners')})",
                             select_from=_where(settings, "select", "--select"),
                             ignore_from=_where(settings, "ignore", "--ignore"))


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="textfix")
def main() -> None:
    """Repair scraped article text and report every change."""


@main.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the cleaned text of one input here.")
@click.option("--output-dir", type=click.Path(file_okay=False), help="Write cleaned copies here, mirroring the input tree.")
@click.option("--in-place", is_flag=True, help="Rewrite each input atomically with its cleaned text.")
@click.option("--diff", "show_diff", is_flag=True, help="Print unified diffs instead of text; write nothing.")
@click.option("--check", is_flag=True, help="Write nothing; list what would change and exit 1 if anything would.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when --check finds changes (errors still exit 2).")
@click.option("--report", "report_path", type=click.Path(dir_okay=False), help="Write the change report here.")
@click.option("--report-format", type=click.Choice(["json", "html"]), help="Report format [from the suffix].")
@click.option("--output-format", type=click.Choice(["text", "json", "github"]), default="text", show_default=True,
              help="How to print findings: messages, a JSON report on stdout, or GitHub annotations.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Worker processes [number of cores].")
@click.option("--jsonl", is_flag=True, help="Inputs are JSONL: clean one field of every record.")
@click.option("--text-field", default="text", show_default=True, help="With --jsonl: the field to clean.")
@click.option("--stats-field", help="With --jsonl: add per-record edit counts under this field.")
@click.option("--site-field", default="url", show_default=True,
              help="With --jsonl and --templates: the field naming a record's site (a URL's host, or the value).")
@click.option("--bad-records", type=click.Choice(["pass", "skip"]), default="pass", show_default=True,
              help="With --jsonl: pass malformed lines through unchanged, or skip them (both are reported).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where to clean: this machine's processes, or a Dask cluster (--jobs: local cluster size).")
@click.option("--scheduler", metavar="ADDRESS", help="With --engine dask: the cluster's scheduler, e.g. tcp://host:8786.")
@click.option("--encoding", help="Encoding of the inputs (default: UTF-8, or what a BOM says).")
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr [when stderr is a terminal].")
@click.option("-q", "--quiet", is_flag=True, help="Only errors on stderr.")
@click.option("-v", "--verbose", is_flag=True, help="Say what happened to every path, and why a path was skipped.")
@settings_options
def clean(paths, output, output_dir, in_place, show_diff, check, exit_zero, report_path, report_format,
          output_format, jobs, jsonl, text_field, stats_field, site_field, bad_records, engine, scheduler, encoding, progress, quiet,
          verbose, **kw):
    """Clean PATHs (files, folders, globs; - for stdin).

    One input is written to stdout by default; several need --in-place, --output-dir, --check or --diff.
    """
    from .discovery import discover
    from .parallel import default_jobs
    from .spec import Mode, RunSpec

    if sum(bool(x) for x in (output, output_dir, in_place)) > 1:
        raise TextfixError("choose one of --output, --output-dir and --in-place")
    if not jsonl:
        _refuse_jsonl_only_flags()
    if in_place and "-" in paths:
        raise TextfixError("--in-place needs files, not stdin")
    settings = _settings(paths, kw)
    if jsonl and settings.source_of("include") == DEFAULT:
        settings.include = list(JSONL_INCLUDE)  # a folder of shards: take the JSONL files in it
    sources, skipped, missing = discover(list(paths), settings.include, settings.exclude,
                                         settings.respect_gitignore, settings.force_exclude)
    missing += _empty_folders(paths, sources)
    mode = (Mode.DIFF if show_diff else Mode.CHECK if check else Mode.IN_PLACE if in_place
            else Mode.OUTPUT if (output_dir or output) else Mode.STDOUT)
    if output == "-":
        mode = Mode.STDOUT
    several = len(sources) + len(missing) > 1 or any(os.path.isdir(p) or any(c in p for c in "*?[") for p in paths)
    if several and mode == Mode.STDOUT and not jsonl:
        raise TextfixError("several inputs: use --in-place, --output-dir, --check or --diff")
    if output and output != "-" and several:
        raise TextfixError("--output takes one input; use --output-dir for several")
    options = dict(
        mode=mode, fail_on_change=check, output_file=output if output != "-" else None,
        output_dir=output_dir if mode == Mode.OUTPUT else None,
        jobs=jobs or default_jobs(), output_format=output_format, report_path=report_path,
        report_format=report_format, quiet=quiet, verbose=verbose, exit_zero=exit_zero, encoding=encoding,
        max_bytes=int(settings.max_size * 1e6), progress=progress,
        jsonl=_jsonl_options(text_field, stats_field, bad_records, site_field) if jsonl else None,
    )
    RunSpec(**options)  # a contradiction among the flags fails before any template is learned
    if scheduler and engine != "dask":
        raise TextfixError("--scheduler needs --engine dask")
    if mode in (Mode.IN_PLACE, Mode.OUTPUT):
        from .writing import prepare_writes

        for swept in prepare_writes(sources, mode == Mode.IN_PLACE, options["output_file"], options["output_dir"]):
            if verbose and not quiet:
                click.echo(printable(f"removed {swept}: a temporary file left by an interrupted run"), err=True)
    auto_folder = None
    if AUTO in settings.templates:
        auto_folder = tempfile.mkdtemp(prefix="textfix-templates-")
        settings.templates = [p for p in settings.templates if p != AUTO]
        learned = _learn_batch([s.path for s in sources if s.path != "-"], os.path.join(auto_folder, "batch.templates"), text_field if jsonl else None,
                               site_field, engine, scheduler, jobs, verbose and not quiet)
        settings.templates += [learned] if learned else []
    try:
        sys.exit(_clean(settings, options, sources, skipped, missing, engine, scheduler))
    finally:
        if auto_folder:
            shutil.rmtree(auto_folder, ignore_errors=True)


def _jsonl_options(text_field, stats_field, bad_records, site_field):
    """The --jsonl flags, checked (imported here: a run without --jsonl does not load JSONL code)."""
    from .jsonl import JsonlOptions

    return JsonlOptions(text_field, stats_field, bad_records, site_field=site_field)


def _refuse_jsonl_only_flags() -> None:
    """--text-field and its kin mean nothing without --jsonl: a user who gave one forgot --jsonl."""
    ctx = click.get_current_context()
    for name, flag in (("text_field", "--text-field"), ("stats_field", "--stats-field"), ("bad_records", "--bad-records"),
                       ("site_field", "--site-field")):
        if ctx.get_parameter_source(name) == click.core.ParameterSource.COMMANDLINE:
            raise TextfixError(f"{flag} works on JSONL records: add --jsonl")


def _empty_folders(paths, sources) -> list:
    """Folder arguments in which nothing is to be cleaned: a typo in a path or an --include, as
    a glob that matches nothing is (both fail the run)."""
    from .discovery import Skipped

    found = [os.path.realpath(s.path) for s in sources if s.path != "-"]
    empty = []
    for arg in dict.fromkeys(paths):
        if arg != "-" and os.path.isdir(arg):
            folder = os.path.join(os.path.realpath(arg), "")
            if not any(path.startswith(folder) for path in found):
                empty.append(Skipped(arg, "no file to clean in this folder (-v says what was skipped)"))
    return empty


def _clean(settings, options: dict, sources, skipped, missing, engine, scheduler) -> int:
    from .runner import Run
    from .spec import RunSpec

    if settings.templates:
        from .templates import read_templates

        for path in settings.templates:
            read_templates(path)  # a missing or malformed file fails here, before any worker starts
    spec = RunSpec(pipeline=pipeline_spec(settings), **options)
    # Build the cleaners once here so a broken plugin or option fails fast, before any worker starts.
    spec.pipeline.build()
    if engine == "dask":
        from .dask_engine import run_dask

        return run_dask(spec, sources, skipped, missing, scheduler)
    return Run(spec).run(sources, skipped, missing)


def _learn_batch(paths, output, text_field, site_field, engine, scheduler, jobs, verbose, k=None, p=None,
                 max_keys=None) -> str | None:
    """Learn the site templates of ``paths`` into ``output``; the path, or None (and a message
    on stderr) when the batch holds no template."""
    from .templates import DEFAULT_K, DEFAULT_P, learn, write_templates

    k = DEFAULT_K if k is None else k
    p = DEFAULT_P if p is None else p
    if engine == "dask":
        from .templates.dask_learn import count_sites_dask

        counter = count_sites_dask(list(paths), text_field or "text", site_field, max_keys, scheduler, jobs)
    else:
        from .templates.sources import count_batch

        counter = count_batch(list(paths), text_field or "text", site_field, max_keys)
    templates = learn(counter, k, p)
    documents, sites = sum(counter.documents.values()), len(counter.documents)
    if not len(templates):
        click.echo(f"textfix: no site templates learned from {documents} document(s) of {sites} site(s): "
                   f"a template line must be in at least {k} documents and {p:g} of its site's", err=True)
        return None
    write_templates(templates, output)
    if verbose:
        for name, site in sorted(templates.sites.items()):
            click.echo(printable(f"{name}: {len(site.lines)} template lines, {len(site.runs)} runs from "
                                 f"{site.documents} documents"), err=True)
        click.echo(printable(f"learned {len(templates)} template keys of {len(templates.sites)} of {sites} sites "
                             f"({documents} documents) -> {output}"), err=True)
    return output


@main.command("cleaners")
@click.option("--rules", is_flag=True, help="List each cleaner's rules too.")
def list_cleaners(rules):
    """List the registered cleaners in pipeline order.

    Safety: safe fixes are applied, unsafe ones only suggested; mixed applies the fixes it is
    confident of (spin: in spun documents, from its threshold) and suggests the rest.
    """
    from .registry import make_cleaners

    for cleaner in make_cleaners():
        # A cleaner with a threshold applies what it is sure of and suggests the rest.
        safety = "mixed" if hasattr(cleaner, "threshold") else cleaner.safety
        click.echo(f"{cleaner.code:<12} {cleaner.stage:>3}  {safety:<6}  {cleaner.summary}")
        if rules:
            for rule, description in cleaner.rules.items():
                click.echo(f"    {rule:<24} {description}")


@main.command("config")
@click.argument("paths", nargs=-1, metavar="[PATH...]")
@settings_options
def show_config(paths, **kw):
    """Print the effective settings for PATHs (default: here) and where each came from."""
    from .config import SETTING_NAMES

    settings = _settings(paths or (".",), kw)
    for name in SETTING_NAMES:
        value = getattr(settings, name)
        key = name.replace("_", "-")
        click.echo(f"{key:<18} = {value!r:<40} # {settings.source_of(name)}")


@main.group("phrases")
def phrases_group():
    """Spin phrase tables (spun phrase<TAB>original<TAB>gate)."""


@phrases_group.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
def phrases_check(files):
    """Validate phrase tables: format, duplicate keys, chains. Exit 1 on any problem, 2 if a file is missing."""
    from .spin.phrases import validate_table

    for path in files:
        if not os.path.isfile(path):
            raise TextfixError(f"{path}: no such file")
    problems = [problem for path in files for problem in validate_table(path)]
    for problem in problems:
        click.echo(printable(str(problem)))
    if problems:
        sys.exit(1)


@main.group("templates")
def templates_group():
    """Site templates: lines a site repeats across its pages, learned over a batch."""


@templates_group.command("learn")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="The template file to write.")
@click.option("--text-field", default="text", show_default=True, help="JSONL: the field holding the text.")
@click.option("--site-field", default="url", show_default=True,
              help="JSONL: the field naming the site (a URL gives its host). Text files: their folder is the site.")
@click.option("-k", "min_documents", type=click.IntRange(min=2), default=None, help="A template line is in at least K documents [5].")
@click.option("-p", "min_share", type=click.FloatRange(0, 1), default=None, help="... and in at least share P of its site's [0.7].")
@click.option("--max-keys", type=click.IntRange(min=1000), default=None, help="Counted keys kept in memory [2000000].")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Count here in one streaming pass, or map-reduce over the shards on Dask.")
@click.option("--scheduler", metavar="ADDRESS", help="With --engine dask: the cluster's scheduler.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="With --engine dask: local cluster size.")
@click.option("-v", "--verbose", is_flag=True, help="Say what was learned per site.")
def templates_learn(paths, output, text_field, site_field, min_documents, min_share, max_keys, engine, scheduler, jobs,
                    verbose):
    """Learn the site templates of PATHs (folders, text files, JSONL shards) into a file."""
    if scheduler and engine != "dask":
        raise TextfixError("--scheduler needs --engine dask")
    _learn_batch(paths, output, text_field, site_field, engine, scheduler, jobs, verbose, min_documents, min_share,
                 max_keys)


def _terminate(signum, frame) -> None:
    from .lifetime import Terminated

    raise Terminated()


def run() -> None:
    """Entry point: the CLI with a last guard so no traceback reaches the user.

    SIGTERM stops a run as Ctrl-C does (running writes finish, workers end, exit 143), instead
    of killing this process under its workers.
    """
    import signal

    from .lifetime import Terminated, interrupted_exit_code

    signal.signal(signal.SIGTERM, _terminate)
    try:
        main(standalone_mode=True)
    except KeyboardInterrupt as stop:
        click.echo(f"textfix: {'terminated' if isinstance(stop, Terminated) else 'interrupted'}", err=True)
        sys.exit(interrupted_exit_code(stop))
    except BrokenPipeError:
        # The reader went away (`| head`); silence the flush at exit too.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    except Exception as e:  # noqa: BLE001 - the promise is one line, never a traceback
        if os.environ.get("TEXTFIX_DEBUG"):
            raise
        click.echo(printable(f"textfix: internal error: {type(e).__name__}: {e} (set TEXTFIX_DEBUG=1 for details)"), err=True)
        sys.exit(EXIT_ERROR)

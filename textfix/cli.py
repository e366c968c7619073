"""The ``textfix`` command: a thin click layer over :mod:`textfix`.

Only cleaned text or diffs go to stdout; every message goes to stderr. Exit codes: 0 done or
nothing to change, 1 ``--check`` found changes, 2 usage or input error.
"""

from __future__ import annotations

import json
import os
import sys

import click

from . import __version__
from .errors import TextfixError
from .io import DEFAULT_MAX_BYTES, atomic_write, display_name, read_text

EXIT_CHANGES = 1
EXIT_ERROR = 2


def _codes(values: tuple[str, ...]) -> list[str] | None:
    """Flatten ``--select a,b --select c`` into ['a', 'b', 'c']."""
    codes = [c.strip() for v in values for c in v.split(",") if c.strip()]
    return codes or None


def _check_codes(codes: list[str] | None, option: str) -> None:
    if not codes:
        return
    from .registry import known_codes

    unknown = sorted(set(codes) - known_codes())
    if unknown:
        raise click.BadParameter(f"unknown cleaner or rule: {', '.join(unknown)} (see 'textfix cleaners --rules')",
                                 param_hint=option)


def _write_stdout(text: str) -> None:
    sys.stdout.buffer.write(text.encode("utf-8", "surrogateescape"))
    sys.stdout.buffer.flush()


def _report_json(results: list) -> str:
    from .report import build_report

    return json.dumps(build_report(results), ensure_ascii=False, indent=2) + "\n"


class _Group(click.Group):
    """Turns a :class:`TextfixError` from any command into one line on stderr and exit 2."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except TextfixError as e:
            click.echo(f"textfix: error: {e}", err=True)
            ctx.exit(EXIT_ERROR)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="textfix")
def main() -> None:
    """Repair scraped article text and report every change."""


@main.command()
@click.argument("source", metavar="FILE|-")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the cleaned text here instead of stdout.")
@click.option("--in-place", is_flag=True, help="Rewrite FILE atomically with the cleaned text.")
@click.option("--diff", "show_diff", is_flag=True, help="Print a unified diff instead of the text; write nothing.")
@click.option("--check", is_flag=True, help="Write nothing; exit 1 if anything would change.")
@click.option("--report", "report_path", type=click.Path(dir_okay=False), help="Write the JSON change report here.")
@click.option("--select", multiple=True, metavar="CODES", help="Only these cleaners or rules (comma-separated).")
@click.option("--ignore", multiple=True, metavar="CODES", help="Skip these cleaners or rules (comma-separated).")
@click.option("--unsafe-fixes", is_flag=True, help="Also apply fixes marked unsafe (otherwise they are suggestions).")
@click.option("--encoding", help="Encoding of the input (default: UTF-8, or what its BOM says).")
@click.option("--max-size", type=click.FloatRange(min=0.001), default=DEFAULT_MAX_BYTES / 1e6, show_default=True,
              metavar="MB", help="Refuse inputs larger than this many megabytes.")
@click.option("-q", "--quiet", is_flag=True, help="No messages on stderr, only errors.")
def clean(source, output, in_place, show_diff, check, report_path, select, ignore, unsafe_fixes, encoding,
          max_size, quiet):
    """Clean FILE (or stdin with -) and print the clean text on stdout."""
    if in_place and source == "-":
        raise click.UsageError("--in-place needs a file, not stdin")
    if in_place and output:
        raise click.UsageError("--in-place and --output exclude each other")
    select_codes, ignore_codes = _codes(select), _codes(ignore)
    _check_codes(select_codes, "--select")
    _check_codes(ignore_codes, "--ignore")

    import textfix

    name = display_name(source)
    text, used_encoding = read_text(source, encoding, int(max_size * 1e6))
    result = textfix.clean(text, select=select_codes, ignore=ignore_codes, unsafe=unsafe_fixes)
    result.path = name
    if report_path:
        atomic_write(report_path, _report_json([result]))
    if show_diff:
        if result.changed:
            _write_stdout(result.diff(name))
    elif check:
        pass
    elif in_place:
        if result.changed:
            atomic_write(source, result.text, used_encoding)
    elif output and output != "-":
        atomic_write(output, result.text)
    else:
        _write_stdout(result.text)
    if not quiet and (check or show_diff or in_place):
        verb = "would clean" if (check or show_diff) else "cleaned"
        if result.changed:
            click.echo(f"{verb} {name}: {len(result.edits)} edits", err=True)
        else:
            click.echo(f"{name}: nothing to change", err=True)
    if check and result.changed:
        sys.exit(EXIT_CHANGES)


@main.command("cleaners")
@click.option("--rules", is_flag=True, help="List each cleaner's rules too.")
def list_cleaners(rules):
    """List the registered cleaners in pipeline order."""
    from .registry import make_cleaners

    for cleaner in make_cleaners():
        click.echo(f"{cleaner.code:<12} {cleaner.stage:>3}  {cleaner.safety:<6}  {cleaner.summary}")
        if rules:
            for rule, description in cleaner.rules.items():
                click.echo(f"    {rule:<24} {description}")


def run() -> None:
    """Entry point: the CLI with a last guard so no traceback reaches the user."""
    try:
        main(standalone_mode=True)
    except KeyboardInterrupt:
        click.echo("textfix: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        # The reader went away (`| head`); silence the flush at exit too.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    except Exception as e:  # noqa: BLE001 - the promise is one line, never a traceback
        if os.environ.get("TEXTFIX_DEBUG"):
            raise
        click.echo(f"textfix: internal error: {type(e).__name__}: {e} (set TEXTFIX_DEBUG=1 for details)", err=True)
        sys.exit(EXIT_ERROR)

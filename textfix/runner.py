"""A whole run of ``textfix clean``: sources in, outcomes in order, messages, summary, exit code.

The CLI parses options into a :class:`~textfix.spec.RunSpec`; everything else happens here, so the
same run can be driven from Python.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

import click

from .batch import CHANGED, FAILED, FileTask, Outcome, clean_file, output_path, read_stdin_task
from .discovery import Skipped, Source
from .io import display_name
from .errors import TextfixError
from .lifetime import HeldInterrupts, Terminated, interrupted_exit_code
from .printable import printable
from .parallel import WorkerPool
from .progress import ProgressBar
from .retention import RetentionTally, result_retention
from .spec import Mode, OutputFormat, RunSpec

if TYPE_CHECKING:  # JSONL and GitHub output are imported by the runs that use them (start-up time)
    from .annotations import GithubAnnotations
    from .jsonl import JsonlOptions, ProblemTally

EXIT_OK, EXIT_CHANGES, EXIT_ERROR = 0, 1, 2


@dataclass
class Summary:
    files: int = 0
    changed: int = 0
    unchanged: int = 0
    failed: int = 0
    edits: int = 0
    records: int = 0
    counts: Counter = field(default_factory=Counter)
    retention: RetentionTally = field(default_factory=RetentionTally)

    def line(self, check: bool) -> str:
        changed = "would change" if check else "changed"
        text = (f"{self.files} file{'s' if self.files != 1 else ''}: {self.changed} {changed}, "
                f"{self.unchanged} unchanged, {self.failed} failed")
        if self.records:
            text += f"; {self.records} records"
        if self.counts:
            text += "; edits: " + ", ".join(f"{code} {n}" for code, n in sorted(self.counts.items()))
        return text + self.retention.phrase()


def _say(message: str) -> None:
    click.echo(printable(message), err=True)  # paths in messages may hold terminal controls


class Run:
    """One ``textfix clean`` run: tasks out to an executor, outcomes accounted for in input order.

    ``executor`` maps :func:`textfix.batch.clean_file` over the file tasks (default: a
    :class:`~textfix.parallel.WorkerPool` of ``spec.jobs`` processes; the Dask engine passes its
    :class:`~textfix.dask_engine.DaskExecutor`). ``shards(run, sources)`` cleans JSONL sources
    (default: :func:`stream_jsonl`, chunks of records streamed through the worker pool). Both
    report through the public methods :meth:`file_done`, :meth:`jsonl_chunk_done`,
    :meth:`jsonl_file_done` and :meth:`jsonl_file_failed`.
    """

    def __init__(self, spec: RunSpec, executor=None, shards=None):
        self.spec = spec
        self.executor = executor
        self.shards = shards or stream_jsonl
        self.summary = Summary()
        self.results: list = []
        self.failures: list[dict] = []
        self.outputs: list[str] = []  # the files the file tasks write (--output, --output-dir)
        self.problems: dict[str, ProblemTally] = {}  # a JSONL file's bad lines, told once it is done
        self.keep_results = spec.keep_results
        self.github: GithubAnnotations | None = None  # with --output-format github only
        if spec.output_format == OutputFormat.GITHUB:
            from .annotations import GithubAnnotations

            self.github = GithubAnnotations()

    # --- accounting, in input order --------------------------------------------------------------
    def _failed(self, path: str, message: str) -> None:
        self.summary.failed += 1
        self.failures.append({"path": path, "error": message})
        _say(f"textfix: error: {message}" if message.startswith(path) else f"textfix: error: {path}: {message}")

    def file_done(self, outcome: Outcome) -> None:
        """Account for one text file's outcome."""
        opts = self.spec
        self.summary.files += 1
        if outcome.status == FAILED:
            self._failed(outcome.path, outcome.error)
            return
        if outcome.status == CHANGED:
            self.summary.changed += 1
        else:
            self.summary.unchanged += 1
        self.summary.edits += outcome.edits
        self.summary.counts.update(outcome.counts)
        self.summary.retention.add(outcome.path, outcome.kept)
        if outcome.kept is not None and outcome.kept.lost_prose and not opts.quiet:
            from .annotations import lost_prose_warning

            _say(lost_prose_warning(outcome.path, outcome.kept))
        self.results.extend(outcome.results)
        if outcome.output is not None:
            sys.stdout.buffer.write(outcome.output.encode("utf-8", "surrogateescape"))
            sys.stdout.buffer.flush()
        self._per_item_message(outcome.path, outcome.status == CHANGED, outcome.edits)
        if opts.output_format == OutputFormat.GITHUB:
            for result in outcome.results:
                for line in self.github.lines(result, result_retention(result)):
                    click.echo(line)

    def _per_item_message(self, path: str, changed: bool, edits: int) -> None:
        opts = self.spec
        if opts.quiet or opts.output_format != OutputFormat.TEXT:
            return
        if changed and opts.mode in (Mode.CHECK, Mode.DIFF):
            _say(f"would clean {path} ({edits} edit{'s' if edits != 1 else ''})")
        elif changed and opts.verbose:
            _say(f"cleaned {path} ({edits} edit{'s' if edits != 1 else ''})")
        elif opts.verbose:
            _say(f"{path}: nothing to change")

    def jsonl_chunk_done(self, name: str, chunk) -> None:
        """Account for one cleaned chunk of a JSONL file (chunks arrive in file order)."""
        from .jsonl import ProblemTally

        self.summary.counts.update(chunk.counts)
        self.problems.setdefault(name, ProblemTally()).add(chunk.problems)
        for result in chunk.results:
            self.results.append(result)
            if self.spec.output_format == OutputFormat.GITHUB:
                for line in self.github.lines(result, result_retention(result)):
                    click.echo(line)

    def jsonl_file_failure(self, name: str, records: int) -> str | None:
        """Why a JSONL file whose chunks are all in fails after all (no record had the text
        field, or none is JSON), or None."""
        from .jsonl import ProblemTally

        return self.problems.get(name, ProblemTally()).failure(name, self.spec.jsonl.text_field, records)

    def jsonl_file_done(self, name: str, totals) -> None:
        """Account for one JSONL file once all its chunks are in."""
        from .jsonl import ProblemTally

        failure = self.jsonl_file_failure(name, totals["records"])
        tally = self.problems.pop(name, ProblemTally())
        if failure:
            self.jsonl_file_failed(name, failure)
            return
        action = "passed through" if self.spec.jsonl.bad_records == "pass" else "skipped"
        for warning in tally.warnings(name, action):
            _say(warning)
        self.summary.files += 1
        self.summary.records += totals["records"]
        self.summary.edits += totals["edits"]
        if totals["changed"]:
            self.summary.changed += 1
        else:
            self.summary.unchanged += 1
        self._per_item_message(name, bool(totals["changed"]), totals["edits"])
        if totals["problems"]:
            self.failures.append({"path": name, "error": f"{totals['problems']} malformed records"})

    def jsonl_file_failed(self, name: str, message: str) -> None:
        self.problems.pop(name, None)
        self.summary.files += 1
        self._failed(name, message)

    # --- the run -------------------------------------------------------------------------------
    def run(self, sources: list[Source], skipped: list[Skipped], missing: list[Skipped]) -> int:
        opts = self.spec
        if opts.verbose and not opts.quiet:
            for item in skipped:
                _say(f"skipped {item.path}: {item.reason}")
        for item in missing:
            self.summary.files += 1
            self._failed(item.path, f"{item.path}: {item.reason}")
        if not sources and not missing:
            _say("textfix: no files to clean (see -v for what was skipped)")
        try:
            if opts.jsonl:
                self.shards(self, sources)
            else:
                self._run_files(sources)
        except KeyboardInterrupt as stop:
            return self._finish(interrupted=stop)
        return self._finish()

    def file_tasks(self, sources: list[Source]):
        """One task per source, with absolute paths (a worker's working folder may be another)."""
        opts = self.spec
        for source in sources:
            out = None
            if opts.mode == Mode.OUTPUT:
                out = os.path.abspath(opts.output_file or output_path(source, opts.output_dir))
                self.outputs.append(out)
            path = source.path if source.path == "-" else os.path.abspath(source.path)
            task = FileTask(Source(path, source.root), opts.mode, out, opts.encoding, opts.max_bytes,
                            self.keep_results, name=display_name(source.path))
            yield read_stdin_task(task) if source.path == "-" else task

    def new_executor(self, jobs: int):
        """The run's executor, or a worker pool of ``jobs`` processes when it was given none."""
        return self.executor if self.executor is not None else WorkerPool(jobs, self.spec.pipeline)

    @contextmanager
    def progress(self, total: int):
        """A function advancing the run's progress bar (shown on a terminal) by n items."""
        opts = self.spec
        show = opts.progress if opts.progress is not None else sys.stderr.isatty()
        if not show or opts.quiet or total < 2:
            yield lambda n: None
            return
        with ProgressBar(total) as bar:
            yield bar.update

    def _run_files(self, sources: list[Source]) -> None:
        jobs = min(self.spec.jobs, max(1, len(sources)))
        with self.new_executor(jobs) as executor, self.progress(len(sources)) as advance:
            outcomes = executor.map(clean_file, self.file_tasks(sources))

            def done(outcome: Outcome) -> None:
                self.file_done(outcome)
                advance(1)

            try:
                outcomes.each(done)
            except KeyboardInterrupt:  # the files the workers were writing are written: count them
                for outcome in outcomes.stop():
                    self.file_done(outcome)
                raise

    def jsonl_options(self) -> JsonlOptions:
        jsonl = self.spec.jsonl
        return replace(jsonl, keep_results=self.keep_results)

    def _finish(self, interrupted: KeyboardInterrupt | None = None) -> int:
        opts = self.spec
        if opts.report_path:
            from .report import write_report

            try:
                write_report(opts.report_path, self.results, self.failures, opts.report_format)
            except TextfixError as e:
                self._failed(opts.report_path, str(e))
        if opts.output_format == OutputFormat.JSON:
            from .report import report_json

            click.echo(report_json(self.results, self.failures), nl=False)
        if opts.output_format == OutputFormat.GITHUB and os.environ.get("GITHUB_STEP_SUMMARY"):
            from .annotations import job_summary_from

            try:
                job_summary_from(os.environ["GITHUB_STEP_SUMMARY"], self.results)
            except TextfixError as e:
                self._failed(os.environ["GITHUB_STEP_SUMMARY"], str(e))
        if interrupted is not None:
            how = "terminated" if isinstance(interrupted, Terminated) else "interrupted"
            _say(f"textfix: {how}; {self.summary.line(opts.mode == Mode.CHECK)} before stopping")
            return interrupted_exit_code(interrupted)
        show_summary = not opts.quiet and (self.summary.files > 1 or opts.verbose)
        if show_summary and opts.output_format == OutputFormat.TEXT:
            _say(self.summary.line(opts.mode in (Mode.CHECK, Mode.DIFF)))
        if self.summary.failed:
            return EXIT_ERROR
        if opts.fail_on_change and self.summary.changed and not opts.exit_zero:
            return EXIT_CHANGES
        return EXIT_OK


def stream_jsonl(run: Run, sources: list[Source]) -> None:
    """Clean JSONL sources one after the other, their chunks of records streamed through one
    executor for the whole run (:func:`textfix.jsonl.clean_jsonl`)."""
    from .jsonl import clean_jsonl

    spec = run.spec
    jsonl = run.jsonl_options()
    with run.new_executor(spec.jobs) as executor:
        for source in sources:
            name = display_name(source.path)
            out = None
            if spec.mode == Mode.OUTPUT:
                out = spec.output_file or output_path(source, spec.output_dir)
            with ExitStack() as held:  # from the file's last chunk on, as its output is renamed into place
                try:
                    totals = clean_jsonl(source.path, spec.mode, out, jsonl, _HoldingAtTheEnd(executor, held),
                                         lambda chunk, name=name: run.jsonl_chunk_done(name, chunk))
                except TextfixError as e:
                    run.jsonl_file_failed(name, str(e))
                    continue
                run.jsonl_file_done(name, totals)


class _HoldingAtTheEnd:
    """An executor whose map, once its results run out, holds interruptions until ``held`` exits.

    Between a JSONL file's last chunk and its accounting, its output is renamed into place:
    stopped there, the run would leave a temporary file, or a written file not counted. Before
    the end, a stop loses only that file's unfinished output, and counts nothing for it.
    """

    def __init__(self, executor, held: ExitStack):
        self._executor, self._held = executor, held

    def map(self, func, items):
        yield from self._executor.map(func, items)
        self._held.enter_context(HeldInterrupts())

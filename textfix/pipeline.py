"""The pipeline: run cleaners in order, apply their edits, repeat until nothing changes."""

from __future__ import annotations

import time
from collections import Counter
from bisect import bisect_right
from operator import attrgetter
from typing import Iterable

from .cleaner import Cleaner, Document
from .edits import SAFE, Edit, LineIndex, RecordedEdit, SourceMap, apply_edits, check_edits, is_no_op
from .errors import NotConverged
from .result import Result

MAX_ROUNDS = 6


class Pipeline:
    """An ordered list of cleaners plus the policy for which of their edits to apply.

    ``select``/``ignore`` take cleaner codes or rule ids. Unsafe edits are applied only with
    ``unsafe=True``; otherwise they are kept as suggestions in the result. ``stats`` counts
    applied edits, suggestions and seconds per cleaner across every document this pipeline ran.

    :meth:`run` repeats the cleaners until a round changes nothing. A text whose last allowed
    round (``max_rounds``) still changed something raises :class:`~textfix.errors.NotConverged`
    naming the cleaners that kept changing it, rather than returning a text that a second run
    would change again.
    """

    def __init__(
        self,
        cleaners: Iterable[Cleaner],
        select: Iterable[str] | None = None,
        ignore: Iterable[str] | None = None,
        unsafe: bool = False,
        max_rounds: int = MAX_ROUNDS,
    ):
        self.select = frozenset(select) if select else None
        self.ignore = frozenset(ignore) if ignore else frozenset()
        self.cleaners = sorted(
            (c for c in cleaners if self._wanted_cleaner(c)), key=lambda c: (c.stage, c.code)
        )
        self.unsafe = unsafe
        self.max_rounds = max_rounds
        self.stats: dict[str, Counter] = {c.code: Counter() for c in self.cleaners}

    def preload(self) -> None:
        """Load every cleaner's data now (see :meth:`Cleaner.preload`)."""
        for cleaner in self.cleaners:
            cleaner.preload()

    def _wanted_cleaner(self, cleaner: Cleaner) -> bool:
        if cleaner.code in self.ignore:
            return False
        if self.select is None:
            return True
        return cleaner.code in self.select or any(
            rule in self.select or f"{cleaner.code}/{rule}" in self.select for rule in cleaner.rules)

    def wants(self, code: str, rule: str) -> bool:
        """Whether an edit of cleaner ``code`` by ``rule`` passes --select/--ignore, which name a
        cleaner, a rule, or a report's ``cleaner/rule``.

        >>> Pipeline([], select=["boilerplate"], ignore=["outside-article"]).wants("boilerplate", "share-prompt")
        True
        >>> Pipeline([], select=["boilerplate"], ignore=["outside-article"]).wants("boilerplate", "outside-article")
        False
        """
        if rule in self.ignore or (self.ignore and f"{code}/{rule}" in self.ignore):
            return False
        return (self.select is None or code in self.select or rule in self.select
                or f"{code}/{rule}" in self.select)

    def run(self, text: str, path: str | None = None, site: str | None = None) -> Result:
        if not isinstance(text, str):
            hint = " (decode it first, e.g. data.decode('utf-8'))" if isinstance(text, (bytes, bytearray)) else ""
            raise TypeError(f"textfix cleans a str, not {type(text).__name__}{hint}")
        original = text
        doc = Document(original, path, site, wants=self.wants)
        lines = LineIndex(original)
        source = SourceMap.identity(len(text))
        applied: list[RecordedEdit] = []
        suggestions: list[RecordedEdit] = []

        def record(
            cleaner: Cleaner, edits: list[Edit], current: str, was_applied: bool, round_no: int
        ) -> list[RecordedEdit]:
            """The edits with their original spans and positions (a page's boilerplate alone can
            make hundreds, so the loop keeps its look-ups local)."""
            code, starts = cleaner.code, lines.starts
            to_original = None if source.is_identity else source.to_original
            unedited = to_original is None and current is original  # then before == original
            found = []
            for edit in edits:
                start, end = edit.start, edit.end
                o_start, o_end = (start, end) if to_original is None else to_original(start, end)
                line = bisect_right(starts, o_start)
                end_line = bisect_right(starts, o_end)
                before = current[start:end]
                found.append(RecordedEdit(
                    code, edit.rule, edit.message, edit.safety, edit.confidence, before,
                    edit.replacement, o_start, o_end, line, o_start - starts[line - 1] + 1, end_line,
                    o_end - starts[end_line - 1] + 1, was_applied, round_no,
                    before if unedited else original[o_start:o_end],
                ))
            return found

        # A cleaner is a function of the text: one that changed nothing need not run again
        # until another cleaner changes the text (then its suggestions still stand). On most
        # pages only the first cleaners have anything left to check in the second round.
        idle_on: dict[str, str] = {}  # cleaner code -> the text it last ran on and left alone
        last_suggestions: dict[str, list[RecordedEdit]] = {}
        rounds = 0
        changed_by: list[str] = []  # the cleaners that changed the text in the current round
        for rounds in range(1, self.max_rounds + 1):
            changed_by = []
            suggestions = []  # only the last round's suggestions describe the final text
            for cleaner in self.cleaners:
                if idle_on.get(cleaner.code) is text:
                    suggestions.extend(last_suggestions[cleaner.code])
                    continue
                started = time.perf_counter()
                applicable = []
                unsafe = []
                for edit in cleaner.find_edits(text, doc):
                    if not self.wants(cleaner.code, edit.rule) or is_no_op(edit, text):
                        continue
                    if edit.safety == SAFE or self.unsafe:
                        applicable.append(edit)
                    else:
                        unsafe.append(edit)
                suggested = record(cleaner, unsafe, text, False, rounds)
                suggestions.extend(suggested)
                last_suggestions[cleaner.code] = suggested
                to_apply = check_edits(applicable, len(text))
                if to_apply:
                    applied.extend(record(cleaner, to_apply, text, True, rounds))
                    source = source.after_edits(to_apply)
                    text = apply_edits(text, to_apply)
                    changed_by.append(cleaner.code)
                    idle_on.pop(cleaner.code, None)
                else:
                    idle_on[cleaner.code] = text
                counter = self.stats[cleaner.code]
                counter["seconds"] += time.perf_counter() - started
                if rounds == 1:
                    counter["documents"] += 1
            if not changed_by:
                break
        else:
            if changed_by:  # the last round still changed something: the text may not be final
                raise NotConverged(tuple(changed_by), rounds, path)
        for edit in applied:
            self.stats[edit.cleaner]["edits"] += 1
        for edit in suggestions:
            self.stats[edit.cleaner]["suggestions"] += 1
        applied.sort(key=attrgetter("orig_start", "round"))
        return Result(
            original=original,
            text=text,
            edits=applied,
            suggestions=suggestions,
            notes=doc.notes,
            path=path,
            rounds=rounds,
        )

"""The spun → original phrase table: a versioned TSV shipped in ``textfix/data/spin_phrases.tsv``.

Format, one entry a line, ``#`` starts a comment::

    spun phrase<TAB>original[|alternative...]<TAB>gate

* keys are matched case-insensitively, token by token, the longest key first;
* an entry with several candidates is only ever a suggestion (like codespell's ambiguous fixes);
* ``gate`` says when the repair may apply: ``always`` (not English as written: sanctuary't),
  ``spun`` (only in a document judged spun), ``context`` (spun document *and* the neighbouring
  words must support the original; for real words like "signs" or "clients"). Default ``spun``.

The package loads the table from ``spin_phrases.compiled.tsv``, written from the TSV by
``tools/compile_spin_phrases.py``: the same rows with their keys already normalized, so loading
tokenizes nothing (milliseconds instead of a tenth of a second). A test checks it is up to date.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import compress, count
from pathlib import Path
from typing import NamedTuple

from .text import APOSTROPHES, Token, joined, tokenize

GATES = ("always", "spun", "context")
DEFAULT_GATE = "spun"


def normalize(phrase: str) -> tuple[str, ...]:
    """The token key of a phrase as matching sees it.

    >>> normalize("Sanctuary’t  stopped")
    ("sanctuary't", 'stopped')
    """
    return tuple(t.text.lower().translate(APOSTROPHES) for t in tokenize(phrase))


class Entry(NamedTuple):
    # A named tuple rather than a frozen dataclass: the shipped table makes thousands of them
    # when it loads, and a tuple is made several times faster.
    key: tuple[str, ...]
    candidates: tuple[str, ...]
    gate: str = DEFAULT_GATE
    source: str = ""
    line: int = 0

    @property
    def ambiguous(self) -> bool:
        return len(self.candidates) > 1


def _length_down(entry: Entry) -> int:
    return -len(entry.key)


@dataclass
class Problem:
    source: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.source}:{self.line}: {self.message}"


@dataclass
class PhraseTable:
    entries: dict[tuple[str, ...], Entry] = field(default_factory=dict)
    version: str = ""

    def __post_init__(self) -> None:
        self._index()

    def _index(self) -> None:
        # Entries by first word, and longer ones by first two words, longest first: most
        # positions in a text start some key but few continue one.
        self._by_first: dict[str, list[Entry]] = {}
        self._by_pair: dict[tuple[str, str], list[Entry]] = {}
        self._single: dict[str, Entry] = {}
        # Longest first, so every bucket is filled in that order (equal lengths in table order).
        for entry in sorted(self.entries.values(), key=_length_down):
            self._by_first.setdefault(entry.key[0], []).append(entry)
            if len(entry.key) > 1:
                self._by_pair.setdefault(entry.key[:2], []).append(entry)
            else:
                self._single[entry.key[0]] = entry
        self._by_pair_first = {first for first, _ in self._by_pair}

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, phrase: str) -> bool:
        return normalize(phrase) in self.entries

    def merged(self, other: "PhraseTable") -> "PhraseTable":
        """This table with ``other``'s entries added; ``other`` wins on equal keys."""
        return PhraseTable({**self.entries, **other.entries}, self.version)

    def without(self, keys) -> "PhraseTable":
        """This table less the given keys (for hold-out evaluation)."""
        drop = {normalize(k) if isinstance(k, str) else k for k in keys}
        return PhraseTable({k: e for k, e in self.entries.items() if k not in drop}, self.version)

    def starts(self, keys: list[str]) -> list[int]:
        """Where some key's first word stands in ``keys`` (found in C: a page has thousands).

        >>> PhraseTable.from_lines(["research study\\tstudy"]).starts("a research study".split())
        [1]
        """
        return list(compress(count(), map(self._by_first.__contains__, keys)))

    def matches(self, text: str, tokens: list[Token] | None = None, keys: list[str] | None = None,
                starts: list[int] | None = None):
        """Yield ``(first_token, end_token, entry)`` for non-overlapping matches, longest first
        (``starts``: :meth:`starts` of the keys, if the caller has them).

        >>> t = PhraseTable.from_lines(["research study\\tstudy", "research\\tinquiry|study"])
        >>> [(e.key, i, j) for i, j, e in t.matches("The research study is small.")]
        [(('research', 'study'), 1, 3)]
        """
        tokens = tokenize(text) if tokens is None else tokens
        keys = [t.key for t in tokens] if keys is None else keys
        by_pair, single = self._by_pair, self._single
        free = 0  # tokens before this one are in a match already
        last = len(keys) - 1
        for i in self.starts(keys) if starts is None else starts:
            if i < free:
                continue
            for entry in by_pair.get((keys[i], keys[i + 1]), ()) if i < last else ():
                j = i + len(entry.key)
                if tuple(keys[i:j]) == entry.key and joined(text, tokens, i, j):
                    yield i, j, entry
                    free = j
                    break
            else:
                if keys[i] in single:
                    yield i, i + 1, single[keys[i]]
                    free = i + 1

    def gate_bounds(self, keys: list[str], starts: list[int] | None = None,
                    hits: list[int] | None = None) -> tuple[int, int]:
        """Upper bounds on how many matches :meth:`matches` can yield in ``keys`` with a strong
        gate (always, spun) and with the context gate. Every match is a one-word entry at its
        word or a longer entry whose words follow there, each counted here; line breaks between
        the words, overlaps (and, in the caller, protected tokens) only take matches away.
        ``starts``: :meth:`starts` of the keys, if the caller has them; ``hits`` gets the
        positions where a match can start: :meth:`matches` needs to look nowhere else.

        >>> t = PhraseTable.from_lines(["research study\\tstudy", "states\\tsays\\tcontext"])
        >>> t.gate_bounds("the research study states that research states".split())
        (1, 2)
        >>> t.gate_bounds("states research".split()), t.gate_bounds("study".split())
        ((0, 1), (0, 0))
        """
        single, by_pair, pair_first = self._single, self._by_pair, self._by_pair_first
        strong = context = 0
        last = len(keys) - 1
        for i in self.starts(keys) if starts is None else starts:  # only where some key starts
            key = keys[i]
            one = single.get(key)  # a one-word entry can match wherever its word is
            if one is not None:
                if one.gate == "context":
                    context += 1
                else:
                    strong += 1
            gates = ()
            if i < last and key in pair_first:  # longer ones where their first two words are
                bucket = by_pair.get((key, keys[i + 1]))
                if bucket:
                    gates = {e.gate for e in bucket if tuple(keys[i : i + len(e.key)]) == e.key}
                    strong += "always" in gates or "spun" in gates
                    context += "context" in gates
            if hits is not None and (one is not None or gates):
                hits.append(i)
        return strong, context

    @classmethod
    def from_lines(cls, lines, source: str = "<table>") -> "PhraseTable":
        entries, problems, version = parse_lines(lines, source)
        if problems:
            raise ValueError("; ".join(map(str, problems)))
        return cls(entries, version)


def parse_lines(lines, source: str):
    """Entries, format problems and the ``# version:`` of a table's lines."""
    entries: dict[tuple[str, ...], Entry] = {}
    problems: list[Problem] = []
    version = ""
    for number, raw in enumerate(lines, 1):
        line = raw.rstrip("\r\n")
        if line.startswith("#"):
            if line[1:].strip().lower().startswith("version:") and not version:
                version = line.split(":", 1)[1].strip()
            continue
        if not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) not in (2, 3):
            problems.append(Problem(source, number, f"expected 2 or 3 tab-separated fields, got {len(fields)}"))
            continue
        key = normalize(fields[0])
        candidates = tuple(c.strip() for c in fields[1].split("|"))
        gate = fields[2].strip() if len(fields) == 3 else DEFAULT_GATE
        if not key or not all(candidates):
            problems.append(Problem(source, number, "empty phrase or replacement"))
            continue
        if gate not in GATES:
            problems.append(Problem(source, number, f"unknown gate {gate!r} (one of {', '.join(GATES)})"))
            continue
        if any(normalize(c) == key for c in candidates):
            problems.append(Problem(source, number, f"{fields[0]!r} maps to itself"))
            continue
        if key in entries:
            problems.append(Problem(source, number, f"duplicate key {fields[0]!r} (first on line {entries[key].line})"))
            continue
        entries[key] = Entry(key, candidates, gate, source, number)
    return entries, problems, version


def chain_problems(table: PhraseTable, keys_from=None) -> list[Problem]:
    """Entries whose replacement contains a key: the fixpoint loop would rewrite it again.

    >>> t = PhraseTable.from_lines(["foo widget\\tbar gadget", "gadget\\tdevice", "a b\\tc"])
    >>> [p.message for p in chain_problems(t)]
    ["chain: 'foo widget' -> 'bar gadget', which contains the key 'gadget' (<table>:2)"]
    """
    problems = []
    for entry in table.entries.values():
        if keys_from is not None and entry.source not in keys_from:
            continue
        for candidate in entry.candidates:
            words = normalize(candidate)
            for _, _, target in table.matches(" ".join(words)):
                what = "is itself a key" if target.key == words else f"contains the key {' '.join(target.key)!r}"
                problems.append(Problem(
                    entry.source, entry.line,
                    f"chain: {' '.join(entry.key)!r} -> {candidate!r}, which {what} ({target.source}:{target.line})",
                ))
                break
    return problems


def read_table(path: str | Path) -> PhraseTable:
    """Load a user table; raises :class:`~textfix.errors.TextfixError` naming the first problems."""
    from ..errors import TextfixError

    path = Path(path)
    try:
        with open(path, encoding="utf-8") as f:
            return PhraseTable.from_lines(f, str(path))
    except (OSError, UnicodeDecodeError) as e:
        raise TextfixError(f"cannot read phrase table {path}: {e}") from None
    except ValueError as e:
        raise TextfixError(f"bad phrase table (see `textfix phrases check`): {str(e)[:300]}") from None


def validate_table(path: str | Path, with_default: bool = True) -> list[Problem]:
    """Every problem in a table file: format, duplicate keys, chains (also against the shipped
    table unless ``with_default`` is false). An empty list means the table is fine.
    """
    path = Path(path)
    try:
        with open(path, encoding="utf-8") as f:
            entries, problems, _ = parse_lines(f, str(path))
    except (OSError, UnicodeDecodeError) as e:
        return [Problem(str(path), 0, f"cannot read: {e}")]
    table = PhraseTable(entries)
    if with_default and not _is_default(path):
        table = default_table().merged(table)
    return problems + chain_problems(table, keys_from={str(path)})


DATA_FILE = "spin_phrases.tsv"
COMPILED_FILE = "spin_phrases.compiled.tsv"
COMPILED_HEADER = f"# {COMPILED_FILE}: written from {DATA_FILE} by tools/compile_spin_phrases.py; edit that file"


def _default_path():
    return resources.files("textfix") / "data" / DATA_FILE


def compiled_lines(table: PhraseTable) -> list[str]:
    """A table as its compiled file says it: the normalized key, the candidates, the gate and
    the entry's line in its source, tab-separated, in table order.

    >>> compiled_lines(PhraseTable.from_lines(["# version: 2", "Research  Study\\tstudy|work\\talways"]))[1:]
    ['# version: 2', 'research study\\tstudy|work\\talways\\t2']
    """
    rows = ("\t".join((" ".join(e.key), "|".join(e.candidates), e.gate, str(e.line))) for e in table.entries.values())
    return [COMPILED_HEADER, f"# version: {table.version}", *rows]


def from_compiled(text: str, source: str) -> PhraseTable:
    """The table whose :func:`compiled_lines` are ``text``'s lines (``source``: the file the
    entries' line numbers refer to).

    >>> table = PhraseTable.from_lines(["# version: 2", "Research  Study\\tstudy|work\\talways"])
    >>> from_compiled("\\n".join(compiled_lines(table)), "<table>") == table
    True
    """
    _header, version_line, *rows = text.splitlines()
    entries = {}
    for row in rows:
        key, candidates, gate, line = row.split("\t")
        words = tuple(key.split(" "))
        entries[words] = Entry(words, tuple(candidates.split("|")), gate, source, int(line))
    return PhraseTable(entries, version_line.partition(":")[2].strip())


def _is_default(path: Path) -> bool:
    try:
        return path.resolve() == Path(str(_default_path())).resolve()
    except OSError:
        return False


@lru_cache(maxsize=1)
def default_table() -> PhraseTable:
    """The shipped table, loaded once (from its compiled file)."""
    compiled = resources.files("textfix").joinpath("data", COMPILED_FILE).read_text(encoding="utf-8")
    return from_compiled(compiled, DATA_FILE)


@lru_cache(maxsize=32)
def table_with(extra_paths: tuple[str, ...] = ()) -> PhraseTable:
    """The shipped table plus users' tables (later files win on equal keys)."""
    table = default_table()
    for path in extra_paths:
        table = table.merged(read_table(path))
    return table

"""Properties of the default pipeline over every text fixture in the repository.

- The seeds' output equals the reviewed files in fixtures/expected/.
- Cleaning cleaned output changes nothing, for every fixture.
- Every recorded edit points at the right place in the original text.
"""

from pathlib import Path

import pytest

import textfix
from textfix.registry import make_cleaners

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
TEXTS = sorted(p for p in FIXTURES.rglob("*.txt") if p.parent.name != "expected" and p.name != "NOTICE.txt")
SEEDS = sorted((FIXTURES / "seeds").glob("*.txt"))


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_there_are_fixtures_to_check():
    assert len(SEEDS) == 2 and len(TEXTS) >= 15


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem[:3])
def test_seed_output_matches_the_reviewed_file(seed):
    expected = read(FIXTURES / "expected" / seed.name)
    assert textfix.clean(read(seed)).text == expected


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: f"{p.parent.name}/{p.name[:16]}")
def test_cleaning_cleaned_text_changes_nothing(path):
    once = textfix.clean(read(path))
    again = textfix.clean(once.text)
    assert again.text == once.text
    assert again.edits == []


STAGES = {c.code: c.stage for c in make_cleaners()}


def _order(edit):
    return (edit.round, STAGES[edit.cleaner])


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: f"{p.parent.name}/{p.name[:16]}")
def test_every_edit_is_located_in_the_original(path):
    original = read(path)
    result = textfix.clean(original)
    line_starts = [0] + [i + 1 for i, ch in enumerate(original) if ch == "\n"]
    for edit in result.edits + result.suggestions:
        assert line_starts[edit.line - 1] + edit.column - 1 == edit.orig_start
    # An edit on text no earlier edit touched saw exactly the original there.
    for edit in result.edits:
        earlier = [f for f in result.edits if _order(f) < _order(edit)
                   and f.orig_start < max(edit.orig_end, edit.orig_start + 1)
                   and edit.orig_start < max(f.orig_end, f.orig_start + 1)]
        if not earlier:
            assert edit.before == original[edit.orig_start : edit.orig_end], edit

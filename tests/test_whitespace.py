"""The whitespace cleaner settles in one round: an invisible character among spaces goes with
the run of spaces it stands in, so removing it leaves no trailing or doubled space behind."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

import textfix

FIXTURES = Path(__file__).parent.parent / "fixtures"
PAGES = sorted(FIXTURES.glob("articles/*.dirty.txt"))
INVISIBLE = ["\u200b", "\ufeff", "\u2060", "\u00ad"]


def sprinkle(text: str, seed: int) -> str:
    """``text`` with invisible characters among its spaces, as scraped pages carry them: one
    between two spaces where words meet, or after a space at the end of a line."""
    rng = random.Random(seed)
    out = []
    for ch in text:
        if ch in " \n" and rng.random() < 0.05:
            mark = rng.choice(INVISIBLE)
            out.append(f" {mark}\n" if ch == "\n" else f" {mark} ")
        else:
            out.append(ch)
    return "".join(out)


@pytest.mark.parametrize("path", PAGES, ids=[p.name for p in PAGES])
def test_invisible_characters_among_spaces_settle_in_one_round(path):
    text = path.read_text(encoding="utf-8")
    marked = sprinkle(text, seed=len(text))
    assert marked != text
    cleaned = textfix.clean(marked, select=["whitespace"])
    assert cleaned.rounds <= 2  # one round that changes the text, one that confirms it
    assert cleaned.text == textfix.clean(text, select=["whitespace"]).text


@pytest.mark.parametrize("text, expected, rule", [
    ("Tokyo Metro \ufeff\n\nBring cash.", "Tokyo Metro\n\nBring cash.", "trailing-space"),
    ("a Verified Expert \u200b in Design", "a Verified Expert in Design", "repeated-space"),
    ("de\u00a0\u200bla", "de la", "odd-space"),
])
def test_a_run_with_invisible_characters_is_one_edit(text, expected, rule):
    cleaned = textfix.clean(text, select=["whitespace"])
    assert cleaned.text == expected and cleaned.rounds == 2
    assert rule in {edit.rule for edit in cleaned.edits}


@pytest.mark.parametrize("text, expected", [
    ("  \u200bindented line\n", "  indented line\n"),  # indentation stays
    ("10\u00a0\u200bkm away", "10\u00a0km away"),  # a no-break space after a digit stays
    ("word\u200b\nnext", "word\nnext"),  # no space: only the invisible character goes
])
def test_what_is_not_a_run_of_spaces_stays(text, expected):
    cleaned = textfix.clean(text, select=["whitespace"])
    assert cleaned.text == expected
    assert {edit.rule for edit in cleaned.edits} == {"invisible-character"}

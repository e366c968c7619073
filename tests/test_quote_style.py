"""One apostrophe style per document: the entities and punctuation cleaners write the style the
original text mostly uses (tests/cases/quote_style.json), and leave a text without one alone."""

import re

import pytest

import textfix

CASES = "quote_style.json"
STRAIGHT_CONTRACTION = re.compile(r"\w'\w")


def test_case(case, check_case):
    check_case(case, case["cleaner"])


@pytest.mark.parametrize("select", [["entities"], ["entities", "punctuation"], None])
def test_seed_001_comes_out_in_its_curly_style(fixtures_dir, select):
    text = (fixtures_dir / "seeds" / "001_179fa0ad90426d34.txt").read_text(encoding="utf-8")
    cleaned = textfix.clean(text, select=select).text
    assert not STRAIGHT_CONTRACTION.search(cleaned)
    assert len(re.findall(r"\w’\w", cleaned)) > len(re.findall(r"\w’\w", text))


def test_seed_000_has_too_few_marks_for_a_style(fixtures_dir):
    text = (fixtures_dir / "seeds" / "000_5c5e9be3cb0dcb2b.txt").read_text(encoding="utf-8")
    cleaned = textfix.clean(text).text
    assert not [e for e in textfix.clean(text).edits if e.rule == "apostrophe-style"]
    assert STRAIGHT_CONTRACTION.findall(cleaned) == STRAIGHT_CONTRACTION.findall(text)


def test_off_style_apostrophe_is_suggested_and_applied_with_unsafe():
    text = "It's late. It’s here, we’re tired, they’re gone."
    suggested = textfix.clean(text, select=["punctuation"])
    assert suggested.text == text
    assert [(s.rule, s.before, s.after) for s in suggested.suggestions] == [("apostrophe-style", "'", "’")]
    applied = textfix.clean(text, select=["punctuation"], unsafe=True)
    assert applied.text == "It’s late. It’s here, we’re tired, they’re gone."

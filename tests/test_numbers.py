"""The numbers cleaner on data cases (tests/cases/numbers.json) and seed 000."""

import textfix
from textfix.cleaners.numbers import english_words

CASES = "numbers.json"


def test_case(case, check_case):
    check_case(case, "numbers")


def test_seed_000(fixtures_dir):
    text = (fixtures_dir / "seeds" / "000_5c5e9be3cb0dcb2b.txt").read_text(encoding="utf-8")
    result = textfix.clean(text, select=["numbers"])
    assert "placebo to 12 adult patients" in result.text
    assert "19659002" not in result.text
    assert "ketamine effects\n\nKetamine is not the only" in result.text


def test_word_list_is_english_and_lower_case():
    words = english_words()
    assert len(words) > 50_000
    assert {"treatment", "known", "well", "the"} <= words
    assert "wellknown" not in words and "ment" not in words
    assert all(w == w.lower() for w in list(words)[:1000])

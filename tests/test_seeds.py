"""The default pipeline on the two seed articles: the debris they were collected for is gone.

These assert behaviour, not a frozen output (fixtures/expected/ holds the reviewed outputs).
"""

import re

import pytest

import textfix

SEEDS = ["000_5c5e9be3cb0dcb2b.txt", "001_179fa0ad90426d34.txt"]
DEBRIS = ["&#", "’ s", "’ t", "’ re", " ’ ", "( 1965", "19659002", "“ ", " ”", " .", "“”", "””", "anxiety– like", "individuals– who"]


@pytest.fixture(params=SEEDS)
def seed(request, fixtures_dir):
    return (fixtures_dir / "seeds" / request.param).read_text(encoding="utf-8")


def test_debris_is_gone(seed):
    result = textfix.clean(seed)
    for debris in DEBRIS:
        assert debris not in result.text, debris


def test_cleaning_is_stable(seed):
    once = textfix.clean(seed).text
    assert textfix.clean(once).text == once


def test_seed_000_number_and_paragraph(fixtures_dir):
    text = (fixtures_dir / "seeds" / SEEDS[0]).read_text(encoding="utf-8")
    cleaned = textfix.clean(text).text
    assert "12 adult patients" in cleaned
    assert "ketamine effects\n\nKetamine is not the only psychedelic drug" in cleaned


def test_seed_001_contractions_and_quotes(fixtures_dir):
    text = (fixtures_dir / "seeds" / SEEDS[1]).read_text(encoding="utf-8")
    cleaned = textfix.clean(text, ignore=["spin"]).text  # spun words here are spin's (tests/test_spin.py)
    for fixed in ("Organization’s", "it’s an extremely", "we’ll comprehend", "clients’ depressive",
                  "“One of ketamine’s", "paper,” states", "who studies ketamine.",
                  "“Ketamine eliminates anxiety and suicidality,” states Steven Mandel",
                  "opioid receptors.”", "anxiety – like other"):
        assert fixed in cleaned, fixed
    # curly stays curly: no new straight double quotes, and one apostrophe style throughout
    assert cleaned.count('"') == text.count('"')
    assert not re.search(r"\w'\w", cleaned)

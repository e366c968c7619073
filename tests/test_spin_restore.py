"""The restorer's candidate sources beyond the spinner's own table (issue 11): the WordNet source
gives back words a Moby-like spinner replaced, in their inflection, and adds no repairs to clean text."""

from pathlib import Path

import pytest

from textfix.spin import candidates

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "spin"
CLEAN = sorted(FIXTURES.glob("clean_en_*.txt"))


@pytest.mark.parametrize("spun, original", [("physicians", "doctors"), ("speedy", "fast"),
                                            ("scientists", "researchers"), ("functions", "works")])
def test_wordnet_gives_the_replaced_word_in_its_inflection(spun, original):
    found = candidates.wordnet_sources(spun)
    assert original in found
    assert spun not in found


@pytest.mark.parametrize("word", ["the", "qwzxv", "and"])
def test_wordnet_has_no_candidates_for_function_words_or_unknown_words(word):
    assert candidates.wordnet_sources(word) == ()


def test_wordnet_is_a_named_source_and_not_a_default_one():
    assert "wordnet" in candidates.OPTIONAL_SOURCES
    assert "wordnet" not in candidates.CANDIDATE_SOURCES
    assert candidates.unknown_sources(["wordnet", "thesaurus"]) == []
    only = candidates.combined(["wordnet"])
    assert "doctors" in only("physicians")
    assert candidates.combined([])("physicians") == ()


@pytest.mark.parametrize("path", CLEAN[:3], ids=lambda p: p.name)
def test_clean_text_is_not_changed_with_wordnet_candidates(path):
    import textfix

    text = path.read_text(encoding="utf-8")
    options = {"spin": {"candidate_sources": ["thesaurus", "phrases", "wordnet"]}}
    result = textfix.clean(text, select=["spin"], options=options)
    assert not [e for e in result.edits if e.rule.startswith("spin-")]

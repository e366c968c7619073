"""The restorer's candidate sources beyond the spinner's own table (issue 11): the WordNet source
gives back words a Moby-like spinner replaced, in their inflection, and adds no repairs to clean text.

Restoration on real text from fixtures/spin/lm/ (bodies of the Zyte article benchmark, MIT, and of
WCXB, CC BY 4.0, spun forward with the Moby thesaurus by benchmarks/spin_pairs.py, the
substitutions listed beside them; see its README): holding out the Moby-derived ``thesaurus``
source leaves the restorer with candidates from WordNet only, a table it never drew from.
"""

from pathlib import Path

import pytest

import textfix
from textfix.spin import candidates
from textfix.spin.restore import SUGGEST_AT, default_restorer

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "spin"
CLEAN = sorted(FIXTURES.glob("clean_en_*.txt"))


@pytest.mark.parametrize("spun, original", [("physicians", "doctors"), ("speedy", "fast"),
                                            ("scientists", "researchers"), ("functions", "works")])
def test_wordnet_gives_the_replaced_word_in_its_inflection(spun, original):
    found = candidates.wordnet_sources(spun)
    assert original in found
    assert spun not in found


@pytest.mark.parametrize("spun, original, misspelt", [("cities", "towns", "townes"), ("studies", "surveys", "surveyes"),
                                                      ("charges", "loads", "ores"), ("priced", "valued", "pard")])
def test_inflected_candidates_take_the_regular_form_whatever_the_spun_suffix(spun, original, misspelt):
    """'cities' is 'city' + es and 'towns' is 'town' + s: the candidate gets the regular plural
    (and past tense), not the spun word's suffix glued on."""
    from textfix.spin import stats

    found = stats.replaced_by(spun)
    assert original in found and misspelt not in found


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


HERE = Path(__file__).resolve().parent
LM_FIXTURES = HERE.parent / "fixtures" / "spin" / "lm"
NAMES = ("articles_06e5123e4ef7", "articles_076f4f33bf75", "wcxb-dev_0001")
CLEAN_TEXTS = sorted(LM_FIXTURES.glob("clean_*.txt")) + CLEAN
UNSEEN = ["phrases", "wordnet"]  # the Moby-derived thesaurus held out


def spin_only(text: str, unsafe: bool = False, sources=None):
    options = {"spin": {"candidate_sources": list(sources)}} if sources is not None else None
    return textfix.clean(text, select=["spin"], unsafe=unsafe, options=options)


def substitutions(name: str) -> dict[int, str]:
    """Start offset of each substituted word in the spun text -> the original word."""
    rows = (LM_FIXTURES / f"spun_moby_{name}.tsv").read_text(encoding="utf-8").splitlines()[1:]
    return {int(start): original.lower() for start, _, original, _ in (row.split("\t") for row in rows)}


def model_edits(result):
    return [e for e in result.edits if e.rule == "spin-lm-word"]


def test_a_word_spun_by_an_unseen_table_is_restored_with_its_confidence():
    restored = []
    for name in NAMES:
        originals = substitutions(name)
        spun = (LM_FIXTURES / f"spun_moby_{name}.txt").read_text(encoding="utf-8")
        for edit in model_edits(spin_only(spun, unsafe=True, sources=UNSEEN)):
            assert SUGGEST_AT <= edit.confidence <= 1.0
            # a default repair is one the restorer is sure enough of; a suggestion is not
            assert (edit.safety == "safe") == (edit.confidence >= default_restorer().apply_at)
            if originals.get(edit.orig_start) == edit.after.lower():
                restored.append(edit)
    assert restored, "no substituted word restored from WordNet's candidates"


@pytest.mark.parametrize("path", CLEAN_TEXTS, ids=lambda p: p.stem)
def test_clean_text_is_not_changed_by_default(path):
    text = path.read_text(encoding="utf-8")
    for sources in (None, UNSEEN, candidates.CANDIDATE_SOURCES + candidates.OPTIONAL_SOURCES):
        result = spin_only(text, sources=sources)
        assert not model_edits(result), [(e.before, e.after) for e in model_edits(result)]


def test_short_clean_sentences_stay():
    for text in ("clean text", "The committee met on Tuesday to discuss the new budget for schools."):
        for sources in (None, UNSEEN):
            assert spin_only(text, unsafe=True, sources=sources).text == text

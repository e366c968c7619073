"""Spin never damages clean prose, and a second run changes nothing (issues 11 and 14).

Real text from fixtures/spin/ (see its README for sources and licences): an excerpt of an old
literary text (the mozilla/readability test page clean-links, Apache-2.0) and of a technical
documentation page (WCXB dev 0686, CC BY 4.0), both clean; seed 001 and Moby-spun bodies as the
negative cases, which must still be repaired.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import textfix
from textfix.cleaners import spin as spin_cleaner
from textfix.spin.repair import Repair

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
CLEAN_PAGES = sorted((FIXTURES / "spin").glob("clean_readability_*.txt")) + sorted(
    (FIXTURES / "spin").glob("clean_wcxb-dev_*.txt"))
SEED = (FIXTURES / "seeds" / "001_179fa0ad90426d34.txt").read_text(encoding="utf-8")
SPUN_MOBY = sorted((FIXTURES / "spin" / "lm").glob("spun_moby_*.txt"))

# Word-family restorations found on clean shared pages by cleaning every page twice, and by
# the fixpoint property test: each a term of clean prose that a family elsewhere in the
# document made look replaced. (term, wrongly restored word, a clean sentence it stands in.)
FOUND = [
    ("supports", "authenticates", "The arguments that an individual resource supports are determined by the provider."),
    ("sorts", "arranges", "I have known very many of them, and all sorts of men among them."),
    ("submission", "willingness", "He answered with a mild and quiet submission to my request."),
    ("standing", "remaining", "He was standing at the window when I came in."),
]


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def spin_edits(result):
    return [(e.rule, e.before, e.after) for e in result.edits if e.cleaner == "spin"]


def test_there_is_a_clean_sample():
    assert len(CLEAN_PAGES) >= 2 and SPUN_MOBY


@pytest.mark.parametrize("unsafe", (False, True), ids=("default", "unsafe"))
@pytest.mark.parametrize("path", CLEAN_PAGES, ids=lambda p: p.stem)
def test_clean_prose_keeps_its_terms(path, unsafe):
    """No word-family restoration on clean text: the family evidence alone is not enough."""
    result = textfix.clean(read(path), unsafe=unsafe)
    assert not [e for e in spin_edits(result) if e[0] == "spin-consistency"]


@pytest.mark.parametrize("unsafe", (False, True), ids=("default", "unsafe"))
@pytest.mark.parametrize("path", CLEAN_PAGES + SPUN_MOBY[:1], ids=lambda p: p.stem)
def test_a_second_run_changes_nothing(path, unsafe):
    once = textfix.clean(read(path), unsafe=unsafe)
    again = textfix.clean(once.text, unsafe=unsafe)
    assert again.text == once.text
    assert again.edits == []


def test_seed_term_is_still_restored_from_its_family():
    """The negative case: the term seed 001's spinner replaced throughout is still put back,
    and the output is a fixpoint."""
    result = textfix.clean(SEED)
    assert result.notes["spin"]["spun"] and result.notes["spin"]["score"] >= result.notes["spin"]["spun_at"]
    family = [e for e in result.edits if e.rule == "spin-consistency"]
    assert family and all(e.before.lower() != e.after.lower() for e in family)
    assert textfix.clean(result.text).text == result.text


def test_a_spun_body_is_still_repaired():
    """Moby-spun bodies keep being repaired with --unsafe-fixes (the gate is on word families,
    not on the model's word repairs)."""
    repaired = [spin_edits(textfix.clean(read(p), unsafe=True)) for p in SPUN_MOBY]
    assert any(repaired)


@pytest.mark.parametrize("term, original, sentence", FOUND, ids=[f[0] for f in FOUND])
def test_found_family_restorations_are_refused(term, original, sentence):
    text = " ".join([sentence] * 3)
    start = 0
    repairs = []
    while (at := text.find(term, start)) >= 0:
        repairs.append(Repair(at, at + len(term), original, "spin-consistency", "", 0.85))
        start = at + len(term)
    assert repairs and not spin_cleaner.families_kept(text, repairs)


def test_the_family_gate_accepts_a_restoration_the_model_supports():
    text = ("Patients with severe anxiety took the drug. Their anxiety lifted within hours, and "
            "clinical anxiety scores fell.")
    repairs = []
    start = 0
    while (at := text.find("anxiety", start)) >= 0:
        repairs.append(Repair(at, at + 7, "depression", "spin-consistency", "", 0.85))
        start = at + 7
    assert spin_cleaner.families_kept(text, repairs) == {("anxiety", "depression")}


def test_a_restored_word_does_not_make_another_one_a_repair_on_a_second_run():
    """A restored word joins the document's word families; a repair that would lift another
    word of that family over the threshold on a second run is dropped in the first."""
    spun = read(FIXTURES / "spin" / "spun_moby_1f765c487806.txt")
    once = textfix.clean(spun, unsafe=True)
    assert any(edit.cleaner == "spin" for edit in once.edits)  # still repaired
    again = textfix.clean(once.text, unsafe=True)
    assert again.text == once.text and again.edits == []

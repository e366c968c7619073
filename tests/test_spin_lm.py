"""The language-model spin path on real text: detection, restoration, candidate sources.

Real text from fixtures/spin/lm/ (bodies of the Zyte article benchmark, MIT, and of WCXB, CC BY
4.0, spun forward with the Moby thesaurus by benchmarks/spin_pairs.py; see its README) and the
clean excerpts of fixtures/spin/.
"""

from __future__ import annotations

import difflib
import re
import subprocess
import sys
from pathlib import Path

import pytest

import textfix
from textfix.cleaners.spin import CANDIDATE_SOURCES, SpinCleaner
from textfix.errors import TextfixError
from textfix.spin import evidence, lm
from textfix.spin.text import token_keys, tokenize

HERE = Path(__file__).resolve().parent
LM_FIXTURES = HERE.parent / "fixtures" / "spin" / "lm"
NAMES = ("articles_06e5123e4ef7", "articles_076f4f33bf75", "wcxb-dev_0001")
CLEAN_EXCERPTS = sorted((HERE.parent / "fixtures" / "spin").glob("clean_en_*.txt"))
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def spun(name: str) -> str:
    return (LM_FIXTURES / f"spun_moby_{name}.txt").read_text(encoding="utf-8")


def clean(name: str) -> str:
    return (LM_FIXTURES / f"clean_{name}.txt").read_text(encoding="utf-8")


def substitutions(name: str) -> list[tuple[int, int, str, str]]:
    rows = (LM_FIXTURES / f"spun_moby_{name}.tsv").read_text(encoding="utf-8").splitlines()[1:]
    return [(int(a), int(b), o, r) for a, b, o, r in (row.split("\t") for row in rows)]


def word_errors(a: str, b: str) -> int:
    x, y = [w.lower() for w in WORD.findall(a)], [w.lower() for w in WORD.findall(b)]
    ops = difflib.SequenceMatcher(None, x, y, autojunk=False).get_opcodes()
    return sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in ops if tag != "equal")


def spin_only(text: str, unsafe: bool = False, **options):
    return textfix.clean(text, select=["spin"], unsafe=unsafe, options={"spin": options} if options else None)


def test_model_prefers_the_original_word_where_the_spinner_put_its_synonym():
    model = lm.default_model()
    wins = total = 0
    for name in NAMES:
        text = spun(name)
        tokens = tokenize(text)
        keys = token_keys(text, tokens)
        at = {t.start: i for i, t in enumerate(tokens)}
        for start, _, original, _ in substitutions(name):
            i = at.get(start)
            if i is None or " " in original:
                continue  # inside a hyphenated word, or a phrase
            left, right = evidence.context(tokens, keys, i)
            total += 1
            wins += lm.span_score(model, left, [original], right) > lm.span_score(model, left, [keys[i]], right)
    assert total > 100
    assert wins / total > 0.8


def test_spun_bodies_are_judged_spun_and_clean_ones_are_not():
    for name in NAMES:
        note = spin_only(spun(name)).notes["spin"]
        assert note["spun"] and note["score"] >= note["spun_at"], name
        assert set(note["evidence"]) >= {"margin", "rare", "lift"}
        assert 0.0 <= note["score"] <= 1.0
    for text in [clean(n) for n in NAMES] + [p.read_text(encoding="utf-8") for p in CLEAN_EXCERPTS]:
        note = spin_only(text).notes["spin"]
        assert not note["spun"] and note["score"] < note["spun_at"], text[:40]


def test_restoration_removes_errors_and_unsafe_is_not_worse():
    before = after = after_unsafe = 0
    for name in NAMES:
        original, text = clean(name), spun(name)
        before += word_errors(text, original)
        after += word_errors(spin_only(text).text, original)
        after_unsafe += word_errors(spin_only(text, unsafe=True).text, original)
    assert after < before
    assert after_unsafe <= after


def test_clean_bodies_are_left_alone_by_default():
    for text in [clean(n) for n in NAMES] + [p.read_text(encoding="utf-8") for p in CLEAN_EXCERPTS]:
        result = spin_only(text)
        assert result.text == text, text[:40]


def test_model_repairs_never_touch_names_numbers_or_title_lines():
    for name in NAMES:
        result = spin_only(spun(name), unsafe=True)
        model_edits = [e for e in result.edits if e.rule == "spin-lm-word"]
        assert model_edits, name  # the path is exercised
        for edit in model_edits:
            assert edit.before.islower() and edit.before.isalpha(), edit.before


def test_a_second_pass_changes_nothing():
    for name in NAMES:
        for unsafe in (False, True):
            once = spin_only(spun(name), unsafe=unsafe)
            twice = spin_only(once.text, unsafe=unsafe)
            assert twice.text == once.text, name


def test_short_texts_do_not_load_the_model_and_stay_as_they_are():
    code = ("import sys, textfix; out = textfix.clean('hello'); "
            "print(out.text, 'pocketsphinx' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["hello", "False"]
    assert textfix.clean("clean text").text == "clean text"
    # ... while a bare tortured phrase the model finds far likelier repaired is still restored
    assert spin_only("counterfeit consciousness").text == "artificial intelligence"


def test_candidate_sources_option():
    assert CANDIDATE_SOURCES == ("thesaurus", "phrases")
    text = spun(NAMES[0])
    without = spin_only(text, unsafe=True, candidate_sources=[])
    assert not [e for e in without.edits if e.rule.startswith("spin-")]
    only_phrases = spin_only(text, unsafe=True, candidate_sources=["phrases"])
    assert not [e for e in only_phrases.edits if e.rule in ("spin-collocation", "spin-consistency")]
    with pytest.raises(TextfixError, match="unknown candidate source"):
        SpinCleaner(candidate_sources=["moby"])


def test_the_cleaner_keeps_no_document_state():
    cleaner = SpinCleaner()
    pipeline = textfix.Pipeline([cleaner])
    first = pipeline.run(spun(NAMES[0]))
    before = dict(vars(cleaner))
    second = pipeline.run(clean(NAMES[1]))
    assert vars(cleaner) == before  # nothing about either document stayed on the cleaner
    assert first.notes["spin"]["spun"] and not second.notes["spin"]["spun"]


def test_ordinary_words_stay_in_clean_text_even_when_it_is_taken_as_spun():
    # assume_spun skips the judgement, so every path offers what it would in a spun document:
    # a table word that is ordinary English ("residence", a row residence -> home) needs the model's clear
    # support, and the collocation path's guesses give way to the model's own word repairs.
    for path in CLEAN_EXCERPTS:
        text = path.read_text(encoding="utf-8")
        for unsafe in (False, True):
            result = spin_only(text, unsafe=unsafe, assume_spun=True)
            assert not [e for e in result.edits if e.applied], (path.name, unsafe)
    # the negative case: where the neighbours make the original far likelier, the row still repairs
    # ("latest news" is what a spinner turns into "newest news"; "signs of depression" stays)
    text = spun(NAMES[0]) + "\n\nRead the newest news from the city. The patients showed signs of depression."
    repaired = spin_only(text, assume_spun=True).text
    assert "the latest news" in repaired and "signs of depression" in repaired


def test_model_repairs_by_default_only_from_the_fitted_probability():
    from textfix.spin.restore import SUGGEST_AT, default_restorer

    apply_at = default_restorer().apply_at
    assert SUGGEST_AT < apply_at < 1
    seen = set()
    for name in NAMES:
        for unsafe in (False, True):
            for edit in spin_only(spun(name), unsafe=unsafe).edits:
                if edit.rule == "spin-lm-word" and edit.applied:
                    assert edit.confidence >= (SUGGEST_AT if unsafe else apply_at), edit
                    seen.add((unsafe, edit.confidence >= apply_at))
    assert (False, True) in seen and (True, False) in seen  # both sides of the line are exercised

"""The spin cleaner: phrase table, validation, detection, safety, consistency, idempotence.

Real text comes from fixtures/: the spun seed article and clean article excerpts (MIT, from the
Scrapinghub article-extraction benchmark; see fixtures/spin/README.md).
"""

import re
from pathlib import Path

import pytest

import textfix
from textfix.cleaners.spin import SpinCleaner
from textfix.spin.detect import SpinScore
from textfix.spin.phrases import PhraseTable, default_table, validate_table
from textfix.spin.repair import analyse

ROOT = Path(__file__).resolve().parents[1]
SEED = (ROOT / "fixtures/seeds/001_179fa0ad90426d34.txt").read_text(encoding="utf-8")
CLEAN = sorted((ROOT / "fixtures/spin").glob("clean_en_*.txt"))
CASES = "spin.json"  # tests/cases/: {note, input, expected, assume_spun?}


def spin(text, **options):
    return textfix.clean(text, select=["spin"], options={"spin": options})


def test_cases(case, check_case):
    """Cases as data. ``assume_spun`` cases stand for text from a document judged spun (one
    sentence alone would not be); the others go through the default judgement."""
    if not case.get("assume_spun"):
        check_case(case, "spin")
        return
    result = textfix.Pipeline([SpinCleaner(assume_spun=True)]).run(case["input"])
    assert result.text == case["expected"], case["note"]
    again = textfix.Pipeline([SpinCleaner(assume_spun=True)]).run(result.text)
    assert again.text == result.text, case["note"]


# --- phrase table ---------------------------------------------------------------------------

def test_longest_match_first_and_ambiguous_entries_are_suggestions():
    table = PhraseTable.from_lines(["research\tinquiry|study", "research study\tstudy", "celebration\tparty|feast"])
    analysis = analyse("The research study was a celebration.", table)
    by_rule = {(r.rule, r.replacement) for r in analysis.repairs}
    assert ("spin-phrase", "study") in by_rule
    ambiguous = [r for r in analysis.repairs if r.rule == "spin-ambiguous"]
    assert len(ambiguous) == 1 and ambiguous[0].ambiguous
    # ambiguous entries are never applied, even with --unsafe-fixes off and a spun document
    result = textfix.Pipeline([SpinCleaner(assume_spun=True)]).run("It was a celebration.")
    assert result.text == "It was a celebration."


def test_user_table_adds_entries(tmp_path):
    extra = tmp_path / "mine.tsv"
    extra.write_text("# my table\nfoo widget\tbar gizmo\talways\n", encoding="utf-8")
    assert spin("Foo widget here, and a foo widget there.", phrases=[str(extra)]).text == (
        "Bar gizmo here, and a bar gizmo there.")
    assert spin("A foo widget here.").text == "A foo widget here."


def test_statistical_path_without_any_table():
    """'bosom milk' is in no table here: breast is a thesaurus source of bosom, and 'breast milk'
    is the common collocation."""
    analysis = analyse("Infants fed bosom milk grew faster.", PhraseTable())
    fixes = [(r.rule, r.replacement) for r in analysis.repairs]
    assert ("spin-collocation", "breast") in fixes
    assert analyse("Infants fed breast milk grew faster.", PhraseTable()).repairs == []


def test_shipped_table_is_valid_versioned_and_credited():
    path = Path(textfix.__file__).parent / "data/spin_phrases.tsv"
    assert validate_table(path) == []
    assert default_table().version
    header = path.read_text(encoding="utf-8")[:2000]
    assert "Cabanac" in header and "CC BY 4.0" in header
    assert len(default_table()) > 4000


def test_validator_reports_format_duplicates_and_chains(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text(
        "research study\tstudy\nResearch  Study\tinquiry\nno tab here\n"
        "clients\tpatients\tsometimes\ncelebration\tparty\nparty\tfeast\nsame\tsame\n",
        encoding="utf-8",
    )
    problems = [str(p) for p in validate_table(bad)]
    assert any(":2: duplicate key" in p for p in problems)
    assert any(":3: expected 2 or 3" in p for p in problems)
    assert any(":4: unknown gate" in p for p in problems)
    assert any(":5: chain" in p for p in problems)
    assert any(":7:" in p and "itself" in p for p in problems)
    good = tmp_path / "good.tsv"
    good.write_text("foo widget\tbar gizmo\n", encoding="utf-8")
    assert validate_table(good) == []


def test_chain_against_the_shipped_table(tmp_path):
    table = tmp_path / "t.tsv"
    table.write_text("fancy study\tresearch study\n", encoding="utf-8")  # 'research study' is a shipped key
    assert any("chain" in str(p) for p in validate_table(table))


def test_cli_phrases_check(tmp_path):
    from click.testing import CliRunner

    from textfix.cli import main

    bad = tmp_path / "bad.tsv"
    bad.write_text("a b\tc\na b\td\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["phrases", "check", str(bad)])
    assert result.exit_code == 1 and "duplicate key" in result.output
    good = tmp_path / "good.tsv"
    good.write_text("a b\tc\n", encoding="utf-8")
    assert CliRunner().invoke(main, ["phrases", "check", str(good)]).exit_code == 0


# --- detection --------------------------------------------------------------------------------

def test_seed_is_judged_spun_and_clean_excerpts_are_not():
    seed = spin(SEED).notes["spin"]
    assert seed["spun"] and seed["score"] > 2
    for path in CLEAN:
        note = spin(path.read_text(encoding="utf-8")).notes["spin"]
        assert not note["spun"] and note["score"] < seed["score"] / 4, path.name


def test_lazy_search_shows_what_the_full_analysis_shows():
    """The cleaner searches only for what it will show (a document not judged spun skips the
    statistical paths); the shown repairs and the score must be those of the full analysis."""
    from textfix.spin.repair import shown

    table = default_table()
    texts = [SEED, SEED[:3000], "Infants fed bosom milk grew faster.", "counterfeit consciousness"]
    texts += [path.read_text(encoding="utf-8") for path in CLEAN]
    for text in texts:
        full = analyse(text, table)
        for spun in (None, True, False):
            judged = full.spun if spun is None else spun
            expected = [r for r in full.repairs if shown(r, judged)]
            lazy = analyse(text, table, spun=spun, lazy=True)
            assert lazy.repairs == expected and lazy.spun == full.spun, text[:40]
            assert lazy.score == (_without_pairs(full.score) if lazy.score.prescreened else full.score), text[:40]
            assert not (lazy.score.prescreened and full.spun), text[:40]
            later = analyse(text, table, spun=judged, lazy=True, scored=False)
            assert later.repairs == expected, text[:40]
    assert any(r.rule == "spin-consistency" for r in analyse(SEED, table, lazy=True).repairs)
    clean = CLEAN[0].read_text(encoding="utf-8")
    assert analyse(clean, table).score.fingerprints.get("pair")
    prescreened = analyse(clean, table, lazy=True).score
    assert prescreened.prescreened and "pair" not in prescreened.fingerprints
    assert prescreened.to_dict()["pairs"] is None


def _without_pairs(score: SpinScore) -> SpinScore:
    """The score a prescreened analysis reports: the improbable pairs left uncounted."""
    kept = {kind: n for kind, n in score.fingerprints.items() if kind != "pair"}
    return SpinScore(score.words, kept, score.phrase, prescreened=True)


def test_prescreen_never_skips_a_spun_text():
    """A text the prescreen passes on (enough possible table evidence) gets the full analysis;
    one it judges is judged not spun by the full analysis too, whatever its pairs."""
    from textfix.spin.repair import _not_spun

    table = default_table()
    for text in [SEED, SEED[:3000], "The research study has actually shown it.", "counterfeit consciousness"]:
        quick = _not_spun(text, table, judged=False)
        assert quick is None or not analyse(text, table).spun, text[:40]
    assert _not_spun(SEED, table, judged=False) is None  # spun: never prescreened
    assert _not_spun("counterfeit consciousness", table, judged=False) is None  # a bare phrase


def test_folded_text_tokenizes_in_place():
    """:class:`LazyTokens` splits the lower-cased text: that must give the same tokens at the
    same offsets as the text itself, so lower-casing may not move a character across the
    classes the token pattern uses (letter, digit, space, other)."""
    import re

    from textfix.spin.text import LazyTokens, fold, token_keys, tokenize

    classes = [re.compile(p) for p in (r"[^\W\d_]", r"\d", r"\s", r"\w", r"['’\-]")]
    for code in range(0x110000):
        char = chr(code)
        lower = char.lower()
        if lower != char and len(lower) == 1:
            assert [bool(c.match(char)) for c in classes] == [bool(c.match(lower)) for c in classes], hex(code)
            assert char.isalpha() == lower.isalpha(), hex(code)
            # The ordinal suffixes (st nd rd th s) are the pattern's only cased literals: the
            # guard against joining them looks for ASCII capitals, so no other capital may fold
            # into their letters.
            assert lower not in "stndrh" or char in "STNDRH", hex(code)
    texts = [SEED, "ΑΘΗΝΑ Ⅳ Ⓐ ǅemal, Straße’s 3.5 km_h 2nd", *(p.read_text(encoding="utf-8") for p in CLEAN)]
    texts += ["the 2ND time", "the 2nD time", "the 4Th", "3S", "2sT", "2Nd", "5G 4K 3D 2rd 1A", "Nation‘s ‘quoted’ text", "İstanbul", "ΣΑΣ"]
    for text in texts:
        split = LazyTokens.of(text)
        if split is None:  # the full tokenizer is used
            assert fold(text) is None or any(c in text for c in "NDSTRH‘"), text
            continue
        tokens, keys = split
        assert list(tokens) == tokenize(text) and keys == token_keys(text, tokenize(text))


def test_fast_paths_agree_with_the_plain_definitions():
    """The shortcuts taken for speed give what the plain definitions give, on real text: the
    commoner synonyms (replaced_by filtered), the table matches at the pre-screen's hits, the
    tokens built from the folded split, the inner-‘ test."""
    from textfix.spin import collocations, stats
    from textfix.spin.text import LazyTokens, _INNER_LEFT_QUOTE, has_inner_left_quote, tokenize

    table = default_table()
    texts = [SEED, *(p.read_text(encoding="utf-8") for p in CLEAN), "Nation‘s ‘quoted’ a‘ ‘b x‘y"]
    words = {t.key for text in texts for t in tokenize(text)}
    words = sorted(w for w in words if collocations.candidate_word(w))
    assert len(words) > 500
    for word in words:
        floor = stats.unigram(word)
        for least in (0.0, collocations.MIN_SIMILARITY):
            expected = {w: s for w, s in stats.replaced_by(word).items() if stats.unigram(w) > floor and s >= least}
            assert list(stats.commoner_sources(word, least).items()) == list(expected.items()), word
    for text in texts:
        tokens = tokenize(text)
        keys = [t.key for t in tokens]
        hits = []
        assert table.gate_bounds(keys, table.starts(keys), hits) == table.gate_bounds(keys)
        assert list(table.matches(text, tokens, keys, hits)) == list(table.matches(text))
        split = LazyTokens.of(text)
        assert split is None or split[0].tolist() == tokens
        assert has_inner_left_quote(text) == bool(_INNER_LEFT_QUOTE.search(text))


def test_score_needs_table_evidence_not_just_odd_pairs():
    assert not SpinScore(words=100, fingerprints={"pair": 30}).spun
    assert SpinScore(words=100, fingerprints={"spun": 3}).spun


def test_clean_excerpts_are_left_alone():
    for path in CLEAN:
        text = path.read_text(encoding="utf-8")
        result = spin(text)
        assert result.text == text, path.name
        assert result.suggestions == [], path.name


def test_non_english_is_skipped_with_a_note():
    text = (ROOT / "fixtures/spin/clean_de_57b4dafd18cf.txt").read_text(encoding="utf-8")
    result = spin(text)
    assert result.text == text
    assert "English only" in result.notes["spin"]["skipped"]


# --- the seed -----------------------------------------------------------------------------------

def test_seed_repairs_and_what_stays():
    result = spin(SEED)
    out = result.text
    for restored in ("party drug", "at least 2 weeks", "crowded theater", "haven’t stopped", "as many opiates",
                     "the new paper", "the link between", "their symptoms", "the patients took"):
        assert restored in out, restored
    for spun in ("research study", "has actually", "celebration drug", "sanctuary", "a minimum of"):
        assert spun not in out.lower(), spun
    # never changed: the title, names, numbers
    assert out.startswith("What if Ketamine Actually Works Like an Opioid?\n")
    for kept in ("Boris Heifets", "Gerard Sanacora", "7 of the 12", "2.4 times", "Ketamine Clinics of Los Angeles"):
        assert kept in out, kept
    assert all(e.confidence >= 0.6 for e in result.edits)


def test_consistency_restores_the_replaced_term_from_its_family():
    out = spin(SEED).text
    assert "treatment-resistant depression" in out
    assert "anxiety" not in out.lower()
    # the family that gave it away stays as it was
    for word in ("antidepressant", "antidepressants", "depressive", "Depressed"):
        assert re.search(rf"\b{word}\b", out), word
    edits = [e for e in spin(SEED).edits if e.rule == "spin-consistency"]
    assert edits and all(e.before.lower() == "anxiety" and e.after.lower() == "depression" for e in edits)


def test_quotes_speakers_are_never_renamed():
    out = spin(SEED).text
    assert "says Stanford anesthesiologist Boris Heifets" in out
    assert "Krystal says" in out


def test_threshold_and_unsafe_fixes():
    strict = spin(SEED, threshold=0.95)
    default = spin(SEED)
    assert len(strict.edits) < len(default.edits)
    assert len(strict.suggestions) > len(default.suggestions)
    unsafe = textfix.clean(SEED, select=["spin"], unsafe=True, options={"spin": {"threshold": 0.95}})
    assert len(unsafe.edits) > len(strict.edits)


def test_idempotent_on_its_own_output():
    once = spin(SEED)
    twice = spin(once.text)
    assert twice.text == once.text
    assert twice.edits == []
    assert once.rounds <= 3  # the pipeline reached its fixpoint quickly


def test_report_carries_score_and_confidences():
    result = spin(SEED)
    note = result.notes["spin"]
    assert {"score", "spun", "words", "fingerprints", "threshold"} <= set(note)
    entry = result.to_dict()
    assert entry["notes"]["spin"]["spun"] is True
    assert all(0 < e["confidence"] <= 1 for e in entry["edits"])


def test_restored_words_are_not_rewritten_in_later_rounds():
    # Three copies give restored words ("implications") enough occurrences to look like a
    # replaced term themselves; guesses must not build on guesses.
    result = spin("\n\n".join([SEED] * 3))
    assert result.rounds <= 2
    assert all(e.round == 1 for e in result.edits if e.rule in ("spin-collocation", "spin-consistency"))
    assert "implications" in result.text and "impacts" not in result.text


def test_a_bare_tortured_phrase_is_repaired_by_itself():
    """Not in the shipped table: only the statistical path can restore it; a phrase this short
    is judged by its own evidence."""
    assert "counterfeit consciousness" not in default_table()
    assert spin("counterfeit consciousness").text == "artificial intelligence"
    # ... while a short ordinary sentence with one unusual pair is not judged spun
    assert spin("The immediate relief was welcome.").text == "The immediate relief was welcome."


def test_bad_options_fail_with_one_line():
    from textfix.errors import TextfixError

    with pytest.raises(TextfixError, match="unknown option"):
        SpinCleaner(treshold=0.5)
    with pytest.raises(TextfixError, match="threshold"):
        SpinCleaner(threshold="high")


def test_url_spans_are_the_pattern_spans():
    from textfix.spin.repair import URLISH, url_spans

    texts = [SEED, *(p.read_text(encoding="utf-8") for p in CLEAN), "a/b/c\u2003x@y .com", "//", "www.x.org\n\n@"]
    for text in texts:
        assert url_spans(text) == [m.span() for m in URLISH.finditer(text)], text[:40]


def test_common_words_are_read_as_the_first_rows_of_the_sorted_counts(monkeypatch):
    from textfix.spin import stats

    counts = stats._unigram_rows()
    assert all(a >= b for a, b in zip(list(counts.values()), list(counts.values())[1:])), "counts file must be sorted"
    # Today every listed word is common; a higher bar exercises the cut-off between rows.
    for bar in (stats.COMMON, 300, 5000):
        monkeypatch.setattr(stats, "COMMON", bar)
        stats._common_words.cache_clear()
        assert stats._common_words() == {word for word, count in counts.items() if count >= bar}
    monkeypatch.undo()
    stats._common_words.cache_clear()

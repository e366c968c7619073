"""The spin cleaner: phrase table, validation, detection, safety, consistency, idempotence.

Real text comes from fixtures/: clean article bodies and excerpts (MIT, from the Scrapinghub
article-extraction benchmark), one of them spun forward with the published tortured-phrase pairs
(CC BY 4.0), and the spun seed article as a test case (see fixtures/spin/README.md). No test
asserts the seed's own repairs: the shipped table holds no row taken from it.
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
# A clean body and the same body with every phrase the tortured pairs list replaced by its
# tortured form; the .tsv lists the substitutions in order (original, tortured phrase).
SPUN_PATH = ROOT / "fixtures/spin/spun_tortured_3c5bf8db4272.txt"
SPUN = SPUN_PATH.read_text(encoding="utf-8")
SPUN_ORIGINAL = (ROOT / "fixtures/spin/clean_en_3c5bf8db4272.txt").read_text(encoding="utf-8")
SUBSTITUTIONS = [tuple(line.split("\t")) for line in SPUN_PATH.with_suffix(".tsv").read_text(encoding="utf-8").splitlines()
                 if line and not line.startswith("#")]
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
    shipped = " ".join(next(key for key in default_table().entries if len(key) == 2))
    table = tmp_path / "t.tsv"
    table.write_text(f"fancy widget\t{shipped}\n", encoding="utf-8")  # its replacement is a shipped key
    assert any("chain" in str(p) for p in validate_table(table))
    table.write_text("fancy widget\tplain widget\n", encoding="utf-8")
    assert validate_table(table) == []


def test_no_table_key_is_ordinary_english():
    """A row whose spun side clean prose says as it stands would damage clean text in either
    direction ("fresh set" is a tortured "crisp set"; "staff member" a spinner's "employee")."""
    from textfix.spin.collocations import ordinary_pair

    plain = [key for key in default_table().entries
             if len(key) > 1 and all(ordinary_pair(a, b) for a, b in zip(key, key[1:]))]
    assert plain == []
    for key in ("fresh set", "staff member", "cars and trucks", "in regards to", "a couple of"):
        assert key not in default_table(), key
    assert "profound learning" in default_table()  # a tortured phrase no clean text says


def test_no_table_key_is_a_collocation_the_model_knows():
    """The word-pair list stops at its floor, so ordinary phrases slip past it; the language
    model still knows them as pairs ("cloud computing" was a tortured row for "cloud
    environment" and rewrote every clean text about it). Such a key is never in the table."""
    from textfix.spin.collocations import model_collocation

    known = [" ".join(key) for key in default_table().entries if model_collocation(key)]
    assert known == []
    for key in ("cloud computing", "malignant growth", "most crowded"):
        assert model_collocation(tuple(key.split())) and key not in default_table(), key
    for key in ("profound learning", "counterfeit knowledge"):  # tortured: no clean text says them
        assert not model_collocation(tuple(key.split())) and key in default_table(), key
    clean = textfix.clean("Cloud computing lets a small team rent cloud computing power by the hour.",
                          select=["spin"], unsafe=True)
    assert "computing" in clean.text and not clean.edits


def test_curated_rows_are_not_seed_wording():
    """The seed is a test case, never a source: no curated phrase occurs in a seed, and the
    only curated rows among seed 001's hand-marked substitutions are single real words that a
    published spinner thesaurus lists (tools/build_spin_phrases.py --spinner-thesaurus checks
    that), gated by context."""
    curated = [line.split("\t") for line in (ROOT / "tools/spin_curated.tsv").read_text(encoding="utf-8").splitlines()
               if line and not line.startswith("#")]
    marked = {line.split("\t")[0] for line in (ROOT / "benchmarks/seed001_substitutions.tsv").read_text(encoding="utf-8").splitlines()
              if line and not line.startswith("#")}
    seeds = " ".join(p.read_text(encoding="utf-8").lower() for p in (ROOT / "fixtures/seeds").glob("*.txt"))
    assert curated
    assert not [row for row in curated if " " in row[0] and row[0] in seeds]
    assert all(" " not in row[0] and row[2] == "context" for row in curated if row[0] in marked)


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

def test_spun_text_scores_above_clean_text():
    spun = spin(SPUN).notes["spin"]
    assert spun["fingerprints"].get("always", 0) >= len(SUBSTITUTIONS) // 2
    for path in CLEAN:
        note = spin(path.read_text(encoding="utf-8")).notes["spin"]
        assert not note["spun"] and note["score"] < spun["score"] / 4, path.name


def test_lazy_search_shows_what_the_full_analysis_shows():
    """The cleaner searches only for what it will show (a document not judged spun skips the
    statistical paths); the shown repairs and the score must be those of the full analysis."""
    from textfix.spin.repair import shown

    table = default_table()
    texts = [SPUN, SEED, SEED[:3000], "Infants fed bosom milk grew faster.", "counterfeit consciousness"]
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
    assert any(r.rule == "spin-consistency" for r in analyse(SEED, table, spun=True, lazy=True).repairs)
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
    for text in [SPUN, SEED, SEED[:3000], "The profound learning model had a bogus positive.", "counterfeit consciousness"]:
        quick = _not_spun(text, table, judged=False)
        assert quick is None or not analyse(text, table).spun, text[:40]
    assert _not_spun(SPUN, table, judged=False) is None  # table evidence: never prescreened
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


def test_clean_text_is_not_damaged_even_with_unsafe_fixes():
    """Ordinary wording is evidence for itself: a pair of everyday words that the word-pair list
    lacks only because it stops at its floor is no improbable pair ("clean text" is not a spun
    "clear text"), and no table key is ordinary English."""
    assert textfix.clean("clean text").text == "clean text"
    for text in ("clean text", "a fresh set of apps", "Cars and trucks, staff members, in regards to it.",
                 SPUN_ORIGINAL, *(p.read_text(encoding="utf-8") for p in CLEAN)):
        result = textfix.clean(text, select=["spin"], unsafe=True)
        assert result.text == text and result.edits == [], text[:40]
    # ... while wording no clean text has is still repaired, in a phrase and in a sentence
    assert spin("counterfeit consciousness").text == "artificial intelligence"
    assert spin("Infants fed bosom milk grew faster.").text == "Infants fed breast milk grew faster."


def test_a_pair_the_model_knows_is_no_improbable_pair():
    """The word-pair list misses technical collocations; a bare phrase the language model knows
    as a pair is left alone by the collocation path (these are the clean sides of tortured pairs
    from the Problematic Paper Screener, CC BY 4.0), while unknown pairs are still repaired."""
    for phrase in ("immune reaction", "chronic infections", "excessive levels"):
        result = textfix.clean(phrase, select=["spin"], unsafe=True)
        assert result.text == phrase and result.edits == [], phrase
    assert spin("counterfeit consciousness").text == "artificial intelligence"
    assert spin("Infants fed bosom milk grew faster.").text == "Infants fed breast milk grew faster."


def test_non_english_is_skipped_with_a_note():
    text = (ROOT / "fixtures/spin/clean_de_57b4dafd18cf.txt").read_text(encoding="utf-8")
    result = spin(text)
    assert result.text == text
    assert "English only" in result.notes["spin"]["skipped"]


# --- spun text --------------------------------------------------------------------------------

def spun(text, **options):
    """The cleaner on text from a document judged spun (what the checks below are about)."""
    return spin(text, assume_spun=True, **options)


def test_tortured_phrases_are_restored_and_the_rest_stays():
    result = spin(SPUN)
    out = result.text
    table = default_table()
    for original, tortured in SUBSTITUTIONS:
        if table.entries.get(tuple(tortured.split())) is not None:
            assert tortured not in out, tortured
    restored = sum(out.count(original) - SPUN.count(original) for original, _ in set(SUBSTITUTIONS))
    assert restored >= len(SUBSTITUTIONS) // 2
    # every table repair put back the words of the clean body it was spun from
    for edit in result.edits:
        if edit.rule == "spin-phrase":
            assert edit.after in SPUN_ORIGINAL, edit


def test_names_titles_and_numbers_are_never_changed():
    """Real spun text judged spun: whatever the statistical paths guess, the first line (a
    title-case headline), capitalized names inside sentences and numbers stay."""
    for text in (SEED, SPUN):
        result = spun(text, threshold=0.0)
        out = result.text
        title = text.split("\n", 1)[0]
        if title.istitle() or sum(w[:1].isupper() for w in title.split()) > len(title.split()) // 2:
            assert out.startswith(title + "\n")
        names = set(re.findall(r"(?<=[a-z,] )[A-Z][a-z]+(?: [A-Z][a-z]+)+", text))
        numbers = re.findall(r"\d+(?:\.\d+)?", text)
        assert names and numbers
        for name in names:
            assert name in out, name
        assert re.findall(r"\d+(?:\.\d+)?", out) == numbers


def test_consistency_restores_a_term_from_its_surviving_family():
    """A term the spinner replaced everywhere is put back only from a word family still in the
    text (at least three members in two forms), and the family itself is left as it is."""
    from textfix.spin import consistency

    for text in (SEED, SPUN, SPUN_ORIGINAL, *(p.read_text(encoding="utf-8") for p in CLEAN)):
        result = spun(text)
        words = re.findall(r"[a-z]+", text.lower())
        for edit in (e for e in result.edits if e.rule == "spin-consistency"):
            root = consistency.stem(edit.after.lower())
            family = [w for w in words if consistency.related(w, root)]
            assert len(family) >= consistency.MIN_FAMILY and len(set(family)) >= consistency.MIN_FORMS, edit
            assert edit.after.lower() not in words, edit  # the original word was gone everywhere
            for word in set(family):
                assert re.search(rf"\b{word}\b", result.text.lower()), word
    # clean bodies never lost a term: nothing to restore
    for text in (SPUN_ORIGINAL, *(p.read_text(encoding="utf-8") for p in CLEAN)):
        assert not [e for e in spun(text).edits if e.rule == "spin-consistency"]


def test_quotes_speakers_are_never_renamed():
    """Speech verbs next to a quotation or a speaker's name are not touched beyond says/said,
    and the speaker's name never."""
    out = spun(SEED).text
    for speaker in re.findall(r"(?:says|said|states|specified) ([A-Z][a-z]+(?: [A-Z][a-z]+)+)", SEED):
        assert speaker in out, speaker
    for speaker in re.findall(r"([A-Z][a-z]+) (?:says|states)\b", SEED):
        assert speaker in out, speaker


def test_threshold_and_unsafe_fixes():
    strict = spun(SPUN, threshold=0.97)
    default = spun(SPUN)
    assert len(strict.edits) < len(default.edits)
    assert len(strict.suggestions) > len(default.suggestions)
    unsafe = textfix.clean(SPUN, select=["spin"], unsafe=True, options={"spin": {"threshold": 0.97, "assume_spun": True}})
    assert len(unsafe.edits) > len(strict.edits)


def test_idempotent_on_its_own_output():
    for text in (SPUN, SEED):
        once = spin(text)
        twice = spin(once.text)
        assert twice.text == once.text
        assert twice.edits == []
        assert once.rounds <= 3  # the pipeline reached its fixpoint quickly


def test_report_carries_score_and_confidences():
    for text, options in ((SPUN, {}), (SPUN_ORIGINAL, {}), (SEED, {"assume_spun": True})):
        result = spin(text, **options)
        note = result.notes["spin"]
        assert {"score", "spun", "words", "fingerprints", "threshold"} <= set(note)
        entry = result.to_dict()
        assert isinstance(entry["notes"]["spin"]["spun"], bool)
        assert all(0 < e["confidence"] <= 1 for e in entry["edits"] + entry.get("suggestions", []))
    assert spin(SEED, assume_spun=True).to_dict()["notes"]["spin"]["spun"] is True


def test_restored_words_are_not_rewritten_in_later_rounds():
    # Three copies give restored words enough occurrences to look like a replaced term
    # themselves; guesses must not build on guesses.
    result = spun("\n\n".join([SEED] * 3))
    assert result.rounds <= 2
    statistical = [e for e in result.edits if e.rule in ("spin-collocation", "spin-consistency")]
    assert statistical and all(e.round == 1 for e in statistical)


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


def test_the_statistics_database_holds_exactly_its_sources_rows():
    """The shipped database is compiled from tools/spin_data (run tools/compile_spin_stats.py
    after rebuilding them): same rows, nothing more, and each source's provenance header."""
    import gzip
    import sqlite3

    from textfix.spin import stats

    sources = Path(__file__).resolve().parent.parent / "tools" / "spin_data"
    con = sqlite3.connect(f"{stats.database_path().as_uri()}?mode=ro", uri=True)

    def rows(name):
        lines = gzip.decompress((sources / name).read_bytes()).decode("utf-8").split("\n")
        return [tuple(line.split("\t", 1)) for line in lines if line and line[0] != "#"]

    for table, name in (("bigrams", "spin_bigrams.tsv.gz"), ("thesaurus", "spin_thesaurus.tsv.gz")):
        assert con.execute(f"SELECT word, row FROM {table} ORDER BY word").fetchall() == sorted(rows(name)), table
    counts = rows("spin_unigrams.tsv.gz")
    assert list(stats._unigram_rows().items()) == [(word, int(count)) for word, count in counts]
    for name in ("spin_bigrams.tsv.gz", "spin_thesaurus.tsv.gz", "spin_unigrams.tsv.gz"):
        header = con.execute("SELECT header FROM notes WHERE name = ?", (name,)).fetchone()[0]
        assert header.startswith("# ") and "Derived by tools/build_spin_data.py" in header


def test_statistics_rows_are_read_by_word_and_kept():
    from textfix.spin import stats

    table = stats._Table("thesaurus", str)
    assert len(table) == 0
    assert "party" in table.get("celebration", "") and table.get("qwzxv") is None
    assert len(table) == 2  # the words asked about, the unknown one too (as None)
    assert stats.common_count(["the", "celebration", "qwzxv", "Paris"]) == 2  # keys are lower case
    assert stats.followers("qwzxv") == {} and stats.bigram("at", "least") > stats.bigram("a", "minimum")


def test_verdict_reads_a_sample_and_repairs_read_every_word():
    """A long body is judged from an evenly spread sample of its words (the judge's cost is bounded),
    and the sample's verdict agrees with the full evidence's on real clean and spun text; a
    document judged spun still gets the evidence of every word for its repairs."""
    from textfix.spin import judge

    detector = judge.default_detector()
    long_clean = (ROOT / "fixtures/spin/clean_wcxb-dev_0686.txt").read_text(encoding="utf-8")
    sampled, every = judge.examine(long_clean), judge.examine(long_clean, sample=0)
    assert sampled.examined == judge.SAMPLE < every.examined
    assert len(sampled.slots) < len(every.slots)
    assert detector.probability(sampled.features) < detector.threshold
    for path in sorted((ROOT / "fixtures/spin/lm").glob("spun_moby_*.txt")):
        text = path.read_text(encoding="utf-8")
        found = judge.examine(text)
        assert detector.probability(found.features) >= detector.threshold, path.name
        result = spin(text)
        assert result.notes["spin"]["spun"] and result.notes["spin"]["examined"] == min(found.examined, judge.SAMPLE)
        assert any(e.rule == "spin-lm-word" for e in result.edits + result.suggestions), path.name
    # Three spun bodies as one document, longer than the sample: words outside it are repaired too.
    from textfix.spin.text import tokenize

    joined = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures/spin/lm").glob("spun_moby_*.txt")))
    sampled, every = judge.examine(joined), judge.examine(joined, sample=0)
    assert sampled.examined == judge.SAMPLE < every.examined
    tokens = tokenize(joined)
    in_sample = {tokens[s.index].start for s in sampled.slots}
    result = spin(joined, assume_spun=True)
    repaired = {e.orig_start for e in result.edits + result.suggestions if e.rule == "spin-lm-word"}
    assert repaired - in_sample and repaired & in_sample

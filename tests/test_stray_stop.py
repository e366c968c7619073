"""The punctuation cleaner's stray full stop rule (tests/cases/punctuation_stray_stop.json) and
the seed sentence it was written for."""

import textfix

CASES = "punctuation_stray_stop.json"


def test_case(case, check_case):
    check_case(case, "punctuation")


def test_seed_000_sentence_is_joined(fixtures_dir):
    text = (fixtures_dir / "seeds" / "000_5c5e9be3cb0dcb2b.txt").read_text(encoding="utf-8")
    cleaned = textfix.clean(text).text
    assert "partially effective by activation of the opioid system." in cleaned
    stops = [e for e in textfix.clean(text).edits if e.rule == "stray-full-stop"]
    assert len(stops) == 1 and stops[0].original == "."

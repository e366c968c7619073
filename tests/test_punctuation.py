"""The punctuation cleaner on data cases (tests/cases/punctuation.json) and seed 001."""

import textfix

CASES = "punctuation.json"


def test_case(case, check_case):
    check_case(case, "punctuation")


def test_seed_001_spacing(fixtures_dir):
    text = (fixtures_dir / "seeds" / "001_179fa0ad90426d34.txt").read_text(encoding="utf-8")
    result = textfix.clean(text, select=["punctuation"])
    for debris in ("’ s", "’ t", " ’ ", "“ ", " ”", " .", "“”", "””", "– "):
        assert debris not in result.text.replace(" – ", ""), debris
    assert "“Ketamine eliminates anxiety and suicidality,” states Steven Mandel" in result.text
    # the document's curly style is kept: no quote was straightened
    assert result.text.count('"') == text.count('"')

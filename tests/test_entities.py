"""The entities cleaner on data cases (tests/cases/entities.json) and the seed's debris."""

import textfix

CASES = "entities.json"


def test_case(case, check_case):
    check_case(case, "entities")


def test_seed_001_has_no_entity_left(fixtures_dir):
    text = (fixtures_dir / "seeds" / "001_179fa0ad90426d34.txt").read_text(encoding="utf-8")
    result = textfix.clean(text, select=["entities"])
    assert "&#" not in result.text
    # the decoded apostrophes take the seed's own (curly) style
    assert "we’ll comprehend" in result.text and "I wouldn’t desire" in result.text
    # every edit is reported at the entity's original position
    for edit in result.edits:
        assert "&#x 27;" in edit.original

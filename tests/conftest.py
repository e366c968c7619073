"""Shared test plumbing: the JSON case files under tests/cases/ and the repo's fixtures.

A test module sets ``CASES = "name.json"`` and takes a ``case`` argument to run once per case.
"""

import json
from pathlib import Path

import pytest

import textfix

TESTS = Path(__file__).parent
FIXTURES = TESTS.parent / "fixtures"


def pytest_generate_tests(metafunc):
    if "case" in metafunc.fixturenames:
        cases = json.loads((TESTS / "cases" / metafunc.module.CASES).read_text(encoding="utf-8"))
        metafunc.parametrize("case", cases, ids=[c["note"] for c in cases])


@pytest.fixture
def check_case():
    """Run one case through ``textfix.clean(select=[code])`` and check it as data says.

    The output must equal ``expected``; cleaning the output again must change nothing; a case
    with a ``rule`` must have been fixed by that rule; a negative case (input == expected)
    must produce no edit at all.
    """

    def check(case: dict, code: str) -> None:
        result = textfix.clean(case["input"], select=[code])
        assert result.text == case["expected"], case["note"]
        again = textfix.clean(result.text, select=[code])
        assert again.text == result.text and not again.edits, f"not idempotent: {case['note']}"
        if case["input"] == case["expected"]:
            assert not result.edits, case["note"]
        if "rule" in case:
            assert case["rule"] in {e.rule for e in result.edits}, case["note"]

    return check


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES

"""Shared test plumbing: the JSON case files under tests/cases/ and the repo's fixtures.

A test module sets ``CASES = "name.json"`` and takes a ``case`` argument to run once per case.
"""

import importlib.util
import json
import os
from pathlib import Path

import pytest

import textfix

TESTS = Path(__file__).parent
FIXTURES = TESTS.parent / "fixtures"


def _load_browser_harness():
    """tests/browser.py, loaded by path: the test folder is not a package and not on sys.path."""
    spec = importlib.util.spec_from_file_location("textfix_tests_browser", TESTS / "browser.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


browser_harness = _load_browser_harness()


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


@pytest.fixture(scope="module")
def browser():
    """A headless Chromium for the module's tests; they skip, saying what is missing, without one."""
    try:
        with browser_harness.headless_chromium() as driver:
            yield driver
    except browser_harness.NoBrowser as e:
        pytest.skip(f"browser tests skipped: {e}")


@pytest.fixture
def screenshot(request, tmp_path):
    """``screenshot(driver, name)`` saves a PNG in the test's temporary folder, and also in
    ``$TEXTFIX_TEST_ARTIFACTS`` when that is set (CI keeps that folder); returns the path."""

    def take(driver, name: str) -> Path:
        path = tmp_path / f"{name}.png"
        driver.save_screenshot(str(path))
        folder = os.environ.get("TEXTFIX_TEST_ARTIFACTS")
        if folder:
            os.makedirs(folder, exist_ok=True)
            Path(folder, f"{request.node.name}-{name}.png").write_bytes(path.read_bytes())
        return path

    return take

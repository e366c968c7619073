"""The encoding cleaner on data cases (tests/cases/encoding.json) and on ftfy's own test cases.

ftfy's cases (fixtures/ftfy-cases, Apache-2.0, see its NOTICE.txt) give ``fixed`` for
``ftfy.fix_text`` with its default configuration and, where that differs, ``fixed-encoding``
for ``ftfy.fix_encoding`` alone. Our configuration is the conservative one: no uncurling, no
HTML unescaping, no normalization, no width or ligature changes. That is what fix_encoding does,
so ``fixed-encoding`` is the expectation, and where it is absent ``fixed`` equals it.
"""

import json
from pathlib import Path

import pytest

import textfix

CASES = "encoding.json"
FTFY_CASES = Path(__file__).parent.parent / "fixtures" / "ftfy-cases"


def ftfy_cases():
    for path in sorted(FTFY_CASES.glob("*.json")):
        for number, case in enumerate(json.loads(path.read_text(encoding="utf-8"))):
            marks = []
            if case["expect"] == "fail" or path.name == "known-failures.json":
                marks.append(pytest.mark.xfail(reason="ftfy itself expects this case to fail", strict=False))
            yield pytest.param(case, id=f"{path.stem}-{number}-{case['label']}", marks=marks)


def test_case(case, check_case):
    check_case(case, "encoding")


@pytest.mark.parametrize("ftfy_case", list(ftfy_cases()))
def test_ftfy_case(ftfy_case):
    expected = ftfy_case.get("fixed-encoding", ftfy_case["fixed"])
    result = textfix.clean(ftfy_case["original"], select=["encoding"])
    assert result.text == expected
    assert textfix.clean(result.text, select=["encoding"]).text == result.text


def test_edits_are_local():
    """A repaired word is reported at its own position, not as a whole-line replacement."""
    text = "Fine line.\nThe cafÃ© and the rÃ©gion.\n"
    result = textfix.clean(text, select=["encoding"])
    assert result.text == "Fine line.\nThe café and the région.\n"
    assert [(e.line, e.column, e.original, e.after) for e in result.edits] == [
        (2, 8, "Ã©", "é"),
        (2, 20, "Ã©", "é"),
    ]


def test_clean_lines_skip_ftfy(monkeypatch):
    """ASCII lines and lines without mojibake material never reach ftfy."""
    from textfix.cleaners import encoding

    def no_ftfy():
        raise AssertionError("ftfy was consulted")

    monkeypatch.setattr(encoding, "_ftfy", no_ftfy)
    text = "just ascii\n" * 100 + "“Curly” quotes – dashes and 日本語\n"
    assert list(encoding.EncodingCleaner().find_edits(text, None)) == []

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


def _badness_regex_samples(per_alternative: int, seed: int):
    """Random strings matching each alternative of ftfy's badness regex, with random context.

    The regex is parsed with the standard library's own regex parser and every character class
    is sampled, so each alternative is exercised with characters well beyond a hand-picked list.
    """
    import random
    import re

    try:
        from re import _constants as sre
        from re import _parser as parser
    except ImportError:  # Python 3.10
        import sre_constants as sre
        import sre_parse as parser
    from ftfy.badness import BADNESS_RE

    universe = [chr(i) for i in range(0x20, 0x2600)] + ["\n", "\t", "\ufffd", "\uf8ff", "\ufb01", "\ufb02"]

    def members(items):
        chars, negate = [], False
        for op, arg in items:
            if op is sre.NEGATE:
                negate = True
            elif op is sre.LITERAL:
                chars.append(chr(arg))
            elif op is sre.RANGE:
                chars.extend(map(chr, range(arg[0], arg[1] + 1)))
            elif op is sre.CATEGORY:
                pattern = r"\s" if arg in (sre.CATEGORY_SPACE, sre.CATEGORY_UNI_SPACE) else r"\w"
                chars.extend(ch for ch in universe if re.match(pattern, ch))
            else:
                raise AssertionError(f"unexpected class item {op}")
        return [ch for ch in universe if ch not in set(chars)] if negate else chars

    def sample(items):
        out = []
        for op, arg in items:
            if op is sre.LITERAL:
                out.append(chr(arg))
            elif op is sre.IN:
                key = repr(arg)
                if key not in classes:
                    classes[key] = members(arg)
                out.append(rng.choice(classes[key]))
            elif op is sre.CATEGORY:
                out.append(rng.choice(members([(op, arg)])))
            elif op is sre.ANY:
                out.append(rng.choice(universe[:200]))
            elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
                low, high, sub = arg
                out.extend(sample(sub) for _ in range(rng.randint(low, min(high, 2))))
            elif op is not sre.AT:
                raise AssertionError(f"unexpected regex item {op}")
        return "".join(out)

    classes: dict[str, list[str]] = {}
    rng = random.Random(seed)
    context = list("ab Z.,1 \n") + ["é", "“", "”", "П", "о"]
    alternatives = parser.parse(BADNESS_RE.pattern, BADNESS_RE.flags).data[0][1][1]
    for alternative in alternatives:
        for _ in range(per_alternative):
            before = "".join(rng.choices(context, k=rng.randint(0, 2)))
            after = "".join(rng.choices(context, k=rng.randint(0, 2)))
            yield before + sample(alternative) + after


def test_badness_screen_misses_no_badness():
    """Whatever ftfy's badness check flags, the screen in front of it lets through."""
    from ftfy.badness import is_bad

    from textfix.cleaners.encoding import badness_screen

    screen = badness_screen()
    flagged = [s for s in _badness_regex_samples(300, seed=1) if is_bad(s)]
    assert len(flagged) > 5000  # the samples do match
    assert [s for s in flagged if not screen.search(s)] == []


def test_badness_screen_misses_no_flagged_pair():
    """Every two-character string ftfy flags, over its mojibake characters and some ASCII."""
    import re

    from ftfy.badness import MOJIBAKE_CATEGORIES, is_bad

    from textfix.cleaners.encoding import badness_screen

    categorized = re.compile("[" + "".join(MOJIBAKE_CATEGORIES.values()) + "]")
    alphabet = [chr(i) for i in range(0x80, 0x2600) if categorized.match(chr(i))] + list("aZ .,1\t\n")
    screen = badness_screen()
    missed = [a + b for a in alphabet for b in alphabet if is_bad(a + b) and not screen.search(a + b)]
    assert missed == []


def test_screen_data_is_the_installed_ftfys():
    """The categories kept for the screen are ftfy's own, for the version they were taken from."""
    import hashlib
    from importlib.metadata import version

    from ftfy.badness import BADNESS_RE, MOJIBAKE_CATEGORIES

    from textfix.cleaners import encoding

    if version("ftfy") != encoding.SCREENED_FTFY:
        pytest.skip("another ftfy: the screen is not used (see test_badness_screen_is_active)")
    assert hashlib.sha256(BADNESS_RE.pattern.encode("utf-8")).hexdigest() == encoding.SCREENED_BADNESS
    assert encoding.SCREEN_CATEGORIES == {name: MOJIBAKE_CATEGORIES[name] for name in encoding.SCREEN_CATEGORIES}


def test_an_article_without_suspicious_lines_does_not_import_ftfy():
    """Curly quotes, dashes and a © are no reason to load ftfy (a fresh process: ftfy may be
    loaded here already)."""
    import subprocess
    import sys

    code = ("import sys, textfix; text = sys.stdin.read(); assert not text.isascii(); "
            "textfix.clean(text, select=['encoding']); print('ftfy' in sys.modules)")
    article = "“Ketamine” — it’s an anaesthetic, © 2019 the authors. Café owners said so."
    done = subprocess.run([sys.executable, "-c", code], input=article, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
    done = subprocess.run([sys.executable, "-c", code], input="La rÃ©gion", capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "True"


def test_badness_screen_is_active():
    """The screen was worked out from ftfy's current heuristic; another ftfy falls back."""
    from textfix.cleaners import encoding

    screen = encoding.badness_screen()
    if screen is encoding.TRIGGER:
        pytest.skip("the installed ftfy has another badness heuristic, so every candidate line is checked")
    assert screen.search("Русский текст, «цитата» и “quotes”, café, Über, £5") is None
    assert screen.search("doesnÃ¢â‚¬â„¢t") is not None

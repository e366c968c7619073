"""Every run is a fixpoint: cleaning the output again changes nothing.

Property tests over random text made of the debris the cleaners repair and over slices of the
real pages in fixtures/: no exception, ``clean(clean(x)) == clean(x)`` under the default,
unsafe and random ``select`` options, each edit's ``original`` found at its offset in the
input, and the same output whatever ``PYTHONHASHSEED`` is.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import textfix
from textfix.errors import NotConverged
from textfix.registry import make_cleaners

FIXTURES = Path(__file__).parent.parent / "fixtures"
DEBRIS_CLEANERS = ["encoding", "entities", "numbers", "punctuation", "whitespace"]
ALL_CLEANERS = sorted(c.code for c in make_cleaners())
RULES = {c.code: sorted(c.rules) for c in make_cleaners()}

# Pieces of what scrapers leave behind, which the generator strings together with words.
DEBRIS = [
    "&amp;", "&amp;amp;", "&#39;", "&#x 27;", "& #39;", "&#8217", "&amp ", "&nbsp;", "&bogus;",
    "&#0;", "&#xD800;", "’", "‘", "“", "”", "„", '"', "'", " ’ s", "’ s", "n' t", " ' s", " .",
    " ,", "...", " – ", "–", "—", "-\n", "\u00a0", "\u202f", "\u200b", "\u00ad", "\ufeff",
    "\x92", "\x93", "\x94", "\x85", "Ã©", "â€™", "Ã¢â‚¬â„¢", "Ã", "\x1b[31m", "\ud800",
    "(19659002)", "[ 19659003 ]", "1\n\n2 ", " 12\n3 ", "  ", "   ", "\n", "\n\n", "\n\n\n\n",
    "\t", "\r\n", " ", ",” “", "“”", "””", '" ', ' "', "(", ")", "!", "?", ":", "«", "»",
]
WORDS = [
    "the", "study", "said", "It", "don", "t", "s", "a", "de", "la", "Über", "café", "Новости",
    "2018", "10", "km", "Q&A", "AT&T", "patients", "treat", "ment", "in", "some", "cases",
    "Home", "Contact", "Share", "Menu", "Chapter", "were", "given", "placebo",
]
TOKENS = st.one_of(st.sampled_from(DEBRIS), st.sampled_from(WORDS), st.text(max_size=3))
RANDOM_TEXT = st.lists(TOKENS, max_size=60).map("".join)


def _fixture_pages() -> list[str]:
    """The real pages and articles kept in fixtures/ (the dirty, scraped side)."""
    paths = sorted(FIXTURES.glob("articles/*.dirty.txt")) + sorted(FIXTURES.glob("seeds/*.txt"))
    paths += sorted(FIXTURES.glob("spin/*.txt"))
    return [p.read_text(encoding="utf-8") for p in paths]


PAGES = _fixture_pages()


@st.composite
def page_slices(draw) -> str:
    page = draw(st.sampled_from(PAGES))
    start = draw(st.integers(0, max(0, len(page) - 1)))
    return page[start : start + draw(st.integers(1, 4000))]


TEXTS = st.one_of(RANDOM_TEXT, page_slices())


@st.composite
def options(draw, cleaners: list[str]) -> dict:
    """The default options, unsafe ones, or a random ``select`` of cleaners and rules."""
    kind = draw(st.sampled_from(["default", "unsafe", "select"]))
    if kind == "default":
        return {"select": cleaners}
    if kind == "unsafe":
        return {"select": cleaners, "unsafe": True}
    names = cleaners + [rule for code in cleaners for rule in RULES[code]]
    return {"select": draw(st.lists(st.sampled_from(names), min_size=1, max_size=4, unique=True)),
            "unsafe": draw(st.booleans())}


def assert_fixpoint(text: str, opts: dict) -> None:
    """No exception, every edit's original at its offset, and a second run changes nothing."""
    first = textfix.clean(text, **opts)
    for edit in first.edits + first.suggestions:
        assert text[edit.orig_start : edit.orig_end] == edit.original, edit
    second = textfix.clean(first.text, **opts)
    assert second.text == first.text, (opts, first.edits, second.edits)
    assert not second.edits


# CI runs a few hundred examples, the same ones every run (a red CI names a real regression,
# not an unlucky draw); TEXTFIX_FIXPOINT_EXAMPLES=20000 runs a long, random search.
SEARCH = "TEXTFIX_FIXPOINT_EXAMPLES" in os.environ
EXAMPLES = int(os.environ.get("TEXTFIX_FIXPOINT_EXAMPLES", "300"))
PROPERTY = settings(max_examples=EXAMPLES, deadline=None, derandomize=not SEARCH,
                    suppress_health_check=[HealthCheck.too_slow])

# Non-fixpoints the long search found, each with the options it failed under.
FOUND = [
    # The apostrophe style was measured on the original, which had too few marks for one; the
    # decoded entity gave the output a straight style, and pass 2 moved the curly mark to it.
    ("n' t&#8217n' t", {"select": ["entities", "punctuation"], "unsafe": True}),
    # Mojibake letters ("â" of "â€™") voted Latin for the page's script; once repaired, the
    # Cyrillic word won, and pass 2 removed the English line as a template line in another script.
    ("cases\n\n .'â€™³НовостиÚ§", {}),
]

# Slices of fixture pages that were no fixpoint: (file under fixtures/, start, length, options).
FOUND_SLICES = [
    # Removing the lines outside the article left a shorter page whose body search widened
    # the outside: every round took more (the round cap was reached).
    ("articles/0ec95c7261d1.dirty.txt", 1495, 1689, {"select": ["outside-article"]}),
    # A model repair changed a neighbour's word families: pass 2 repaired the neighbour.
    ("seeds/001_179fa0ad90426d34.txt", 2676, 2676, {"unsafe": True}),
    ("seeds/001_179fa0ad90426d34.txt", 2896, 2896, {"unsafe": True}),
]


@pytest.mark.parametrize("text, opts", FOUND, ids=[repr(text) for text, _ in FOUND])
def test_found_non_fixpoints_now_settle(text, opts):
    assert_fixpoint(text, opts)


@pytest.mark.parametrize("name, start, length, opts", FOUND_SLICES,
                         ids=[f"{name}[{start}:+{length}]" for name, start, length, _ in FOUND_SLICES])
def test_found_page_slices_now_settle(name, start, length, opts):
    page = (FIXTURES / name).read_text(encoding="utf-8")
    assert_fixpoint(page[start : start + length], opts)


@PROPERTY
@given(TEXTS, options(DEBRIS_CLEANERS))
def test_debris_cleaners_reach_a_fixpoint(text, opts):
    assert_fixpoint(text, opts)


@settings(max_examples=max(150, EXAMPLES // 2), deadline=None, derandomize=not SEARCH,
          suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, options(ALL_CLEANERS))
def test_all_cleaners_reach_a_fixpoint(text, opts):
    assert_fixpoint(text, opts)


def test_round_cap_raises_naming_the_cleaner():
    """A cleaner that changes the text every round (a made-up one) hits the cap: an error."""
    from textfix import Cleaner, Edit, Pipeline

    class Grows(Cleaner):
        code = "grows"

        def find_edits(self, text, doc):
            return [Edit(len(text), len(text), "x", "grow")]

    with pytest.raises(NotConverged) as raised:
        Pipeline([Grows()], max_rounds=3).run("a", path="page.txt")
    assert raised.value.cleaner == "grows" and raised.value.rounds == 3
    assert "page.txt" in str(raised.value)


def test_a_text_that_settles_on_the_last_round_is_no_error():
    from textfix import Cleaner, Edit, Pipeline

    class Once(Cleaner):
        code = "once"

        def find_edits(self, text, doc):
            return [Edit(0, 1, "b", "once")] if text.startswith("a") else []

    assert Pipeline([Once()], max_rounds=2).run("a").text == "b"
    with pytest.raises(NotConverged):
        Pipeline([Once()], max_rounds=1).run("a")


CLEAN_STDIN = (
    "import json, sys, textfix\n"
    "out = []\n"
    "for text in json.load(sys.stdin):\n"
    "    r = textfix.clean(text)\n"
    "    out.append([r.text, [e.to_dict() for e in r.edits + r.suggestions]])\n"
    "print(json.dumps(out))\n"
)


def test_same_output_under_any_hash_seed():
    """Set and dict order must not reach a decision: three hash seeds, one output."""
    samples = [page[:6000] for page in PAGES[::3]]
    outputs = set()
    for seed in ("0", "1", "4242"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        done = subprocess.run([sys.executable, "-c", CLEAN_STDIN], input=json.dumps(samples), env=env,
                              capture_output=True, text=True, check=True)
        outputs.add(done.stdout)
    assert len(outputs) == 1


def test_an_edit_that_changes_nothing_is_no_change():
    """A cleaner proposing an empty edit every round must not keep the pipeline going."""
    from textfix import Cleaner, Edit, Pipeline

    class Idle(Cleaner):
        code = "idle"

        def find_edits(self, text, doc):
            return [Edit(1, 1, "", "nothing"), Edit(0, 1, text[0], "same")]

    result = Pipeline([Idle()], max_rounds=2).run("abc")
    assert result.text == "abc" and not result.edits and result.rounds == 1

"""Our reader of the listed patterns' syntax: every listed pattern is read, widths and required
strings agree with what the regex module matches, and unknown syntax is refused, not guessed."""

from __future__ import annotations

import pytest
import regex

from textfix.boilerplate import regex_syntax
from textfix.boilerplate.patterns import load_patterns, max_length, required_strings


def test_every_listed_pattern_is_read():
    for pattern in load_patterns():
        assert regex_syntax.parse(pattern.expression.pattern), pattern.expression.pattern


@pytest.mark.parametrize(
    "expression, longest",
    [("abc", 3), ("a{2,5}", 5), ("(ab|c){3}", 6), ("x(?=abc)y", 2), (r"\bword\b", 4), ("[^)]{1,60}", 60),
     ("a+", None), ("(a|b*)", None), (r"\p{Lu}\w?", 2), ("a{3}", 3), ("a{,4}", 4)],
)
def test_widths(expression, longest):
    assert max_length(expression) == longest
    if longest is not None:  # the longest text of that width matches, one more character does not
        assert not regex.fullmatch(expression, "a" * (longest + 1))


@pytest.mark.parametrize(
    "expression, strings",
    [("share this", (("share this",),)), ("(share|print) it", (("print", "share"), (" it",))),
     ("about(?! us)", (("about",),)), ("x?y", (("y",),)), ("colou?r", (("colo",), ("r",))), ("(a|b+)", (("a", "b"),)), ("(a|b*)", ()),
     ("[ae]nd", (("and", "end"),))],
)
def test_required_strings(expression, strings):
    assert required_strings(expression) == strings


@pytest.mark.parametrize("expression", [r"(a)\1", "(?P<name>a)", "(?<name>a)", "a{", "(ab", "ab)", "[[a]]", r"\K"])
def test_unknown_syntax_gets_no_prefilter(expression):
    with pytest.raises(regex_syntax.Unsupported):
        regex_syntax.parse(expression)
    assert required_strings(expression) == () and max_length(expression) is None

"""The pipeline: order, fixpoint, safety policy, selection and original positions.

The cleaners here are tiny ones written for the test so that each property of the pipeline is
checked on its own; the real cleaners are tested in their own files.
"""

import regex

from textfix import Cleaner, Edit, Pipeline, UNSAFE, clean
from textfix.registry import make_cleaners


class Pattern(Cleaner):
    """Replace every match of a pattern; a fresh class per test via ``make``."""

    pattern = ""
    replacement = ""
    rule = "pattern"
    edit_safety = "safe"

    def find_edits(self, text, doc):
        for m in regex.finditer(self.pattern, text):
            yield Edit(m.start(), m.end(), self.replacement, self.rule, "test", self.edit_safety, 0.5)


def make(code, stage, pattern, replacement, rule="pattern", safety="safe"):
    cls = type(code, (Pattern,), dict(code=code, stage=stage, pattern=pattern, replacement=replacement,
                                      rule=rule, edit_safety=safety, rules={rule: "test rule"}))
    return cls()


def test_stage_decides_order_not_list_order():
    late = make("late", 90, r"b", "c")
    early = make("early", 10, r"a", "b")
    result = Pipeline([late, early]).run("a")
    # early runs first (a -> b), then late (b -> c) within the same round
    assert result.text == "c"
    assert [e.cleaner for e in result.edits] == ["early", "late"]
    assert result.edits[0].round == result.edits[1].round == 1


def test_rounds_repeat_until_nothing_changes():
    # removing one " ." at a time needs several rounds; the loop keeps going
    shrink = make("shrink", 10, r"\(\)", "")
    result = Pipeline([shrink]).run("((()))")
    assert result.text == ""
    assert result.rounds == 4  # three rounds that change, one that confirms


def test_a_cleaner_is_not_asked_again_about_a_text_it_left_alone():
    calls = []

    class Watch(Pattern):
        def find_edits(self, text, doc):
            calls.append((self.code, text))
            return super().find_edits(text, doc)

    def watch(code, stage, pattern, replacement, safety="safe"):
        return type(code, (Watch,), dict(code=code, stage=stage, pattern=pattern, replacement=replacement,
                                          rule=code, edit_safety=safety, rules={code: "test rule"}))()

    # "advice" runs after the only change, so the second round does not ask it again, and its
    # suggestion still describes the final text; "before" saw the text before the change: asked twice.
    result = Pipeline([
        watch("before", 5, r"zz", "z"),
        watch("change", 10, r"colour", "color"),
        watch("advice", 20, r"centre", "center", safety=UNSAFE),
    ]).run("colour centre")
    assert result.text == "color centre" and result.rounds == 2
    assert [code for code, _ in calls] == ["before", "change", "advice", "before", "change"]
    assert [(s.cleaner, s.before, s.after) for s in result.suggestions] == [("advice", "centre", "center")]
    assert (result.suggestions[0].line, result.suggestions[0].column) == (1, 8)  # in the original text


def test_unsafe_edits_are_suggestions_unless_asked():
    risky = make("risky", 10, r"colour", "color", safety=UNSAFE)
    kept = Pipeline([risky]).run("a colour")
    assert kept.text == "a colour"
    assert [(s.before, s.after, s.applied) for s in kept.suggestions] == [("colour", "color", False)]
    applied = Pipeline([risky], unsafe=True).run("a colour")
    assert applied.text == "a color" and not applied.suggestions


def test_select_and_ignore_take_cleaner_codes_and_rule_ids():
    one = make("one", 10, r"x", "y", rule="x-to-y")
    two = make("two", 20, r"a", "b", rule="a-to-b")
    assert Pipeline([one, two], select=["one"]).run("xa").text == "ya"
    assert Pipeline([one, two], select=["a-to-b"]).run("xa").text == "xb"
    assert Pipeline([one, two], ignore=["x-to-y"]).run("xa").text == "xb"
    assert Pipeline([one, two], ignore=["one", "two"]).run("xa").text == "xa"


def test_edits_are_reported_at_their_original_line_and_column():
    original = "first line\nsecond  line\nthird . line"
    squeeze = make("squeeze", 10, r" {2,}", " ")
    stop = make("stop", 20, r" (?=\.)", "")
    result = Pipeline([squeeze, stop]).run(original)
    assert result.text == "first line\nsecond line\nthird. line"
    where = {(e.cleaner, e.line, e.column, e.original) for e in result.edits}
    assert where == {("squeeze", 2, 7, "  "), ("stop", 3, 6, " ")}


def test_later_edit_over_an_earlier_one_reports_the_original_span():
    decode = make("decode", 10, r"&#39;", "'")
    glue = make("glue", 20, r" ' ", "'")
    result = Pipeline([decode, glue]).run("line one\nit &#39; s")
    assert result.text == "line one\nit's"
    glued = [e for e in result.edits if e.cleaner == "glue"]
    assert [(e.before, e.original, e.line, e.column) for e in glued] == [(" ' ", " &#39; ", 2, 3)]
    # the report lists edits by original position, so the glue edit (column 3) comes first
    assert [e.cleaner for e in result.edits] == ["glue", "decode"]


def test_counters_per_cleaner():
    one = make("one", 10, r"x", "y")
    pipeline = Pipeline([one])
    pipeline.run("xx")
    pipeline.run("ab")
    assert pipeline.stats["one"]["edits"] == 2
    assert pipeline.stats["one"]["documents"] == 2


def test_builtin_cleaners_come_from_entry_points_in_stage_order():
    cleaners = make_cleaners()
    codes = [c.code for c in cleaners]
    assert {"encoding", "entities", "punctuation", "numbers", "whitespace"} <= set(codes)
    assert [c.stage for c in cleaners] == sorted(c.stage for c in cleaners)


def test_clean_api_returns_result_with_diff_and_dict():
    result = clean("a  b\n")
    assert result.text == "a b\n"
    assert result.diff().splitlines()[-2:] == ["-a  b", "+a b"]
    data = result.to_dict()
    assert data["changed"] is True and data["counts"] == {"whitespace": 1}
    assert data["edits"][0]["line"] == 1 and data["edits"][0]["column"] == 2


def test_clean_text_is_left_alone():
    text = "A plain sentence.\n\nAnother paragraph, with “quotes” and it’s fine.\n"
    result = clean(text)
    assert result.text == text and result.edits == [] and not result.changed

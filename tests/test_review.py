"""The HTML review page: its data reproduces every change exactly, input never becomes markup,
and the page works in a real headless Chromium (skipped, with a message, when none is installed)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from textfix import UNSAFE, Cleaner, Edit, Pipeline
from textfix.cleaners.whitespace import WhitespaceCleaner
from textfix.review import _file_data, _Strings, render_html

# The results under review: the seed articles, lightly damaged, cleaned by the real whitespace
# cleaner plus the small cleaners below, so the page sees every kind of edit (several cleaners,
# later rounds overlapping earlier edits, removed lines, unapplied suggestions) whatever the other
# cleaners in the registry do.
SEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"
HOSTILE = '<script>window.pwned=1</script> and <img src=x onerror="window.pwned=2"> </script><!-- &lt;b&gt;'


class DemoEntities(Cleaner):
    """Decodes the entity debris ``&#x 27;`` into an apostrophe (leaving the space before it), and
    one level of double escaping per round, so ``&amp;#x 27;`` takes two rounds."""

    code = "demo-entities"
    stage = 20
    rules = {"broken-entity": "decode &#x 27;", "double-escaped": "&amp; that escapes an entity"}

    def find_edits(self, text, doc):
        for m in re.finditer(r"&#x 27; ?|&amp;(?=#)", text):
            if m.group().startswith("&amp;"):
                yield Edit(m.start(), m.end(), "&", "double-escaped", "decode &amp; before an entity")
            else:
                yield Edit(m.start(), m.end(), "'", "broken-entity", "decode &#x 27;")


class DemoApostrophe(Cleaner):
    """Glues a space-apostrophe-s onto its word: ``body 's`` -> ``body's``."""

    code = "demo-punctuation"
    stage = 50
    rules = {"space-apostrophe": "remove the space before an apostrophe"}

    def find_edits(self, text, doc):
        for m in re.finditer(r"(?<=\w) ['’](?=s\b)", text):
            yield Edit(m.start(), m.end(), m.group()[1], "space-apostrophe", "glue the apostrophe", confidence=0.9)


class DemoMenu(Cleaner):
    """Removes breadcrumb and share-button lines."""

    code = "demo-boilerplate"
    stage = 30
    rules = {"breadcrumb": "a 'Home / Section' line", "share-line": "a 'follow and like us' line"}

    def find_edits(self, text, doc):
        for m in re.finditer(r"^Home / .*\n", text, re.M):
            yield Edit(m.start(), m.end(), "", "breadcrumb", "breadcrumb navigation")
        for m in re.finditer(r"^Please follow and like us:\n", text, re.M):
            yield Edit(m.start(), m.end(), "", "share-line", "share buttons")


class DemoSpin(Cleaner):
    """Suggests (unsafe) the usual phrase for a spun one."""

    code = "demo-spin"
    stage = 70
    rules = {"tortured-phrase": "a synonym-swapped phrase"}

    def find_edits(self, text, doc):
        found = [Edit(m.start(), m.end(), "party drug", "tortured-phrase", "spun 'party drug'", UNSAFE, 0.7)
                 for m in re.finditer(r"celebration drug", text)]
        if found:
            doc.notes["spin"] = {"score": 0.42}
        return found


def pipeline() -> Pipeline:
    return Pipeline([WhitespaceCleaner(), DemoEntities(), DemoApostrophe(), DemoMenu(), DemoSpin()])


def seed(name: str) -> str:
    return (SEEDS / name).read_text(encoding="utf-8")


def make_results(extra_clean: int = 1) -> list:
    """Two damaged seed articles (one carrying hostile HTML) and ``extra_clean`` unchanged texts."""
    first = seed("000_5c5e9be3cb0dcb2b.txt")
    # Damage as scraped pages have it: entity debris, trailing spaces, markup in the text.
    first = first.replace("body's", "body &amp;#x 27; s").replace("suggests\n\n\n\n", "suggests  \n\n\n\n", 1)
    first = first.replace("\n\nBut new research", f"\n\n{HOSTILE}\n\nBut new research", 1)
    second = seed("001_179fa0ad90426d34.txt")
    results = []
    run = pipeline().run
    for path, text in [("seeds/000.txt", first), ("seeds/001.txt", second)]:
        result = run(text)
        result.path = path
        results.append(result)
    untouched = "A short clean paragraph.\nNothing to change here.\n"
    for i in range(extra_clean):
        result = run(untouched)
        result.path = f"clean-{i}.txt"
        results.append(result)
    return results


@pytest.fixture(scope="module")
def results():
    return make_results()


@pytest.fixture(scope="module")
def page(results):
    return render_html(results)


def _embedded(page: str) -> dict:
    m = re.search(r'<script type="application/json" id="textfix-data">(.*?)</script>', page, re.S)
    return json.loads(m.group(1))


def _rebuild(original: str, regions: list) -> str:
    """The cleaned text as the page shows it: original text between regions, each region's output."""
    parts, pos = [], 0
    for start, end, after, members in regions:
        parts.append(original[pos:start])
        parts.append(after if after is not None else original[start:end])
        pos = end
    return "".join(parts) + original[pos:]


def test_regions_reproduce_the_cleaned_text_and_list_every_edit_once(results):
    for result in results:
        data = _file_data(result, 1, _Strings())
        applied_regions = [r for r in data["r"] if any(data["e"][i][5] for i in r[3])]
        assert _rebuild(result.original, applied_regions) == result.text
        members = sorted(i for r in data["r"] for i in r[3])
        assert members == list(range(len(result.edits) + len(result.suggestions)))


def test_edits_of_later_rounds_merge_with_the_edit_they_build_on(results):
    # "&amp;#x 27;" is decoded in two rounds and the space before it glued in the second.
    strings = _Strings()
    data = _file_data(results[0], 1, strings)
    (region,) = [r for r in data["r"] if "&amp;" in results[0].original[r[0] : r[1]]]
    rules = sorted(strings.table[data["e"][i][1]] for i in region[3])
    assert rules == ["broken-entity", "double-escaped", "space-apostrophe"]
    assert results[0].original[region[0] : region[1]] == " &amp;#x 27; "
    assert region[2] == "'"
    assert {data["e"][i][10] for i in region[3]} == {1, 2}


def test_edits_that_do_not_line_up_still_show_the_whole_change():
    from textfix.edits import RecordedEdit
    from textfix.result import Result

    # A record that claims "abc" was left as it was, while the text really changed later on.
    wrong = RecordedEdit("c", "r", "", "safe", 1.0, "abc", "abc", 0, 3)
    result = Result(original="abc def ghi", text="abc XY ghi", edits=[wrong])
    (region,) = _file_data(result, 1, _Strings())["r"]
    assert result.original[region[0] : region[1]] == "def" and region[2] == "XY" and region[3] == [0]


def test_suggestion_region_carries_the_proposed_text(results):
    data = _file_data(results[1], 1, _Strings())
    (region,) = [r for r in data["r"] if not any(data["e"][i][5] for i in r[3])]
    assert results[1].original[region[0] : region[1]] == "celebration drug"
    assert region[2] == "party drug"


def test_input_text_never_appears_as_markup(page, results):
    assert HOSTILE in results[0].original
    assert "<script>window.pwned" not in page
    assert "<img src=x" not in page
    assert "<!-- &lt;b&gt;" not in page
    assert page.count("<script") == 2 and page.count("</script>") == 2
    # ... yet the data still holds the text exactly.
    assert HOSTILE in _embedded(page)["files"][0]["o"]


def test_summary_shows_totals_rules_and_spin_scores(page, results):
    summary = page.split('<section id="controls">')[0]
    edits = sum(len(r.edits) for r in results)
    assert f'<div class="stat-n">{edits}</div><div class="stat-l">edits</div>' in summary
    assert "demo-entities/broken-entity" in summary and "whitespace/blank-lines" in summary
    assert "Spin scores" in summary and "seeds/001.txt" in summary


def test_page_without_spin_notes_has_no_spin_section(results):
    assert "Spin scores" not in render_html([results[0]])


def test_empty_input_renders():
    page = render_html([])
    assert "No edits." in page and _embedded(page)["files"] == []


# ---- in a real browser ---------------------------------------------------------------------------

@pytest.fixture
def opened(browser, page, tmp_path):
    path = tmp_path / "review.html"
    path.write_text(page, encoding="utf-8")
    browser.get(path.as_uri())
    assert browser.execute_script("return document.documentElement.dataset.ready") == "1"
    return browser


def _files(driver):
    return {d.find_element("css selector", ".path").get_attribute("textContent"): d for d in driver.find_elements("css selector", "details.file")}


def test_page_loads_without_errors(opened):
    errors = [e for e in opened.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []
    assert opened.execute_script("return document.querySelectorAll('details.file').length") == 3


def test_markup_in_the_article_shows_as_text_and_nothing_runs(opened):
    text = opened.find_element("css selector", "details.file pre.text").text
    assert '<script>window.pwned=1</script> and <img src=x onerror="window.pwned=2">' in text
    assert opened.execute_script("return window.pwned === undefined")
    assert opened.execute_script("return document.querySelectorAll('#files img, #files script').length") == 0


def test_clicking_an_edit_shows_its_rule_message_safety_and_confidence(opened):
    region = next(r for r in opened.find_elements("css selector", ".rg") if "27;" in r.text)
    region.click()
    detail = opened.find_element("id", "detail")
    assert detail.is_displayed()
    rules = [e.text for e in detail.find_elements("css selector", ".edit-rule")]
    assert sorted(rules) == ["broken-entity", "double-escaped", "space-apostrophe"]
    assert "glue the apostrophe" in detail.text
    assert [e.text for e in detail.find_elements("css selector", ".edit-safety")] == ["safe"] * 3
    assert "0.9" in [e.text for e in detail.find_elements("css selector", ".edit-confidence")]


def test_cleaner_filter_hides_other_cleaners_edits(opened):
    from selenium.webdriver.support.select import Select

    def marked():
        return [r for r in opened.find_elements("css selector", ".rg") if r.find_elements("css selector", "del")
                and r.find_element("css selector", "del").is_displayed()]

    assert any("share" in r.text for r in opened.find_elements("css selector", ".rg.removed"))
    Select(opened.find_element("id", "f-cleaner")).select_by_value("demo-boilerplate")
    shown = marked()
    assert shown and all("removed" in r.get_attribute("class") for r in shown)
    entity = next(r for r in opened.find_elements("css selector", ".rg") if "'" in r.text and "dim" in r.get_attribute("class"))
    assert not entity.find_element("css selector", "del").is_displayed()
    assert not _files(opened)["clean-0.txt"].is_displayed()
    Select(opened.find_element("id", "f-cleaner")).select_by_value("")
    assert len(marked()) > len(shown)


def test_rule_filter_keeps_only_that_rule(opened):
    from selenium.webdriver.support.select import Select

    Select(opened.find_element("id", "f-rule")).select_by_value("whitespace/trailing-space")
    files = _files(opened)
    assert files["seeds/000.txt"].is_displayed() and not files["seeds/001.txt"].is_displayed()
    live = opened.find_elements("css selector", ".rg:not(.dim)")
    assert len(live) == 1 and "\u2423\u2423" in live[0].text


def test_only_changed_files_hides_unchanged_ones(opened):
    assert _files(opened)["clean-0.txt"].is_displayed()
    opened.find_element("id", "f-changed").click()
    files = _files(opened)
    assert not files["clean-0.txt"].is_displayed()
    assert files["seeds/000.txt"].is_displayed() and files["seeds/001.txt"].is_displayed()


def test_suggestions_look_different_from_applied_edits(opened):
    suggestion = opened.find_element("css selector", ".rg.sg")
    assert suggestion.find_element("css selector", ".so").text == "celebration drug"
    assert suggestion.find_element("css selector", ".sp").text.endswith("party drug")
    applied = opened.find_element("css selector", ".rg:not(.sg)")
    assert suggestion.value_of_css_property("border-top-style") == "dashed"
    assert applied.value_of_css_property("border-top-style") != "dashed"
    assert suggestion.value_of_css_property("background-color") != applied.value_of_css_property("background-color")
    suggestion.click()
    assert "suggestion, not applied" in opened.find_element("id", "detail").text


def test_removed_lines_are_struck_through_with_their_rule(opened):
    removed = {r.find_element("css selector", ".badge").text: r for r in opened.find_elements("css selector", ".rg.removed")}
    # Each badge names its rule and the lines it removed.
    assert {badge.split(" line ")[0] for badge in removed} == {"breadcrumb", "share-line"}
    assert all(re.fullmatch(r"[a-z-]+ line \d+", badge) for badge in removed)
    share = next(r for badge, r in removed.items() if badge.startswith("share-line"))
    line = share.find_element("css selector", "del")
    assert line.text == "Please follow and like us:"
    assert "line-through" in line.value_of_css_property("text-decoration")


def test_unchanged_regions_are_collapsed_and_expand_on_click(opened):
    first = _files(opened)["seeds/001.txt"]
    gap = first.find_element("css selector", "button.gap")
    lines = int(re.search(r"(\d+) unchanged", gap.text).group(1))
    before = first.find_element("css selector", "pre.text").text
    gap.click()
    after = first.find_element("css selector", "pre.text").text
    assert len(after.splitlines()) >= len(before.splitlines()) + lines - 1


# ---- the command line ----------------------------------------------------------------------------

@pytest.mark.parametrize("name, option, expected", [
    ("review.html", [], "html"), ("review.HTM", [], "html"), ("report.json", [], "json"), ("report", [], "json"),
    ("report.txt", ["--report-format", "html"], "html"), ("review.html", ["--report-format", "json"], "json"),
])
def test_cli_report_format_follows_the_suffix_unless_given(tmp_path, name, option, expected):
    from click.testing import CliRunner

    from textfix.cli import main

    article = tmp_path / "article.txt"
    article.write_text("A line with <b>markup</b>  \nNext\n", encoding="utf-8")
    report = tmp_path / name
    result = CliRunner().invoke(main, ["clean", str(article), "--report", str(report), *option])
    assert result.exit_code == 0, result.output
    written = report.read_text(encoding="utf-8")
    if expected == "html":
        assert written.startswith("<!DOCTYPE html>") and "<b>markup" not in written
        assert _embedded(written)["files"][0]["p"] == str(article)
    else:
        assert json.loads(written)["summary"]["files"] == 1


def test_invisible_characters_are_named_in_the_view(browser, tmp_path):
    result = pipeline().run("A soft hyphen in treat\u00adment here.\n")
    result.path = "shy.txt"
    path = tmp_path / "shy.html"
    path.write_text(render_html([result]), encoding="utf-8")
    browser.get(path.as_uri())
    region = browser.find_element("css selector", ".rg")
    assert region.find_element("css selector", "del").text == "\u27e8U+00AD\u27e9"


def test_failed_inputs_are_listed_escaped(results):
    page = render_html(results[:1], failures=[{"path": "bad<b>.txt", "error": "not valid utf-8 (byte 0xFF)"}])
    summary = page.split('<section id="controls">')[0]
    assert '<div class="stat-n">1</div><div class="stat-l">failed</div>' in summary
    assert "<b>bad&lt;b&gt;.txt</b>: not valid utf-8 (byte 0xFF)" in summary


def test_keyboard_opens_an_edit_too(opened):
    from selenium.webdriver.common.keys import Keys

    region = opened.find_element("css selector", ".rg.removed")
    region.send_keys(Keys.ENTER)
    detail = opened.find_element("id", "detail")
    assert detail.is_displayed() and "breadcrumb navigation" in detail.text


# ---- the reviewer's view (issue 16) ---------------------------------------------------------------

ARTICLES = Path(__file__).resolve().parent.parent / "fixtures" / "articles"


@pytest.fixture
def real_page(browser, tmp_path):
    """The sample pages cleaned by the real pipeline, one of them with its article cut away."""
    import textfix
    from textfix.edits import RecordedEdit
    from textfix.result import Result

    results = []
    for page in sorted(ARTICLES.glob("*.dirty.txt")):
        result = textfix.clean(page.read_text(encoding="utf-8"))
        result.path = page.name
        results.append(result)
    text = results[0].original
    cut = RecordedEdit("boilerplate", "outside-article", "", "safe", 1.0, text, "", 0, len(text), 1, 1,
                       text.count("\n") + 1, 1, original=text)
    results.append(Result(original=text, text="", edits=[cut], path="lost.txt"))
    path = tmp_path / "real.html"
    path.write_text(render_html(results), encoding="utf-8")
    browser.get(path.as_uri())
    assert browser.execute_script("return document.documentElement.dataset.ready") == "1"
    return browser


def test_lost_article_is_flagged_in_summary_and_file_and_can_be_filtered(real_page, screenshot):
    summary = real_page.find_element("css selector", ".lost-list")
    assert "lost.txt" in summary.text and "kept 0% of words" in summary.text
    files = _files(real_page)
    assert files["lost.txt"].find_element("css selector", ".lost-badge").is_displayed()
    assert not files["1ace8c85aaee.dirty.txt"].find_elements("css selector", ".lost-badge")
    assert "kept " in files["1ace8c85aaee.dirty.txt"].find_element("css selector", ".kept").text
    real_page.find_element("id", "f-lost").click()
    shown = [p for p, d in _files(real_page).items() if d.is_displayed()]
    assert shown == ["lost.txt"]
    screenshot(real_page, "lost-filter")


def test_order_by_retention_puts_the_least_kept_first(real_page):
    from selenium.webdriver.support.select import Select

    Select(real_page.find_element("id", "f-order")).select_by_value("kept")
    order = [d.find_element("css selector", ".path").text for d in real_page.find_elements("css selector", "details.file")]
    assert order[0] == "lost.txt" and len(order) == 6


def test_long_removed_runs_fold_to_one_line_and_expand(real_page, screenshot):
    run = next(r for r in real_page.find_elements("css selector", ".rg.removed.folded"))
    assert re.search(r"\d+ lines removed", run.text)
    assert not run.find_element("css selector", ".fold-all").is_displayed()
    real_page.execute_script("arguments[0].scrollIntoView({block: 'center'})", run)
    run.find_element("css selector", ".fold-toggle").click()
    assert "folded" not in run.get_attribute("class")
    parts = run.find_elements("css selector", ".fold-all .part .badge")
    assert all(re.fullmatch(r"[a-z-]+ lines? \d+(\u2013\d+)?", p.text) for p in parts)
    assert real_page.find_element("id", "detail").is_displayed() is False  # the toggle opens no detail
    screenshot(real_page, "unfolded")


def test_detail_panel_sits_beside_the_text_and_blocks_nothing(real_page, screenshot):
    region = real_page.find_elements("css selector", ".rg:not(.removed)")[0]
    real_page.execute_script("arguments[0].scrollIntoView({block: 'center'})", region)
    region.click()
    detail = real_page.find_element("id", "detail")
    assert detail.is_displayed()
    assert region.rect["x"] + region.rect["width"] <= detail.rect["x"]
    text = real_page.find_element("css selector", "#files pre.text")
    assert text.rect["x"] + text.rect["width"] <= detail.rect["x"] + 1
    # Another change is still clickable while the panel is open.
    other = real_page.find_elements("css selector", ".rg:not(.removed)")[1]
    real_page.execute_script("arguments[0].scrollIntoView({block: 'center'})", other)
    other.click()
    assert "current" in other.get_attribute("class")
    screenshot(real_page, "detail")


def test_j_and_k_move_between_changes(real_page):
    from selenium.webdriver.common.action_chains import ActionChains

    ActionChains(real_page).send_keys("j").perform()
    first = real_page.execute_script("return document.querySelector('.rg.current').dataset.region")
    ActionChains(real_page).send_keys("j").perform()
    second = real_page.execute_script("return document.querySelector('.rg.current').dataset.region")
    ActionChains(real_page).send_keys("k").perform()
    back = real_page.execute_script("return document.querySelector('.rg.current').dataset.region")
    assert first != second and back == first
    assert real_page.find_element("id", "detail").is_displayed()


def test_rejecting_a_rule_writes_the_ignore_line(real_page):
    view = _files(real_page)["1ace8c85aaee.dirty.txt"]
    out = view.find_element("css selector", ".ignore-line")
    assert out.text == "All accepted: nothing to ignore."
    box = view.find_element("css selector", ".rule-choice input")
    rule = box.get_attribute("value")
    real_page.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
    box.click()
    assert out.text.splitlines()[:2] == ["[tool.textfix]", f'ignore = ["{rule}"]']
    view.find_element("css selector", ".accept-all").click()
    assert out.text == "All accepted: nothing to ignore."


def test_dimmed_changes_read_as_clean_text_without_gaps(opened):
    from selenium.webdriver.support.select import Select

    Select(opened.find_element("id", "f-rule")).select_by_value("demo-spin/tortured-phrase")
    text = _files(opened)["seeds/001.txt"].find_element("css selector", "pre.text").text
    assert "\u2423" not in text and "\u21b5" not in text

"""Retention: the share of words and prose lines a clean kept, and the "lost most of its prose" flag,
on the sample pages in fixtures/articles (real scraped pages with their article text)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import textfix
from textfix.cli import main
from textfix.edits import RecordedEdit
from textfix.retention import is_prose_line, result_retention, retention

ARTICLES = Path(__file__).resolve().parent.parent / "fixtures" / "articles"
PAGES = sorted(p.name[: -len(".dirty.txt")] for p in ARTICLES.glob("*.dirty.txt"))


def page(name: str) -> tuple[str, str]:
    return ((ARTICLES / f"{name}.dirty.txt").read_text(encoding="utf-8"),
            (ARTICLES / f"{name}.gold.txt").read_text(encoding="utf-8"))


def losing_the_article(dirty: str, gold: str) -> tuple[str, list]:
    """A clean that went wrong: every line of the page that belongs to the article is deleted."""
    article = {line.strip() for line in gold.splitlines() if line.strip()}
    kept, edits, pos = [], [], 0
    for line in dirty.splitlines(keepends=True):
        if line.strip() in article:
            edits.append(RecordedEdit("boilerplate", "outside-article", "", "safe", 1.0, line, "", pos, pos + len(line)))
        else:
            kept.append(line)
        pos += len(line)
    return "".join(kept), edits


@pytest.mark.parametrize("name", PAGES)
def test_the_real_clean_of_each_sample_page_keeps_its_prose(name):
    dirty, _ = page(name)
    kept = result_retention(textfix.clean(dirty))
    assert kept.prose_lines >= 5 and not kept.lost_prose
    assert 0.2 < kept.words < 1.0  # each page loses its menus and footers, not its article


@pytest.mark.parametrize("name", PAGES)
def test_a_clean_that_removes_the_article_is_flagged(name):
    dirty, gold = page(name)
    cleaned, edits = losing_the_article(dirty, gold)
    kept = retention(dirty, cleaned, edits)
    assert kept.lost_prose
    assert kept.prose <= 0.5 and kept.words < 0.8


def test_trailing_space_and_punctuation_edits_do_not_count_as_removed_lines():
    dirty, _ = page("1ace8c85aaee")
    spaced = "\n".join(line + "  " for line in dirty.split("\n"))
    result = textfix.clean(spaced, select=["whitespace", "punctuation"])
    assert result.edits and any(e.after == "" for e in result.edits)
    kept = result_retention(result)
    assert kept.prose_kept == kept.prose_lines and kept.words == 1.0


def test_prose_lines_are_sentences_not_menus_or_headlines():
    dirty, _ = page("06e5123e4ef7")
    prose = [line for line in dirty.splitlines() if is_prose_line(line)]
    assert prose and all(len(line.split()) >= 10 for line in prose)
    assert not any(is_prose_line(line) for line in ("Home News Tech Business Entertainment Sports Video",
                                                    "New York State Attorney General investigating WeWork and former CEO"))


def test_the_json_report_carries_kept_per_file_and_in_the_summary(tmp_path):
    dirty, _ = page("1ace8c85aaee")
    (tmp_path / "a.txt").write_text(dirty, encoding="utf-8")
    report = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["clean", "--check", "--report", str(report), str(tmp_path / "a.txt")])
    assert result.exit_code == 1, result.output
    data = json.loads(report.read_text(encoding="utf-8"))
    kept = data["files"][0]["kept"]
    assert kept["lost_prose"] is False and kept["prose_lines"] == 1.0 and 0.9 < kept["words"] < 1
    assert data["summary"]["kept"] == {"words": kept["words"], "lost_prose": []}


def test_the_summary_line_gives_words_kept():
    runner = CliRunner()
    with runner.isolated_filesystem():
        for name in PAGES[:2]:
            Path(f"{name}.txt").write_text(page(name)[0], encoding="utf-8")
        result = runner.invoke(main, ["clean", "--check", "."])
    assert result.exit_code == 1
    assert "% of words" in result.stderr.splitlines()[-1] and "lost most" not in result.stderr

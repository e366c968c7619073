"""Never losing the article: several articles in one text, clean bodies as input, and a body the
cleaner doubts (it keeps more and says so in the report and the summary)."""

from __future__ import annotations

import collections
import re
from pathlib import Path

import pytest

import textfix
from textfix.retention import RetentionTally, result_retention

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "fixtures" / "articles"
PAGES = ROOT / "fixtures" / "boilerplate"
ENGLISH = ["06e5123e4ef7", "0dd135704572", "1ace8c85aaee"]


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def shingles(text: str) -> collections.Counter:
    words = re.findall(r"\w+", text.lower())
    return collections.Counter(tuple(words[i : i + 4]) for i in range(len(words) - 3))


def recall(out: str, gold: str) -> float:
    g = shingles(gold)
    return sum((g & shingles(out)).values()) / sum(g.values())


def precision(out: str, gold: str) -> float:
    o = shingles(out)
    return sum((o & shingles(gold)).values()) / sum(o.values())


def boilerplate(text: str):
    return textfix.clean(text, select=["boilerplate"])


def test_a_text_holding_several_pages_keeps_each_article():
    page = "\n\n".join(read(ARTICLES / f"{name}.dirty.txt") for name in ENGLISH)
    out = boilerplate(page).text
    for name in ENGLISH:
        assert recall(out, read(ARTICLES / f"{name}.gold.txt")) > 0.9, name
    # ... and the site around them still goes.
    golds = "\n".join(read(ARTICLES / f"{name}.gold.txt") for name in ENGLISH)
    assert precision(out, golds) > 0.85


@pytest.mark.parametrize("name", ENGLISH)
def test_one_page_keeps_one_article_and_no_teaser_list(name):
    # Negative case of the several-articles rule: the lists of other stories' headlines and
    # teasers on a single page are not bodies of their own.
    result = boilerplate(read(ARTICLES / f"{name}.dirty.txt"))
    assert precision(result.text, read(ARTICLES / f"{name}.gold.txt")) > 0.9
    assert "warning" not in result.notes["boilerplate"]


@pytest.mark.parametrize("path", sorted(ARTICLES.glob("*.gold.txt")), ids=lambda p: p.name[:12])
def test_a_clean_body_as_input_keeps_its_prose(path):
    gold = read(path)
    out = boilerplate(gold).text
    sentences = [line for line in gold.splitlines() if len(line.split()) >= 8 and line.rstrip().endswith((".", "”", '"'))]
    assert sentences and all(line in out for line in sentences)
    assert boilerplate(out).text == out


def test_a_body_with_little_of_the_prose_keeps_more_and_says_so():
    # A meal plan: three paragraphs, then lists of dishes; the longest run of sentences is the
    # site's legal footer around its copyright line.
    text = read(PAGES / "5f03fc173ebc.dirty.txt")
    gold = read(PAGES / "5f03fc173ebc.gold.txt")
    result = textfix.clean(text)
    note = result.notes["boilerplate"]
    assert "prose" in note["warning"]
    assert recall(result.text, gold) > 0.8 and precision(result.text, gold) > 0.7
    kept = result_retention(result)
    assert kept.doubt == note["warning"] and kept.to_dict()["doubt"] == note["warning"]
    tally = RetentionTally()
    tally.add("page.txt", kept)
    assert "unsure article body" in tally.phrase() and "page.txt" in tally.phrase()
    assert textfix.clean(result.text).text == result.text


def test_an_article_with_a_few_comments_is_not_doubted():
    # Negative case: the article outweighs the comments, the comments go, no warning (nor in
    # the summary).
    gold = read(ARTICLES / "06e5123e4ef7.gold.txt")
    comment = "I read this twice and I still do not see why the board waited so long to act on it."
    text = gold + "\n\nLeave a Reply\n\n" + comment + "\n\nReply\n\n" + comment
    result = boilerplate(text)
    assert "warning" not in result.notes["boilerplate"]
    assert comment not in result.text
    tally = RetentionTally()
    tally.add("page.txt", result_retention(result))
    assert "unsure" not in tally.phrase()

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


# -- a text that already reads as a clean body --------------------------------------------------
# wcxb-4309: a question-and-answer thread, scraped (dirty) and as its readers keep it (gold). Its
# short lines (vote counts, code, "Output:") are what the position rules take for a menu.
THREAD = "wcxb-4309"
POSITION_RULES = {"outside-article", "navigation-run"}


def test_a_clean_thread_as_input_loses_no_line_for_its_position():
    gold = read(PAGES / f"{THREAD}.gold.txt")
    result = boilerplate(gold)
    assert result.notes["boilerplate"].get("reads_as_body") is True
    assert not {edit.rule for edit in result.edits} & POSITION_RULES
    code_lines = [line for line in gold.splitlines() if line.startswith(("print(", "return ", "async def "))]
    assert code_lines and all(line in result.text.splitlines() for line in code_lines)
    assert result.text == gold  # it has no listed line: it stays as it is


def test_the_same_thread_scraped_still_loses_its_menu():
    # Negative case: the page around the thread has its site's frame (a menu, cookie and
    # copyright lines): it does not read as a clean body, and the menu goes.
    dirty = read(PAGES / f"{THREAD}.dirty.txt")
    gold = read(PAGES / f"{THREAD}.gold.txt")
    result = boilerplate(dirty)
    assert "reads_as_body" not in result.notes["boilerplate"]
    assert {edit.rule for edit in result.edits} & POSITION_RULES
    menu = [line for line in dirty.splitlines()[:40] if line.strip() and len(line.split()) <= 2 and line not in gold]
    assert len(menu) >= 10 and not any(line in result.text.splitlines() for line in menu)
    assert precision(result.text, gold) > precision(dirty, gold) + 0.2


def frame_lines(text: str) -> list[str]:
    """The lines of ``text`` listed by a rule of a site's frame (cookie, share, menu lines ...)."""
    from textfix.boilerplate.lines import content_lines, layout, short_enough
    from textfix.boilerplate.tuning import PLAIN_FRAME_RULES

    return [line.text for line in content_lines(layout(text)) if line.rule() in PLAIN_FRAME_RULES and short_enough(line)]


def test_a_page_title_above_the_headline_is_no_clean_body():
    # Negative case: a scraped page with no frame line, but three lines before its prose (the
    # HTML title with the site's name, the headline, the byline): more than a clean body has
    # there, so the title line with the site's name still goes. Its gold body reads as one.
    name = "1ace8c85aaee"
    dirty = read(ARTICLES / f"{name}.dirty.txt")
    gold = read(ARTICLES / f"{name}.gold.txt")
    assert not frame_lines(dirty)
    result = boilerplate(dirty)
    assert "reads_as_body" not in result.notes["boilerplate"]
    site_title = dirty.splitlines()[0]
    assert site_title not in gold and site_title not in result.text
    assert boilerplate(gold).notes["boilerplate"].get("reads_as_body") is True


def test_a_frame_line_makes_a_clean_looking_text_a_page():
    # Negative case: one footer line of the scraped page (a cookie or privacy link) under the
    # clean thread: a site's frame, so the text is judged as a page again.
    gold = read(PAGES / f"{THREAD}.gold.txt")
    footer = frame_lines(read(PAGES / f"{THREAD}.dirty.txt"))[-1]
    assert not frame_lines(gold)
    result = boilerplate(gold + "\n\n" + footer + "\n")
    assert "reads_as_body" not in result.notes["boilerplate"]
    assert footer not in result.text


# -- a table is no breadcrumb trail ----------------------------------------------------------------
# wcxb-0157.gold.txt: an article whose ranking table was scraped as "1 | North Dakota | 82.0" rows;
# its header row "Rank | State | Score" has the shape of a "Home | Section | Title" trail.


def test_a_table_row_shaped_like_a_breadcrumb_stays_with_its_table():
    gold = read(PAGES / "wcxb-0157.gold.txt")
    rows = [line for line in gold.splitlines() if line.count(" | ") == 2]
    assert len(rows) > 20
    result = boilerplate(gold)
    assert "breadcrumb" not in {edit.rule for edit in result.edits}
    assert all(row in result.text.splitlines() for row in rows)
    # ... and the header row alone, with no row of the table under it, is a trail again.
    assert rows[0] not in boilerplate(rows[0] + "\n\n" + read(ARTICLES / "06e5123e4ef7.gold.txt")).text


@pytest.mark.parametrize("page", ["articles/0ec95c7261d1.dirty.txt", "boilerplate/5f03fc173ebc.dirty.txt"])
def test_a_breadcrumb_trail_alone_on_its_line_still_goes(page):
    # Negative case: a real trail has no neighbour with as many cells.
    result = boilerplate(read(ROOT / "fixtures" / page))
    trails = [edit.before.strip() for edit in result.edits if edit.rule == "breadcrumb" and edit.before.strip()]
    assert trails and not any(trail in result.text for trail in trails)


def thread_under(*lines: str) -> str:
    """The clean thread under some of its scraped page's own lines."""
    return "\n\n".join(lines) + "\n\n" + read(PAGES / f"{THREAD}.gold.txt")


def scraped_line(start: str) -> str:
    return next(line for line in read(PAGES / f"{THREAD}.dirty.txt").splitlines() if line.startswith(start))


def test_a_title_author_and_date_above_a_clean_thread_still_read_as_a_clean_body():
    # The date line is not counted: a post opens with its author and its date.
    title, author, asked = scraped_line("Understanding Python"), "Stack Overflow", scraped_line("asked ")
    text = thread_under(title, author, asked)
    result = boilerplate(text)
    assert result.notes["boilerplate"].get("reads_as_body") is True
    assert result.text == text


def test_a_title_repeated_above_a_clean_thread_is_no_clean_body():
    # Negative case: a clean body does not repeat its title: the copy goes.
    title = scraped_line("Understanding Python")
    result = boilerplate(thread_under(title, title))
    assert "reads_as_body" not in result.notes["boilerplate"]
    assert result.text.count(title) == 1


def test_a_frame_line_between_the_paragraphs_of_a_clean_body_goes_alone():
    # A newsletter prompt of the scraped page put between two paragraphs of its clean body:
    # it stands inside the body (a site's box, or the article's own sentence), so the text
    # still reads as a clean body; the prompt goes for what it is, and no line for its position.
    name = "0dd135704572"
    gold = read(ARTICLES / f"{name}.gold.txt")
    prompt = next(line for line in frame_lines(read(ARTICLES / f"{name}.dirty.txt")) if "subscribe" in line)
    paragraphs = gold.split("\n\n")  # after the second of its long opening paragraphs
    text = "\n\n".join([*paragraphs[:2], prompt, *paragraphs[2:]])
    result = boilerplate(text)
    assert result.notes["boilerplate"].get("reads_as_body") is True
    assert {edit.rule for edit in result.edits} == {"newsletter-line"}
    assert prompt not in result.text and result.text.split() == gold.split()


def test_a_frame_line_above_a_clean_body_makes_it_a_page():
    # Negative case: the same prompt above the title is the site's header, not the article's.
    name = "0dd135704572"
    gold = read(ARTICLES / f"{name}.gold.txt")
    prompt = next(line for line in frame_lines(read(ARTICLES / f"{name}.dirty.txt")) if "subscribe" in line)
    result = boilerplate(prompt + "\n\n" + gold)
    assert "reads_as_body" not in result.notes["boilerplate"]
    assert prompt not in result.text


# -- a doubted body on a page with hardly any frame ------------------------------------------------
# wcxb-0672.gold.txt: MDN's flexbox guide as its readers keep it: code samples, property lists and
# one-word lines ("Previous", "Next" of its own examples) around paragraphs. The body found holds
# a small share of its prose, so it is doubted; its short-line runs are its own.
GUIDE = "wcxb-0672"


def test_a_doubted_guide_with_hardly_any_frame_keeps_its_short_lines():
    gold = read(PAGES / f"{GUIDE}.gold.txt")
    result = boilerplate(gold)
    note = result.notes["boilerplate"]
    assert "prose" in note["warning"]
    assert not {edit.rule for edit in result.edits} & POSITION_RULES
    short = [line for line in gold.splitlines() if line.strip() and len(line.split()) <= 3]
    kept = set(result.text.splitlines())
    assert len(short) > 100 and sum(line in kept for line in short) > 0.95 * len(short)


def test_the_same_guide_in_a_sites_frame_loses_its_runs_again():
    # Negative case: the menu and footer lines of a scraped page around the guide make it a page
    # with a frame (over 1% of its lines): its runs of short link-text lines go as before.
    frame = frame_lines(read(PAGES / "5f03fc173ebc.dirty.txt"))
    text = "\n".join(frame[: len(frame) // 2]) + "\n\n" + read(PAGES / f"{GUIDE}.gold.txt") + "\n\n" + "\n".join(frame[len(frame) // 2 :]) + "\n"
    result = boilerplate(text)
    assert "prose" in result.notes["boilerplate"]["warning"]
    assert "navigation-run" in {edit.rule for edit in result.edits}


# -- a list of fields is no credit -----------------------------------------------------------------
# wcxb-4430-head.gold.txt: the opening of a laptop buying guide, whose specifications are
# "- Processor: ...", "- Graphics: ...", "- Memory: ..." lines.


def test_a_graphics_field_in_a_list_of_specifications_stays():
    text = read(PAGES / "wcxb-4430-head.gold.txt")
    fields = [line for line in text.splitlines() if line.startswith("- Graphics:")]
    assert fields
    result = boilerplate(text)
    assert "image-credit" not in {edit.rule for edit in result.edits}
    assert all(field in result.text.splitlines() for field in fields)
    # ... and alone under the same paragraphs, with no field beside it, it is a credit again.
    paragraphs = [line for line in text.splitlines() if len(line.split()) > 30]
    alone = boilerplate("\n\n".join([paragraphs[0], fields[0], *paragraphs[1:]]) + "\n")
    assert "image-credit" in {edit.rule for edit in alone.edits}


def test_an_image_credit_line_of_a_scraped_page_still_goes():
    # Negative case: "Image Credit: WeWork" has the shape of a field, but no field beside it.
    result = boilerplate(read(ARTICLES / "06e5123e4ef7.dirty.txt"))
    credits = [edit.before.strip() for edit in result.edits if edit.rule == "image-credit"]
    assert "Image Credit: WeWork" in credits and "Image Credit: WeWork" not in result.text


# -- readers' comments known by their stamps -------------------------------------------------------
# wcxb-4456: a blog post whose readers' comments follow it under no heading, each signed with a
# name, a date and a time of day ("Amy September 11, 2008 at 2:06 PM").
POST = "wcxb-4456"


def test_comments_signed_with_stamps_go_after_the_post():
    dirty = read(PAGES / f"{POST}.dirty.txt")
    gold = read(PAGES / f"{POST}.gold.txt")
    result = boilerplate(dirty)
    stamp = "Amy September 11, 2008 at 2:06 PM"
    assert stamp in dirty and stamp not in result.text
    comment = next(line for line in dirty.splitlines()[dirty.splitlines().index(stamp) + 1 :] if len(line.split()) > 8)
    assert comment not in result.text
    assert recall(result.text, gold) > 0.95 and precision(result.text, gold) > 0.9
    assert boilerplate(result.text).text == result.text


def test_stamped_comments_under_a_comment_heading_are_no_further_article():
    # wcxb-4449: a short post of craft links, then a listed "Comments" heading and more comment
    # prose than post, each comment signed "Sheri says" / "July 31, 2018 at 2:41 pm". The
    # stamped comments are no further article, nor counted in the page's prose (the post is no
    # doubted body, so the lines around it still go for their position).
    dirty = read(PAGES / "wcxb-4449.dirty.txt")
    gold = read(PAGES / "wcxb-4449.gold.txt")
    result = boilerplate(dirty)
    assert "warning" not in result.notes["boilerplate"]
    assert "July 31, 2018 at 2:41 pm" not in result.text
    assert recall(result.text, gold) > 0.6 and precision(result.text, gold) > 0.6  # before: 0.14
    assert boilerplate(result.text).text == result.text


def test_a_text_of_several_pages_keeps_the_articles_after_a_comment_section():
    # The stamped comments end the first page's post, not the text: the next page's article,
    # and each copy of the same page, is another body below them.
    post = read(PAGES / f"{POST}.dirty.txt")
    post_gold = read(PAGES / f"{POST}.gold.txt")
    other = "06e5123e4ef7"
    out = boilerplate(post + "\n\n" + read(ARTICLES / f"{other}.dirty.txt")).text
    assert recall(out, post_gold) > 0.95 and recall(out, read(ARTICLES / f"{other}.gold.txt")) > 0.9
    assert "Amy September 11, 2008 at 2:06 PM" not in out
    copies = boilerplate("\n\n".join([post] * 3)).text
    opening = post_gold.split("\n\n")[2].strip()
    assert len(opening.split()) > 20 and copies.count(opening) == 3


def test_two_stamps_are_no_comment_section():
    # Negative case: one or two stamped lines (an article's own dateline, a quoted message) do
    # not open a section: the prose after them stays.
    gold = read(PAGES / f"{POST}.gold.txt")
    dirty = read(PAGES / f"{POST}.dirty.txt")
    stamps = [line for line in dirty.splitlines() if line.endswith(("AM", "PM")) and " at " in line][:2]
    paragraphs = gold.split("\n\n")
    text = "\n\n".join([paragraphs[0], stamps[0], *paragraphs[1:-1], stamps[1], paragraphs[-1]]) + "\n"
    result = boilerplate(text)
    assert all(paragraph.strip() in result.text for paragraph in paragraphs if paragraph.strip())


# -- a sentence that mentions a newsletter word is no prompt ---------------------------------------
# wcxb-2859-handlers.gold.txt: the Python logging guide's list of handlers, sentences one and all.


def test_a_sentence_mentioning_an_email_address_between_sentences_stays():
    text = read(PAGES / "wcxb-2859-handlers.gold.txt")
    sentence = next(line for line in text.splitlines() if "email address" in line)
    result = boilerplate(text)
    assert sentence in result.text.splitlines() and result.text == text


def test_a_newsletter_prompt_between_paragraphs_still_goes():
    # Negative case: a real prompt of a scraped page put between the same sentences is a short
    # imperative line, no sentence of the article: it goes.
    name = "0dd135704572"
    prompt = next(line for line in frame_lines(read(ARTICLES / f"{name}.dirty.txt")) if "subscribe" in line)
    lines = read(PAGES / "wcxb-2859-handlers.gold.txt").splitlines()
    middle = len(lines) // 2
    result = boilerplate("\n".join([*lines[:middle], prompt, *lines[middle:]]) + "\n")
    assert prompt not in result.text

"""Every run a fixpoint: the page's script and language are decided once from the original text,
and a template in another script goes in one round, not one line per round."""

from __future__ import annotations

from pathlib import Path

import pytest

import textfix
from textfix.cleaner import Document
from textfix.cleaners.boilerplate import BoilerplateCleaner
from textfix.text import TextLayer

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "fixtures" / "articles"
CYRILLIC_MENU = (
    "Americans received robocalls and automated voicemails so far this of 2018\n"
    "Гардероб\nНовости\nЗдоровье\nБьюти-гид\nСекреты звезд\nДиеты спорт\nСтиль"
)


def test_a_menu_in_another_script_goes_in_one_round_and_a_second_run_changes_nothing():
    result = textfix.clean(CYRILLIC_MENU)
    assert result.text == "Americans received robocalls and automated voicemails so far this of 2018\n"
    assert {edit.rule for edit in result.edits} == {"foreign-template-line"}
    assert {edit.round for edit in result.edits} == {1}
    assert textfix.clean(result.text).text == result.text


def test_a_line_in_another_script_between_latin_lines_stays():
    # Negative case: only the run at an edge of a snippet is a template; a line in the middle
    # (a quoted name, a caption) is the text's.
    text = "Americans received robocalls this year\nГардероб\nand automated voicemails so far in 2018"
    assert textfix.clean(text, select=["boilerplate"]).text == text


def test_a_long_quotation_in_another_script_stays():
    text = (CYRILLIC_MENU.split("\n")[0] + ", most of them from numbers that looked local and were not.\n"
            + "Это длинная цитата из статьи о звонках роботов, которые получили американцы в этом году")
    assert textfix.clean(text, select=["boilerplate"]).text == text


def test_the_language_comes_from_the_original_not_from_the_round():
    # A later round sees less of the page; the language its prose is judged in stays the one
    # the original's sentences name.
    page = (ARTICLES / "21486419bb10.dirty.txt").read_text(encoding="utf-8")
    doc = Document(page)
    assert doc.prose_language == TextLayer(page).prose_language == "id"
    later = "\n".join(line for line in page.splitlines() if line.isascii())  # the English menus and quotes
    list(BoilerplateCleaner().find_edits(later, doc))
    assert doc.notes["boilerplate"]["language"] == "id"
    assert doc.prose_language == "id"


@pytest.mark.parametrize("path", sorted(ARTICLES.glob("*.dirty.txt")) + sorted((ROOT / "fixtures" / "boilerplate").glob("*.txt")),
                         ids=lambda p: p.name[:16])
def test_a_second_run_changes_nothing(path):
    out = textfix.clean(path.read_text(encoding="utf-8")).text
    assert textfix.clean(out).text == out

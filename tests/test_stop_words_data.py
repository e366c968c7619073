"""The shipped stop-word file says what the stopwordsiso package says."""

from __future__ import annotations

import gzip
from pathlib import Path

import stopwordsiso

import textfix
from textfix.text.stopwords import DATA_FILE, stop_word_groups, stop_words, table_lines

SHIPPED = Path(textfix.__file__).parent / "data" / DATA_FILE


def package_lists() -> dict[str, set[str]]:
    return {code: stopwordsiso.stopwords(code) for code in sorted(stopwordsiso.langs())}


def test_shipped_stop_words_are_up_to_date_with_the_package():
    rows = [r for r in gzip.decompress(SHIPPED.read_bytes()).decode("utf-8").splitlines() if not r.startswith("#")]
    assert rows == table_lines(package_lists()), f"{DATA_FILE} is out of date: run python tools/build_stop_words.py"


def test_every_language_gets_the_package_list_lower_cased():
    for code, words in package_lists().items():
        assert stop_words(code) == {w.lower() for w in words}, code
    assert stop_words("xx") == frozenset()


def test_each_word_is_read_with_the_languages_of_its_row():
    groups, group_of = stop_word_groups()
    rows = [r for r in gzip.decompress(SHIPPED.read_bytes()).decode("utf-8").splitlines() if not r.startswith("#")]
    by_row = {word: row.split("\t")[0] for row in rows for word in row.split("\t")[1:]}
    assert {word: " ".join(groups[group_of[word]]) for word in group_of} == by_row
    assert len(by_row) == sum(len(row.split("\t")) - 1 for row in rows)  # each word in one row
    assert len(set(groups)) == len(groups) < len(group_of)


def test_a_changed_list_changes_the_rows():
    lists = package_lists()
    shipped = table_lines(lists)
    lists["en"] = set(lists["en"]) - {"the"}
    assert table_lines(lists) != shipped
    groups, group_of = stop_word_groups()
    assert "the" in group_of and "en" in groups[group_of["the"]]

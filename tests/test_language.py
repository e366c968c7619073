"""Language identification: the script test and the stop-word vote agree with langdetect, and
stay silent where they cannot be sure."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from textfix import language
from textfix.language import detect_language, language_by_script, language_by_stop_words

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "fixtures" / "articles"
TEXTS = sorted(ARTICLES.glob("*.txt")) + sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))
TEXTS += sorted((ROOT / "fixtures" / "spin").glob("clean_*.txt"))
INDEX = {row["name"]: row["lang"] for row in csv.DictReader(open(ARTICLES / "index.tsv", encoding="utf-8"), delimiter="\t")}


def langdetect_alone(text: str) -> str:
    """What detect_language answered before the fast tests: langdetect on 20,000 characters."""
    sample = text[:20_000]
    if sum(ch.isalpha() for ch in sample[:2000]) < 20:
        return "unknown"
    return language._langdetect(sample)


def fast(text: str) -> str | None:
    sample = text[: language._SAMPLE]
    return language_by_script(sample) or language_by_stop_words(sample)


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name[:16])
def test_same_answer_as_langdetect_on_whole_pages(path):
    text = path.read_text(encoding="utf-8")
    assert detect_language(text) == langdetect_alone(text)


@pytest.mark.parametrize("path", sorted(ARTICLES.glob("*.gold.txt")), ids=lambda p: p.name[:12])
def test_article_bodies_are_in_their_listed_language(path):
    assert detect_language(path.read_text(encoding="utf-8")) == INDEX[path.name.split(".")[0]]


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name[:16])
def test_fast_answers_agree_with_langdetect_on_pieces_of_pages(path):
    text = path.read_text(encoding="utf-8")
    for size in (300, 1000, 3000):
        for start in range(0, max(1, len(text) - size), max(size, len(text) // 4)):
            piece = text[start : start + size]
            answer = fast(piece)
            if answer is not None:
                assert answer == langdetect_alone(piece), (start, size)


@pytest.mark.parametrize(
    "text, code",
    [
        ("정덕현 칼럼니스트는 드라마가 시청자의 마음을 움직였다고 말했다.", "ko"),
        ("東京は日本の首都で、多くの人がここで働いています。", "ja"),
        ("Η Αθήνα είναι η πρωτεύουσα της Ελλάδας και η μεγαλύτερη πόλη της χώρας.", "el"),
        ("กรุงเทพมหานครเป็นเมืองหลวงของประเทศไทยและเป็นเมืองที่ใหญ่ที่สุด", "th"),
        ("ירושלים היא בירת ישראל והעיר הגדולה ביותר במדינה.", "he"),
    ],
)
def test_a_script_used_by_one_language_names_it(text, code):
    assert language_by_script(text) == code
    assert detect_language(text) == code == language._langdetect(text)


@pytest.mark.parametrize(
    "text",
    [
        "北京是中华人民共和国的首都，也是全国的政治和文化中心。",  # Chinese or kanji-only Japanese: langdetect decides
        "Der Bundestag hat am Donnerstag ein neues Gesetz beschlossen.",  # Latin script names no language
        "정덕현 칼럼니스트 thekian1@entermedia.co.kr Facebook Twitter Instagram YouTube News",  # mostly Latin
    ],
)
def test_no_script_answer_when_the_script_is_shared_or_mixed(text):
    assert language_by_script(text) is None


def test_stop_words_name_a_language_with_a_clear_majority():
    german = (
        "Der Bundestag hat am Donnerstag ein neues Gesetz beschlossen, das die Mieten in den großen "
        "Städten begrenzen soll. Die Opposition kritisierte, dass es nicht weit genug gehe und dass "
        "die Regierung schon vor Jahren hätte handeln müssen, als die Preise zu steigen begannen."
    )
    assert language_by_stop_words(german) == "de" == detect_language(german)


def test_stop_words_abstain_on_mixed_text():
    # An Indonesian blog's comment form in English, as WordPress renders it.
    mixed = (
        "Tinggalkan Balasan Batalkan balasan\n\nKetikkan komentar di sini...\n\n"
        "Please log in using one of these methods to post your comment:\n\n"
        "Surel (wajib) (Alamat takkan pernah dipublikasikan)\nNama (wajib)\nSitus Web\n\n"
        "You are commenting using your WordPress.com account. ( Logout / Ubah)\n\n"
        "You are commenting using your Google account. ( Logout / Ubah)\n\n"
        "You are commenting using your Twitter account. ( Logout / Ubah)\n\n"
        "Batal\n\nConnecting to %s\n\nBeri tahu saya komentar baru melalui surel.\n"
    )
    assert language_by_stop_words(mixed) is None
    assert detect_language(mixed) == langdetect_alone(mixed)


@pytest.mark.parametrize(
    "text",
    [
        "The study was small.",  # too few stop words to vote
        "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30",  # no words
        "Ketamine Depression FDA Esketamine Spravato Janssen Johnson Psychiatry Journal Study",  # names only
    ],
)
def test_stop_words_abstain_without_enough_function_words(text):
    assert language_by_stop_words(text) is None


@pytest.mark.parametrize("text", ["", "hello", "12:30 — 14:00 | 5/5", "© 2019 ABC"])
def test_too_few_letters_is_unknown(text):
    assert detect_language(text) == "unknown"


# -- the quick paths answer as the plain definitions do ---------------------------------------

ALL_CHARACTERS = "".join(map(chr, range(0x110000)))


def vote_by_every_word(sample: str) -> str | None:
    """language_by_stop_words the plain way: every token looked up, with regex's WORD."""
    import collections

    tokens = language.WORD.findall(sample.lower())
    groups, group_of = language._stop_word_groups()
    votes = collections.Counter()
    for token in tokens:
        for code in groups[group_of[token]] if token in group_of else ():
            votes[code] += 1
    if not votes:
        return None
    top, count = votes.most_common(1)[0]
    if count < language.VOTE_MIN_HITS or count < language.VOTE_MIN_SHARE * len(tokens):
        return None
    against = collections.Counter()
    for token in tokens:
        codes = groups[group_of[token]] if token in group_of else ()
        if top not in codes:
            for code in codes:
                against[code] += 1
    if against and against.most_common(1)[0][1] > language.VOTE_AGAINST * count:
        return None
    return top


def test_letter_words_are_regex_words_for_every_character():
    bmp = ALL_CHARACTERS[:0x10000]
    for text in ("".join(f"a{ch}b " for ch in bmp), "".join(f"{ch}{ch} {ch}1{ch}_{ch}" for ch in bmp)):
        assert language.letter_words(text) == language.WORD.findall(text)
    beyond = "".join(f"a{ch}b " for ch in ALL_CHARACTERS[0x10000::97])
    assert language.letter_words(beyond) == language.WORD.findall(beyond)


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name[:16])
def test_stop_word_vote_answers_as_counting_every_word(path):
    text = path.read_text(encoding="utf-8")
    pieces = [text[: language._SAMPLE]]
    for size in (200, 1000, 3000):
        pieces += [text[start : start + size] for start in range(0, max(1, len(text) - size), max(size, len(text) // 5))]
    for piece in pieces:
        assert language_by_stop_words(piece) == vote_by_every_word(piece)


def test_stop_word_vote_breaks_ties_by_the_language_seen_first():
    # "will" and "also" are on the German and the English list, "among" only on the English one,
    # "nichts" only on the German one: a tie, which the language seen first wins.
    shared = "will also " * 12
    assert language_by_stop_words("among " + shared + "nichts") == "en" == vote_by_every_word("among " + shared + "nichts")
    assert language_by_stop_words("nichts " + shared + "among") == "de" == vote_by_every_word("nichts " + shared + "among")
    # Seen first in a word both lists have, the languages tie in their alphabetical order.
    assert language_by_stop_words(shared + "among nichts") == "de" == vote_by_every_word(shared + "among nichts")


@pytest.mark.parametrize("text", ["", "a" * 19, "ä" * 19 + "1", "ä" * 20, "a" * 10 + "ж" * 10, "1 " * 2000 + "a" * 30])
def test_the_letter_threshold_counts_every_letter(text):
    """ASCII letters are counted first; the others count too when there are too few of them."""
    few = sum(map(str.isalpha, text[:2000])) < 20
    assert detect_language(text) == ("unknown" if few else langdetect_alone(text))


def test_langdetect_is_used_without_touching_its_globals():
    """Our factory is our own instance, seeded through its public API: langdetect's module-level
    factory and class seed stay as they were, and the garbage collector is not frozen."""
    import gc

    from langdetect import detector_factory

    before = (detector_factory._factory, detector_factory.DetectorFactory.seed, gc.get_freeze_count())
    language._factory.cache_clear()
    piece = "Der Hund und die Katze schlafen, aber das Wetter ist heute schön."
    answers = {language._langdetect(piece) for _ in range(3)}
    assert answers == {"de"}
    assert (detector_factory._factory, detector_factory.DetectorFactory.seed, gc.get_freeze_count()) == before

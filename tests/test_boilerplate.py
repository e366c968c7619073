"""The boilerplate cleaner on real pages (seeds and benchmark excerpts) and on negative cases."""

from __future__ import annotations

import collections
import json
import re
from pathlib import Path

import pytest

import textfix
from textfix.boilerplate.patterns import load_patterns, match_line
from textfix.cleaner import Document
from textfix.cleaners.boilerplate import BoilerplateCleaner

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fixtures" / "seeds"
ARTICLES = ROOT / "fixtures" / "articles"
CASES = "boilerplate.json"  # run by conftest's check_case, once per case
CASE_LIST = json.loads((Path(__file__).parent / "cases" / CASES).read_text(encoding="utf-8"))


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def boilerplate(text: str, **kwargs):
    return textfix.clean(text, select=["boilerplate"], **kwargs)


def paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if len(line.split()) >= 8]


def shingles(text: str) -> collections.Counter:
    words = re.findall(r"\w+", text.lower())
    return collections.Counter(tuple(words[i : i + 4]) for i in range(len(words) - 3))


# -- seeds --------------------------------------------------------------------------------


def test_seed_000_loses_the_template_line_breadcrumb_and_source_link():
    text = read(SEEDS / "000_5c5e9be3cb0dcb2b.txt")
    result = boilerplate(text)
    rules = {e.rule for e in result.edits}
    assert rules == {"foreign-template-line", "breadcrumb", "source-link"}
    # each removed line is reported on its own line of the original
    lines = text.splitlines()
    for edit in result.edits:
        if edit.original.strip():
            assert lines[edit.line - 1].startswith(edit.original.strip()[:20])
    out = result.text
    assert "قالب" not in out and "Home / Health" not in out and "Source link" not in out
    title = "Ketamine can relieve depression by acting like an opioid, study suggests"
    assert out.startswith(title + "\n") and out.count(title) == 1
    for paragraph in paragraphs(text):
        if not paragraph.startswith("Home /"):
            assert paragraph in out


def test_the_report_says_where_the_body_was_found():
    text = read(SEEDS / "000_5c5e9be3cb0dcb2b.txt")
    assert textfix.clean(text).notes["boilerplate"] == {"body_lines": [8, 22], "language": "en"}
    assert "boilerplate" not in textfix.clean("Share this:\nhello there\n").notes


def test_seed_001_loses_the_prompts_and_keeps_every_paragraph():
    text = read(SEEDS / "001_179fa0ad90426d34.txt")
    result = boilerplate(text)
    out = result.text
    for gone in ("Please follow and like us:", "More Great WIRED Stories", "Read more: https://",
                 "Leave a Reply", "%d bloggers like this:"):
        assert gone not in out
    assert out.startswith("What if Ketamine Actually Works Like an Opioid?\n\nFew drugs")
    assert out.rstrip().endswith("to the list of ketamine ’ s tasks.")
    for paragraph in paragraphs(text):
        assert paragraph in out
    # Lines removed per rule (adjacent lines removed by one rule are one edit).
    by_rule = collections.Counter()
    for edit in result.edits:
        by_rule[edit.rule] += sum(1 for line in edit.original.splitlines() if line.strip())
    assert by_rule == {"share-prompt": 2, "comment-prompt": 2, "related-block": 1, "source-link": 1}
    comments = [edit for edit in result.edits if edit.rule == "comment-prompt"]
    assert len(comments) == 1 and "Leave a Reply" in comments[0].original and "bloggers" in comments[0].original


def test_listed_removals_are_confident_and_context_removals_less_so():
    page = read(ARTICLES / "06e5123e4ef7.dirty.txt")
    edits = boilerplate(page).edits
    listed = [e for e in edits if e.rule not in ("outside-article", "navigation-run")]
    context = [e for e in edits if e.rule in ("outside-article", "navigation-run")]
    assert listed and context
    assert all(e.confidence >= 0.9 for e in listed)
    assert all(e.confidence < 0.9 for e in context)
    assert all(e.safety == textfix.SAFE for e in edits)


def test_a_rule_can_be_ignored():
    text = read(SEEDS / "001_179fa0ad90426d34.txt")
    out = boilerplate(text, ignore=["share-prompt"]).text
    assert out.count("Please follow and like us:") == 2
    assert "Leave a Reply" not in out


# -- benchmark excerpts --------------------------------------------------------------------


@pytest.mark.parametrize("dirty", sorted(ARTICLES.glob("*.dirty.txt")), ids=lambda p: p.name[:12])
def test_real_page_keeps_the_article_and_drops_most_of_the_site(dirty):
    gold = read(dirty.with_name(dirty.name.replace(".dirty.", ".gold.")))
    out = textfix.clean(read(dirty)).text
    o, g = shingles(out), shingles(gold)
    overlap = sum((o & g).values())
    assert overlap / sum(g.values()) >= 0.95  # recall: article text survives
    assert overlap / sum(o.values()) >= 0.9  # precision: little of the site is left


def test_share_block_of_a_wordpress_page_goes():
    out = textfix.clean(read(ARTICLES / "0dd135704572.dirty.txt")).text
    for gone in ("Share this:", "Like this:", "Like Loading...", "\nPrint\n", "\nWhatsApp\n"):
        assert gone not in out


# -- cases and properties --------------------------------------------------------------------


def test_case(case, check_case):
    check_case(case, "boilerplate")


def all_texts():
    yield from sorted(SEEDS.glob("*.txt"))
    yield from sorted(ARTICLES.glob("*.dirty.txt"))


@pytest.mark.parametrize("path", list(all_texts()), ids=lambda p: p.name[:12])
def test_cleaning_is_idempotent(path):
    once = textfix.clean(read(path)).text
    assert textfix.clean(once).text == once
    assert list(BoilerplateCleaner().find_edits(once, Document(once))) == []


def test_case_texts_are_idempotent_through_the_whole_pipeline():
    for case in CASE_LIST:
        once = textfix.clean(case["input"]).text
        assert textfix.clean(once).text == once, case["note"]


class NoLanguage(Document):
    @property
    def language(self):
        raise AssertionError("language detection is too slow for a snippet")


@pytest.mark.parametrize("text", ["hello\n", "Share this:\nhello there\n", "A title\n\nOne sentence of text here.\n"])
def test_short_text_never_detects_the_language(text):
    list(BoilerplateCleaner().find_edits(text, NoLanguage(text)))


@pytest.mark.parametrize("name, language", [("21486419bb10", "id"), ("06e5123e4ef7", "en")])
def test_the_stop_words_are_those_of_the_pages_prose(name, language):
    # The Indonesian page opens with English menus and quotes, enough to make the vote over the
    # page's start give up (then langdetect decides); its sentences settle it on their own.
    page = read(ARTICLES / f"{name}.dirty.txt")
    doc = NoLanguage(page)
    assert list(BoilerplateCleaner().find_edits(page, doc))
    assert doc.prose_language == language and doc.notes["boilerplate"]["language"] == language
    result = textfix.clean(page)
    assert result.notes["boilerplate"]["language"] == language


def test_a_page_without_enough_function_words_falls_back_to_the_document_language():
    # Japanese sentences have no spaces, so no stop words to count: the document's language decides.
    page = "ニュース\nホーム\n" + "\n".join("東京で新しい研究が発表され、多くの人がその結果に注目した。" for _ in range(8))
    doc = Document(page)
    list(BoilerplateCleaner().find_edits(page, doc))
    assert doc.prose_language is None and doc.notes["boilerplate"]["language"] == "ja"


def test_every_listed_rule_is_declared():
    assert {p.rule for p in load_patterns()} <= set(BoilerplateCleaner.rules)


@pytest.mark.parametrize(
    "line, rule",
    [
        ("Please follow and like us:", "share-prompt"),
        ("Share this:", "share-prompt"),
        ("Like Loading...", "share-prompt"),
        ("Follow Newsbeat on Instagram, Facebook, Twitter and YouTube.", "share-prompt"),
        ("Facebook", "share-prompt"),
        ("Source link", "source-link"),
        ("Read more: https://www.wired.com/story/ketamine-opioid/", "source-link"),
        ("Leave a Reply", "comment-prompt"),
        ("%d bloggers like this:", "comment-prompt"),
        ("[ 167 comments ]", "comment-prompt"),
        ("More Great WIRED Stories", "related-block"),
        ("Most Read", "related-block"),
        ("Home / Health / Ketamine can relieve depression", "breadcrumb"),
        ("News / Science / Ketamine can relieve depression, 2019 study finds", "breadcrumb"),
        ("Sport | Football | Premier League", "breadcrumb"),
        ("Image copyright Getty Images", "image-credit"),
        ("Sanjeev Verma/Hindustan Times/Getty Images", "image-credit"),
        ("Copyright ©2019 Dow Jones & Company, Inc. All Rights Reserved.", "copyright-line"),
        ("Advertisement", "advert-marker"),
        ("Continue reading the main story", "advert-marker"),
        ("Sign up for our daily newsletter", "newsletter-line"),
        ("We use cookies to improve your experience on our site.", "cookie-notice"),
        ("Join our Space Forums to keep talking space on the latest missions!", "newsletter-line"),
        ("About Ascom", "author-bio"),
        ("Sobre Carlos Nadalim", "author-bio"),
        ("Follow RT on", "share-prompt"),
        ("Related: The 15 Weirdest Galaxies in Our Universe", "related-block"),
        ("Protesters have worn masks to protect their identities (Image: GETTY )", "image-credit"),
        ('[button link="http://example.org/submit/" type="big"] Send us your review[/button]', "markup-line"),
        ('<script type="text/javascript" src="http://example.org/player.js"></script>', "markup-line"),
    ],
)
def test_listed_line(line, rule):
    assert match_line(line).rule == rule


@pytest.mark.parametrize(
    "line",
    [
        "Share prices fell sharply on Monday.",
        "Facebook said on Tuesday it would appeal.",
        "The source of the leak was never found.",
        "Related parties must disclose the deal.",
        "Home prices rose for a fifth month.",
        "She bakes cookies every Sunday.",
        "Print journalism is not dead, he said.",
        "Search for survivors went on all night as rescuers dug through the rubble.",
        "About the study",
        "About 200 people came to the meeting.",
        "Here are some of the highlights:",
        "Users can subscribe to the service for five dollars a month.",
        "<The Palace: Jang Noksu>",
        # Table rows and spec lines: cells with figures, prices or commas are data, not a trail.
        "Basic plan | $12 a month | 2 users | Email support",
        "Weight: 1.2 kg | Battery: 10 hours | Screen: 14 inches",
        "Tool A | Yes | Fast, but the setup was awkward | No | Under a minute",
        "The committee reviewed the wording of the draft / the budget tables in the annex / appendices",
    ],
)
def test_prose_is_not_listed(line):
    assert match_line(line) is None


def test_about_us_is_a_footer_link_not_a_bio_heading():
    assert match_line("About Us").rule == "cookie-notice"


def _first_listed_pattern(line: str):
    """match_line the slow, obvious way: strip with the expressions, try every pattern in order."""
    from textfix.boilerplate.patterns import ENCLOSED, LEADING, TRAILING

    stripped = TRAILING.sub("", LEADING.sub("", line))
    enclosed = ENCLOSED.fullmatch(stripped)
    if enclosed:
        stripped = next(group for group in enclosed.groups() if group is not None)
    if not stripped or len(stripped) > 400:
        return None
    return next((p for p in load_patterns() if p.expression.fullmatch(stripped)), None)


def _all_fixture_lines() -> list[str]:
    lines = {line for path in all_texts() for line in read(path).splitlines()}
    lines |= {line for case in CASE_LIST for line in case["input"].splitlines()}
    # Letters that fold to ASCII ones under case-insensitive matching, and odd white space.
    lines |= {"ſhare this", "Photo: ſhutterstock", "\u2003» Related \u00a0", "\x85Share this\u2028", "— Advertisement —"}
    # Capitals outside ASCII, and letters whose lower case is not what they fold to.
    lines |= {"ПОДЕЛИТЬСЯ", "ÉCRIT PAR LA RÉDACTION", "LEIA TAMBÉM:", "Ⓒ 2019 ÜBER UNS", "ΣΧΌΛΙΑ (3)", "ſource link",
              "Foto: ΑΠΕ-ΜΠΕ / µ", "Share ΤΗΙΣ", "KOMENTAR (12)", "ÅLL RIGHTS RESERVED", "Ⓒ COPYRIGHT 2019",
              "xyz | ſhutterstock", "Sign up for our newſletter today", "the ſite uses cookies to improve your experience"}
    return sorted(lines)


def test_match_line_answers_as_trying_every_pattern_in_order():
    lines = _all_fixture_lines()
    assert sum(_first_listed_pattern(line) is not None for line in lines) > 50
    for line in lines:
        assert match_line(line) is _first_listed_pattern(line), line


def test_script_answers_as_naming_every_letter():
    from textfix.text.scripts import _script_of, script

    def letter_by_letter(text):
        counts = collections.Counter(_script_of(ch) for ch in text if ch.isalpha())
        return counts.most_common(1)[0][0] if sum(counts.values()) >= 3 else None

    texts = _all_fixture_lines() + ["Ελλάδα and Αθήνα", "ab 가나 cd", "“Quoted” — dashes…", "日本 and ab"]
    for text in texts:
        assert script(text) == letter_by_letter(text), text


def test_required_strings_and_lengths_hold_for_every_line_the_pattern_lists():
    from textfix.boilerplate.patterns import CASED_NON_ASCII, max_length, required_strings

    # Lower-casing stands in for case-insensitive matching only without cased non-ASCII letters:
    # "ſhare" is a share prompt that does not contain "share". match_line tests all patterns there.
    assert match_line("ſhare this").rule == "share-prompt" and CASED_NON_ASCII.search("ſhare")
    lines = [line for line in _all_fixture_lines() if not CASED_NON_ASCII.search(line)]
    tested = 0
    for pattern in load_patterns():
        sets = required_strings(pattern.expression.pattern)
        longest = max_length(pattern.expression.pattern)
        for line in lines:
            if pattern.expression.search(line):
                found = pattern.expression.search(line).group()
                assert longest is None or len(found) <= longest, (pattern.rule, line)
                for strings in sets:
                    tested += 1
                    assert any(s in found.lower() for s in strings), (pattern.rule, line, strings)
    assert tested > 100


# -- line features: the quick paths answer as the plain definitions do -------------------------

import random  # noqa: E402

import regex  # noqa: E402

from textfix.text import scripts, sentences, tokens  # noqa: E402

# The plain definitions the quick paths in textfix/text/ replace, kept here to compare against.
REF_WORD = regex.compile(r"\w+")
REF_UNSPACED = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}]")
REF_SENTENCE_END = regex.compile(r"[.!?…。！？:;][\"'”’»)\]]*\s*$")
REF_SENTENCE_INSIDE = regex.compile(r"[\p{Ll}\d]{3}[.!?。][\"'”’»)]*\s+\p{Lu}")


def ref_words(line):
    return [word.lower() for word in REF_WORD.findall(line)]


def ref_word_count(line):
    tokens = ref_words(line)
    unspaced = len(REF_UNSPACED.findall(line))
    if not unspaced:
        return len(tokens)
    return sum(1 for t in tokens if not REF_UNSPACED.search(t)) + (unspaced + 1) // 2


def ref_long_word_initials(line):
    return [w[0] for w in REF_WORD.findall(line) if len(w) >= 3 and w[0].isalpha()]


def ref_headline_case(line):
    initials = ref_long_word_initials(line)
    return len(initials) >= 3 and sum(ch.isupper() for ch in initials) >= 0.8 * len(initials)


def ref_script(text, sample=4000):
    counts = collections.Counter(scripts._script_of(ch) for ch in text[:sample] if ch.isalpha())
    return counts.most_common(1)[0][0] if sum(counts.values()) >= 3 else None


ALL_CHARACTERS = "".join(map(chr, range(0x110000)))
BMP = ALL_CHARACTERS[:0x10000]

TRICKY_LINES = [
    "", " ", "\t\n", "a", "ab.", "It ends.\x1c", "It ends.\x1d\x1e\x1f", "word\x1fword\x1cword", "end.\x1cNext one",
    "Café au lait. Ça va", "e\u0301cole e\u0301te\u0301. E\u0301cole", "नमस्ते दुनिया। यह एक वाक्य है", "ผมชอบภาษาไทย มาก",
    "東京は日本の首都です。次の文", "東京 Tokyo 日本 Japan", "ｶﾀｶﾅ ＡＢＣ ａｂｃ", "İstanbul İzmir Ankara", "İİİ iii", "DİYARBAKIR",
    "ſhare this ſtory", "ſoft ſilk ſails", "x² y³ ¹²³abc km² ½ cup", "H₂O and CO₂ levels", "end.\xa0", "a\xa0b\xa0c. D",
    "line.\u2028", "abc.\u2028Def", "abc.\u2029Def", "abc.\u3000Déf", "abc.\u202fDef", "xyz.\x85Abc",
    "ΟΔΟΣ.ΑΘΗΝΑ", "ΣΑΣ’Α ΟΔΟΣ’Β", "Σ", "ΣΣΣ. Σ", "Ὀδυσσεύς ᾼ ᾈ", "ǅemal ǅemal ǅemal ǈ", "Great 😀 Job Today",
    "𝐁𝐨𝐥𝐝 𝐓𝐞𝐱𝐭 𝐇𝐞𝐫𝐞", "𠀀𠀁𠀂 abc 𠀃", "abc. 𝐁old", "a\u200db\u200cc Zwj", "a‿b a＿b _x_", "Ⓐbc Ⓑcd Ⓒde",
    "١٢٣ abc. Def", "abc١. Def", "abc٣. Дом", "abc。 Def", "ab1. X", "Mr. Smith went to St. Paul.", "ends with quote.”",
    "ends with closers.\"')] \t", "bracket.] ", "space before . ", "ellipsis…", "fullwidth！", "colon:", "semi;\u3000",
    "dash—", "(in 2019.)", "He said.\" Then", "Über Ärger. Öfter", "ßtraße STRASSE", "ǰ ǰǰ", "ﬁnal ﬂow ﬀ",
    "Привет мир. Как дела", "привет. Мир", "Ελλάδα and Αθήνα", "ab 가나 cd", "“Quoted” — dashes…", "日本 and ab",
    "The U.S. study, published Wednesday", "Most Popular Videos", "\ufeffBOM line. Next", "tab\tseparated\tTitle Case Words",
    "\ud800 lone surrogate. Next", "Ⅻ Ⅳ ⅷ Roman", "ǲ Ǳ ǳ", "a\u0345b \u0399\u0345", "ꭰꭱ Ꭰ",
]


def _random_lines(count=3000, seed=7):
    """Lines mixing the characters the quick paths care about."""
    pool = list("aZ09_ .!?…。！？:;\"'”’»)]([-\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u2028\u2029\u3000")
    pool += list("ÀéßſİıΣσςДжاب東京かカไทย가²½₂\u0301\u0345\u200d\u200c‿ⒶǅⅫ٣\ufeff") + ["😀", "𝐁", "𠀀"]
    rng = random.Random(seed)
    return ["".join(rng.choice(pool) for _ in range(rng.randrange(0, 30))) for _ in range(count)]


FEATURE_LINES = _all_fixture_lines() + TRICKY_LINES + _random_lines()


def test_regex_space_is_every_white_space_character_of_regex():
    assert set(sentences.REGEX_SPACE) == set(regex.findall(r"\s", ALL_CHARACTERS))
    marks, closers = set("".join(sentences.SENTENCE_MARKS)), set(sentences.SENTENCE_CLOSERS)
    assert not marks & closers and not (marks | closers) & set(sentences.REGEX_SPACE)


def test_decoration_is_white_space_and_bullets_as_regex_reads_them():
    """match_line strips these with str.lstrip / rstrip: they must be what the classes match."""
    from textfix.boilerplate.patterns import LEADING_DECORATION, TRAILING_DECORATION

    assert set(LEADING_DECORATION) == set(regex.findall(r"[\s•·»«>*#\-–—]", ALL_CHARACTERS))
    assert set(TRAILING_DECORATION) == set(regex.findall(r"[\s•·»«<*#\-–—]", ALL_CHARACTERS))
    assert "<" not in LEADING_DECORATION and ">" not in TRAILING_DECORATION and "x" not in LEADING_DECORATION


def test_lower_casing_keeps_word_characters_and_planes_apart():
    """What ``words`` relies on when it lower-cases the whole line before splitting it."""
    word = regex.compile(r"\w")
    for ch in ALL_CHARACTERS:
        lowered = ch.lower()
        if lowered != ch:
            is_word = word.match(ch) is not None
            assert all((word.match(x) is not None) == is_word for x in lowered), hex(ord(ch))
            assert all((x > "\uffff") == (ch > "\uffff") for x in lowered), hex(ord(ch))
    # Only capital sigma's lower case depends on its neighbours (final sigma).
    no_sigma = ALL_CHARACTERS.replace("\u03a3", "")
    assert no_sigma.lower() == "".join(map(str.lower, no_sigma))
    # ... so a line with one is lower-cased word by word: "ΟΔΟΣ" alone ends in a final sigma.
    assert "ΟΔΟΣ.Α".lower() == "οδοσ.α" and "ΟΔΟΣ".lower() == "οδος"
    assert tokens.words("ΟΔΟΣ.Α") == ["οδος", "α"]


@pytest.mark.parametrize("expression", [r"\w", r"[\p{Ll}\d]", r"\s", r"\p{Lu}", tokens.UNSPACED.pattern])
def test_bmp_classes_hold_what_regex_matches(expression):
    ours = re.compile(f"[{tokens.bmp_class(expression)}]")
    assert ours.findall(BMP) == regex.findall(expression, BMP)


def test_the_plane_the_classes_are_read_from_is_every_bmp_character_in_order():
    assert tokens._bmp_characters() == BMP != BMP[:0xD800] + BMP[0xD801:]


def test_guards_catch_every_character_past_the_bmp_and_every_unspaced_one():
    beyond = ALL_CHARACTERS[0x10000:]
    assert len(tokens.BEYOND_BMP.findall(ALL_CHARACTERS)) == len(beyond)
    assert tokens.WORDS_NEED_REGEX.findall(ALL_CHARACTERS) == ["\u03a3", *beyond]
    maybe = tokens.bmp_expressions().maybe_unspaced
    assert set(REF_UNSPACED.findall(ALL_CHARACTERS)) <= set(maybe.findall(ALL_CHARACTERS))


def test_bmp_expressions_find_what_regex_finds_around_every_character():
    """Every BMP character in every role of the expressions, in a few long lines."""
    bmp = BMP.replace("\u03a3", "")
    expressions = tokens.bmp_expressions()
    for line in ("".join(f"a{ch}b " for ch in bmp), "".join(f"{ch}bc {ch}{ch}{ch} " for ch in bmp)):
        assert tokens.words(line) == ref_words(line)
        assert expressions.word.findall(line) == REF_WORD.findall(line)
        assert sentences.headline_case(line) == ref_headline_case(line)
    for template in ("{}bc. X ", "ab{}. X ", "abc{} X ", "abc.{}X ", "abc. {} ", "abc.”{}X "):
        line = "".join(template.format(ch) for ch in BMP)
        found = [m.span() for m in expressions.sentence_inside.finditer(line)]
        assert found == [m.span() for m in REF_SENTENCE_INSIDE.finditer(line)], template


def test_every_ascii_line_of_one_or_two_characters():
    ascii_chars = [chr(c) for c in range(128)]
    for line in ascii_chars + [a + b for a in ascii_chars for b in ascii_chars]:
        assert tokens.words(line) == ref_words(line), repr(line)
        assert tokens.word_count(line) == ref_word_count(line), repr(line)
        assert sentences.ends_sentence(line) == bool(REF_SENTENCE_END.search(line)), repr(line)


def test_ends_sentence_for_every_last_character():
    for ch in ALL_CHARACTERS[::7] + "".join(sentences.SENTENCE_MARKS) + sentences.SENTENCE_CLOSERS + sentences.REGEX_SPACE:
        for line in (f"abc{ch}", f"abc.{ch}", f"abc.”{ch}", f"abc{ch}) ", f"abc{ch}\n"):
            assert sentences.ends_sentence(line) == bool(REF_SENTENCE_END.search(line)), repr(line)


def test_line_features_answer_as_their_plain_definitions():
    assert len(FEATURE_LINES) > 3000
    for line in FEATURE_LINES:
        found = tokens.words(line)
        assert found == ref_words(line), line
        assert tokens.word_count(line) == tokens.word_count(line, found) == ref_word_count(line), line
        assert sentences.ends_sentence(line) == bool(REF_SENTENCE_END.search(line)), line
        assert sentences.has_inner_sentence(line) == bool(REF_SENTENCE_INSIDE.search(line)), line
        assert sentences.headline_case(line) == ref_headline_case(line), line
        assert scripts.script(line) == ref_script(line), line
        assert scripts.script(line, sample=5) == ref_script(line, sample=5), line


@pytest.mark.parametrize(
    "text",
    [
        "ab ключ", "abc ключ", "abcd ключ", "a  ключ", "ab\nключ", "é ab", "é a", "éé", "é ж a", "ж ж é a",
        "ключ abcd é", "ключ abcdé", "日本 ab", "日本語 abc", "Ωμέγα Ωx", "ab—ключ—", "a1b2 кл", "\u0301ab ж",
    ],
)
def test_script_skips_counting_ascii_letters_only_when_they_cannot_matter(text):
    # At the edges: ASCII characters just enough, or one short, to tie with the other script.
    assert scripts.script(text) == ref_script(text)


def test_script_of_whole_pages_answers_as_naming_every_letter():
    for path in all_texts():
        text = read(path)
        for sample in (300, 4000, 50_000):
            assert scripts.script(text, sample=sample) == ref_script(text, sample=sample), path.name


def test_script_pre_check_finds_every_letter_outside_ascii():
    from textfix.text.scripts import NON_ASCII_WORD_CHARACTER

    # script() takes the ASCII-only road when this finds nothing: it must find every letter.
    missed = [hex(code) for code in range(0x80, 0x110000) if chr(code).isalpha() and not NON_ASCII_WORD_CHARACTER.match(chr(code))]
    assert missed == []

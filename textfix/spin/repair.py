"""Everything put together: find the repairs of one text, each with a confidence, and judge
whether the text is spun at all.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from operator import itemgetter

from . import collocations, consistency
from .detect import SpinScore, cannot_be_spun, is_phrase
from .phrases import PhraseTable
from .stats import bigram
from .text import (
    LazyTokens,
    Token,
    apostrophe_like,
    at_sentence_start,
    carry_case,
    is_title_line,
    joined,
    line_starts,
    token_keys,
    tokenize,
)

CONFIDENCE = {"always": 0.95, "spun": 0.9}
AMBIGUOUS_CONFIDENCE = 0.5


@dataclass(frozen=True)
class Repair:
    start: int
    end: int
    replacement: str
    rule: str
    message: str
    confidence: float
    needs_spun: bool = True  # context-dependent: only in a document judged spun
    ambiguous: bool = False  # several candidates: a suggestion, never a fix


def applies(repair: Repair, spun: bool, threshold: float) -> bool:
    """Whether a repair is applied by default (else it is at most a suggestion)."""
    return not repair.ambiguous and (spun or not repair.needs_spun) and repair.confidence >= threshold


def shown(repair: Repair, spun: bool) -> bool:
    """Whether a repair is reported at all: in text not judged spun, context-dependent repairs
    other than table fingerprints are noise and are left out."""
    return spun or not repair.needs_spun or repair.rule == "spin-phrase"


@dataclass
class Analysis:
    repairs: list[Repair]
    score: SpinScore

    @property
    def spun(self) -> bool:
        return self.score.spun


URLISH = re.compile(r"\S*(?:/|@|www\.|\.com|\.org)\S*")


def protected_tokens(text: str, tokens: list[Token]) -> set[int]:
    """Tokens never changed: names (capitalized inside a sentence), title-case lines, numbers,
    URLs and addresses.

    >>> text = "He met Anna in Paris. Details at www.example.com today"
    >>> sorted(tokenize(text)[i].text for i in protected_tokens(text, tokenize(text)))
    ['Anna', 'Paris', 'com', 'example', 'www']
    """
    return set(range(len(tokens))).difference(Protection(text, tokens).unprotected(range(len(tokens))))


class Protection:
    """``i in protection``: whether token i is protected (see :func:`protected_tokens`), decided
    when asked: a document not judged spun asks only about the few tokens the table matches.
    """

    def __init__(self, text: str, tokens: list[Token]):
        self.text, self.tokens = text, tokens
        self.starts = line_starts(text)
        self.title_lines: dict[int, bool] = {}
        self._urls: tuple[list[int], list[int]] | None = None

    @property
    def urls(self) -> tuple[list[int], list[int]]:
        """Starts and ends of the URL-like spans, found when first needed."""
        if self._urls is None:
            spans = url_spans(self.text)
            self._urls = [start for start, _ in spans], [end for _, end in spans]
        return self._urls

    def __contains__(self, i: int) -> bool:
        return not self.unprotected((i,))

    def _title_line(self, line: int) -> bool:
        title = self.title_lines.get(line)
        if title is None:
            starts = self.starts
            end = starts[line + 1] - 1 if line + 1 < len(starts) else len(self.text)
            title = self.title_lines[line] = is_title_line(self.text[starts[line] : end])
        return title

    def unprotected(self, indices) -> list[int]:
        """The tokens among ``indices`` (ascending) that are not protected, in one pass."""
        text, tokens, starts = self.text, self.tokens, self.starts
        url_starts, url_ends = self.urls
        kept = []
        line_start = line_end = -1  # the current line: tokens come in order
        title = False
        url = 0
        for i in indices:
            word, start, _ = tokens[i]
            if not word[0].isalpha():
                if not word[0].isdigit():
                    kept.append(i)
                continue
            if start >= line_end:
                line = bisect.bisect_right(starts, start) - 1
                line_start = starts[line]
                line_end = starts[line + 1] if line + 1 < len(starts) else len(text) + 1
                title = self._title_line(line)
            if title:
                continue
            if url_starts:  # URL spans come in order and do not overlap
                while url < len(url_starts) and url_ends[url] <= start:
                    url += 1
                if url < len(url_starts) and url_starts[url] <= start:
                    continue
            if word.islower() or not any(c.isupper() for c in word):
                kept.append(i)
                continue
            # A capital says nothing at a sentence start; elsewhere it is a name.
            plain_capital = word[0].isupper() and (word[1:].islower() or len(word) == 1)
            if plain_capital and at_sentence_start(text, start, line_start):
                kept.append(i)
        return kept


# Every URLISH match has one of these: most pages have none, and then no token is looked up.
_MAYBE_URL = re.compile(r"/|@|www\.|\.com|\.org")
_NON_SPACE = re.compile(r"\S*")


def url_spans(text: str) -> list[tuple[int, int]]:
    """The spans of ``URLISH.finditer(text)``, found from the markers outward: a URLISH match
    is a whole run of non-space characters with a marker in it, and searching the pattern
    itself backtracks over every run (a third of a millisecond on a page).

    >>> text = "see www.example.com/a, or mail me@x.org. a/b"
    >>> url_spans(text) == [m.span() for m in URLISH.finditer(text)]
    True
    """
    spans: list[tuple[int, int]] = []
    end = 0
    for marker in _MAYBE_URL.finditer(text):
        start = marker.start()
        if start < end:
            continue  # in the run found already
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        end = _NON_SPACE.match(text, marker.end()).end()
        spans.append((start, end))
    return spans


def _support(tokens: list[Token], text: str, i: int, j: int, words: list[str]) -> float:
    """Log-count support of ``words`` standing at tokens i..j-1 from their neighbours."""
    import math

    total = 0.0
    if i > 0 and tokens[i - 1].is_word and joined(text, tokens, i - 1, i + 1):
        total += math.log10(1 + bigram(tokens[i - 1].key, words[0]))
    if j < len(tokens) and tokens[j].is_word and joined(text, tokens, j - 1, j + 1):
        total += math.log10(1 + bigram(words[-1], tokens[j].key))
    return total


def _content_runs(text: str, tokens: list[Token], keys: list[str], covered: set[int], protected):
    """Maximal runs (two or more) of adjacent, changeable content words."""
    candidate = collocations.candidate_word
    run: list[int] = []
    changeable = [k for k, key in enumerate(keys) if candidate(key) and tokens[k].text[0].isalpha() and k not in covered]
    # A word with no changeable neighbour is in no run: whether it is protected does not matter.
    either = set(changeable)
    paired = [k for k in changeable if k - 1 in either or k + 1 in either]
    for k in protected.unprotected(paired):
        if run and run[-1] == k - 1 and (text[tokens[k - 1].end : tokens[k].start] == " "
                                         or joined(text, tokens, k - 1, k + 1)):
            run.append(k)
            continue
        if len(run) >= 2:
            yield run
        run = [k]
    if len(run) >= 2:
        yield run


def _pair_repair(text: str, tokens: list[Token], keys: list[str], k: int, score: SpinScore) -> Repair | None:
    a, b = tokens[k], tokens[k + 1]
    fix = collocations.repair_pair(keys[k], keys[k + 1])
    if fix is None or not _keeps_outer_neighbours(tokens, text, k, fix):
        return None
    score.add("pair")
    start = a.start if fix.first != keys[k] else b.start
    end = b.end if fix.second != keys[k + 1] else a.end
    old = text[start:end]
    new = " ".join(w for w, t in ((fix.first, a), (fix.second, b)) if t.start >= start and t.end <= end)
    return Repair(
        start, end, carry_case(old, new), "spin-collocation",
        f"{a.text} {b.text}: {fix.first} {fix.second} is the common collocation", fix.confidence,
    )


def _keeps_outer_neighbours(tokens, text, k: int, fix) -> bool:
    """A changed word must not break a listed pair with its other neighbour."""
    if fix.first != tokens[k].key and k > 0 and joined(text, tokens, k - 1, k + 1):
        before = tokens[k - 1].key
        if bigram(before, tokens[k].key) and not bigram(before, fix.first):
            return False
    if fix.second != tokens[k + 1].key and k + 2 < len(tokens) and joined(text, tokens, k + 1, k + 3):
        after = tokens[k + 2].key
        if bigram(tokens[k + 1].key, after) and not bigram(fix.second, after):
            return False
    return True


SPEECH_VERBS = frozenset({"says", "said", "adds", "added"})
QUOTES = "\"“”'’‘"


def attributes_quote(tokens, text, i, j) -> bool:
    """A speech verb next to a quotation or a speaker's name: ”, says Heifets / Krystal says,"""
    before = text[max(0, tokens[i].start - 3) : tokens[i].start].strip()
    after = tokens[j] if j < len(tokens) else None
    name_after = after is not None and after.text[:1].isupper()
    name_before = i > 0 and tokens[i - 1].text[:1].isupper() and not at_sentence_start(text, tokens[i - 1].start)
    return bool(before) and before[-1] in QUOTES + "," or name_after or name_before


def context_confidence(tokens, text, i, j, replacement: str) -> float:
    """Confidence of a context-gated table repair from its neighbours: 0.65 when they say
    nothing either way, more when they prefer the original wording, less when they do not
    (word-pair counts favour short function-word pairs, so the penalty is halved).
    """
    spun_words = [t.key for t in tokens[i:j]]
    original_words = replacement.lower().split()
    if original_words[0] in SPEECH_VERBS and attributes_quote(tokens, text, i, j):
        return 0.85
    delta = _support(tokens, text, i, j, original_words) - _support(tokens, text, i, j, spun_words)
    delta = delta if delta > 0 else delta / 2
    return round(max(0.2, min(0.85, 0.65 + 0.1 * delta)), 3)


def _table_repairs(text, tokens, keys, table: PhraseTable, protected, score: SpinScore, covered: set[int],
                   hidden: bool, starts: list[int] | None = None) -> list[Repair]:
    """The phrase table's repairs; their fingerprints go to ``score`` and their tokens to
    ``covered``. ``hidden`` leaves out what a document not judged spun does not show;
    ``starts``: the table's :meth:`~PhraseTable.starts` in ``keys``, if known."""
    repairs: list[Repair] = []
    for i, j, entry in table.matches(text, tokens, keys, starts):
        if any(k in protected for k in range(i, j)):
            continue
        source = text[tokens[i].start : tokens[j - 1].end]
        covered.update(range(i, j))
        score.add(entry.gate)
        if entry.ambiguous:
            if not hidden:
                repairs.append(Repair(
                    tokens[i].start, tokens[j - 1].end,
                    carry_case(source, apostrophe_like(source, entry.candidates[0])),
                    "spin-ambiguous", f"spun phrase? perhaps: {', '.join(entry.candidates)}",
                    AMBIGUOUS_CONFIDENCE, True, True,
                ))
            continue
        original = entry.candidates[0]
        if re.findall(r"\d+", source) != re.findall(r"\d+", original):
            continue
        if entry.gate == "context" and hidden:
            continue
        replacement = carry_case(source, apostrophe_like(source, original))
        if entry.gate == "context":
            confidence = context_confidence(tokens, text, i, j, original)
            rule = "spin-context-word"
        else:
            confidence = CONFIDENCE[entry.gate]
            rule = "spin-phrase"
        repairs.append(Repair(
            tokens[i].start, tokens[j - 1].end, replacement, rule,
            f"spun wording: {source!r} for {original!r}", confidence,
            needs_spun=entry.gate != "always",
        ))
    return repairs


def _not_spun(text: str, table: PhraseTable, judged: bool, split=None) -> Analysis | None:
    """The lazy analysis of a text not spun (``judged``: the caller says so; otherwise only if
    :func:`cannot_be_spun` proves it from the table alone), else ``None``.

    Sound because a document not judged spun shows only table repairs (:func:`shown`), which
    never depend on the pair and run search; that search only adds "pair" fingerprints, which
    raise the score but are never the evidence :attr:`SpinScore.spun` requires. So the verdict,
    repairs and table fingerprints are those of the full analysis; the pairs are left uncounted
    (``score.prescreened``). Tokens are built only where the table matches.
    """
    split = LazyTokens.of(text) if split is None else split
    if split is None:
        return None
    tokens, keys = split
    words = sum(map(str.isalpha, map(itemgetter(0), keys)))  # tokens starting with a letter
    phrase = is_phrase(text, words)
    hits: list[int] = []  # where a match can start
    strong, context = table.gate_bounds(keys, table.starts(keys), hits)
    if not judged and not cannot_be_spun(strong, context, phrase):
        return None
    score = SpinScore(words=words, phrase=phrase, prescreened=not judged)
    if not hits:
        return Analysis([], score)  # nothing in the table can match
    repairs = _table_repairs(text, tokens, keys, table, Protection(text, tokens), score, set(), True, hits)
    return Analysis(repairs, score)


def analyse(text: str, table: PhraseTable, spun: bool | None = None, lazy: bool = False,
            scored: bool = True) -> Analysis:
    """Every repair the three paths find in ``text`` (phrase table, collocations, word families),
    with confidences, and the text's spin score. Which repairs apply is the caller's decision
    (:func:`applies`, :func:`shown`).

    ``lazy`` leaves out the repairs :func:`shown` would hide in a document judged as ``spun``
    says (``None``: as its score says), without searching for them: in a document not judged
    spun only table fingerprints remain, and the statistical paths run only as far as the score
    needs them (not at all with ``scored=False``, when the caller has its judgement already).

    >>> from textfix.spin.phrases import default_table
    >>> a = analyse("The profound learning model had a bogus positive.", default_table())
    >>> [(r.replacement, r.rule) for r in a.repairs]
    [('deep learning', 'spin-phrase'), ('false positive', 'spin-phrase')]
    >>> a = analyse("The profound learning model was about counterfeit consciousness.", default_table(), lazy=True)
    >>> [(r.replacement, r.rule) for r in a.repairs], a.score.fingerprints, a.score.prescreened
    ([('deep learning', 'spin-phrase')], {'always': 1}, True)
    >>> analyse("The profound learning model was about counterfeit consciousness.", default_table()).score.fingerprints
    {'always': 1, 'pair': 1}
    """
    split = None
    if lazy and (spun is None or (spun is False and not scored)):
        split = LazyTokens.of(text)
        quick = _not_spun(text, table, spun is False, split) if split is not None else None
        if quick is not None:
            return quick
    if split is not None:  # the pre-screen split the text already
        tokens, keys = split[0].tolist(), split[1]
    else:
        tokens = tokenize(text)
        keys = token_keys(text, tokens)
    protected = Protection(text, tokens)
    words = sum(map(str.isalpha, map(itemgetter(0), map(itemgetter(0), tokens))))  # tokens starting with a letter
    score = SpinScore(words=words, phrase=is_phrase(text, words))
    covered: set[int] = set()
    # Before the score is known, a lazy search keeps what a spun document would show.
    hidden = lazy and spun is False
    repairs = _table_repairs(text, tokens, keys, table, protected, score, covered, hidden)

    # Word pairs and runs no table lists: runs of content words, each repaired jointly (runs
    # are disjoint, so their repairs never overlap). They also count towards the score.
    if scored or not hidden:
        for run in _content_runs(text, tokens, keys, covered, protected):
            if len(run) == 2:
                found = _pair_repair(text, tokens, keys, run[0], score)
                if found and not hidden:
                    repairs.append(found)
                continue
            fix = collocations.repair_run(tuple(keys[k] for k in run))
            if fix is None:
                continue
            for position, word in fix.changes:
                score.add("pair")
                if hidden:
                    continue
                tok = tokens[run[position]]
                repairs.append(Repair(
                    tok.start, tok.end, carry_case(tok.text, word), "spin-collocation",
                    f"{' '.join(tokens[k].text for k in run)}: {word!r} for {tok.text!r} makes common collocations",
                    fix.confidence,
                ))

    # Terms replaced throughout.
    if lazy and not (score.spun if spun is None else spun):
        repairs = [r for r in repairs if shown(r, False)]
        word_keys = []
    else:
        word_keys = [key for key, t in zip(keys, tokens) if t.is_word]
    for fix in consistency.find_term_fixes(word_keys) if word_keys else ():
        if (fix.original,) in table.entries:
            continue  # restoring a word the table would rewrite again
        forms = {fix.term: fix.original, fix.term + "s": consistency.plural(fix.original)}
        for i, tok in enumerate(tokens):
            original = forms.get(keys[i])
            if original is not None and i not in covered and i not in protected:
                repairs.append(Repair(
                    tok.start, tok.end, carry_case(tok.text, original), "spin-consistency",
                    f"{fix.term!r} replaced {fix.original!r} throughout: its family "
                    f"({fix.family} words) is still here", fix.confidence,
                ))
    repairs.sort(key=lambda r: (r.start, -r.confidence))
    kept: list[Repair] = []
    for r in repairs:
        if not kept or r.start >= kept[-1].end:
            kept.append(r)
    return Analysis(kept, score)

"""Counting normalized lines and short line runs per site, in one bounded-memory pass."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field

import regex

WORD = regex.compile(r"[\p{L}\p{N}]+")
LETTER = regex.compile(r"\p{L}")
MAX_KEY_WORDS = 40  # longer lines are article text, not furniture: not counted
SHORT_LINE_WORDS = 6  # a run is made of lines this short (menu items, share buttons)
PROSE_WORDS = 12  # a line this long that ends like a sentence looks like article prose
RUN_SEPARATOR = " | "
DEFAULT_K = 5
DEFAULT_P = 0.7
PROSE_SHARE = 0.6  # prose-looking lines must be on this share of the site's pages
PROSE_MIN_DOCUMENTS = 5
DEFAULT_CAP = 2_000_000  # counted keys kept in memory before the rarest are dropped


def line_key(text: str) -> str:
    """A line's key: its lower-cased words and numbers (numbers are kept: '8 GB RAM' and '16 GB
    RAM' are two products' specifications, not one template line).

    >>> line_key("  © 2024 Example Media — Share on Facebook! ")
    '2024 example media share on facebook'
    >>> line_key("...")
    ''
    """
    return " ".join(WORD.findall(text.lower())[:MAX_KEY_WORDS + 1])


def looks_like_prose(text: str) -> bool:
    """Long enough and ending like a sentence: possibly article text, such as a pull quote.

    >>> looks_like_prose("Prices rose faster than wages in every region of the country last year.")
    True
    >>> looks_like_prose("Subscribe to our newsletter")
    False
    """
    stripped = text.rstrip()
    return len(WORD.findall(stripped)) >= PROSE_WORDS and stripped[-1:] in ".!?…\"”»'’"


def document_keys(text: str) -> tuple[list[str], list[str], set[str]]:
    """The distinct line keys of a text, the keys of its runs of two adjacent short lines, and
    the keys of its prose-looking lines. Keys without a letter (prices, scores) are not counted.

    >>> document_keys("Home\\nNews\\n\\nA long line of the article body.\\nHome\\n12.99")
    (['home', 'news', 'a long line of the article body'], ['home | news'], set())
    """
    lines = text.splitlines()
    keys = [line_key(line) for line in lines]
    for i, key in enumerate(keys):
        if key and not LETTER.search(key):
            keys[i] = ""
    distinct = list(dict.fromkeys(k for k in keys if k and k.count(" ") < MAX_KEY_WORDS))
    prose = {key for key, line in zip(keys, lines) if key.count(" ") >= PROSE_WORDS - 1 and looks_like_prose(line)}
    return distinct, run_keys(keys), prose


def run_keys(keys: list[str]) -> list[str]:
    """Keys of adjacent pairs of short lines (blank lines break a run)."""
    short = [bool(k) and k.count(" ") < SHORT_LINE_WORDS for k in keys]
    pairs = (keys[i] + RUN_SEPARATOR + keys[i + 1] for i in range(len(keys) - 1) if short[i] and short[i + 1])
    return list(dict.fromkeys(pairs))


def _hash(site: str, key: str) -> bytes:
    return hashlib.blake2b(f"{site}\n{key}".encode(), digest_size=8).digest()


@dataclass
class SiteCounter:
    """Documents per site, and in how many documents of its site each key occurs.

    Keys are stored under an 8-byte hash with their text (for the file); when more than ``cap``
    keys are held, the rarest are dropped (a line seen in one or two pages is never a template
    of a big site), so memory stays bounded whatever the batch size.
    """

    cap: int = DEFAULT_CAP
    documents: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    counts: dict[bytes, list] = field(default_factory=dict)  # hash -> [documents, site, kind, key, prose]
    dropped_below: int = 0  # keys counted fewer times than this may have been dropped

    def add(self, site: str, text: str) -> None:
        """Count one document of ``site``."""
        self.documents[site] += 1
        keys, runs, prose = document_keys(text)
        for kind, group in (("line", keys), ("run", runs)):
            for key in group:
                h = _hash(site, kind + key)
                entry = self.counts.get(h)
                if entry is None:
                    self.counts[h] = [1, site, kind, key, key in prose]
                else:
                    entry[0] += 1
        if len(self.counts) > self.cap:
            self._drop_rarest()

    def _drop_rarest(self) -> None:
        """Drop the keys with the lowest counts until at most half the cap remain."""
        by_count = sorted(entry[0] for entry in self.counts.values())
        threshold = by_count[len(by_count) - self.cap // 2]
        self.counts = {h: e for h, e in self.counts.items() if e[0] > threshold}
        self.dropped_below = max(self.dropped_below, threshold + 1)

    def merge(self, other: "SiteCounter") -> "SiteCounter":
        """This counter plus ``other`` (for map-reduce over shards); returns self."""
        for site, n in other.documents.items():
            self.documents[site] += n
        for h, entry in other.counts.items():
            mine = self.counts.get(h)
            if mine is None:
                self.counts[h] = list(entry)
            else:
                mine[0] += entry[0]
                mine[4] = mine[4] or entry[4]
        self.dropped_below = max(self.dropped_below, other.dropped_below)
        if len(self.counts) > self.cap:
            self._drop_rarest()
        return self


def learn(counter: SiteCounter, k: int = DEFAULT_K, p: float = DEFAULT_P):
    """The :class:`~textfix.templates.fileformat.TemplateSet` of the counted batch: keys in at
    least ``k`` documents and a share ``p`` of their site's; prose-looking lines only when they
    are on at least ``PROSE_SHARE`` of the site's pages and ``PROSE_MIN_DOCUMENTS`` of them."""
    from .fileformat import TemplateSet

    templates = TemplateSet(k=k, p=p)
    for count, site, kind, key, prose in counter.counts.values():
        documents = counter.documents[site]
        if count < k or count < p * documents:
            continue
        if prose and (count < PROSE_MIN_DOCUMENTS or count < PROSE_SHARE * documents):
            continue
        templates.add(site, documents, kind, key, count)
    return templates

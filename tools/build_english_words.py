"""Build textfix/data/english-words.txt.gz, the word list the numbers cleaner uses to decide
whether a word split by a line-end hyphen joins into one real word (``treat-/ment``).

Source: the ``wordsegment`` package (Grant Jenks, Apache License 2.0). It ships ``words.txt``,
a dictionary of English word forms, and ``unigrams.txt``, word counts from the Google Web
Trillion Word Corpus. We keep the dictionary words that also occur in the count table: real
words that people actually write, about 80,000 of them, lower case, one per line, sorted.

Usage: pip install wordsegment && python tools/build_english_words.py [OUTPUT]
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path


def build(output: Path) -> int:
    import wordsegment

    folder = Path(wordsegment.__file__).parent
    counted = set()
    with open(folder / "unigrams.txt", encoding="utf-8") as f:
        for line in f:
            counted.add(line.split("\t", 1)[0])
    with open(folder / "words.txt", encoding="utf-8") as f:
        words = sorted({w.strip().lower() for w in f if w.strip()} & counted)
    output.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0 keeps the file byte-identical between builds.
    with open(output, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write("".join(w + "\n" for w in words).encode("utf-8"))
    return len(words)


if __name__ == "__main__":
    root = Path(__file__).resolve().parent.parent
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else root / "textfix" / "data" / "english-words.txt.gz"
    print(f"{build(out)} words -> {out}")

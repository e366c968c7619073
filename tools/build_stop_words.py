"""Write textfix/data/stop-words.tsv.gz from the stopwordsiso package (stopwords-iso, MIT).

Every language's list, lower-cased, one ``word<TAB>languages`` row per word (see
:func:`textfix.text.stopwords.table_lines`). Run it after upgrading stopwordsiso: a test fails
while the shipped file and the installed package disagree.

Usage: python tools/build_stop_words.py
"""

from __future__ import annotations

import gzip
import sys
from importlib.metadata import version
from pathlib import Path

import stopwordsiso

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from textfix.text.stopwords import DATA_FILE, table_lines  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "textfix" / "data" / DATA_FILE


def main() -> None:
    lists = {code: stopwordsiso.stopwords(code) for code in sorted(stopwordsiso.langs())}
    header = [
        f"# Stop words of {len(lists)} languages from stopwords-iso (Gene Diaz and contributors, MIT licence),",
        f"# through the stopwordsiso package {version('stopwordsiso')}; written by tools/build_stop_words.py.",
        "# Format: lower-cased word<TAB>ISO 639-1 codes of the lists that have it",
    ]
    text = "\n".join(header + table_lines(lists)) + "\n"
    OUT.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    print(f"{OUT}: {len(text.splitlines()) - len(header)} words")


if __name__ == "__main__":
    main()

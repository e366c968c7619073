"""Write textfix/data/stop-words.tsv.gz from the stopwordsiso package (stopwords-iso, MIT).

Every language's list, lower-cased, one ``languages<TAB>word<TAB>word...`` row per set of
languages that share words (see :func:`textfix.text.stopwords.table_lines`). Run it after upgrading stopwordsiso: a test fails
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
        "# Format: ISO 639-1 codes of some lists<TAB>each lower-cased word exactly those lists have, tab-separated",
    ]
    rows = table_lines(lists)
    text = "\n".join(header + rows) + "\n"
    OUT.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    print(f"{OUT}: {sum(row.count(chr(9)) for row in rows)} words in {len(rows)} sets of languages")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Compile the spin cleaner's statistics into the read-only database the package loads.

    python tools/compile_spin_stats.py [--sources tools/spin_data] [--out textfix/data/spin_stats.sqlite]

The sources are the three gzip TSV files ``tools/build_spin_data.py`` writes (word counts, word
pairs, the reverse thesaurus; their headers say where they come from). Parsing them whole took
0.2-0.3 s of every run that met a long English text; the database is read a row at a time, by
word, so a run pays only for the words its documents ask about. Tables::

    thesaurus(word, row)   bigrams(word, row)   unigrams(words, counts)   notes(name, header)

``word`` is the key and ``row`` the source line's text after its tab, unparsed. The word counts
are one row: every word (joined by newlines), then every count (unsigned 32-bit, little-endian),
in the source's order (a document asks for the counts of some ten thousand inflected forms, more
than it costs to read all 80,000 at once). ``notes`` keeps each source file's comment header (provenance and
licences). Run this after rebuilding the sources: a test fails while the database differs
from them.
"""

from __future__ import annotations

import argparse
import gzip
import os
import sqlite3
import sys
from array import array
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TABLES = {"bigrams": "spin_bigrams.tsv.gz", "thesaurus": "spin_thesaurus.tsv.gz"}  # read by word
COUNTS = "spin_unigrams.tsv.gz"  # read whole


def source_rows(path: Path) -> tuple[str, list[tuple[str, str]]]:
    """A source file's comment header and its ``(word, row)`` pairs, in file order."""
    text = gzip.decompress(path.read_bytes()).decode("utf-8")
    header = "".join(line + "\n" for line in text.split("\n") if line.startswith("#"))
    rows = [tuple(line.split("\t", 1)) for line in text.split("\n") if line and line[0] != "#"]
    return header, rows


def compile_database(sources: Path, out: Path) -> None:
    tmp = out.with_name(out.name + ".tmp")
    if tmp.exists():
        tmp.unlink()
    con = sqlite3.connect(tmp)
    con.execute("PRAGMA page_size = 4096")
    con.execute("CREATE TABLE notes (name TEXT PRIMARY KEY, header TEXT NOT NULL) WITHOUT ROWID")
    for table, name in TABLES.items():
        header, rows = source_rows(sources / name)
        con.execute(f"CREATE TABLE {table} (word TEXT PRIMARY KEY, row TEXT NOT NULL) WITHOUT ROWID")
        con.executemany(f"INSERT INTO {table} VALUES (?, ?)", sorted(rows))
        con.execute("INSERT INTO notes VALUES (?, ?)", (name, header))
    header, rows = source_rows(sources / COUNTS)
    con.execute("CREATE TABLE unigrams (words TEXT NOT NULL, counts BLOB NOT NULL)")
    counts = array("I", (int(count) for _, count in rows))
    if sys.byteorder == "big":
        counts.byteswap()  # stored little-endian
    con.execute("INSERT INTO unigrams VALUES (?, ?)", ("\n".join(word for word, _ in rows), counts.tobytes()))
    con.execute("INSERT INTO notes VALUES (?, ?)", (COUNTS, header))
    con.commit()
    con.execute("VACUUM")
    con.close()
    os.replace(tmp, out)
    print(f"{out}: {out.stat().st_size / 1e6:.1f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sources", type=Path, default=ROOT / "tools" / "spin_data")
    parser.add_argument("--out", type=Path, default=ROOT / "textfix" / "data" / "spin_stats.sqlite")
    args = parser.parse_args()
    compile_database(args.sources, args.out)


if __name__ == "__main__":
    main()

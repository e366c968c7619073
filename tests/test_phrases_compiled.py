"""The compiled phrase table the package loads says what the editable TSV says."""

from __future__ import annotations

from pathlib import Path

import textfix
from textfix.spin.phrases import (COMPILED_FILE, DATA_FILE, PhraseTable, compiled_lines, default_table,
                                  from_compiled)

DATA = Path(textfix.__file__).parent / "data"


def shipped_tsv() -> PhraseTable:
    with open(DATA / DATA_FILE, encoding="utf-8") as f:
        return PhraseTable.from_lines(f, DATA_FILE)


def test_compiled_table_is_up_to_date_with_the_tsv():
    compiled = (DATA / COMPILED_FILE).read_text(encoding="utf-8").splitlines()
    assert compiled == compiled_lines(shipped_tsv()), (
        f"{COMPILED_FILE} is out of date: run python tools/compile_spin_phrases.py")


def test_loaded_table_equals_the_parsed_tsv():
    parsed, loaded = shipped_tsv(), default_table()
    assert loaded == parsed
    assert list(loaded.entries) == list(parsed.entries)  # same order: chains and reports follow it
    text = "The profound learning model had a bogus positive and a research study."
    assert list(loaded.matches(text)) == list(parsed.matches(text))


def test_an_edited_tsv_makes_the_compiled_file_stale():
    lines = (DATA / DATA_FILE).read_text(encoding="utf-8").splitlines()
    first_row = next(i for i, line in enumerate(lines) if line and not line.startswith("#"))
    edited = lines[:first_row] + ["quite novel widget\tnew widget\tspun"] + lines[first_row:]
    stale = (DATA / COMPILED_FILE).read_text(encoding="utf-8").splitlines()
    assert compiled_lines(PhraseTable.from_lines(edited, DATA_FILE)) != stale
    restored = from_compiled("\n".join(compiled_lines(PhraseTable.from_lines(edited, DATA_FILE))), DATA_FILE)
    assert ("quite", "novel", "widget") in restored.entries


def test_compiled_rows_keep_ambiguous_candidates_and_gates():
    table = PhraseTable.from_lines(["# version: 7", "Clients\tpatients\tcontext", "bosom  milk\tbreast milk|milk"])
    again = from_compiled("\n".join(compiled_lines(table)), "<table>")
    assert again.version == "7"
    assert again.entries[("clients",)].gate == "context"
    assert again.entries[("bosom", "milk")].candidates == ("breast milk", "milk")
    assert again.entries[("bosom", "milk")].ambiguous
    assert not again.entries[("clients",)].ambiguous

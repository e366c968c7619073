"""Write textfix/data/spin_phrases.compiled.tsv from textfix/data/spin_phrases.tsv.

Run it after every change to the phrase table (tools/build_spin_phrases.py or a hand edit): the
package loads the compiled file, and a test fails while it is out of date. The table is checked
first (`textfix phrases check`'s checks); a table with problems is not compiled.

Usage: python tools/compile_spin_phrases.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from textfix.spin.phrases import COMPILED_FILE, DATA_FILE, PhraseTable, compiled_lines, validate_table  # noqa: E402

DATA = Path(__file__).resolve().parents[1] / "textfix" / "data"


def main() -> None:
    problems = validate_table(DATA / DATA_FILE)
    if problems:
        sys.exit("\n".join(map(str, problems[:20])))
    with open(DATA / DATA_FILE, encoding="utf-8") as f:
        table = PhraseTable.from_lines(f, DATA_FILE)
    (DATA / COMPILED_FILE).write_text("\n".join(compiled_lines(table)) + "\n", encoding="utf-8")
    print(f"{DATA / COMPILED_FILE}: {len(table)} entries")


if __name__ == "__main__":
    main()

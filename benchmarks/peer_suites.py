"""Other projects' test suites for text debris, run through the textfix cleaners that do that job.

Runs html5lib's tokenizer character-reference cases, textacy's preprocessing tables and
clean-text's tests (the JSONL files of DEBRIS_DIR) and prints each suite's pass rate. Every
failure is either a listed deliberate difference (``peer_differences.tsv`` beside this script:
plain text is not HTML, textfix repairs debris and does not rewrite or anonymise text) or a
defect; the goal is no defect left. The reference line is Python's ``html.unescape`` on the
html5lib cases. ``--show N`` prints up to N cases of each class.

Usage: python benchmarks/peer_suites.py ../shared/data/debris [--show N]
"""

from __future__ import annotations

import argparse
import csv
import html
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

import textfix

DIFFERENCES = Path(__file__).with_name("peer_differences.tsv")
# The debris cleaners; a peer function without a counterpart in textfix runs through all of them
# (its cases then fail unless the text needs no change, and the differences file says why).
DEBRIS_CLEANERS = ["encoding", "entities", "punctuation", "numbers", "whitespace"]
COUNTERPARTS = {
    "preprocessing.normalize.bullet_points": ["punctuation"],
    "preprocessing.normalize.hyphenated_words": ["numbers"],
    "preprocessing.normalize.quotation_marks": ["entities", "punctuation"],
    "preprocessing.normalize.whitespace": ["whitespace"],
    "cleantext.fix_bad_unicode": ["encoding"],
    "cleantext.normalize_whitespace": ["whitespace"],
}


def html5lib_cases(folder: Path):
    """(case id, function, input, expected, negative) of html5lib's character-reference cases."""
    for n, line in enumerate((folder / "html5lib_tokenizer_charrefs.jsonl").open(encoding="utf-8")):
        row = json.loads(line)
        yield f"html5lib:{n}", "entities", row["input"], row["expected"], False, row.get("errors", [])


def textacy_cases(folder: Path):
    for n, line in enumerate((folder / "textacy_preprocessing.jsonl").open(encoding="utf-8")):
        row = json.loads(line)
        params = row["params"]
        yield f"textacy:{n}", row["function"], params["text_in"], params["text_out"], False, []


def clean_text_cases(folder: Path):
    for n, line in enumerate((folder / "clean-text_tests.jsonl").open(encoding="utf-8")):
        row = json.loads(line)
        negative = row.get("relation") == "!="
        yield f"clean-text:{n}", row["function"], row["input"], row["expected"], negative, []


SUITES = {"html5lib": html5lib_cases, "textacy": textacy_cases, "clean-text": clean_text_cases}


def load_differences(path: Path) -> list[dict]:
    """The deliberate differences: suite, what they match (``function``, ``error`` or ``input``),
    the value, and a one-line reason."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE) if not row["suite"].startswith("#")]
    for row in rows:
        if row["kind"] == "input":
            row["value"] = json.loads(row["value"])
    return rows


def explanation(
    differences: list[dict], suite: str, function: str, text: str, errors: list, output: str
) -> str | None:
    """The reason a failing case is a deliberate difference, or None (a defect).

    An exact input wins over an error class, which wins over a whole peer function. A listed
    error class says textfix leaves such text as it is, so it explains a failure only when the
    output is the input (an exact input was reviewed with its output).
    """
    found = {}
    for row in differences:
        if row["suite"] != suite:
            continue
        if (
            (row["kind"] == "input" and row["value"] == text)
            or (row["kind"] == "error" and row["value"] in errors)
            or (row["kind"] == "function" and row["value"] == function)
        ):
            found.setdefault(row["kind"], row["reason"])
    for kind in ("input", "error", "function"):
        if kind in found and (kind != "error" or output == text):
            return found[kind]
    return None


def run_case(function: str, text: str) -> str:
    cleaners = ["entities"] if function == "entities" else COUNTERPARTS.get(function, DEBRIS_CLEANERS)
    return textfix.clean(text, select=cleaners).text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("debris", type=Path, help="folder with the peers' JSONL case files")
    parser.add_argument("--show", type=int, default=0, help="cases to print per suite and class")
    args = parser.parse_args()
    if not (args.debris / "html5lib_tokenizer_charrefs.jsonl").is_file():
        print(f"error: no peer case files in {args.debris}", file=sys.stderr)
        return 2
    differences = load_differences(DIFFERENCES)
    used = Counter()
    total_defects = 0
    for suite, cases in SUITES.items():
        counts: Counter = Counter()
        reasons: Counter = Counter()
        shown = defaultdict(list)
        unescape_matches = 0
        for case_id, function, text, expected, negative, errors in cases(args.debris):
            output = run_case(function, text)
            passed = (output != expected) if negative else (output == expected)
            if function == "entities":
                unescape_matches += html.unescape(text) == expected
            if passed:
                counts["pass"] += 1
                continue
            reason = explanation(differences, suite, function, text, errors, output)
            verdict = "deliberate" if reason else "defect"
            counts[verdict] += 1
            if reason:
                reasons[reason] += 1
                used[reason] += 1
            if len(shown[verdict]) < args.show:
                shown[verdict].append(f"{case_id} {function}: {text[:70]!r} -> {output[:50]!r}, peer {expected[:50]!r}")
        n = sum(counts.values())
        total_defects += counts["defect"]
        print(
            f"{suite}: {n} cases, {counts['pass']} pass ({counts['pass'] / n:.1%}), "
            f"{counts['deliberate']} deliberate differences, {counts['defect']} defects"
        )
        if suite == "html5lib":
            print(f"  reference: html.unescape matches {unescape_matches} ({unescape_matches / n:.1%})")
        for reason, k in reasons.most_common():
            print(f"  {k:5d} deliberate: {reason}")
        for verdict in ("defect", "deliberate"):
            for line in shown[verdict]:
                print(f"    {verdict}: {line}")
    unused = [row for row in differences if row["reason"] not in used]
    for row in unused:
        print(f"note: difference listed but not seen: {row['suite']} {row['kind']} {row['value']!r}")
    print(f"unexplained failures: {total_defects}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The encoding cleaner on real mojibake: pages corrupted here, and ftfy's own expectations.

Gold bodies of the shared pages that hold non-ASCII text are corrupted the ways scrapers do it:
the whole file's UTF-8 read as Windows-1252 or as Latin-1, read wrongly twice (double-encoded),
and every other paragraph corrupted while the rest keeps its correct non-ASCII text. Each is run
through the encoding cleaner alone; a page counts as recovered when the output is the original
exactly, and a corrupted line as recovered when it comes back exactly. Pages split into train and
validation by a hash of their name (one in five is validation): quote the validation lines.
The ftfy lines run ftfy's test cases (ftfy-cases/, Apache-2.0) against ``fixed-encoding``, or
``fixed`` where that is absent, for the cases ftfy itself expects to pass.

Usage: python benchmarks/mojibake.py ../shared/data [--limit N] [--show N]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

import textfix

PAGE_SETS = ["articles", "pages/readability", "pages/wcxb-dev"]


def split_of(path: Path) -> str:
    """``validation`` for one file name in five (fixed by hash), else ``train``."""
    digest = hashlib.sha1(path.name.encode("utf-8")).hexdigest()
    return "validation" if int(digest, 16) % 5 == 0 else "train"


def misread(text: str, codec: str) -> str:
    """``text``'s UTF-8 bytes read as ``codec``, as a browser or a scraper with the wrong guess does.

    Windows-1252 is read the way browsers read it: its five unassigned bytes become the C1
    controls with the same number, so nothing is lost.

    >>> misread("café", "cp1252"), misread("café", "latin-1")
    ('cafÃ©', 'cafÃ©')
    """
    data = text.encode("utf-8")
    if codec == "latin-1":
        return data.decode("latin-1")
    return "".join(
        chunk.decode("cp1252") if i % 2 == 0 else chunk.decode("latin-1")
        for i, chunk in enumerate(_split_unassigned(data))
    )


_UNASSIGNED_CP1252 = {0x81, 0x8D, 0x8F, 0x90, 0x9D}


def _split_unassigned(data: bytes):
    """Runs of bytes cp1252 can decode, alternating with single bytes it cannot."""
    start = 0
    for i, byte in enumerate(data):
        if byte in _UNASSIGNED_CP1252:
            yield data[start:i]
            yield data[i : i + 1]
            start = i + 1
    yield data[start:]


def corruptions(text: str) -> dict[str, str]:
    """The corrupted versions of ``text`` this benchmark tries, by name."""
    paragraphs = text.split("\n\n")
    mixed = "\n\n".join(misread(p, "cp1252") if i % 2 else p for i, p in enumerate(paragraphs))
    return {
        "whole file as cp1252": misread(text, "cp1252"),
        "whole file as latin-1": misread(text, "latin-1"),
        "double-encoded (cp1252 twice)": misread(misread(text, "cp1252"), "cp1252"),
        "mixed: every other paragraph": mixed,
    }


def pages_with_non_ascii(data: Path, limit: int):
    """(split, path, text) of gold bodies with non-ASCII text, up to ``limit`` per split."""
    taken: Counter = Counter()
    for name in PAGE_SETS:
        for path in sorted((data / name).glob("*.gold.txt")):
            split = split_of(path)
            if limit and taken[split] >= limit:
                continue
            text = path.read_text(encoding="utf-8", errors="replace")
            if "\ufffd" in text or text.isascii():
                continue
            taken[split] += 1
            yield split, path, text


def ftfy_figures(folder: Path) -> tuple[int, int, list]:
    """(passed, cases, failures) of ftfy's own cases that ftfy expects to pass."""
    passed = total = 0
    failures = []
    for path in sorted(folder.glob("*.json")):
        if path.name == "known-failures.json":
            continue
        for case in json.loads(path.read_text(encoding="utf-8")):
            if case.get("expect") != "pass":
                continue
            total += 1
            expected = case.get("fixed-encoding", case["fixed"])
            output = textfix.clean(case["original"], select=["encoding"]).text
            if output == expected:
                passed += 1
            else:
                failures.append((path.stem, case["label"], output, expected))
    return passed, total, failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="the shared data folder (articles/, pages/, ftfy-cases/)")
    parser.add_argument("--limit", type=int, default=0, help="at most this many pages per split (0: all)")
    parser.add_argument("--show", type=int, default=0, help="failures to print per corruption")
    args = parser.parse_args()
    if not (args.data / "ftfy-cases").is_dir():
        print(f"error: no ftfy-cases/ under {args.data}", file=sys.stderr)
        return 2
    pipeline = textfix.make_pipeline(select=["encoding"])
    pages: Counter = Counter()
    recovered: Counter = Counter()
    lines: Counter = Counter()
    lines_recovered: Counter = Counter()
    shown: Counter = Counter()
    for split, path, text in pages_with_non_ascii(args.data, args.limit):
        for name, corrupted in corruptions(text).items():
            if corrupted == text:
                continue
            output = pipeline.run(corrupted).text
            pages[split, name] += 1
            recovered[split, name] += output == text
            original_lines, bad_lines, out_lines = text.split("\n"), corrupted.split("\n"), output.split("\n")
            for want, bad, got in zip(original_lines, bad_lines, out_lines if len(out_lines) == len(original_lines) else []):
                if want != bad:
                    lines[split, name] += 1
                    lines_recovered[split, name] += got == want
                    if split == "train" and got != want and shown[name] < args.show:
                        shown[name] += 1
                        print(f"  {name} {path.name}: {bad[:70]!r} -> {got[:70]!r}")
            if len(out_lines) != len(original_lines):
                lines[split, name] += sum(a != b for a, b in zip(original_lines, bad_lines))
    names = list(corruptions("é").keys())
    for split in ("train", "validation"):
        for name in names:
            n, k = pages[split, name], recovered[split, name]
            ln, lk = lines[split, name], lines_recovered[split, name]
            if n:
                print(
                    f"{split} {name}: {k}/{n} pages recovered exactly ({k / n:.1%}), "
                    f"{lk}/{ln} corrupted lines ({lk / max(ln, 1):.1%})"
                )
    passed, total, failures = ftfy_figures(args.data / "ftfy-cases")
    print(f"ftfy's own cases it expects to pass: {passed}/{total} ({passed / max(total, 1):.1%})")
    for stem, label, output, expected in failures[: args.show]:
        print(f"  ftfy {stem} {label}: {output[:60]!r}, expected {expected[:60]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

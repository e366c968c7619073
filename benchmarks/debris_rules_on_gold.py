"""How often chosen debris rules fire on text editors kept (false positives) and on whole pages.

Every edit on a gold body is a candidate false positive (suggestions, which are not applied
without ``--unsafe``, are counted apart). Files split into train and validation
by a hash of their name (one in five is validation); rules were looked at and tuned on train
only, so quote the validation line. Dirty pages are counted too, to show where a rule fires.

Usage: python benchmarks/debris_rules_on_gold.py ../shared/data [--rules stray-full-stop ...] [--show N]
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections import Counter
from pathlib import Path

import textfix

DEFAULT_RULES = ["stray-full-stop", "apostrophe-style", "spaced-hyphen", "bullet-point"]
GOLD_SETS = ["articles", "pages/readability", "pages/wcxb-dev"]


def split_of(path: Path) -> str:
    """``validation`` for one file name in five (fixed by hash), else ``train``."""
    digest = hashlib.sha1(path.name.encode("utf-8")).hexdigest()
    return "validation" if int(digest, 16) % 5 == 0 else "train"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="the shared data folder (with articles/ and pages/)")
    parser.add_argument("--rules", nargs="*", default=DEFAULT_RULES)
    parser.add_argument("--show", type=int, default=0, help="examples to print per rule")
    args = parser.parse_args()
    folders = [args.data / name for name in GOLD_SETS if (args.data / name).is_dir()]
    if not folders:
        print(f"error: no articles/ or pages/ under {args.data}", file=sys.stderr)
        return 2
    known = textfix.make_pipeline().cleaners
    known_rules = {rule for cleaner in known for rule in cleaner.rules}
    rules = [rule for rule in args.rules if rule in known_rules]
    if not rules:
        print(f"error: none of these rules exist: {' '.join(args.rules)}", file=sys.stderr)
        return 2
    pipeline = textfix.make_pipeline(select=rules)
    edits: Counter = Counter()
    files: Counter = Counter()
    shown: Counter = Counter()
    for folder in folders:
        for kind in ("gold", "dirty"):
            for path in sorted(folder.glob(f"*.{kind}.txt")):
                split = split_of(path)
                files[kind, split] += 1
                text = path.read_text(encoding="utf-8", errors="replace")
                result = pipeline.run(text)
                for edit in result.edits + result.suggestions:
                    edits[kind, split, edit.rule] += 1
                    edits[kind, split, edit.rule, edit.applied] += 1
                    if kind == "gold" and split == "train" and shown[edit.rule] < args.show:
                        shown[edit.rule] += 1
                        context = text[max(0, edit.orig_start - 40) : edit.orig_end + 30].replace("\n", " ")
                        print(f"  {edit.rule} {path.parent.name}/{path.name}: {context!r}")
    for kind in ("gold", "dirty"):
        for split in ("train", "validation"):
            counts = ", ".join(
                f"{rule} {edits[kind, split, rule, True]} applied + {edits[kind, split, rule, False]} suggested"
                for rule in rules
            )
            print(f"{kind} {split} ({files[kind, split]} files): {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

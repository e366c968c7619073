"""One hash of textfix's output per page set: proof that a speed change changes no output.

Every ``NAME.dirty.txt`` of each page set under DATA_DIR (``articles/`` and each ``pages/*/``)
is cleaned with the default options and with ``unsafe=True``. Per set and option set the script
prints two hashes: one of the cleaned texts, one of the report (every applied edit and
suggestion, as the JSON report writes them). Run it on two branches and compare the lines; a
page that raises contributes its error's type and message instead.

Usage: python benchmarks/output_hashes.py DATA_DIR [--jobs N] [--max N] [--options default,unsafe]
e.g.   python benchmarks/output_hashes.py ../shared/data --jobs 2
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

OPTION_SETS = {"default": {}, "unsafe": {"unsafe": True}}


def page_sets(data_dir: Path) -> dict[str, list[Path]]:
    """The dirty pages of each set, by the set's folder relative to ``data_dir``, in a fixed order."""
    folders = [data_dir / "articles"] + sorted(p for p in (data_dir / "pages").glob("*") if p.is_dir())
    sets = {str(folder.relative_to(data_dir)): sorted(folder.glob("*.dirty.txt")) for folder in folders}
    return {name: pages for name, pages in sets.items() if pages}


def cleaned(job: tuple[str, str]) -> tuple[str, str]:
    """The cleaned text and the report of one page under one option set, each as one string.

    >>> cleaned(("-", "default"))
    ('error: FileNotFoundError', 'error: FileNotFoundError')
    """
    import textfix

    path, option_set = job
    try:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
        result = textfix.clean(text, **OPTION_SETS[option_set])
    except Exception as error:  # a failure is part of the output: it must not change either
        message = f"error: {type(error).__name__}"
        return message, message
    report = json.dumps([[e.to_dict() for e in result.edits], [e.to_dict() for e in result.suggestions]],
                        ensure_ascii=False, sort_keys=True)
    return result.text, report


def digest(parts: list[str]) -> str:
    """A short SHA-256 of the parts, each one length-prefixed so that no two lists collide.

    >>> digest(["ab", "c"]) != digest(["a", "bc"])
    True
    """
    hasher = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", errors="surrogatepass")
        hasher.update(len(data).to_bytes(8, "big"))
        hasher.update(data)
    return hasher.hexdigest()[:16]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--max", type=int, default=0, help="first N pages of each set only (0: all)")
    parser.add_argument("--options", default="default,unsafe", help="option sets: default, unsafe")
    args = parser.parse_args(argv)
    option_sets = [name for name in args.options.split(",") if name]
    if unknown := [name for name in option_sets if name not in OPTION_SETS]:
        parser.error(f"unknown option set: {', '.join(unknown)}")
    sets = page_sets(args.data_dir)
    if not sets:
        sys.exit(f"no NAME.dirty.txt pages under {args.data_dir}/articles or {args.data_dir}/pages/*")
    with ProcessPoolExecutor(args.jobs) as pool:
        for set_name, pages in sets.items():
            pages = pages[: args.max] if args.max else pages
            for option_set in option_sets:
                jobs = [(str(page), option_set) for page in pages]
                outputs = list(pool.map(cleaned, jobs, chunksize=8))
                names = [page.name for page in pages]
                texts = digest([part for name, (text, _) in zip(names, outputs) for part in (name, text)])
                reports = digest([part for name, (_, report) in zip(names, outputs) for part in (name, report)])
                print(f"{set_name} {option_set}: {len(pages)} pages, text {texts}, report {reports}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

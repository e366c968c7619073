"""Time of each cleaner and of the whole pipeline at 100 KB and 1 MB, per input class.

Every cleaner should be linear in its input (up to a log factor), so ten times the text should
take about ten times as long: the ratio printed for 1 MB over 100 KB should stay near 10 (11 or
less, allowing for noise). The input classes are the adversarial shapes that used to be worse
than linear, plus real pages: the files given (``*.txt``, searched recursively) joined into one
text and cut to each size.

Each measurement runs in a fresh process (caches do not carry over, and a run past the time
limit is cut off and printed as ``>LIMIT``). The printed time is the best CPU time of ``--repeat``
such processes, each timing one ``Pipeline.run`` after the cleaners' data are loaded and one
small text of the same class was cleaned (so lazy imports are not timed).

Usage: python benchmarks/linear_time.py [PAGES_DIR] [--classes a,b] [--cleaners a,b]
                                        [--sizes 100000,1000000] [--limit SECONDS] [--repeat N]
e.g.   python benchmarks/linear_time.py ../shared/data/pages --cleaners encoding,pipeline
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
from pathlib import Path

CLEANERS = ["encoding", "entities", "punctuation", "numbers", "whitespace", "boilerplate", "spin"]
PIPELINE = "pipeline"  # every cleaner, default options
SAMPLE_PARAGRAPH = (
    "The patient\x92s doctor said it \x93works\x94 and that she\x92d seen it before, "
    "though the study\x92s authors weren\x92t sure \x96 \x93not yet\x94, they wrote. "
)


def repeat_to(unit: str, size: int) -> str:
    """``unit`` repeated and cut to ``size`` characters.

    >>> repeat_to("ab ", 7)
    'ab ab a'
    """
    return (unit * (size // len(unit) + 1))[:size]


def amp_chain(size: int) -> str:
    """One entity behind ``size`` characters of ``&amp;`` layers.

    >>> amp_chain(14)
    '&amp;amp;#39;'
    """
    return "&" + "amp;" * max(1, (size - 5) // 4) + "#39;"


def trailing_spaces(size: int) -> str:
    """A line break, then a long run of spaces before a last letter.

    >>> trailing_spaces(8)
    'a \\n    x'
    """
    return "a \n" + " " * max(0, size - 4) + "x"


# Input class -> how to make a text of about ``size`` characters.
CLASSES = {
    "c1-quotes": lambda size: repeat_to(SAMPLE_PARAGRAPH, size),  # one long line
    "mojibake-line": lambda size: repeat_to("doesnÃ¢â‚¬â„¢t ", size),
    "trailing-spaces": trailing_spaces,
    "reopened-quotes": lambda size: repeat_to("” “a ", size),
    "amp-chain": amp_chain,
    "space-before-stop": lambda size: repeat_to("ab" + " " * 1000 + ".", size),
    "amp-repeated": lambda size: repeat_to("&amp;", size),
    "zero-width": lambda size: repeat_to("a\u200b", size),
    "no-break-space": lambda size: repeat_to("a\u00a0", size),
}


# The largest size the real pages are sampled for: a smaller size takes every k-th of the pages
# that this size takes (k = REFERENCE_SIZE / size), so each size holds the same mix of pages.
REFERENCE_SIZE = 1_000_000


def page_text(folder: Path, size: int) -> str:
    """``*.txt`` files under ``folder`` in a fixed random order, joined by blank lines, cut to
    ``size``. A smaller size is a sample spread over the pages of :data:`REFERENCE_SIZE`, not
    its first pages: how much a cleaner finds to do differs from page to page (a rule's
    cheap test skips a page with nothing for it), and the first 100 KB of pages, say, may be
    cleaner than the rest."""
    paths = sorted(folder.rglob("*.txt"))
    random.Random(0).shuffle(paths)
    stride = max(1, round(REFERENCE_SIZE / size))
    parts, total = [], 0
    for path in paths[::stride]:
        part = path.read_text(encoding="utf-8", errors="replace")
        parts.append(part)
        total += len(part) + 2
        if total >= size:
            break
    text = "\n\n".join(parts)
    if len(text) < size:
        text = repeat_to(text + "\n\n", size)
    return text[:size]


def make_text(name: str, size: int, pages: str | None) -> str:
    if name == "pages":
        return page_text(Path(pages), size)
    return CLASSES[name](size)


def measure_here(name: str, size: int, cleaner: str, pages: str | None, repeat: int) -> dict:
    """Best time of ``repeat`` runs, in this process: what a child process prints."""
    import time

    from textfix import make_pipeline
    from textfix.errors import TextfixError

    text = make_text(name, size, pages)
    pipeline = make_pipeline(select=None if cleaner == PIPELINE else [cleaner])
    pipeline.preload()
    pipeline.run(make_text(name, 2000, pages))  # imports and first-use caches, not measured
    best, error, kept = float("inf"), None, 1.0
    for _ in range(repeat):
        started = time.process_time()  # CPU time: other processes on the machine add no noise
        try:
            kept = len(pipeline.run(text).text) / max(1, len(text))
        except TextfixError as e:  # a run that does not converge still took its time
            error = str(e)
        best = min(best, time.process_time() - started)
    return {"seconds": best, "error": error, "kept": kept}


def measure(name: str, size: int, cleaner: str, pages: str | None, repeat: int, limit: float) -> dict:
    """The best of ``repeat`` runs of ``measure_here``, each in a fresh process (a second run in
    the same process would find the first one's per-line and per-word caches warm, which a
    100 KB text fits in and a 1 MB text does not), cut off after ``limit`` seconds."""
    command = [sys.executable, __file__, "--child", json.dumps([name, size, cleaner, pages, 1])]
    best = None
    for _ in range(repeat):
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=limit)
        except subprocess.TimeoutExpired:
            return {"seconds": None, "error": None}
        if done.returncode:
            return {"seconds": None, "error": done.stderr.strip().splitlines()[-1]}
        found = json.loads(done.stdout)
        if best is None or found["seconds"] < best["seconds"]:
            best = found
    return best


def show(seconds: float | None, limit: float) -> str:
    return f">{limit:g}" if seconds is None else f"{seconds:.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="?", help="a folder of real pages (*.txt) for the 'pages' class")
    parser.add_argument("--classes", default=",".join(CLASSES), help="input classes, comma-separated")
    parser.add_argument("--cleaners", default=",".join(CLEANERS + [PIPELINE]))
    parser.add_argument("--sizes", default="100000,1000000", help="two sizes in characters")
    parser.add_argument("--limit", type=float, default=120.0, help="seconds before a run is cut off")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure_here(*json.loads(args.child))))
        return
    classes = args.classes.split(",")
    if args.pages and "pages" not in classes:
        classes.append("pages")
    small, large = (int(s) for s in args.sizes.split(","))
    # "kept": the share of each input that the run's output keeps. The cleaners after the
    # boilerplate cleaner see only what it keeps, so where that share differs between the sizes,
    # "per kept" (the ratio scaled by it) is the figure that says whether the work is linear.
    print(f"{'class':<18} {'cleaner':<12} {small // 1000:>7} KB {large // 1000:>7} KB  ratio  kept       per kept  note")
    worst = 0.0
    for name in classes:
        for cleaner in args.cleaners.split(","):
            a = measure(name, small, cleaner, args.pages, args.repeat, args.limit)
            b = measure(name, large, cleaner, args.pages, args.repeat, args.limit) if a["seconds"] is not None else a
            ratio, kept, per_kept = "-", "-", "-"
            if a["seconds"] is not None and b["seconds"] is not None:
                value = b["seconds"] / max(a["seconds"], 1e-4)
                ratio = f"{value:.1f}"
                kept = f"{a['kept']:.0%}/{b['kept']:.0%}"
                if min(a["kept"], b["kept"]) >= 0.1:  # a text cleaned down to a few characters has no share
                    per_kept = f"{value * a['kept'] / b['kept']:.1f}"
                if a["seconds"] >= 0.01 and b["seconds"] > 0.05:
                    # Ratios of millisecond runs are noise and the cheap tests' luck: a rule that
                    # finds nothing in the smaller text skips it, and scans the larger one.
                    worst = max(worst, value)
            note = (b["error"] or a["error"] or "")[:60]
            print(f"{name:<18} {cleaner:<12} {show(a['seconds'], args.limit):>10} {show(b['seconds'], args.limit):>10}"
                  f"  {ratio:>5}  {kept:<9}  {per_kept:>8}  {note}", flush=True)
    print(f"worst ratio among runs of at least 0.01 s (100 KB) and 0.05 s (1 MB): {worst:.1f}")


if __name__ == "__main__":
    main()

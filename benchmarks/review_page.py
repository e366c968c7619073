"""How big and how fast is the HTML review page for a large batch?

Builds ``--files`` results (default 1,000) with at least ``--edits`` edits in all (default 50,000)
from real scraped pages: each page (``NAME.dirty.txt`` in DATA_DIR) is repeated with damage that
scraped text really has (doubled spaces, trailing spaces, no-break spaces, soft hyphens, broken
apostrophe entities) sprinkled in at random, then cleaned by textfix. Prints the page's size and
the time headless Chromium takes to open it (load event, and the page's own "ready" mark), plus
the time to open the file with most edits. Measures and prints only; asserts nothing.

    python benchmarks/review_page.py DATA_DIR [--files 1000] [--edits 50000] [--out review.html]
"""

from __future__ import annotations

import argparse
import math
import random
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

import textfix
from textfix.review import render_html

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from browser import NoBrowser, headless_chromium  # noqa: E402 - the tests' browser harness

DAMAGE = (
    lambda w: w + "  ",            # doubled space after a word
    lambda w: w + "\u00a0",        # no-break space between words
    lambda w: w[:2] + "\u00ad" + w[2:] if len(w) > 4 else w + "  ",  # soft hyphen inside a word
    lambda w: w + " &#39;",        # apostrophe entity debris
)


def damaged(text: str, count: int, rng: random.Random) -> str:
    """``text`` with about ``count`` damaged spots at word ends, and trailing spaces on some lines."""
    words = list(re.finditer(r"\w+ ", text))
    if not words:
        return text
    picks = sorted(rng.sample(range(len(words)), min(count, len(words))))
    parts, pos = [], 0
    for i in picks:
        m = words[i]
        parts.append(text[pos : m.start()])
        parts.append(rng.choice(DAMAGE)(m.group()[:-1]) + " ")
        pos = m.end()
    parts.append(text[pos:])
    lines = "".join(parts).split("\n")
    for i in rng.sample(range(len(lines)), max(1, len(lines) // 10)):
        lines[i] += "   "
    return "\n".join(lines)


def build_results(data_dir: Path, files: int, edits: int, seed: int = 1) -> list:
    pages = sorted(data_dir.glob("*.dirty.txt"))
    if not pages:
        sys.exit(f"no *.dirty.txt files in {data_dir}")
    texts = [p.read_text(encoding="utf-8") for p in pages]
    rng = random.Random(seed)
    per_file = math.ceil(edits / files)
    pipeline = textfix.make_pipeline()
    results, total = [], 0
    for i in range(files):
        # One file in ten is left alone, as in a real batch.
        text = texts[i % len(texts)]
        if i % 10 != 9:
            still_needed = edits - total
            text = damaged(text, max(per_file, math.ceil(1.25 * still_needed / (files - i))), rng)
        result = pipeline.run(text, path=f"{pages[i % len(pages)].name}#{i}")
        total += len(result.edits)
        results.append(result)
    return results


def load_in_chromium(path: Path) -> dict | None:
    try:
        with headless_chromium() as driver:
            return _measure(driver, path)
    except NoBrowser as e:
        print(f"load time not measured: {e}")
        return None


def _measure(driver, path: Path) -> dict:
    driver.set_page_load_timeout(300)
    loads = []
    for _ in range(2):  # a fresh browser first, then a reload with the file in the OS cache
        started = time.perf_counter()
        driver.get(path.as_uri())
        wall = time.perf_counter() - started
        loads.append(driver.execute_script(
            "var n = performance.getEntriesByType('navigation')[0];"
            "return [n.domContentLoadedEventEnd, n.loadEventEnd, window.textfixReadyAt || null];") + [wall])
    driver.set_script_timeout(120)
    open_file = driver.execute_async_script("""
        var done = arguments[0], files = document.querySelectorAll('details.file'), best = null, most = -1;
        files.forEach(function (d) {
          var n = parseInt(d.querySelector('.file-n').textContent, 10);
          if (n > most) { most = n; best = d; }
        });
        var t0 = performance.now();
        best.open = true;
        (function wait() {
          if (!best.querySelector('pre.text')) return setTimeout(wait, 0);
          requestAnimationFrame(function () { setTimeout(function () { done([performance.now() - t0, most]); }, 0); });
        })();
    """)
    return {"loads": loads, "open_ms": open_file[0], "open_edits": open_file[1]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", type=Path, help="folder with NAME.dirty.txt pages")
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--edits", type=int, default=50000)
    parser.add_argument("--out", type=Path, help="where to write the page (default: a temporary file)")
    args = parser.parse_args()

    started = time.perf_counter()
    results = build_results(args.data_dir, args.files, args.edits)
    cleaned_in = time.perf_counter() - started
    edits = sum(len(r.edits) for r in results)
    print(f"results: {len(results)} files, {edits} edits, "
          f"{sum(len(r.suggestions) for r in results)} suggestions (built and cleaned in {cleaned_in:.1f} s)")

    started = time.perf_counter()
    page = render_html(results)
    rendered_in = time.perf_counter() - started
    out = args.out or Path(tempfile.mkdtemp(prefix="textfix-review-")) / "review.html"
    out.write_text(page, encoding="utf-8")
    size = out.stat().st_size
    text_size = sum(len(r.original.encode("utf-8")) for r in results)
    print(f"page: {size / 1e6:.1f} MB ({text_size / 1e6:.1f} MB of it input text), rendered in {rendered_in:.2f} s, "
          f"written to {out}")

    timing = load_in_chromium(out)
    if timing:
        for label, (dcl, load, ready, wall) in zip(("first load", "second load"), timing["loads"]):
            print(f"headless chromium, {label}: DOMContentLoaded {dcl:.0f} ms, load event {load:.0f} ms, "
                  f"page ready {ready:.0f} ms (driver.get wall {wall:.2f} s)")
        print(f"opening the file with most edits ({timing['open_edits']}): {timing['open_ms']:.0f} ms")
    if not args.out:
        shutil.rmtree(out.parent, ignore_errors=True)


if __name__ == "__main__":
    main()

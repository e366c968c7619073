#!/usr/bin/env python3
"""Site templates learned across a batch: F1 with and without them, cost, and article safety.

    python benchmarks/site_templates.py SHARED_DATA_DIR [--k K] [--p P] [--grid]

The dev batches are the ``pages/wcxb-dev`` pages grouped by the host of the URL in their
NAME.json; a host with fewer than ``--min-pages`` usable pages is no batch. The split is by site
and fixed: a site is in the validation half when the first byte of the SHA-256 of its host is
odd (tune on train, quote validation). Each site's pages are learned as one batch and cleaned
with the learned file (the page's folder names its site), scored by the shared scorer's macro
word-4-shingle F1 (``SHARED_DATA_DIR/../eval/score_pages.py``).

Printed: per half, sites, pages, F1/P/R without and with templates and the pages whose F1 moved;
``--grid`` adds a k/p grid on the train half. Then the gold bodies fed as a batch of their sites
(words the ``site-template`` rule removes per 1000: must stay under 1), and the learning cost:
seconds and peak traced memory per million lines, uncapped and with a small key cap.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import tracemalloc
from collections import defaultdict
from pathlib import Path

from dev_split import in_validation, load_scorer

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from textfix import make_pipeline  # noqa: E402
from textfix.templates import DEFAULT_K, DEFAULT_P, SiteCounter, learn, write_templates  # noqa: E402
from textfix.templates.matching import load  # noqa: E402
from textfix.templates.sources import site_of_value  # noqa: E402


def site_batches(scorer, data_dir: Path, min_pages: int) -> dict[str, list[tuple[str, str, str]]]:
    """host -> [(name, dirty, gold)] for hosts with at least ``min_pages`` usable pages."""
    folder = data_dir / "pages" / "wcxb-dev"
    if not folder.exists():
        sys.exit(f"missing set: {folder}")
    sites = defaultdict(list)
    for _, name, dirty, gold, meta in scorer.pages([folder], None, 0):
        site = site_of_value(meta.get("url"))
        if site and gold and gold.strip() and meta.get("usable", True):
            sites[site].append((name, dirty, gold))
    return {site: pages for site, pages in sorted(sites.items()) if len(pages) >= min_pages}


def learned_file(sites, folder: str, k: int, p: float, field: int) -> str:
    """Learn every site's batch (field 1: the dirty pages, 2: the gold bodies) into one file."""
    counter = SiteCounter()
    for site, pages in sites.items():
        for page in pages:
            counter.add(site, page[field])
    path = os.path.join(folder, f"k{k}-p{p}-{field}.templates")
    write_templates(learn(counter, k, p), path)
    return path


def clean(pipeline, site: str, name: str, text: str):
    return pipeline.run(text, path=os.path.join(site, name))  # the folder names the site


def evaluate(scorer, sites, templates: str | None) -> dict[str, dict]:
    """site -> {name: (f1, p, r)}"""
    options = {"boilerplate": {"templates": [templates]}} if templates else {}
    pipeline = make_pipeline(options=options)
    scores = {}
    for site, pages in sites.items():
        scores[site] = {}
        for name, dirty, gold in pages:
            out = clean(pipeline, site, name, dirty).text
            precision, recall, f1 = scorer.prf(out, gold)
            scores[site][name] = (f1, precision, recall)
    return scores


def summary(scores: dict[str, dict], sites) -> tuple[int, float, float, float]:
    values = [v for site in sites for v in scores[site].values()]
    n = len(values) or 1
    return len(values), sum(v[0] for v in values) / n, sum(v[1] for v in values) / n, sum(v[2] for v in values) / n


def print_halves(scorer, sites, k: int, p: float, folder: str, baseline) -> None:
    path = learned_file(sites, folder, k, p, 1)
    with_templates = evaluate(scorer, sites, path)
    print(f"\n# k={k} p={p:g}: {len(load((path,)))} template keys")
    print(f"{'half':<6} {'sites':>5} {'pages':>5} {'F1 off':>7} {'F1 on':>7} {'P off':>6} {'P on':>6} {'R off':>6} {'R on':>6}"
          f" {'better':>6} {'worse':>6}")
    for validation in (False, True):
        half = [s for s in sites if in_validation(s) == validation]
        n, f_off, p_off, r_off = summary(baseline, half)
        _, f_on, p_on, r_on = summary(with_templates, half)
        better = sum(with_templates[s][m][0] > baseline[s][m][0] + 0.01 for s in half for m in baseline[s])
        worse = sum(with_templates[s][m][0] < baseline[s][m][0] - 0.01 for s in half for m in baseline[s])
        print(f"{'val' if validation else 'train':<6} {len(half):>5} {n:>5} {f_off:>7.3f} {f_on:>7.3f} {p_off:>6.3f} {p_on:>6.3f}"
              f" {r_off:>6.3f} {r_on:>6.3f} {better:>6} {worse:>6}")


def gold_loss(scorer, sites, k: int, p: float, folder: str) -> None:
    """Gold bodies fed as a batch: the words the site-template rule removes from them."""
    path = learned_file(sites, folder, k, p, 2)
    pipeline = make_pipeline(options={"boilerplate": {"templates": [path]}})
    print("\n# gold bodies as a batch: words removed by site-template")
    for validation in (False, True):
        lost = total = 0
        for site in (s for s in sites if in_validation(s) == validation):
            for name, _, gold in sites[site]:
                result = clean(pipeline, site, name, gold)
                total += len(scorer.WORD.findall(gold))
                lost += sum(len(scorer.WORD.findall(e.before)) for e in result.edits if e.rule == "site-template")
        print(f"{'val' if validation else 'train':<6} words {total:>8}  lost {lost:>6}  per 1000 {1000 * lost / max(total, 1):.2f}")


def learning_cost(sites, repeats: int) -> None:
    """Seconds and peak traced memory per million lines learning over the dirty pages, copied
    ``repeats`` times under distinct site names (a bigger batch with as many sites again)."""
    texts = [(site, page[1]) for site, pages in sites.items() for page in pages]
    lines = sum(text.count("\n") + 1 for _, text in texts) * repeats
    print(f"\n# learning cost over {lines} lines ({len(texts) * repeats} documents)")
    for cap in (None, 20_000):
        for traced in (False, True):  # timed untraced, then traced for the peak memory
            counter = SiteCounter(cap=cap) if cap else SiteCounter()
            if traced:
                tracemalloc.start()
            started = time.perf_counter()
            for copy in range(repeats):
                for site, text in texts:
                    counter.add(f"{site}#{copy}", text)
            if not traced:
                seconds = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(f"cap {cap or 'default':>8}: {seconds * 1e6 / lines:6.2f} s and {peak / lines:7.1f} MB per million lines"
              f" (keys held {len(counter.counts)})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--k", type=int, default=DEFAULT_K)
    parser.add_argument("--p", type=float, default=DEFAULT_P)
    parser.add_argument("--min-pages", type=int, default=3)
    parser.add_argument("--grid", action="store_true", help="Also a k/p grid on the train half.")
    parser.add_argument("--repeats", type=int, default=3, help="Copies of the batch for the cost figures.")
    args = parser.parse_args()
    import tempfile

    scorer = load_scorer(args.data_dir)
    sites = site_batches(scorer, args.data_dir, args.min_pages)
    print(f"{len(sites)} sites with at least {args.min_pages} pages, {sum(map(len, sites.values()))} pages")
    baseline = evaluate(scorer, sites, None)
    with tempfile.TemporaryDirectory() as folder:
        print_halves(scorer, sites, args.k, args.p, folder, baseline)
        if args.grid:
            train = {s: v for s, v in sites.items() if not in_validation(s)}
            for k, p in ((3, 0.5), (4, 0.5), (5, 0.5), (5, 0.7)):
                print_halves(scorer, train, k, p, folder, baseline)
                gold_loss(scorer, train, k, p, folder)
        gold_loss(scorer, sites, args.k, args.p, folder)
    learning_cost(sites, args.repeats)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""textfix against ftfy in the same run: one-shot commands, throughput, --jobs scaling, growth.

Prints each figure as a ratio against ftfy measured moments before on the same input, so a busy
machine slows both sides alike:

- one-shot wall time (and CPU time, steadier on a shared machine) of ``echo hello | textfix
  clean -`` and of one ~5 KB article on stdin, against a Python one-liner that runs
  ``ftfy.fix_text`` on the same input (median of N). Both run as installed: with their modules'
  bytecode cached (pip compiles it at install), here in a temporary cache folder filled by one
  untimed run of each. ``--bytecode as-is`` keeps this environment's setting instead: with
  PYTHONDONTWRITEBYTECODE set and textfix run from its source tree, every textfix module is
  compiled again on each run, and ftfy's, installed with its bytecode, is not;
- the CPU time of each data file's load on its own (a fresh process per load, median of N);
- throughput of ``textfix.clean`` (default pipeline, all cleaners) against ``ftfy.fix_text``, in
  CPU seconds, first on pages the process has never cleaned (cold caches), then on the same pages
  again (warm); the data loading is timed apart, on one short text;
- ``textfix clean --check --jobs 2`` against ``--jobs 1`` on a folder of distinct pages;
- growth: the time for 10 KB, 100 KB and 1 MB of real page text (a 10x larger input should cost
  at most 11x).

Usage: python benchmarks/speed_vs_ftfy.py DATA_DIR [--repeat N] [--pages N] [--no-jobs] [--only PART]
       [--bytecode cached|as-is] [--max N]
(DATA_DIR holds articles/ and pages/, i.e. the shared data folder; PART: one-shot, throughput,
loads, growth or jobs, to run that part alone; ``--max N`` times throughput and growth on N
pages spread evenly over all the sets, every k-th page in the fixed order, for a quick run)
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from statistics import median

PARTS = ("one-shot", "loads", "throughput", "growth", "jobs")
# What the first documents make textfix load, each timed in a fresh process that has built the
# default pipeline already (so its imports are not counted): (label, statement).
LOADS = (
    ("spin phrase table", "from textfix.spin.phrases import default_table; default_table()"),
    ("spin common words (every English text)", "from textfix.spin.stats import common_count; common_count(['the'])"),
    ("spin statistics (a spun-looking text)", "from textfix.spin import stats; stats.load()"),
    ("spin language model (an English text long enough to judge)",
     "from textfix.spin.lm import default_model; default_model()"),
    ("text layer expressions (a line with a non-ASCII letter)",
     "from textfix.text.tokens import bmp_expressions; bmp_expressions()"),
    ("English word list (numbers: a word hyphenated at a line end)",
     "from textfix.cleaners.numbers import english_words; english_words()"),
    ("stop-word index", "from textfix.language import preload; preload(profiles=False)"),
    ("boilerplate patterns (a text of 2+ lines)", "from textfix.boilerplate.patterns import match_line; match_line('Share this')"),
    ("ftfy (a line that may be mojibake)", "import ftfy"),
)
LOAD_TIMER = """import sys, time, textfix
textfix.make_pipeline()
started = time.process_time()
exec(sys.argv[1])
print(time.process_time() - started)"""
FTFY_ONE_LINER = "import sys, ftfy; sys.stdout.write(ftfy.fix_text(sys.stdin.read()))"


def dirty_pages(data_dir: Path) -> list[Path]:
    """Every NAME.dirty.txt under the article and page sets, in a fixed order."""
    return sorted(data_dir.glob("articles/*.dirty.txt")) + sorted(data_dir.glob("pages/*/*.dirty.txt"))


def spread(pages: list[Path], count: int) -> list[Path]:
    """``count`` of the pages, every k-th one in their order (all of them when ``count`` is 0
    or not below their number).

    >>> [p.name for p in spread([Path(str(i)) for i in range(10)], 3)]
    ['0', '3', '6']
    """
    if not count or count >= len(pages):
        return pages
    return pages[:: len(pages) // count][:count]


def textfix_command() -> list[str]:
    """textfix as a module of the interpreter running this script, so that both sides run on one
    Python and the textfix measured is the one this interpreter imports (not another install's
    ``textfix`` script found on PATH)."""
    return [sys.executable, "-m", "textfix"]


def wall_seconds(command: list[str], stdin: bytes, repeat: int) -> float:
    """Median wall time of ``command`` fed ``stdin``, over ``repeat`` runs."""
    return run_seconds(command, stdin, repeat)[0]


def run_seconds(command: list[str], stdin: bytes, repeat: int, env: dict | None = None) -> tuple[float, float]:
    """Median wall time and median CPU time (user + system) of ``command`` fed ``stdin``, over
    ``repeat`` runs. On a shared machine the CPU time moves less than the wall time."""
    walls, cpus = [], []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(command, input=stdin, stdout=subprocess.DEVNULL, check=False, env=env)
        walls.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return median(walls), median(cpus)


def cached_bytecode_env(cache_folder: str) -> dict:
    """This environment with module bytecode written to and read from ``cache_folder``."""
    env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = cache_folder
    return env


def one_shot(article: Path, repeat: int, bytecode: str) -> None:
    with tempfile.TemporaryDirectory() as cache_folder:
        env = cached_bytecode_env(cache_folder) if bytecode == "cached" else None
        print("one-shot: bytecode cached in a fresh folder by one untimed run of each command (as after an install)"
              if env else f"one-shot: bytecode as-is (PYTHONDONTWRITEBYTECODE={os.environ.get('PYTHONDONTWRITEBYTECODE', '')})")
        one_shot_runs(article, repeat, env)


def one_shot_runs(article: Path, repeat: int, env: dict | None) -> None:
    ftfy_command = [sys.executable, "-c", FTFY_ONE_LINER]
    if env is not None:  # fill the bytecode cache
        for command in (ftfy_command, textfix_command() + ["clean", "-"]):
            run_seconds(command, article.read_bytes(), 1, env)
    for label, data in (("hello", b"hello\n"), (f"{article.stat().st_size / 1000:.1f} KB article", article.read_bytes())):
        ftfy_wall, ftfy_cpu = run_seconds(ftfy_command, data, repeat, env)
        textfix_wall, textfix_cpu = run_seconds(textfix_command() + ["clean", "-"], data, repeat, env)
        print(f"one-shot {label}: wall textfix {textfix_wall * 1000:.0f} ms, ftfy {ftfy_wall * 1000:.0f} ms, "
              f"ratio {textfix_wall / ftfy_wall:.2f}x ftfy's time; CPU textfix {textfix_cpu * 1000:.0f} ms, "
              f"ftfy {ftfy_cpu * 1000:.0f} ms, ratio {textfix_cpu / ftfy_cpu:.2f}x")


def data_loads(repeat: int) -> None:
    """CPU time of each data load on its own, the median of ``repeat`` fresh processes."""
    for label, statement in LOADS:
        times = []
        for _ in range(repeat):
            done = subprocess.run([sys.executable, "-c", LOAD_TIMER, statement], capture_output=True, text=True)
            times.append(float(done.stdout.strip() or "nan"))
        print(f"load {label}: {median(times) * 1000:.0f} ms CPU ({min(times) * 1000:.0f}-{max(times) * 1000:.0f})")


def cpu_seconds(function, texts: list[str]) -> float:
    started = time.process_time()
    for text in texts:
        function(text)
    return time.process_time() - started


def throughput(texts: list[str]) -> None:
    import ftfy
    import textfix

    megabytes = sum(len(text.encode()) for text in texts) / 1e6
    started = time.process_time()
    textfix.clean("A short sentence loads the tables, which are timed apart.")
    print(f"textfix data load: {(time.process_time() - started) * 1000:.0f} ms CPU")
    ftfy_cold = cpu_seconds(ftfy.fix_text, texts)
    textfix_cold = cpu_seconds(textfix.clean, texts)
    ftfy_warm = cpu_seconds(ftfy.fix_text, texts)
    textfix_warm = cpu_seconds(textfix.clean, texts)
    for label, ours, theirs in (("cold", textfix_cold, ftfy_cold), ("warm", textfix_warm, ftfy_warm)):
        print(f"throughput {label}, {len(texts)} pages, {megabytes:.1f} MB: textfix "
              f"{megabytes / ours:.2f} MB/s, ftfy {megabytes / theirs:.2f} MB/s, "
              f"textfix at {theirs / ours:.2f}x ftfy's speed")


def jobs_scaling(pages: list[Path], repeat: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        for index, page in enumerate(pages):
            shutil.copyfile(page, Path(folder) / f"{index:05d}.txt")
        seconds = {}
        for jobs in (1, 2):
            command = textfix_command() + ["clean", "--check", "--jobs", str(jobs), folder]
            seconds[jobs] = wall_seconds(command, b"", repeat)
        print(f"--jobs 2 vs --jobs 1 on {len(pages)} distinct pages: {seconds[1]:.1f} s vs "
              f"{seconds[2]:.1f} s, {seconds[1] / seconds[2]:.2f}x")


def real_text(texts: list[str], size: int) -> str:
    """``size`` characters of page text, whole pages joined by blank lines, cut at a line end."""
    parts, total = [], 0
    for text in texts:
        parts.append(text)
        total += len(text) + 2
        if total >= size:
            break
    joined = "\n\n".join(parts)[:size]
    return joined[: joined.rfind("\n") + 1] or joined


def growth(texts: list[str]) -> None:
    import textfix

    textfix.clean("Loads the tables first.")
    timings = {}
    for size in (10_000, 100_000, 1_000_000):
        text = real_text(texts, size)
        started = time.process_time()
        textfix.clean(text)
        timings[size] = time.process_time() - started
    print("growth: " + ", ".join(f"{size // 1000} KB {seconds:.2f} s" for size, seconds in timings.items())
          + f"; x10 costs x{timings[100_000] / timings[10_000]:.1f} then x{timings[1_000_000] / timings[100_000]:.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--repeat", type=int, default=7, help="runs per one-shot timing (median)")
    parser.add_argument("--pages", type=int, default=1200, help="distinct pages for --jobs scaling")
    parser.add_argument("--no-jobs", action="store_true", help="skip the --jobs scaling run")
    parser.add_argument("--only", choices=PARTS, help="run this part alone")
    parser.add_argument("--max", type=int, default=0, help="throughput and growth on N pages spread over the sets (0: all)")
    parser.add_argument("--bytecode", choices=("cached", "as-is"), default="cached",
                        help="one-shot runs with bytecode cached as after an install (default), or as this environment says")
    args = parser.parse_args()
    parts = {args.only} if args.only else set(PARTS) - ({"jobs"} if args.no_jobs else set())
    pages = dirty_pages(args.data_dir)
    if not pages:
        parser.error(f"no NAME.dirty.txt pages under {args.data_dir}")
    if "one-shot" in parts:
        one_shot(min(pages[:200], key=lambda page: abs(page.stat().st_size - 5000)), args.repeat, args.bytecode)
    if "loads" in parts:
        data_loads(args.repeat)
    texts = [page.read_text(encoding="utf-8") for page in spread(pages, args.max)]
    if "throughput" in parts:
        throughput(texts)
    if "growth" in parts:
        growth(texts[::-1])
    if "jobs" in parts:
        jobs_scaling(pages[: args.pages], max(1, args.repeat // 3))


if __name__ == "__main__":
    main()

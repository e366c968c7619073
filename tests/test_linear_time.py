"""Every cleaner and the pipeline take time linear in the input: the adversarial input classes
of benchmarks/linear_time.py, each within a generous bound.

The bounds are CPU seconds (other processes on a loaded machine do not count) and leave more
than ten times the time the code takes, so they never flake; a quadratic regression takes
minutes on these sizes. Where the old quadratic cost showed only on larger input, the class
also runs at 400 KB.
"""

from __future__ import annotations

import importlib.util
import time
from pathlib import Path

import pytest

import textfix

BENCHMARK = Path(__file__).parent.parent / "benchmarks" / "linear_time.py"


def _load_benchmark():
    """benchmarks/linear_time.py, loaded by path (benchmarks/ is not a package)."""
    spec = importlib.util.spec_from_file_location("textfix_linear_time", BENCHMARK)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


CLASSES = _load_benchmark().CLASSES
# Input class -> the cleaner that used to be worse than linear on it.
SLOW_BEFORE = {
    "c1-quotes": "encoding",
    "mojibake-line": "encoding",
    "trailing-spaces": "whitespace",
    "reopened-quotes": "punctuation",
    "amp-chain": "entities",
    "space-before-stop": "punctuation",
    "amp-repeated": "entities",
    "zero-width": "whitespace",
    "no-break-space": "whitespace",
}
SECONDS_PER_100_KB = 5.0
LARGE = {"reopened-quotes": 8.0, "amp-chain": 2.0}  # seconds at 400 KB (it took 16 s and 6 s)


def cpu_seconds(text: str, select: list[str] | None) -> float:
    pipeline = textfix.make_pipeline(select=select)
    pipeline.run(text[:1000])  # lazy imports and data loading are not what is measured
    started = time.process_time()
    pipeline.run(text)
    return time.process_time() - started


def test_every_class_is_covered():
    assert set(SLOW_BEFORE) == set(CLASSES)


@pytest.mark.parametrize("name", sorted(SLOW_BEFORE))
@pytest.mark.parametrize("whole", [False, True], ids=["cleaner", "pipeline"])
def test_100_kb_within_bound(name, whole):
    text = CLASSES[name](100_000)
    assert cpu_seconds(text, None if whole else [SLOW_BEFORE[name]]) < SECONDS_PER_100_KB


@pytest.mark.parametrize("name", sorted(LARGE))
def test_400_kb_within_bound(name):
    text = CLASSES[name](400_000)
    assert cpu_seconds(text, [SLOW_BEFORE[name]]) < LARGE[name]

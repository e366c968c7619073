"""The run engine: every input reaches a worker whole, whatever the number of jobs."""

import os
import subprocess
import sys
from pathlib import Path

import textfix

REPO = Path(__file__).resolve().parent.parent
SEEDS = sorted((REPO / "fixtures" / "seeds").glob("*.txt"))


def _cli(args, stdin: bytes, cwd):
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.run([sys.executable, "-m", "textfix", *args], input=stdin, cwd=cwd, env=env,
                          capture_output=True, timeout=120)


def _changing_seed() -> Path:
    """A seed article the pipeline changes (so an empty read would show as 'nothing to change')."""
    for path in SEEDS:
        if textfix.clean(path.read_text(encoding="utf-8")).changed:
            return path
    raise AssertionError("no seed article is changed by the pipeline")


def test_stdin_mixed_with_files_under_jobs_is_read_whole(tmp_path):
    seed = _changing_seed()
    (tmp_path / "hello.txt").write_text("hello\n", encoding="utf-8")
    data = seed.read_bytes()
    checked = _cli(["clean", "-v", "--check", "--jobs", "2", "-", "hello.txt"], data, tmp_path)
    assert checked.returncode == 1, checked.stderr
    assert b"would clean <stdin>" in checked.stderr
    out = tmp_path / "out"
    written = _cli(["clean", "--jobs", "2", "--output-dir", str(out), "-", "hello.txt"], data, tmp_path)
    assert written.returncode == 0, written.stderr
    cleaned = [p for p in out.rglob("*") if p.is_file() and p.name != "hello.txt"]
    assert len(cleaned) == 1
    expected = textfix.clean(data.decode("utf-8")).text
    assert cleaned[0].read_text(encoding="utf-8") == expected


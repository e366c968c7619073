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



ARTICLES = sorted((REPO / "fixtures" / "articles").glob("*.dirty.txt"))


def test_local_pool_and_dask_executors_are_interchangeable(tmp_path, monkeypatch, capsys):
    """The same run through each of the three executors: the same files, summary and report."""
    distributed = __import__("pytest").importorskip("distributed")
    from textfix.dask_engine import DaskExecutor, local_cluster
    from textfix.discovery import discover
    from textfix.parallel import WorkerPool
    from textfix.runner import Run
    from textfix.spec import Mode, PipelineSpec, RunSpec

    monkeypatch.chdir(tmp_path)
    (tmp_path / "in").mkdir()
    for i, article in enumerate(ARTICLES * 12):  # more files than a Dask task takes
        (tmp_path / "in" / f"{i:02d}-{article.name}").write_bytes(article.read_bytes())
    (tmp_path / "in" / "binary.txt").write_bytes(b"PK\x03\x04\x00")  # one failure, in its place
    sources, skipped, missing = discover(["in"], ["*.txt"], [])
    pipeline = PipelineSpec.make()
    seen = {}
    with local_cluster(2) as cluster, distributed.Client(cluster) as client:
        executors = {"local": WorkerPool(1, pipeline), "pool": WorkerPool(2, pipeline),
                     "dask": DaskExecutor(client, pipeline, size=7)}
        for name, executor in executors.items():
            spec = RunSpec(pipeline=pipeline, mode=Mode.OUTPUT, output_dir=f"out-{name}",
                           report_path=f"report-{name}.json", jobs=2)
            code = Run(spec, executor=executor).run(sources, skipped, missing)
            err = capsys.readouterr().err
            tree = {p.name: p.read_bytes() for p in sorted((tmp_path / f"out-{name}").rglob("*")) if p.is_file()}
            seen[name] = (code, err, tree, (tmp_path / f"report-{name}.json").read_text())
    assert seen["local"][0] == 2 and "binary.txt" in seen["local"][1]
    assert len(seen["local"][2]) == len(ARTICLES) * 12
    assert seen["pool"] == seen["local"]
    assert seen["dask"] == seen["local"]

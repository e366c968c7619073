"""--engine dask: the same output, summary and report as the single-machine run, and a run that
survives a worker killed mid-run with every record written exactly once.

The cluster is a real distributed.LocalCluster (worker processes, loopback only, no dashboard).
"""

import errno
import json
import os
import random
import re
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from textfix.cli import main
from textfix.dask_engine import _block_lines, assemble_shard, local_cluster, shard_blocks

distributed = pytest.importorskip("distributed")
dask = pytest.importorskip("dask")

# Short dirty documents written for these tests: spacing debris, entity debris, a split
# number, non-ASCII text, an empty text, and text that is already clean.
DOCUMENTS = [
    "It &#x 27; s here .  \nNext line\n",
    "The  council   approved the plan on Tuesday ,  after a long debate .",
    "Sales rose 3 , 5 % in the second quarter .\n\n\n\nAnalysts expected less.",
    "Der Zug  fährt um 8 Uhr ab .  Café &amp;amp; Bäckerei",
    "Already clean text.",
    "",
    "Tabs\tand  spaces \t at the end   \n",
]


def write_shards(folder: Path, shards: int = 3, records: int = 120, seed: int = 7) -> list[str]:
    """JSONL shards (one in a sub-folder) with a malformed line, a blank line, a record without
    the text field and a last line without a newline. Returns every record id written."""
    rng = random.Random(seed)
    ids = []
    for s in range(shards):
        path = folder / (f"part-{s}.jsonl" if s % 2 == 0 else f"more/part-{s}.jsonl")
        path.parent.mkdir(parents=True, exist_ok=True)
        lines = []
        for i in range(records):
            record_id = f"{s}-{i}"
            ids.append(record_id)
            lines.append(json.dumps({"id": record_id, "text": rng.choice(DOCUMENTS), "n": i},
                                    ensure_ascii=rng.random() < 0.5))
            if i == 5:
                lines.append("{not json")
            if i == 9:
                lines.append("")
            if i == 11:
                ids.append(f"{s}-notext")
                lines.append(json.dumps({"id": f"{s}-notext", "body": "no text field"}))
        path.write_text("\n".join(lines), encoding="utf-8")
    return ids


def write_articles(folder: Path, count: int = 12, seed: int = 3) -> None:
    rng = random.Random(seed)
    for i in range(count):
        path = folder / (f"a{i:02d}.txt" if i % 3 else f"sub/b{i:02d}.txt")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(rng.choice(DOCUMENTS) for _ in range(5)), encoding="utf-8")


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def cli(args):
    return CliRunner().invoke(main, args, catch_exceptions=False)


@pytest.fixture(scope="module")
def cluster():
    """The local cluster, and its client certificate in Dask's configuration, as a user of a
    remote ``--scheduler`` must give it."""
    with local_cluster(2) as cluster:
        security = cluster.security
        with dask.config.set({"distributed.comm.tls.ca-file": security.tls_ca_file,
                              "distributed.comm.tls.client.cert": security.tls_client_cert,
                              "distributed.comm.tls.client.key": security.tls_client_key}):
            yield cluster


@pytest.fixture
def client(cluster):
    with distributed.Client(cluster) as client:
        yield client


def tls_env(cluster, folder: Path) -> dict:
    """The environment of a textfix process that connects to ``cluster`` with ``--scheduler``:
    its client certificate, in files named by Dask's configuration variables."""
    env = dict(os.environ)
    security = cluster.security
    for name, value in (("CA_FILE", security.tls_ca_file), ("CLIENT__CERT", security.tls_client_cert),
                        ("CLIENT__KEY", security.tls_client_key)):
        path = folder / f"tls-{name.lower().replace('__', '-')}.pem"
        path.write_text(value)
        path.chmod(0o600)
        env[f"DASK_DISTRIBUTED__COMM__TLS__{name}"] = str(path)
    return env


def both_engines(args, address, workdir):
    """Run ``textfix clean ARGS`` locally and on the cluster; return both results, trees and reports."""
    out = {}
    for engine in ("local", "dask"):
        extra = ["--engine", "dask", "--scheduler", address] if engine == "dask" else ["-j", "1"]
        result = cli(["clean", *args, "--output-dir", f"out-{engine}", "--report", f"report-{engine}.json", *extra])
        report = workdir / f"report-{engine}.json"
        out[engine] = (result, tree(workdir / f"out-{engine}"), report.read_text(encoding="utf-8"))
    return out["local"], out["dask"]


def test_jsonl_shards_give_the_same_output_summary_and_report(cluster, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_shards(tmp_path / "data")
    local, dask = both_engines(["--jsonl", "--include", "*.jsonl", "--stats-field", "textfix", "data"],
                               cluster.scheduler_address, tmp_path)
    assert local[0].exit_code == dask[0].exit_code == 0, (local[0].stderr, dask[0].stderr)
    assert len(local[1]) == 3
    assert dask[1] == local[1]
    assert dask[2] == local[2]
    assert dask[0].stderr == local[0].stderr
    assert "data/part-0.jsonl:7: malformed JSON" in dask[0].stderr  # line numbers of the shard
    assert "3 files: 3 changed" in dask[0].stderr


def test_settings_from_a_config_file_and_options_reach_the_workers(cluster, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_shards(tmp_path / "data", shards=2, records=40)
    (tmp_path / "textfix.toml").write_text('ignore = ["punctuation"]\n', encoding="utf-8")
    local, dask = both_engines(["--jsonl", "--include", "*.jsonl", "--ignore", "entities", "data"],
                               cluster.scheduler_address, tmp_path)
    assert local[0].exit_code == dask[0].exit_code == 0
    assert dask[1] == local[1]
    assert dask[0].stderr == local[0].stderr
    assert "whitespace" in dask[0].stderr
    assert "entities" not in dask[0].stderr and "punctuation" not in dask[0].stderr


def test_shards_cut_in_many_blocks_still_match(client, tmp_path, monkeypatch):
    from textfix.dask_engine import run_dask
    from textfix.discovery import discover
    from textfix.jsonl import JsonlOptions
    from textfix.runner import Run
    from textfix.spec import Mode, RunSpec

    monkeypatch.chdir(tmp_path)
    write_shards(tmp_path / "data", shards=2, records=300)
    sources, skipped, missing = discover(["data"], ["*.jsonl"], [])
    codes = {}
    for engine in ("local", "dask"):
        options = RunSpec(mode=Mode.OUTPUT, output_dir=f"out-{engine}", report_path=f"report-{engine}.json",
                             jsonl=JsonlOptions(), quiet=True)
        if engine == "local":
            codes[engine] = Run(options).run(sources, skipped, missing)
        else:  # blocks of 1 kB: dozens of partitions per shard, cut mid-line
            assert len(shard_blocks("data/part-0.jsonl", None, 1000)) > 20
            codes[engine] = run_dask(options, sources, skipped, missing, client=client, block_bytes=1000)
    assert codes == {"local": 0, "dask": 0}
    assert tree(tmp_path / "out-dask") == tree(tmp_path / "out-local")
    assert (tmp_path / "report-dask.json").read_text() == (tmp_path / "report-local.json").read_text()
    report = json.loads((tmp_path / "report-dask.json").read_text())
    lines = [int(f["path"].rsplit(":", 1)[1]) for f in report["files"] if f["path"].startswith("data/part-0.jsonl:")]
    assert max(lines) > 300  # numbered from the start of the shard, not of the block


def test_a_shard_that_cannot_be_written_fails_alone_and_leaves_no_parts(client, tmp_path, monkeypatch, capsys):
    from textfix.dask_engine import run_dask
    from textfix.discovery import discover
    from textfix.jsonl import JsonlOptions
    from textfix.runner import Run
    from textfix.spec import Mode, RunSpec

    monkeypatch.chdir(tmp_path)
    write_shards(tmp_path / "data", shards=3, records=100)
    sources, skipped, missing = discover(["data"], ["*.jsonl"], [])
    (tmp_path / "out-dask" / "part-2.jsonl").mkdir(parents=True)  # in the way of one output
    options = RunSpec(mode=Mode.OUTPUT, output_dir="out-dask", jsonl=JsonlOptions())
    code = run_dask(options, sources, skipped, missing, client=client, block_bytes=2000)
    assert code == 2
    assert f"{tmp_path}/out-dask/part-2.jsonl: cannot write" in capsys.readouterr().err
    Run(RunSpec(mode=Mode.OUTPUT, output_dir="out-local", jsonl=JsonlOptions())).run(
        sources, skipped, missing)
    written = tree(tmp_path / "out-dask")
    assert written == {k: v for k, v in tree(tmp_path / "out-local").items() if k != "part-2.jsonl"}


def test_a_shard_without_the_text_field_fails_as_locally_and_writes_nothing(cluster, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_shards(tmp_path / "data", shards=1, records=20)
    (tmp_path / "data" / "bodies.jsonl").write_text('{"body": "a"}\n{"body": "b"}\n', encoding="utf-8")
    for engine in ("local", "dask"):  # an earlier run's output of that shard stays as it was
        (tmp_path / f"out-{engine}").mkdir()
        (tmp_path / f"out-{engine}" / "bodies.jsonl").write_text("earlier\n", encoding="utf-8")
    local, dask = both_engines(["--jsonl", "--include", "*.jsonl", "data"], cluster.scheduler_address, tmp_path)
    assert local[0].exit_code == dask[0].exit_code == 2
    assert "bodies.jsonl: no record has a string field 'text'" in dask[0].stderr
    assert dask[1] == local[1]
    assert dask[1]["bodies.jsonl"] == b"earlier\n" and "part-0.jsonl" in dask[1]
    assert not [p for p in (tmp_path / "out-dask").rglob("*") if p.name.endswith(".textfix-tmp")]


def test_text_folders_give_the_same_output_and_failures(cluster, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_articles(tmp_path / "articles")
    (tmp_path / "articles" / "binary.txt").write_bytes(b"PK\x03\x04\x00\x00")
    local, dask = both_engines(["articles", "-v"], cluster.scheduler_address, tmp_path)
    assert local[0].exit_code == dask[0].exit_code == 2  # the binary file fails, the rest is cleaned
    assert len(dask[1]) == 12
    assert dask[1] == local[1]
    assert dask[2] == local[2]
    assert dask[0].stderr == local[0].stderr
    assert "binary.txt looks binary" in dask[0].stderr


def test_check_writes_nothing_and_exits_1(cluster, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_shards(tmp_path / "data", shards=1, records=20)
    before = tree(tmp_path)
    local = cli(["clean", "--check", "--jsonl", "data/part-0.jsonl"])
    dask = cli(["clean", "--check", "--jsonl", "data/part-0.jsonl", "--engine", "dask",
                "--scheduler", cluster.scheduler_address])
    assert local.exit_code == dask.exit_code == 1
    assert dask.stderr == local.stderr
    assert tree(tmp_path) == before


def test_cli_starts_a_local_cluster_without_scheduler(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_shards(tmp_path / "data", shards=2, records=30)
    local = cli(["clean", "--jsonl", "--include", "*.jsonl", "data", "--output-dir", "out-local", "-j", "1"])
    dask = cli(["clean", "--jsonl", "--include", "*.jsonl", "data", "--output-dir", "out-dask",
                "--engine", "dask", "-j", "1"])
    assert local.exit_code == dask.exit_code == 0
    assert tree(tmp_path / "out-dask") == tree(tmp_path / "out-local")


@pytest.mark.parametrize("args, message", [
    (["f.jsonl", "--jsonl"], "--engine dask writes to --output-dir, or only checks with --check"),
    (["f.jsonl", "--jsonl", "-o", "x.jsonl"], "--engine dask writes to --output-dir"),
    (["-", "--jsonl", "--check"], "--engine dask reads files, not stdin"),
])
def test_dask_needs_an_output_dir_or_check_and_files(tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    Path("f.jsonl").write_text('{"text": "a  b"}\n')
    result = cli(["clean", *args, "--engine", "dask"])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"textfix: error: {message}")


def test_scheduler_without_dask_engine_is_a_usage_error(tmp_path):
    path = tmp_path / "f.txt"
    path.write_text("a  b\n")
    result = cli(["clean", str(path), "--scheduler", "tcp://127.0.0.1:8786"])
    assert result.exit_code == 2
    assert result.stderr == "textfix: error: --scheduler needs --engine dask\n"


def test_without_the_extra_it_is_one_line_and_exit_2(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # makes `import distributed` fail
    path = tmp_path / "f.txt"
    path.write_text("a  b\n")
    result = cli(["clean", str(path), "--engine", "dask", "--output-dir", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert result.stderr == "textfix: error: --engine dask needs the dask extra: pip install 'textfix[dask]'\n"


def test_the_local_engine_never_imports_dask(tmp_path):
    path = tmp_path / "f.jsonl"
    path.write_text('{"text": "a  b"}\n')
    code = ("import sys\nfrom textfix.cli import main\nimport textfix.dask_engine\n"
            f"try:\n    main(['clean', '--jsonl', {str(path)!r}, '--output-dir', {str(tmp_path / 'out')!r}])\n"
            "except SystemExit as e:\n    assert e.code == 0, e.code\n"
            "assert not {'dask', 'distributed'} & set(sys.modules), 'dask was imported'\n")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
    assert (tmp_path / "out" / "f.jsonl").read_text() == '{"text": "a b"}\n'


# --- blocks of a shard ---------------------------------------------------------------------------

def test_blocks_cover_every_line_exactly_once(tmp_path):
    data = b'{"a": 1}\n\n{"text": "x"}\nno newline at the end'
    path = tmp_path / "s.jsonl"
    path.write_bytes(data)
    for size in range(1, len(data) + 2):
        lines = []
        with open(path, "rb") as f:
            for block in shard_blocks(str(path), None, size):
                lines.extend(_block_lines(f, block.start, block.end))
        assert b"".join(lines) == data, size
        assert len(lines) == 4


def test_assembling_a_shard_twice_is_harmless(tmp_path):
    parts = []
    for i, text in enumerate(["one\n", "two\n", "thr\u00e9e\n"]):
        parts.append(str(tmp_path / f".out.part-{i}"))
        Path(parts[-1]).write_text(text, encoding="utf-8")
    out = str(tmp_path / "out.jsonl")
    assemble_shard(out, parts)
    assemble_shard(out, parts)  # a rerun after the worker died: parts gone, output kept
    assert Path(out).read_text(encoding="utf-8") == "one\ntwo\nthr\u00e9e\n"
    assert sorted(os.listdir(tmp_path)) == ["out.jsonl"]


# --- the Python API over Dask collections --------------------------------------------------------

def test_clean_bag_cleans_strings_and_records(client):
    import dask.bag as db

    import textfix
    from textfix.dask_engine import clean_bag

    records = [{"id": i, "text": doc} for i, doc in enumerate(DOCUMENTS)] + [{"id": "x", "body": 1}]
    cleaned = client.compute(clean_bag(db.from_sequence(records, npartitions=3), stats_field="fix")).result()
    assert [r["id"] for r in cleaned] == [r["id"] for r in records]
    for record, out in zip(records, cleaned):
        if "text" in record:
            result = textfix.clean(record["text"])
            assert out["text"] == result.text
            assert out["fix"]["edits"] == len(result.edits)
    assert cleaned[-1] == {"id": "x", "body": 1}
    assert records[1]["text"] == DOCUMENTS[1]  # the input records are not modified
    texts = client.compute(clean_bag(db.from_sequence(DOCUMENTS, npartitions=2), select=["whitespace"])).result()
    assert texts == [textfix.clean(d, select=["whitespace"]).text for d in DOCUMENTS]


def test_clean_dataframe_cleans_one_column(client):
    pd = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")

    import textfix
    from textfix.dask_engine import clean_dataframe

    frame = pd.DataFrame({"id": range(len(DOCUMENTS) + 1), "text": DOCUMENTS + [None]})
    df = clean_dataframe(dd.from_pandas(frame, npartitions=3), stats_column="edits")
    out = client.compute(df).result()
    assert list(out.columns) == ["id", "text", "edits"]
    assert list(out["text"][:-1]) == [textfix.clean(d).text for d in DOCUMENTS]
    assert pd.isna(out["text"].iloc[-1])
    assert list(out["edits"]) == [len(textfix.clean(d).edits) for d in DOCUMENTS] + [0]


# --- a worker killed mid-run ---------------------------------------------------------------------

def _readers(fifo: str) -> set[int]:
    """Pids of other processes that have ``fifo`` open."""
    pids = set()
    fifo = os.path.realpath(fifo)
    for pid in filter(str.isdigit, os.listdir("/proc")):
        if int(pid) == os.getpid():
            continue
        try:
            for fd in os.listdir(f"/proc/{pid}/fd"):
                if os.readlink(f"/proc/{pid}/fd/{fd}") == fifo:
                    pids.add(int(pid))
        except OSError:
            continue
    return pids


def _wait(condition, what: str, timeout: float = 120):
    # Waits for real events of another process; generous, as a loaded CI machine starts a run slowly.
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def _open_writer(fifo: str):
    try:
        return os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
    except OSError as e:
        if e.errno == errno.ENXIO:  # no reader yet
            return None
        raise


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="watches /proc for the worker reading the pipe")
def test_a_worker_killed_mid_run_still_writes_every_record_once(tmp_path):
    """The first shard is a named pipe, so its task runs exactly as long as the test wants. The
    test feeds it 250 records, waits until the worker has written the first 200 of them to its
    temporary output, kills that worker, then feeds all the records again to the task's rerun on
    another worker (through a new pipe at the same path). Every other shard is cleaned meanwhile."""
    data = tmp_path / "data"
    ids = write_shards(data, shards=6, records=150)
    fifo = str(data / "00-first.jsonl")
    os.mkfifo(fifo)
    piped = [json.dumps({"id": f"p-{i}", "text": DOCUMENTS[i % len(DOCUMENTS)]}) + "\n" for i in range(300)]
    ids += [f"p-{i}" for i in range(300)]
    # Named explicitly (a FIFO found by walking a folder is skipped, never opened), and relative to
    # the run's folder so the report names it as the local run below does.
    command = [sys.executable, "-m", "textfix", "clean", "--jsonl", "--include", "*.jsonl", "data/00-first.jsonl", "data",
               "--output-dir", "out-dask", "--report", "report-dask.json", "--engine", "dask", "--scheduler"]
    writers = []

    def partial_output():
        return [p for p in (tmp_path / "out-dask").glob("*00-first.jsonl*") if p.stat().st_size > 0]

    with local_cluster(2) as cluster:
        run = subprocess.Popen(command + [cluster.scheduler_address], cwd=tmp_path, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, env=tls_env(cluster, tmp_path))
        try:
            writers.append(_wait(lambda: _open_writer(fifo), "a worker to open the pipe"))
            (doomed,) = _wait(lambda: _readers(fifo), "the reading worker")
            os.unlink(fifo)  # the doomed worker keeps the old pipe; the rerun will open this new one
            os.mkfifo(fifo)
            os.set_blocking(writers[0], True)
            os.write(writers[0], "".join(piped[:250]).encode())
            _wait(lambda: (tmp_path / "out-dask").is_dir() and partial_output(), "the first chunk to be written")
            os.kill(doomed, signal.SIGKILL)
            writers.append(_wait(lambda: _open_writer(fifo), "the task to run again on another worker"))
            os.set_blocking(writers[1], True)
            os.write(writers[1], "".join(piped).encode())
            os.close(writers.pop())
            stdout, stderr = run.communicate(timeout=60)
        finally:
            for writer in writers:
                os.close(writer)
            if run.poll() is None:
                run.kill()
                run.wait()
    assert run.returncode == 0, stderr
    written = [json.loads(line)["id"] for p in sorted((tmp_path / "out-dask").rglob("*.jsonl"))
               for line in p.read_text(encoding="utf-8").splitlines() if line.startswith("{\"")]
    assert Counter(written) == Counter(ids)  # every record, exactly once
    assert not [p for p in (tmp_path / "out-dask").rglob("*") if "textfix-tmp" in p.name]

    # And the same bytes as the single-machine run over the same (now regular) files.
    os.unlink(fifo)
    Path(fifo).write_text("".join(piped), encoding="utf-8")
    local = subprocess.run([sys.executable, "-m", "textfix", "clean", "--jsonl", "--include", "*.jsonl", "data",
                            "--output-dir", "out-local", "--report", "report-local.json", "-j", "1"],
                           cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert local.returncode == 0, local.stderr
    assert tree(tmp_path / "out-dask") == tree(tmp_path / "out-local")
    assert (tmp_path / "report-dask.json").read_text() == (tmp_path / "report-local.json").read_text()
    assert stderr == local.stderr


def test_the_local_cluster_takes_only_this_runs_certificate(cluster):
    """Another local user can reach the port, but neither plain TCP nor TLS without the run's
    certificate gets a connection: no code of theirs runs on the scheduler or the workers."""
    address = cluster.scheduler_address
    assert address.startswith("tls://127.0.0.1:")

    async def connect(address, security):
        # What a Client does first. On the cluster's own event loop: a Client of its own would
        # start a loop thread, which distributed gives 10 s to start (too short on a loaded machine).
        comm = await distributed.comm.connect(address, timeout="3s", **security.get_connection_args("client"))
        await comm.close()

    no_certificate = {"distributed.comm.tls.ca-file": None, "distributed.comm.tls.client.cert": None,
                      "distributed.comm.tls.client.key": None}
    with dask.config.set(no_certificate):
        with pytest.raises((OSError, TypeError)):  # refused before any message
            cluster.sync(connect, address, distributed.Security())
        with pytest.raises(OSError):
            cluster.sync(connect, address.replace("tls://", "tcp://"), distributed.Security())
    stranger = distributed.Security.temporary()  # a certificate of another run's making
    with pytest.raises(OSError):
        cluster.sync(connect, address, stranger)
    cluster.sync(connect, address, cluster.security)  # the run's own certificate gets in
    with distributed.Client(cluster) as client:  # the run's own client
        assert client.submit(sum, [1, 2]).result() == 3


def test_a_tls_scheduler_without_credentials_is_one_line_and_exit_2(cluster, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_shards(tmp_path / "data", shards=1, records=5)
    no_certificate = {"distributed.comm.tls.ca-file": None, "distributed.comm.tls.client.cert": None,
                      "distributed.comm.tls.client.key": None}
    with dask.config.set(no_certificate):
        result = cli(["clean", "--jsonl", "data", "--output-dir", "out", "--engine", "dask",
                      "--scheduler", cluster.scheduler_address])
    assert result.exit_code == 2
    assert "takes TLS: set distributed.comm.tls.ca-file" in result.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Ctrl-C as a signal to the process group")
@pytest.mark.parametrize("jsonl", [False, True], ids=["text files", "JSONL shards"])
def test_ctrl_c_on_a_local_cluster_counts_what_was_written_and_exits_130(tmp_path, jsonl):
    articles = sorted((Path(__file__).resolve().parent.parent / "fixtures" / "articles").glob("*.dirty.txt"))
    (tmp_path / "in").mkdir()
    for copy in range(200):
        if jsonl:  # 200 shards of 5 records
            lines = [json.dumps({"id": i, "text": a.read_text(encoding="utf-8")}) + "\n" for i, a in enumerate(articles)]
            (tmp_path / "in" / f"{copy:03d}.jsonl").write_text("".join(lines), encoding="utf-8")
            continue
        for article in articles:
            (tmp_path / "in" / f"{copy:03d}-{article.name}").write_bytes(article.read_bytes())
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parent.parent))
    run = subprocess.Popen([sys.executable, "-m", "textfix", "clean", "--engine", "dask", "-j", "2", "in",
                            "--output-dir", "out", *(["--jsonl"] if jsonl else [])], cwd=tmp_path, env=env,
                           stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        _wait(lambda: (tmp_path / "out").exists(), "the first cleaned file", timeout=120)
        time.sleep(random.uniform(0.1, 0.5))
        os.killpg(run.pid, signal.SIGINT)  # as Ctrl-C in a terminal: every process of the group
        _out, err = run.communicate(timeout=120)
    finally:
        if run.poll() is None:
            os.killpg(run.pid, signal.SIGKILL)
    assert run.returncode == 130, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err
    written = sum(1 for p in (tmp_path / "out").rglob("*.json*" if jsonl else "*.txt"))
    counted = re.search(r"interrupted; (\d+) files?: (\d+) changed", err)
    assert counted and int(counted[2]) == written < (1 if jsonl else len(articles)) * 200, err

"""Batch use: folders, parallel jobs, check mode, output formats, config, and faults mid-batch."""

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from textfix import batch
from textfix.cli import main

DIRTY = "It &#x 27; s  here .\n"
CLEAN = "Already clean text.\n"


def run(args, stdin=None, cwd=None):
    runner = CliRunner()
    if cwd is None:
        return runner.invoke(main, args, input=stdin, catch_exceptions=False)
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return runner.invoke(main, args, input=stdin, catch_exceptions=False)
    finally:
        os.chdir(old)


@pytest.fixture
def tree(tmp_path):
    """corpus/ with articles in nested folders, a non-article file and an ignored folder."""
    root = tmp_path / "corpus"
    (root / "news" / "2024").mkdir(parents=True)
    (root / "drafts").mkdir()
    (root / "news" / "a.txt").write_text(DIRTY, encoding="utf-8")
    (root / "news" / "2024" / "b.md").write_text(DIRTY, encoding="utf-8")
    (root / "news" / "c.txt").write_text(CLEAN, encoding="utf-8")
    (root / "news" / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (root / "drafts" / "d.txt").write_text(DIRTY, encoding="utf-8")
    (root / ".gitignore").write_text("drafts/\n", encoding="utf-8")
    return root


def test_check_walks_folders_and_respects_gitignore(tree):
    result = run(["clean", "--check", "-v", str(tree)])
    assert result.exit_code == 1
    assert f"would clean {tree / 'news' / 'a.txt'}" in result.stderr
    assert f"would clean {tree / 'news' / '2024' / 'b.md'}" in result.stderr
    assert "drafts" not in result.stderr.split("skipped")[0]
    assert f"skipped {tree / 'drafts'}: ignored by {tree / '.gitignore'}" in result.stderr
    assert f"skipped {tree / 'news' / 'image.png'}: not matched by include" in result.stderr
    assert "3 files: 2 would change, 1 unchanged, 0 failed" in result.stderr
    assert (tree / "news" / "a.txt").read_text(encoding="utf-8") == DIRTY  # --check writes nothing


def test_exclude_and_explicit_files(tree):
    result = run(["clean", "--check", "--exclude", "2024", str(tree)])
    assert "b.md" not in result.stderr
    named = tree / "news" / "2024" / "b.md"
    # a file named explicitly is cleaned even if excluded, unless --force-exclude
    assert run(["clean", "--check", "--exclude", "*.md", str(named)]).exit_code == 1
    forced = run(["clean", "--check", "--exclude", "*.md", "--force-exclude", "-v", str(named)])
    assert forced.exit_code == 0 and "matches --exclude '*.md'" in forced.stderr


def test_globs_are_expanded(tree):
    result = run(["clean", "--check", str(tree / "news" / "*.txt")])
    assert result.exit_code == 1
    assert "2 files: 1 would change, 1 unchanged" in result.stderr


def test_output_dir_mirrors_the_tree_and_leaves_inputs(tree, tmp_path):
    out = tmp_path / "out"
    result = run(["clean", "--output-dir", str(out), str(tree)])
    assert result.exit_code == 0
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert written == ["news/2024/b.md", "news/a.txt", "news/c.txt"]
    assert (out / "news" / "a.txt").read_text(encoding="utf-8") == "It's here.\n"
    assert (tree / "news" / "a.txt").read_text(encoding="utf-8") == DIRTY


def test_in_place_batch_and_second_pass_changes_nothing(tree):
    assert run(["clean", "--in-place", str(tree)]).exit_code == 0
    assert (tree / "news" / "2024" / "b.md").read_text(encoding="utf-8") == "It's here.\n"
    assert run(["clean", "--check", str(tree)]).exit_code == 0


def test_jobs_do_not_change_output_or_order(tree, tmp_path):
    reports = []
    for jobs in ("1", "2"):
        report = tmp_path / f"report{jobs}.json"
        result = run(["clean", "--check", "--jobs", jobs, "--report", str(report), str(tree)])
        assert result.exit_code == 1
        reports.append(json.loads(report.read_text(encoding="utf-8")))
    assert reports[0] == reports[1]
    assert [f["path"] for f in reports[0]["files"]] == sorted(f["path"] for f in reports[0]["files"])


def test_exit_zero_and_failures_exit_2_after_the_rest(tree):
    (tree / "news" / "broken.txt").write_bytes(b"caf\xe9\n")
    result = run(["clean", "--check", "--exit-zero", str(tree)])
    assert result.exit_code == 2
    assert "broken.txt is not valid utf-8" in result.stderr
    assert "4 files: 2 would change, 1 unchanged, 1 failed" in result.stderr
    (tree / "news" / "broken.txt").unlink()
    assert run(["clean", "--check", "--exit-zero", str(tree)]).exit_code == 0


def test_github_annotations(tree):
    result = run(["clean", "--check", "--output-format", "github", str(tree / "news" / "a.txt")])
    assert result.exit_code == 1
    head, *edits = result.stdout.splitlines()
    assert head.startswith("::warning file=") and "title=textfix%3A 3 edits::" in head  # one per file
    assert edits and all(line.startswith("::notice file=") for line in edits)  # then the first edits
    assert any(",line=1,col=3," in line and "title=textfix " in line for line in edits)


def test_json_output_format_is_the_report(tree):
    result = run(["clean", "--check", "--output-format", "json", str(tree)])
    report = json.loads(result.stdout)
    assert report["summary"]["files"] == 3 and report["summary"]["changed"] == 2


def test_several_inputs_to_stdout_is_refused(tree):
    result = run(["clean", str(tree)])
    assert result.exit_code == 2
    assert result.stderr == "textfix: error: several inputs: use --in-place, --output-dir, --check or --diff\n"


# --- faults -------------------------------------------------------------------------------------

def test_binary_undecodable_missing_and_symlink_loop_are_reported_and_counted(tree):
    news = tree / "news"
    (news / "zip.txt").write_bytes(b"PK\x03\x04\x00\x00")
    (news / "latin.txt").write_bytes("déjà".encode("latin-1"))
    os.symlink(news / "loop1.txt", news / "loop2.txt")
    os.symlink(news / "loop2.txt", news / "loop1.txt")
    os.symlink(tree, news / "back")  # a folder link pointing up: not followed
    result = run(["clean", "--in-place", "-v", str(tree), str(tree / "missing.txt")])
    assert result.exit_code == 2
    err = result.stderr
    assert "zip.txt looks binary" in err
    assert "latin.txt is not valid utf-8" in err
    assert "loop1.txt: cannot read" in err and "loop2.txt: cannot read" in err
    assert "missing.txt: no such file or folder" in err
    assert f"skipped {news / 'back'}: symbolic link to a folder (not followed)" in err
    assert "5 failed" in err
    assert (news / "a.txt").read_text(encoding="utf-8") == "It's here.\n"  # the rest went on
    assert (news / "zip.txt").read_bytes() == b"PK\x03\x04\x00\x00"


def test_file_changed_during_the_batch_is_not_overwritten(tree, monkeypatch):
    target = tree / "news" / "a.txt"
    real_run = batch.worker_pipeline

    class EditsBehindOurBack:
        def __init__(self, pipeline):
            self.pipeline = pipeline

        def run(self, text, path=None):
            result = self.pipeline.run(text, path)
            if path == str(target):
                target.write_text("Someone else's newer text.\n", encoding="utf-8")
            return result

    monkeypatch.setattr(batch, "worker_pipeline", lambda: EditsBehindOurBack(real_run()))
    result = run(["clean", "--in-place", "--jobs", "1", str(tree)])
    assert result.exit_code == 2
    assert "a.txt changed or vanished while being cleaned; left as it is" in result.stderr
    assert target.read_text(encoding="utf-8") == "Someone else's newer text.\n"
    assert (tree / "news" / "2024" / "b.md").read_text(encoding="utf-8") == "It's here.\n"


def test_unwritable_output_folder_fails_each_file_cleanly(tree, tmp_path):
    (tmp_path / "out").mkdir()
    blocker = tmp_path / "out" / "news"  # a file where the mirrored news/ folder must go
    blocker.write_text("a file where the output folder should be", encoding="utf-8")
    result = run(["clean", "--output-dir", str(tmp_path / "out"), str(tree)])
    assert result.exit_code == 2
    assert result.stderr.count("cannot write") == 3
    assert blocker.read_text(encoding="utf-8") == "a file where the output folder should be"


def test_ctrl_c_stops_cleanly_without_half_written_files(tree, monkeypatch):
    real = batch.clean_file
    seen = []

    def interrupt_on_second(task):
        seen.append(task.source.path)
        if len(seen) == 2:
            raise KeyboardInterrupt
        return real(task)

    monkeypatch.setattr("textfix.runner.clean_file", interrupt_on_second)
    result = run(["clean", "--in-place", "--jobs", "1", str(tree)])
    assert result.exit_code == 130
    assert "interrupted" in result.stderr
    leftovers = [p for p in tree.rglob("*") if p.name.endswith(".textfix-tmp")]
    assert leftovers == []
    texts = {p.name: p.read_text(encoding="utf-8") for p in tree.rglob("*.*") if p.suffix in (".txt", ".md")}
    assert texts["b.md"] == "It's here.\n"  # the first file was finished
    assert texts["a.txt"] == DIRTY  # the rest were never touched


# --- config -------------------------------------------------------------------------------------

def test_pyproject_config_is_found_and_overridden_by_the_command_line(tree):
    (tree / "pyproject.toml").write_text('[tool.textfix]\nignore = ["entities"]\nexclude = ["2024"]\n',
                                         encoding="utf-8")
    out = run(["clean", "--output-dir", str(tree.parent / "out"), str(tree)])
    assert out.exit_code == 0
    assert (tree.parent / "out" / "news" / "a.txt").read_text(encoding="utf-8") == "It &#x 27; s here.\n"
    assert not (tree.parent / "out" / "news" / "2024").exists()
    shown = run(["config", "--select", "whitespace", str(tree)])
    lines = {line.split("=")[0].strip(): line for line in shown.stdout.splitlines()}
    assert lines["ignore"].endswith(f"# {tree / 'pyproject.toml'}")
    assert lines["select"].endswith("# command line")
    assert lines["include"].endswith("# default")


def test_unknown_config_key_names_the_key_and_the_file(tree):
    (tree / "textfix.toml").write_text('selcet = ["entities"]\n', encoding="utf-8")
    result = run(["clean", "--check", str(tree)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"textfix: error: {tree / 'textfix.toml'}: unknown key 'selcet' (known: ")
    assert result.stderr.count("textfix.toml") == 1 and result.stderr.count("\n") == 1  # one line, the file once


def test_bad_config_value_is_an_error(tree):
    (tree / "textfix.toml").write_text('unsafe-fixes = "yes"\n', encoding="utf-8")
    result = run(["clean", "--check", str(tree)])
    assert result.exit_code == 2
    assert result.stderr == f"textfix: error: {tree / 'textfix.toml'}: 'unsafe-fixes' must be true or false\n"


def test_bad_key_in_a_pyproject_names_the_table(tree):
    (tree / "pyproject.toml").write_text('[tool.textfix]\nselcet = ["entities"]\n', encoding="utf-8")
    result = run(["clean", "--check", str(tree)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"textfix: error: {tree / 'pyproject.toml'}: unknown key 'selcet' in [tool.textfix] (known: ")
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize("table, message", [
    ("[cleaners.nosuch]\nx = 1\n", "[cleaners.nosuch]: no cleaner named 'nosuch'"),
    ("[cleaners.whitespace]\ncolapse = true\n", "[cleaners.whitespace]: unknown option 'colapse'"),
])
def test_bad_cleaner_table_is_one_line_naming_the_file_once(tree, table, message):
    (tree / "textfix.toml").write_text(table, encoding="utf-8")
    result = run(["clean", "--check", str(tree)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"textfix: error: {tree / 'textfix.toml'}: {message}")
    assert result.stderr.count("textfix.toml") == 1 and result.stderr.count("\n") == 1


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_bad_inputs_fail_in_one_line_each_naming_the_path_once(tree, tmp_path, jobs):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.bin").write_bytes(b"not matched by the default include")
    (tmp_path / "binary.txt").write_bytes(b"a\x00b")
    (tmp_path / "latin.txt").write_bytes("caf\u00e9\n".encode("latin-1"))
    bad = [str(tmp_path / n) for n in ("missing.txt", "empty", "binary.txt", "latin.txt")] + [str(tmp_path / "nomatch*.txt")]
    result = run(["clean", "--check", "-j", jobs, *bad])
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("textfix: error:")]
    assert len(errors) == len(bad)
    for path, line in zip(sorted(bad), sorted(errors)):
        assert line.startswith(f"textfix: error: {path}") and line.count(os.path.basename(path)) == 1, line
    assert "Traceback" not in result.stderr


def test_a_folder_with_nothing_to_clean_fails(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "records.jsonl").write_text('{"text": "a"}\n', encoding="utf-8")
    result = run(["clean", "--check", str(tmp_path / "data")])  # the default include takes no .jsonl
    assert result.exit_code == 2
    assert result.stderr == f"textfix: error: {tmp_path / 'data'}: no file to clean in this folder (-v says what was skipped)\n"
    assert run(["clean", "--check", "--jsonl", str(tmp_path / "data")]).exit_code == 0  # once matched, it is cleaned


# --- JSONL --------------------------------------------------------------------------------------

def _jsonl(path: Path, lines):
    path.write_text("".join(lines), encoding="utf-8")
    return path


def test_jsonl_cleans_one_field_and_keeps_the_rest(tmp_path):
    src = _jsonl(tmp_path / "data.jsonl", [
        json.dumps({"id": 1, "text": DIRTY, "meta": {"url": "https://example.org/?a=1&b=2"}}) + "\n",
        json.dumps({"id": 2, "text": CLEAN}) + "\n",
    ])
    result = run(["clean", "--jsonl", "--stats-field", "textfix", str(src)])
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records[0]["text"] == "It's here.\n"
    assert records[0]["meta"] == {"url": "https://example.org/?a=1&b=2"}
    assert records[0]["textfix"]["changed"] is True and records[0]["textfix"]["edits"] >= 2
    assert records[1]["textfix"] == {"changed": False, "edits": 0, "counts": {}}


def test_jsonl_malformed_lines_are_reported_with_line_numbers(tmp_path):
    src = _jsonl(tmp_path / "data.jsonl", [
        json.dumps({"text": DIRTY}) + "\n",
        '{"text": "unterminated\n',
        json.dumps({"title": "no text field"}) + "\n",
        json.dumps({"text": CLEAN}) + "\n",
    ])
    passed = run(["clean", "--jsonl", str(src)])
    assert passed.exit_code == 0
    assert f"{src}:2: malformed JSON" in passed.stderr and "passed through" in passed.stderr
    assert f"{src}:3: no string field 'text'" in passed.stderr
    out = passed.stdout.splitlines(keepends=True)
    assert len(out) == 4 and out[1] == '{"text": "unterminated\n'
    skipped = run(["clean", "--jsonl", "--bad-records", "skip", str(src)])
    assert len(skipped.stdout.splitlines()) == 2 and "skipped" in skipped.stderr


def test_jsonl_in_place_parallel_equals_serial(tmp_path):
    lines = [json.dumps({"n": i, "text": DIRTY if i % 3 else CLEAN}) + "\n" for i in range(700)]
    one = _jsonl(tmp_path / "one.jsonl", lines)
    two = _jsonl(tmp_path / "two.jsonl", lines)
    assert run(["clean", "--jsonl", "--in-place", "--jobs", "1", str(one)]).exit_code == 0
    assert run(["clean", "--jsonl", "--in-place", "--jobs", "2", str(two)]).exit_code == 0
    assert one.read_bytes() == two.read_bytes()
    assert json.loads(one.read_text(encoding="utf-8").splitlines()[1])["text"] == "It's here.\n"
    check = run(["clean", "--jsonl", "--check", str(one)])
    assert check.exit_code == 0


def test_jsonl_folders_take_jsonl_files_by_default(tmp_path):
    shards = tmp_path / "shards"
    shards.mkdir()
    _jsonl(shards / "a.jsonl", [json.dumps({"text": DIRTY}) + "\n"])
    _jsonl(shards / "b.ndjson", [json.dumps({"text": CLEAN}) + "\n"])
    (shards / "notes.txt").write_text(DIRTY, encoding="utf-8")
    result = run(["clean", "--jsonl", "--check", str(shards)])
    assert result.exit_code == 1
    assert "2 files: 1 would change, 1 unchanged, 0 failed; 2 records" in result.stderr
    assert "notes.txt" not in result.stderr


def test_progress_bar_goes_to_stderr_only_when_asked_or_on_a_terminal(tree, tmp_path):
    shown = run(["clean", "--output-dir", str(tmp_path / "out"), "--progress", str(tree)])
    assert shown.exit_code == 0 and shown.stdout == ""
    assert "cleaning" in shown.stderr and "3/3" in shown.stderr
    hidden = run(["clean", "--output-dir", str(tmp_path / "out2"), str(tree)])  # not a terminal here
    assert "cleaning" not in hidden.stderr
    quiet = run(["clean", "--output-dir", str(tmp_path / "out3"), "--progress", "-q", str(tree)])
    assert quiet.stderr == ""

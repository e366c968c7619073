"""The command line: stdin/stdout, files, --check/--diff/--in-place/--report, and bad input."""

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from textfix.cli import main

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
DIRTY = "It &#x 27; s here .  \nNext line\n"


def run(args, stdin=None):
    runner = CliRunner()
    return runner.invoke(main, args, input=stdin, catch_exceptions=False)


@pytest.fixture
def dirty_file(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(DIRTY, encoding="utf-8")
    return path


def test_dash_reads_stdin_and_writes_only_text_to_stdout():
    result = run(["clean", "-"], stdin="a  b\n")
    assert result.exit_code == 0
    assert result.stdout == "a b\n"
    assert result.stderr == ""


def test_file_to_stdout_leaves_the_file_alone(dirty_file):
    result = run(["clean", str(dirty_file)])
    assert result.exit_code == 0
    assert result.stdout != DIRTY
    assert dirty_file.read_text(encoding="utf-8") == DIRTY


def test_check_exits_1_when_something_would_change_and_writes_nothing(dirty_file):
    result = run(["clean", "--check", str(dirty_file)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "would clean" in result.stderr
    assert dirty_file.read_text(encoding="utf-8") == DIRTY


def test_check_exits_0_on_clean_text(tmp_path):
    path = tmp_path / "clean.txt"
    path.write_text("Nothing to fix here.\n", encoding="utf-8")
    result = run(["clean", "--check", str(path)])
    assert result.exit_code == 0 and result.stderr == ""


def test_diff_prints_a_unified_diff_and_writes_nothing(dirty_file):
    result = run(["clean", "--diff", str(dirty_file)])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("--- ") and lines[1].startswith("+++ ")
    assert "-It &#x 27; s here .  " in lines
    assert dirty_file.read_text(encoding="utf-8") == DIRTY


def test_in_place_rewrites_and_keeps_the_file_mode(dirty_file):
    os.chmod(dirty_file, 0o640)
    result = run(["clean", "--in-place", str(dirty_file)])
    assert result.exit_code == 0
    assert "&#x" not in dirty_file.read_text(encoding="utf-8")
    assert stat.S_IMODE(os.stat(dirty_file).st_mode) == 0o640
    assert [p.name for p in dirty_file.parent.iterdir()] == ["article.txt"]


def test_failed_in_place_write_leaves_the_original_intact(dirty_file, monkeypatch):
    def refuse(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    result = run(["clean", "--in-place", str(dirty_file)])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"textfix: error: {dirty_file}: cannot write (No space left on device)"
    assert dirty_file.read_text(encoding="utf-8") == DIRTY
    assert [p.name for p in dirty_file.parent.iterdir()] == ["article.txt"]  # no temp file left


def test_output_option_writes_the_file(dirty_file, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    result = run(["clean", str(dirty_file), "-o", str(out / "clean.txt")])
    assert result.exit_code == 0 and result.stdout == ""
    assert (out / "clean.txt").read_text(encoding="utf-8") == run(["clean", str(dirty_file)]).stdout


def test_report_has_positions_in_the_original(dirty_file, tmp_path):
    report_path = tmp_path / "report.json"
    result = run(["clean", str(dirty_file), "--report", str(report_path)])
    assert result.exit_code == 0
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert report["summary"]["files"] == 1
    (entry,) = report["files"]
    assert entry["path"] == str(dirty_file) and entry["changed"] is True
    trailing = [e for e in entry["edits"] if e["rule"] == "trailing-space"]
    assert [(e["line"], e["column"], e["original"]) for e in trailing] == [(1, 20, "  ")]
    for edit in entry["edits"]:
        assert set(edit) >= {"line", "column", "before", "after", "cleaner", "rule", "message", "safety", "confidence"}
        assert DIRTY[edit["offset"] : edit["end_offset"]] == edit["original"]


def test_select_and_ignore(dirty_file):
    only_space = run(["clean", "--select", "whitespace", str(dirty_file)]).stdout
    assert "&#x 27;" in only_space and "  \n" not in only_space
    no_space = run(["clean", "--ignore", "trailing-space", str(dirty_file)]).stdout
    assert ".  \n" in no_space or "  \n" in no_space


def test_unknown_code_is_a_usage_error(dirty_file):
    result = run(["clean", "--select", "nonsense", str(dirty_file)])
    assert result.exit_code == 2
    assert "unknown cleaner or rule: nonsense" in result.stderr


def test_in_place_with_stdin_is_a_usage_error():
    result = run(["clean", "--in-place", "-"], stdin="x")
    assert result.exit_code == 2
    assert result.stderr == "textfix: error: --in-place needs files, not stdin\n"


def test_output_that_is_a_directory_is_refused(dirty_file, tmp_path):
    result = run(["clean", str(dirty_file), "-o", str(tmp_path)])
    assert result.exit_code == 2 and "is a directory" in result.stderr
    assert dirty_file.read_text(encoding="utf-8") == DIRTY


@pytest.mark.parametrize(
    "make_input, message",
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: d, "several inputs: use --in-place, --output-dir, --check or --diff"),
        (lambda d: _write(d / "bin.dat", b"PK\x03\x04\x00\x00data"), "looks binary (NUL byte at offset 4)"),
        (lambda d: _write(d / "latin1.txt", "café au lait".encode("latin-1")), "is not valid utf-8 (byte 0xE9 at offset 3)"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path, make_input, message):
    result = run(["clean", str(make_input(tmp_path))])
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("textfix: error: ") and message in lines[0]


def _write(path, data: bytes):
    path.write_bytes(data)
    return path


def test_declared_encoding_is_used_and_kept_on_in_place_write(tmp_path):
    path = _write(tmp_path / "latin1.txt", "café  au lait\n".encode("latin-1"))
    result = run(["clean", "--encoding", "latin-1", "--in-place", str(path)])
    assert result.exit_code == 0
    assert path.read_bytes() == "café au lait\n".encode("latin-1")


def test_utf8_bom_is_understood_and_kept(tmp_path):
    path = _write(tmp_path / "bom.txt", "\ufeffa  b\n".encode("utf-8"))
    assert run(["clean", "--in-place", str(path)]).exit_code == 0
    assert path.read_bytes() == "\ufeffa b\n".encode("utf-8")


def test_empty_input_gives_empty_output():
    result = run(["clean", "-"], stdin="")
    assert result.exit_code == 0 and result.stdout == ""


def test_input_over_the_size_limit_is_refused_before_reading(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as f:  # 100 MB of text, written without holding it in memory
        block = b"A sentence of scraped text.\n" * 40_000
        while f.tell() < 100_000_000:
            f.write(block)
    result = run(["clean", str(big)])
    assert result.exit_code == 2
    assert "is 100.8 MB, over the 64 MB limit; raise it with --max-size" in result.stderr
    stdin_result = run(["clean", "--max-size", "1", "-"], stdin=b"x" * 1_000_001)
    assert stdin_result.exit_code == 2 and "<stdin> is over the 1 MB limit" in stdin_result.stderr


def test_a_ten_megabyte_line_is_cleaned_correctly():
    line = "word  &amp; more " * 600_000  # ~10 MB, one line
    result = run(["clean", "-"], stdin=line)
    assert result.exit_code == 0
    assert result.stdout == ("word & more " * 600_000).rstrip(" ")


def test_cleaners_lists_codes_and_rules():
    result = run(["cleaners", "--rules"])
    assert result.exit_code == 0
    assert "whitespace" in result.stdout and "trailing-space" in result.stdout


def test_installed_command_never_prints_a_traceback(tmp_path):
    bad = _write(tmp_path / "bad.txt", b"caf\xe9 cr\xe8me\n")
    proc = subprocess.run([sys.executable, "-m", "textfix", "clean", str(bad)], capture_output=True, text=True)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and proc.stderr.count("\n") == 1
    version = subprocess.run([sys.executable, "-m", "textfix", "--version"], capture_output=True, text=True)
    assert version.returncode == 0 and version.stdout.startswith("textfix, version ")

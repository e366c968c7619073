"""Printed paths are safe (issue 13): terminal control sequences, bidi controls and bytes that
are not UTF-8 in a file name reach stderr, stdout annotations and diffs escaped, never raw."""

import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from textfix.cli import main

SEED = sorted(Path(__file__).resolve().parent.parent.joinpath("fixtures", "seeds").glob("*.txt"))[0]
# An OSC sequence that retitles the terminal, a CSI colour, a right-to-left override.
HOSTILE = "a\x1b]0;owned\x07b\x1b[31mc\u202etxt.gpj.txt"
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _run(args):
    return CliRunner().invoke(main, args, catch_exceptions=False)


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    text = SEED.read_bytes()
    (root / HOSTILE).write_bytes(text)
    with open(os.path.join(os.fsencode(root), b"latin-\xe9.txt"), "wb") as f:  # a name that is not UTF-8
        f.write(text)
    (root / "café.txt").write_bytes(text)
    return root


def test_messages_escape_control_characters_in_paths(folder):
    result = _run(["clean", "-v", "--check", str(folder)])
    assert result.exit_code == 1
    assert not RAW.search(result.stderr)
    assert "a\\e]0;owned\\x07b\\e[31mc\\u202etxt.gpj.txt" in result.stderr
    assert "latin-\\xe9.txt" in result.stderr
    assert "café.txt" in result.stderr  # letters of any script print as themselves


def test_annotations_and_diffs_escape_control_characters_in_paths(folder):
    github = _run(["clean", "--check", "--output-format", "github", str(folder)])
    assert github.stdout.count("::warning file=") == 3 and not RAW.search(github.stdout)
    diff = _run(["clean", "--diff", str(folder / HOSTILE)])
    header = [line for line in diff.stdout.splitlines() if line.startswith(("---", "+++"))]
    assert len(header) == 2 and not any(RAW.search(line) for line in header)


def test_errors_escape_control_characters_in_paths(tmp_path):
    missing = tmp_path / "gone\x1b]0;x\x07.txt"
    result = _run(["clean", "--check", str(missing)])
    assert result.exit_code == 2
    assert "gone\\e]0;x\\x07.txt" in result.stderr and not RAW.search(result.stderr)

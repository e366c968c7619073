"""The smaller defects a reviewer met (issue 16): plurals, a forced progress bar without a terminal,
where a setting came from, phrase-table checks on a missing file, and how spin's safety is listed."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from textfix.cli import main
from textfix.progress import ProgressBar

SEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"
ONE_EDIT = "A line that ends in a space. \n"


def invoke(args, **kw):
    return CliRunner().invoke(main, args, catch_exceptions=False, **kw)


def test_one_edit_is_singular_and_several_plural(tmp_path):
    (tmp_path / "one.txt").write_text(ONE_EDIT, encoding="utf-8")
    (tmp_path / "seed.txt").write_text((SEEDS / "000_5c5e9be3cb0dcb2b.txt").read_text(encoding="utf-8"), encoding="utf-8")
    err = invoke(["clean", "--check", str(tmp_path)]).stderr
    assert f"would clean {tmp_path / 'one.txt'} (1 edit)\n" in err
    assert "(1 edits)" not in err and " edits)\n" in err


def test_forced_progress_without_a_terminal_writes_whole_lines(tmp_path):
    for i in range(12):
        (tmp_path / f"{i:02}.txt").write_text(ONE_EDIT, encoding="utf-8")
    err = invoke(["clean", "--check", "--progress", str(tmp_path)]).stderr
    assert "\r" not in err
    lines = err.splitlines()
    bars = [line for line in lines if line.startswith("cleaning [")]
    assert bars and bars[-1].endswith("] 12/12") and len(bars) <= 11
    assert all(line.startswith(("cleaning [", "would clean ", "12 files:")) for line in lines)


def test_progress_on_a_terminal_still_redraws_in_place():
    class Terminal:
        def __init__(self):
            self.text = ""

        def isatty(self):
            return True

        def write(self, s):
            self.text += s

        def flush(self):
            pass

    stream = Terminal()
    with ProgressBar(3, stream=stream) as bar:
        for _ in range(3):
            bar.update(1)
    assert stream.text.startswith("\rcleaning [") and stream.text.endswith("3/3\n") and stream.text.count("\n") == 1


def test_config_names_the_file_and_the_command_line_for_extended_lists(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.textfix]\nignore = ["boilerplate"]\n', encoding="utf-8")
    (tmp_path / "corpus").mkdir()
    out = invoke(["config", "--ignore", "spin", str(tmp_path / "corpus")]).stdout
    (line,) = [line for line in out.splitlines() if line.startswith("ignore ")]
    assert "['boilerplate', 'spin']" in line and line.endswith(f"# {tmp_path / 'pyproject.toml'} + command line")
    out = invoke(["config", "--ignore", "spin", "--select", "spin", str(tmp_path / "corpus")]).stdout
    (line,) = [line for line in out.splitlines() if line.startswith("select ")]
    assert line.endswith("# command line")
    out = invoke(["config", str(tmp_path / "corpus")]).stdout
    (line,) = [line for line in out.splitlines() if line.startswith("ignore ")]
    assert line.endswith(f"# {tmp_path / 'pyproject.toml'}")


def test_phrases_check_of_a_missing_file_is_a_usage_error(tmp_path):
    result = invoke(["phrases", "check", str(tmp_path / "missing.tsv")])
    assert result.exit_code == 2
    assert result.stderr == f"textfix: error: {tmp_path / 'missing.tsv'}: no such file\n"


def test_phrases_check_of_a_bad_table_still_exits_1(tmp_path):
    table = tmp_path / "bad.tsv"
    table.write_text("only one column\n", encoding="utf-8")
    assert invoke(["phrases", "check", str(table)]).exit_code == 1


def test_cleaners_list_spin_as_mixed_and_the_others_as_safe():
    rows = {line.split()[0]: line.split()[2] for line in invoke(["cleaners"]).stdout.splitlines()}
    assert rows["spin"] == "mixed"
    assert {code: s for code, s in rows.items() if code != "spin"} == {code: "safe" for code in rows if code != "spin"}

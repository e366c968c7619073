"""``--output-format github``: one annotation per file, a few per-edit ones with short excerpts,
and the job summary for $GITHUB_STEP_SUMMARY, on the sample pages in fixtures/articles."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from textfix.annotations import EDIT_ANNOTATIONS, EXCERPT, job_summary
from textfix.cli import main
from textfix.retention import Kept

ARTICLES = Path(__file__).resolve().parent.parent / "fixtures" / "articles"
SEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"
COMMAND = re.compile(r"^::(warning|notice) file=([^,]+),(.*?)::(.*)$")


@pytest.fixture
def corpus(tmp_path):
    for page in sorted(ARTICLES.glob("*.dirty.txt")):
        (tmp_path / page.name).write_text(page.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "clean.txt").write_text("Already clean text.\n", encoding="utf-8")
    return tmp_path


def github(corpus, env=None, flags=()):
    return CliRunner(env=env).invoke(main, ["clean", "--check", "--output-format", "github", *flags, str(corpus)])


def test_one_annotation_per_changed_file_then_a_few_edits(corpus):
    result = github(corpus)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    parsed = [COMMAND.match(line) for line in lines]
    assert all(parsed), lines
    heads = [m for m in parsed if m.group(1) == "warning"]
    assert len(heads) == 5 and len({m.group(2) for m in heads}) == 5  # clean.txt has none
    assert len(lines) == 5 + EDIT_ANNOTATIONS
    for m in heads:
        assert "title=textfix%3A " in m.group(3) and "Changes start at lines" in m.group(4)
        assert "boilerplate/" in m.group(4) and "Kept " in m.group(4) and "prose lines" in m.group(4)


def test_edit_annotations_are_short_excerpts_never_reprs(corpus):
    lines = github(corpus).stdout.splitlines()
    for line in lines:
        message = COMMAND.match(line).group(4)
        assert "%0A" not in message and "\\n" not in message and "'" not in message[:2]
    for line in (line for line in lines if line.startswith("::notice")):
        message = COMMAND.match(line).group(4)
        assert len(message) <= EXCERPT
    assert any("removed: " in line for line in lines)


def test_a_command_line_file_name_with_commas_is_escaped(tmp_path):
    odd = tmp_path / "a,b: c.txt"
    odd.write_text((SEEDS / "000_5c5e9be3cb0dcb2b.txt").read_text(encoding="utf-8"), encoding="utf-8")
    line = github(odd).stdout.splitlines()[0]
    assert "file=" + str(odd).replace(":", "%3A").replace(",", "%2C") + ",line=" in line


def test_job_summary_is_appended_when_github_names_a_file(corpus, tmp_path):
    summary = tmp_path.parent / f"{tmp_path.name}-summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    result = github(corpus, env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert result.exit_code == 1
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n### textfix\n")
    rows = [line for line in text.splitlines() if line.startswith("| ") and not line.startswith("| file")]
    assert len(rows) == 6
    shares = [int(row.split(" | ")[1].rstrip("%")) for row in rows]
    assert shares == sorted(shares)  # least kept first
    assert rows[-1].endswith("| 100% | 0/0 | none |")


def test_no_job_summary_without_the_variable_or_in_other_formats(corpus, tmp_path):
    summary = tmp_path.parent / f"{tmp_path.name}-summary.md"
    CliRunner(env={"GITHUB_STEP_SUMMARY": str(summary)}).invoke(main, ["clean", "--check", str(corpus)])
    assert not summary.exists()


def test_job_summary_cells_cannot_break_the_table():
    table = job_summary([("a|b\n`c`.txt", Kept(10, 10, 0, 0), {})])
    row = table.splitlines()[-1]
    assert row == "| a\\|b \\`c\\`.txt | 100% | 0/0 | none |"


def test_a_lost_article_is_named_in_the_title():
    from textfix.annotations import file_annotation
    from textfix.edits import RecordedEdit
    from textfix.result import Result

    text = (SEEDS / "000_5c5e9be3cb0dcb2b.txt").read_text(encoding="utf-8")
    cut = RecordedEdit("boilerplate", "outside-article", "", "safe", 1.0, text, "", 0, len(text), 1, 1, 30, 1)
    result = Result(original=text, text="", edits=[cut], path="seed.txt")
    lost = file_annotation(result, Kept(1000, 0, 7, 0, 500, 0))
    assert lost.startswith("::warning file=seed.txt,line=1,title=textfix%3A lost most of its prose::")
    kept = file_annotation(result, Kept(1000, 990, 7, 7, 500, 500))
    assert "lost" not in kept and "title=textfix%3A 1 edit::" in kept


def test_a_file_named_like_a_record_is_a_file_and_a_record_names_its_line(tmp_path):
    seed = (SEEDS / "000_5c5e9be3cb0dcb2b.txt").read_text(encoding="utf-8")
    named = tmp_path / "notes:12"
    named.write_text(seed, encoding="utf-8")
    lines = github(named).stdout.splitlines()
    heads = [COMMAND.match(line) for line in lines if line.startswith("::warning")]
    assert len(heads) == 1 and heads[0].group(2) == str(named).replace(":", "%3A")
    assert "Changes start at lines" in heads[0].group(4)
    assert len(lines) > 1  # per-edit notices: a file, not a record

    import json

    records = tmp_path / "records.jsonl"
    records.write_text(json.dumps({"text": "Already clean text."}) + "\n" + json.dumps({"text": seed}) + "\n",
                       encoding="utf-8")
    lines = github(records, flags=["--jsonl"]).stdout.splitlines()
    assert len(lines) == 1  # one annotation per record, none per edit
    head = COMMAND.match(lines[0])
    assert head.group(2) == str(records).replace(":", "%3A") and "line=2," in head.group(3)
    assert "Record at line 2" in head.group(4)

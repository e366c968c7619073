"""JSONL options are checked (issue 13): a wrong --text-field, --jsonl on a text file and JSONL
flags without --jsonl fail in one line with exit 2; bad lines are summed up, not told one by one;
GitHub annotations point at the record's line."""

import json
import re
from pathlib import Path

from click.testing import CliRunner

import textfix
from textfix.cli import main

SEEDS = sorted(Path(__file__).resolve().parent.parent.joinpath("fixtures", "seeds").glob("*.txt"))
ARTICLES = [p.read_text(encoding="utf-8") for p in SEEDS]


def _run(args):
    return CliRunner().invoke(main, args, catch_exceptions=False)


def _shard(path: Path, records: int = 40) -> Path:
    lines = [json.dumps({"id": i, "body": ARTICLES[i % len(ARTICLES)]}) + "\n" for i in range(records)]
    path.write_text("".join(lines), encoding="utf-8")
    return path


def test_a_text_field_no_record_has_is_one_error_and_exit_2(tmp_path):
    shard = _shard(tmp_path / "shard.jsonl")
    result = _run(["clean", "--jsonl", "--text-field", "nosuch", str(shard), "-o", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 2
    assert result.stderr.count(str(shard)) == 1  # one message, not one per record
    assert "no record has a string field 'nosuch' (40 JSON objects" in result.stderr
    assert not (tmp_path / "out.jsonl").exists()
    right = _run(["clean", "--jsonl", "--text-field", "body", "--check", str(shard)])
    assert right.exit_code == 1 and "no record" not in right.stderr


def test_jsonl_on_a_plain_text_file_is_one_error_and_exit_2(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(ARTICLES[1], encoding="utf-8")
    result = _run(["clean", "--jsonl", "--check", str(article)])
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len([line for line in lines if str(article) in line]) == 1
    non_blank = len([line for line in ARTICLES[1].splitlines() if line.strip()])
    assert f"{article}: not JSONL: none of its {non_blank} non-blank lines is a JSON object" in result.stderr


def test_jsonl_flags_without_jsonl_are_refused(tmp_path):
    shard = _shard(tmp_path / "shard.jsonl", records=2)
    for flag in (["--text-field", "body"], ["--stats-field", "edits"], ["--bad-records", "skip"], ["--site-field", "host"]):
        result = _run(["clean", "--check", *flag, str(shard)])
        assert result.exit_code == 2
        assert f"{flag[0]} works on JSONL records: add --jsonl" in result.stderr
    assert _run(["clean", "--check", str(shard)]).exit_code == 1  # the defaults alone are no mistake


def test_bad_lines_are_summed_up_per_kind(tmp_path):
    shard = _shard(tmp_path / "shard.jsonl", records=6)
    with shard.open("a", encoding="utf-8") as f:
        f.write('{"title": "no body"}\n' * 30 + "[1, 2]\n" + "not json\n" * 3)
    result = _run(["clean", "--jsonl", "--text-field", "body", "--check", str(shard)])
    assert result.exit_code == 1  # the six records would change; the bad lines are reported
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert warnings == [
        f"textfix: warning: {shard}:7: no string field 'body'; passed through (and 29 more lines like it)",
        f"textfix: warning: {shard}:37: a JSON list, not an object; passed through",
        f"textfix: warning: {shard}:38: malformed JSON (Expecting value at column 1); passed through "
        f"(and 2 more lines like it)",
    ]


def test_github_annotations_point_at_the_records_line(tmp_path):
    shard = tmp_path / "shard.jsonl"
    clean = textfix.clean(ARTICLES[0]).text
    shard.write_text("".join(json.dumps({"text": t}) + "\n" for t in (clean, clean, ARTICLES[0], clean, ARTICLES[1])),
                     encoding="utf-8")
    result = _run(["clean", "--jsonl", "--check", "--output-format", "github", str(shard)])
    annotated = [int(n) for n in re.findall(r"^::\w+ file=[^,]+,line=(\d+)", result.stdout, re.M)]
    assert annotated == [3, 5]
    assert "Record at line 3" in result.stdout

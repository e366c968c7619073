"""JSONL fidelity (issue 13): every byte outside the cleaned text field comes back as it came in,
unchanged records come back identical, and bad lines are passed through one by one."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import textfix
from textfix.cli import main

SEEDS = sorted(Path(__file__).resolve().parent.parent.joinpath("fixtures", "seeds").glob("*.txt"))
DIRTY = [p.read_text(encoding="utf-8") for p in SEEDS]  # scraped articles textfix changes
CLEAN = textfix.clean(DIRTY[0]).text  # a second pass changes nothing


def _token(text: str, ascii_only: bool = False) -> str:
    return json.dumps(text, ensure_ascii=ascii_only)


def _records():
    """(prefix, text, suffix, line ending) for records whose text token sits between prefix and suffix."""
    return [
        ('{"id": 1, "pi": 3.141592653589793238462643, "text": ', DIRTY[0], ', "n": 12345678901234567890123}', "\n"),
        ('{"id":2,"big":1e400,"small":-1E-400,"text":"first value kept","text":', DIRTY[1], '}', "\r\n"),
        ('{ "text" :  ', DIRTY[0] + " Zürich — naïve café", ' , "z": [1.0, 2.50, {"a": null}] }', "\n"),
        ('{"city": "Zürich", "text": ', DIRTY[1], ', "id": "ünï"}', "\r\n"),
        ('{"id": 5, "text": ', CLEAN, ', "note": "unchanged"}', "\n"),
    ]


LONE_SURROGATE = '{"id": 6, "text": "Lone \\ud800 escape, and  a  &amp; entity ."}\n'
NOT_UTF8 = b'{"id": 7, "text": "Caf\xe9  &amp; Latin-1 bytes ."}\n'
NOT_JSON = b"this line is not JSON , &amp; stays as it is\r\n"
BLANK = b"   \n"


@pytest.fixture
def shard(tmp_path):
    lines = []
    for i, (prefix, text, suffix, ending) in enumerate(_records()):
        lines.append((prefix + _token(text, ascii_only=i == 3) + suffix + ending).encode("utf-8"))
    lines += [LONE_SURROGATE.encode("ascii"), NOT_UTF8, NOT_JSON, BLANK]
    path = tmp_path / "in.jsonl"
    path.write_bytes(b"".join(lines))
    return path, lines


def _run(args):
    return CliRunner().invoke(main, args, catch_exceptions=False)


def _check_fidelity(lines: list[bytes], out: bytes):
    got = out.splitlines(keepends=True)
    assert len(got) == len(lines)
    for i, (prefix, text, suffix, ending) in enumerate(_records()):
        line = got[i].decode("utf-8")
        assert line.startswith(prefix) and line.endswith(suffix + ending), f"record {i + 1} changed outside its text"
        token = line[len(prefix): len(line) - len(suffix + ending)]
        assert json.loads(token) == textfix.clean(text).text
        if i == 3:  # a token written with \u escapes keeps that style
            assert token.isascii()
    assert got[4] == lines[4]  # an unchanged record: the same bytes
    assert json.loads(got[5])["text"] == textfix.clean(json.loads(LONE_SURROGATE)["text"]).text
    assert got[5].isascii()  # its escape is still an escape: the line stays valid UTF-8
    assert got[6:] == lines[6:]  # invalid UTF-8, not JSON, blank: passed through byte for byte


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_output_keeps_every_byte_outside_the_text_field(shard, tmp_path, jobs):
    path, lines = shard
    result = _run(["clean", "--jsonl", "-j", jobs, str(path), "-o", str(tmp_path / "out.jsonl")])
    assert "in.jsonl:7: not UTF-8" in result.output and "in.jsonl:8: malformed JSON" in result.output
    assert result.exit_code == 0  # bad records are reported and passed through; the shard is written
    _check_fidelity(lines, (tmp_path / "out.jsonl").read_bytes())


def test_in_place_keeps_every_byte_outside_the_text_field_and_a_second_pass_changes_nothing(shard):
    path, lines = shard
    _run(["clean", "--jsonl", "--in-place", str(path)])
    first = path.read_bytes()
    _check_fidelity(lines, first)
    _run(["clean", "--jsonl", "--in-place", str(path)])
    assert path.read_bytes() == first


def test_stdout_gives_the_same_bytes_as_output(shard, tmp_path):
    path, lines = shard
    _run(["clean", "--jsonl", str(path), "-o", str(tmp_path / "out.jsonl")])
    assert CliRunner().invoke(main, ["clean", "--jsonl", str(path)]).stdout_bytes == (tmp_path / "out.jsonl").read_bytes()


def test_stats_field_is_added_without_touching_the_rest(shard, tmp_path):
    path, lines = shard
    _run(["clean", "--jsonl", "--stats-field", "textfix", str(path), "-o", str(tmp_path / "out.jsonl")])
    got = (tmp_path / "out.jsonl").read_bytes().splitlines(keepends=True)
    unchanged = got[4].decode("utf-8")
    assert unchanged.startswith(lines[4].decode("utf-8").rstrip("}\n"))
    assert json.loads(unchanged)["textfix"] == {"changed": False, "edits": 0, "counts": {}}
    assert b"12345678901234567890123" in got[0] and b"1e400" in got[1] and got[1].endswith(b"\r\n")
    assert got[6:] == lines[6:]


def test_a_lone_surrogate_breaks_neither_the_report_nor_json_output(shard, tmp_path):
    path, _ = shard
    report = tmp_path / "report.json"
    result = _run(["clean", "--jsonl", "--check", str(path), "--report", str(report)])
    assert "internal error" not in result.output and "cannot be written" not in result.output
    files = json.loads(report.read_text(encoding="utf-8"))["files"]
    assert any(f["path"] == f"{path}:6" for f in files)
    printed = CliRunner().invoke(main, ["clean", "--jsonl", "--check", "--output-format", "json", str(path)])
    assert "internal error" not in printed.output
    document = json.loads(printed.stdout)
    assert document["summary"]["changed"] == 5  # records 1-4 and 6

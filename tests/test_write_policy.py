"""The write policy (issue 13): collisions, output = input, links, mode and owner, full disks,
stale temporary files and special files. One test per defect, each with its negative case."""

import fcntl
import os
import resource
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from textfix.cli import main
from textfix.writing import AtomicWriter, sweep_temporaries

DIRTY = "It &#x 27; s  here .\n"
CLEANED = "It's here.\n"
REPO = Path(__file__).resolve().parent.parent


def run(args):
    return CliRunner().invoke(main, args, catch_exceptions=False)


def textfix_process(args, cwd, timeout=120, limit_file_size=None):
    """The CLI in a child process (for resource limits, and so that a hang fails instead of blocking)."""

    def limits():
        if limit_file_size is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit_file_size, limit_file_size))

    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "textfix", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=timeout, preexec_fn=limits)


def temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if p.name.endswith(".textfix-tmp"))


# --- which outputs a run may write -----------------------------------------------------------------

def test_colliding_outputs_are_refused_before_anything_is_written(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / "in" / folder).mkdir(parents=True)
        (tmp_path / "in" / folder / "x.txt").write_text(f"{folder}: {DIRTY}", encoding="utf-8")
    out = tmp_path / "out"
    for inputs in (["a/x.txt", "b/x.txt"], ["a", "b"]):
        result = run(["clean", "--output-dir", str(out), *(str(tmp_path / "in" / p) for p in inputs)])
        assert result.exit_code == 2
        assert result.stderr.count("\n") == 1 and "would both be written to" in result.stderr
        assert not out.exists()
    # The folder holding both named instead: its tree is mirrored, nothing collides.
    result = run(["clean", "--output-dir", str(out), str(tmp_path / "in")])
    assert result.exit_code == 0, result.stderr
    assert (out / "a" / "x.txt").read_text(encoding="utf-8") == "a: " + CLEANED
    assert (out / "b" / "x.txt").read_text(encoding="utf-8") == "b: " + CLEANED


def test_distinct_names_under_output_dir_do_not_collide(tmp_path):
    (tmp_path / "a.txt").write_text(DIRTY, encoding="utf-8")
    (tmp_path / "b.txt").write_text(DIRTY, encoding="utf-8")
    result = run(["clean", "--output-dir", str(tmp_path / "out"), str(tmp_path / "a.txt"), str(tmp_path / "b.txt")])
    assert result.exit_code == 0, result.stderr
    assert sorted(os.listdir(tmp_path / "out")) == ["a.txt", "b.txt"]


def test_output_that_is_the_input_is_refused(tmp_path):
    same = tmp_path / "same.txt"
    same.write_text(DIRTY, encoding="utf-8")
    result = run(["clean", "-o", str(same), str(same)])
    assert result.exit_code == 2
    assert "would overwrite the input" in result.stderr and "--in-place" in result.stderr
    assert same.read_text(encoding="utf-8") == DIRTY
    # The same through a symlink, and through --output-dir onto the input's own folder.
    link = tmp_path / "link.txt"
    link.symlink_to(same)
    assert run(["clean", "-o", str(link), str(same)]).exit_code == 2
    assert run(["clean", "--output-dir", str(tmp_path), str(same)]).exit_code == 2
    assert same.read_text(encoding="utf-8") == DIRTY
    other = tmp_path / "other.txt"
    assert run(["clean", "-o", str(other), str(same)]).exit_code == 0
    assert other.read_text(encoding="utf-8") == CLEANED


# --- what a write keeps ------------------------------------------------------------------------------

def test_in_place_on_a_symlink_writes_through_and_keeps_the_link(tmp_path):
    target = tmp_path / "real.txt"
    target.write_text(DIRTY, encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    assert run(["clean", "--in-place", str(link)]).exit_code == 0
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text(encoding="utf-8") == CLEANED


def test_output_to_a_symlink_writes_through_and_keeps_the_link(tmp_path):
    source = tmp_path / "in.txt"
    source.write_text(DIRTY, encoding="utf-8")
    target = tmp_path / "real-out.txt"
    target.write_text("old output\n", encoding="utf-8")
    link = tmp_path / "out.txt"
    link.symlink_to(target)
    assert run(["clean", "-o", str(link), str(source)]).exit_code == 0
    assert link.is_symlink() and target.read_text(encoding="utf-8") == CLEANED


def test_in_place_keeps_hard_links(tmp_path):
    first = tmp_path / "first.txt"
    first.write_text(DIRTY, encoding="utf-8")
    second = tmp_path / "second.txt"
    os.link(first, second)
    inode = first.stat().st_ino
    assert run(["clean", "--in-place", str(first)]).exit_code == 0
    assert first.stat().st_ino == inode and first.stat().st_nlink == 2
    assert second.read_text(encoding="utf-8") == CLEANED
    assert temporaries(tmp_path) == []
    # A file with one name is replaced by a new inode (the atomic rename).
    alone = tmp_path / "alone.txt"
    alone.write_text(DIRTY, encoding="utf-8")
    inode = alone.stat().st_ino
    assert run(["clean", "--in-place", str(alone)]).exit_code == 0
    assert alone.stat().st_ino != inode and alone.read_text(encoding="utf-8") == CLEANED


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file another owner needs root")
def test_in_place_keeps_owner_and_group(tmp_path):
    path = tmp_path / "owned.txt"
    path.write_text(DIRTY, encoding="utf-8")
    os.chown(path, 65534, 65534)
    assert run(["clean", "--in-place", str(path)]).exit_code == 0
    assert (path.stat().st_uid, path.stat().st_gid) == (65534, 65534)
    assert path.read_text(encoding="utf-8") == CLEANED


def test_copies_keep_the_input_mode_and_in_place_keeps_its_own(tmp_path):
    source = tmp_path / "in.txt"
    source.write_text(DIRTY, encoding="utf-8")
    source.chmod(0o640)
    assert run(["clean", "-o", str(tmp_path / "o.txt"), str(source)]).exit_code == 0
    assert run(["clean", "--output-dir", str(tmp_path / "out"), str(source)]).exit_code == 0
    assert stat.S_IMODE((tmp_path / "o.txt").stat().st_mode) == 0o640
    assert stat.S_IMODE((tmp_path / "out" / "in.txt").stat().st_mode) == 0o640
    source.chmod(0o604)
    assert run(["clean", "--in-place", str(source)]).exit_code == 0
    assert stat.S_IMODE(source.stat().st_mode) == 0o604 and source.read_text(encoding="utf-8") == CLEANED


# --- failures and what they leave ----------------------------------------------------------------

def test_a_full_disk_gives_one_line_and_leaves_no_temporary_file(tmp_path):
    # A file-size limit makes the final flush fail the way a full disk does (the close fails too).
    text = "".join(f"Sentence number {i} isn&#39;t quite the same as the one before it , says the writer.\n"
                   for i in range(70))
    (tmp_path / "in.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    result = textfix_process(["clean", "--output-dir", "out", "in.txt"], tmp_path, limit_file_size=4096)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines()[0].startswith("textfix: error: ")
    assert "cannot write" in result.stderr and "internal error" not in result.stderr
    assert "Traceback" not in result.stderr
    assert os.listdir(out) == []
    # Without the limit the same run writes the file.
    assert textfix_process(["clean", "--output-dir", "out", "in.txt"], tmp_path).returncode == 0
    assert os.listdir(out) == ["in.txt"]


def test_stale_temporary_files_are_swept_by_the_next_run_but_live_ones_are_not(tmp_path):
    (tmp_path / "a.txt").write_text(DIRTY, encoding="utf-8")
    stale = tmp_path / ".a.txt.k3j9x2qa.textfix-tmp"
    stale.write_text("half of a killed run's write", encoding="utf-8")
    live = tmp_path / ".b.txt.p0q1r2s3.textfix-tmp"
    live.write_text("a run in progress", encoding="utf-8")
    unrelated = tmp_path / ".notes.txt"
    unrelated.write_text("not ours", encoding="utf-8")
    with open(live, "rb") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)  # as a live writer holds it
        result = run(["clean", "--in-place", "-v", str(tmp_path)])
    assert result.exit_code == 0, result.stderr
    assert f"removed {stale}" in result.stderr
    assert not stale.exists() and live.exists() and unrelated.exists()
    assert sweep_temporaries(str(tmp_path)) == [str(live)]  # its writer gone, it goes too


def test_a_writer_holds_its_temporary_file_against_the_sweep(tmp_path):
    with AtomicWriter(str(tmp_path / "x.txt")) as writer:
        writer.write("text")
        assert sweep_temporaries(str(tmp_path)) == []
        assert len(temporaries(tmp_path)) == 1
    assert temporaries(tmp_path) == [] and (tmp_path / "x.txt").read_text() == "text"


def test_a_fifo_is_never_opened(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(DIRTY, encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    result = textfix_process(["clean", "--check", "-v", "corpus"], tmp_path, timeout=60)
    assert result.returncode == 1, result.stderr
    assert "skipped corpus/pipe.txt: a FIFO, not a regular file" in result.stderr
    assert "1 file: 1 would change" in result.stderr or "would clean corpus/a.txt" in result.stderr
    # Named explicitly, --in-place refuses it before reading it (a read would wait for a writer).
    result = textfix_process(["clean", "--in-place", "corpus/pipe.txt", "corpus/a.txt"], tmp_path, timeout=60)
    assert result.returncode == 2
    assert "--in-place rewrites regular files; corpus/pipe.txt is a FIFO" in result.stderr
    assert (folder / "a.txt").read_text(encoding="utf-8") == DIRTY


def test_ctrl_c_while_the_temporary_file_is_being_made_leaves_none(tmp_path, monkeypatch):
    """A Ctrl-C that lands after the temporary file exists but before the ``with`` block is
    entered (its lock being taken) must not leave the file behind: ``__exit__`` never runs."""
    import textfix.writing as writing

    target = tmp_path / "page.txt"
    target.write_text("old", encoding="utf-8")

    def interrupted(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(writing, "_lock", interrupted)
    with pytest.raises(KeyboardInterrupt):
        with AtomicWriter(str(target)) as writer:
            writer.write("new")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page.txt"]
    assert target.read_text(encoding="utf-8") == "old"


@pytest.mark.parametrize("umask", [0o022, 0o027, 0o077])
def test_a_new_file_gets_the_mode_open_gives_it(tmp_path, umask):

    old = os.umask(umask)  # the test sets the umask; textfix only lets the kernel apply it
    try:
        with AtomicWriter(str(tmp_path / "new.txt")) as sink:
            sink.write("text")
        with open(tmp_path / "plain.txt", "w") as f:
            f.write("text")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == stat.S_IMODE((tmp_path / "plain.txt").stat().st_mode)
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o666 & ~umask
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.txt", "plain.txt"]  # no temporary left

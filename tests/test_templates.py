"""Site templates: learned from real pages of one site (fixtures/templates, WCXB, CC-BY-4.0)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import textfix
from textfix.cli import main
from textfix.errors import TextfixError
from textfix.templates import SiteCounter, learn, line_key, read_templates, write_templates
from textfix.templates.counting import PROSE_MIN_DOCUMENTS
from textfix.templates.sources import count_batch

SITE = Path(__file__).parent.parent / "fixtures" / "templates" / "ifixit.com"
GOLD = SITE.parent / "gold"
PAGES = sorted(SITE.glob("*.txt"))


def site_counter(texts) -> SiteCounter:
    counter = SiteCounter()
    for text in texts:
        counter.add("ifixit.com", text)
    return counter


def learned(tmp_path) -> Path:
    path = tmp_path / "site.templates"
    result = CliRunner().invoke(main, ["templates", "learn", str(SITE), "-o", str(path)])
    assert result.exit_code == 0, result.output
    return path


def test_learns_the_sites_furniture_not_its_articles(tmp_path):
    templates = read_templates(str(learned(tmp_path)))
    site = templates.sites["ifixit.com"]
    assert site.documents == len(PAGES)
    assert len(site.lines) >= 10
    # every learned line is on at least k pages and the share p of them
    texts = [page.read_text(encoding="utf-8") for page in PAGES]
    for key, count in site.lines.items():
        on_pages = sum(key in {line_key(line) for line in text.splitlines()} for text in texts)
        assert on_pages == count >= max(templates.k, templates.p * len(PAGES))
    # the article lines of one page only are never template lines
    gold_lines = {line_key(line) for line in (GOLD / PAGES[0].name).read_text(encoding="utf-8").splitlines()}
    unique = {k for k in gold_lines if sum(k in {line_key(x) for x in t.splitlines()} for t in texts) == 1}
    assert unique and not unique & set(site.lines)


def test_cleaning_with_templates_removes_template_lines_and_keeps_the_article(tmp_path):
    path = learned(tmp_path)
    with_templates = textfix.make_pipeline(options={"boilerplate": {"templates": [str(path)]}})
    without = textfix.make_pipeline()
    template_lines = in_gold = kept_with = kept_without = gold_words = 0
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        result = with_templates.run(text, path=str(page))
        gold_text = (GOLD / page.name).read_text(encoding="utf-8")
        gold_keys = {line_key(line) for line in gold_text.splitlines()}
        for edit in result.edits:
            if edit.rule == "site-template":
                assert 0.6 <= edit.confidence <= 0.95
                lines = [line for line in edit.before.splitlines() if line_key(line)]
                template_lines += len(lines)
                in_gold += sum(line_key(line) in gold_keys for line in lines)
        gold = gold_text.split()
        kept_with += sum(w in set(result.text.split()) for w in gold)
        kept_without += sum(w in set(without.run(text, path=str(page)).text.split()) for w in gold)
        gold_words += len(gold)
        assert with_templates.run(result.text, path=str(page)).text == result.text  # a second pass changes nothing
    assert template_lines > 100
    assert in_gold / template_lines < 0.25  # mostly furniture (the gold of product pages keeps some)
    assert kept_with / gold_words > kept_without / gold_words - 0.06
    # without the site's name (another folder) the file's sites are all tried: same lines go
    elsewhere = with_templates.run(PAGES[1].read_text(encoding="utf-8"), path="elsewhere/page.txt")
    assert any(edit.rule == "site-template" for edit in elsewhere.edits)


def test_a_pull_quote_repeated_on_two_pages_stays():
    texts = [page.read_text(encoding="utf-8") for page in PAGES]
    quote = next(line for line in (GOLD / PAGES[0].name).read_text(encoding="utf-8").splitlines()
                 if len(line.split()) >= 12 and line.rstrip().endswith("."))
    texts = [text + "\n\n" + quote + "\n" if i < 2 else text for i, text in enumerate(texts)]
    assert line_key(quote) not in learn(site_counter(texts), k=2, p=0.2).sites["ifixit.com"].lines
    # the same sentence on every page of a big enough site is furniture after all
    many = [text + "\n\n" + quote + "\n" for text in texts]
    assert len(many) >= PROSE_MIN_DOCUMENTS
    assert line_key(quote) in learn(site_counter(many), k=2, p=0.2).sites["ifixit.com"].lines


def test_one_page_learns_nothing_and_says_so(tmp_path):
    out = tmp_path / "site.templates"
    result = CliRunner().invoke(main, ["templates", "learn", str(PAGES[0]), "-o", str(out)])
    assert result.exit_code == 0
    assert "no site templates learned from 1 document(s) of 1 site(s)" in result.output
    assert not out.exists()
    empty = tmp_path / "empty"
    empty.mkdir()
    result = CliRunner().invoke(main, ["templates", "learn", str(empty), "-o", str(out)])
    assert "from 0 document(s)" in result.output and not out.exists()


def test_sites_of_jsonl_records_come_from_their_url(tmp_path):
    shard = tmp_path / "shard.jsonl"
    rows = [{"url": f"https://www.ifixit.com/page/{i}", "text": page.read_text(encoding="utf-8")} for i, page in enumerate(PAGES)]
    rows.append({"url": "https://other.example/1", "text": PAGES[0].read_text(encoding="utf-8")})
    shard.write_text("\n".join(json.dumps(row) for row in rows) + "\nnot json\n", encoding="utf-8")
    counter = count_batch([str(shard)])
    assert dict(counter.documents) == {"ifixit.com": len(PAGES), "other.example": 1}
    assert set(learn(counter).sites) == {"ifixit.com"}
    by_field = count_batch([str(shard)], site_field="missing")
    assert not by_field.documents


def _clean_shard(tmp_path, shard, *flags) -> list[str]:
    out = tmp_path / ("out" + str(len(list(tmp_path.glob("out*")))))
    result = CliRunner().invoke(main, ["clean", "--jsonl", "-q", "--output-dir", str(out), str(shard), *flags])
    assert result.exit_code == 0, result.output
    return [json.loads(line)["text"] for line in (out / shard.name).read_text(encoding="utf-8").splitlines()]


def test_each_jsonl_record_is_matched_against_its_own_sites_templates(tmp_path):
    path = learned(tmp_path)
    texts = [page.read_text(encoding="utf-8") for page in PAGES]
    rows = ([{"url": f"https://www.ifixit.com/Guide/{i}", "source": "ifixit.com", "text": t} for i, t in enumerate(texts)]
            + [{"url": f"https://other.example/{i}", "source": "other.example", "text": t} for i, t in enumerate(texts)]
            + [{"text": t} for t in texts])  # no site: every site of the file is tried
    shard = tmp_path / "mixed.jsonl"
    shard.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    plain = _clean_shard(tmp_path, shard)
    templated = _clean_shard(tmp_path, shard, "--templates", str(path))
    n = len(texts)
    own, other, unknown = range(n), range(n, 2 * n), range(2 * n, 3 * n)
    site_lines = read_templates(str(path)).sites["ifixit.com"].lines

    def furniture(text):  # template lines left in an output
        return sum(line_key(line) in site_lines for line in text.splitlines())

    assert all(furniture(templated[i]) <= furniture(plain[i]) for i in own)
    assert sum(furniture(templated[i]) < furniture(plain[i]) for i in own) >= n // 2  # the site's furniture goes
    assert all(templated[i] == plain[i] for i in other)  # another site's furniture is not this one's
    assert [templated[i] for i in unknown] == [templated[i] for i in own]
    # the site can come from another field
    by_source = _clean_shard(tmp_path, shard, "--templates", str(path), "--site-field", "source")
    assert by_source[:2 * n] == templated[:2 * n]
    by_missing = _clean_shard(tmp_path, shard, "--templates", str(path), "--site-field", "nosuch")
    assert by_missing[n:2 * n] == [templated[i] for i in own]  # no site known: all sites tried


def test_bounded_counter_keeps_the_frequent_keys():
    texts = [page.read_text(encoding="utf-8") for page in PAGES]
    full = learn(site_counter(texts)).sites["ifixit.com"]
    small = SiteCounter(cap=1000)
    for text in texts:
        small.add("ifixit.com", text)
    assert len(small.counts) <= 1000 < len(site_counter(texts).counts)
    assert learn(small).sites["ifixit.com"].lines == full.lines


def test_file_round_trip_and_errors_name_file_and_line(tmp_path):
    templates = learn(site_counter(page.read_text(encoding="utf-8") for page in PAGES))
    path = tmp_path / "site.templates"
    write_templates(templates, str(path))
    again = read_templates(str(path))
    assert again.sites == templates.sites and (again.k, again.p) == (templates.k, templates.p)
    rows = path.read_text(encoding="utf-8").splitlines()
    cases = {
        "version": ([rows[0].replace("\t1\t", "\t2\t")] + rows[1:], ":1: template file version 2"),
        "row": (rows[:3] + ["line\tmany\tshare this"] + rows[3:], ":4: bad count"),
        "kind": (rows[:2] + ["menu\t3\thome"], ":3: expected"),
        "orphan": (rows[:1] + ["line\t3\thome"], ":2: a line row before any site row"),
        "magic": (["hello"], ":1: not a textfix template file"),
    }
    for name, (lines, message) in cases.items():
        bad = tmp_path / f"{name}.templates"
        bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
        with pytest.raises(TextfixError, match=str(bad) + message):
            read_templates(str(bad))
        result = CliRunner().invoke(main, ["clean", "--templates", str(bad), str(PAGES[0])])
        assert result.exit_code == 2 and message in result.output


def test_config_and_auto(tmp_path):
    path = learned(tmp_path)
    batch = tmp_path / "batch" / "ifixit.com"
    shutil.copytree(SITE, batch)
    (tmp_path / "batch" / "textfix.toml").write_text(f'templates = ["{path.name}"]\n', encoding="utf-8")
    shutil.copy(path, tmp_path / "batch" / path.name)
    shown = CliRunner().invoke(main, ["config", str(batch)])
    assert "templates" in shown.output and str(tmp_path / "batch" / path.name) in shown.output
    configured = CliRunner().invoke(main, ["clean", "--check", "--output-format", "json", str(batch)])
    auto = CliRunner().invoke(main, ["clean", "--check", "--output-format", "json", "--templates", "auto",
                                     "--config", str(tmp_path / "batch" / "textfix.toml"), str(batch)])
    ignored = CliRunner().invoke(main, ["clean", "--check", "--output-format", "json", "--ignore", "site-template", str(batch)])
    assert "site-template" in configured.output and "site-template" in auto.output
    assert ignored.exit_code == 1 and '"site-template"' not in ignored.output


def test_dask_learning_is_the_same_as_local(tmp_path):
    pytest.importorskip("distributed")
    local, on_dask = tmp_path / "local.templates", tmp_path / "dask.templates"
    assert CliRunner().invoke(main, ["templates", "learn", str(SITE), "-o", str(local)]).exit_code == 0
    result = CliRunner().invoke(main, ["templates", "learn", str(SITE), "-o", str(on_dask), "--engine", "dask", "-j", "1"])
    assert result.exit_code == 0, result.output
    assert on_dask.read_text(encoding="utf-8") == local.read_text(encoding="utf-8")

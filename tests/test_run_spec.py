"""One checked run specification: unknown cleaners, rules and options, wrong types and
disagreeing spellings are errors naming their file, flag or argument (issue 13)."""

import dataclasses
import pickle
import textwrap
import warnings

import pytest
from click.testing import CliRunner

import textfix
from textfix import registry
from textfix.cli import main
from textfix.errors import OptionError
from textfix.spec import Mode, OutputFormat, PipelineSpec, RunSpec

APOSTROPHE = "It&#39;s the &amp; sign."  # entity-apostrophe and html-entity both have work here


def invoke(args, cwd=None):
    return CliRunner().invoke(main, args, catch_exceptions=False)


# --- the Python API --------------------------------------------------------------------------

@pytest.mark.parametrize("kwargs, error, message", [
    ({"select": ["nosuch"]}, OptionError, "select: unknown cleaner or rule: nosuch"),
    ({"ignore": ["nosuch"]}, OptionError, "ignore: unknown cleaner or rule: nosuch"),
    ({"select": "entities"}, TypeError, r"did you mean \['entities'\]"),
    ({"options": {"nosuch": {}}}, OptionError, "no cleaner named 'nosuch'"),
    ({"options": {"whitespace": {"colapse": True}}}, OptionError, "unknown option 'colapse'"),
    ({"options": {"spin": {"threshold": "high"}}}, OptionError, "'threshold' must be a number"),
    ({"options": {"spin": {"threshold": 7}}}, OptionError, r"threshold must be a number in \[0, 1\]"),
    ({"options": {"spin": {"assume_spun": 1}}}, OptionError, "must be true or false"),
    ({"options": ["spin"]}, TypeError, "options must map cleaner codes"),
])
def test_bad_api_arguments_fail_clearly(kwargs, error, message):
    with pytest.raises(error, match=message):
        textfix.clean(APOSTROPHE, **kwargs)


@pytest.mark.parametrize("text, hint", [(b"It&#39;s", "decode it first"), (None, "NoneType")])
def test_clean_takes_only_str(text, hint):
    with pytest.raises(TypeError, match=hint):
        textfix.clean(text)


def test_good_options_are_taken_in_either_spelling():
    strict = textfix.clean(APOSTROPHE, select=["spin"], options={"spin": {"threshold": 1}})
    assert strict.text == APOSTROPHE
    same = PipelineSpec.make(options={"spin": {"assume-spun": True}})
    assert same == PipelineSpec.make(options={"spin": {"assume_spun": True}})
    with pytest.raises(OptionError, match="name the same option and disagree"):
        PipelineSpec.make(options={"spin": {"assume-spun": True, "assume_spun": False}})


def test_the_reports_cleaner_slash_rule_id_selects_that_rule_only():
    result = textfix.clean(APOSTROPHE, select=["entities/entity-apostrophe"])
    assert {f"{e.cleaner}/{e.rule}" for e in result.edits} == {"entities/entity-apostrophe"}
    assert "&amp;" in result.text  # html-entity is not selected
    other = textfix.clean(APOSTROPHE, select=["entities/html-entity"])
    assert {e.rule for e in other.edits} == {"html-entity"}
    ignored = textfix.clean(APOSTROPHE, select=["entities"], ignore=["entities/html-entity"])
    assert {e.rule for e in ignored.edits} == {"entity-apostrophe"}
    with pytest.raises(OptionError):
        textfix.clean(APOSTROPHE, select=["whitespace/entity-apostrophe"])  # not that cleaner's rule


# --- the spec itself -------------------------------------------------------------------------

def test_run_spec_is_frozen_validated_and_uses_enums():
    spec = RunSpec(mode="check", output_format="json")
    assert spec.mode is Mode.CHECK and spec.output_format is OutputFormat.JSON
    assert spec.keep_results
    with pytest.raises(dataclasses.FrozenInstanceError):
        spec.mode = Mode.DIFF
    with pytest.raises(OptionError, match="mode must be one of"):
        RunSpec(mode="sideways")
    with pytest.raises(OptionError, match="needs stdout free"):
        RunSpec(output_format="github")
    with pytest.raises(OptionError, match="--jobs"):
        RunSpec(mode="check", jobs=0)
    with pytest.raises(OptionError, match="needs --output or --output-dir"):
        RunSpec(mode="output")


def test_pipeline_spec_travels_to_workers_whole():
    spec = PipelineSpec.make(select=["entities", "spin"], options={"spin": {"threshold": 0.9}})
    again = pickle.loads(pickle.dumps(spec))
    assert again == spec and hash(again) == hash(spec)
    assert again.build().run(APOSTROPHE).text == textfix.clean(APOSTROPHE, select=["entities", "spin"]).text


# --- config files and flags ------------------------------------------------------------------

def _project(tmp_path, table: str):
    (tmp_path / "pyproject.toml").write_text(textwrap.dedent(table), encoding="utf-8")
    (tmp_path / "a.txt").write_text(APOSTROPHE, encoding="utf-8")
    return str(tmp_path / "a.txt")


@pytest.mark.parametrize("table, message", [
    ("[tool.textfix.cleaners.nosuch]\nx = 1\n", "[tool.textfix.cleaners.nosuch]: no cleaner named 'nosuch'"),
    ("[tool.textfix.cleaners.whitespace]\ncolapse = true\n", "unknown option 'colapse'"),
    ("[tool.textfix.cleaners.spin]\nthreshold = 7\n", "threshold must be a number in [0, 1]"),
    ("[tool.textfix.cleaners.spin]\nthreshold = \"high\"\n", "'threshold' must be a number"),
    ("[tool.textfix.cleaners.spin]\ntable = \"x\"\n", "for the Python API only"),
    ("[tool.textfix]\nspin-threshold = 0.5\n[tool.textfix.cleaners.spin]\nthreshold = 0.7\n", "disagree"),
])
def test_bad_config_names_its_file(tmp_path, table, message):
    path = _project(tmp_path, table)
    result = invoke(["clean", "--check", path])
    assert result.exit_code == 2
    assert message in result.stderr
    assert str(tmp_path / "pyproject.toml") in result.stderr
    assert "Traceback" not in result.stderr


def test_agreeing_config_and_the_flag_override_are_accepted(tmp_path):
    path = _project(tmp_path, "[tool.textfix]\nspin-threshold = 0.7\n[tool.textfix.cleaners.spin]\nthreshold = 0.7\n")
    assert invoke(["clean", "--check", path]).exit_code == 1
    path = _project(tmp_path, "[tool.textfix.cleaners.spin]\nthreshold = 0.7\nassume-spun = false\n")
    assert invoke(["clean", "--check", "--spin-threshold", "0.9", path]).exit_code == 1


def test_select_flag_takes_report_ids_and_names_itself_when_wrong(tmp_path):
    path = _project(tmp_path, "[tool.textfix]\n")
    result = invoke(["clean", "--select", "entities/entity-apostrophe", path])
    assert result.exit_code == 0
    assert result.stdout == textfix.clean(APOSTROPHE, select=["entities/entity-apostrophe"]).text
    wrong = invoke(["clean", "--select", "entity/apostrophe", path])
    assert wrong.exit_code == 2 and "--select (command line): unknown cleaner or rule: entity/apostrophe" in wrong.stderr


# --- built-ins without install metadata; broken plugins ------------------------------------------

@pytest.fixture
def fresh_registry():
    registry._entry_points.cache_clear()
    registry._factory.cache_clear()
    yield
    registry._entry_points.cache_clear()
    registry._factory.cache_clear()


def test_builtins_run_without_install_metadata(monkeypatch, fresh_registry):
    monkeypatch.setattr(registry, "entry_points", lambda group: [])
    assert set(registry.cleaner_names()) == set(registry.BUILTINS)
    assert textfix.clean(APOSTROPHE).text == "It's the & sign."


def test_a_plugin_that_fails_to_load_is_reported_and_left_out(tmp_path, monkeypatch, fresh_registry):
    (tmp_path / "broken_plugin.py").write_text("import no_such_module_anywhere\n")
    info = tmp_path / "broken_plugin-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: broken-plugin\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[textfix.cleaners]\nbroken = broken_plugin:Cleaner\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(registry, "_warned", set())
    with pytest.warns(registry.PluginWarning, match="cannot load cleaner plugin 'broken'.*ModuleNotFoundError"):
        assert textfix.clean(APOSTROPHE).text == "It's the & sign."  # the built-ins still run
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # warned once per process, not once per document
        textfix.clean(APOSTROPHE)
    with pytest.raises(OptionError, match="unknown cleaner or rule: broken"):
        textfix.clean(APOSTROPHE, select=["broken"])
    monkeypatch.setattr(registry, "_warned", set())
    result = invoke(["clean", "-", "--select", "entities"])
    assert "textfix: warning: cannot load cleaner plugin 'broken'" in result.stderr

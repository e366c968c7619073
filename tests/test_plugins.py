"""Third-party cleaners plug in through the ``textfix.cleaners`` entry-point group, as built-ins do."""

import sys
import textwrap

import pytest

import textfix
from textfix import registry


@pytest.fixture
def plugin_on_path(tmp_path, monkeypatch):
    """Install a tiny plugin distribution (module + dist-info) into a folder on sys.path."""
    (tmp_path / "shout_plugin.py").write_text(textwrap.dedent('''
        from textfix import Cleaner, Edit

        class ShoutCleaner(Cleaner):
            code = "shout"
            summary = "Lower-case words written in capitals."
            stage = 60
            rules = {"all-caps": "a word in capitals"}

            def find_edits(self, text, doc):
                start = text.find("LOUD")
                if start != -1:
                    yield Edit(start, start + 4, "loud", "all-caps", "lower-case a shouted word")

        def make_quiet(**options):
            cleaner = ShoutCleaner(**options)
            cleaner.code = "quiet"
            return cleaner
    '''))
    info = tmp_path / "shout_plugin-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: shout-plugin\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(
        "[textfix.cleaners]\nshout = shout_plugin:ShoutCleaner\nquiet = shout_plugin:make_quiet\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    registry._entry_points.cache_clear()
    registry._factory.cache_clear()
    yield
    sys.modules.pop("shout_plugin", None)
    registry._entry_points.cache_clear()
    registry._factory.cache_clear()


def test_plugin_class_and_factory_are_found_and_run(plugin_on_path):
    assert {"shout", "quiet"} <= set(registry.cleaner_names())
    result = textfix.clean("a LOUD word", select=["shout"])
    assert result.text == "a loud word"
    assert [(e.cleaner, e.rule) for e in result.edits] == [("shout", "all-caps")]
    assert "all-caps" in registry.known_codes()


def test_plugin_can_be_ignored(plugin_on_path):
    assert textfix.clean("a LOUD word", ignore=["shout", "quiet"]).text == "a LOUD word"


def test_entry_point_that_is_not_a_cleaner_is_refused(tmp_path, monkeypatch):
    info = tmp_path / "bad_plugin-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: bad-plugin\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[textfix.cleaners]\nbad = builtins:dict\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    registry._entry_points.cache_clear()
    registry._factory.cache_clear()
    try:
        with pytest.raises(registry.PluginError, match="did not produce a textfix Cleaner"):
            registry.make_cleaner("bad")
    finally:
        registry._entry_points.cache_clear()
        registry._factory.cache_clear()

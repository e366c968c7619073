"""The plugin scan reads only the metadata of distributions that declare the group, and finds
what importlib.metadata finds."""

import importlib.metadata
import zipfile

from textfix import distributions
from textfix.distributions import declaring_folders, entry_points, version

GROUP = "textfix.cleaners"


def install(folder, name, version, entry_points_text=None):
    """A distribution's metadata folder in ``folder``, with an entry_points.txt when given."""
    info = folder / f"{name}-{version}.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n")
    if entry_points_text is not None:
        (info / "entry_points.txt").write_text(entry_points_text)
    return info


def test_only_distributions_that_declare_the_group_are_kept(tmp_path):
    install(tmp_path, "tool", "1.0", "[console_scripts]\ntool = tool:main\n")
    install(tmp_path, "bare", "1.0")
    plugin = install(tmp_path, "shout_plugin", "1.0", "[textfix.cleaners]\nshout = shout_plugin:Cleaner\n")
    assert declaring_folders([str(tmp_path)], GROUP) == [str(plugin)]


def test_a_group_named_only_in_a_value_is_not_declared(tmp_path):
    install(tmp_path, "tool", "1.0", "[console_scripts]\nrun = tool:main  # textfix.cleaners\n")
    assert declaring_folders([str(tmp_path)], GROUP) == []


def test_the_first_copy_on_the_path_shadows_later_ones(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    install(first, "shout_plugin", "1.0", "[console_scripts]\nshout = shout_plugin:main\n")
    install(second, "Shout.Plugin", "2.0", "[textfix.cleaners]\nshout = shout_plugin:Cleaner\n")
    assert declaring_folders([str(first), str(second)], GROUP) == []
    assert declaring_folders([str(second), str(first)], GROUP) == [str(second / "Shout.Plugin-2.0.dist-info")]


def test_missing_folders_are_skipped_and_an_archive_needs_the_full_scan(tmp_path):
    assert declaring_folders([str(tmp_path / "nowhere")], GROUP) == []
    archive = tmp_path / "plugins.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("shout_plugin-1.0.dist-info/entry_points.txt", "[textfix.cleaners]\nshout = a:B\n")
    assert declaring_folders([str(tmp_path), str(archive)], GROUP) is None


def same(found, expected):
    return sorted((ep.name, ep.value, ep.group) for ep in found) == sorted(
        (ep.name, ep.value, ep.group) for ep in expected)


def test_entry_points_match_importlib_metadata(tmp_path, monkeypatch):
    install(tmp_path, "shout_plugin", "1.0", "[textfix.cleaners]\nshout = shout_plugin:Cleaner\nquiet = shout_plugin:q\n")
    install(tmp_path, "tool", "1.0", "[console_scripts]\ntool = tool:main\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    found = entry_points(GROUP)
    assert {ep.name for ep in found} == {"shout", "quiet"}
    assert same(found, importlib.metadata.entry_points(group=GROUP))
    assert same(entry_points("console_scripts"), importlib.metadata.entry_points(group="console_scripts"))


def test_an_archive_on_the_path_falls_back_to_importlib_metadata(tmp_path, monkeypatch):
    archive = tmp_path / "plugins.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("zipped_plugin-1.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: zipped-plugin\nVersion: 1.0\n")
        zipped.writestr("zipped_plugin-1.0.dist-info/entry_points.txt", "[textfix.cleaners]\nzipped = zipped:Cleaner\n")
    monkeypatch.syspath_prepend(str(archive))
    assert "zipped" in {ep.name for ep in entry_points(GROUP)}


def test_a_finder_with_distributions_of_its_own_falls_back(monkeypatch):
    class Finder:
        @staticmethod
        def find_distributions(context=None):
            return iter(())

        @staticmethod
        def find_spec(*args):
            return None

    monkeypatch.setattr(distributions.sys, "meta_path", [Finder, *distributions.sys.meta_path])
    assert not distributions._only_path_finders()


def test_version_is_read_from_the_first_copy_on_the_path(tmp_path, monkeypatch):
    first, second = tmp_path / "first", tmp_path / "second"
    install(first, "Shout.Plugin", "1.2")
    install(second, "shout_plugin", "2.0")
    monkeypatch.syspath_prepend(str(second))
    monkeypatch.syspath_prepend(str(first))
    assert version("shout-plugin") == "1.2" == importlib.metadata.version("shout-plugin")
    assert version("no-such-distribution-anywhere") is None


def test_version_of_installed_distributions_matches_importlib_metadata():
    for dist in ("ftfy", "click", "regex"):
        assert version(dist) == importlib.metadata.version(dist)

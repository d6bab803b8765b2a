"""Settings come from the project plainpress runs in, never from where it is installed."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import SAMPLE
from plainpress.cli import main
from plainpress import config
from plainpress.config import Settings, find_project, load_settings
from plainpress.source import SourceError


@pytest.fixture(autouse=True)
def project_cache(monkeypatch):
    """These tests run in projects of their own: the cache's default is theirs, in the project folder."""
    monkeypatch.setattr(config, "DEFAULT_CACHE", ".plainpress-cache")


def make_project(folder: Path, pyproject: str | None = None) -> Path:
    """A folder of its own with source/foot/en.md and, if given, its own pyproject.toml."""
    shutil.copytree(SAMPLE.parent, folder / "source" / "foot")
    if pyproject is not None:
        (folder / "pyproject.toml").write_text(pyproject)
    return folder


def test_a_project_with_its_own_pyproject_builds_its_own_guides_into_its_out(tmp_path, monkeypatch, capsys):
    project = make_project(tmp_path / "clinic", '[tool.plainpress]\nout = "public"\n')
    source = project / "source" / "foot" / "en.md"  # a finding, to see how its place is named
    source.write_text(source.read_text(encoding="utf-8") + "\nThe box is opened by the nurse.\n", encoding="utf-8")
    monkeypatch.chdir(project)
    assert main(["check", "-q"]) == 0 and main(["build", "--format", "epub", "--no-validate", "-q"]) == 0
    assert sorted(p.name for p in (project / "public" / "foot" / "en").iterdir()) == [
        "foot-en.epub", "report.html", "report.json"]
    assert not (project / "output").exists()
    assert capsys.readouterr().out.startswith("source/foot/en.md:57: WARNING: passive voice")


def test_relative_settings_resolve_against_the_project_from_a_folder_inside_it(tmp_path, monkeypatch):
    project = make_project(tmp_path / "clinic", '[tool.plainpress]\nout = "public"\npaper = "A4"\n')
    (project / "notes").mkdir()
    monkeypatch.chdir(project / "notes")
    assert find_project() == (project, project / "pyproject.toml")
    assert load_settings() == Settings(project=project, source=project / "source", out=project / "public",
                                       paper="a4", formats=("pdf", "docx", "epub", "html"),
                                       cache=project / ".plainpress-cache")
    assert main(["build", "--format", "epub", "--no-validate", "-q"]) == 0
    report = json.loads((project / "public" / "foot" / "en" / "report.json").read_text())
    assert report["source"] == "source/foot/en.md"  # the same from any folder of the project


def test_without_a_pyproject_the_current_folder_is_the_project(tmp_path, monkeypatch):
    project = make_project(tmp_path / "clinic")
    monkeypatch.chdir(project)
    assert load_settings() == Settings(project=Path("."), source=Path("source"), out=Path("output"),
                                       cache=Path(".plainpress-cache"))
    assert main(["build", "--format", "epub", "--no-validate", "-q"]) == 0
    assert (project / "output" / "foot" / "en" / "foot-en.epub").is_file()
    assert (project / ".plainpress-cache" / "objects").is_dir()


def test_the_cache_folder_is_a_setting_relative_to_the_project(tmp_path, monkeypatch):
    project = make_project(tmp_path / "clinic", '[tool.plainpress]\ncache = "../ci-cache"\n')
    monkeypatch.chdir(project / "source")
    assert load_settings().cache == project / ".." / "ci-cache"
    assert main(["build", "--format", "epub", "--no-validate", "-q"]) == 0
    assert (tmp_path / "ci-cache" / "objects").is_dir() and not (project / ".plainpress-cache").exists()


def test_a_pyproject_without_a_plainpress_table_is_passed_over(tmp_path, monkeypatch):
    make_project(tmp_path, '[tool.plainpress]\nout = "public"\n')
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "pyproject.toml").write_text('[project]\nname = "lib"\n')
    monkeypatch.chdir(tmp_path / "lib")
    assert find_project() == (tmp_path, tmp_path / "pyproject.toml")


def test_a_folder_without_sources_says_where_it_looked(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 2
    assert capsys.readouterr().err == (
        "plainpress: cannot check:\nsource: no such folder; run plainpress in a folder holding "
        "source/<guide>/<lang>.md (or set `source` in [tool.plainpress] of its pyproject.toml), "
        "or name a guide's folder\n")


def test_every_wrong_setting_is_reported_with_its_line(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.plainpress]\nout = 3\npaper = "b5"\nformats = ["PDF", "rtf"]\nsauce = 1\n'
        'cache = []\n')
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SourceError) as caught:
        load_settings()
    assert str(caught.value).splitlines() == [
        'pyproject.toml:5: `out` must be a folder name in quotes; write out = "output"',
        "pyproject.toml:6: `paper = b5` is not a page size; choose from letter, a4",
        'pyproject.toml:7: unknown format rtf in `formats`; list some of pdf, docx, epub, html, '
        'e.g. formats = ["pdf", "epub"]',
        "pyproject.toml:8: unknown setting `sauce` in [tool.plainpress]; "
        "the settings are source, out, cache, cache_size, paper, formats and theme",
        'pyproject.toml:9: `cache` must be a folder name in quotes; write cache = ".plainpress-cache"']


def test_settings_ignore_case_like_the_options(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[tool.plainpress]\npaper = "A4"\nformats = ["EPUB", "Pdf"]\n')
    monkeypatch.chdir(tmp_path)
    settings = load_settings()
    assert (settings.paper, settings.formats) == ("a4", ("epub", "pdf"))


def test_a_pyproject_that_is_not_toml_is_bad_input_naming_its_line(tmp_path, monkeypatch, capsys):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n[tool.plainpress\n')
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 2
    assert capsys.readouterr().err == (
        "plainpress: cannot build:\npyproject.toml:3: not valid TOML (Expected ']' at the end of a table "
        "declaration (at line 3, column 17)); correct the syntax\n")

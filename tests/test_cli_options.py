"""The command line's options and messages: case, languages, paths that are not sources, --strict,
--version and a bare `plainpress`."""
from __future__ import annotations

import shutil
from importlib import metadata
from types import SimpleNamespace

import pytest

from conftest import SAMPLE
from plainpress import cli
from plainpress.cli import main
from plainpress.findings import Finding
from plainpress.build import BuildInputError, find_sources, verdict
from plainpress.validate import ToolResult


@pytest.fixture
def guide(tmp_path):
    """source/g with en.md and es.md (the Spanish one a copy with its language changed)."""
    folder = tmp_path / "source" / "g"
    shutil.copytree(SAMPLE.parent, folder)
    text = (folder / "en.md").read_text(encoding="utf-8")
    (folder / "es.md").write_text(text.replace("lang: en", "lang: es"), encoding="utf-8")
    return folder


def problem(paths, langs=()) -> str:
    with pytest.raises(BuildInputError) as caught:
        find_sources(paths, langs)
    return str(caught.value)


# Case ---------------------------------------------------------------------------------------------

def test_language_tags_match_file_names_whatever_their_case(guide):
    (guide / "pt-BR.md").write_text("")
    assert find_sources([guide], ("ES",)) == [guide / "es.md"]
    assert find_sources([guide], ("pt-br", "EN")) == [guide / "en.md", guide / "pt-BR.md"]


def test_format_and_paper_are_taken_in_any_case(guide, tmp_path):
    import pikepdf
    out = tmp_path / "out"
    assert main([str(guide), "--lang", "EN", "--format", "PDF,Epub", "--paper", "A4", "--out", str(out),
                 "--no-validate", "-q"]) == 0
    folder = out / "g" / "en"
    assert sorted(p.name for p in folder.iterdir()) == ["g-en.epub", "g-en.pdf", "report.html", "report.json"]
    with pikepdf.open(folder / "g-en.pdf") as pdf:
        assert [round(float(x)) for x in pdf.pages[0].mediabox] == [0, 0, 595, 842]


# Paths and languages that give nothing ------------------------------------------------------------

def test_a_missing_language_lists_the_languages_there_are(guide, capsys):
    assert problem([guide], ("fr",)) == f"no `fr` source in {guide}; it has: en, es"
    assert problem([guide], ("fr", "de")) == f"no `fr` or `de` source in {guide}; it has: en, es"
    assert main(["check", str(guide), "--lang", "fr"]) == 2
    assert capsys.readouterr().err == f"plainpress: cannot check:\nno `fr` source in {guide}; it has: en, es\n"


def test_a_missing_file_is_no_such_file_and_says_what_the_guide_has(guide):
    assert problem([guide / "fr.md"]) == f"{guide / 'fr.md'}: no such file; {guide} has: en, es"


def test_a_path_in_the_wrong_case_suggests_the_right_one(guide):
    assert problem([guide / "EN.md"]) == (
        f"{guide / 'EN.md'}: no such file or folder; did you mean {guide / 'en.md'}? (letter case matters)")
    assert problem([guide.parent / "G"]) == (
        f"{guide.parent / 'G'}: no such file or folder; did you mean {guide}? (letter case matters)")


def test_a_file_that_is_not_markdown_and_a_folder_without_sources(guide, tmp_path):
    (tmp_path / "empty").mkdir()
    assert problem([guide / "shapes.png", tmp_path / "empty"]).splitlines() == [
        f"{guide / 'shapes.png'}: not a Markdown source; give a <lang>.md file such as {guide / 'en.md'}, "
        f"or the guide's folder {guide}",
        f"{tmp_path / 'empty'}: no <lang>.md source in this folder or the folders in it; a guide is a folder "
        "holding files named after their language, such as en.md and es.md"]


def test_a_lang_that_is_not_a_tag_is_bad_input(guide, capsys):
    assert main(["check", str(guide), "--lang", "en,english"]) == 2
    assert capsys.readouterr().err == (
        "plainpress: cannot check:\n--lang: english is not a language tag; use BCP 47 tags such as en, es, pt-BR\n")


# Why the exit status is 1 -------------------------------------------------------------------------

def fake_result(path, strict_reading=False, rules=(), failed_tools=()):
    """What exit_code reads of a GuideResult: warnings with these rules, validators that failed."""
    return SimpleNamespace(
        guide=SimpleNamespace(path=path, meta=SimpleNamespace(strict_reading=strict_reading)),
        findings=[Finding("warning", rule, f"{path}:1", "planted") for rule in rules],
        failed_validators=lambda: [ToolResult(tool, "x.pdf", True) for tool in failed_tools])


def test_strict_names_each_kind_of_problem_in_a_last_line():
    results = [fake_result("a/en.md", rules=("reading.grade", "plain.passive", "reading.grade"),
                           failed_tools=("pdf/ua-1",)),
               fake_result("b/en.md", failed_tools=("pdf/ua-1",))]
    assert verdict.strict_failures(results, strict=True) == [
        "plainpress: --strict: 5 problems (2 reading.grade, 2 pdf/ua-1 failures, 1 plain.passive); exit 1"]
    assert verdict.exit_code(results, strict=True) == 1
    assert verdict.strict_failures(results, strict=False) == [] and verdict.exit_code(results, strict=False) == 0


def test_strict_reading_names_the_guide_that_asks_for_it():
    results = [fake_result("a/en.md", strict_reading=True, rules=("reading.grade", "plain.passive")),
               fake_result("b/en.md", strict_reading=False, rules=("reading.grade",))]
    assert verdict.strict_failures(results, strict=False) == [
        "plainpress: strict_reading: true in a/en.md: 1 problem (1 reading.grade); exit 1"]
    assert verdict.exit_code(results, strict=False) == 1


def test_a_strict_check_ends_with_the_reason(guide, capsys):
    source = guide / "en.md"
    source.write_text(source.read_text(encoding="utf-8") + "\n## Later\n\nPhysicians occasionally "
                      "administer supplementary medication.\n", encoding="utf-8")
    assert main(["check", str(source), "--strict", "-q"]) == 1
    assert capsys.readouterr().err == "plainpress: --strict: 4 problems (4 plain.undefined-term); exit 1\n"


# Help and version ---------------------------------------------------------------------------------

def test_version_comes_from_the_package_metadata(capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["--version"])
    assert stopped.value.code == 0
    assert capsys.readouterr().out == f"plainpress {metadata.version('plainpress')}\n"


def test_a_bare_plainpress_shows_help_and_builds_nothing(monkeypatch, capsys):
    monkeypatch.setattr(cli.pipeline, "build", lambda *a, **k: pytest.fail("a bare plainpress built"))
    assert main([]) == 0
    shown = capsys.readouterr().out
    assert shown.startswith("usage: plainpress [-h] [--version] COMMAND ...")
    assert "plainpress build --help` lists the options" in shown


def test_build_py_without_arguments_still_builds_everything(monkeypatch):
    seen = []
    monkeypatch.setattr(cli.pipeline, "build", lambda paths, *a, **k: seen.append(paths) or [])
    assert main([], build_by_default=True) == 0
    assert seen == [[cli.load_settings().source]]


def test_top_level_help_lists_the_commands(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "build check and render guides" in text and "check only read and check guides" in text


# An option a command does not know ----------------------------------------------------------------

@pytest.mark.parametrize("argv, command", [(["serve", "--bogus"], "serve"), (["check", "--format", "pdf"], "check"),
                                           (["source/g", "--bogus"], "build"),
                                           (["translate", "export", "g", "--to", "es", "--bogus"], "translate export")])
def test_an_unknown_option_is_refused_under_its_commands_usage(argv, command, capsys, monkeypatch):
    monkeypatch.setattr(cli.pipeline, "build", lambda *a, **k: pytest.fail("built with an unknown option"))
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith(f"usage: plainpress {command} [-h]")
    assert err.splitlines()[-1].startswith(f"plainpress {command}: error: unrecognized arguments: ")


def test_serve_takes_the_options_of_build_that_make_sense_for_a_preview(tmp_path):
    settings = cli.load_settings()
    args = cli.parse(cli.parser(settings), ["serve", "source/g", "--theme", "examples/clinic-theme", "--paper", "A4",
                                            "--lang", "es", "--cache", str(tmp_path), "--port", "0"])
    assert (args.theme.as_posix(), args.paper, args.lang, args.cache, args.port) == (
        "examples/clinic-theme", "a4", "es", tmp_path, 0)
    for build_only in (["--jobs", "2"], ["--shard", "1/2"], ["--format", "pdf"], ["--out", "x"]):
        with pytest.raises(SystemExit):
            cli.parse(cli.parser(settings), ["serve", *build_only])

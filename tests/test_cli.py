"""The command line: what it builds, where, and its exit codes."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from conftest import ALS, ROOT, SAMPLE
from plainpress.cli import main


def test_builds_one_guide_anywhere_on_disk_into_out(tmp_path, capsys):
    guide = tmp_path / "elsewhere" / "my-guide"
    shutil.copytree(SAMPLE.parent, guide)
    assert main(["build", str(guide), "--out", str(tmp_path / "out"), "--no-validate"]) == 0
    folder = tmp_path / "out" / "my-guide" / "en"
    assert sorted(p.name for p in folder.iterdir()) == [
        "my-guide-en.docx", "my-guide-en.epub", "my-guide-en.html", "my-guide-en.pdf", "report.html", "report.json"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["index.html", "index.json", "my-guide"]
    shown = capsys.readouterr().out
    assert "my-guide (en): A sample guide" in shown and "pages" in shown and "SMOG" in shown
    assert shown.endswith(f"\nEvery guide in {tmp_path / 'out'}, with its checks: {tmp_path / 'out' / 'index.html'}\n")


def test_format_and_lang_narrow_the_build(tmp_path):
    assert main([str(SAMPLE.parent), "--format", "epub", "--out", str(tmp_path), "--no-validate"]) == 0
    assert sorted(p.suffix for p in (tmp_path / "sample" / "en").iterdir()) == [".epub", ".html", ".json"]
    assert main([str(SAMPLE.parent), "--lang", "es", "--out", str(tmp_path / "none")]) == 2


def test_paper_a4_changes_the_pdf_page(tmp_path):
    import pikepdf
    assert main([str(SAMPLE), "--format", "pdf", "--paper", "a4", "--out", str(tmp_path), "--no-validate"]) == 0
    with pikepdf.open(tmp_path / "sample" / "en" / "sample-en.pdf") as pdf:
        box = [round(float(x)) for x in pdf.pages[0].mediabox]
    assert box == [0, 0, 595, 842]


def test_strict_fails_on_a_guide_above_its_reading_grade(tmp_path, capsys):
    assert main(["check", str(ALS)]) == 0
    assert main(["check", str(ALS), "--strict"]) == 1
    assert "TOO HARD" in capsys.readouterr().out


def test_unknown_format_and_missing_path_are_bad_input(tmp_path, capsys):
    assert main([str(SAMPLE), "--format", "pdf,rtf", "--out", str(tmp_path)]) == 2
    assert main([str(tmp_path / "nothing-here")]) == 2
    assert capsys.readouterr().err == (
        "plainpress: cannot build:\n--format: unknown format rtf; choose from pdf, docx, epub, html\n"
        f"plainpress: cannot build:\n{tmp_path / 'nothing-here'}: no such file or folder; give a guide's folder "
        "such as source/my-guide or a file such as source/my-guide/en.md\n")


def test_report_json_gives_outputs_and_grades(tmp_path):
    main([str(ALS), "--out", str(tmp_path), "--quiet", "--no-validate"])
    data = json.loads((tmp_path / "als-pathophysiology" / "en" / "report.json").read_text())
    assert set(data["outputs"]) == {"pdf", "docx", "epub", "html"}
    whole = data["reading"]["whole"]
    assert whole["flesch_kincaid"] > 15 and data["reading"]["target_grade"] == 8
    assert "smog" not in whole and whole["note"] == "SMOG needs 30 sentences; judged by Flesch-Kincaid"


@pytest.mark.parametrize("command", [[sys.executable, "build.py", "--help"], ["plainpress", "build", "--help"]])
def test_help_explains_each_option(command):
    if command[0] == "plainpress":
        command[0] = str(ROOT / ".venv" / "bin" / "plainpress") if (ROOT / ".venv").exists() else "plainpress"
    text = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True).stdout
    for option in ("--lang", "--format", "--paper", "--out", "--strict", "--verbose"):
        assert option in text


def _fake_validators(status):
    from plainpress.validate import ToolResult
    from plainpress.findings import Finding

    def check(path, guide):
        if status == "missing":
            return ToolResult("fake", path.name, False, note="the fake tool is not installed")
        findings = (Finding("error", "fake.rule", path.name, "planted"),) if status == "fail" else ()
        return ToolResult("fake", path.name, True, {"errors": len(findings)}, findings)
    return lambda fmt: [("fake", check)]


@pytest.mark.parametrize("status, strict_exit, shown", [
    ("fail", 1, "fake: FAILS, 1 problem: fake\n"), ("missing", 0, "fake: NOT CHECKED (the fake tool is not installed)"),
    ("pass", 0, "fake: passes: fake\n")])
def test_validator_results_reach_the_summary_the_exit_code_and_accessibility_json(
        tmp_path, capsys, monkeypatch, status, strict_exit, shown):
    import plainpress.validate as validate
    monkeypatch.setattr(validate, "validators", _fake_validators(status))
    basics = str(ROOT / "source" / "als-basics")  # a guide no check finds fault with
    assert main([basics, "--format", "epub", "--out", str(tmp_path)]) == 0  # not strict: reported, not fatal
    assert shown in capsys.readouterr().out
    assert main([basics, "--format", "epub", "--out", str(tmp_path), "--strict"]) == strict_exit
    data = json.loads((tmp_path / "als-basics" / "en" / "accessibility.json").read_text())
    expected = {"fail": "fail", "missing": "not checked", "pass": "pass"}[status]
    assert data["outputs"]["epub"]["status"] == expected


def test_validator_counts_are_shown_only_with_verbose(tmp_path, capsys, monkeypatch):
    import plainpress.validate as validate
    monkeypatch.setattr(validate, "validators", _fake_validators("pass"))
    basics = str(ROOT / "source" / "als-basics")
    assert main([basics, "--format", "epub", "--out", str(tmp_path)]) == 0
    assert "errors 0" not in capsys.readouterr().out
    assert main(["build", basics, "--format", "epub", "--out", str(tmp_path), "--verbose"]) == 0
    assert "fake: passes: fake [errors 0]\n" in capsys.readouterr().out
    assert main(["check", basics, "-v"]) == 0


def test_an_empty_format_list_is_bad_input(tmp_path, capsys):
    assert main([str(SAMPLE), "--format", ",", "--out", str(tmp_path)]) == 2
    assert not any(tmp_path.iterdir()) and "unknown format (none)" in capsys.readouterr().err


def test_a_build_without_validation_removes_the_old_accessibility_results(tmp_path, monkeypatch):
    import plainpress.validate as validate
    monkeypatch.setattr(validate, "validators", _fake_validators("pass"))
    assert main([str(SAMPLE), "--format", "epub", "--out", str(tmp_path), "-q"]) == 0
    results = tmp_path / "sample" / "en" / "accessibility.json"
    assert results.exists()
    assert main([str(SAMPLE), "--format", "epub", "--out", str(tmp_path), "-q", "--no-validate"]) == 0
    assert not results.exists()


def test_a_validator_that_stops_is_a_failure_not_a_crash(tmp_path, capsys, monkeypatch):
    import plainpress.validate as validate

    def stops(path, guide):
        raise TimeoutError("the tool took too long")
    monkeypatch.setattr(validate, "validators", lambda fmt: [("slow-tool", stops)])
    basics = str(ROOT / "source" / "als-basics")
    assert main([basics, "--format", "epub", "--out", str(tmp_path), "--strict"]) == 1
    out = capsys.readouterr()
    assert "slow-tool: FAIL" in out.out and "the validator stopped: the tool took too long" in out.out
    assert "Traceback" not in out.err


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_failed_render_leaves_every_guide_unwritten(tmp_path, monkeypatch, capsys, jobs):
    from plainpress import render
    from plainpress.render import RenderError
    real = render.renderers()

    def failing_second(guide, options):
        if guide.slug == "als-pathophysiology":
            raise RenderError(f"{guide.path}: planted failure")
        return real["epub"](guide, options)
    monkeypatch.setattr(render, "renderers", lambda: {**real, "epub": failing_second})
    assert main([str(ROOT / "source"), "--format", "epub", "--out", str(tmp_path), "--no-validate", "--jobs", jobs]) == 2
    assert not any(tmp_path.iterdir()), "als-basics was rendered first, but nothing may be written"
    assert "planted failure" in capsys.readouterr().err


def test_only_language_named_files_are_sources(tmp_path):
    from plainpress.build.find import find_sources
    guide = tmp_path / "guide"
    shutil.copytree(SAMPLE.parent, guide)
    (guide / "README.md").write_text("notes for editors")
    (tmp_path / "README.md").write_text("about these guides")
    assert find_sources([guide], ()) == [guide / "en.md"]
    assert find_sources([tmp_path], ()) == [guide / "en.md"]


# What a build loads: the parser reads every command's arguments, but not the packages that do their work
NOT_FOR_A_BUILD = ("plainpress.importing.command", "plainpress.importing.importer", "plainpress.source.writer",
                   "plainpress.ooxml", "plainpress.translate.command", "plainpress.translate.workflow")


def loaded_by(code: str, cwd) -> list[str]:
    script = f"import sys\nfrom plainpress import cli\n{code}\nprint(' '.join(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", script], cwd=cwd, capture_output=True, text=True, check=True)
    return done.stdout.splitlines()[-1].split()


@pytest.mark.slow
def test_a_build_loads_neither_the_importer_nor_the_translation(tmp_path):
    shutil.copytree(SAMPLE.parent, tmp_path / "sample")
    loaded = loaded_by(f"cli.main(['build', 'sample', '--format', 'html', '--no-validate', '-q', '--jobs', '1', "
                       f"'--out', 'out', '--cache', 'cache'])", tmp_path)
    assert (tmp_path / "out" / "sample" / "en" / "sample-en.html").is_file()
    assert "plainpress.importing.arguments" in loaded and "plainpress.translate.arguments" in loaded
    assert [m for m in loaded if m.startswith(NOT_FOR_A_BUILD)] == []


def test_the_other_commands_still_read_their_arguments_and_load_their_work(tmp_path):
    loaded = loaded_by("args = cli.parse(cli.parser(cli.load_settings()), ['import', 'hands.docx', '--guide', 'hands'])\n"
                       "assert (args.file.name, args.guide) == ('hands.docx', 'hands')\n"
                       "args = cli.parse(cli.parser(cli.load_settings()), ['translate', 'export', 'g', '--to', 'es'])\n"
                       "assert (args.step, args.to, args.format) == ('export', 'es', 'docx')\n"
                       "assert cli.other_command('import').run and cli.other_command('translate').run", tmp_path)
    assert "plainpress.importing.importer" in loaded and "plainpress.translate.workflow" in loaded


def test_only_the_program_itself_freezes_its_objects_as_it_ends(tmp_path, monkeypatch):
    """`plainpress` and `python build.py` end when main returns: their objects are frozen, so that the
    collector does not walk them all at exit. A caller that passes its arguments goes on living."""
    import gc
    assert main(["cache", "--cache", str(tmp_path)]) == 0 and gc.get_freeze_count() == 0
    monkeypatch.setattr(sys, "argv", ["plainpress", "cache", "--cache", str(tmp_path)])
    try:
        assert main() == 0 and gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()

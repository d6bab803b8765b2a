"""Batches: --jobs, --shard and the progress line."""
from __future__ import annotations

import io
import shutil
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLE
from plainpress.cli import main
from plainpress.build.progress import Progress
from plainpress.build.shard import Shard


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_jobs_make_the_same_bytes_as_one(tmp_path):
    paths = [str(SAMPLE.parent), str(ROOT / "source" / "als-basics"), str(ROOT / "source" / "als-pathophysiology")]
    for jobs in ("1", "2"):
        assert main([*paths, "--out", str(tmp_path / jobs), "--cache", str(tmp_path / f"cache{jobs}"),
                     "--jobs", jobs, "--no-validate", "-q"]) == 0
    one = snapshot(tmp_path / "1")
    # six sources (the sample; als-basics in ar, en, es and zh-Hans; als-pathophysiology), four formats and two reports each, and the index
    assert len(one) == 38 and one == snapshot(tmp_path / "2")


def test_jobs_must_be_a_positive_number(capsys):
    with pytest.raises(SystemExit):
        main(["build", str(SAMPLE.parent), "--jobs", "0"])
    assert "0 is not a number of processes" in capsys.readouterr().err


# Shards ---------------------------------------------------------------------------------------------

def guide_sources(names) -> list[Path]:
    return [Path("source") / name / "en.md" for name in names]


def test_every_guide_is_in_exactly_one_shard_and_stays_there():
    sources = guide_sources(f"guide-{n}" for n in range(200))
    owners = [[s for s in sources if Shard(i, 4).owns(s)] for i in range(1, 5)]
    assert sorted(s for part in owners for s in part) == sorted(sources)
    assert all(30 < len(part) < 70 for part in owners)  # about a quarter each
    assert owners == [[s for s in sources if Shard(i, 4).owns(s)] for i in range(1, 5)]


def test_a_new_guide_moves_no_other_and_a_new_shard_moves_only_what_it_takes():
    sources = guide_sources(f"guide-{n}" for n in range(200))
    shard_of = {s: next(i for i in range(1, 5) if Shard(i, 4).owns(s)) for s in sources}
    with_five = {s: next(i for i in range(1, 6) if Shard(i, 5).owns(s)) for s in sources}
    moved = [s for s in sources if with_five[s] != shard_of[s]]
    assert all(with_five[s] == 5 for s in moved) and 20 < len(moved) < 60


def test_a_guide_is_named_by_its_folder_under_the_source_folder(tmp_path):
    shard = Shard(1, 2, tmp_path / "source")
    assert shard.name(tmp_path / "source" / "a" / "b" / "en.md") == "a/b"
    assert shard.name(Path("/elsewhere/my-guide/en.md")) == "my-guide"


@pytest.mark.parametrize("text", ["0/2", "3/2", "1", "a/b", "1/0"])
def test_a_wrong_shard_is_bad_input(text, capsys):
    assert main(["build", str(SAMPLE.parent), "--shard", text, "--no-validate"]) == 2
    assert f"--shard {text}: give I/N with 1 <= I <= N" in capsys.readouterr().err


def test_the_shards_of_a_build_together_build_every_guide_once(tmp_path, monkeypatch):
    for name in ("one", "two", "three", "four"):
        shutil.copytree(SAMPLE.parent, tmp_path / "source" / name)
    monkeypatch.chdir(tmp_path)
    cache = tmp_path / "shared-cache"  # one cache for every shard, as a CI cache would be
    for i in (1, 2, 3):
        assert main(["build", "--shard", f"{i}/3", "--out", f"out{i}", "--cache", str(cache),
                     "--format", "epub", "--no-validate", "-q"]) == 0
    built = sorted(p.parent.parent.name for i in (1, 2, 3) for p in (tmp_path / f"out{i}").rglob("report.json"))
    assert built == ["four", "one", "three", "two"]


# Progress -------------------------------------------------------------------------------------------

def test_progress_names_the_guide_its_number_and_its_stage():
    from plainpress.source import read_guide
    guides = [read_guide(SAMPLE), read_guide(ROOT / "source" / "als-basics" / "en.md")]
    stream = io.StringIO()
    progress = Progress(enabled=True, stream=stream)
    progress.start(guides)
    progress.step(guides[1], "rendered pdf")
    progress.clear()
    assert stream.getvalue() == "\rplainpress: guide 2 of 2: als-basics (en): rendered pdf\033[K\r\033[K"


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_on_a_terminal_and_not_with_q(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stderr", Terminal())
    assert Progress.on_terminal(quiet=False).enabled and not Progress.on_terminal(quiet=True).enabled
    assert main([str(SAMPLE.parent), "--out", str(tmp_path / "a"), "--no-validate", "-q", "--force"]) == 0
    assert sys.stderr.getvalue() == ""
    assert main([str(SAMPLE.parent), "--out", str(tmp_path / "b"), "--no-validate", "--force"]) == 0
    assert "\rplainpress: guide 1 of 1: sample (en): rendered pdf\033[K" in sys.stderr.getvalue()
    assert sys.stderr.getvalue().endswith("\r\033[K")  # cleared before the summary
    monkeypatch.undo()
    assert main([str(SAMPLE.parent), "--out", str(tmp_path / "c"), "--no-validate", "--format", "epub"]) == 0
    assert capsys.readouterr().err == ""  # pytest's own stderr is no terminal


def test_check_with_two_jobs_says_what_one_says(tmp_path, capsys):
    for n in range(12):  # more than one task's worth of guides for the worker
        shutil.copytree(SAMPLE.parent, tmp_path / "source" / f"g{n:02}")
    source = tmp_path / "source"
    said = []
    for jobs in ("1", "2"):
        assert main(["check", str(source), "--jobs", jobs]) == 0
        said.append(capsys.readouterr().out)
    assert said[0] == said[1] and said[0].count("(en): A sample guide") == 12
    for n in (3, 9):  # bad input in two guides: both listed, whichever process read them
        (source / f"g{n:02}" / "en.md").write_text("---\ntitle: [\n---\n")
    errors = []
    for jobs in ("1", "2"):
        assert main(["check", str(source), "--jobs", jobs]) == 2
        errors.append(capsys.readouterr().err)
    assert errors[0] == errors[1] and "g03/en.md:2" in errors[0] and "g09/en.md:2" in errors[0]


# Validators in batches ------------------------------------------------------------------------------

def test_a_batch_validator_still_checks_one_file_once_its_module_is_loaded(tmp_path, monkeypatch):
    import plainpress.validate.libreoffice as libreoffice  # sets the package's `libreoffice` to the module
    from plainpress.validate import validators
    monkeypatch.setattr(libreoffice, "soffice", lambda: None)
    [_, (tool, check)] = validators("docx")
    result = check(tmp_path / "x.docx", None)
    assert tool == "libreoffice" and not result.checked and "not installed" in result.note
    assert [r.note for r in check.batch([(tmp_path / "a.docx", None), (tmp_path / "b.docx", None)])] == [
        result.note] * 2


@pytest.mark.slow
def test_one_libreoffice_for_many_files_finds_what_one_per_file_finds(tmp_path, sample_build, als_build):
    from conftest import require_program
    from plainpress.validate.libreoffice import run_libreoffice, run_libreoffice_batch
    require_program("soffice")
    docxs = [sample_build.outputs["docx"], als_build.outputs["docx"]]
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip at all")
    together = run_libreoffice_batch([*docxs, broken])
    assert [r.passed for r in together] == [True, True, False]
    assert together[:2] == [run_libreoffice(p) for p in docxs]

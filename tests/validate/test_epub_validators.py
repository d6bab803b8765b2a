"""EPUBCheck and DAISY Ace on our EPUBs, on EPUBs with planted faults, and with a tool missing."""
from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

from conftest import require_tool
from plainpress.validate import ace
from plainpress.validate.ace import run_ace
from plainpress.validate.epubcheck import run_epubcheck


def need_java():
    require_tool(shutil.which("java") is not None, "Java (for EPUBCheck)")


def need_ace():
    require_tool(ace.ace_command() is not None, "DAISY Ace (make setup installs it)")
    require_tool(ace.chromium() is not None, "Chromium (for DAISY Ace)")


def planted(epub: Path, tmp_path: Path, name: str, change) -> Path:
    """A copy of `epub` with `change(text) -> text` applied to the entries whose names end with `name`."""
    out = tmp_path / f"planted-{epub.name}"
    with zipfile.ZipFile(epub) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.endswith(name):
                data = change(data.decode("utf-8")).encode("utf-8")
            target.writestr(info, data)
    return out


def test_epubcheck_passes_the_sample(sample_build):
    need_java()
    result = run_epubcheck(sample_build.outputs["epub"])
    assert result.passed and result.counts == {"fatal": 0, "error": 0, "warning": 0}


def test_epubcheck_catches_broken_xhtml(sample_build, tmp_path):
    need_java()
    bad = planted(sample_build.outputs["epub"], tmp_path, "chapter-01.xhtml", lambda t: t.replace("</p>", "", 1))
    result = run_epubcheck(bad)
    assert not result.passed and result.counts["fatal"] + result.counts["error"] >= 1


def test_ace_passes_the_als_guide_with_no_violations(als_build):
    need_ace()
    result = run_ace(als_build.outputs["epub"])
    assert result.checked and result.passed, [str(f) for f in result.findings]
    assert result.counts["outcome"] == "pass" and result.counts["violations"] == 0


def test_ace_passes_the_sample_with_image_table_and_callouts(sample_build):
    need_ace()
    result = run_ace(sample_build.outputs["epub"])
    assert result.passed, [str(f) for f in result.findings]


def test_ace_catches_a_missing_language(sample_build, tmp_path):
    need_ace()
    bad = planted(sample_build.outputs["epub"], tmp_path, "chapter-01.xhtml",
                  lambda t: re.sub(r' (xml:)?lang="en"', "", t, count=2))
    result = run_ace(bad)
    assert result.checked and not result.passed
    assert any(f.rule == "ace.html-has-lang" for f in result.findings), [f.rule for f in result.findings]


def test_a_missing_tool_is_not_checked_never_passed(sample_build, monkeypatch):
    monkeypatch.setattr(ace, "ace_command", lambda: None)
    result = run_ace(sample_build.outputs["epub"])
    assert not result.checked and not result.passed
    assert result.to_json()["status"] == "not checked"

"""`plainpress new`: a starting guide in English or Spanish that builds with --strict, every validator passing."""
from __future__ import annotations

import pytest

from plainpress import model as m
from plainpress.cli import main
from plainpress.source import read_guide


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_new_guide_builds_strict_with_every_validator(project, lang, capsys):
    assert main(["new", "foot-care", "--lang", lang, "--title", "Cuidado: los pies"]) == 0
    path = project / "source" / "foot-care" / f"{lang}.md"
    guide = read_guide(path)
    assert guide.meta.title == "Cuidado: los pies" and guide.meta.lang == lang and guide.meta.strict_reading
    kinds = {type(b).__name__ for b in m.walk(guide.blocks)}
    assert kinds >= {"Callout", "Heading", "Paragraph", "ListBlock", "Table", "DefinitionList"}
    assert {b.style for b in m.walk(guide.blocks) if isinstance(b, m.Callout)} == {"key-points", "note", "warning", "ask"}
    assert main(["build", str(path.parent), "--strict", "-q"]) == 0, capsys.readouterr()
    assert "<!--" not in (project / "output" / "foot-care" / lang / "report.html").read_text(encoding="utf-8")


def test_a_new_guide_never_replaces_one_and_names_must_be_plain(project, capsys):
    assert main(["new", "foot-care"]) == 0
    before = (project / "source" / "foot-care" / "en.md").read_bytes()
    assert main(["new", "foot-care"]) == 2
    assert main(["new", "Foot Care"]) == 2
    assert main(["new", "feet", "--lang", "english"]) == 2
    assert main(["new", "soins-du-cœur"]) == 2
    assert main(["new", "혈압"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "plainpress: cannot start the guide: source/foot-care/en.md: already exists; choose another name, or edit that file",
        "plainpress: cannot start the guide: `Foot Care` cannot name a guide; use lower-case letters, digits and "
        "hyphens, such as `foot-care`",
        "plainpress: cannot start the guide: --lang english: not a language tag; use a BCP 47 tag such as en, es or pt-BR",
        "plainpress: cannot start the guide: `soins-du-cœur` cannot name a guide; use lower-case letters, digits and "
        "hyphens, such as `soins-du-coeur`",
        "plainpress: cannot start the guide: `혈압` cannot name a guide; use lower-case letters, digits and "
        "hyphens, such as `foot-care`"]
    assert (project / "source" / "foot-care" / "en.md").read_bytes() == before
    assert read_guide(project / "source" / "foot-care" / "en.md").meta.title == "Foot care"

"""The round trip from the command line: export, translate in a third-party tool, import into the
source, build; a newer file over it; stale parts after the English changes."""
from __future__ import annotations

import json
import shutil

import polib
import pytest

from conftest import SAMPLE
from plainpress import model as m
from plainpress.cli import main
from plainpress.source import read_guide
from plainpress.translate.units import units


@pytest.fixture
def project(tmp_path, monkeypatch):
    shutil.copytree(SAMPLE.parent, tmp_path / "source" / "sample")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def translate_xliff(path, words=lambda text: f"ES {text}"):
    """What a CAT tool does: a target for every unit, state translated (translate-toolkit)."""
    from translate.storage import xliff
    store = xliff.xlifffile.parsestring(path.read_bytes())
    for unit in store.units:
        unit.target = words(unit.source)
        unit.markfuzzy(False)
        unit.xmlelement.find(unit.namespaced("target")).set("state", "translated")
    path.write_bytes(bytes(store))


def test_xliff_out_through_a_cat_tool_and_back_into_the_source(project, capsys):
    assert main(["translate", "export", "source/sample", "--to", "es", "--format", "xliff,po"]) == 0
    xlf = project / "output" / "sample" / "translation" / "sample-en-es.xlf"
    assert xlf.is_file() and xlf.with_suffix(".po").is_file()
    translate_xliff(xlf)
    assert main(["translate", "import", str(xlf)]) == 0, capsys.readouterr().err
    spanish = read_guide(project / "source" / "sample" / "es.md")
    english = read_guide(project / "source" / "sample" / "en.md")
    assert spanish.meta.lang == "es" and spanish.meta.title == "ES A sample guide"
    assert [b.id for b in m.walk(spanish.blocks)] == [b.id for b in m.walk(english.blocks)]
    texts = {u.id: u.text for u in units(spanish)}
    assert texts["your-medicines-1"].startswith("ES Take one pill") and texts["glossary-1.1.term"] == "ES Pill"
    record = json.loads((project / "source" / "sample" / "es.translation.json").read_text(encoding="utf-8"))
    assert record["from"] == "en" and set(record["units"]) == {u.id for u in units(english)}
    capsys.readouterr()
    main(["check", "source/sample", "--lang", "es", "-q"])
    assert "[translation." not in capsys.readouterr().out   # every part current


def test_a_changed_english_paragraph_is_stale_in_spanish_and_exported_for_review(project, capsys):
    main(["translate", "export", "source/sample", "--to", "es", "--format", "xliff"])
    xlf = project / "output" / "sample" / "translation" / "sample-en-es.xlf"
    translate_xliff(xlf)
    main(["translate", "import", str(xlf)])
    english = project / "source" / "sample" / "en.md"
    english.write_text(english.read_text(encoding="utf-8").replace("Take one pill in the morning.",
                                                                    "Take two pills in the morning."), encoding="utf-8")
    capsys.readouterr()
    assert main(["check", "source/sample", "--lang", "es", "-q"]) == 0
    shown = [line for line in capsys.readouterr().out.splitlines() if "translation." in line]
    assert shown == ["source/sample/es.md:18: WARNING: translates an older version of en.md:19; the English now "
                     "reads “Take two pills in the morning. Say buenos días to the nurse.” [translation.stale]"]
    assert main(["check", "source/sample", "--lang", "es", "--strict", "-q"]) == 1
    main(["translate", "export", "source/sample", "--to", "es", "--format", "po"])
    po = polib.pofile(str(project / "output" / "sample" / "translation" / "sample-en-es.po"))
    [stale] = [e for e in po if e.fuzzy]
    assert stale.msgctxt == "your-medicines-1" and stale.previous_msgid.startswith("Take one pill")
    assert stale.msgstr.startswith("ES Take one pill")


def test_a_newer_translation_over_the_old_one_says_what_it_replaced(project, capsys):
    main(["translate", "export", "source/sample", "--to", "es", "--format", "xliff"])
    xlf = project / "output" / "sample" / "translation" / "sample-en-es.xlf"
    first = xlf.read_bytes()
    translate_xliff(xlf)
    main(["translate", "import", str(xlf)])
    xlf.write_bytes(first)
    translate_xliff(xlf, lambda text: f"ES {text}" if text != "Pill" else "Pastilla")
    capsys.readouterr()
    assert main(["translate", "import", str(xlf)]) == 0
    out = capsys.readouterr().out
    assert [line for line in out.splitlines() if "replaced" in line] == [
        "  replaced es.md:35: “ES Pill” became “Pastilla”", "  replaced es.md:53: “ES Pill” became “Pastilla”"]


def test_a_file_that_does_not_map_changes_nothing(project, capsys):
    main(["translate", "export", "source/sample", "--to", "es", "--format", "xliff"])
    xlf = project / "output" / "sample" / "translation" / "sample-en-es.xlf"
    xlf.write_text(xlf.read_text(encoding="utf-8").replace('id="questions-3"', 'id="questions-99"'), encoding="utf-8")
    assert main(["translate", "import", str(xlf)]) == 2
    assert not (project / "source" / "sample" / "es.md").exists()
    err = capsys.readouterr().err
    assert "trans-unit questions-99" in err and "questions-3" in err


def test_parts_left_in_the_source_words_are_not_translated_and_replace_nothing(project, capsys):
    main(["translate", "export", "source/sample", "--to", "es", "--format", "xliff"])
    xlf = project / "output" / "sample" / "translation" / "sample-en-es.xlf"
    untouched = xlf.read_bytes()
    translate_xliff(xlf)
    main(["translate", "import", str(xlf)])
    before = (project / "source" / "sample" / "es.md").read_text(encoding="utf-8")
    xlf.write_bytes(untouched)
    translate_xliff(xlf, lambda text: text)    # a tool that copied every source to its target
    capsys.readouterr()
    assert main(["translate", "import", str(xlf)]) == 0
    out = capsys.readouterr().out
    assert "replaced" not in out and "parts still in the source's words; taken as not translated yet" in out
    assert (project / "source" / "sample" / "es.md").read_text(encoding="utf-8") == before


def test_an_untouched_export_is_not_a_current_translation(project, capsys):
    main(["translate", "export", "source/sample", "--to", "es", "--format", "xliff"])
    xlf = project / "output" / "sample" / "translation" / "sample-en-es.xlf"
    translate_xliff(xlf, lambda text: text)
    assert main(["translate", "import", str(xlf)]) == 0
    capsys.readouterr()
    assert main(["check", "source/sample", "--lang", "es", "--strict", "-q"]) == 1
    assert "[translation.missing]" in capsys.readouterr().out


def test_a_translation_that_would_not_build_is_refused_naming_its_own_file(project, capsys):
    main(["translate", "export", "source/sample", "--to", "es", "--format", "xliff"])
    xlf = project / "output" / "sample" / "translation" / "sample-en-es.xlf"
    translate_xliff(xlf, lambda text: "Una guía de ejemplo con un título demasiado largo" if text == "A sample guide"
                    else f"ES {text}")
    assert main(["translate", "import", str(xlf)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[1:3] == ["source/sample/es.md: nothing was written; the translation, as it is, would not build:",
                        "source/sample/es.md:2: the title has 49 characters, too many for the page footer; "
                        "add `short_title:` with 45 characters or fewer for the footer"]
    assert sorted(p.name for p in (project / "source" / "sample").iterdir()) == ["en.md", "shapes.png"]


def test_a_translation_takes_its_terms_from_its_own_glossary(tmp_path):
    from plainpress.translate.workflow import own_terms
    head = "---\ntitle: {title}\nlang: {lang}\ndate: 2026-10-01\nterms: [{terms}]\n---\n\n## {words}\n\n"
    en = tmp_path / "g" / "en.md"
    en.parent.mkdir()
    en.write_text(head.format(title="Biopsy", lang="en", terms="Biopsy, Scan", words="Words to know")
                  + "Biopsy\n: A small piece of you is checked.\n\nSedation\n: Medicine that makes you sleepy.\n")
    tl = tmp_path / "g" / "zh-Hans.md"
    tl.write_text(head.format(title="活检", lang="zh-Hans", terms="", words="词语")
                  + "活检\n: 取一小块组织检查。\n\n镇静\n: 让您放松的药。\n")
    assert own_terms(read_guide(en), read_guide(tl)) == ("活检",)

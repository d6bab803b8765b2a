"""Documents made by other programs (tests/importing/import_corpus.py), imported: each reports what it
should, keeps every word of its body in order (or lists what it left out), and the result builds."""
from __future__ import annotations

import dataclasses
import re
from collections import Counter
from pathlib import Path

import pytest

from conftest import require_program
from import_corpus import CORPUS, make_corpus
from import_words import guide_words, kept, original_words, words
from plainpress import cli
from plainpress.importing.findings import line_text
from plainpress.importing.importer import import_document, write_imported
from plainpress.importing.metadata import ImportRefused
from plainpress.source import read_guide

# name -> the findings (rule: how many) it must report, beyond lang and date
EXPECTED = {
    "lo-foot-care.docx": {"link": 1, "guessed-callout": 3, "guessed-glossary": 1},
    "lo-foot-care.odt": {"link": 1, "guessed-callout": 3, "guessed-glossary": 1},
    "lo-medicines.docx": {"link": 1, "guessed-callout": 2, "guessed-glossary": 1},
    "lo-medicines.odt": {"link": 1, "guessed-callout": 2, "guessed-glossary": 1, "table-header": 1},
    "pandoc-asthma.docx": {"footnotes": 1, "organisation": 1},
    "pandoc-footnotes.docx": {"footnotes": 1},
    "gdocs-numbering.docx": {},
    "text-box.docx": {"text-box": 1},
    "comments.docx": {"comment": 1},
    "merged-cells.docx": {"merged-cells": 1},
    "pictures.docx": {"alt-text": 1},
    "word-features.docx": {"header": 2, "colour": 1, "underline": 1, "field": 1, "equation": 1, "organisation": 1},
    "web-page.html": {},
    "mkdocs.md": {"front-matter": 1},
    "github.md": {"callout": 2},
}
# words of the body that an import leaves out, and lists (the DATE field's result)
LEFT_OUT = {"word-features.docx": ["1", "march", "2026"]}


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> dict[str, Path]:
    require_program("soffice")
    return make_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="session")
def imported(corpus, tmp_path_factory) -> dict:
    """Every document but the refused one, imported once into one project's source/ folder."""
    source = tmp_path_factory.mktemp("clinic") / "source"
    return {name: import_document(path, source, name.replace(".", "-"), "en" if name == "github.md" else "")
            for name, path in corpus.items() if name != "tracked-changes.docx"}


def rules(result) -> Counter:
    return Counter(f.rule.removeprefix("import.") for f in result.findings if f.rule not in ("import.lang", "import.date"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_document_reports_what_it_should(imported, name):
    assert rules(imported[name]) == Counter(EXPECTED[name])
    assert all(re.fullmatch(r".+/en\.md:\d+: .+; .+", line_text(f)) for f in imported[name].findings)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_word_of_the_body_is_kept_once_and_in_order(imported, corpus, name):
    share, missing, added = kept(original_words(corpus[name]), guide_words(imported[name].guide))
    assert missing == LEFT_OUT.get(name, [])
    assert share == pytest.approx(1 - len(missing) / len(original_words(corpus[name])))
    # nothing is said twice: what the import adds are dates, marks, call-out titles and alt text
    # (which a DOCX keeps outside its text), not the body again
    original, guide = set(original_words(corpus[name])), imported[name].guide
    alt = {w for image in guide.images() for w in words(image.alt)}
    assert not [w for w in added if w in original - alt and not w.isdigit() and w not in ("note", "warning", "notes")]


def test_the_corpus_holds_every_kind_asked_for():
    assert len(CORPUS) >= 12
    assert {Path(n).suffix for n in CORPUS} == {".docx", ".odt", ".html", ".md"}


def test_tracked_changes_are_refused_and_nothing_is_written(corpus, tmp_path):
    with pytest.raises(ImportRefused, match=r"^the document holds 2 tracked changes; accept or reject them all "
                                            r"\(Review > Accept All, or Reject All\), save, and import it again$"):
        import_document(corpus["tracked-changes.docx"], tmp_path / "source")
    assert not (tmp_path / "source").exists()


def test_a_markdown_file_that_names_no_language_needs_lang(corpus, tmp_path):
    with pytest.raises(ImportRefused, match="^the document does not say which language it is in; give it with "
                                            "--lang, e.g. `--lang en` or `--lang es`$"):
        import_document(corpus["github.md"], tmp_path)


def test_structure_kept(imported):
    text = imported["gdocs-numbering.docx"].text
    assert "- Rice and pasta\n  - White rice is lower in phosphorus\n    - Check with your dietitian" in text
    assert "1. Plan the meal ahead\n   1. Read the label\n   2. Look for salt\n2. Cook at home when you can" in text
    medicines = imported["lo-medicines.docx"].text
    assert "## Why the medicines matter\n" in medicines and "### When to take them\n" in medicines  # h1, h3 -> ##, ###
    assert "::: warning Important\nDo not stop a medicine" in medicines
    assert "| Medicine | What you may notice |" in medicines      # a bold first row is the header
    assert "Dose\n: How much medicine you take at one time." in medicines
    assert "::: warning When to get help now\nCall 911" in imported["mkdocs.md"].text
    assert "::: note Tip\nKeep a spare inhaler at work.\n:::" in imported["github.md"].text
    assert "![A drawing of the lungs and airways](picture-1.png)" in imported["pandoc-asthma.docx"].text


def test_a_picture_without_alt_text_is_written_so_that_check_names_its_line(imported):
    result = imported["pictures.docx"]
    [finding] = [f for f in result.findings if f.rule == "import.alt-text"]
    [problem] = result.problems
    assert finding.location.endswith(f"/en.md:{problem.loc.line}")
    assert problem.message == "the image `picture-2.png` has no alt text"
    assert "\n![](picture-2.png)\n" in result.text and "![A person walking with a walker](picture-1.png)" in result.text


@pytest.mark.slow
def test_every_import_builds_after_the_listed_fixes(imported, monkeypatch, capsys):
    project = next(iter(imported.values())).guide.path.parent.parent.parent
    monkeypatch.chdir(project)
    for result in imported.values():
        # the one listed fix that a build needs: describe the picture that had no alt text
        write_imported(dataclasses.replace(result, text=result.text.replace("![](", "![A picture described](")))
    assert len([read_guide(p) for p in Path("source").glob("*/en.md")]) == len(imported)
    assert cli.main(["build", "--no-validate", "-q", "source"]) == 0, capsys.readouterr()
    assert len(list(Path("output").glob("*/en/*.pdf"))) == len(imported)

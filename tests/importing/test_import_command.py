"""`plainpress import`: what it writes, what it prints, when it refuses, and that a failure leaves nothing."""
from __future__ import annotations

import zipfile

import pytest

from import_corpus import GITHUB_MD, pictures
from plainpress import cli
from plainpress.importing import importer
from plainpress.importing.importer import import_document, write_imported
from plainpress.importing.markdown_input import prepare

SIMPLE = """---
title: Hand washing
lang: en
date: 2026-05-01
---

## When to wash

Wash your hands before you eat and after you use the toilet.
"""


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_import_writes_the_source_prints_what_to_look_at_and_checks_it(project, capsys):
    (project / "hands.md").write_text(SIMPLE, encoding="utf-8")
    assert cli.main(["import", "hands.md"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("wrote source/hand-washing/en.md\n\n1 thing to look at:\n"
                          "source/hand-washing/en.md:4: `date: 2026-05-01` is the date the document gives; "
                          "confirm it as the date the guide was last reviewed, or write that date\n\n"
                          "`plainpress check source/hand-washing/en.md`:\n")
    assert out.endswith("next: `plainpress build source/hand-washing`\n")
    assert (project / "source/hand-washing/en.md").read_text(encoding="utf-8") == SIMPLE


def test_an_existing_source_is_replaced_only_with_force(project, capsys):
    (project / "hands.md").write_text(SIMPLE, encoding="utf-8")
    assert cli.main(["import", "hands.md", "--guide", "hands"]) == 0
    (project / "source/hands/en.md").write_text("mine", encoding="utf-8")
    assert cli.main(["import", "hands.md", "--guide", "hands"]) == 2
    assert capsys.readouterr().err == ("plainpress: cannot import hands.md: source/hands/en.md already exists; give "
                                       "--force to replace it, or --guide NAME to import the document as another guide\n")
    assert (project / "source/hands/en.md").read_text(encoding="utf-8") == "mine"
    assert cli.main(["import", "hands.md", "--guide", "hands", "--force"]) == 0


def test_a_picture_without_alt_text_exits_1_naming_its_line(project, capsys):
    pictures(project / "walker.docx")
    assert cli.main(["import", "walker.docx", "--guide", "walker"]) == 1
    out = capsys.readouterr().out
    assert ("source/walker/en.md:13: the picture `picture-2.png` has no alt text in the original; describe it "
            "between the brackets: ![what the picture shows](picture-2.png)\n") in out
    assert ("source/walker/en.md:13: the image `picture-2.png` has no alt text; describe it between the brackets: "
            "![what the picture shows](file.png)\n\nnext: mend the lines above, then `plainpress build source/walker`\n") in out
    assert sorted(p.name for p in (project / "source/walker").iterdir()) == ["en.md", "picture-1.png", "picture-2.png"]


@pytest.mark.parametrize("name, data, message", [
    ("fake.docx", b"just text", "not a DOCX or ODT file (not a ZIP package); open it in Word or LibreOffice and save it as .docx"),
    ("old.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "the file is encrypted or in the old .doc format; "
     "remove the password (or save as .docx) in Word or LibreOffice, then try again"),
    ("notes.txt", b"hello", "notes.txt: plainpress imports .docx, .odt, .html and .md files; save it as one of them "
     "(Word and LibreOffice: Save as .docx)"),
])
def test_hostile_or_unknown_files_are_refused_before_parsing(project, capsys, name, data, message):
    (project / name).write_bytes(data)
    assert cli.main(["import", name]) == 2
    assert capsys.readouterr().err.endswith(message + "\n")
    assert not (project / "source").exists()


def test_a_docx_with_macros_is_refused(project, capsys):
    with zipfile.ZipFile(project / "macro.docx", "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
        z.writestr("word/vbaProject.bin", b"x")
    assert cli.main(["import", "macro.docx"]) == 2
    assert "the document holds macros (vbaProject.bin); save it as a plain .docx (without macros)" in capsys.readouterr().err


MAIN_RELATIONSHIP = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                     '<Relationship Id="rId1" Target="word/document.xml" Type="http://schemas.openxmlformats.org/'
                     'officeDocument/2006/relationships/officeDocument"/></Relationships>')


def test_xml_with_entities_is_refused(project, capsys):
    with zipfile.ZipFile(project / "xxe.docx", "w") as z:
        z.writestr("_rels/.rels", MAIN_RELATIONSHIP)   # the main document is found through the relationships
        z.writestr("word/document.xml", '<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><d>&x;</d>')
    assert cli.main(["import", "xxe.docx"]) == 2
    assert "`word/document.xml` declares a DOCTYPE or entities" in capsys.readouterr().err


def test_a_package_without_a_main_document_is_refused(project, capsys):
    with zipfile.ZipFile(project / "parts.docx", "w") as z:
        z.writestr("word/document.xml", "<w:document/>")   # named as Word names it, but related by nothing
    assert cli.main(["import", "parts.docx"]) == 2
    assert "not a DOCX file (it has no main document); open it in Word or LibreOffice" in capsys.readouterr().err


def test_a_failed_write_leaves_nothing(project, monkeypatch):
    pictures(project / "walker.docx")
    imported = import_document(project / "walker.docx", project / "source", "walker")
    real = importer.write_atomic

    def failing(path, data):
        if path.suffix == ".md":
            raise OSError("disk full")
        real(path, data)
    monkeypatch.setattr(importer, "write_atomic", failing)
    with pytest.raises(OSError):
        write_imported(imported)
    assert list((project / "source/walker").iterdir()) == []


def test_a_picture_of_another_language_is_never_replaced(project):
    pictures(project / "walker.docx")
    folder = project / "source/walker"
    folder.mkdir(parents=True)
    (folder / "picture-1.png").write_bytes(b"another language's picture")
    imported = import_document(project / "walker.docx", project / "source", "walker")
    assert list(imported.pictures) == ["picture-2.png", "picture-3.png"]
    assert "![A person walking with a walker](picture-2.png)" in imported.text


def test_markdown_call_outs_of_mkdocs_github_and_our_own_become_fenced_divs():
    text = '!!! warning "Get help"\n    Call 911.\n\n> [!TIP]\n> Keep a spare.\n\n::: note Good to know\nWords.\n:::\n'
    assert prepare(text).text == ('::: {.warning title="Get help"}\n\nCall 911.\n\n:::\n\n'
                                  '::: {.note title="Tip" from="> [!TIP]"}\n\nKeep a spare.\n\n:::\n\n'
                                  '::: {.note title="Good to know"}\nWords.\n:::\n')


def test_front_matter_is_mapped_and_the_rest_listed():
    prepared = prepare("---\ntitle: A\nlanguage: es\nauthor: [Ana, Luis]\ntags: [x]\n---\nText\n")
    assert prepared.fields == {"title": "A", "lang": "es", "organisation": "Ana, Luis"}
    assert prepared.left_out == ["tags"]
    assert prepared.text == "\n" * 6 + "Text\n"


def test_github_alerts_import_as_call_outs(tmp_path):
    (tmp_path / "inhaler.md").write_text(GITHUB_MD, encoding="utf-8")
    text = import_document(tmp_path / "inhaler.md", tmp_path / "source", lang="en").text
    assert "::: note\nAsk your pharmacist to check how you use it.\n:::" in text
    assert "::: warning Important\nSee a doctor if you use it more than twice a week.\n:::" in text


SPANISH_HTML = """<html lang="es"><head><meta charset="utf-8"><title>Cómo cuidar su espalda</title></head><body>
<h1>Cómo cuidar su espalda</h1>
<h2>Qué hacer</h2>
<p>Camine un poco cada día.</p>
<p>Nota: si el dolor baja por la pierna, llame a la clínica.</p>
<h2>Palabras útiles</h2>
<table><tr><td><b>Palabra</b></td><td><b>Qué quiere decir</b></td></tr>
<tr><td>Ciática</td><td>Dolor que baja por la pierna.</td></tr></table>
</body></html>"""


def test_a_spanish_handout_keeps_its_accents_and_its_glossary_and_note_are_found(project, capsys):
    (project / "folleto.html").write_text(SPANISH_HTML, encoding="utf-8")
    assert cli.main(["import", "folleto.html", "--lang", "es"]) == 0
    text = (project / "source" / "como-cuidar-su-espalda" / "es.md").read_text(encoding="utf-8")
    assert "title: Cómo cuidar su espalda" in text
    assert "::: note\nSi el dolor baja por la pierna, llame a la clínica.\n:::" in text
    assert "## Palabras útiles\n\nCiática\n: Dolor que baja por la pierna." in text


def test_the_words_tell_the_language_when_the_styles_say_another():
    from plainpress.importing.findings import Findings
    from plainpress.importing.facts import Facts
    from plainpress.importing.metadata import Given, language
    words = ("La diabetes puede quitar la sensación en los pies. Por eso, mire sus pies todos los días "
             "y use zapatos que no le aprieten. Si ve una herida, llame a su médico.").split()
    findings = Findings()
    facts = Facts(lang="en-US", lang_from="the document's styles")
    assert language(Given({}, {}, facts, "", words), findings) == "es"
    assert language(Given({}, {}, facts, "", ["Take", "the", "pill", "with", "water"]), Findings()) == "en"

"""A theme's template overrides: checked before anything is rendered, and blamed after the validators."""
from __future__ import annotations

import pytest

from plainpress.findings import Finding
from plainpress.source import SourceError
from plainpress.templating import TEMPLATES
from plainpress.theme import load_theme
from plainpress.theme.overrides import explain_failures
from plainpress.validate import ToolResult
from themes import copy_theme

CSS = "pdf/large-print.css"


def problems(folder) -> list[str]:
    with pytest.raises(SourceError) as caught:
        load_theme(folder)
    return str(caught.value).splitlines()


def test_a_12_pt_override_fails_naming_its_file_and_line(tmp_path):
    folder = copy_theme(tmp_path / "theme", overrides={CSS: "/* small print */\n.about { font-size: 12pt; }\n"})
    assert problems(folder) == [
        f"{folder}/templates/{CSS}:2: the text size 12pt is below large print's 18 pt (24 px); "
        "use 18pt or more (headings 20pt or more), or leave sizes to plainpress's style sheet"]


def test_an_italic_face_fails_naming_its_file_and_line(tmp_path):
    folder = copy_theme(tmp_path / "theme", overrides={
        "html/page.css": '@font-face { font-family: "Serif"; font-style: italic; src: url("x.woff2"); }\n'})
    assert problems(folder) == [
        f"{folder}/templates/html/page.css:1: `font-style: italic` makes italic text, which large print does not use; "
        "use font-style: normal, and bold for emphasis"]


def test_every_fault_of_every_override_at_once(tmp_path):
    folder = copy_theme(tmp_path / "theme", overrides={
        CSS: "p { text-align: justify; hyphens: auto; }\nsmall { font: 0.8em Arial; }\na { color: #888; }\n",
        "pdf/guid.html": "{% extends 'plainpress/pdf/guide.html' %}\n",
        "docx/styles.yaml": "font: Arial\n",
        "epub/title.xhtml": "{% block body %}\n{% if %}\n{% endblock %}\n"})
    css = f"{folder}/templates/{CSS}"
    assert problems(folder) == [
        f"{folder}/templates/docx/styles.yaml:1: a theme cannot replace the DOCX's styles; delete this file: the DOCX "
        "takes the logo, organisation, contact block and accent colour from theme.yaml, and keeps plainpress's "
        "large-print styles",
        f"{folder}/templates/epub/title.xhtml:2: not a valid template (Expected an expression, got 'end of statement "
        "block'); correct the Jinja syntax; plainpress's own templates/ show the way",
        f"{folder}/templates/pdf/guid.html:1: plainpress has no template `pdf/guid.html` to replace; "
        "did you mean `pdf/guide.html`?",
        f"{css}:1: `text-align: justify` justifies text, stretching the gaps between words; "
        "large print is flush left: use text-align: left",
        f"{css}:1: `hyphens: auto` breaks words at line ends; large print keeps words whole: use hyphens: manual",
        f"{css}:2: the text size 0.8em is below large print's 18 pt (24 px); "
        "use 18pt or more (headings 20pt or more), or leave sizes to plainpress's style sheet",
        f"{css}:3: the text colour #888 has a contrast of 3.5:1 against white; large print needs 7:1 for text: "
        "use black (#000)"]


def test_our_own_templates_pass_the_check_and_comments_are_not_read_as_rules(tmp_path):
    ours = {name: (TEMPLATES / name).read_text() for name in ("_blocks.html", CSS, "html/page.css", "epub/reader.css")}
    ours["pdf/guide.html"] = "{# never font-style: italic #}\n<!-- nor text-align: justify -->\n" + ours.get("pdf/guide.html", "")
    folder = copy_theme(tmp_path / "theme", overrides=ours)
    assert load_theme(folder).overrides == ("_blocks.html", "epub/reader.css", "html/page.css", "pdf/guide.html", CSS)


def failing(tool: str) -> dict:
    finding = Finding("error", "pdf.size", "guide-en.pdf page 1", "2 characters under 18 pt", "large-print.css: 18pt")
    return {"pdf": [ToolResult(tool, "guide-en.pdf", True, {}, (finding,))],
            "docx": [ToolResult("docx-accessibility", "guide-en.docx", True, {}, ())]}


def test_a_validator_failure_under_a_theme_names_its_overrides_for_that_format(tmp_path):
    folder = copy_theme(tmp_path / "theme", overrides={"_blocks.html": (TEMPLATES / "_blocks.html").read_text()})
    theme = load_theme(folder)
    explained = explain_failures(failing("large-print"), theme)
    [finding] = explained["pdf"][0].findings
    assert finding.hint == (f"large-print.css: 18pt (a theme is in use: its overrides {folder}/templates/_blocks.html, "
                            f"{folder}/templates/pdf/guide.html may cause this; build without --theme to compare)")
    assert explained["docx"] == failing("large-print")["docx"]   # it passed: nothing to explain
    assert explain_failures(failing("large-print"), None) == failing("large-print")

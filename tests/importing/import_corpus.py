"""A corpus of handouts made by other programs, as a clinic would have them: LibreOffice Writer
documents (converted from HTML written here, DOCX and ODT), pandoc-made DOCX, python-docx documents
shaped like Google Docs and Word exports (numbering, a text box, comments, tracked changes, merged
cells, pictures, headers and fields), and Markdown written for MkDocs and for GitHub.

`make_corpus(folder)` writes them all (two soffice calls for every LibreOffice document) and returns
their paths by name. The tests build it once per session; benchmarks/bench_import_engines.py uses it too.
"""
from __future__ import annotations

import io
import subprocess
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Inches, RGBColor
from PIL import Image

# HTML for LibreOffice -------------------------------------------------------------------------------

FOOT_CARE = """<html><head><meta charset="utf-8"><title>Caring for your feet</title></head><body lang="en-GB">
<h1>Caring for your feet</h1>
<p>Diabetes can harm the nerves and blood flow in your feet. Check them <b>every day</b>, and <i>dry them well</i>
after you wash. Read more on <a href="https://example.org/feet">our foot care page</a>, write to
<a href="mailto:feet@example.org">our nurses</a> or call <a href="tel:+15550100">555 0100</a>. The old leaflet is on
<a href="ftp://files.example.org/feet.pdf">our file server</a>.</p>
<h2>Check your feet every day</h2>
<p>Look at the top and the bottom of each foot. Use a mirror if you cannot see the bottom.</p>
<ul><li>Look for cuts, blisters and red spots.<ul><li>Check between your toes.</li><li>Feel for warm spots.</li></ul></li>
<li>Look for changes in the colour of your skin.</li></ul>
<p style="border: 1px solid #000000; padding: 4pt">Call your care team if a cut does not heal in two days.</p>
<h2>Wash and dry your feet</h2>
<ol><li>Wash your feet in warm water.<ol><li>Test the water with your elbow.</li></ol></li><li>Dry them gently.</li>
<li>Put lotion on the tops and bottoms, not between the toes.</li></ol>
<p>Warning: Do not soak your feet for a long time. It dries the skin.</p>
<p><b>Questions to ask</b></p>
<ul><li>How often should my feet be checked?</li><li>Which shoes are best for me?</li></ul>
<h2>Your week</h2>
<table border="1"><thead><tr><th>Day</th><th>Task</th></tr></thead>
<tbody><tr><td>Monday</td><td>Trim your toenails</td></tr><tr><td>Every day</td><td>Check and wash your feet</td></tr></tbody></table>
<h2>Words to know</h2>
<p><b>Blister</b>: a bubble of fluid under the skin.</p>
<p><b>Callus</b>: hard, thick skin that builds up where a shoe rubs.</p>
</body></html>
"""

MEDICINES = """<html><head><meta charset="utf-8"><title>Taking your heart medicines</title></head><body lang="en-US">
<h1>Taking your heart medicines</h1>
<p>Note: bring this sheet to every visit.</p>
<h1>Why the medicines matter</h1>
<p>Your medicines help your heart pump and keep your blood pressure down. Take them even when you feel well.</p>
<h3>When to take them</h3>
<p>Take them at the same time each day. A pill box can help you remember.</p>
<p style="background: #ffff99">Important: Do not stop a medicine without asking your doctor first.</p>
<h1>Side effects</h1>
<table border="1"><tr><td><b>Medicine</b></td><td><b>What you may notice</b></td></tr>
<tr><td>Water pill</td><td>You pass urine more often.</td></tr><tr><td>Beta blocker</td><td>You feel tired at first.</td></tr></table>
<p>The old schedule is in <a href="file:///C:/clinic/schedule.doc">the shared folder</a>.</p>
<h1>Words to know</h1>
<table border="1"><tr><td>Dose</td><td>How much medicine you take at one time.</td></tr>
<tr><td>Side effect</td><td>A problem a medicine can cause besides its use.</td></tr></table>
</body></html>
"""

WEB_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Sleep after surgery</title></head><body>
<h1>Sleep after surgery</h1>
<p>Good sleep helps you heal. These tips can help you rest.</p>
<h2>Tips for better sleep</h2>
<ul><li>Go to bed at the same time each night.</li><li>Keep your room dark and cool.</li></ul>
<h2>When to call us</h2>
<p>Call us at <a href="tel:+15550199">555 0199</a> if you cannot sleep for three nights in a row.</p>
<p><img src="pillow.png" alt="A pillow and a blanket on a bed"></p>
<h2>Words to know</h2>
<dl><dt>Insomnia</dt><dd>Trouble falling asleep or staying asleep.</dd></dl>
</body></html>
"""

# Markdown -------------------------------------------------------------------------------------------

PANDOC_MD = """---
title: Living with asthma
subtitle: A guide for adults
author: Lakeside Clinic
date: 2026-03-01
lang: en
---

# What is asthma?

Asthma makes the airways in your lungs narrow and swollen.[^1] It can make it hard to breathe.

![A drawing of the lungs and airways](lungs.png)

# Your action plan

1. Take your controller medicine every day.
   - Use it even when you feel fine.
2. Keep your rescue inhaler with you.

| Zone | What to do |
|------|------------|
| Green | Keep taking your medicines. |
| Red | Call 911. |

Peak flow meter
:   A small tool that shows how well air moves out of your lungs.

[^1]: Doctors call this inflammation.
"""

FOOTNOTES_MD = """---
title: Getting ready for a colonoscopy
lang: en
---

# The day before

Drink only clear liquids the day before your test.[^clear] Stop eating solid food at breakfast.

# The bowel prep

Mix the powder with water and drink it in two parts.[^split] Stay close to a toilet.

[^clear]: Clear liquids are water, broth, apple juice and plain tea.
[^split]: Drink the first part in the evening and the second part early the next morning.
"""

MKDOCS_MD = """---
title: Managing high blood pressure
language: en
date: 2026-02-14
author: Hillside Heart Team
description: For the website
---

# Managing high blood pressure

High blood pressure often has no signs. That is why it is important to check it.

!!! note
    Write down each reading in a notebook.

## Healthy habits

- Eat less salt.
    - Read food labels for sodium.
- Walk for 30 minutes most days.

!!! warning "When to get help now"
    Call 911 if you have a very bad headache and chest pain.

## Your medicines

1. Take them at the same time every day.
2. Bring the list to each visit.
"""

GITHUB_MD = """# Using your inhaler

This page shows how to use an inhaler with a spacer.

> [!NOTE]
> Ask your pharmacist to check how you use it.

## Steps

1. Shake the inhaler.
2. Put it into the spacer.
3. Breathe in slowly.

> [!WARNING]
> Rinse your mouth after a steroid inhaler.

> [!TIP]
> Keep a spare inhaler at work.

> [!IMPORTANT]
> See a doctor if you use it more than twice a week.

Learn more at <https://example.org/inhalers>.
"""


# Pictures -------------------------------------------------------------------------------------------

def picture(colour: str, size=(120, 80)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "PNG")
    return out.getvalue()


# python-docx documents ------------------------------------------------------------------------------

W_NS = nsdecls("w")


def numbering_google_like(document) -> tuple[int, int]:
    """Two lists as Google Docs exports them: Normal paragraphs with numPr, bullets as ● ○ ■ glyphs,
    an ordered list of decimal, lowerLetter and lowerRoman levels; returns their numIds."""
    numbering = document.part.numbering_part.element
    glyphs = [("bullet", "●"), ("bullet", "○"), ("bullet", "■")]
    numbers = [("decimal", "%1."), ("lowerLetter", "%2."), ("lowerRoman", "%3.")]
    ids = []
    for n, levels in ((90, glyphs), (91, numbers)):
        lvls = "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
                       f'<w:pPr><w:ind w:left="{720 * (i + 1)}" w:hanging="360"/></w:pPr></w:lvl>'
                       for i, (fmt, text) in enumerate(levels))
        numbering.insert(0, parse_xml(f'<w:abstractNum {W_NS} w:abstractNumId="{n}">{lvls}</w:abstractNum>'))
        numbering.append(parse_xml(f'<w:num {W_NS} w:numId="{n}"><w:abstractNumId w:val="{n}"/></w:num>'))
        ids.append(n)
    return ids[0], ids[1]


def numbered(document, text: str, num_id: int, level: int):
    paragraph = document.add_paragraph(text)
    paragraph._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {W_NS}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    return paragraph


def gdocs_numbering(path: Path) -> None:
    d = docx.Document()
    bullets, numbers = numbering_google_like(d)
    d.add_paragraph("Eating well with kidney disease", style="Title")
    d.add_paragraph("Your kidneys clean your blood. What you eat can help them work.")
    d.add_heading("Foods to choose", 1)
    numbered(d, "Fresh fruit such as apples and berries", bullets, 0)
    numbered(d, "Rice and pasta", bullets, 0)
    numbered(d, "White rice is lower in phosphorus", bullets, 1)
    numbered(d, "Check with your dietitian", bullets, 2)
    d.add_heading("Steps for each meal", 1)
    numbered(d, "Plan the meal ahead", numbers, 0)
    numbered(d, "Read the label", numbers, 1)
    numbered(d, "Look for salt", numbers, 1)
    numbered(d, "Cook at home when you can", numbers, 0)
    d.save(path)


TEXT_BOX = """<mc:AlternateContent {ns}><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="0"
distR="0" simplePos="0" relativeHeight="2" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0"
y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV
relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="2000000" cy="600000"/><wp:wrapSquare
wrapText="bothSides"/><wp:docPr id="5" name="Text Box 5"/><a:graphic><a:graphicData
uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off
x="0" y="0"/><a:ext cx="2000000" cy="600000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr><wps:txbx><w:txbxContent><w:p><w:r><w:t>Call
the ward on 555 0123 at any time.</w:t></w:r></w:p></w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape
id="Text Box 5" style="width:157pt;height:47pt" type="#_x0000_t202"><v:textbox><w:txbxContent><w:p><w:r><w:t>Call the ward on
555 0123 at any time.</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent>"""

NAMESPACES = ('xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
              'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
              'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
              'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
              'xmlns:v="urn:schemas-microsoft-com:vml" ' + W_NS)


def text_box(path: Path) -> None:
    d = docx.Document()
    d.add_heading("After your operation", 0)
    d.add_heading("Going home", 1)
    d.add_paragraph("You can go home when you can eat, drink and walk.")
    run = d.add_paragraph().add_run()
    run._r.append(parse_xml(TEXT_BOX.format(ns=NAMESPACES)))
    d.add_paragraph("Rest for the first week and do not lift anything heavy.")
    d.save(path)


def comments(path: Path) -> None:
    d = docx.Document()
    d.add_heading("Quitting smoking", 0)
    d.add_heading("Why quit", 1)
    paragraph = d.add_paragraph()
    run = paragraph.add_run("Quitting lowers your risk of heart disease.")
    d.add_comment(run, text="Check this against the new leaflet.", author="Dr Reviewer", initials="DR")
    d.add_paragraph("Your care team can help you make a plan.")
    d.save(path)


def tracked_changes(path: Path) -> None:
    d = docx.Document()
    d.add_heading("Wound care", 0)
    paragraph = d.add_paragraph("Change the dressing ")
    paragraph._p.append(parse_xml(f'<w:ins {W_NS} w:id="1" w:author="Editor" w:date="2026-01-01T00:00:00Z">'
                                  '<w:r><w:t>every day</w:t></w:r></w:ins>'))
    paragraph._p.append(parse_xml(f'<w:del {W_NS} w:id="2" w:author="Editor" w:date="2026-01-01T00:00:00Z">'
                                  '<w:r><w:delText>twice a week</w:delText></w:r></w:del>'))
    d.save(path)


def merged_cells(path: Path) -> None:
    d = docx.Document()
    d.add_heading("Your clinic visits", 0)
    d.add_paragraph("Here is when to come in during the first year.")
    table = d.add_table(rows=4, cols=3)
    for r, row in enumerate([("Month", "Visit", "Tests"), ("1", "Nurse", "Blood test"),
                             ("3", "Doctor", "Scan"), ("6", "Doctor", "Blood test")]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    for cell in table.rows[0].cells:
        for run in cell.paragraphs[0].runs:
            run.bold = True
    table.cell(2, 1).merge(table.cell(3, 1))
    d.add_paragraph("Bring your list of medicines to each visit.")
    d.save(path)


def pictures(path: Path) -> None:
    d = docx.Document()
    d.add_heading("Using a walker", 0)
    d.add_paragraph("A walker helps you keep your balance.")
    d.add_picture(io.BytesIO(picture("navy")), width=Inches(2))
    set_alt(d, -1, "A person walking with a walker")
    d.add_paragraph("Keep the walker close to your body as you move.")
    d.add_picture(io.BytesIO(picture("darkgreen")), width=Inches(2))
    set_alt(d, -1, "")
    d.save(path)


def set_alt(document, index: int, alt: str) -> None:
    doc_pr = document.paragraphs[index]._p.xpath(".//wp:docPr")[0]
    doc_pr.set("descr", alt)


def word_features(path: Path) -> None:
    """What a source cannot hold: a header and a footer, a field, coloured and underlined words and an equation."""
    d = docx.Document()
    d.core_properties.author = "Maple Street Clinic"
    d.add_paragraph("Checking your blood sugar", style="Title")
    section = d.sections[0]
    section.header.paragraphs[0].text = "Maple Street Clinic - patient leaflet"
    section.footer.paragraphs[0].text = "Printed copy"
    d.add_heading("How to check", 1)
    paragraph = d.add_paragraph("Wash your hands first. ")
    red = paragraph.add_run("Never share your meter.")
    red.font.color.rgb = RGBColor(0xC0, 0, 0)
    paragraph.add_run(" Write each ")
    paragraph.add_run("result").underline = True
    paragraph.add_run(" in your log.")
    field = d.add_paragraph("This sheet was printed on ")
    field._p.append(parse_xml(f'<w:fldSimple {W_NS} w:instr=" DATE \\@ &quot;d MMMM yyyy&quot; ">'
                              '<w:r><w:t>1 March 2026</w:t></w:r></w:fldSimple>'))
    field.add_run(".")
    maths = d.add_paragraph("Your target is ")
    maths._p.append(parse_xml('<m:oMath xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math">'
                              '<m:r><m:t>4&lt;x&lt;7</m:t></m:r></m:oMath>'))
    maths.add_run(" before meals.")
    d.save(path)


# The corpus -----------------------------------------------------------------------------------------

def soffice(sources: list[Path], fmt: str, out: Path) -> None:
    """One LibreOffice run converts every file (HTML read as a Writer text document)."""
    subprocess.run(["soffice", "--headless", "--infilter=HTML (StarWriter)", "--convert-to", fmt,
                    "--outdir", str(out), *map(str, sources)], check=True, capture_output=True, timeout=300)


def pandoc(markdown: str, target: Path, resources: Path) -> None:
    import pypandoc
    pypandoc.convert_text(markdown, target.suffix[1:], format="markdown", outputfile=str(target),
                          extra_args=["--sandbox=false", f"--resource-path={resources}"])


# name -> (what it is, the program that made it)
CORPUS = {
    "lo-foot-care.docx": "LibreOffice Writer DOCX from HTML",
    "lo-foot-care.odt": "LibreOffice Writer ODT from HTML",
    "lo-medicines.docx": "LibreOffice Writer DOCX from HTML (heading levels 1 and 3, glossary table)",
    "lo-medicines.odt": "LibreOffice Writer ODT from HTML",
    "pandoc-asthma.docx": "pandoc DOCX from Markdown (picture, definition list)",
    "pandoc-footnotes.docx": "pandoc DOCX with footnotes",
    "gdocs-numbering.docx": "python-docx, Google-Docs-like numbering",
    "text-box.docx": "python-docx, a Word text box",
    "comments.docx": "python-docx, a comment",
    "tracked-changes.docx": "python-docx, tracked changes",
    "merged-cells.docx": "python-docx, a merged table cell",
    "pictures.docx": "python-docx, pictures with and without alt text",
    "word-features.docx": "python-docx, header, footer, field, colour, underline, equation",
    "web-page.html": "an HTML page with a picture",
    "mkdocs.md": "Markdown for MkDocs (admonitions)",
    "github.md": "Markdown for GitHub (alerts)",
}


def make_corpus(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    html = folder / "html"
    html.mkdir(exist_ok=True)
    for name, text in (("lo-foot-care", FOOT_CARE), ("lo-medicines", MEDICINES)):
        (html / f"{name}.html").write_text(text, encoding="utf-8")
    sources = sorted(html.glob("*.html"))
    soffice(sources, "docx", folder)
    soffice(sources, "odt", folder)
    (folder / "lungs.png").write_bytes(picture("steelblue"))
    pandoc(PANDOC_MD, folder / "pandoc-asthma.docx", folder)
    pandoc(FOOTNOTES_MD, folder / "pandoc-footnotes.docx", folder)
    for name, make in (("gdocs-numbering", gdocs_numbering), ("text-box", text_box), ("comments", comments),
                       ("tracked-changes", tracked_changes), ("merged-cells", merged_cells),
                       ("pictures", pictures), ("word-features", word_features)):
        make(folder / f"{name}.docx")
    (folder / "web-page.html").write_text(WEB_PAGE, encoding="utf-8")
    (folder / "pillow.png").write_bytes(picture("khaki"))
    (folder / "mkdocs.md").write_text(MKDOCS_MD, encoding="utf-8")
    (folder / "github.md").write_text(GITHUB_MD, encoding="utf-8")
    return {name: folder / name for name in CORPUS}

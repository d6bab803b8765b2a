"""LibreOffice opens the DOCX the way a clinic's or a translator's office suite would: headless, to PDF.

The DOCX passes when LibreOffice converts it and no words are lost on the way, white space aside: every
body paragraph must be in the converted PDF's text, in order; every table's characters must be there,
between the paragraphs around it, in any order (the PDF's text runs line by line across a table's columns,
so a cell that wraps comes apart); each header and footer must be on some page, its fields (page numbers)
taking any value, and it is cut from each page's text before the body is compared (a paragraph that runs
over a page break would otherwise be split by it).
Right-to-left text comes out of a PDF in no reliable order within a line (text_match.py): a passage with
right-to-left letters is found as its characters in any order, in order with the passages around it, with
nothing beside it but a list's number or bullet; a header or footer as the characters of the page's first
or last lines. Characters nothing draws (bidi marks, joiners) are left out on both sides.
LibreOffice's pages also go through the layout check (layout.py: how full each page is, the last page's
lines, headings at a page's foot), its findings among this result's, its figures in its counts.
Each run has its own throwaway profile, so runs in parallel do not clash over one; one run converts
every DOCX of a build (`run_libreoffice_batch`).
"""
from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path

from ..findings import Finding
from ..lifetime import die_with_this_thread
from .result import ToolResult
from .text_match import find, marks_only, out_of_order, squeeze

TOOL = "libreoffice"
DOCX_FILTER = "MS Word 2007 XML"  # never fall back to importing a broken file as plain text
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MESSAGES = {
    "paragraph": "this text is missing from (or out of order in) LibreOffice's PDF",
    "cell": "this table cell's text is missing from LibreOffice's PDF",
    "table": "some of this table's text is missing from LibreOffice's PDF",
    "running": "this header or footer is on no page of LibreOffice's PDF",
}


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def run_libreoffice(path: Path, timeout: float = 180) -> ToolResult:
    return run_libreoffice_batch([path], timeout)[0]


def run_libreoffice_batch(paths: list[Path], timeout: float = 180) -> list[ToolResult]:
    """One LibreOffice for many DOCX files (it starts in seconds and converts each in a fraction of
    one), then each file's text compared with its PDF. Files of the same name go in separate runs."""
    program, paths = soffice(), [Path(p) for p in paths]
    if program is None:
        return [ToolResult(TOOL, p.name, False, note="LibreOffice (soffice) is not installed") for p in paths]
    results = {}
    for group in groups_of_distinct_names(paths):
        with tempfile.TemporaryDirectory(prefix="plainpress-soffice-") as tmp:
            pdfs, problem = convert(program, [p.resolve() for p in group], Path(tmp), timeout + 10 * (len(group) - 1))
            for path in group:
                results[path] = compare(path, pdfs[path.resolve()], problem)
    return [results[p] for p in paths]


def groups_of_distinct_names(paths: list[Path]) -> list[list[Path]]:
    """LibreOffice names each PDF after its DOCX: `a/x.docx` and `b/x.docx` may not share a run."""
    groups: list[list[Path]] = []
    for path in paths:
        group = next((g for g in groups if path.name not in {p.name for p in g}), None)
        group.append(path) if group is not None else groups.append([path])
    return groups


def compare(path: Path, pdf: Path, problem: str) -> ToolResult:
    """The DOCX's text against LibreOffice's PDF of it."""
    if not pdf.is_file() or pdf.stat().st_size == 0:  # what LibreOffice said may concern another file
        return failed(path, "libreoffice.convert", problem or "LibreOffice could not convert the DOCX to PDF")
    try:
        pages = pdf_page_texts(pdf)
    except Exception as err:  # LibreOffice wrote something that is not a readable PDF
        return failed(path, "libreoffice.convert", f"the converted PDF cannot be read: {err}")
    try:
        passages, running = docx_text(path)
    except Exception as err:  # LibreOffice opened a file that python-docx cannot: still a broken DOCX
        return failed(path, "libreoffice.text-lost", f"python-docx cannot read the DOCX to compare: {err}", len(pages))
    body, running_lost = cut_running(pages, running)
    findings = tuple(Finding("error", "libreoffice.text-lost", f"{path.name}: {place}",
                             f'{MESSAGES[kind]}: "{words[:60]}"',
                             "Open the DOCX in LibreOffice Writer and look for the text: a part of the DOCX that "
                             "LibreOffice does not read (a text box, a field, a content control) hides it.")
                     for kind, place, words in lost(passages, body) + running_lost)
    layout = pages_layout(path, pdf, running)
    counts = {"pages": len(pages), "errors": len(findings), **{k: v for k, v in layout.counts.items() if k != "pages"}}
    return ToolResult(TOOL, path.name, True, counts, findings + layout.findings)


def pages_layout(path: Path, pdf: Path, running: list[Running]) -> ToolResult:
    """The layout check (layout.py) on LibreOffice's pages, its footer known from the DOCX's."""
    from .layout import check_layout

    footers = [part for part in running if not part.header]

    def is_footer(lines: list[str]) -> bool:
        return any((cut := cut_one(lines, part)) is not None and not squeeze("".join(cut)) for part in footers)
    return check_layout(pdf, is_footer, "docx", where="in LibreOffice's pages of the DOCX, ", name=path.name)


def convert(program: str, docxs: list[Path], tmp: Path, timeout: float) -> tuple[dict[Path, Path], str]:
    """LibreOffice's PDF of each DOCX, and "" or what went wrong."""
    out = tmp / "out"
    command = [program, f"-env:UserInstallation={(tmp / 'profile').as_uri()}", "--headless", "--norestore",
               "--nolockcheck", f"--infilter={DOCX_FILTER}", "--convert-to", "pdf", "--outdir", str(out),
               *map(str, docxs)]
    pdfs = {docx: out / (docx.stem + ".pdf") for docx in docxs}
    # a session of its own: on a timeout the whole group goes, soffice.bin included, not only the launcher
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               start_new_session=True, env={**os.environ, "HOME": str(tmp)},
                               preexec_fn=die_with_this_thread)
    try:
        output, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        shutil.rmtree(out, ignore_errors=True)  # a PDF cut short is no PDF
        return pdfs, f"LibreOffice did not finish converting within {timeout:g} s"
    if process.returncode != 0 or not all(pdf.is_file() and pdf.stat().st_size for pdf in pdfs.values()):
        said = " ".join(line for line in output.splitlines() if "javaldx" not in line).strip()[:300] or "nothing"
        return pdfs, f"LibreOffice could not convert the DOCX to PDF (exit {process.returncode}; it said: {said})"
    return pdfs, ""


def failed(path: Path, rule: str, message: str, pages: int = 0) -> ToolResult:
    hint = "Open the DOCX in LibreOffice Writer and in Word: a DOCX that does not open is useless to a clinic."
    finding = Finding("error", rule, path.name, message, hint)
    return ToolResult(TOOL, path.name, True, {"pages": pages, "errors": 1}, (finding,))


def pdf_page_texts(pdf: Path) -> list[str]:
    import pdfplumber

    with pdfplumber.open(pdf) as document:
        return [page.extract_text() or "" for page in document.pages]


@dataclass(frozen=True)
class Passage:
    """Text of the DOCX to find in the PDF: a body paragraph (`text`), or a table (`cells`: place and text)."""
    place: str
    text: str = ""
    cells: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Running:
    """A header or footer: its part's name, its text, its pattern (fields as any short text), where it sits,
    and how many fields it has."""
    name: str
    text: str
    pattern: re.Pattern = field(repr=False)
    header: bool = False
    fields: int = 0


def docx_text(path: Path) -> tuple[list[Passage], list[Running]]:
    """The body's passages in reading order, and each header and footer: its part's name, text and pattern."""
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.table import Table

    document, passages = docx.Document(str(path)), []
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            passages.append(table_passage(item, f"table {sum(bool(p.cells) for p in passages) + 1}"))
        else:
            passages.append(Passage(f"paragraph {sum(not p.cells for p in passages) + 1}", item.text))
    running = [(rel.target_part.partname.rsplit("/", 1)[-1], rel.reltype == RT.HEADER, rel.target_part.element)
               for rel in document.part.rels.values() if rel.reltype in (RT.HEADER, RT.FOOTER)]
    return passages, [Running(name, text_of(root), running_pattern(root, header), header, fields_in(root))
                      for name, header, root in running if squeeze(text_of(root))]


def table_passage(table, place: str) -> Passage:
    """A table's cells, a merged cell once, each with the text of all its paragraphs (nested tables too)."""
    from docx.text.paragraph import Paragraph

    cells, seen = [], set()
    for r, row in enumerate(table.rows, 1):
        for c, cell in enumerate(row.cells, 1):
            if cell._tc not in seen:
                seen.add(cell._tc)
                text = " ".join(Paragraph(p, cell).text for p in cell._tc.iter(W + "p"))
                cells.append((f"{place}, row {r}, cell {c}", text))
    return Passage(place, cells=tuple(cells))


def text_of(root) -> str:
    return "".join(t.text or "" for t in root.iter(W + "t"))


def fields_in(root) -> int:
    return sum(1 for el in root.iter(W + "fldSimple", W + "fldChar")
               if el.tag == W + "fldSimple" or el.get(W + "fldCharType") == "begin")


def running_pattern(root, header: bool) -> re.Pattern:
    """A header's or footer's squeezed text, each field (a page number, the page count) as any short text,
    anchored at the start of a page's text (a header) or at its end (a footer)."""
    pieces, depth = [], 0
    for el in root.iter(W + "t", W + "fldSimple", W + "fldChar"):
        kind = el.get(W + "fldCharType")
        if el.tag == W + "fldSimple" or kind == "begin" and depth == 0:
            pieces.append(".{0,40}?")
        depth += {"begin": 1, "end": -1}.get(kind, 0)
        if el.tag == W + "t" and depth == 0 and not any(a.tag == W + "fldSimple" for a in el.iterancestors()):
            pieces.append(re.escape(squeeze(el.text or "")))
    return re.compile(("^" if header else "") + "".join(pieces) + ("" if header else "$"), re.S)


def cut_running(pages: list[str], running: list[Running]) -> tuple[str, list[tuple[str, str, str]]]:
    """The pages' squeezed text without their headers and footers, and each header or footer found on no page."""
    body, seen = [], set()
    for page in pages:
        lines = page.splitlines()
        for part in running:
            cut = cut_one(lines, part)
            if cut is not None:
                lines = cut
                seen.add(part.name)
        body.append(squeeze("\n".join(lines)))
    missing = [("running", part.name, " ".join(part.text.split())) for part in running if part.name not in seen]
    return "".join(body), missing


def cut_one(lines: list[str], part: Running) -> list[str] | None:
    """The page's lines without the header or footer (None when it is not there): found in order in the
    page's squeezed text, or for right-to-left words as the characters of its first (last) lines in any
    order, with digits for its fields."""
    want = Counter(squeeze(part.text)) if out_of_order(part.text) else None
    for k in range(1, min(3, len(lines)) + 1) if want else ():
        edge = Counter(squeeze("".join(lines[:k] if part.header else lines[-k:])))
        if not want - edge and marks_only(edge - want, 8 * part.fields):
            return lines[k:] if part.header else lines[:-k]
    text, cuts = part.pattern.subn("", squeeze("\n".join(lines)), count=1)
    return [text] if cuts else None


def lost(passages: list[Passage], text: str) -> list[tuple[str, str, str]]:
    """(kind, place, text) of each paragraph not found in `text` after the one before it, and of each table
    whose characters are not all between the paragraphs around it (tables side by side count as one)."""
    haystack, position, missing, done = squeeze(text), 0, [], 0
    for is_table, group in groupby(passages, key=lambda passage: bool(passage.cells)):
        group = list(group)
        done += len(group)
        if is_table:
            length = sum(len(squeeze(text)) for table in group for _, text in table.cells)
            end = next_paragraph(passages[done:], haystack, position, length)
            missing += lost_cells(group, haystack[position:end])
            position = end
            continue
        for paragraph in group:
            found = find(squeeze(paragraph.text), haystack, position)
            if found is None:
                missing.append(("paragraph", paragraph.place, paragraph.text.strip()))
            else:
                position = found[1]
    return missing


def next_paragraph(following: list[Passage], haystack: str, position: int, skip: int) -> int:
    """Where the first of the following paragraphs that is there starts: looked for `skip` characters on (the
    length of the tables before it), so that a table cell with the same words is not taken for it."""
    for passage in following:
        needle = squeeze(passage.text)
        if needle:
            found = find(needle, haystack, position + skip) or find(needle, haystack, position)
            if found is not None:
                return found[0]
    return len(haystack)


def lost_cells(tables: list[Passage], region: str) -> list[tuple[str, str, str]]:
    """Nothing when the tables' characters are all in `region`; else the cells with a word that is not (or,
    failing that, the tables)."""
    cells, present = [cell for table in tables for cell in table.cells], Counter(region)
    if not Counter(squeeze("".join(text for _, text in cells))) - present:
        return []
    gone = [("cell", place, text.strip()) for place, text in cells
            if any(squeeze(word) not in region and (not out_of_order(word) or Counter(squeeze(word)) - present)
                   for word in text.split())]
    return gone or [("table", table.place, " | ".join(text for _, text in table.cells)) for table in tables]

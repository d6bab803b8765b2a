"""LibreOffice opens the DOCX the way a clinic's or a translator's office suite would: headless, to PDF.

The DOCX passes when LibreOffice converts it and no paragraph's words are lost on the way: every
paragraph of the DOCX (tables included) must be in the converted PDF's text, in order, white space aside.
Each run has its own throwaway profile, so runs in parallel do not clash over one.
"""
from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import tempfile
import unicodedata
from pathlib import Path

from ..findings import Finding
from . import ToolResult

TOOL = "libreoffice"
DOCX_FILTER = "MS Word 2007 XML"  # never fall back to importing a broken file as plain text


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def run_libreoffice(path: Path, timeout: float = 180) -> ToolResult:
    program, path = soffice(), Path(path)
    if program is None:
        return ToolResult(TOOL, path.name, False, note="LibreOffice (soffice) is not installed")
    with tempfile.TemporaryDirectory(prefix="plainpress-soffice-") as tmp:
        pdf, problem = convert(program, path.resolve(), Path(tmp), timeout)
        if problem:
            return failed(path, "libreoffice.convert", problem)
        try:
            pages, text = pdf_pages_and_text(pdf)
        except Exception as err:  # LibreOffice wrote something that is not a readable PDF
            return failed(path, "libreoffice.convert", f"the converted PDF cannot be read: {err}")
    try:
        paragraphs = docx_paragraphs(path)
    except Exception as err:  # LibreOffice opened a file that python-docx cannot: still a broken DOCX
        return failed(path, "libreoffice.text-lost", f"python-docx cannot read the DOCX to compare: {err}", pages)
    findings = tuple(Finding("error", "libreoffice.text-lost", f"{path.name}: paragraph {n}",
                             f'this text is missing from (or out of order in) LibreOffice\'s PDF: "{words[:60]}"',
                             "Open the DOCX in LibreOffice Writer and look for the paragraph: a part of the "
                             "DOCX that LibreOffice does not read (a text box, a field, a content control) hides it.")
                     for n, words in lost(paragraphs, text))
    return ToolResult(TOOL, path.name, True, {"pages": pages, "errors": len(findings)}, findings)


def convert(program: str, docx: Path, tmp: Path, timeout: float) -> tuple[Path, str]:
    """LibreOffice's PDF of the DOCX, and "" or what went wrong."""
    out = tmp / "out"
    command = [program, f"-env:UserInstallation={(tmp / 'profile').as_uri()}", "--headless", "--norestore",
               "--nolockcheck", f"--infilter={DOCX_FILTER}", "--convert-to", "pdf", "--outdir", str(out), str(docx)]
    # a session of its own: on a timeout the whole group goes, soffice.bin included, not only the launcher
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               start_new_session=True, env={**os.environ, "HOME": str(tmp)})
    try:
        output, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        return out, f"LibreOffice did not finish converting within {timeout:g} s"
    pdf = out / (docx.stem + ".pdf")
    if process.returncode != 0 or not pdf.is_file() or pdf.stat().st_size == 0:
        said = " ".join(line for line in output.splitlines() if "javaldx" not in line).strip()[:300] or "nothing"
        return pdf, f"LibreOffice could not convert the DOCX to PDF (exit {process.returncode}; it said: {said})"
    return pdf, ""


def failed(path: Path, rule: str, message: str, pages: int = 0) -> ToolResult:
    hint = "Open the DOCX in LibreOffice Writer and in Word: a DOCX that does not open is useless to a clinic."
    finding = Finding("error", rule, path.name, message, hint)
    return ToolResult(TOOL, path.name, True, {"pages": pages, "errors": 1}, (finding,))


def pdf_pages_and_text(pdf: Path) -> tuple[int, str]:
    import pdfplumber

    with pdfplumber.open(pdf) as document:
        return len(document.pages), "\n".join(page.extract_text() or "" for page in document.pages)


def docx_paragraphs(path: Path) -> list[str]:
    """The text of every paragraph, in reading order: tables cell by cell, a merged cell once."""
    import docx
    from docx.table import Table

    def walk(container) -> list[str]:
        out = []
        for item in container.iter_inner_content():
            if isinstance(item, Table):
                seen = []
                for cell in (c for row in item.rows for c in row.cells):
                    if cell._tc not in seen:
                        seen.append(cell._tc)
                        out += walk(cell)
            else:
                out.append(item.text)
        return out

    return walk(docx.Document(str(path)))


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def lost(paragraphs: list[str], text: str) -> list[tuple[int, str]]:
    """(number, text) of each paragraph not found in `text` after the one before it."""
    haystack, position, missing = squeeze(text), 0, []
    for n, paragraph in enumerate(paragraphs, 1):
        needle = squeeze(paragraph)
        if not needle:
            continue
        found = haystack.find(needle, position)
        if found < 0:
            missing.append((n, paragraph.strip()))
        else:
            position = found + len(needle)
    return missing
